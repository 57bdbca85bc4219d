//! Read-after-write lag, as a Sui fullnode has it.
//!
//! A Sui fullnode answers `ExecuteTransaction` with effects before its own reads show them: the
//! objects a transaction wrote, the transaction itself and its checkpoint become readable only
//! once the node has executed that checkpoint. A client that reads right after a write sees the
//! old state: a created object is `NotFound`, an owned object is at its old version (a
//! transaction built from it is refused "not available for consumption"), a Host shows the
//! endpoints it had before. The embedded localnet reproduces that when [`Latency::reads`] is set,
//! so every test sees what a real node does.
//!
//! How: reads are served from a second ledger, the *readable view*, which trails the live one.
//! When the commit loop forms a checkpoint, the live ledger is exactly the state after it, so the
//! objects the checkpoint's transactions changed are copied from it ([`Writes::capture`]); the
//! delay thread applies them to the view `reads` later, marks the checkpoint readable, and then
//! streams it (never before: a checkpoint in the stream is one whose objects can be read).
//! Execution itself (input versions, "not available for consumption") always uses the live
//! ledger, as validators do.
//!
//! [`Latency::reads`]: super::Latency::reads

use std::sync::{mpsc, Arc, Weak};
use std::time::Instant;

use sui_sdk_types::{Address, TransactionEffects};
use tokio::sync::broadcast;

use super::{Inner, Latency};
use crate::chain::{Checkpoint, TxEntry};
use crate::ledger::{Body, Ledger, Meta};

/// What reads see while they trail the live state.
#[derive(Debug, Clone)]
pub struct View {
    /// The state as of checkpoint [`View::checkpoint`].
    pub ledger: Ledger,
    /// The highest checkpoint whose effects are readable.
    pub checkpoint: u64,
}

/// The objects one checkpoint changed, as they are after it (`None`: deleted or wrapped).
#[derive(Debug)]
pub struct Writes {
    checkpoint: u64,
    objects: Vec<(Address, Option<(Meta, Body)>)>,
    clock_ms: u64,
}

impl Writes {
    /// Reads from `live` (the state right after `cp`) every object `cp`'s transactions changed.
    pub fn capture(live: &Ledger, cp: &Checkpoint) -> Writes {
        let mut ids: Vec<Address> = cp
            .transactions
            .iter()
            .flat_map(|e| match &e.effects {
                TransactionEffects::V2(fx) => fx
                    .changed_objects
                    .iter()
                    .map(|c| c.object_id)
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        Writes {
            checkpoint: cp.summary.sequence_number,
            objects: ids
                .into_iter()
                .map(|id| (id, live.get(&id).cloned()))
                .collect(),
            clock_ms: live.clock_ms,
        }
    }

    /// Makes the checkpoint readable in `view`.
    pub fn apply(self, view: &mut View) {
        for (id, o) in self.objects {
            match o {
                Some((meta, body)) => view.ledger.insert(id, meta, body),
                None => {
                    view.ledger.remove(&id);
                }
            }
        }
        view.ledger.clock_ms = view.ledger.clock_ms.max(self.clock_ms);
        view.checkpoint = view.checkpoint.max(self.checkpoint);
    }
}

/// A formed checkpoint on its way to readers and subscribers.
pub(super) struct Delayed {
    pub formed: Instant,
    pub checkpoint: Arc<Checkpoint>,
    /// Set when reads lag: what to apply to the view first.
    pub writes: Option<Writes>,
}

/// Applies each checkpoint's writes `latency.reads` after it was formed, then publishes it
/// `max(latency.stream, latency.reads)` after; in formation order. Ends with the node.
pub(super) fn delay_loop(
    rx: mpsc::Receiver<Delayed>,
    inner: Weak<Inner>,
    out: broadcast::Sender<Arc<Checkpoint>>,
    latency: Latency,
) {
    while let Ok(d) = rx.recv() {
        if let Some(w) = d.writes {
            std::thread::sleep(
                (d.formed + latency.reads).saturating_duration_since(Instant::now()),
            );
            let Some(inner) = inner.upgrade() else { return };
            let mut st = inner.state.write().unwrap_or_else(|p| p.into_inner());
            if let Some(view) = st.view.as_mut() {
                w.apply(view);
            }
        }
        let due = d.formed + latency.stream.max(latency.reads);
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        let _ = out.send(d.checkpoint);
    }
}

impl super::State {
    /// The ledger that reads see: the live one, or the readable view when reads lag.
    pub fn readable(&self) -> &Ledger {
        self.view.as_ref().map_or(&self.ledger, |v| &v.ledger)
    }

    /// The highest checkpoint that reads may show (never below the lowest one kept: a node that
    /// prunes faster than it lets reads catch up still names a checkpoint it has).
    pub fn readable_checkpoint(&self) -> u64 {
        let latest = self.chain.latest().map_or(0, |c| c.summary.sequence_number);
        self.view.as_ref().map_or(latest, |v| {
            v.checkpoint.min(latest).max(self.chain.lowest())
        })
    }

    /// True once a transaction can be read (GetTransaction): its checkpoint is readable.
    pub fn is_readable(&self, t: &TxEntry) -> bool {
        t.checkpoint
            .is_some_and(|c| c <= self.readable_checkpoint())
    }

    /// The latest checkpoint that reads may show.
    pub fn latest_readable(&self) -> Option<&Arc<Checkpoint>> {
        self.chain.checkpoint(self.readable_checkpoint())
    }
}
