/// `Pipe`: a queue of requests over one Host, with the whole request lifecycle.
///
/// `send` selects an endpoint and stores the request in `pending`; the assignee `claim`s and
/// `complete`s it (or `release`s it); after the lease deadline another healthy endpoint may
/// `takeover`. Every (re)assignment raises `attempt`, the fencing token, so a late answer of a
/// previous assignee aborts with `EStaleAttempt`. After `max_attempts` tries a request moves to
/// `dead`, from which the admin can `redrive` or `purge_dead` it.
///
/// The Pipe only reads the Host: load counters (`inflight`) live here, so the hot path contends on
/// this one shared object, and throughput scales by adding Pipes over the same Host.
///
/// Every abort of these functions comes from this module, except `ENoHealthyEndpoint` of a
/// selection (`send`, `release`, `redrive`), which `dtp::selection` raises.
module dtp::pipe;

use dtp::config::{Self, HostConfig};
use dtp::endpoint;
use dtp::events;
use dtp::host::{Host, HostCap};
use dtp::request::{Self, Request};
use dtp::selection;
use std::string::String;
use sui::clock::Clock;
use sui::table::{Self, Table};
use sui::vec_map::{Self, VecMap};

// === Errors ===

#[error(code = 1)]
const ENotAdmin: vector<u8> = b"the HostCap is not this Host's";
#[error(code = 2)]
const ENotEndpoint: vector<u8> = b"the address is not a registered endpoint";
#[error(code = 5)]
const EPayloadTooLarge: vector<u8> =
    b"payload / response over max_payload, or key / region too long";
#[error(code = 6)]
const ENoHealthyEndpoint: vector<u8> = b"the takeover caller is not healthy";
#[error(code = 7)]
const EUnknownRequest: vector<u8> = b"no such request";
#[error(code = 8)]
const ENotAssignee: vector<u8> = b"the sender is not the request's current server";
#[error(code = 9)]
const EStaleAttempt: vector<u8> = b"the attempt number is not the current one";
#[error(code = 10)]
const ELeaseNotExpired: vector<u8> = b"the lease has not expired yet";
#[error(code = 12)]
const EInvalidPolicy: vector<u8> = b"policy number out of range";
#[error(code = 13)]
const EInvalidConfig: vector<u8> = b"the label is too long";
#[error(code = 14)]
const EWrongHost: vector<u8> = b"the Pipe belongs to another Host";
#[error(code = 15)]
const ENotSender: vector<u8> = b"only the original sender may cancel";
#[error(code = 16)]
const EPipeFull: vector<u8> = b"max_pending requests are already pending";
#[error(code = 17)]
const EAlreadyAssignee: vector<u8> = b"the sender is already the assignee: claim instead";

// === Reassign / dead-letter reasons ===

/// The lease ran out (takeover).
const EXPIRED: u8 = 0;
/// The assignee gave the request back (release).
const RELEASED: u8 = 1;

/// A request queue over the Host `host` (shared).
public struct Pipe has key {
    id: UID,
    host: ID,
    label: String,
    policy: u8,
    /// The seq of the next request.
    next_seq: u64,
    /// Selections made so far: the round-robin counter of every policy.
    rr: u64,
    pending: Table<u64, Request>,
    dead: Table<u64, Request>,
    /// Pending requests per assigned server; absent = 0.
    inflight: VecMap<address, u32>,
}

// === Admin ===

/// Shares a new Pipe over `host` with the selection `policy`.
public fun create_pipe(
    host: &Host,
    cap: &HostCap,
    label: String,
    policy: u8,
    ctx: &mut TxContext,
) {
    assert!(host.is_admin(cap), ENotAdmin);
    assert!(selection::is_valid_policy(policy), EInvalidPolicy);
    assert!(config::is_label_ok(&label), EInvalidConfig);
    // Id order is part of the contract: Pipe, then pending, then dead.
    let id = object::new(ctx);
    let pending = table::new(ctx);
    let dead = table::new(ctx);
    let pipe = Pipe {
        id,
        host: object::id(host),
        label,
        policy,
        next_seq: 0,
        rr: 0,
        pending,
        dead,
        inflight: vec_map::empty(),
    };
    events::emit_pipe_created(object::id(&pipe), pipe.host, label, policy);
    transfer::share_object(pipe);
}

public fun set_policy(pipe: &mut Pipe, host: &Host, cap: &HostCap, policy: u8) {
    pipe.assert_host(host);
    assert!(host.is_admin(cap), ENotAdmin);
    assert!(selection::is_valid_policy(policy), EInvalidPolicy);
    pipe.policy = policy;
    events::emit_policy_changed(object::id(pipe), policy);
}

/// Moves a dead request back to pending for a new round: `attempt + 1` (never reused), `tries = 1`,
/// assigned by selection.
public fun redrive(
    pipe: &mut Pipe,
    host: &Host,
    cap: &HostCap,
    seq: u64,
    clock: &Clock,
    _ctx: &TxContext,
) {
    pipe.assert_host(host);
    assert!(host.is_admin(cap), ENotAdmin);
    assert!(pipe.dead.contains(seq), EUnknownRequest);
    let cfg = host.config();
    assert!(pipe.pending.length() < cfg.max_pending(), EPipeFull);
    let now = clock.timestamp_ms();
    let (key, region, attempt) = {
        let req = &pipe.dead[seq];
        (req.key(), req.region(), req.attempt() + 1)
    };
    let (server, standby) =
        pipe.select(host, &cfg, now, &key, &region, seq, attempt, option::none());
    let deadline_ms = now + cfg.lease_ms();
    let mut req = pipe.dead.remove(seq);
    req.reassign(server, 1, deadline_ms);
    let sender = req.sender();
    let payload = req.payload();
    pipe.pending.add(seq, req);
    pipe.inflight_add(server);
    let pipe_id = object::id(pipe);
    events::emit_redriven(pipe_id, seq);
    events::emit_assigned(pipe_id, seq, server, attempt, deadline_ms, sender, standby, payload);
}

/// Deletes a dead request for good.
public fun purge_dead(pipe: &mut Pipe, host: &Host, cap: &HostCap, seq: u64) {
    pipe.assert_host(host);
    assert!(host.is_admin(cap), ENotAdmin);
    assert!(pipe.dead.contains(seq), EUnknownRequest);
    pipe.dead.remove(seq).destroy();
    events::emit_purged(object::id(pipe), seq);
}

// === Sender ===

/// Stores a new request, assigned by the Pipe's policy, and returns its seq.
public fun send(
    pipe: &mut Pipe,
    host: &Host,
    payload: vector<u8>,
    key: vector<u8>,
    region: String,
    clock: &Clock,
    ctx: &TxContext,
): u64 {
    pipe.assert_host(host);
    let cfg = host.config();
    assert!(
        payload.length() <= cfg.max_payload()
            && key.length() <= config::max_key()
            && config::is_label_ok(&region),
        EPayloadTooLarge,
    );
    assert!(pipe.pending.length() < cfg.max_pending(), EPipeFull);
    let now = clock.timestamp_ms();
    let seq = pipe.next_seq;
    let (server, standby) = pipe.select(host, &cfg, now, &key, &region, seq, 1, option::none());
    let deadline_ms = now + cfg.lease_ms();
    let sender = ctx.sender();
    pipe.next_seq = seq + 1;
    let req = request::new(seq, sender, key, region, payload, server, now, deadline_ms);
    pipe.pending.add(seq, req);
    pipe.inflight_add(server);
    events::emit_assigned(object::id(pipe), seq, server, 1, deadline_ms, sender, standby, payload);
    seq
}

/// The original sender withdraws a pending request.
public fun cancel(pipe: &mut Pipe, seq: u64, ctx: &TxContext) {
    assert!(pipe.pending.contains(seq), EUnknownRequest);
    assert!(pipe.pending[seq].sender() == ctx.sender(), ENotSender);
    let req = pipe.pending.remove(seq);
    pipe.inflight_sub(req.server());
    req.destroy();
    events::emit_cancelled(object::id(pipe), seq, ctx.sender());
}

// === Assignee ===

/// Marks the request claimed and extends its lease to `now + lease_ms` (call again to keep a long
/// job alive).
public fun claim(
    pipe: &mut Pipe,
    host: &Host,
    seq: u64,
    attempt: u32,
    clock: &Clock,
    ctx: &TxContext,
) {
    pipe.assert_host(host);
    pipe.assert_current(seq, attempt, ctx.sender());
    let deadline_ms = clock.timestamp_ms() + host.config().lease_ms();
    pipe.pending[seq].claim(deadline_ms);
    events::emit_claimed(object::id(pipe), seq, ctx.sender(), attempt, deadline_ms);
}

/// The final answer: the request leaves the Pipe. `ok = false` is a failed answer, not a retry.
public fun complete(
    pipe: &mut Pipe,
    host: &Host,
    seq: u64,
    attempt: u32,
    ok: bool,
    response: vector<u8>,
    clock: &Clock,
    ctx: &TxContext,
) {
    pipe.assert_host(host);
    pipe.assert_current(seq, attempt, ctx.sender());
    assert!(response.length() <= host.config().max_payload(), EPayloadTooLarge);
    let now = clock.timestamp_ms();
    let req = pipe.pending.remove(seq);
    let created_ms = req.created_ms();
    let latency_ms = if (now > created_ms) now - created_ms else 0;
    pipe.inflight_sub(req.server());
    req.destroy();
    events::emit_completed(object::id(pipe), seq, ctx.sender(), attempt, ok, response, latency_ms);
}

/// Gives the request back: reassigned by the policy to someone else, or dead-lettered when out of
/// tries.
public fun release(
    pipe: &mut Pipe,
    host: &Host,
    seq: u64,
    attempt: u32,
    clock: &Clock,
    ctx: &TxContext,
) {
    pipe.assert_host(host);
    pipe.assert_current(seq, attempt, ctx.sender());
    let cfg = host.config();
    if (pipe.dead_letter_if_exhausted(&cfg, seq, RELEASED)) return;
    let now = clock.timestamp_ms();
    let (key, region) = {
        let req = &pipe.pending[seq];
        (req.key(), req.region())
    };
    let (to, standby) = pipe.select(
        host,
        &cfg,
        now,
        &key,
        &region,
        seq,
        attempt + 1,
        option::some(ctx.sender()),
    );
    pipe.reassign(&cfg, seq, to, standby, now, RELEASED);
}

// === Watchdog ===

/// After the lease deadline, a healthy endpoint other than the assignee takes the request over.
public fun takeover(pipe: &mut Pipe, host: &Host, seq: u64, clock: &Clock, ctx: &TxContext) {
    pipe.assert_host(host);
    assert!(pipe.pending.contains(seq), EUnknownRequest);
    let now = clock.timestamp_ms();
    assert!(now > pipe.pending[seq].deadline_ms(), ELeaseNotExpired);
    let sender = ctx.sender();
    assert!(host.has_endpoint(sender), ENotEndpoint);
    let cfg = host.config();
    let e = host.endpoint(sender);
    assert!(e.is_healthy(&cfg, now), ENoHealthyEndpoint);
    assert!(pipe.pending[seq].server() != sender, EAlreadyAssignee);
    if (pipe.dead_letter_if_exhausted(&cfg, seq, EXPIRED)) return;
    pipe.reassign(&cfg, seq, sender, e.role() == endpoint::standby(), now, EXPIRED);
}

// === Getters ===

public fun host_id(pipe: &Pipe): ID { pipe.host }

public fun label(pipe: &Pipe): String { pipe.label }

public fun policy(pipe: &Pipe): u8 { pipe.policy }

public fun next_seq(pipe: &Pipe): u64 { pipe.next_seq }

public fun rr(pipe: &Pipe): u64 { pipe.rr }

public fun pending_len(pipe: &Pipe): u64 { pipe.pending.length() }

public fun dead_len(pipe: &Pipe): u64 { pipe.dead.length() }

public fun is_pending(pipe: &Pipe, seq: u64): bool { pipe.pending.contains(seq) }

public fun is_dead(pipe: &Pipe, seq: u64): bool { pipe.dead.contains(seq) }

/// Aborts `EUnknownRequest` when `seq` is not pending.
public fun pending_request(pipe: &Pipe, seq: u64): &Request {
    assert!(pipe.pending.contains(seq), EUnknownRequest);
    &pipe.pending[seq]
}

/// Aborts `EUnknownRequest` when `seq` is not dead.
public fun dead_request(pipe: &Pipe, seq: u64): &Request {
    assert!(pipe.dead.contains(seq), EUnknownRequest);
    &pipe.dead[seq]
}

/// Pending requests assigned to `server` (0 when none).
public fun inflight_of(pipe: &Pipe, server: address): u32 {
    selection::inflight_of(&pipe.inflight, server)
}

public fun inflight(pipe: &Pipe): &VecMap<address, u32> { &pipe.inflight }

// === Constant getters ===

public fun expired(): u8 { EXPIRED }

public fun released(): u8 { RELEASED }

// === Internal ===

fun assert_host(pipe: &Pipe, host: &Host) {
    assert!(pipe.host == object::id(host), EWrongHost);
}

/// pending (`EUnknownRequest`); attempt current (`EStaleAttempt`); sender is assignee
/// (`ENotAssignee`), in that order.
fun assert_current(pipe: &Pipe, seq: u64, attempt: u32, sender: address) {
    assert!(pipe.pending.contains(seq), EUnknownRequest);
    let req = &pipe.pending[seq];
    assert!(req.attempt() == attempt, EStaleAttempt);
    assert!(req.server() == sender, ENotAssignee);
}

/// Runs the selection over the Host's endpoints and advances `rr`; returns the chosen server and
/// whether it came from the STANDBY fallback. Aborts `ENoHealthyEndpoint` from `dtp::selection`.
fun select(
    pipe: &mut Pipe,
    host: &Host,
    cfg: &HostConfig,
    now: u64,
    key: &vector<u8>,
    region: &String,
    seq: u64,
    attempt: u32,
    exclude: Option<address>,
): (address, bool) {
    let endpoints = host.endpoints();
    let (i, standby) = selection::select(
        endpoints,
        cfg,
        object::id(pipe),
        pipe.rr,
        &pipe.inflight,
        pipe.policy,
        now,
        key,
        region,
        seq,
        attempt,
        exclude,
    );
    pipe.rr = pipe.rr + 1;
    (endpoints[i].server(), standby)
}

/// When the next try would exceed `max_attempts`, moves the pending request `seq` to `dead`
/// unchanged, emits `DeadLettered` and returns true.
fun dead_letter_if_exhausted(pipe: &mut Pipe, cfg: &HostConfig, seq: u64, reason: u8): bool {
    // `tries + 1 > max_attempts`, written so that it cannot overflow.
    if (pipe.pending[seq].tries() < cfg.max_attempts()) return false;
    let req = pipe.pending.remove(seq);
    let (server, attempt) = (req.server(), req.attempt());
    pipe.inflight_sub(server);
    pipe.dead.add(seq, req);
    events::emit_dead_lettered(object::id(pipe), seq, server, attempt, reason);
    true
}

/// Hands the pending request `seq` to `to` with `attempt + 1`, `tries + 1` and a new lease, moves
/// its inflight count (old server first, then new) and emits `Reassigned`.
fun reassign(
    pipe: &mut Pipe,
    cfg: &HostConfig,
    seq: u64,
    to: address,
    standby: bool,
    now: u64,
    reason: u8,
) {
    let deadline_ms = now + cfg.lease_ms();
    let req = &mut pipe.pending[seq];
    let from = req.server();
    let tries = req.tries() + 1;
    req.reassign(to, tries, deadline_ms);
    let attempt = req.attempt();
    pipe.inflight_sub(from);
    pipe.inflight_add(to);
    events::emit_reassigned(object::id(pipe), seq, from, to, attempt, deadline_ms, reason, standby);
}

fun inflight_add(pipe: &mut Pipe, server: address) {
    if (pipe.inflight.contains(&server)) {
        let n = &mut pipe.inflight[&server];
        *n = *n + 1;
    } else {
        pipe.inflight.insert(server, 1);
    }
}

fun inflight_sub(pipe: &mut Pipe, server: address) {
    let n = &mut pipe.inflight[&server];
    if (*n == 1) {
        pipe.inflight.remove(&server);
    } else {
        *n = *n - 1;
    }
}
