//! Heartbeats: `heartbeat(ready, load)` on chain every interval, `ready` = at least one backend
//! healthy and not draining; also refreshes the Host snapshot (health of peers, config), and every
//! few beats reads the key's gas balance (a metric, and a warning when it runs low).

use std::sync::Arc;
use std::time::Duration;

use dtp_sdk::service::now_ms;

use crate::daemon::Daemon;

pub async fn beat(d: &Daemon) -> Result<(), dtp_sdk::Error> {
    let ready = d.pool.any_healthy() && !d.is_draining();
    let load = d.pool.inflight();
    d.client.heartbeat(d.host_id(), ready, load).await?;
    d.progress.heartbeat_at(now_ms());
    let host = d.client.host(d.host_id()).await?;
    d.host.set(host);
    Ok(())
}

/// The gas balance is read every this many heartbeats.
const GAS_EVERY: u64 = 10;

/// Below this many transactions at the gas budget the balance is called low.
const LOW_GAS_TRANSACTIONS: u64 = 100;

/// Reads the key's balance into the metric; warns when it is low.
pub async fn check_gas(d: &Daemon) {
    let coins = match d.client.coins(d.me).await {
        Ok(c) => c,
        Err(e) => {
            tracing::debug!(error = %e, "cannot read the gas balance");
            return;
        }
    };
    let balance: u64 = coins.iter().map(|c| c.1).fold(0, u64::saturating_add);
    d.progress.set_gas_balance(balance);
    d.metrics
        .gas_balance
        .set(i64::try_from(balance).unwrap_or(i64::MAX));
    let budget = d.client.config().gas_budget;
    if balance < budget.saturating_mul(LOW_GAS_TRANSACTIONS) {
        tracing::warn!(
            balance,
            transactions_left = balance / budget.max(1),
            address = %d.me,
            faucet = d.cfg.chain.faucet.is_some(),
            "gas is running low: fund this address (or set chain.faucet on a test network)"
        );
    }
}

pub async fn run(d: Arc<Daemon>) {
    let mut tick = tokio::time::interval(Duration::from_millis(d.cfg.daemon.heartbeat_interval_ms));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    for n in 0u64.. {
        tick.tick().await;
        if n % GAS_EVERY == 0 {
            check_gas(&d).await;
        }
        if let Err(e) = beat(&d).await {
            d.metrics.chain_errors.inc();
            tracing::warn!(error = %e, "heartbeat failed; retrying next interval");
        }
        let last = d.progress.last_heartbeat_ms();
        d.metrics
            .heartbeat_age_ms
            .set(now_ms().saturating_sub(last) as i64);
        if let Ok(tip) = d.client.latest_checkpoint().await {
            d.metrics
                .event_lag
                .set(tip.saturating_sub(d.progress.cursor()) as i64);
        }
    }
}
