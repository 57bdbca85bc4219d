//! Heartbeats: `heartbeat(ready, load)` on chain every interval, `ready` = at least one backend
//! healthy and not draining; also refreshes the Host snapshot (health of peers, config).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::daemon::{now_ms, Daemon};

pub async fn beat(d: &Daemon) -> Result<(), dtp_sdk::Error> {
    let ready = d.pool.any_healthy() && !d.is_draining();
    let load = d.pool.inflight();
    d.client.heartbeat(d.host_id(), ready, load).await?;
    d.last_heartbeat_ms.store(now_ms(), Ordering::Relaxed);
    let host = d.client.host(d.host_id()).await?;
    *d.host.lock().expect("lock") = Some(host);
    Ok(())
}

pub async fn run(d: Arc<Daemon>) {
    let mut tick = tokio::time::interval(Duration::from_millis(d.cfg.daemon.heartbeat_interval_ms));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = beat(&d).await {
            d.metrics.chain_errors.inc();
            tracing::warn!(error = %e, "heartbeat failed; retrying next interval");
        }
        let last = d.last_heartbeat_ms.load(Ordering::Relaxed);
        d.metrics
            .heartbeat_age_ms
            .set(now_ms().saturating_sub(last) as i64);
        if let Ok(tip) = d.client.latest_checkpoint().await {
            d.metrics
                .event_lag
                .set(tip.saturating_sub(d.cursor.load(Ordering::Relaxed)) as i64);
        }
    }
}
