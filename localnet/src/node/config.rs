//! How a node is configured: where its log lives, when it forms checkpoints, what it keeps,
//! when it snapshots, and the latency it may add on purpose.

use std::path::PathBuf;
use std::time::Duration;

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
    /// Added before a formed checkpoint reaches subscribers.
    pub stream: Duration,
    /// How long after a checkpoint is formed its effects become readable (objects, owned-object
    /// and dynamic-field listings, balances, the transaction, the checkpoint): a Sui fullnode
    /// answers with effects before its own reads show them. Zero: readable at once. A
    /// checkpoint is never streamed before it is readable.
    pub reads: Duration,
}

impl Latency {
    /// A one-validator Sui localnet as measured on the project's 2-core machines
    /// (`SUI-NOTES.md`): effects after ~350 ms, the event in the checkpoint stream after ~820 ms
    /// (with checkpoints every ~250 ms, use `Cadence::Interval(250 ms)`).
    pub const SUI: Latency = Latency {
        effects: Duration::from_millis(350),
        stream: Duration::from_millis(470),
        reads: Duration::from_millis(470),
    };

    /// What dtp's tests run against by default: reads trail effects by 250 ms (about a Sui
    /// checkpoint), nothing else is delayed. Code that reads its own writes without waiting for
    /// them fails here as it would on a real node.
    pub const TESTS: Latency = Latency::lagging_reads(Duration::from_millis(250));

    /// Reads that trail effects by `lag` and nothing else: the localnet stays fast, but a client
    /// that reads right after a write sees the old state, as on a Sui fullnode (the tests' mode).
    pub const fn lagging_reads(lag: Duration) -> Latency {
        Latency {
            effects: Duration::ZERO,
            stream: Duration::ZERO,
            reads: lag,
        }
    }
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
