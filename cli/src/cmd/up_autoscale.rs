//! Autoscaling a running `dtp up` (`--autoscale MIN..MAX`). Every second the load is read from
//! the chain: the requests pending on the deployment's Pipes (assigned and not yet answered) per
//! active server. Above the target for a whole window, capacity is added: a warm standby is
//! promoted to active if there is one, else a server is started ([`Fleet::scale`]). Below a
//! quarter of the target for a whole window, the highest-numbered server is drained and taken
//! out. After each change nothing happens for the cooldown, so a change can show its effect
//! before the next. Each decision is logged with its reason and kept for `GET /autoscale` of the
//! control endpoint (`dtp status` shows them).

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use serde::Serialize;
use tokio::sync::Mutex;

use super::up_fleet::Fleet;

/// `MIN..MAX` servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Never fewer.
    pub min: usize,
    /// Never more.
    pub max: usize,
}

/// Parses `MIN..MAX` (1 <= MIN <= MAX <= 64).
pub fn parse_bounds(s: &str) -> Result<Bounds, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("`{s}` is not MIN..MAX (e.g. 2..5)"))?;
    let n = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("`{x}` in `{s}` is not a whole number"))
    };
    let (min, max) = (n(a)?, n(b)?);
    if min < 1 || max < min || max > dtp_protocol::constants::MAX_ENDPOINTS {
        return Err(format!(
            "`{s}`: need 1 <= MIN <= MAX <= {}",
            dtp_protocol::constants::MAX_ENDPOINTS
        ));
    }
    Ok(Bounds { min, max })
}

/// Parses `--autoscale-target`: a number above 0.
pub fn parse_target(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("`{s}` is not a number above 0")),
    }
}

/// When to change.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The servers allowed.
    pub bounds: Bounds,
    /// Pending requests per active server above which capacity is added.
    pub target: f64,
    /// How long the load must stay past a threshold before a change.
    pub window: Duration,
    /// How long after a change the next may come.
    pub cooldown: Duration,
}

/// One decision.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// When (ms since the epoch).
    pub at_ms: u64,
    /// Active servers before.
    pub from: usize,
    /// Active servers wanted.
    pub to: usize,
    /// Why, in words.
    pub reason: String,
}

/// The decision state: since when the load has been high or low, and the last change.
#[derive(Debug)]
pub struct Autoscaler {
    rule: Rule,
    high_since: Option<Instant>,
    low_since: Option<Instant>,
    last_change: Option<Instant>,
}

impl Autoscaler {
    /// A new autoscaler; nothing has happened yet.
    pub fn new(rule: Rule) -> Autoscaler {
        Autoscaler {
            rule,
            high_since: None,
            low_since: None,
            last_change: None,
        }
    }

    /// Sees `pending` requests over `active` servers at `now`: the number of active servers
    /// wanted and why, when it should change.
    pub fn observe(
        &mut self,
        now: Instant,
        active: usize,
        pending: u64,
    ) -> Option<(usize, String)> {
        let Rule {
            bounds,
            target,
            window,
            cooldown,
        } = self.rule;
        if active < bounds.min {
            return Some((
                bounds.min,
                format!("{active} active, below the minimum {}", bounds.min),
            ));
        }
        if active > bounds.max {
            return Some((
                bounds.max,
                format!("{active} active, above the maximum {}", bounds.max),
            ));
        }
        let per = pending as f64 / active.max(1) as f64;
        let low = target / 4.0;
        if per > target {
            self.low_since = None;
            self.high_since.get_or_insert(now);
        } else if per < low {
            self.high_since = None;
            self.low_since.get_or_insert(now);
        } else {
            self.high_since = None;
            self.low_since = None;
        }
        if self
            .last_change
            .is_some_and(|t| now.duration_since(t) < cooldown)
        {
            return None;
        }
        let held = |since: Option<Instant>| since.is_some_and(|t| now.duration_since(t) >= window);
        let decision = if held(self.high_since) && active < bounds.max {
            Some((
                active + 1,
                format!("{per:.1} pending per server above the target {target} for {window:?}"),
            ))
        } else if held(self.low_since) && active > bounds.min {
            Some((
                active - 1,
                format!("{per:.1} pending per server below {low} for {window:?}"),
            ))
        } else {
            None
        };
        if decision.is_some() {
            self.last_change = Some(now);
            self.high_since = None;
            self.low_since = None;
        }
        decision
    }
}

/// Decisions kept for the control endpoint (the latest last).
pub type Log = Arc<std::sync::Mutex<Vec<Decision>>>;

/// Decisions kept at most.
const KEEP: usize = 50;

/// Reads the load every second and applies the autoscaler's decisions to `fleet`.
pub async fn run(fleet: Arc<Mutex<Fleet>>, rule: Rule, log: Log) {
    let mut a = Autoscaler::new(rule);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let mut f = fleet.lock().await;
        let (active, pending) = match f.load().await {
            Ok((active, pending)) => (active.len(), pending),
            Err(e) => {
                tracing::warn!(error = %e, "autoscale: cannot read the load");
                continue;
            }
        };
        let Some((to, reason)) = a.observe(Instant::now(), active, pending) else {
            continue;
        };
        note!("autoscale: {active} -> {to} active servers: {reason}");
        tracing::info!(from = active, to, %reason, "autoscale");
        let done = match to > active {
            true => f.grow().await.map(|_| ()),
            false => f.shrink().await.map(|_| ()),
        };
        let reason = match done {
            Ok(()) => reason,
            Err(e) => {
                note!("autoscale: the change failed: {e:#}");
                format!("{reason} (failed: {e:#})")
            }
        };
        let mut l = log.lock().unwrap_or_else(|p| p.into_inner());
        l.push(Decision {
            at_ms: dtp_sdk::service::now_ms(),
            from: active,
            to,
            reason,
        });
        let over = l.len().saturating_sub(KEEP);
        l.drain(..over);
    }
}

/// `--autoscale` needs what it scales: refuses bounds the start does not fit.
pub fn check(bounds: Bounds, replicas: usize) -> Result<()> {
    if replicas < bounds.min || replicas > bounds.max {
        bail!(
            "--replicas {replicas} is outside --autoscale {}..{}",
            bounds.min,
            bounds.max
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Rule {
        Rule {
            bounds: Bounds { min: 2, max: 4 },
            target: 8.0,
            window: Duration::from_secs(5),
            cooldown: Duration::from_secs(20),
        }
    }

    #[test]
    fn bounds_parse_and_bad_ones_say_why() {
        assert_eq!(parse_bounds("2..5"), Ok(Bounds { min: 2, max: 5 }));
        for (bad, why) in [
            ("5", "MIN..MAX"),
            ("0..3", "1 <="),
            ("4..2", "MIN <= MAX"),
            ("1..x", "whole number"),
            ("1..65", "64"),
        ] {
            let e = parse_bounds(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn the_target_is_a_positive_number() {
        assert_eq!(parse_target("2.5"), Ok(2.5));
        for bad in ["0", "-1", "x", "inf", "NaN"] {
            assert!(parse_target(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_load_held_for_the_window_adds_one_then_the_cooldown_holds() {
        let mut a = Autoscaler::new(rule());
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        // 2 servers, 40 pending: 20 each, above 8, but not yet for 5 s.
        for s in 0..5 {
            assert_eq!(a.observe(at(s), 2, 40), None, "second {s}");
        }
        let (to, why) = a.observe(at(5), 2, 40).unwrap();
        assert_eq!(to, 3);
        assert!(why.contains("above the target"), "{why}");
        // Still high, but in the cooldown.
        for s in 6..25 {
            assert_eq!(a.observe(at(s), 3, 60), None, "second {s}");
        }
        assert_eq!(a.observe(at(25), 3, 60).map(|d| d.0), Some(4));
        // At the maximum nothing more is added.
        for s in 46..60 {
            assert_eq!(a.observe(at(s), 4, 400), None);
        }
    }

    #[test]
    fn a_spike_shorter_than_the_window_changes_nothing() {
        let mut a = Autoscaler::new(rule());
        let t0 = Instant::now();
        for s in 0..30 {
            let pending = if s % 4 == 0 { 100 } else { 10 };
            assert_eq!(
                a.observe(t0 + Duration::from_secs(s), 3, pending),
                None,
                "second {s}"
            );
        }
    }

    #[test]
    fn an_idle_deployment_shrinks_to_its_minimum() {
        let mut a = Autoscaler::new(rule());
        let t0 = Instant::now();
        let mut active = 4;
        for s in 0..200 {
            if let Some((to, why)) = a.observe(t0 + Duration::from_secs(s), active, 0) {
                assert!(why.contains("below"), "{why}");
                active = to;
            }
        }
        assert_eq!(active, 2, "down to the minimum, one step per cooldown");
        // Out of bounds (a server died and was removed by hand) is corrected at once.
        assert_eq!(
            a.observe(t0 + Duration::from_secs(201), 1, 0).map(|d| d.0),
            Some(2)
        );
    }
}
