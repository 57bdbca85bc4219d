//! `Endpoint`: one server of a Host, its on-chain health and the heartbeat streak rule.

use serde::{Deserialize, Serialize};

use crate::config::HostConfig;
use crate::constants::{ROLE_STANDBY, STATE_UP};
use crate::move_types::Address;

/// Layout of `dtp::endpoint::Endpoint`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    /// The daemon's signing address: assignments name it.
    pub server: Address,
    /// A human-readable name.
    pub label: String,
    /// The region the REGION policy matches requests against (may be empty).
    pub region: String,
    /// Weight of the WEIGHTED policy (1 ..= `MAX_WEIGHT`).
    pub weight: u32,
    /// Pending requests per Pipe this endpoint may hold; 0 = unbounded.
    pub max_inflight: u32,
    /// `ROLE_ACTIVE` or `ROLE_STANDBY`.
    pub role: u8,
    /// Administrative state: `STATE_UP`, `STATE_DRAINING` or `STATE_DISABLED`.
    pub state: u8,
    /// The daemon's own readiness (at least one local backend healthy).
    pub ready: bool,
    /// Load the daemon reported (informational).
    pub load: u32,
    /// The chain's clock at the last heartbeat (ms); 0: none yet.
    pub last_heartbeat_ms: u64,
    /// Timely ready heartbeats in a row, capped at `healthy_threshold`.
    pub streak: u32,
}

impl Endpoint {
    /// A new endpoint: UP but not selectable until `healthy_threshold` heartbeats.
    pub fn new(
        server: Address,
        label: String,
        region: String,
        weight: u32,
        max_inflight: u32,
        role: u8,
    ) -> Self {
        Self {
            server,
            label,
            region,
            weight,
            max_inflight,
            role,
            state: STATE_UP,
            ready: false,
            load: 0,
            last_heartbeat_ms: 0,
            streak: 0,
        }
    }

    /// `healthy(e, cfg, now)` of the protocol.
    pub fn is_healthy(&self, cfg: &HostConfig, now: u64) -> bool {
        self.state == STATE_UP
            && self.ready
            && self.streak >= cfg.healthy_threshold
            && self.heartbeat_fresh(cfg, now)
    }

    /// The last heartbeat is recent enough (and there was one).
    pub fn heartbeat_fresh(&self, cfg: &HostConfig, now: u64) -> bool {
        self.last_heartbeat_ms > 0 && now <= self.last_heartbeat_ms + cfg.heartbeat_timeout_ms
    }

    /// True for a warm standby (`ROLE_STANDBY`).
    pub fn is_standby(&self) -> bool {
        self.role == ROLE_STANDBY
    }

    /// Applies one heartbeat (the streak rule of the protocol).
    pub fn apply_heartbeat(&mut self, cfg: &HostConfig, ready: bool, load: u32, now: u64) {
        self.streak = if !ready {
            0
        } else if self.heartbeat_fresh(cfg, now) {
            (self.streak + 1).min(cfg.healthy_threshold)
        } else {
            1
        };
        self.ready = ready;
        self.load = load;
        self.last_heartbeat_ms = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep() -> Endpoint {
        Endpoint::new(Address::new([1; 32]), "a".into(), "eu".into(), 1, 0, 0)
    }

    fn cfg() -> HostConfig {
        HostConfig {
            heartbeat_timeout_ms: 1_000,
            healthy_threshold: 3,
            ..HostConfig::default()
        }
    }

    #[test]
    fn needs_threshold_heartbeats_in_a_row() {
        let mut e = ep();
        assert!(!e.is_healthy(&cfg(), 100));
        e.apply_heartbeat(&cfg(), true, 0, 100);
        e.apply_heartbeat(&cfg(), true, 0, 600);
        assert!(!e.is_healthy(&cfg(), 600));
        e.apply_heartbeat(&cfg(), true, 0, 1100);
        assert!(e.is_healthy(&cfg(), 1100));
        e.apply_heartbeat(&cfg(), true, 0, 1600);
        assert_eq!(e.streak, 3, "streak is capped at the threshold");
    }

    #[test]
    fn late_heartbeat_restarts_the_streak_and_not_ready_zeroes_it() {
        let mut e = ep();
        for t in [100, 200, 300] {
            e.apply_heartbeat(&cfg(), true, 0, t);
        }
        assert!(e.is_healthy(&cfg(), 1300));
        assert!(!e.is_healthy(&cfg(), 1301), "timed out");
        e.apply_heartbeat(&cfg(), true, 0, 5000);
        assert_eq!(e.streak, 1);
        e.apply_heartbeat(&cfg(), false, 7, 5100);
        assert_eq!((e.streak, e.ready, e.load), (0, false, 7));
    }

    #[test]
    fn only_up_endpoints_are_healthy() {
        let mut e = ep();
        for t in [100, 200, 300] {
            e.apply_heartbeat(&cfg(), true, 0, t);
        }
        e.state = crate::constants::STATE_DRAINING;
        assert!(!e.is_healthy(&cfg(), 300));
    }
}
