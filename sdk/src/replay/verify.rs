//! Verification of a Pipe's history: (a) no request completed twice, (b) every completion carries
//! the request's current attempt, (c) every assignment is the one the policy makes, checked by
//! re-executing the history on the twin and comparing its events with the chain's.

use std::collections::HashMap;
use std::fmt;

use dtp_protocol::Event;
use serde::Serialize;
use sui_sdk_types::{Address, Digest};

use super::history::{concerns, History, TxRecord};
use super::twin::Twin;

/// One thing the history should not contain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Violation {
    /// (a) A second `Completed` for a request.
    CompletedTwice {
        /// The request.
        seq: u64,
        /// The attempt of the second completion.
        attempt: u32,
        /// The checkpoint of the first completion.
        first_checkpoint: u64,
        /// The checkpoint of the second.
        checkpoint: u64,
        /// The transaction of the second.
        tx: Digest,
    },
    /// (b) A `Completed` whose attempt is not the request's current one (`None`: not pending).
    StaleCompletion {
        /// The request.
        seq: u64,
        /// The attempt the completion carried.
        attempt: u32,
        /// The request's current attempt then (`None`: not pending).
        current: Option<u32>,
        /// The completion's checkpoint.
        checkpoint: u64,
        /// The completion's transaction.
        tx: Digest,
    },
    /// (c) An `Assigned.server` or `Reassigned.to` that the policy would not have chosen.
    WrongServer {
        /// The request.
        seq: u64,
        /// `Assigned` or `Reassigned`.
        event: &'static str,
        /// The attempt assigned.
        attempt: u32,
        /// The server the chain assigned.
        chain: Address,
        /// The server the twin's policy selects.
        twin: Address,
        /// The event's checkpoint.
        checkpoint: u64,
        /// The event's transaction.
        tx: Digest,
    },
    /// (c) Any other difference between the chain and the twin's re-execution.
    Divergence {
        /// The checkpoint of the transaction.
        checkpoint: u64,
        /// The transaction.
        tx: Digest,
        /// What differs.
        detail: String,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::CompletedTwice {
                seq,
                attempt,
                first_checkpoint,
                checkpoint,
                tx,
            } => write!(
                f,
                "request {seq} completed twice: again with attempt {attempt} in checkpoint \
                 {checkpoint} (tx {tx}), first in checkpoint {first_checkpoint}"
            ),
            Violation::StaleCompletion {
                seq,
                attempt,
                current,
                checkpoint,
                tx,
            } => {
                let current = match current {
                    Some(c) => format!("the current attempt is {c}"),
                    None => "it is not pending".into(),
                };
                write!(
                    f,
                    "request {seq} completed with attempt {attempt} but {current} \
                     (checkpoint {checkpoint}, tx {tx})"
                )
            }
            Violation::WrongServer {
                seq,
                event,
                attempt,
                chain,
                twin,
                checkpoint,
                tx,
            } => write!(
                f,
                "request {seq} attempt {attempt}: {event} names {chain} on chain but the policy \
                 selects {twin} (checkpoint {checkpoint}, tx {tx})"
            ),
            Violation::Divergence {
                checkpoint,
                tx,
                detail,
            } => write!(
                f,
                "checkpoint {checkpoint}, tx {tx}: the twin diverges: {detail}"
            ),
        }
    }
}

/// Whether the assignments could be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PolicyCheck {
    /// Every dtp transaction was re-executed on the twin.
    Checked {
        /// dtp transactions re-executed.
        transactions: usize,
        /// dtp calls in them.
        calls: usize,
        /// Assignments (`Assigned`, `Reassigned`) compared.
        assignments: usize,
    },
    /// The history does not start at the Host's creation: the twin cannot be rebuilt.
    NotFromCreation {
        /// The history's first checkpoint.
        from: u64,
        /// The Host, created before it.
        host: Address,
    },
    /// The history was read without its transactions.
    NoTransactions,
}

/// The result of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Whether the assignments were checked.
    pub policy: PolicyCheck,
    /// Everything found wrong (empty: none).
    pub violations: Vec<Violation>,
}

impl Report {
    /// No violation, and the assignments were checked.
    pub fn ok(&self) -> bool {
        self.violations.is_empty() && matches!(self.policy, PolicyCheck::Checked { .. })
    }
}

/// Checks (a), (b) and, when the history has its transactions from the Host's creation, (c).
pub fn verify(history: &History) -> Report {
    let mut violations = completions(history);
    let policy = match &history.transactions {
        None => PolicyCheck::NoTransactions,
        Some(_) if !history.has_host_creation() => PolicyCheck::NotFromCreation {
            from: history.from,
            host: history.host,
        },
        Some(txs) => policy(history, txs, &mut violations),
    };
    Report { policy, violations }
}

/// (a) and (b), from the events alone.
fn completions(history: &History) -> Vec<Violation> {
    let mut out = Vec::new();
    // seq -> current attempt while pending (None once it left `pending`).
    let mut current: HashMap<u64, Option<u32>> = HashMap::new();
    let mut completed: HashMap<u64, u64> = HashMap::new();
    for e in &history.events {
        if e.event.pipe() != Some(history.pipe) {
            continue;
        }
        match &e.event {
            Event::Assigned(a) => {
                current.insert(a.seq, Some(a.attempt));
            }
            Event::Reassigned(r) => {
                current.insert(r.seq, Some(r.attempt));
            }
            Event::DeadLettered(d) => {
                current.insert(d.seq, None);
            }
            Event::Cancelled(c) => {
                current.insert(c.seq, None);
            }
            Event::Completed(c) => {
                if let Some(&first_checkpoint) = completed.get(&c.seq) {
                    out.push(Violation::CompletedTwice {
                        seq: c.seq,
                        attempt: c.attempt,
                        first_checkpoint,
                        checkpoint: e.checkpoint,
                        tx: e.tx_digest,
                    });
                } else if let Some(&cur) = current.get(&c.seq) {
                    if cur != Some(c.attempt) {
                        out.push(Violation::StaleCompletion {
                            seq: c.seq,
                            attempt: c.attempt,
                            current: cur,
                            checkpoint: e.checkpoint,
                            tx: e.tx_digest,
                        });
                    }
                }
                // A request first seen completing (the history starts later) is not judged.
                completed.entry(c.seq).or_insert(e.checkpoint);
                current.insert(c.seq, None);
            }
            _ => {}
        }
    }
    out
}

/// (c): re-execute every transaction on the twin and compare the events.
fn policy(history: &History, txs: &[TxRecord], out: &mut Vec<Violation>) -> PolicyCheck {
    let mut twin = Twin::new(history.package, history.host, history.pipe);
    let (mut calls, mut assignments) = (0, 0);
    for tx in txs {
        let replayed = twin.run(tx);
        calls += replayed.calls;
        let divergence = |detail: String| Violation::Divergence {
            checkpoint: tx.checkpoint,
            tx: tx.digest,
            detail,
        };
        out.extend(replayed.errors.into_iter().map(divergence));
        if !twin.host_created() {
            continue;
        }
        let chain: Vec<&Event> = tx
            .events
            .iter()
            .filter(|e| concerns(e, history.pipe, history.host))
            .collect();
        for (i, (c, t)) in chain.iter().zip(&replayed.events).enumerate() {
            if matches!(c, Event::Assigned(_) | Event::Reassigned(_)) {
                assignments += 1;
            }
            if *c == t {
                continue;
            }
            match (c, t) {
                (Event::Assigned(c), Event::Assigned(t))
                    if c.seq == t.seq && c.server != t.server =>
                {
                    out.push(wrong(tx, "Assigned", c.seq, c.attempt, c.server, t.server));
                    twin.adopt(c.seq, c.server);
                }
                (Event::Reassigned(c), Event::Reassigned(t)) if c.seq == t.seq && c.to != t.to => {
                    out.push(wrong(tx, "Reassigned", c.seq, c.attempt, c.to, t.to));
                    twin.adopt(c.seq, c.to);
                }
                _ => out.push(divergence(format!(
                    "event {i}: the chain has {c:?}, the twin {t:?}"
                ))),
            }
        }
        if chain.len() != replayed.events.len() {
            let names = |v: &mut dyn Iterator<Item = &Event>| {
                v.map(Event::name).collect::<Vec<_>>().join(", ")
            };
            out.push(divergence(format!(
                "the chain emitted [{}], the twin [{}]",
                names(&mut chain.iter().copied()),
                names(&mut replayed.events.iter())
            )));
        }
    }
    PolicyCheck::Checked {
        transactions: txs.len(),
        calls,
        assignments,
    }
}

fn wrong(
    tx: &TxRecord,
    event: &'static str,
    seq: u64,
    attempt: u32,
    chain: Address,
    twin: Address,
) -> Violation {
    Violation::WrongServer {
        seq,
        event,
        attempt,
        chain,
        twin,
        checkpoint: tx.checkpoint,
        tx: tx.digest,
    }
}
