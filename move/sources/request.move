/// `Request`: one unit of work stored in a Pipe's `pending` (or `dead`) table.
///
/// Only the package creates, changes and destroys requests; everyone can read them. `attempt` is
/// the fencing token (starts at 1, only goes up); `tries` counts the attempts of the current round
/// and is what `max_attempts` limits (`redrive` resets it without lowering `attempt`).
module dtp::request;

use std::string::String;

/// Field order is the BCS layout.
public struct Request has store {
    seq: u64,
    sender: address,
    /// Affinity key (may be empty).
    key: vector<u8>,
    /// Preferred region (may be empty).
    region: String,
    payload: vector<u8>,
    /// The current assignee.
    server: address,
    attempt: u32,
    tries: u32,
    claimed: bool,
    created_ms: u64,
    deadline_ms: u64,
}

/// A fresh request: first attempt of the first round, unclaimed.
public(package) fun new(
    seq: u64,
    sender: address,
    key: vector<u8>,
    region: String,
    payload: vector<u8>,
    server: address,
    created_ms: u64,
    deadline_ms: u64,
): Request {
    Request {
        seq,
        sender,
        key,
        region,
        payload,
        server,
        attempt: 1,
        tries: 1,
        claimed: false,
        created_ms,
        deadline_ms,
    }
}

/// Hands the request to `server` with a new lease: `attempt + 1` fences the previous assignee.
/// `tries` is set by the caller (`tries + 1` for a reassignment, 1 for a redrive).
public(package) fun reassign(self: &mut Request, server: address, tries: u32, deadline_ms: u64) {
    self.server = server;
    self.attempt = self.attempt + 1;
    self.tries = tries;
    self.claimed = false;
    self.deadline_ms = deadline_ms;
}

/// Marks the request claimed and extends its lease.
public(package) fun claim(self: &mut Request, deadline_ms: u64) {
    self.claimed = true;
    self.deadline_ms = deadline_ms;
}

/// Requests have no `drop`: leaving the Pipe is always explicit.
public(package) fun destroy(self: Request) {
    let Request { .. } = self;
}

// === Getters ===

public fun seq(self: &Request): u64 { self.seq }

public fun sender(self: &Request): address { self.sender }

public fun key(self: &Request): vector<u8> { self.key }

public fun region(self: &Request): String { self.region }

public fun payload(self: &Request): vector<u8> { self.payload }

public fun server(self: &Request): address { self.server }

public fun attempt(self: &Request): u32 { self.attempt }

public fun tries(self: &Request): u32 { self.tries }

public fun claimed(self: &Request): bool { self.claimed }

public fun created_ms(self: &Request): u64 { self.created_ms }

public fun deadline_ms(self: &Request): u64 { self.deadline_ms }
