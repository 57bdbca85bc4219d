//! `Request`: one unit of work waiting in a Pipe, with its lease and fencing token.

use serde::{Deserialize, Serialize};

use crate::move_types::Address;

/// Layout of `dtp::request::Request` (the value of the Pipe's `pending` and `dead` tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The sequence number in its Pipe.
    pub seq: u64,
    /// Who sent it (who may cancel it).
    pub sender: Address,
    /// Affinity key (may be empty).
    pub key: Vec<u8>,
    /// Preferred region (may be empty).
    pub region: String,
    /// What the server is asked (an `envelope` or raw bytes).
    pub payload: Vec<u8>,
    /// The current assignee.
    pub server: Address,
    /// Fencing token: starts at 1 and only goes up.
    pub attempt: u32,
    /// Attempts in the current round (what `max_attempts` limits; `redrive` resets it).
    pub tries: u32,
    /// The assignee has claimed it (it is being served).
    pub claimed: bool,
    /// When it was sent (the chain's clock, ms).
    pub created_ms: u64,
    /// End of the current lease; after it a peer may `takeover`.
    pub deadline_ms: u64,
}

impl Request {
    /// The lease has run out at `now` (takeover allowed).
    pub fn expired(&self, now: u64) -> bool {
        now > self.deadline_ms
    }
}
