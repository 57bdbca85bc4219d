//! A replay of several Pipes at once (shards of one Host, or any Pipes): each Pipe's summary,
//! verification and refused calls, their timelines merged in chain order, and the totals. With
//! one Pipe it is that Pipe's replay.

use std::collections::HashSet;

use serde::Serialize;
use sui_sdk_types::Address;

use super::history::History;
use super::refused::{refusals, unexplained_fences, Refusals, RefusedCall};
use super::summary::{summarize, Summary};
use super::timeline::{timelines, Timeline};
use super::verify::{verify, PolicyCheck, Report, Violation};

/// One Pipe's part of a [`Replay`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PipeReplay {
    /// The Pipe.
    pub pipe: Address,
    /// Its Host.
    pub host: Address,
    /// The events of the Pipe and its Host read.
    pub events: usize,
    /// Its requests' outcomes and per-server counts.
    pub summary: Summary,
    /// Its verification (when asked), from its own history.
    pub verify: Option<Report>,
    /// Its refused calls, counted (read with the transactions).
    pub refused: Option<Refusals>,
    /// Its fenced calls that its history does not explain.
    pub unexplained_fences: Vec<RefusedCall>,
}

/// A violation, with the Pipe whose history has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PipeViolation {
    /// The Pipe.
    pub pipe: Address,
    /// What is wrong.
    #[serde(flatten)]
    pub violation: Violation,
}

/// The verification of every Pipe together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyTotal {
    /// `Checked` (the counts summed) when every Pipe's assignments were checked; else why the
    /// first Pipe that could not be checked was not.
    pub policy: PolicyCheck,
    /// Every Pipe's violations.
    pub violations: Vec<PipeViolation>,
}

impl VerifyTotal {
    /// No violation, and every Pipe's assignments were checked.
    pub fn ok(&self) -> bool {
        self.violations.is_empty() && matches!(self.policy, PolicyCheck::Checked { .. })
    }
}

/// The replay of several Pipes over one checkpoint range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replay {
    /// The first checkpoint read.
    pub from: u64,
    /// The last checkpoint read.
    pub to: u64,
    /// Distinct events read (a Host's event counts once, however many of its Pipes there are).
    pub events: usize,
    /// Every request of every Pipe: each Pipe's by sequence number, merged by the checkpoint of
    /// their first step (the earlier listed Pipe first among equals).
    pub timelines: Vec<Timeline>,
    /// Each Pipe's part, in the order of the histories.
    pub pipes: Vec<PipeReplay>,
    /// Over every Pipe's requests.
    pub summary: Summary,
    /// Every Pipe's verification together (when asked).
    pub verify: Option<VerifyTotal>,
    /// Every refused call once (a Host's calls are in each of its Pipes' histories).
    pub refused: Option<Refusals>,
    /// Every Pipe's unexplained fenced calls.
    pub unexplained_fences: Vec<RefusedCall>,
}

/// Replays `histories` (one per Pipe, over the same range), verifying each if `check`.
pub fn merge(histories: &[History], check: bool) -> Replay {
    let mut parts = Vec::new();
    let mut lists = Vec::new();
    let mut seen_events = HashSet::new();
    let mut seen_refused = HashSet::new();
    let mut all_refused: Option<Vec<RefusedCall>> = None;
    for h in histories {
        let tl = timelines(h.pipe, &h.events);
        seen_events.extend(h.events.iter().map(|e| (e.tx_digest, e.index)));
        if let Some(r) = &h.refused {
            let all = all_refused.get_or_insert_with(Vec::new);
            all.extend(r.iter().filter(|c| seen_refused.insert(c.digest)).cloned());
        }
        let refused = h.refused.as_deref().unwrap_or_default();
        parts.push(PipeReplay {
            pipe: h.pipe,
            host: h.host,
            events: h.events.len(),
            summary: summarize(&tl),
            verify: check.then(|| verify(h)),
            refused: h.refused.as_ref().map(|r| refusals(r)),
            unexplained_fences: unexplained_fences(refused, &tl)
                .into_iter()
                .cloned()
                .collect(),
        });
        lists.push(tl);
    }
    let timelines = merge_timelines(lists);
    if let Some(all) = all_refused.as_mut() {
        all.sort_by_key(|c| c.checkpoint);
    }
    Replay {
        from: histories.iter().map(|h| h.from).min().unwrap_or(0),
        to: histories.iter().map(|h| h.to).max().unwrap_or(0),
        events: seen_events.len(),
        summary: summarize(&timelines),
        verify: check.then(|| total(&parts)),
        refused: all_refused.as_deref().map(refusals),
        unexplained_fences: parts
            .iter()
            .flat_map(|p| p.unexplained_fences.iter().cloned())
            .collect(),
        timelines,
        pipes: parts,
    }
}

/// Merges sorted lists by the checkpoint of each timeline's first step, keeping each list's order.
fn merge_timelines(lists: Vec<Vec<Timeline>>) -> Vec<Timeline> {
    let first = |t: &Timeline| t.steps.first().map_or(0, |s| s.checkpoint);
    let mut heads: Vec<std::iter::Peekable<std::vec::IntoIter<Timeline>>> = lists
        .into_iter()
        .map(|l| l.into_iter().peekable())
        .collect();
    let mut out = Vec::new();
    loop {
        let next = heads
            .iter_mut()
            .enumerate()
            .filter_map(|(i, h)| Some((first(h.peek()?), i)))
            .min();
        let Some((_, i)) = next else {
            return out;
        };
        out.extend(heads[i].next());
    }
}

/// The verification of every part together.
fn total(parts: &[PipeReplay]) -> VerifyTotal {
    let mut violations = Vec::new();
    let (mut transactions, mut calls, mut assignments) = (0, 0, 0);
    let mut unchecked = None;
    for p in parts {
        let Some(r) = &p.verify else { continue };
        violations.extend(r.violations.iter().map(|v| PipeViolation {
            pipe: p.pipe,
            violation: v.clone(),
        }));
        match &r.policy {
            PolicyCheck::Checked {
                transactions: t,
                calls: c,
                assignments: a,
            } => {
                transactions += t;
                calls += c;
                assignments += a;
            }
            other => {
                unchecked.get_or_insert_with(|| other.clone());
            }
        }
    }
    VerifyTotal {
        policy: unchecked.unwrap_or(PolicyCheck::Checked {
            transactions,
            calls,
            assignments,
        }),
        violations,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{a, sample, PIPE};
    use super::super::sim::{tamper, Sim, S1, S2};
    use super::*;
    use dtp_protocol::Event;

    fn history(pipe: Address) -> History {
        let mut h = History::empty(a(9), (pipe, a(8)), (0, 5), false);
        h.events = sample();
        h
    }

    #[test]
    fn timelines_merge_by_first_checkpoint_and_summaries_add_up() {
        // sample(): seq 0 and 1 on PIPE, seq 2 on a(7), all first seen in checkpoint 1.
        let r = merge(&[history(a(7)), history(a(PIPE))], false);
        let order: Vec<_> = r.timelines.iter().map(|t| (t.pipe, t.seq)).collect();
        assert_eq!(order, [(a(7), 2), (a(PIPE), 0), (a(PIPE), 1)]);
        let n: Vec<_> = r.pipes.iter().map(|p| p.summary.requests).collect();
        assert_eq!(n, [1, 2]);
        assert_eq!((r.summary.requests, r.summary.completed), (3, 1));
        assert_eq!((r.verify, r.refused), (None, None));
    }

    #[test]
    fn each_pipe_of_a_host_verifies_from_its_own_history() {
        let mut sim = Sim::with_pipes(2);
        // Round robin per Pipe: each Pipe's first request goes to S1, its second to S2.
        for i in [0, 1, 1, 0, 1] {
            sim.send_on(i);
        }
        sim.complete_on(1, S1, 0, 1);
        sim.complete_on(0, S2, 1, 1);
        sim.complete_on(1, S1, 2, 1);
        let hs = [sim.history_of(0), sim.history_of(1)];
        // The other Pipe's sends and completions are left out of each history.
        let sends = |h: &History| {
            let txs = h.transactions.as_ref().unwrap();
            txs.iter()
                .filter(|t| t.events.iter().any(|e| matches!(e, Event::Assigned(_))))
                .count()
        };
        assert_eq!((sends(&hs[0]), sends(&hs[1])), (2, 3));
        let r = merge(&hs, true);
        let all: usize = sim.checkpoints().iter().map(|(c, _)| c.events.len()).sum();
        assert_eq!(r.events, all, "the Host's events count once");
        assert!(r.pipes[0].events + r.pipes[1].events > all);
        let v = r.verify.as_ref().unwrap();
        assert!(v.ok(), "{v:#?}");
        match &v.policy {
            PolicyCheck::Checked { assignments, .. } => assert_eq!(*assignments, 5),
            other => panic!("{other:?}"),
        }
        let n: Vec<_> = r.pipes.iter().map(|p| p.summary.completed).collect();
        assert_eq!(
            (n, r.summary.requests, r.summary.completed),
            (vec![1, 2], 5, 3)
        );

        // A forged assignment on the second Pipe is that Pipe's violation only.
        let mut forged = hs.clone();
        tamper(
            &mut forged[1],
            |e| matches!(e, Event::Assigned(x) if x.seq == 1),
            |e| {
                if let Event::Assigned(x) = e {
                    x.server = a(S1);
                }
            },
        );
        let r = merge(&forged, true);
        let v = r.verify.unwrap();
        assert_eq!(v.violations.len(), 1, "{v:#?}");
        assert_eq!(v.violations[0].pipe, sim.pipes()[1]);
        assert!(r.pipes[0].verify.as_ref().unwrap().ok());
        assert!(!v.ok());
    }
}
