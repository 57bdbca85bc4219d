//! The node: owns the ledger and the chain, runs the commit loop on its own thread (execute a group
//! of submitted transactions, log them, one fsync, then acknowledge), forms checkpoints (on an
//! interval, or right after each group in immediate mode) and publishes them to subscribers.
//!
//! Nothing is visible before it is durable: the commit loop holds the state's write lock from the
//! first execution of a group until its fsync, so a reader never sees state a crash would drop.
//! If the log cannot be written the node fails for good: every later read and submission is
//! refused (its memory holds state the log does not), and a restart replays what is durable.
//!
//! Files: `config.rs` (what a node is told), `recover.rs` (a start on a data directory: lock,
//! snapshot, log replay), `commit.rs` (the commit loop, compaction), `visibility.rs` (delayed publication and reads
//! that trail the effects, as on a Sui fullnode).

mod commit;
mod config;
mod recover;
mod visibility;

pub use config::{Cadence, Latency, NodeConfig, DEFAULT_COMPACT_LOG_BYTES};
pub use visibility::View;

use std::path::PathBuf;
use std::sync::{mpsc, Arc, RwLock, RwLockReadGuard};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use sui_sdk_types::{Transaction, UserSignature};
use tokio::sync::{broadcast, oneshot};

use crate::chain::{Chain, Checkpoint};
use crate::exec::{self, Executed, Reject};
use crate::ledger::Ledger;
use crate::snapshot::SnapshotError;
use crate::wal::{Record, WalError};

/// The ledger and the chain, read under one lock.
pub struct State {
    /// The live state: what execution sees.
    pub ledger: Ledger,
    pub chain: Chain,
    /// What reads see when they lag the live state ([`Latency::reads`]); `None`: the live state.
    pub view: Option<View>,
}

impl State {
    /// A state whose reads see everything at once.
    pub fn new(ledger: Ledger, chain: Chain) -> State {
        State {
            ledger,
            chain,
            view: None,
        }
    }
}

/// The write-ahead log failed: the node serves nothing until it is restarted.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the node stopped after its write-ahead log failed ({0}); restart it to recover what is durable")]
pub struct Failed(pub String);

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Rejected(#[from] Reject),
    #[error("the node is not accepting transactions: {0}")]
    Unavailable(String),
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Wal(#[from] WalError),
    #[error("data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the log does not replay: record {index}: {reason}")]
    Replay { index: usize, reason: String },
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    #[error("data directory {dir} is in use by another localnet (it holds {lock}); stop that one or choose another data directory", dir = .path.parent().unwrap_or(.path).display(), lock = .path.display())]
    Locked { path: PathBuf },
}

/// A durable transaction: its execution and the checkpoint it is in (if one is formed yet).
#[derive(Debug, Clone)]
pub struct Committed {
    pub executed: Arc<Executed>,
    pub checkpoint: Option<u64>,
}

pub(super) struct Submission {
    tx: Transaction,
    signatures: Vec<UserSignature>,
    reply: oneshot::Sender<Result<Committed, SubmitError>>,
}

/// Checkpoints waiting for their due time (see [`Latency::stream`], [`Latency::reads`]).
type DelayQueue = mpsc::Sender<visibility::Delayed>;

pub(super) struct Inner {
    pub state: RwLock<State>,
    /// Set (under the write lock) when the log failed.
    pub failed: std::sync::OnceLock<Failed>,
    submit: mpsc::SyncSender<Submission>,
    pub checkpoints: broadcast::Sender<Arc<Checkpoint>>,
    /// With a stream latency: checkpoints on their way to `checkpoints`, each with its due time.
    delayed: Option<DelayQueue>,
    latency: Latency,
}

impl Inner {
    /// Hands a formed checkpoint to its subscribers, now or after the stream latency; with
    /// lagging reads, `writes` (what it changed) reach the readable view first.
    pub fn publish(&self, cp: Arc<Checkpoint>, writes: Option<visibility::Writes>) {
        match &self.delayed {
            None => {
                let _ = self.checkpoints.send(cp);
            }
            Some(q) => {
                let _ = q.send(visibility::Delayed {
                    formed: Instant::now(),
                    checkpoint: cp,
                    writes,
                });
            }
        }
    }

    /// True when reads trail the live state.
    pub fn reads_lag(&self) -> bool {
        !self.latency.reads.is_zero()
    }
}

/// A running node (cheap to clone). The commit thread stops when every clone is dropped.
#[derive(Clone)]
pub struct Node {
    inner: Arc<Inner>,
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

impl Node {
    /// Loads the snapshot and replays the log after it (if there is a data directory), and
    /// starts the commit thread.
    pub fn start(config: NodeConfig) -> Result<Node, StartError> {
        let (mut state, mut wal, compaction, lock) = match &config.data_dir {
            Some(dir) => {
                let o = recover::open(dir, &config)?;
                (o.state, Some(o.wal), o.compaction, Some(o.lock))
            }
            None => {
                let chain = Chain::with_retention(config.retain_checkpoints);
                let ledger = Ledger::genesis();
                (State::new(ledger, chain), None, None, None)
            }
        };
        // Checkpoint 0 on a new chain; after a crash, the transactions the log holds beyond its
        // last checkpoint go into one at once, so everything recovered is in a checkpoint (what
        // lagging reads and the stream show is always a whole checkpoint's state).
        if state.chain.is_empty() || !state.chain.unchecked.is_empty() {
            let n = state.chain.unchecked.len() as u64;
            let cp = state.chain.form_checkpoint(now_ms());
            if let Some(w) = wal.as_mut() {
                w.append(&Record::Checkpoint {
                    sequence_number: cp.summary.sequence_number,
                    timestamp_ms: cp.summary.timestamp_ms,
                    tx_count: n,
                });
                w.sync()?;
            }
        }
        if !config.latency.reads.is_zero() {
            // Everything recovered is readable; later checkpoints become so as they are applied.
            state.view = Some(View {
                ledger: state.ledger.clone(),
                checkpoint: state
                    .chain
                    .latest()
                    .map_or(0, |c| c.summary.sequence_number),
            });
        }
        let (submit, rx) = mpsc::sync_channel(4096);
        let (checkpoints, _) = broadcast::channel(1024);
        let delays = !(config.latency.stream.is_zero() && config.latency.reads.is_zero());
        let (delayed, delay_rx) = match delays {
            true => {
                let (tx, rx) = mpsc::channel();
                (Some(tx), Some(rx))
            }
            false => (None, None),
        };
        let inner = Arc::new(Inner {
            state: RwLock::new(state),
            failed: std::sync::OnceLock::new(),
            submit,
            checkpoints: checkpoints.clone(),
            delayed,
            latency: config.latency,
        });
        let weak = Arc::downgrade(&inner);
        if let Some(rx) = delay_rx {
            let (w, latency) = (weak.clone(), config.latency);
            std::thread::Builder::new()
                .name("dtp-localnet-delay".into())
                .spawn(move || visibility::delay_loop(rx, w, checkpoints, latency))
                .expect("spawn the delay thread");
        }
        std::thread::Builder::new()
            .name("dtp-localnet-commit".into())
            .spawn(move || {
                commit::commit_loop(weak, rx, wal, compaction, config.cadence);
                drop(lock);
            })
            .expect("spawn the commit thread");
        Ok(Node { inner })
    }

    /// Executes a signed transaction (after it is durable). A transaction already executed returns
    /// its first execution: the same digest never runs twice (its signature is checked again).
    pub async fn submit(
        &self,
        tx: Transaction,
        signatures: Vec<UserSignature>,
    ) -> Result<Committed, SubmitError> {
        // Signatures are checked here, on the caller's task, so that this costly check runs in
        // parallel and not inside the commit loop's critical section.
        exec::check::signature(&tx, &signatures)?;
        if let Some(f) = self.inner.failed.get() {
            return Err(SubmitError::Unavailable(f.to_string()));
        }
        let (reply, rx) = oneshot::channel();
        self.inner
            .submit
            .try_send(Submission { tx, signatures, reply })
            .map_err(|e| SubmitError::Unavailable(match e {
                mpsc::TrySendError::Full(_) => "system is overloaded: the commit queue is full; retry the same signed bytes".into(),
                mpsc::TrySendError::Disconnected(_) => "the commit loop has stopped".into(),
            }))?;
        let committed = rx
            .await
            .map_err(|_| SubmitError::Unavailable("the commit loop has stopped".into()))??;
        if !self.inner.latency.effects.is_zero() {
            tokio::time::sleep(self.inner.latency.effects).await;
        }
        Ok(committed)
    }

    /// Runs a transaction on a copy of the ledger; nothing is kept.
    pub fn simulate(&self, tx: Transaction) -> Result<Result<Executed, Reject>, Failed> {
        let mut ledger = self.read()?.ledger.clone();
        Ok(exec::simulate(&mut ledger, tx, now_ms()))
    }

    /// The durable state, unless the node failed.
    pub fn read(&self) -> Result<RwLockReadGuard<'_, State>, Failed> {
        let st = self.inner.state.read().unwrap_or_else(|p| p.into_inner());
        match self.inner.failed.get() {
            Some(f) => Err(f.clone()),
            None => Ok(st),
        }
    }

    /// Checkpoints formed from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Checkpoint>> {
        self.inner.checkpoints.subscribe()
    }
}

#[cfg(test)]
mod tests;
