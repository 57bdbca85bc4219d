//! The long-running roles of the `dtp` binary: `dtp gateway` (the HTTP gateway), and the hidden
//! `dtp daemon` / `dtp sample` that `dtp up` starts as child processes (the same code as `dtpd`
//! and `dtp-sample`, so one binary is enough on a machine).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use dtp_gateway::{GatewayConfig, KeySource};
use sui_sdk_types::Address;

use crate::ctx::Ctx;

/// Serve HTTP (or HTTPS with --tls-cert) on `--listen` through one or more Pipes of a Host: each request is sent on
/// chain and answered with the backend's response (X-DTP-Pipe / X-DTP-Seq / X-DTP-Server headers
/// say where it went and who served it). With several --pipe, a request with an affinity key goes
/// to the Pipe its key hashes to (FNV-1a modulo the number of Pipes, the same in every gateway),
/// one without a key to the Pipe with the fewest sends waiting.
#[derive(clap::Args, Debug)]
pub struct GatewayArgs {
    /// Listen address.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The Host (default: the configured one).
    #[arg(long, value_parser = crate::parse::address)]
    pub host: Option<Address>,
    /// A Pipe of the Host to send into; repeat it to spread sends over several (default: the
    /// configured one).
    #[arg(long = "pipe", value_name = "ID", value_parser = crate::parse::address)]
    pub pipes: Vec<Address>,
    /// Affinity key source: none, ip, header:<name> or cookie:<name>.
    #[arg(long, default_value = "header:x-dtp-key")]
    pub key_source: KeySource,
    /// Header naming the preferred region.
    #[arg(long, default_value = "x-dtp-region")]
    pub region_header: String,
    /// Seconds a request may take end to end (then 504).
    #[arg(long, default_value_t = 30)]
    pub timeout_secs: u64,
    /// Serve Prometheus `/metrics` on this address (its own listener).
    #[arg(long)]
    pub metrics_listen: Option<SocketAddr>,
    /// Ask the configured faucet (`faucet_url`) for gas when the key's balance runs out (a
    /// localnet, devnet or testnet; never on mainnet, which has no faucet).
    #[arg(long)]
    pub faucet_refill: bool,
    /// TLS, rate limits, admission, access log.
    #[command(flatten)]
    pub edge: super::edge::EdgeArgs,
}

pub async fn gateway(ctx: &Ctx, a: GatewayArgs) -> Result<()> {
    let client = if a.faucet_refill {
        ctx.client_with_faucet().await?
    } else {
        ctx.client().await?
    };
    let host = ctx.host(a.host)?;
    let pipes = match a.pipes.is_empty() {
        true => vec![ctx.pipe(None)?],
        false => a.pipes,
    };
    let mut cfg = GatewayConfig::with_pipes(a.listen, host, pipes);
    cfg.key_source = a.key_source;
    cfg.region_header = Some(a.region_header);
    cfg.timeout = Duration::from_secs(a.timeout_secs);
    cfg.metrics_listen = a.metrics_listen;
    a.edge.apply(&mut cfg);
    let gw = dtp_gateway::start(client, cfg).await?;
    say!("gateway listening on {}", gw.url());
    if let Some(m) = gw.metrics_addr {
        say!("metrics on http://{m}/metrics");
    }
    shutdown_signal().await;
    gw.stop();
    Ok(())
}

/// Run a dtp daemon (as `dtpd`) from a configuration file.
#[derive(clap::Args, Debug)]
pub struct DaemonArgs {
    /// TOML configuration (see docs/daemon.md); DTPD_* variables override it.
    #[arg(long)]
    pub config: PathBuf,
}

pub async fn daemon(a: DaemonArgs) -> Result<()> {
    let cfg = dtp_daemon::config::DaemonConfig::load(Some(&a.config))
        .context("loading the daemon configuration")?;
    dtp_daemon::run::run(cfg, shutdown_signal(), |d, _| {
        say!("dtpd {} serving host {}", d.me(), d.host_id())
    })
    .await
}

pub async fn sample(a: dtp_daemon::sample::SampleArgs) -> Result<()> {
    tokio::select! {
        r = dtp_daemon::sample::serve(a) => r,
        _ = shutdown_signal() => Ok(()),
    }
}

// Kept here for `up.rs` (`super::serve::shutdown_signal`).
pub use dtp_sdk::service::shutdown_signal;
