//! What the daemon knows about the pending requests of the pipes it serves (its own and its
//! peers'), kept current from the event stream. For its own requests it also keeps the payload
//! that `Assigned` carried (or the table held at a seed), so serving needs no read.

use std::sync::Arc;

use dashmap::DashMap;
use dtp_protocol::{Event, Request};
use sui_sdk_types::Address;

/// One pending request as last seen on chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tracked {
    pub server: Address,
    pub attempt: u32,
    pub deadline_ms: u64,
    pub claimed: bool,
    /// The payload, kept only for this server's own requests (from `Assigned` or a read).
    #[serde(skip)]
    pub payload: Option<Arc<[u8]>>,
}

/// The payload and lease of an assignment, ready to serve without a read.
#[derive(Debug, Clone)]
pub struct Assignment {
    /// The lease deadline the assignment gave (ms).
    pub deadline_ms: u64,
    /// The request's payload.
    pub payload: Arc<[u8]>,
}

#[derive(Default)]
pub struct Tracker {
    pub pending: DashMap<(Address, u64), Tracked>,
}

/// What an event means for this server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A request (newly) assigned to us with this attempt: serve it.
    Mine {
        pipe: Address,
        seq: u64,
        attempt: u32,
    },
    Nothing,
}

impl Tracker {
    /// Seeds from a pipe's pending table: what was known of the pipe is replaced (a request no
    /// longer in the table is finished).
    pub fn seed(&self, pipe: Address, requests: &[Request], me: Address) {
        let now: std::collections::HashSet<u64> = requests.iter().map(|r| r.seq).collect();
        self.pending
            .retain(|(p, seq), _| *p != pipe || now.contains(seq));
        for r in requests {
            self.pending.insert((pipe, r.seq), Tracked::of(r, me));
        }
    }

    /// Applies a request as read from the chain, unless what we know is newer (a higher attempt).
    pub fn observe(&self, pipe: Address, r: &Request, me: Address) {
        let t = Tracked::of(r, me);
        self.pending
            .entry((pipe, r.seq))
            .and_modify(|old| {
                if t.attempt >= old.attempt {
                    *old = t.clone();
                }
            })
            .or_insert(t);
    }

    /// Applies one event; `me` is this server's address.
    pub fn apply(&self, e: &Event, me: Address) -> Change {
        let upsert = |pipe: Address, seq: u64, t: Tracked| -> bool {
            let mut newer = true;
            self.pending
                .entry((pipe, seq))
                .and_modify(|old| {
                    newer = t.attempt > old.attempt;
                    if t.attempt >= old.attempt {
                        *old = t.clone();
                    }
                })
                .or_insert(t);
            newer
        };
        match e {
            Event::Assigned(a) => {
                let newer = upsert(
                    a.pipe,
                    a.seq,
                    Tracked {
                        server: a.server,
                        attempt: a.attempt,
                        deadline_ms: a.deadline_ms,
                        claimed: false,
                        payload: (a.server == me).then(|| a.payload.as_slice().into()),
                    },
                );
                if a.server == me
                    && (newer
                        || self
                            .pending
                            .get(&(a.pipe, a.seq))
                            .is_some_and(|t| !t.claimed))
                {
                    return Change::Mine {
                        pipe: a.pipe,
                        seq: a.seq,
                        attempt: a.attempt,
                    };
                }
            }
            Event::Reassigned(r) => {
                upsert(
                    r.pipe,
                    r.seq,
                    Tracked {
                        server: r.to,
                        attempt: r.attempt,
                        deadline_ms: r.deadline_ms,
                        claimed: false,
                        payload: None,
                    },
                );
                if r.to == me {
                    return Change::Mine {
                        pipe: r.pipe,
                        seq: r.seq,
                        attempt: r.attempt,
                    };
                }
            }
            Event::Claimed(c) => {
                if let Some(mut t) = self.pending.get_mut(&(c.pipe, c.seq)) {
                    if t.attempt == c.attempt {
                        t.claimed = true;
                        t.deadline_ms = c.deadline_ms;
                    }
                }
            }
            Event::Completed(c) => {
                self.pending.remove(&(c.pipe, c.seq));
            }
            Event::DeadLettered(d) => {
                self.pending.remove(&(d.pipe, d.seq));
            }
            Event::Cancelled(c) => {
                self.pending.remove(&(c.pipe, c.seq));
            }
            _ => {}
        }
        Change::Nothing
    }

    /// What this server (`me`) needs to serve `attempt` of a request without reading it: the
    /// payload the assignment carried, if the tracker still shows that attempt as ours and its
    /// lease runs past `until`. Before its deadline a request can leave its assignee only by the
    /// assignee's own call or the sender's `cancel` (a takeover needs the deadline passed), so
    /// serving from this is what a read would have allowed; otherwise `None`: read the chain.
    pub fn assignment(
        &self,
        pipe: Address,
        seq: u64,
        attempt: u32,
        me: Address,
        until: u64,
    ) -> Option<Assignment> {
        let t = self.pending.get(&(pipe, seq))?;
        if t.server != me || t.attempt != attempt || t.deadline_ms <= until {
            return None;
        }
        Some(Assignment {
            deadline_ms: t.deadline_ms,
            payload: t.payload.clone()?,
        })
    }

    /// Requests of peers whose lease has run out at `now`.
    pub fn expired(&self, me: Address, now: u64) -> Vec<(Address, u64, Tracked)> {
        self.pending
            .iter()
            .filter(|e| e.server != me && e.deadline_ms < now)
            .map(|e| (e.key().0, e.key().1, e.value().clone()))
            .collect()
    }

    /// Our own pending requests.
    pub fn mine(&self, me: Address) -> Vec<(Address, u64, Tracked)> {
        self.pending
            .iter()
            .filter(|e| e.server == me)
            .map(|e| (e.key().0, e.key().1, e.value().clone()))
            .collect()
    }
}

impl Tracked {
    /// A request as read from the chain (its payload kept if it is `me`'s).
    fn of(r: &Request, me: Address) -> Tracked {
        Tracked {
            server: r.server,
            attempt: r.attempt,
            deadline_ms: r.deadline_ms,
            claimed: r.claimed,
            payload: (r.server == me).then(|| r.payload.as_slice().into()),
        }
    }
}

#[cfg(test)]
mod tests;
