//! Per-request timelines: Assigned -> Claimed -> Reassigned -> Completed / DeadLettered /
//! Cancelled, with the checkpoint, time, server and attempt of every step.

use std::collections::HashMap;

use dtp_protocol::constants::REASON_EXPIRED;
use dtp_protocol::Event;
use serde::Serialize;
use sui_sdk_types::Address;

use crate::stream::ChainEvent;

/// Why a request was reassigned or dead-lettered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Its lease ran out (a takeover).
    Expired,
    /// Its server gave it back (a release).
    Released,
}

impl Reason {
    /// The reason of an event's `reason` field (`REASON_EXPIRED`, else released).
    pub fn from_u8(reason: u8) -> Reason {
        if reason == REASON_EXPIRED {
            Reason::Expired
        } else {
            Reason::Released
        }
    }
}

/// What happened at one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum StepKind {
    /// Sent (or redriven) and assigned.
    Assigned {
        /// The server chosen.
        server: Address,
        /// True if it came from the standby tier.
        standby: bool,
        /// The end of its lease.
        deadline_ms: u64,
    },
    /// Claimed by its server (its lease renewed).
    Claimed {
        /// The server.
        server: Address,
        /// The end of the renewed lease.
        deadline_ms: u64,
    },
    /// Taken over or released to another server.
    Reassigned {
        /// The server that held it.
        from: Address,
        /// The server that holds it now.
        to: Address,
        /// Why.
        reason: Reason,
        /// True if `to` came from the standby tier.
        standby: bool,
        /// The end of the new lease.
        deadline_ms: u64,
    },
    /// Answered.
    Completed {
        /// The server that answered.
        server: Address,
        /// True for a successful answer.
        ok: bool,
        /// From the request's creation to its completion (ms).
        latency_ms: u64,
    },
    /// Out of attempts: moved to the dead table.
    DeadLettered {
        /// The server that last held it.
        server: Address,
        /// Why its last attempt ended.
        reason: Reason,
    },
    /// Cancelled by its sender.
    Cancelled {
        /// The sender.
        sender: Address,
    },
    /// Back from the dead table to pending.
    Redriven,
    /// Deleted from the dead table.
    Purged,
}

/// One step of a request's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The checkpoint of the step's event.
    pub checkpoint: u64,
    /// The checkpoint's timestamp.
    pub timestamp_ms: u64,
    /// The attempt (fencing token) the step is about; `None` for cancel, redrive and purge.
    pub attempt: Option<u32>,
    /// What happened.
    #[serde(flatten)]
    pub kind: StepKind,
}

impl Step {
    /// The server this step names as the request's holder (the new one for a reassignment).
    pub fn server(&self) -> Option<Address> {
        match &self.kind {
            StepKind::Assigned { server, .. }
            | StepKind::Claimed { server, .. }
            | StepKind::Completed { server, .. }
            | StepKind::DeadLettered { server, .. } => Some(*server),
            StepKind::Reassigned { to, .. } => Some(*to),
            _ => None,
        }
    }
}

/// Where a request stands at the end of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still waiting for its answer.
    Pending,
    /// Completed with `ok = true`.
    Completed,
    /// Completed with `ok = false` (a final, failed answer).
    Failed,
    /// Dead-lettered (and not redriven).
    Dead,
    /// Cancelled by its sender.
    Cancelled,
    /// Deleted from the dead table.
    Purged,
}

impl Status {
    /// The lower-case name (`pending`, `completed`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Completed => "completed",
            Status::Failed => "failed",
            Status::Dead => "dead",
            Status::Cancelled => "cancelled",
            Status::Purged => "purged",
        }
    }
}

/// The life of one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The request's Pipe (sequence numbers are per Pipe).
    pub pipe: Address,
    /// The request's sequence number.
    pub seq: u64,
    /// From its first `Assigned`.
    pub sender: Option<Address>,
    /// Where it stands at the end of the history.
    pub status: Status,
    /// The last server that held it.
    pub server: Option<Address>,
    /// The highest attempt seen.
    pub attempt: u32,
    /// False when the history starts after the request was sent (no `Assigned` first).
    pub from_start: bool,
    /// Its steps, in chain order.
    pub steps: Vec<Step>,
}

impl Timeline {
    fn new(pipe: Address, seq: u64) -> Self {
        Timeline {
            pipe,
            seq,
            sender: None,
            status: Status::Pending,
            server: None,
            attempt: 0,
            from_start: false,
            steps: Vec::new(),
        }
    }

    /// True when `server` held, claimed, completed or lost the request at some step.
    pub fn involves(&self, server: &Address) -> bool {
        self.steps.iter().any(|s| {
            s.server().as_ref() == Some(server)
                || matches!(&s.kind, StepKind::Reassigned { from, .. } if from == server)
        })
    }

    /// The latency of its completion, if it was completed.
    pub fn latency_ms(&self) -> Option<u64> {
        self.steps.iter().rev().find_map(|s| match s.kind {
            StepKind::Completed { latency_ms, .. } => Some(latency_ms),
            _ => None,
        })
    }

    fn push(&mut self, e: &ChainEvent) {
        let step = |attempt: Option<u32>, kind| Step {
            checkpoint: e.checkpoint,
            timestamp_ms: e.timestamp_ms,
            attempt,
            kind,
        };
        let s = match &e.event {
            Event::Assigned(a) => {
                if self.steps.is_empty() {
                    self.from_start = true;
                }
                self.sender.get_or_insert(a.sender);
                self.status = Status::Pending;
                step(
                    Some(a.attempt),
                    StepKind::Assigned {
                        server: a.server,
                        standby: a.standby,
                        deadline_ms: a.deadline_ms,
                    },
                )
            }
            Event::Claimed(c) => step(
                Some(c.attempt),
                StepKind::Claimed {
                    server: c.server,
                    deadline_ms: c.deadline_ms,
                },
            ),
            Event::Reassigned(r) => step(
                Some(r.attempt),
                StepKind::Reassigned {
                    from: r.from,
                    to: r.to,
                    reason: Reason::from_u8(r.reason),
                    standby: r.standby,
                    deadline_ms: r.deadline_ms,
                },
            ),
            Event::Completed(c) => {
                self.status = if c.ok {
                    Status::Completed
                } else {
                    Status::Failed
                };
                step(
                    Some(c.attempt),
                    StepKind::Completed {
                        server: c.server,
                        ok: c.ok,
                        latency_ms: c.latency_ms,
                    },
                )
            }
            Event::DeadLettered(d) => {
                self.status = Status::Dead;
                step(
                    Some(d.attempt),
                    StepKind::DeadLettered {
                        server: d.server,
                        reason: Reason::from_u8(d.reason),
                    },
                )
            }
            Event::Cancelled(c) => {
                self.status = Status::Cancelled;
                step(None, StepKind::Cancelled { sender: c.sender })
            }
            Event::Redriven(_) => step(None, StepKind::Redriven),
            Event::Purged(_) => {
                self.status = Status::Purged;
                step(None, StepKind::Purged)
            }
            _ => return,
        };
        if let Some(a) = s.attempt {
            self.attempt = self.attempt.max(a);
        }
        if let Some(server) = s.server() {
            self.server = Some(server);
        }
        self.steps.push(s);
    }
}

/// The timelines of every request of `pipe` that appears in `events`, by sequence number.
pub fn timelines(pipe: Address, events: &[ChainEvent]) -> Vec<Timeline> {
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut out: Vec<Timeline> = Vec::new();
    for e in events {
        let Some(seq) = e.event.seq() else {
            continue;
        };
        if e.event.pipe() != Some(pipe) {
            continue;
        }
        let i = *index.entry(seq).or_insert_with(|| {
            out.push(Timeline::new(pipe, seq));
            out.len() - 1
        });
        out[i].push(e);
    }
    out.sort_unstable_by_key(|t| t.seq);
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{a, at, completed, sample, PIPE};
    use super::*;

    #[test]
    fn builds_one_timeline_per_request_of_the_pipe() {
        let t = timelines(a(PIPE), &sample());
        assert_eq!(t.len(), 2);
        let t0 = &t[0];
        assert_eq!((t0.seq, t0.status, t0.attempt), (0, Status::Completed, 2));
        assert_eq!(t0.server, Some(a(3)));
        assert!(t0.from_start);
        assert_eq!(t0.sender, Some(a(9)));
        assert_eq!(t0.steps.len(), 3);
        assert_eq!(t0.latency_ms(), Some(350));
        assert!(matches!(
            t0.steps[1].kind,
            StepKind::Reassigned {
                reason: Reason::Expired,
                ..
            }
        ));
        let t1 = &t[1];
        assert_eq!(
            (t1.status, t1.attempt, t1.steps.len()),
            (Status::Dead, 2, 4)
        );
        assert_eq!(t1.steps[1].timestamp_ms, 200);
        assert!(t1.involves(&a(3)) && t1.involves(&a(2)) && !t1.involves(&a(4)));
        assert_eq!(t1.latency_ms(), None);
    }

    #[test]
    fn a_request_seen_mid_way_is_marked() {
        let t = timelines(a(PIPE), &[at(4, completed(5, 3, 2, 10))]);
        assert!(!t[0].from_start);
        assert_eq!(t[0].status, Status::Completed);
    }

    #[test]
    fn steps_serialise_with_their_event_name() {
        let t = timelines(a(PIPE), &sample());
        let v = serde_json::to_value(&t[0].steps[1]).unwrap();
        assert_eq!(v["event"], "reassigned");
        assert_eq!(v["reason"], "expired");
        assert_eq!(v["attempt"], 2);
        assert_eq!(v["checkpoint"], 3);
    }
}
