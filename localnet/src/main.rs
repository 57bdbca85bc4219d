//! `dtp-localnet`: runs the embedded localnet in the foreground until Ctrl-C / SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Parser;
use dtp_localnet::node::{Cadence, NodeConfig};
use dtp_localnet::{genesis, LocalnetConfig};

/// The dtp embedded localnet: a Sui-gRPC-compatible node (sui.rpc.v2) that runs the dtp package
/// natively, with a faucet. Point the dtp SDK, CLI and daemon at its gRPC URL; the dtp package is
/// at the fixed address printed on start.
#[derive(Parser, Debug)]
#[command(name = "dtp-localnet", version)]
struct Args {
    /// gRPC listen address (sui.rpc.v2 Ledger/State/TransactionExecution/Subscription services).
    #[arg(long, default_value = "127.0.0.1:9000", env = "DTP_LOCALNET_GRPC")]
    grpc: SocketAddr,
    /// Faucet listen address (POST /v2/gas, as `sui start --with-faucet`).
    #[arg(long, default_value = "127.0.0.1:9123", env = "DTP_LOCALNET_FAUCET")]
    faucet: SocketAddr,
    /// Directory of the write-ahead log; the chain survives restarts. Conflicts with --in-memory.
    #[arg(
        long,
        default_value = ".dtp-data/localnet",
        env = "DTP_LOCALNET_DATA_DIR",
        conflicts_with = "in_memory"
    )]
    data_dir: PathBuf,
    /// Keep everything in memory (nothing survives a restart).
    #[arg(long)]
    in_memory: bool,
    /// Checkpoint interval in milliseconds (Sui's own cadence is about 200 ms).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    checkpoint_ms: u64,
    /// Form a checkpoint right after every group commit instead of on the interval (lowest latency).
    #[arg(long)]
    immediate: bool,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let args = Args::parse();
    let cadence = if args.immediate {
        Cadence::Immediate
    } else {
        Cadence::Interval(Duration::from_millis(args.checkpoint_ms))
    };
    let data_dir = (!args.in_memory).then_some(args.data_dir.clone());
    let running = dtp_localnet::start(LocalnetConfig {
        grpc: args.grpc,
        faucet: args.faucet,
        node: NodeConfig { data_dir, cadence },
    })
    .await
    .context("starting the localnet")?;
    println!("dtp localnet ready");
    println!("  gRPC     {}", running.grpc_url());
    println!("  faucet   {}", running.faucet_url());
    println!("  package  {}", genesis::DTP_PACKAGE);
    match &args.in_memory {
        true => println!("  data     in memory"),
        false => println!("  data     {}", args.data_dir.display()),
    }
    shutdown_signal().await;
    tracing::info!("shutting down");
    running.stop().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
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
