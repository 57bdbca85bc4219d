//! `dtpd`: the dtp daemon. See `dtpd --help` and docs/daemon.md.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use dtp_daemon::config::DaemonConfig;

/// mimalloc instead of the system allocator: dtp's services allocate small buffers per message
/// (glibc's malloc and free were ~15% of their CPU under load; docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    dtp_sdk::service::init_tracing("info");
    let args = Args::parse();
    let cfg = DaemonConfig::load(args.config.as_deref()).context("loading the configuration")?;
    if args.check {
        println!("configuration ok");
        return Ok(());
    }
    dtp_daemon::run::run(cfg, dtp_sdk::service::shutdown_signal(), |d, ep| {
        println!(
            "dtpd {} serving host {} (admin {:?}, metrics {:?})",
            d.me(),
            d.host_id(),
            ep.admin,
            ep.metrics
        );
    })
    .await
}
