/// Every event of the package, with its emitter. Field order is the BCS layout (docs/protocol.md,
/// "Events"); off-chain followers decode these structs byte for byte, so never reorder fields.
///
/// Each `Foo` has `public(package) fun emit_foo(<fields in order>)`, so only this package emits
/// them, and `#[test_only] public fun new_foo(<fields in order>): Foo`, so tests can compare
/// whole events against `sui::event::events_by_type<Foo>()`.
module dtp::events;

use dtp::config::HostConfig;
use std::string::String;
use sui::event;

/// A Host was created and its HostCap sent to `admin`.
public struct HostCreated has copy, drop {
    host: ID,
    label: String,
    admin: address,
}

/// An endpoint was registered (UP, not ready).
public struct EndpointAdded has copy, drop {
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
}

/// An endpoint's admin fields or state changed
/// (update_endpoint, set_state, drain_self, resume_self).
public struct EndpointUpdated has copy, drop {
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
    state: u8,
}

/// An endpoint was removed.
public struct EndpointRemoved has copy, drop {
    host: ID,
    server: address,
}

/// The Host's config was replaced.
public struct ConfigUpdated has copy, drop {
    host: ID,
    config: HostConfig,
}

/// `healthy(e, cfg, now)` flipped inside a transaction (not emitted when a heartbeat simply goes
/// missing).
public struct HealthChanged has copy, drop {
    host: ID,
    server: address,
    healthy: bool,
}

/// A Pipe was created over `host`.
public struct PipeCreated has copy, drop {
    pipe: ID,
    host: ID,
    label: String,
    policy: u8,
}

/// A Pipe's selection policy changed.
public struct PolicyChanged has copy, drop {
    pipe: ID,
    policy: u8,
}

/// A request was assigned by selection (send, redrive); `standby` = chosen among STANDBY endpoints.
public struct Assigned has copy, drop {
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
    sender: address,
    standby: bool,
    payload: vector<u8>,
}

/// The assignee claimed (or extended the lease of) a request.
public struct Claimed has copy, drop {
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
}

/// A request moved from `from` to `to` (release: RELEASED, takeover: EXPIRED).
public struct Reassigned has copy, drop {
    pipe: ID,
    seq: u64,
    from: address,
    to: address,
    attempt: u32,
    deadline_ms: u64,
    reason: u8,
    standby: bool,
}

/// A request got its final answer (`ok = false`: a failed answer) and left the Pipe.
public struct Completed has copy, drop {
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    ok: bool,
    response: vector<u8>,
    latency_ms: u64,
}

/// A request ran out of attempts and moved to the dead table.
public struct DeadLettered has copy, drop {
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    reason: u8,
}

/// The original sender cancelled a pending request.
public struct Cancelled has copy, drop {
    pipe: ID,
    seq: u64,
    sender: address,
}

/// The admin moved a dead request back to pending (an Assigned follows).
public struct Redriven has copy, drop {
    pipe: ID,
    seq: u64,
}

/// The admin deleted a dead request.
public struct Purged has copy, drop {
    pipe: ID,
    seq: u64,
}

public(package) fun emit_host_created(host: ID, label: String, admin: address) {
    event::emit(HostCreated { host, label, admin })
}

public(package) fun emit_endpoint_added(
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
) {
    event::emit(EndpointAdded { host, server, label, region, weight, max_inflight, role })
}

public(package) fun emit_endpoint_updated(
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
    state: u8,
) {
    event::emit(EndpointUpdated {
        host,
        server,
        label,
        region,
        weight,
        max_inflight,
        role,
        state,
    })
}

public(package) fun emit_endpoint_removed(host: ID, server: address) {
    event::emit(EndpointRemoved { host, server })
}

public(package) fun emit_config_updated(host: ID, config: HostConfig) {
    event::emit(ConfigUpdated { host, config })
}

public(package) fun emit_health_changed(host: ID, server: address, healthy: bool) {
    event::emit(HealthChanged { host, server, healthy })
}

public(package) fun emit_pipe_created(pipe: ID, host: ID, label: String, policy: u8) {
    event::emit(PipeCreated { pipe, host, label, policy })
}

public(package) fun emit_policy_changed(pipe: ID, policy: u8) {
    event::emit(PolicyChanged { pipe, policy })
}

public(package) fun emit_assigned(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
    sender: address,
    standby: bool,
    payload: vector<u8>,
) {
    event::emit(Assigned { pipe, seq, server, attempt, deadline_ms, sender, standby, payload })
}

public(package) fun emit_claimed(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
) {
    event::emit(Claimed { pipe, seq, server, attempt, deadline_ms })
}

public(package) fun emit_reassigned(
    pipe: ID,
    seq: u64,
    from: address,
    to: address,
    attempt: u32,
    deadline_ms: u64,
    reason: u8,
    standby: bool,
) {
    event::emit(Reassigned { pipe, seq, from, to, attempt, deadline_ms, reason, standby })
}

public(package) fun emit_completed(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    ok: bool,
    response: vector<u8>,
    latency_ms: u64,
) {
    event::emit(Completed { pipe, seq, server, attempt, ok, response, latency_ms })
}

public(package) fun emit_dead_lettered(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    reason: u8,
) {
    event::emit(DeadLettered { pipe, seq, server, attempt, reason })
}

public(package) fun emit_cancelled(pipe: ID, seq: u64, sender: address) {
    event::emit(Cancelled { pipe, seq, sender })
}

public(package) fun emit_redriven(pipe: ID, seq: u64) {
    event::emit(Redriven { pipe, seq })
}

public(package) fun emit_purged(pipe: ID, seq: u64) {
    event::emit(Purged { pipe, seq })
}

// === Test constructors ===

#[test_only]
public fun new_host_created(host: ID, label: String, admin: address): HostCreated {
    HostCreated { host, label, admin }
}

#[test_only]
public fun new_endpoint_added(
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
): EndpointAdded {
    EndpointAdded { host, server, label, region, weight, max_inflight, role }
}

#[test_only]
public fun new_endpoint_updated(
    host: ID,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
    state: u8,
): EndpointUpdated {
    EndpointUpdated { host, server, label, region, weight, max_inflight, role, state }
}

#[test_only]
public fun new_endpoint_removed(host: ID, server: address): EndpointRemoved {
    EndpointRemoved { host, server }
}

#[test_only]
public fun new_config_updated(host: ID, config: HostConfig): ConfigUpdated {
    ConfigUpdated { host, config }
}

#[test_only]
public fun new_health_changed(host: ID, server: address, healthy: bool): HealthChanged {
    HealthChanged { host, server, healthy }
}

#[test_only]
public fun new_pipe_created(pipe: ID, host: ID, label: String, policy: u8): PipeCreated {
    PipeCreated { pipe, host, label, policy }
}

#[test_only]
public fun new_policy_changed(pipe: ID, policy: u8): PolicyChanged {
    PolicyChanged { pipe, policy }
}

#[test_only]
public fun new_assigned(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
    sender: address,
    standby: bool,
    payload: vector<u8>,
): Assigned {
    Assigned { pipe, seq, server, attempt, deadline_ms, sender, standby, payload }
}

#[test_only]
public fun new_claimed(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    deadline_ms: u64,
): Claimed {
    Claimed { pipe, seq, server, attempt, deadline_ms }
}

#[test_only]
public fun new_reassigned(
    pipe: ID,
    seq: u64,
    from: address,
    to: address,
    attempt: u32,
    deadline_ms: u64,
    reason: u8,
    standby: bool,
): Reassigned {
    Reassigned { pipe, seq, from, to, attempt, deadline_ms, reason, standby }
}

#[test_only]
public fun new_completed(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    ok: bool,
    response: vector<u8>,
    latency_ms: u64,
): Completed {
    Completed { pipe, seq, server, attempt, ok, response, latency_ms }
}

#[test_only]
public fun new_dead_lettered(
    pipe: ID,
    seq: u64,
    server: address,
    attempt: u32,
    reason: u8,
): DeadLettered {
    DeadLettered { pipe, seq, server, attempt, reason }
}

#[test_only]
public fun new_cancelled(pipe: ID, seq: u64, sender: address): Cancelled {
    Cancelled { pipe, seq, sender }
}

#[test_only]
public fun new_redriven(pipe: ID, seq: u64): Redriven {
    Redriven { pipe, seq }
}

#[test_only]
public fun new_purged(pipe: ID, seq: u64): Purged {
    Purged { pipe, seq }
}
