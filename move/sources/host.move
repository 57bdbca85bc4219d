/// `Host`: the endpoint registry with on-chain health, and `HostCap`, its admin capability.
///
/// Admin functions take the `HostCap` of this Host; endpoint-self functions (`heartbeat`,
/// `drain_self`, `resume_self`) authenticate the sender as a registered endpoint. Pipes only read
/// the Host, so heartbeats and admin calls are the only writers of this shared object.
///
/// Every abort of these functions comes from this module, except an invalid label or config in
/// `create_host` / `set_config`, which `config::assert_label` / `config::new` report from
/// `dtp::config`.
module dtp::host;

use dtp::config::{Self, HostConfig};
use dtp::endpoint::{Self, Endpoint};
use dtp::events;
use std::string::String;
use sui::clock::Clock;

// === Errors ===

#[error(code = 1)]
const ENotAdmin: vector<u8> = b"the HostCap is not this Host's, or only the admin may re-enable";
#[error(code = 2)]
const ENotEndpoint: vector<u8> = b"the address is not a registered endpoint";
#[error(code = 3)]
const EEndpointExists: vector<u8> = b"an endpoint with this address is already registered";
#[error(code = 4)]
const ETooManyEndpoints: vector<u8> = b"the Host already has MAX_ENDPOINTS endpoints";
#[error(code = 11)]
const EEndpointBusy: vector<u8> = b"the endpoint is still UP: drain or disable it first";
#[error(code = 13)]
const EInvalidConfig: vector<u8> =
    b"a config value, endpoint argument, state or label is out of range";

/// The endpoint registry (shared).
public struct Host has key {
    id: UID,
    label: String,
    config: HostConfig,
    /// At most MAX_ENDPOINTS, in registration order (the order selection walks).
    endpoints: vector<Endpoint>,
}

/// Admin capability of the Host `host`.
public struct HostCap has key, store {
    id: UID,
    host: ID,
}

// === Admin ===

/// Shares a new Host without endpoints and sends its `HostCap` to the sender.
public fun create_host(
    label: String,
    heartbeat_timeout_ms: u64,
    healthy_threshold: u32,
    lease_ms: u64,
    max_attempts: u32,
    max_payload: u64,
    max_pending: u64,
    ctx: &mut TxContext,
) {
    config::assert_label(&label);
    let config = config::new(
        heartbeat_timeout_ms,
        healthy_threshold,
        lease_ms,
        max_attempts,
        max_payload,
        max_pending,
    );
    // Id order is part of the contract: Host first, then HostCap.
    let host = Host { id: object::new(ctx), label, config, endpoints: vector[] };
    let host_id = object::id(&host);
    let cap = HostCap { id: object::new(ctx), host: host_id };
    events::emit_host_created(host_id, label, ctx.sender());
    transfer::share_object(host);
    transfer::public_transfer(cap, ctx.sender());
}

/// Registers `server` (UP, not ready: selectable only after `healthy_threshold` heartbeats).
public fun add_endpoint(
    host: &mut Host,
    cap: &HostCap,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
) {
    host.assert_admin(cap);
    assert!(endpoint::args_ok(&label, &region, weight, role), EInvalidConfig);
    assert!(host.index_of(server).is_none(), EEndpointExists);
    assert!(host.endpoints.length() < config::max_endpoints(), ETooManyEndpoints);
    host.endpoints.push_back(endpoint::new(server, label, region, weight, max_inflight, role));
    events::emit_endpoint_added(
        object::id(host),
        server,
        label,
        region,
        weight,
        max_inflight,
        role,
    );
}

/// Replaces label, region, weight, max_inflight and role of `server`; its health is kept.
public fun update_endpoint(
    host: &mut Host,
    cap: &HostCap,
    server: address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
) {
    host.assert_admin(cap);
    assert!(endpoint::args_ok(&label, &region, weight, role), EInvalidConfig);
    let i = host.endpoint_index(server);
    host.endpoints[i].update(label, region, weight, max_inflight, role);
    host.emit_updated(i);
}

/// Sets the state of `server` (UP, DRAINING or DISABLED).
public fun set_state(host: &mut Host, cap: &HostCap, server: address, state: u8, clock: &Clock) {
    host.assert_admin(cap);
    assert!(state <= endpoint::disabled(), EInvalidConfig);
    let i = host.endpoint_index(server);
    host.change_state(i, state, clock.timestamp_ms());
}

/// Removes `server`, keeping the order of the others. Only once it is not UP, so that an admin
/// drains first; work still assigned to it expires and is taken over.
public fun remove_endpoint(host: &mut Host, cap: &HostCap, server: address) {
    host.assert_admin(cap);
    let i = host.endpoint_index(server);
    assert!(host.endpoints[i].state() != endpoint::up(), EEndpointBusy);
    host.endpoints.remove(i);
    events::emit_endpoint_removed(object::id(host), server);
}

/// Replaces the config.
public fun set_config(
    host: &mut Host,
    cap: &HostCap,
    heartbeat_timeout_ms: u64,
    healthy_threshold: u32,
    lease_ms: u64,
    max_attempts: u32,
    max_payload: u64,
    max_pending: u64,
) {
    host.assert_admin(cap);
    host.config =
        config::new(
            heartbeat_timeout_ms,
            healthy_threshold,
            lease_ms,
            max_attempts,
            max_payload,
            max_pending,
        );
    events::emit_config_updated(object::id(host), host.config);
}

// === Endpoint self-service (the sender is the endpoint) ===

/// Reports liveness: `ready` (any local backend healthy) and an informational `load`.
public fun heartbeat(host: &mut Host, ready: bool, load: u32, clock: &Clock, ctx: &TxContext) {
    let i = host.endpoint_index(ctx.sender());
    let now = clock.timestamp_ms();
    let cfg = host.config;
    let before = host.endpoints[i].is_healthy(&cfg, now);
    host.endpoints[i].heartbeat(&cfg, ready, load, now);
    host.emit_if_health_flipped(i, before, now);
}

/// Stops taking new work (state DRAINING); a DISABLED endpoint stays DISABLED.
public fun drain_self(host: &mut Host, clock: &Clock, ctx: &TxContext) {
    let i = host.endpoint_index(ctx.sender());
    let state = host.endpoints[i].state();
    let state = if (state == endpoint::disabled()) state else endpoint::draining();
    host.change_state(i, state, clock.timestamp_ms());
}

/// Takes new work again (state UP). A DISABLED endpoint cannot: only the admin re-enables it.
public fun resume_self(host: &mut Host, clock: &Clock, ctx: &TxContext) {
    let i = host.endpoint_index(ctx.sender());
    assert!(host.endpoints[i].state() != endpoint::disabled(), ENotAdmin);
    host.change_state(i, endpoint::up(), clock.timestamp_ms());
}

// === Getters ===

public fun config(host: &Host): HostConfig { host.config }

public fun label(host: &Host): String { host.label }

public fun endpoints(host: &Host): &vector<Endpoint> { &host.endpoints }

public fun endpoint_count(host: &Host): u64 { host.endpoints.length() }

public fun has_endpoint(host: &Host, server: address): bool { host.index_of(server).is_some() }

/// A copy of the endpoint `server`; aborts `ENotEndpoint` when absent.
public fun endpoint(host: &Host, server: address): Endpoint {
    host.endpoints[host.endpoint_index(server)]
}

/// Whether `server` is registered and healthy at `now`.
public fun is_healthy(host: &Host, server: address, now: u64): bool {
    let i = host.index_of(server);
    i.is_some() && host.endpoints[i.destroy_some()].is_healthy(&host.config, now)
}

public fun cap_host(cap: &HostCap): ID { cap.host }

/// Whether `cap` administers `host`.
public fun is_admin(host: &Host, cap: &HostCap): bool { cap.host == object::id(host) }

// === Internal ===

fun assert_admin(host: &Host, cap: &HostCap) {
    assert!(host.is_admin(cap), ENotAdmin);
}

fun index_of(host: &Host, server: address): Option<u64> {
    host.endpoints.find_index!(|e| e.server() == server)
}

fun endpoint_index(host: &Host, server: address): u64 {
    let i = host.index_of(server);
    assert!(i.is_some(), ENotEndpoint);
    i.destroy_some()
}

/// Sets the state of endpoint `i`, emitting `EndpointUpdated` and, if health flips,
/// `HealthChanged`.
fun change_state(host: &mut Host, i: u64, state: u8, now: u64) {
    let before = host.endpoints[i].is_healthy(&host.config, now);
    host.endpoints[i].set_state(state);
    host.emit_updated(i);
    host.emit_if_health_flipped(i, before, now);
}

fun emit_updated(host: &Host, i: u64) {
    let e = &host.endpoints[i];
    events::emit_endpoint_updated(
        object::id(host),
        e.server(),
        e.label(),
        e.region(),
        e.weight(),
        e.max_inflight(),
        e.role(),
        e.state(),
    );
}

fun emit_if_health_flipped(host: &Host, i: u64, before: bool, now: u64) {
    let e = &host.endpoints[i];
    let after = e.is_healthy(&host.config, now);
    if (after != before) events::emit_health_changed(object::id(host), e.server(), after);
}
