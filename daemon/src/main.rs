//! `dtpd`: the dtp daemon. See `dtpd --help` and docs/daemon.md.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use dtp_daemon::config::DaemonConfig;

/// The dtp daemon: runs beside a server, pulls the requests the chain assigned to it, serves them
/// through local backends, completes them on chain, heartbeats, and takes over peers' stalled work.
#[derive(Parser, Debug)]
#[command(name = "dtpd", version)]
struct Args {
    /// TOML configuration file; every value can be overridden by DTPD_<SECTION>__<KEY>
    /// environment variables (e.g. DTPD_CHAIN__URL, DTPD_DAEMON__STATE_DIR).
    #[arg(long, short, env = "DTPD_CONFIG")]
    config: Option<PathBuf>,
    /// Check the configuration and exit.
    #[arg(long)]
    check: bool,
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
    let cfg = DaemonConfig::load(args.config.as_deref()).context("loading the configuration")?;
    if args.check {
        println!("configuration ok");
        return Ok(());
    }
    dtp_daemon::run::run(cfg, shutdown_signal(), |d, ep| {
        println!(
            "dtpd {} serving host {} (admin {:?}, metrics {:?})",
            d.me,
            d.host_id(),
            ep.admin,
            ep.metrics
        );
    })
    .await
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
