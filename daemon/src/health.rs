//! Active health checks of the local backends: GET `<backend><path>` every interval; a backend
//! turns unhealthy after `unhealthy_threshold` failures in a row and healthy again after
//! `healthy_threshold` successes in a row (the hysteresis of common load balancers).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::backends::{BackendState, Pool};
use crate::config::Health;

/// Applies one check result to a backend; returns true when its health flipped.
pub fn record(b: &BackendState, ok: bool, cfg: &Health) -> bool {
    if ok {
        b.fail_streak.store(0, Ordering::Relaxed);
        let streak = b.ok_streak.fetch_add(1, Ordering::Relaxed) + 1;
        if !b.healthy.load(Ordering::Relaxed) && streak >= cfg.healthy_threshold {
            b.healthy.store(true, Ordering::Relaxed);
            return true;
        }
    } else {
        b.ok_streak.store(0, Ordering::Relaxed);
        let streak = b.fail_streak.fetch_add(1, Ordering::Relaxed) + 1;
        if b.healthy.load(Ordering::Relaxed) && streak >= cfg.unhealthy_threshold {
            b.healthy.store(false, Ordering::Relaxed);
            return true;
        }
    }
    false
}

/// Checks every backend once.
pub async fn check_all(pool: &Pool, cfg: &Health) {
    let checks = pool.backends.iter().map(|b| async move {
        let url = format!("{}{}", b.url, cfg.path);
        let ok = match pool
            .http()
            .get(&url)
            .timeout(Duration::from_millis(cfg.timeout_ms))
            .send()
            .await
        {
            Ok(r) => r.status().as_u16() == cfg.expected_status,
            Err(_) => false,
        };
        if record(b, ok, cfg) {
            let healthy = b.healthy.load(Ordering::Relaxed);
            tracing::warn!(backend = %b.url, healthy, "backend health changed");
        }
    });
    futures::future::join_all(checks).await;
}

/// Runs the checks forever.
pub async fn run(pool: Arc<Pool>, cfg: Health) {
    let mut tick = tokio::time::interval(Duration::from_millis(cfg.interval_ms));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        check_all(&pool, &cfg).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_give_hysteresis() {
        let b = BackendState::new(&crate::config::Backend {
            url: "http://127.0.0.1:1".into(),
            weight: 1,
            max_inflight: 0,
        });
        let cfg = Health {
            healthy_threshold: 3,
            unhealthy_threshold: 2,
            ..Health::default()
        };
        assert!(!record(&b, false, &cfg));
        assert!(record(&b, false, &cfg), "second failure flips");
        assert!(!b.healthy.load(Ordering::Relaxed));
        assert!(!record(&b, true, &cfg));
        assert!(
            !record(&b, false, &cfg),
            "a failure resets the success streak"
        );
        assert!(!record(&b, true, &cfg));
        assert!(!record(&b, true, &cfg));
        assert!(record(&b, true, &cfg), "third success in a row flips back");
    }
}
