//! The daemon's life: start every loop, then on shutdown drain on chain, finish what it holds
//! within the grace period, release the rest and persist the cursor.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use dtp_protocol::constants::STATE_DRAINING;

use crate::config::DaemonConfig;
use crate::daemon::{Daemon, Work};
use crate::{admin, follow, health, heartbeat, serve, sweep, watchdog};

/// Where the running daemon listens (port 0 in the config picks a free port).
#[derive(Debug, Clone, Copy)]
pub struct Endpoints {
    pub admin: Option<std::net::SocketAddr>,
    pub metrics: Option<std::net::SocketAddr>,
}

/// Runs until `shutdown` resolves, then shuts down gracefully. `ready` gets the bound endpoints.
pub async fn run(
    cfg: DaemonConfig,
    shutdown: impl std::future::Future<Output = ()>,
    ready: impl FnOnce(&Daemon, Endpoints),
) -> Result<()> {
    let (d, rx) = Daemon::connect(cfg).await?;
    // Back after our own drain (a previous shutdown): take work again.
    if d.host.state_of(&d.me) == Some(STATE_DRAINING) {
        d.client.resume_self(d.host_id()).await?;
        tracing::info!("resumed after a previous drain");
    }
    health::check_all(&d.pool, &d.cfg.health).await;
    if let Err(e) = heartbeat::beat(&d).await {
        tracing::warn!(error = %e, "first heartbeat failed");
    }
    // The workers start first: seeding queues our pending work, more than the queue may hold.
    let dispatch = tokio::spawn(follow::dispatch(d.clone(), rx));
    let from = follow::seed(&d).await?;
    let mut tasks = vec![
        dispatch,
        tokio::spawn(health::run(d.pool.clone(), d.cfg.health.clone())),
        tokio::spawn(heartbeat::run(d.clone())),
        tokio::spawn(follow::run(d.clone(), from)),
        tokio::spawn(watchdog::run(d.clone())),
        tokio::spawn(sweep::run(d.clone())),
    ];
    let admin_handle = match d.cfg.daemon.admin_listen {
        Some(a) => Some(admin::start(d.clone(), a).await?),
        None => None,
    };
    let metrics = match d.cfg.daemon.metrics_listen {
        Some(a) => Some(admin::metrics(d.clone(), a).await?),
        None => None,
    };
    ready(
        &d,
        Endpoints {
            admin: admin_handle.as_ref().map(|h| h.0),
            metrics: metrics.as_ref().map(|m| m.0),
        },
    );
    tracing::info!(address = %d.me, host = %d.host_id(), "dtpd running");
    shutdown.await;
    graceful(&d).await;
    for t in tasks.drain(..) {
        t.abort();
    }
    // No worker outlives the daemon: what they held past the grace period is released above.
    d.workers.stop().await;
    if let Some((_, h)) = admin_handle {
        let _ = h.stop();
    }
    if let Some((_, t)) = metrics {
        t.abort();
    }
    tracing::info!("stopped");
    Ok(())
}

async fn graceful(d: &Arc<Daemon>) {
    tracing::info!("shutting down: draining");
    d.set_draining(true);
    if let Err(e) = d.client.drain_self(d.host_id()).await {
        tracing::warn!(error = %e, "drain_self failed");
    }
    let grace = Duration::from_millis(d.cfg.daemon.shutdown_grace_ms);
    if tokio::time::timeout(grace, d.serving.idle()).await.is_err() {
        tracing::info!(
            serving = d.serving.len(),
            "grace period over; releasing the rest"
        );
    }
    for (pipe, seq, t) in d.tracker.mine(d.me) {
        let attempt = t.attempt;
        serve::release(d, Work { pipe, seq, attempt }).await;
    }
    let _ = d.state.save_cursor(d.progress.cursor());
}
