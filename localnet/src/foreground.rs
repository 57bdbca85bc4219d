//! Running the localnet in the foreground with its command-line flags: shared by the
//! `dtp-localnet` binary and `dtp localnet`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::node::{Cadence, Latency, NodeConfig};
use crate::{genesis, LocalnetConfig};
use anyhow::{Context, Result};

/// Runs the embedded localnet: a Sui-gRPC-compatible node (sui.rpc.v2) that runs the dtp package
/// natively, with a faucet. It prints its gRPC URL, faucet URL and the dtp package id, then serves
/// until Ctrl-C / SIGTERM.
#[derive(clap::Args, Debug, Clone)]
pub struct LocalnetArgs {
    /// gRPC listen address (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:9000", env = "DTP_LOCALNET_GRPC")]
    pub grpc: SocketAddr,
    /// Faucet listen address (POST /v2/gas, as `sui start --with-faucet`).
    #[arg(long, default_value = "127.0.0.1:9123", env = "DTP_LOCALNET_FAUCET")]
    pub faucet: SocketAddr,
    /// Directory of the write-ahead log; the chain survives restarts. Conflicts with --in-memory.
    #[arg(
        long,
        default_value = ".dtp-data/localnet",
        env = "DTP_LOCALNET_DATA_DIR",
        conflicts_with = "in_memory"
    )]
    pub data_dir: PathBuf,
    /// Keep everything in memory (nothing survives a restart).
    #[arg(long)]
    pub in_memory: bool,
    /// Checkpoint interval in milliseconds (Sui's own cadence is about 200 ms).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    pub checkpoint_ms: u64,
    /// Form a checkpoint right after every group commit instead of on the interval.
    #[arg(long)]
    pub immediate: bool,
    /// Keep only the last N checkpoints (and their transactions), as a pruning Sui fullnode
    /// does; older ones answer NotFound naming the lowest available, and are gone for good at the
    /// next snapshot. Default: all (memory and snapshots grow with traffic).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub retain_checkpoints: Option<u64>,
    /// Take a snapshot of the state and cut the write-ahead log once the log holds this many
    /// bytes (and at least as many as the last snapshot), so a restart loads the snapshot and
    /// replays only what came after it. Default: 64 MiB with --retain-checkpoints, otherwise
    /// never (a snapshot holds every checkpoint kept). 0: never.
    #[arg(long, env = "DTP_LOCALNET_COMPACT_LOG_BYTES")]
    pub compact_log_bytes: Option<u64>,
    /// Answer with the timings of a real (one-validator) Sui network instead of near-zero ones:
    /// effects after ~350 ms, a checkpoint every 250 ms reaching subscribers ~470 ms after it
    /// forms. For trying timeouts and leases before deploying on Sui.
    #[arg(long, conflicts_with = "immediate")]
    pub sui_latency: bool,
}

impl LocalnetArgs {
    /// `--compact-log-bytes` as the node takes it (0: never; unset: the default for the
    /// retention limit).
    fn compaction(&self) -> Option<u64> {
        match self.compact_log_bytes {
            None => NodeConfig::default_compaction(self.retain_checkpoints),
            Some(0) => None,
            Some(n) => Some(n),
        }
    }
}

/// Starts the localnet, prints where it listens, and serves until Ctrl-C / SIGTERM.
pub async fn run(args: LocalnetArgs) -> Result<()> {
    let cadence = if args.immediate {
        Cadence::Immediate
    } else if args.sui_latency {
        Cadence::Interval(Duration::from_millis(250))
    } else {
        Cadence::Interval(Duration::from_millis(args.checkpoint_ms))
    };
    let latency = match args.sui_latency {
        true => Latency::SUI,
        false => Latency::default(),
    };
    let data_dir = (!args.in_memory).then_some(args.data_dir.clone());
    let running = crate::start(LocalnetConfig {
        grpc: args.grpc,
        faucet: args.faucet,
        node: NodeConfig {
            data_dir,
            cadence,
            retain_checkpoints: args.retain_checkpoints,
            compact_log_bytes: args.compaction(),
            latency,
        },
    })
    .await
    .context("cannot start the localnet")?;
    println!("dtp localnet ready");
    println!("  gRPC     {}", running.grpc_url());
    println!("  faucet   {}", running.faucet_url());
    println!("  package  {}", genesis::DTP_PACKAGE);
    match args.in_memory {
        true => println!("  data     in memory"),
        false => println!("  data     {}", args.data_dir.display()),
    }
    shutdown_signal().await;
    tracing::info!("shutting down");
    running.stop().await;
    Ok(())
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut s) = signal(SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::DEFAULT_COMPACT_LOG_BYTES;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: LocalnetArgs,
    }

    fn compaction(argv: &[&str]) -> Option<u64> {
        let argv = std::iter::once("dtp-localnet").chain(argv.iter().copied());
        Cli::try_parse_from(argv).unwrap().args.compaction()
    }

    #[test]
    fn snapshots_by_default_only_with_a_retention_limit() {
        assert_eq!(compaction(&[]), None, "a snapshot would hold all history");
        let retained = compaction(&["--retain-checkpoints", "1000"]);
        assert_eq!(retained, Some(DEFAULT_COMPACT_LOG_BYTES));
        assert_eq!(compaction(&["--compact-log-bytes", "4096"]), Some(4096));
        let off = compaction(&["--retain-checkpoints", "9", "--compact-log-bytes", "0"]);
        assert_eq!(off, None);
        let bad = Cli::try_parse_from(["dtp-localnet", "--compact-log-bytes", "lots"]);
        let err = bad.err().expect("refused").to_string();
        assert!(err.contains("--compact-log-bytes"), "{err}");
    }
}
