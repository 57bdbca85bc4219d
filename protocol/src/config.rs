//! `HostConfig`: the timing and size limits of a Host, and their validation.

use serde::{Deserialize, Serialize};

use crate::constants::{
    MAX_DURATION_MS, MAX_LABEL, MAX_PAYLOAD_LIMIT, MAX_PENDING_LIMIT, MAX_THRESHOLD,
};
use crate::error::MoveAbort;

/// Layout of `dtp::config::HostConfig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostConfig {
    /// An endpoint is unhealthy this long after its last heartbeat.
    pub heartbeat_timeout_ms: u64,
    /// Timely ready heartbeats in a row before an endpoint is selectable.
    pub healthy_threshold: u32,
    /// Lease granted by send, claim, takeover, release and redrive.
    pub lease_ms: u64,
    /// Attempts per request (per redrive round) before it is dead-lettered.
    pub max_attempts: u32,
    /// Largest payload and response, in bytes.
    pub max_payload: u64,
    /// Pending requests per Pipe.
    pub max_pending: u64,
}

impl Default for HostConfig {
    /// The defaults of `dtp host create`: 15 s heartbeat timeout, 2 heartbeats to become healthy,
    /// 10 s leases, 3 attempts, 16 KiB payloads, 10,000 pending requests per pipe.
    fn default() -> Self {
        Self {
            heartbeat_timeout_ms: 15_000,
            healthy_threshold: 2,
            lease_ms: 10_000,
            max_attempts: 3,
            max_payload: MAX_PAYLOAD_LIMIT,
            max_pending: 10_000,
        }
    }
}

impl HostConfig {
    /// "config ok" of the protocol: every value in range, else `EInvalidConfig`.
    pub fn validate(&self) -> Result<(), MoveAbort> {
        match self.invalid_field() {
            None => Ok(()),
            Some(_) => Err(MoveAbort::InvalidConfig),
        }
    }

    /// Which field is out of range, for messages that must name it (CLI, daemon config).
    pub fn invalid_field(&self) -> Option<&'static str> {
        if !(1..=MAX_DURATION_MS).contains(&self.heartbeat_timeout_ms) {
            Some("heartbeat_timeout_ms must be between 1 and 31536000000 (365 days)")
        } else if !(1..=MAX_THRESHOLD).contains(&self.healthy_threshold) {
            Some("healthy_threshold must be between 1 and 100")
        } else if !(1..=MAX_DURATION_MS).contains(&self.lease_ms) {
            Some("lease_ms must be between 1 and 31536000000 (365 days)")
        } else if !(1..=MAX_THRESHOLD).contains(&self.max_attempts) {
            Some("max_attempts must be between 1 and 100")
        } else if !(1..=MAX_PAYLOAD_LIMIT).contains(&self.max_payload) {
            Some("max_payload must be between 1 and 16384")
        } else if !(1..=MAX_PENDING_LIMIT).contains(&self.max_pending) {
            Some("max_pending must be between 1 and 1000000")
        } else {
            None
        }
    }
}

/// Labels and regions: at most `MAX_LABEL` bytes, else `EInvalidConfig`.
pub(crate) fn check_label(label: &str) -> Result<(), MoveAbort> {
    (label.len() <= MAX_LABEL)
        .then_some(())
        .ok_or(MoveAbort::InvalidConfig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        assert_eq!(HostConfig::default().validate(), Ok(()));
        assert_eq!(HostConfig::default().invalid_field(), None);
    }

    #[test]
    fn each_out_of_range_field_is_rejected_and_named() {
        let base = HostConfig::default();
        let bad = [
            HostConfig {
                heartbeat_timeout_ms: 0,
                ..base
            },
            HostConfig {
                heartbeat_timeout_ms: MAX_DURATION_MS + 1,
                ..base
            },
            HostConfig {
                healthy_threshold: 0,
                ..base
            },
            HostConfig {
                healthy_threshold: MAX_THRESHOLD + 1,
                ..base
            },
            HostConfig {
                lease_ms: 0,
                ..base
            },
            HostConfig {
                lease_ms: MAX_DURATION_MS + 1,
                ..base
            },
            HostConfig {
                max_attempts: 0,
                ..base
            },
            HostConfig {
                max_attempts: MAX_THRESHOLD + 1,
                ..base
            },
            HostConfig {
                max_payload: 0,
                ..base
            },
            HostConfig {
                max_payload: MAX_PAYLOAD_LIMIT + 1,
                ..base
            },
            HostConfig {
                max_pending: 0,
                ..base
            },
            HostConfig {
                max_pending: MAX_PENDING_LIMIT + 1,
                ..base
            },
        ];
        for c in bad {
            assert_eq!(c.validate(), Err(MoveAbort::InvalidConfig), "{c:?}");
            assert!(c.invalid_field().is_some(), "{c:?}");
        }
    }

    #[test]
    fn bcs_layout_is_the_move_field_order() {
        let c = HostConfig {
            heartbeat_timeout_ms: 1,
            healthy_threshold: 2,
            lease_ms: 3,
            max_attempts: 4,
            max_payload: 5,
            max_pending: 6,
        };
        let b = bcs::to_bytes(&c).unwrap();
        assert_eq!(b.len(), 8 + 4 + 8 + 4 + 8 + 8);
        assert_eq!(&b[0..8], &1u64.to_le_bytes());
        assert_eq!(&b[8..12], &2u32.to_le_bytes());
        assert_eq!(&b[32..40], &6u64.to_le_bytes());
    }
}
