//! `Host` and `HostCap`: the endpoint registry, its admin functions and the endpoints' own calls
//! (heartbeat, drain, resume). Mirrors `move/sources/host.move` line for line in its checks.

use serde::{Deserialize, Serialize};

use crate::config::{check_label, HostConfig};
use crate::constants::{
    MAX_ENDPOINTS, MAX_WEIGHT, ROLE_STANDBY, STATE_DISABLED, STATE_DRAINING, STATE_UP,
};
use crate::ctx::TxContext;
use crate::endpoint::Endpoint;
use crate::error::MoveAbort;
use crate::events::{
    ConfigUpdated, EndpointAdded, EndpointRemoved, EndpointUpdated, HealthChanged, HostCreated,
};
use crate::move_types::{Address, ObjectId};

/// Layout of `dtp::host::Host` (a shared object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    /// The Host's object id.
    pub id: ObjectId,
    /// A human-readable name.
    pub label: String,
    /// Leases, health thresholds and limits of every Pipe of this Host.
    pub config: HostConfig,
    /// The registered servers, in registration order.
    pub endpoints: Vec<Endpoint>,
}

/// Layout of `dtp::host::HostCap`: the admin capability of one Host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostCap {
    /// The capability's object id.
    pub id: ObjectId,
    /// The Host it administers.
    pub host: ObjectId,
}

/// The registration arguments of `add_endpoint` / `update_endpoint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointArgs {
    /// The daemon's signing address.
    pub server: Address,
    /// A human-readable name.
    pub label: String,
    /// The endpoint's region (may be empty).
    pub region: String,
    /// Weight of the WEIGHTED policy.
    pub weight: u32,
    /// Pending requests per Pipe it may hold; 0 = unbounded.
    pub max_inflight: u32,
    /// `ROLE_ACTIVE` or `ROLE_STANDBY`.
    pub role: u8,
}

impl EndpointArgs {
    /// "endpoint args ok" of the protocol.
    fn check(&self) -> Result<(), MoveAbort> {
        check_label(&self.label)?;
        check_label(&self.region)?;
        let ok = (1..=MAX_WEIGHT).contains(&self.weight) && self.role <= ROLE_STANDBY;
        ok.then_some(()).ok_or(MoveAbort::InvalidConfig)
    }
}

impl Host {
    /// The index of endpoint `server`, if it is one.
    pub fn find(&self, server: &Address) -> Option<usize> {
        self.endpoints.iter().position(|e| &e.server == server)
    }

    /// Endpoint `server`, if it is one.
    pub fn endpoint(&self, server: &Address) -> Option<&Endpoint> {
        self.find(server).map(|i| &self.endpoints[i])
    }

    fn index_of(&self, server: &Address) -> Result<usize, MoveAbort> {
        self.find(server).ok_or(MoveAbort::NotEndpoint)
    }

    fn check_admin(&self, cap: &HostCap) -> Result<(), MoveAbort> {
        (cap.host == self.id)
            .then_some(())
            .ok_or(MoveAbort::NotAdmin)
    }

    /// Runs `change` on endpoint `i`, emits `EndpointUpdated` if `announce`, then `HealthChanged` if
    /// its health flipped at `now` (the order Move emits them in).
    fn change_endpoint(
        &mut self,
        i: usize,
        now: u64,
        announce: bool,
        ctx: &mut TxContext,
        change: impl FnOnce(&mut Endpoint, &HostConfig),
    ) {
        let cfg = self.config;
        let before = self.endpoints[i].is_healthy(&cfg, now);
        change(&mut self.endpoints[i], &cfg);
        if announce {
            self.emit_updated(i, ctx);
        }
        let after = self.endpoints[i].is_healthy(&cfg, now);
        if before != after {
            ctx.emit(HealthChanged {
                host: self.id,
                server: self.endpoints[i].server,
                healthy: after,
            });
        }
    }

    fn emit_updated(&self, i: usize, ctx: &mut TxContext) {
        let e = &self.endpoints[i];
        ctx.emit(EndpointUpdated {
            host: self.id,
            server: e.server,
            label: e.label.clone(),
            region: e.region.clone(),
            weight: e.weight,
            max_inflight: e.max_inflight,
            role: e.role,
            state: e.state,
        });
    }
}

/// `create_host`: a new Host (to be shared) and its HostCap (to be sent to the sender).
pub fn create_host(
    label: String,
    config: HostConfig,
    ctx: &mut TxContext,
) -> Result<(Host, HostCap), MoveAbort> {
    check_label(&label)?;
    config.validate()?;
    let id = ctx.fresh_id();
    let cap = HostCap {
        id: ctx.fresh_id(),
        host: id,
    };
    ctx.emit(HostCreated {
        host: id,
        label: label.clone(),
        admin: ctx.sender(),
    });
    Ok((
        Host {
            id,
            label,
            config,
            endpoints: Vec::new(),
        },
        cap,
    ))
}

/// `add_endpoint`: registers a server (UP, healthy after `healthy_threshold` heartbeats).
pub fn add_endpoint(
    host: &mut Host,
    cap: &HostCap,
    args: EndpointArgs,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    host.check_admin(cap)?;
    args.check()?;
    if host.find(&args.server).is_some() {
        return Err(MoveAbort::EndpointExists);
    }
    if host.endpoints.len() >= MAX_ENDPOINTS {
        return Err(MoveAbort::TooManyEndpoints);
    }
    ctx.emit(EndpointAdded {
        host: host.id,
        server: args.server,
        label: args.label.clone(),
        region: args.region.clone(),
        weight: args.weight,
        max_inflight: args.max_inflight,
        role: args.role,
    });
    host.endpoints.push(Endpoint::new(
        args.server,
        args.label,
        args.region,
        args.weight,
        args.max_inflight,
        args.role,
    ));
    Ok(())
}

/// `update_endpoint`: changes a server's label, region, weight, limit and role.
pub fn update_endpoint(
    host: &mut Host,
    cap: &HostCap,
    args: EndpointArgs,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    host.check_admin(cap)?;
    args.check()?;
    let i = host.index_of(&args.server)?;
    let e = &mut host.endpoints[i];
    e.label = args.label;
    e.region = args.region;
    e.weight = args.weight;
    e.max_inflight = args.max_inflight;
    e.role = args.role;
    host.emit_updated(i, ctx);
    Ok(())
}

/// `set_state`: an admin sets a server UP, DRAINING or DISABLED.
pub fn set_state(
    host: &mut Host,
    cap: &HostCap,
    server: Address,
    state: u8,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    host.check_admin(cap)?;
    if state > STATE_DISABLED {
        return Err(MoveAbort::InvalidConfig);
    }
    let i = host.index_of(&server)?;
    set_state_at(host, i, state, now, ctx);
    Ok(())
}

/// Sets endpoint `i`'s state: `EndpointUpdated`, then `HealthChanged` if it flipped.
fn set_state_at(host: &mut Host, i: usize, state: u8, now: u64, ctx: &mut TxContext) {
    host.change_endpoint(i, now, true, ctx, |e, _| e.state = state);
}

/// `remove_endpoint`: unregisters a server that is not UP.
pub fn remove_endpoint(
    host: &mut Host,
    cap: &HostCap,
    server: Address,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    host.check_admin(cap)?;
    let i = host.index_of(&server)?;
    if host.endpoints[i].state == STATE_UP {
        return Err(MoveAbort::EndpointBusy);
    }
    host.endpoints.remove(i);
    ctx.emit(EndpointRemoved {
        host: host.id,
        server,
    });
    Ok(())
}

/// `set_config`: replaces the Host's configuration (validated).
pub fn set_config(
    host: &mut Host,
    cap: &HostCap,
    config: HostConfig,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    host.check_admin(cap)?;
    config.validate()?;
    host.config = config;
    ctx.emit(ConfigUpdated {
        host: host.id,
        config,
    });
    Ok(())
}

/// `heartbeat(ready, load)` from the endpoint itself.
pub fn heartbeat(
    host: &mut Host,
    ready: bool,
    load: u32,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    let i = host.index_of(&ctx.sender())?;
    host.change_endpoint(i, now, false, ctx, |e, cfg| {
        e.apply_heartbeat(cfg, ready, load, now)
    });
    Ok(())
}

/// The endpoint asks to stop receiving new work (a DISABLED endpoint stays DISABLED).
pub fn drain_self(host: &mut Host, now: u64, ctx: &mut TxContext) -> Result<(), MoveAbort> {
    let i = host.index_of(&ctx.sender())?;
    let state = if host.endpoints[i].state == STATE_DISABLED {
        STATE_DISABLED
    } else {
        STATE_DRAINING
    };
    set_state_at(host, i, state, now, ctx);
    Ok(())
}

/// The endpoint takes work again after draining itself; only the admin re-enables a DISABLED one.
pub fn resume_self(host: &mut Host, now: u64, ctx: &mut TxContext) -> Result<(), MoveAbort> {
    let i = host.index_of(&ctx.sender())?;
    if host.endpoints[i].state == STATE_DISABLED {
        return Err(MoveAbort::NotAdmin);
    }
    set_state_at(host, i, STATE_UP, now, ctx);
    Ok(())
}
