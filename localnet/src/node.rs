//! The node: owns the ledger and the chain, runs the commit loop on its own thread (execute a group
//! of submitted transactions, log them, one fsync, then acknowledge), forms checkpoints (on an
//! interval, or right after each group in immediate mode) and publishes them to subscribers.
//!
//! Nothing is visible before it is durable: the commit loop holds the state's write lock from the
//! first execution of a group until its fsync, so a reader never sees state a crash would drop.
//! If the log cannot be written the node fails for good: every later read and submission is
//! refused (its memory holds state the log does not), and a restart replays what is durable.

use std::path::PathBuf;
use std::sync::{mpsc, Arc, RwLock, RwLockReadGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sui_sdk_types::{Transaction, UserSignature};
use tokio::sync::{broadcast, oneshot};

use crate::chain::{Chain, Checkpoint};
use crate::exec::{self, Executed, Reject};
use crate::ledger::Ledger;
use crate::snapshot::{self, SnapshotError};
use crate::wal::{Record, Wal, WalError};

/// How checkpoints are formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// Every interval (Sui's own is about 200 ms), if anything executed.
    Interval(Duration),
    /// Right after each group commit: lowest dispatch latency (`dtp up`, benchmarks).
    Immediate,
}

#[derive(Debug, Clone)]
pub struct NodeConfig {
    /// Where the write-ahead log lives; `None` keeps everything in memory (tests).
    pub data_dir: Option<PathBuf>,
    pub cadence: Cadence,
    /// Checkpoints kept (older ones and their transactions are pruned, as on a pruning Sui
    /// fullnode, and are gone for good once a snapshot is taken). `None`: all.
    pub retain_checkpoints: Option<u64>,
    /// Take a snapshot and cut the log once the log holds this many bytes (and at least as many
    /// as the last snapshot, so the cost stays linear in the traffic). `None`: never; a restart
    /// then replays the whole history. Commits wait while a snapshot is written (1.4-1.7 s for
    /// 250 MB on the benchmark machine), so it suits a chain with a retention limit, whose
    /// snapshots stay small; see [`NodeConfig::default_compaction`].
    pub compact_log_bytes: Option<u64>,
    /// Added latency, to run dtp against the timings of a real Sui network (zero: none).
    pub latency: Latency,
}

/// Latency the node adds on purpose, so that tests and trials can see dtp under the timings of a
/// real Sui network ([`Latency::SUI`]) rather than the localnet's near-zero ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Latency {
    /// Added before a submitted transaction's effects are answered.
    pub effects: Duration,
    /// Added before a formed checkpoint reaches subscribers (it is readable by GetCheckpoint at
    /// once, as a Sui fullnode's store can be ahead of its stream).
    pub stream: Duration,
}

impl Latency {
    /// A one-validator Sui localnet as measured on the project's 2-core machines
    /// (`SUI-NOTES.md`): effects after ~350 ms, the event in the checkpoint stream after ~820 ms
    /// (with checkpoints every ~250 ms, use `Cadence::Interval(250 ms)`).
    pub const SUI: Latency = Latency {
        effects: Duration::from_millis(350),
        stream: Duration::from_millis(470),
    };
}

/// The default size of log at which a snapshot is taken.
pub const DEFAULT_COMPACT_LOG_BYTES: u64 = 64 << 20;

impl NodeConfig {
    /// Compaction by default: every [`DEFAULT_COMPACT_LOG_BYTES`] with a retention limit; never
    /// without one (a snapshot holds every checkpoint kept, about five times the log's bytes for
    /// the same history, so it would only grow).
    pub fn default_compaction(retain_checkpoints: Option<u64>) -> Option<u64> {
        retain_checkpoints.map(|_| DEFAULT_COMPACT_LOG_BYTES)
    }
}

impl Default for NodeConfig {
    /// In memory, checkpoints every 200 ms (Sui's cadence), everything retained, no snapshots.
    fn default() -> Self {
        NodeConfig {
            data_dir: None,
            cadence: Cadence::Interval(Duration::from_millis(200)),
            retain_checkpoints: None,
            compact_log_bytes: None,
            latency: Latency::default(),
        }
    }
}

/// The ledger and the chain, read under one lock.
pub struct State {
    pub ledger: Ledger,
    pub chain: Chain,
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

/// How long a start waits for the data directory's lock: a node of this process that was just
/// dropped releases it when its commit thread ends.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Takes the data directory's lock (held by the commit thread for the node's life): two nodes
/// appending to one log would corrupt it.
fn lock_data_dir(dir: &std::path::Path) -> Result<std::fs::File, StartError> {
    let path = dir.join("LOCK");
    let file = std::fs::File::create(&path).map_err(|source| StartError::DataDir {
        path: path.clone(),
        source,
    })?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10))
            }
            Err(std::fs::TryLockError::WouldBlock) => return Err(StartError::Locked { path }),
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StartError::DataDir { path, source })
            }
        }
    }
}

/// A durable transaction: its execution and the checkpoint it is in (if one is formed yet).
#[derive(Debug, Clone)]
pub struct Committed {
    pub executed: Arc<Executed>,
    pub checkpoint: Option<u64>,
}

struct Submission {
    tx: Transaction,
    signatures: Vec<UserSignature>,
    reply: oneshot::Sender<Result<Committed, SubmitError>>,
}

/// Checkpoints waiting for their due time (see [`Latency::stream`]).
type DelayQueue = mpsc::Sender<(Instant, Arc<Checkpoint>)>;

struct Inner {
    state: RwLock<State>,
    /// Set (under the write lock) when the log failed.
    failed: std::sync::OnceLock<Failed>,
    submit: mpsc::SyncSender<Submission>,
    checkpoints: broadcast::Sender<Arc<Checkpoint>>,
    /// With a stream latency: checkpoints on their way to `checkpoints`, each with its due time.
    delayed: Option<DelayQueue>,
    latency: Latency,
}

impl Inner {
    /// Hands a formed checkpoint to its subscribers, now or after the stream latency.
    fn publish(&self, cp: Arc<Checkpoint>) {
        match &self.delayed {
            None => {
                let _ = self.checkpoints.send(cp);
            }
            Some(q) => {
                let due = Instant::now() + self.latency.stream;
                let _ = q.send((due, cp));
            }
        }
    }
}

/// Publishes delayed checkpoints in order, each at its due time; ends with the node.
fn delay_loop(
    rx: mpsc::Receiver<(Instant, Arc<Checkpoint>)>,
    out: broadcast::Sender<Arc<Checkpoint>>,
) {
    while let Ok((due, cp)) = rx.recv() {
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        let _ = out.send(cp);
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

fn decode_record_tx(
    transaction: &[u8],
    signatures: &[Vec<u8>],
) -> Result<(Transaction, Vec<UserSignature>), String> {
    let tx = bcs::from_bytes(transaction).map_err(|e| format!("transaction: {e}"))?;
    let sigs = signatures
        .iter()
        .map(|s| UserSignature::from_bytes(s).map_err(|e| format!("signature: {e}")))
        .collect::<Result<_, _>>()?;
    Ok((tx, sigs))
}

impl Node {
    /// Loads the snapshot and replays the log after it (if there is a data directory), and
    /// starts the commit thread.
    pub fn start(config: NodeConfig) -> Result<Node, StartError> {
        let mut state = State {
            ledger: Ledger::genesis(),
            chain: Chain::with_retention(config.retain_checkpoints),
        };
        let mut wal = None;
        let mut compaction = None;
        let mut lock = None;
        if let Some(dir) = &config.data_dir {
            std::fs::create_dir_all(dir).map_err(|source| StartError::DataDir {
                path: dir.clone(),
                source,
            })?;
            lock = Some(lock_data_dir(dir)?);
            let loaded = snapshot::read(dir, config.retain_checkpoints)?;
            let from_snapshot = loaded.is_some();
            if let Some(s) = loaded {
                tracing::info!(
                    checkpoints = s.chain.len(),
                    objects = s.ledger.len(),
                    "loaded the snapshot"
                );
                state = State {
                    ledger: s.ledger,
                    chain: s.chain,
                };
            }
            let (w, records, tail) = Wal::open(&dir.join("chain.wal"))?;
            if tail.cut_bytes > 0 {
                tracing::warn!(
                    cut_bytes = tail.cut_bytes,
                    "cut a torn tail off the write-ahead log"
                );
            }
            let skip = match from_snapshot {
                true => snapshot::covered(&records, state.chain.len()),
                false => 0,
            };
            replay(&mut state, &records, skip)?;
            tracing::info!(
                records = records.len() - skip,
                checkpoints = state.chain.len(),
                "replayed the write-ahead log"
            );
            wal = Some(w);
            compaction = config.compact_log_bytes.map(|min| Compaction {
                dir: dir.clone(),
                min,
                last: std::fs::metadata(dir.join(snapshot::FILE)).map_or(0, |m| m.len()),
            });
        }
        if state.chain.is_empty() {
            let cp = state.chain.form_checkpoint(now_ms());
            if let Some(w) = wal.as_mut() {
                w.append(&Record::Checkpoint {
                    sequence_number: 0,
                    timestamp_ms: cp.summary.timestamp_ms,
                    tx_count: 0,
                });
                w.sync()?;
            }
        }
        let (submit, rx) = mpsc::sync_channel(4096);
        let (checkpoints, _) = broadcast::channel(1024);
        let delayed = (!config.latency.stream.is_zero()).then(|| {
            let (tx, rx) = mpsc::channel();
            let out = checkpoints.clone();
            std::thread::Builder::new()
                .name("dtp-localnet-delay".into())
                .spawn(move || delay_loop(rx, out))
                .expect("spawn the delay thread");
            tx
        });
        let inner = Arc::new(Inner {
            state: RwLock::new(state),
            failed: std::sync::OnceLock::new(),
            submit,
            checkpoints,
            delayed,
            latency: config.latency,
        });
        let weak = Arc::downgrade(&inner);
        std::thread::Builder::new()
            .name("dtp-localnet-commit".into())
            .spawn(move || {
                commit_loop(weak, rx, wal, compaction, config.cadence);
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

/// Replays the log's records after the first `skip` (which a snapshot already holds).
fn replay(state: &mut State, records: &[Record], skip: usize) -> Result<(), StartError> {
    for (index, r) in records.iter().enumerate().skip(skip) {
        let fail = |reason: String| StartError::Replay { index, reason };
        match r {
            Record::Tx {
                transaction,
                signatures,
                timestamp_ms,
            } => {
                let (tx, sigs) = decode_record_tx(transaction, signatures).map_err(fail)?;
                // Its signatures were checked before it was logged, and the record's checksum
                // holds: verifying them again would double the time a restart takes.
                let e = exec::execute_verified(&mut state.ledger, tx, sigs, *timestamp_ms)
                    .map_err(|e| fail(e.to_string()))?;
                state.chain.record(Arc::new(e));
            }
            Record::Checkpoint {
                sequence_number,
                timestamp_ms,
                tx_count,
            } => {
                if state.chain.unchecked.len() as u64 != *tx_count
                    || state.chain.len() != *sequence_number
                {
                    return Err(fail(format!(
                        "checkpoint {sequence_number} does not match the replayed history"
                    )));
                }
                state.chain.form_checkpoint(*timestamp_ms);
            }
        }
    }
    Ok(())
}

/// When and where the commit loop takes snapshots.
struct Compaction {
    dir: PathBuf,
    /// [`NodeConfig::compact_log_bytes`].
    min: u64,
    /// Size of the last snapshot: the log must grow at least as large before the next one.
    last: u64,
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

fn commit_loop(
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
                let digest = s.tx.digest();
                if let Some(t) = st.chain.txs.get(&digest) {
                    acks.push((s.reply, t.executed.clone()));
                    continue;
                }
                let tx_bytes = bcs::to_bytes(&s.tx).expect("transaction serialises");
                let sig_bytes: Vec<Vec<u8>> = s.signatures.iter().map(|x| x.to_bytes()).collect();
                match exec::execute_verified(&mut st.ledger, s.tx, s.signatures, now_ms()) {
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
                formed = Some(cp);
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
        if let Some(cp) = formed {
            inner.publish(cp);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::genesis;
    use crate::txb;

    fn node(dir: &std::path::Path) -> Node {
        Node::start(NodeConfig {
            data_dir: Some(dir.to_path_buf()),
            cadence: Cadence::Immediate,
            retain_checkpoints: None,
            compact_log_bytes: None,
            latency: Default::default(),
        })
        .unwrap()
    }

    /// A faucet transfer of one coin to `to` (the faucet coin at its current version).
    fn transfer(n: &Node, to: u8) -> (Transaction, Vec<UserSignature>) {
        let to = sui_sdk_types::Address::new([to; 32]);
        txb::from_faucet(&n.read().unwrap().ledger, to, 1, 1_000).unwrap()
    }

    #[tokio::test]
    async fn a_failed_log_stops_the_node_and_a_restart_keeps_what_is_durable() {
        let dir = tempfile::tempdir().unwrap();
        let n = node(dir.path());
        let (tx, sigs) = transfer(&n, 1);
        let kept = tx.digest();
        n.submit(tx, sigs).await.unwrap();

        crate::wal::failing::set(&dir.path().join("chain.wal"), true);
        let (tx, sigs) = transfer(&n, 2);
        let lost = tx.digest();
        let err = n.submit(tx, sigs).await.unwrap_err();
        assert!(
            matches!(&err, SubmitError::Unavailable(m) if m.contains("write-ahead log failed")),
            "{err}"
        );
        // Its memory holds a transaction the log does not: nothing may be read or added now.
        let f = n.read().err().expect("reads are refused");
        assert!(f.to_string().contains("injected write failure"), "{f}");
        let (tx, sigs) = any_transfer();
        assert!(matches!(
            n.submit(tx.clone(), sigs).await,
            Err(SubmitError::Unavailable(m)) if m.contains("restart it")
        ));
        assert!(n.simulate(tx).is_err());
        drop(n);

        crate::wal::failing::set(&dir.path().join("chain.wal"), false);
        let n = node(dir.path());
        let st = n.read().unwrap();
        assert!(
            st.chain.txs.contains_key(&kept),
            "the acknowledged one survives"
        );
        assert!(!st.chain.txs.contains_key(&lost), "the failed one is gone");
    }

    #[tokio::test]
    async fn a_data_directory_serves_one_node_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = node(dir.path());
        let (tx, sigs) = transfer(&first, 1);
        first.submit(tx, sigs).await.unwrap();
        let log = std::fs::read(dir.path().join("chain.wal")).unwrap();
        let err = Node::start(NodeConfig {
            data_dir: Some(dir.path().to_path_buf()),
            cadence: Cadence::Immediate,
            retain_checkpoints: None,
            compact_log_bytes: None,
            latency: Default::default(),
        })
        .err()
        .expect("a second node on the same directory is refused");
        let msg = err.to_string();
        assert!(msg.contains("in use by another localnet"), "{msg}");
        assert!(
            msg.contains(&dir.path().join("LOCK").display().to_string()),
            "{msg}"
        );
        assert_eq!(
            std::fs::read(dir.path().join("chain.wal")).unwrap(),
            log,
            "the refused one wrote nothing"
        );
        // Once the first is gone (its commit thread ends), the directory is free again.
        drop(first);
        let again = node(dir.path());
        assert_eq!(again.read().unwrap().chain.txs.len(), 1);
    }

    #[tokio::test]
    async fn added_latency_delays_effects_and_the_stream_but_not_the_store() {
        let latency = Latency {
            effects: Duration::from_millis(150),
            stream: Duration::from_millis(250),
        };
        let n = Node::start(NodeConfig {
            cadence: Cadence::Immediate,
            latency,
            ..NodeConfig::default()
        })
        .unwrap();
        let mut stream = n.subscribe();
        let mut digests = Vec::new();
        for to in 1..=3 {
            let (tx, sigs) = transfer(&n, to);
            let t = Instant::now();
            let c = n.submit(tx, sigs).await.unwrap();
            assert!(t.elapsed() >= latency.effects, "effects waited");
            // Readable at once (the store is ahead of the stream) ...
            let seq = c.checkpoint.expect("immediate cadence");
            assert!(n.read().unwrap().chain.checkpoint(seq).is_some());
            digests.push((seq, c.executed.digest, t));
        }
        // ... and streamed, in order, no sooner than the stream latency after they formed.
        for (seq, digest, submitted) in digests {
            let cp = stream.recv().await.unwrap();
            assert_eq!(cp.summary.sequence_number, seq);
            assert_eq!(cp.transactions[0].digest, digest);
            assert!(submitted.elapsed() >= latency.stream);
        }
    }

    /// A signed transfer (its gas reference does not matter: it is refused before any check).
    fn any_transfer() -> (Transaction, Vec<UserSignature>) {
        let gas = sui_sdk_types::ObjectReference::new(
            genesis::faucet_coin_id(),
            1,
            sui_sdk_types::Digest::ZERO,
        );
        txb::transfer_coins(
            &genesis::faucet_key(),
            &gas,
            sui_sdk_types::Address::ZERO,
            1,
            1,
        )
    }
}
