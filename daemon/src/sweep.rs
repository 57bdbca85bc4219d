//! The sweep loop (`[sweep]`, off unless `sweep.to` is set): every `sweep.interval_ms` the key's
//! balance above `sweep.above_mist` goes to `sweep.to`, one gas coin per round
//! ([`dtp_sdk::Client::sweep`]). A server's completes earn the storage rebates of the requests
//! they delete, so on a network without a faucet this hands the gas back to whoever pays the
//! sends (the gateway) without a person moving coins.

use std::sync::Arc;
use std::time::Duration;

use crate::daemon::Daemon;

/// One round: sweeps if there is enough above the threshold; returns the MIST sent.
pub async fn once(d: &Daemon) -> u64 {
    let Some(to) = d.cfg.sweep.to else {
        return 0;
    };
    match d.client.sweep(to, d.cfg.sweep.above_mist).await {
        Ok(0) => 0,
        Ok(mist) => {
            d.metrics.swept_mist.inc_by(mist);
            tracing::info!(mist, %to, keep = d.cfg.sweep.above_mist, "swept gas");
            mist
        }
        Err(e) => {
            d.metrics.chain_errors.inc();
            tracing::warn!(error = %e, %to, "sweep failed; trying again next interval");
            0
        }
    }
}

/// Sweeps every interval until aborted (returns at once when the sweep is off).
pub async fn run(d: Arc<Daemon>) {
    if d.cfg.sweep.to.is_none() {
        return;
    }
    let mut tick = tokio::time::interval(Duration::from_millis(d.cfg.sweep.interval_ms));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        once(&d).await;
    }
}
