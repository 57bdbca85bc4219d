/// `HostConfig`: the tunables of a Host, their validation ("config ok" in docs/protocol.md) and the
/// package-wide limits, which keep one transaction's gas bounded and `now + duration` far from
/// overflow.
///
/// `new` is the only way to build a config and aborts `EInvalidConfig` from this module, so
/// `host::create_host` and `host::set_config` report an invalid config from `dtp::config`.
module dtp::config;

use std::string::String;

// === Errors ===

#[error(code = 13)]
const EInvalidConfig: vector<u8> =
    b"a config value, endpoint argument, state or label is out of range";

// === Limits ===

/// Endpoints per Host (bounds selection gas).
const MAX_ENDPOINTS: u64 = 64;
/// Bytes in a label or region.
const MAX_LABEL: u64 = 64;
/// Bytes in an affinity key.
const MAX_KEY: u64 = 128;
/// Largest endpoint weight.
const MAX_WEIGHT: u32 = 1_000_000;
/// Largest allowed `max_payload` (Sui caps one pure argument at 16 KiB).
const MAX_PAYLOAD_LIMIT: u64 = 16_384;
/// Largest allowed `max_pending`.
const MAX_PENDING_LIMIT: u64 = 1_000_000;
/// Largest `heartbeat_timeout_ms` and `lease_ms` (365 days): keeps `now + x` far from overflow.
const MAX_DURATION_MS: u64 = 31_536_000_000;
/// Largest `healthy_threshold` and `max_attempts`.
const MAX_THRESHOLD: u32 = 100;

/// The tunables of a Host. Field order is the BCS layout.
public struct HostConfig has store, copy, drop {
    /// An endpoint is unhealthy this long after its last heartbeat.
    heartbeat_timeout_ms: u64,
    /// Timely ready heartbeats in a row before an endpoint is selectable.
    healthy_threshold: u32,
    /// Lease granted by send / claim / takeover / release / redrive.
    lease_ms: u64,
    /// Attempts per request (per round) before it is dead-lettered.
    max_attempts: u32,
    /// Bytes, for payloads and responses.
    max_payload: u64,
    /// Pending requests per Pipe.
    max_pending: u64,
}

/// Builds a validated config; aborts with `EInvalidConfig` unless "config ok".
public fun new(
    heartbeat_timeout_ms: u64,
    healthy_threshold: u32,
    lease_ms: u64,
    max_attempts: u32,
    max_payload: u64,
    max_pending: u64,
): HostConfig {
    assert!(
        is_valid(
            heartbeat_timeout_ms,
            healthy_threshold,
            lease_ms,
            max_attempts,
            max_payload,
            max_pending,
        ),
        EInvalidConfig,
    );
    HostConfig {
        heartbeat_timeout_ms,
        healthy_threshold,
        lease_ms,
        max_attempts,
        max_payload,
        max_pending,
    }
}

/// The "config ok" predicate.
public fun is_valid(
    heartbeat_timeout_ms: u64,
    healthy_threshold: u32,
    lease_ms: u64,
    max_attempts: u32,
    max_payload: u64,
    max_pending: u64,
): bool {
    heartbeat_timeout_ms >= 1 && heartbeat_timeout_ms <= MAX_DURATION_MS
        && healthy_threshold >= 1 && healthy_threshold <= MAX_THRESHOLD
        && lease_ms >= 1 && lease_ms <= MAX_DURATION_MS
        && max_attempts >= 1 && max_attempts <= MAX_THRESHOLD
        && max_payload >= 1 && max_payload <= MAX_PAYLOAD_LIMIT
        && max_pending >= 1 && max_pending <= MAX_PENDING_LIMIT
}

/// Whether `label` (a label or a region) fits in MAX_LABEL bytes.
public fun is_label_ok(label: &String): bool { label.length() <= MAX_LABEL }

/// Aborts `EInvalidConfig` from this module when `label` is too long; `host::create_host` checks
/// its label with it, so every `EInvalidConfig` of `create_host` comes from `dtp::config`.
public(package) fun assert_label(label: &String) {
    assert!(is_label_ok(label), EInvalidConfig);
}

// === Field getters ===

public fun heartbeat_timeout_ms(self: &HostConfig): u64 { self.heartbeat_timeout_ms }

public fun healthy_threshold(self: &HostConfig): u32 { self.healthy_threshold }

public fun lease_ms(self: &HostConfig): u64 { self.lease_ms }

public fun max_attempts(self: &HostConfig): u32 { self.max_attempts }

public fun max_payload(self: &HostConfig): u64 { self.max_payload }

public fun max_pending(self: &HostConfig): u64 { self.max_pending }

// === Limit getters ===

public fun max_endpoints(): u64 { MAX_ENDPOINTS }

public fun max_label(): u64 { MAX_LABEL }

public fun max_key(): u64 { MAX_KEY }

public fun max_weight(): u32 { MAX_WEIGHT }

public fun max_payload_limit(): u64 { MAX_PAYLOAD_LIMIT }

public fun max_pending_limit(): u64 { MAX_PENDING_LIMIT }

public fun max_duration_ms(): u64 { MAX_DURATION_MS }

public fun max_threshold(): u32 { MAX_THRESHOLD }
