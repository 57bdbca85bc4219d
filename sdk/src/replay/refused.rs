//! Calls the chain refused: dtp transactions that aborted. Most interesting are the **fenced**
//! ones (`EStaleAttempt`, `ENotAssignee`, `EUnknownRequest`): a server that lost a request (its
//! lease expired and a peer took over, or the request was already finished) tried to act on it
//! anyway and the attempt number stopped it. A fenced `complete` is a late completion the protocol
//! refused, the figure a chaos run reports.
//!
//! Aborted transactions are on the chain (they pay gas), so these counts survive the servers that
//! made the calls, unlike a daemon's own counters.

use std::collections::BTreeMap;

use dtp_protocol::schema::{Function, Param, Value};
use dtp_protocol::MoveAbort;
use serde::Serialize;
use sui_sdk_types::{Address, Argument, Command, Digest, Input, Transaction, TransactionKind};

use super::timeline::{StepKind, Timeline};
use super::twin::object_id;

/// One refused dtp call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefusedCall {
    /// The checkpoint that includes the transaction.
    pub checkpoint: u64,
    /// The transaction's digest.
    pub digest: Digest,
    /// Who sent it.
    pub sender: Address,
    /// The dtp function that aborted (`complete`, `claim`, ...).
    pub function: &'static str,
    /// The abort, when it is one of dtp's (`None`: another failure, e.g. out of gas).
    #[serde(serialize_with = "abort_name")]
    pub abort: Option<MoveAbort>,
    /// The Pipe the call names, if it names one.
    pub pipe: Option<Address>,
    /// The Host the call names, if it names one.
    pub host: Option<Address>,
    /// The `seq` argument, for calls that take one.
    pub seq: Option<u64>,
    /// The `attempt` argument, for calls that take one.
    pub attempt: Option<u32>,
}

fn abort_name<S: serde::Serializer>(a: &Option<MoveAbort>, s: S) -> Result<S::Ok, S::Error> {
    match a {
        Some(a) => s.serialize_str(a.name()),
        None => s.serialize_none(),
    }
}

impl RefusedCall {
    /// Reads the refused call out of a failed transaction: the dtp MoveCall at `command` (the
    /// failing command the effects name) or, without it, the first dtp MoveCall. `None` when the
    /// transaction calls no dtp function.
    pub fn from_failed(
        package: Address,
        checkpoint: u64,
        digest: Digest,
        tx: &Transaction,
        abort_code: Option<u64>,
        command: Option<u64>,
    ) -> Option<RefusedCall> {
        let TransactionKind::ProgrammableTransaction(ptb) = &tx.kind else {
            return None;
        };
        let is_dtp = |c: &&Command| matches!(c, Command::MoveCall(m) if m.package == package);
        let call = command
            .and_then(|i| ptb.commands.get(usize::try_from(i).ok()?))
            .filter(is_dtp)
            .or_else(|| ptb.commands.iter().find(is_dtp))?;
        let Command::MoveCall(m) = call else {
            return None;
        };
        let f = Function::find(m.function.as_str()).filter(|f| f.module == m.module.as_str())?;
        let mut out = RefusedCall {
            checkpoint,
            digest,
            sender: tx.sender,
            function: f.name,
            abort: abort_code.and_then(MoveAbort::from_abort_code),
            pipe: None,
            host: None,
            seq: None,
            attempt: None,
        };
        for (a, p) in m.arguments.iter().zip(f.params) {
            match p {
                Param::Pipe => out.pipe = object_id(a, &ptb.inputs).ok(),
                Param::Host { .. } => out.host = object_id(a, &ptb.inputs).ok(),
                Param::Pure(name @ ("seq" | "attempt"), kind) => {
                    let Argument::Input(i) = a else { continue };
                    let Some(Input::Pure(bytes)) = ptb.inputs.get(*i as usize) else {
                        continue;
                    };
                    match Value::from_bcs(name, *kind, bytes) {
                        Ok(Value::U64(v)) => out.seq = Some(v),
                        Ok(Value::U32(v)) => out.attempt = Some(v),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Some(out)
    }

    /// Refused by the fence: a call naming an attempt (`claim`, `complete`, `release`) whose
    /// sender no longer (or never) held that attempt of the request.
    pub fn is_fenced(&self) -> bool {
        self.attempt.is_some() && self.abort.is_some_and(MoveAbort::is_fence)
    }
}

/// How many calls of one function were refused with one abort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefusalCount {
    /// The dtp function (`complete`, `claim`, ...).
    pub function: &'static str,
    /// The abort's Move name, or `other` for a failure that is not a dtp abort.
    pub abort: &'static str,
    /// How many calls.
    pub count: u64,
}

/// Totals over the refused calls of a history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Refusals {
    /// Refused dtp calls in all.
    pub total: u64,
    /// Refused by the fence (stale attempt, not the assignee, request gone).
    pub fenced: u64,
    /// Fenced `complete` calls: late completions the protocol refused.
    pub fenced_completions: u64,
    /// By function and abort, most frequent first.
    pub by_call: Vec<RefusalCount>,
}

/// Counts `calls`.
pub fn refusals(calls: &[RefusedCall]) -> Refusals {
    let mut by: BTreeMap<(&'static str, &'static str), u64> = BTreeMap::new();
    let mut r = Refusals::default();
    for c in calls {
        r.total += 1;
        if c.is_fenced() {
            r.fenced += 1;
            if c.function == "complete" {
                r.fenced_completions += 1;
            }
        }
        *by.entry((c.function, c.abort.map_or("other", MoveAbort::name)))
            .or_default() += 1;
    }
    r.by_call = by
        .into_iter()
        .map(|((function, abort), count)| RefusalCount {
            function,
            abort,
            count,
        })
        .collect();
    r.by_call
        .sort_by(|a, b| b.count.cmp(&a.count).then(a.function.cmp(b.function)));
    r
}

/// The fenced calls the history does not explain: a fenced call is explained when its sender
/// held that attempt of that request at some point (it was assigned it, then lost it), or when
/// the history starts after the request was sent (it cannot tell). Anything else is a server
/// acting on work that was never its own: a bug or a hostile sender. `calls` and `timelines` are
/// of one Pipe.
pub fn unexplained_fences<'a>(
    calls: &'a [RefusedCall],
    timelines: &[Timeline],
) -> Vec<&'a RefusedCall> {
    let held = |c: &RefusedCall| {
        let (Some(seq), Some(attempt)) = (c.seq, c.attempt) else {
            return false;
        };
        timelines.iter().filter(|t| t.seq == seq).any(|t| {
            !t.from_start
                || t.steps.iter().any(|s| {
                    s.attempt == Some(attempt)
                        && match &s.kind {
                            StepKind::Assigned { server, .. } => *server == c.sender,
                            StepKind::Reassigned { to, .. } => *to == c.sender,
                            _ => false,
                        }
                })
        })
    };
    calls.iter().filter(|c| c.is_fenced() && !held(c)).collect()
}

#[cfg(test)]
mod tests;
