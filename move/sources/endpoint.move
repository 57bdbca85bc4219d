/// `Endpoint`: one server registered in a Host, with its on-chain health.
///
/// Owns the role / state numbers, the "endpoint args ok" predicate, the health predicate
/// (`is_healthy`) and the heartbeat streak rule. The Host decides *who* may change an endpoint;
/// this module only knows *how* it changes.
module dtp::endpoint;

use dtp::config::{Self, HostConfig};
use std::string::String;

// === Roles ===

/// Selected first.
const ACTIVE: u8 = 0;
/// Selected only when no ACTIVE endpoint is selectable (warm standby).
const STANDBY: u8 = 1;

// === States ===

/// Serving.
const UP: u8 = 0;
/// Finishing its work, takes no new work.
const DRAINING: u8 = 1;
/// Switched off by the admin; only the admin brings it back.
const DISABLED: u8 = 2;

/// One registered server. Field order is the BCS layout.
public struct Endpoint has store, copy, drop {
    /// The daemon's signing address; the endpoint's identity.
    server: address,
    label: String,
    region: String,
    /// 1..=MAX_WEIGHT, used by WEIGHTED and LEAST_INFLIGHT.
    weight: u32,
    /// 0 = unbounded.
    max_inflight: u32,
    role: u8,
    state: u8,
    /// As reported by the last heartbeat.
    ready: bool,
    /// As reported by the last heartbeat (informational).
    load: u32,
    /// 0 = never heartbeated.
    last_heartbeat_ms: u64,
    /// Timely ready heartbeats in a row, capped at `healthy_threshold`.
    streak: u32,
}

/// A new endpoint: UP, not ready, never heartbeated, so not selectable until it has sent
/// `healthy_threshold` heartbeats. Arguments are checked by the caller with `args_ok`.
public(package) fun new(
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
): Endpoint {
    Endpoint {
        server,
        label,
        region,
        weight,
        max_inflight,
        role,
        state: UP,
        ready: false,
        load: 0,
        last_heartbeat_ms: 0,
        streak: 0,
    }
}

/// "endpoint args ok": label and region <= MAX_LABEL bytes, 1 <= weight <= MAX_WEIGHT,
/// role <= STANDBY. A predicate, so that the caller aborts from its own module.
public fun args_ok(label: &String, region: &String, weight: u32, role: u8): bool {
    config::is_label_ok(label)
        && config::is_label_ok(region)
        && weight >= 1 && weight <= config::max_weight()
        && role <= STANDBY
}

/// `healthy(e, cfg, now)` of docs/protocol.md. `now <= last + timeout` is evaluated without the
/// addition so that a huge `heartbeat_timeout_ms` cannot overflow.
public fun is_healthy(self: &Endpoint, cfg: &HostConfig, now: u64): bool {
    self.state == UP
        && self.ready
        && self.streak >= cfg.healthy_threshold()
        && self.is_timely(cfg, now)
}

/// Whether a heartbeat at `now` follows the previous one within the timeout.
fun is_timely(self: &Endpoint, cfg: &HostConfig, now: u64): bool {
    self.last_heartbeat_ms > 0
        && (now <= self.last_heartbeat_ms
            || now - self.last_heartbeat_ms <= cfg.heartbeat_timeout_ms())
}

// === Package mutators (the Host checks who may call them) ===

/// Replaces the five admin-owned fields; health is kept.
public(package) fun update(
    self: &mut Endpoint,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
) {
    self.label = label;
    self.region = region;
    self.weight = weight;
    self.max_inflight = max_inflight;
    self.role = role;
}

public(package) fun set_state(self: &mut Endpoint, state: u8) {
    self.state = state;
}

/// The streak rule: a not-ready heartbeat resets the streak, a timely ready one extends it (capped
/// at the threshold so that lowering the threshold later never strands a large streak), and a late
/// ready one starts a new streak at 1.
public(package) fun heartbeat(
    self: &mut Endpoint,
    cfg: &HostConfig,
    ready: bool,
    load: u32,
    now: u64,
) {
    let threshold = cfg.healthy_threshold();
    self.streak = if (!ready) {
        0
    } else if (self.is_timely(cfg, now)) {
        // `streak <= threshold` need not hold after a `set_config`; compare before adding so that
        // a streak at u32::MAX cannot overflow.
        if (self.streak >= threshold) threshold else self.streak + 1
    } else {
        1
    };
    self.ready = ready;
    self.load = load;
    self.last_heartbeat_ms = now;
}

// === Getters ===

public fun server(self: &Endpoint): address { self.server }

public fun label(self: &Endpoint): String { self.label }

public fun region(self: &Endpoint): String { self.region }

public fun weight(self: &Endpoint): u32 { self.weight }

public fun max_inflight(self: &Endpoint): u32 { self.max_inflight }

public fun role(self: &Endpoint): u8 { self.role }

public fun state(self: &Endpoint): u8 { self.state }

public fun ready(self: &Endpoint): bool { self.ready }

public fun load(self: &Endpoint): u32 { self.load }

public fun last_heartbeat_ms(self: &Endpoint): u64 { self.last_heartbeat_ms }

public fun streak(self: &Endpoint): u32 { self.streak }

// === Constant getters ===

public fun active(): u8 { ACTIVE }

public fun standby(): u8 { STANDBY }

public fun up(): u8 { UP }

public fun draining(): u8 { DRAINING }

public fun disabled(): u8 { DISABLED }
