//! The commit loop (execute a group, log it, one fsync, publish its checkpoint, acknowledge), log
//! compaction by snapshot. Delayed publication (and lagging reads) are in `visibility`.

use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use super::{now_ms, Cadence, Committed, Failed, Inner, Submission, SubmitError};

use crate::exec;
use crate::snapshot;
use crate::wal::{Record, Wal};
use dtp_protocol::digest;

/// When and where the commit loop takes snapshots.
pub(super) struct Compaction {
    pub dir: PathBuf,
    /// [`NodeConfig::compact_log_bytes`].
    pub min: u64,
    /// Size of the last snapshot: the log must grow at least as large before the next one.
    pub last: u64,
}

impl Compaction {
    /// After a group that closed a checkpoint: if the log has grown enough, writes a snapshot of
    /// the (unchanging: this loop is the only writer) state and cuts the log. A snapshot that
    /// fails to write costs nothing but a warning: the log still holds everything.
    fn maybe_run(&mut self, inner: &Inner, wal: &mut Wal) {
        if wal.len() < self.min.max(self.last) {
            return;
        }
        let started = Instant::now();
        let written = {
            let st = inner.state.read().unwrap_or_else(|p| p.into_inner());
            snapshot::write(&self.dir, &st.ledger, &st.chain)
        };
        match written {
            Ok(bytes) => {
                let log_bytes = wal.len();
                self.last = bytes;
                // If this fails the log keeps records the snapshot holds; a restart skips them.
                if let Err(e) = wal.reset() {
                    tracing::warn!(error = %e, "could not cut the log after a snapshot");
                }
                tracing::info!(
                    snapshot_bytes = bytes,
                    log_bytes,
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "took a snapshot and cut the log"
                );
            }
            Err(e) => {
                tracing::warn!(error = %e, "snapshot failed; the log is kept whole");
                self.last = wal.len() + self.min;
            }
        }
    }
}

pub(super) fn commit_loop(
    inner: std::sync::Weak<Inner>,
    rx: mpsc::Receiver<Submission>,
    mut wal: Option<Wal>,
    mut compaction: Option<Compaction>,
    cadence: Cadence,
) {
    let mut next_checkpoint = Instant::now();
    loop {
        let wait = match cadence {
            Cadence::Immediate => Duration::from_secs(3600),
            Cadence::Interval(d) => {
                if Instant::now() >= next_checkpoint {
                    next_checkpoint = Instant::now() + d;
                }
                next_checkpoint.saturating_duration_since(Instant::now())
            }
        };
        let first = match rx.recv_timeout(wait) {
            Ok(s) => Some(s),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        let Some(inner) = inner.upgrade() else { return };
        let mut batch: Vec<Submission> = first.into_iter().collect();
        while batch.len() < 1024 {
            match rx.try_recv() {
                Ok(s) => batch.push(s),
                Err(_) => break,
            }
        }
        let mut acks = Vec::new();
        let mut formed = None;
        let committed: Vec<_> = {
            let mut st = inner.state.write().unwrap_or_else(|p| p.into_inner());
            for s in batch {
                let tx_bytes = bcs::to_bytes(&s.tx).expect("transaction serialises");
                let digest = digest::transaction(&tx_bytes);
                if let Some(t) = st.chain.txs.get(&digest) {
                    acks.push((s.reply, t.executed.clone()));
                    continue;
                }
                let sig_bytes: Vec<Vec<u8>> = s.signatures.iter().map(|x| x.to_bytes()).collect();
                match exec::execute_encoded(&mut st.ledger, s.tx, &tx_bytes, s.signatures, now_ms())
                {
                    Ok(e) => {
                        if let Some(w) = wal.as_mut() {
                            w.append(&Record::Tx {
                                transaction: tx_bytes,
                                signatures: sig_bytes,
                                timestamp_ms: e.timestamp_ms,
                            });
                        }
                        let e = Arc::new(e);
                        st.chain.record(e.clone());
                        acks.push((s.reply, e));
                    }
                    Err(r) => {
                        let _ = s.reply.send(Err(r.into()));
                    }
                }
            }
            let due = match cadence {
                Cadence::Immediate => true,
                Cadence::Interval(_) => Instant::now() >= next_checkpoint,
            };
            if due && !st.chain.unchecked.is_empty() {
                let n = st.chain.unchecked.len() as u64;
                let cp = st.chain.form_checkpoint(now_ms());
                if let Some(w) = wal.as_mut() {
                    w.append(&Record::Checkpoint {
                        sequence_number: cp.summary.sequence_number,
                        timestamp_ms: cp.summary.timestamp_ms,
                        tx_count: n,
                    });
                }
                // The live ledger is the state right after `cp`: what lagging reads will show.
                let writes = inner
                    .reads_lag()
                    .then(|| super::visibility::Writes::capture(&st.ledger, &cp));
                formed = Some((cp, writes));
            }
            // The checkpoint of each acknowledged transaction, read while the lock is held.
            let acks: Vec<_> = acks
                .into_iter()
                .map(|(reply, executed)| {
                    let checkpoint = st
                        .chain
                        .txs
                        .get(&executed.digest)
                        .and_then(|t| t.checkpoint);
                    (
                        reply,
                        Committed {
                            executed,
                            checkpoint,
                        },
                    )
                })
                .collect();
            // Still under the write lock: readers see the group only once it is durable.
            if let Some(w) = wal.as_mut() {
                if let Err(e) = w.sync() {
                    tracing::error!(error = %e, "write-ahead log sync failed; the node stops");
                    let failed = Failed(e.to_string());
                    let _ = inner.failed.set(failed.clone());
                    for (reply, _) in acks {
                        let _ = reply.send(Err(SubmitError::Unavailable(failed.to_string())));
                    }
                    return;
                }
            }
            acks
        };
        // Publish before acknowledging: once a client holds its effects, the checkpoint is both
        // readable and already streamed, so "backfill to latest, then subscribe" neither misses
        // nor repeats it.
        let closed = formed.is_some();
        if let Some((cp, writes)) = formed {
            inner.publish(cp, writes);
        }
        // A snapshot is taken before the group is acknowledged: the loop is serial, so later
        // groups wait for it either way, and a caller that holds its acknowledgement knows that
        // any snapshot its transaction triggered is done.
        if let (true, Some(c), Some(w)) = (closed, compaction.as_mut(), wal.as_mut()) {
            c.maybe_run(&inner, w);
        }
        for (reply, c) in committed {
            let _ = reply.send(Ok(c));
        }
    }
}
