//! Limits and enumerations of the protocol (the same numbers as the Move package).

/// Endpoints per Host; bounds the gas of one selection.
pub const MAX_ENDPOINTS: usize = 64;
/// Bytes in a label or a region.
pub const MAX_LABEL: usize = 64;
/// Bytes in an affinity key.
pub const MAX_KEY: usize = 128;
/// Largest endpoint weight.
pub const MAX_WEIGHT: u32 = 1_000_000;
/// Largest allowed `max_payload` (Sui caps one pure argument at 16 KiB).
pub const MAX_PAYLOAD_LIMIT: u64 = 16_384;
/// Sui's limit on one pure argument: its BCS bytes, length prefix included.
pub const MAX_PURE_ARGUMENT: usize = 16_384;
/// The largest payload a transaction can carry: a `vector<u8>` this long has a 2-byte ULEB128
/// length prefix, so 16,382 bytes fill [`MAX_PURE_ARGUMENT`] (two under [`MAX_PAYLOAD_LIMIT`]).
pub const MAX_SENDABLE_PAYLOAD: usize = MAX_PURE_ARGUMENT - 2;
/// Largest allowed `max_pending`.
pub const MAX_PENDING_LIMIT: u64 = 1_000_000;
/// Largest `heartbeat_timeout_ms` and `lease_ms` (365 days): `now + x` stays far from u64 overflow.
pub const MAX_DURATION_MS: u64 = 31_536_000_000;
/// Largest `healthy_threshold` and `max_attempts`.
pub const MAX_THRESHOLD: u32 = 100;
/// 2^64 / golden ratio: the WEIGHTED policy's stride is the first number at or above
/// `total * GOLDEN / 2^64` that is coprime with `total`.
pub const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// Selection policy of a Pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Policy {
    /// Each request to the next endpoint in turn.
    RoundRobin = 0,
    /// In proportion to endpoint weight (a stride over the round-robin counter).
    Weighted = 1,
    /// The fewest pending requests of this Pipe per unit of weight.
    LeastInflight = 2,
    /// Rendezvous hashing of the request's key: the same key, the same endpoint (round robin
    /// without a key).
    Affinity = 3,
    /// Uniformly random, seeded by the request (pipe, seq, attempt).
    Random = 4,
    /// Round robin over the request's preferred region, else over every endpoint.
    Region = 5,
}

impl Policy {
    /// Every policy, in code order (its index is its number).
    pub const ALL: [Policy; 6] = [
        Policy::RoundRobin,
        Policy::Weighted,
        Policy::LeastInflight,
        Policy::Affinity,
        Policy::Random,
        Policy::Region,
    ];

    /// The policy numbered `v` on chain.
    pub fn from_u8(v: u8) -> Option<Self> {
        Self::ALL.get(v as usize).copied()
    }

    /// The lower-case name used by the CLI and config files (`round_robin`, `least_inflight`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Policy::RoundRobin => "round_robin",
            Policy::Weighted => "weighted",
            Policy::LeastInflight => "least_inflight",
            Policy::Affinity => "affinity",
            Policy::Random => "random",
            Policy::Region => "region",
        }
    }

    /// The policy of a name (`round_robin`, `least-inflight`; any case).
    pub fn from_name(name: &str) -> Option<Self> {
        let norm = name.to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|p| p.name() == norm)
    }
}

/// Endpoint role ACTIVE: takes traffic.
pub const ROLE_ACTIVE: u8 = 0;
/// Endpoint role STANDBY: a warm standby, taken only when no ACTIVE endpoint is selectable.
pub const ROLE_STANDBY: u8 = 1;

/// Endpoint state UP (administrative): it takes new work while healthy.
pub const STATE_UP: u8 = 0;
/// Endpoint state DRAINING: keeps what it holds, gets nothing new.
pub const STATE_DRAINING: u8 = 1;
/// Endpoint state DISABLED: gets nothing and is not healthy.
pub const STATE_DISABLED: u8 = 2;

/// Why a request was reassigned or dead-lettered: its lease expired (`takeover`).
pub const REASON_EXPIRED: u8 = 0;
/// Why a request was reassigned: the assignee gave it back (`release`).
pub const REASON_RELEASED: u8 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_sendable_payload_fills_one_pure_argument() {
        let fits = bcs::to_bytes(&vec![0u8; MAX_SENDABLE_PAYLOAD]).unwrap();
        assert_eq!(fits.len(), MAX_PURE_ARGUMENT);
        let over = bcs::to_bytes(&vec![0u8; MAX_SENDABLE_PAYLOAD + 1]).unwrap();
        assert!(over.len() > MAX_PURE_ARGUMENT);
    }

    #[test]
    fn policies_round_trip_by_number_and_name() {
        for p in Policy::ALL {
            assert_eq!(Policy::from_u8(p as u8), Some(p));
            assert_eq!(Policy::from_name(p.name()), Some(p));
        }
        assert_eq!(Policy::from_u8(6), None);
        assert_eq!(
            Policy::from_name("Least-Inflight"),
            Some(Policy::LeastInflight)
        );
        assert_eq!(Policy::from_name("fastest"), None);
    }

    #[test]
    fn weight_totals_fit_the_weighted_arithmetic() {
        let max_total = MAX_ENDPOINTS as u64 * MAX_WEIGHT as u64;
        assert!(max_total < 1 << 26, "(rr % total) * stride fits in u64");
        assert_eq!(GOLDEN, 11_400_714_819_323_198_485);
    }
}
