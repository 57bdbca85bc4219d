//! The pipe's events as the chain emitted them (followed from the moment `Deployment::watch` is
//! called), with the time each was received, and the questions the tests ask of them.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use dtp_protocol::events::{Assigned, Claimed, Completed, Reassigned};
use dtp_protocol::Event;
use dtp_sdk::ChainEvent;
use sui_sdk_types::Address;
use sui_sdk_types::Digest;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::Instant;

pub struct Seen {
    rx: UnboundedReceiver<ChainEvent>,
    /// Every event of the pipe, in chain order, with when the test received it.
    pub events: Vec<(Instant, ChainEvent)>,
}

impl Seen {
    pub fn new(rx: UnboundedReceiver<ChainEvent>) -> Seen {
        Seen {
            rx,
            events: Vec::new(),
        }
    }

    /// Collects events until `done` holds; panics naming `what` after `timeout`.
    pub async fn until(&mut self, what: &str, timeout: Duration, done: impl Fn(&Seen) -> bool) {
        let end = Instant::now() + timeout;
        while !done(self) {
            match tokio::time::timeout_at(end, self.rx.recv()).await {
                Ok(Some(e)) => self.events.push((Instant::now(), e)),
                Ok(None) => panic!("the event stream ended while waiting for {what}"),
                Err(_) => panic!(
                    "timed out after {timeout:?} waiting for {what}; events:\n{}",
                    self.dump()
                ),
            }
        }
    }

    /// Collects whatever arrives during `d` (to catch anything unexpected).
    pub async fn settle(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while let Ok(Some(e)) = tokio::time::timeout_at(end, self.rx.recv()).await {
            self.events.push((Instant::now(), e));
        }
    }

    pub fn dump(&self) -> String {
        self.events
            .iter()
            .map(|(_, e)| format!("{:?}\n", e.event))
            .collect()
    }

    pub fn assigned(&self) -> Vec<&Assigned> {
        self.events
            .iter()
            .filter_map(|(_, e)| match &e.event {
                Event::Assigned(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    pub fn claimed(&self) -> Vec<&Claimed> {
        self.events
            .iter()
            .filter_map(|(_, e)| match &e.event {
                Event::Claimed(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    pub fn reassigned(&self) -> Vec<&Reassigned> {
        self.events
            .iter()
            .filter_map(|(_, e)| match &e.event {
                Event::Reassigned(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    /// The transactions that emitted the reassignments of `seqs`.
    pub fn reassigned_in(&self, seqs: &BTreeSet<u64>) -> BTreeSet<Digest> {
        self.events
            .iter()
            .filter_map(|(_, e)| match &e.event {
                Event::Reassigned(r) if seqs.contains(&r.seq) => Some(e.tx_digest),
                _ => None,
            })
            .collect()
    }

    /// Every completion with when it was received.
    pub fn completions(&self) -> Vec<(Instant, &Completed)> {
        self.events
            .iter()
            .filter_map(|(t, e)| match &e.event {
                Event::Completed(c) => Some((*t, c)),
                _ => None,
            })
            .collect()
    }

    /// Completions by seq.
    pub fn completed(&self) -> BTreeMap<u64, Vec<&Completed>> {
        let mut m: BTreeMap<u64, Vec<&Completed>> = BTreeMap::new();
        for (_, c) in self.completions() {
            m.entry(c.seq).or_default().push(c);
        }
        m
    }

    /// True once every seq in `seqs` has completed.
    pub fn all_completed(&self, seqs: &BTreeSet<u64>) -> bool {
        let done = self.completed();
        seqs.iter().all(|s| done.contains_key(s))
    }

    /// Seqs `server` has claimed with `attempt`.
    pub fn claimed_by(&self, server: Address, attempt: u32) -> BTreeSet<u64> {
        self.claimed()
            .into_iter()
            .filter(|c| c.server == server && c.attempt == attempt)
            .map(|c| c.seq)
            .collect()
    }

    /// Every seq in `seqs` completed exactly once, and nothing else completed.
    pub fn assert_exactly_once(&self, seqs: &BTreeSet<u64>) {
        let done = self.completed();
        for (seq, list) in &done {
            assert!(seqs.contains(seq), "seq {seq} was never sent here");
            assert_eq!(list.len(), 1, "seq {seq} completed {} times", list.len());
        }
        let got: BTreeSet<u64> = done.keys().copied().collect();
        let missing: Vec<_> = seqs.difference(&got).collect();
        assert!(missing.is_empty(), "never completed: {missing:?}");
    }
}
