//! `dtp endpoint`: register and manage a Host's endpoints (admin operations, with the HostCap).

use anyhow::{Context, Result};
use clap::{Args as ClapArgs, Subcommand};
use dtp_protocol::constants::{STATE_DISABLED, STATE_DRAINING, STATE_UP};
use dtp_protocol::EndpointArgs;
use sui_sdk_types::Address;

use super::host::{endpoints_table, host_json};
use crate::ctx::{object_error, Ctx};
use crate::output;
use crate::parse;

/// Which Host, and its HostCap.
#[derive(ClapArgs, Debug)]
pub struct Target {
    /// The Host (default: the configured one).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub host: Option<Address>,
    /// The HostCap (default: found among your objects).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub cap: Option<Address>,
}

/// The registration fields; on `update`, only those given change.
#[derive(ClapArgs, Debug)]
pub struct Fields {
    /// A name for people (up to 64 bytes).
    #[arg(long)]
    pub label: Option<String>,
    /// Region, for the REGION policy (up to 64 bytes).
    #[arg(long)]
    pub region: Option<String>,
    /// Weight for WEIGHTED and LEAST_INFLIGHT (1 to 1000000; default 1 on add).
    #[arg(long)]
    pub weight: Option<u32>,
    /// Pending requests it may hold per Pipe; 0 = unbounded (default 0 on add).
    #[arg(long)]
    pub max_inflight: Option<u32>,
    /// `active` takes traffic; `standby` only when no active endpoint is selectable.
    #[arg(long, value_parser = parse::role)]
    pub role: Option<u8>,
}

#[derive(Subcommand, Debug)]
pub enum EndpointCmd {
    /// Register a server (its daemon's address). It is selectable after `healthy_threshold`
    /// heartbeats.
    Add {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        fields: Fields,
        #[command(flatten)]
        target: Target,
    },
    /// List the endpoints with health, load and streak.
    List {
        /// The Host (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        host: Option<Address>,
    },
    /// Change an endpoint's registration (only the fields given); its health is kept.
    Update {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        fields: Fields,
        #[command(flatten)]
        target: Target,
    },
    /// Stop new assignments to it (state DRAINING); what it holds finishes. With --wait, wait
    /// until it holds no request on the Pipes (then stop its daemon and `remove` it).
    Drain {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        target: Target,
        /// Wait until the server holds no request on the Pipes given (default: the configured one).
        #[arg(long)]
        wait: bool,
        /// A Pipe to watch with --wait (repeatable).
        #[arg(long = "pipe", value_name = "ID", value_parser = parse::address, requires = "wait")]
        pipes: Vec<Address>,
        /// Give up waiting after this many seconds (the endpoint stays draining; exit non-zero).
        #[arg(long, default_value_t = 120, value_name = "SECS", requires = "wait")]
        wait_secs: u64,
    },
    /// Take it out of service (state DISABLED); only the admin can bring it back.
    Disable {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        target: Target,
    },
    /// Put it back in service (state UP).
    Up {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        target: Target,
    },
    /// Unregister it (drain or disable it first).
    Remove {
        /// The server's address (its daemon's signing address).
        #[arg(value_name = "SERVER", value_parser = parse::address)]
        server: Address,
        #[command(flatten)]
        target: Target,
    },
}

pub async fn run(ctx: &Ctx, cmd: EndpointCmd) -> Result<()> {
    let (server, target, action) = match cmd {
        EndpointCmd::List { host } => {
            let id = ctx.host(host)?;
            let h = ctx
                .reader()
                .await?
                .host(id)
                .await
                .map_err(|e| object_error("Host", e))?;
            let now = output::now_ms();
            if ctx.json {
                output::json(&host_json(&h, now, None)["endpoints"]);
            } else {
                endpoints_table(&h, now, None).print();
            }
            return Ok(());
        }
        EndpointCmd::Add {
            server,
            fields,
            target,
        } => (server, target, Action::Add(fields)),
        EndpointCmd::Update {
            server,
            fields,
            target,
        } => (server, target, Action::Update(fields)),
        EndpointCmd::Drain {
            server,
            target,
            wait,
            pipes,
            wait_secs,
        } => {
            let watch = match wait {
                false => None,
                true if pipes.is_empty() => Some((vec![ctx.pipe(None)?], wait_secs)),
                true => Some((pipes, wait_secs)),
            };
            (server, target, Action::Drain(watch))
        }
        EndpointCmd::Disable { server, target } => (server, target, Action::State(STATE_DISABLED)),
        EndpointCmd::Up { server, target } => (server, target, Action::State(STATE_UP)),
        EndpointCmd::Remove { server, target } => (server, target, Action::Remove),
    };
    let host = ctx.host(target.host)?;
    let c = ctx.client().await?;
    let h = c.host(host).await.map_err(|e| object_error("Host", e))?;
    let cap = ctx.cap(&c, host, target.cap).await?;
    let done = match action {
        Action::Add(f) => {
            let args = EndpointArgs {
                server,
                label: f.label.unwrap_or_default(),
                region: f.region.unwrap_or_default(),
                weight: f.weight.unwrap_or(1),
                max_inflight: f.max_inflight.unwrap_or(0),
                role: f.role.unwrap_or(0),
            };
            c.add_endpoint(host, cap, &args).await?;
            "added"
        }
        Action::Update(f) => {
            let e = h.endpoint(&server).with_context(|| {
                format!("{server} is not an endpoint of Host {host} (see `dtp endpoint list`)")
            })?;
            let args = EndpointArgs {
                server,
                label: f.label.unwrap_or_else(|| e.label.clone()),
                region: f.region.unwrap_or_else(|| e.region.clone()),
                weight: f.weight.unwrap_or(e.weight),
                max_inflight: f.max_inflight.unwrap_or(e.max_inflight),
                role: f.role.unwrap_or(e.role),
            };
            c.update_endpoint(host, cap, &args).await?;
            "updated"
        }
        Action::State(state) => {
            c.set_state(host, cap, server, state).await?;
            parse::state_name(state)
        }
        Action::Drain(watch) => {
            h.endpoint(&server).with_context(|| {
                format!("{server} is not an endpoint of Host {host} (see `dtp endpoint list`)")
            })?;
            c.set_state(host, cap, server, STATE_DRAINING).await?;
            if let Some((pipes, secs)) = watch {
                wait_empty(&c, server, &pipes, std::time::Duration::from_secs(secs)).await?;
                "draining, holds no request"
            } else {
                "draining"
            }
        }
        Action::Remove => {
            c.remove_endpoint(host, cap, server).await?;
            "removed"
        }
    };
    if ctx.json {
        output::json(&serde_json::json!({"host": host, "server": server, "result": done}));
    } else {
        say!("endpoint {server}: {done}");
    }
    Ok(())
}

enum Action {
    Add(Fields),
    Update(Fields),
    State(u8),
    /// Drain, and with `Some((pipes, secs))` wait until nothing is held on those Pipes.
    Drain(Option<(Vec<Address>, u64)>),
    Remove,
}

/// Waits until `server` holds no request on `pipes` (their `inflight` counts), or fails after
/// `limit` saying how many it still holds.
async fn wait_empty(
    c: &dtp_sdk::Client,
    server: Address,
    pipes: &[Address],
    limit: std::time::Duration,
) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        let mut held = 0u64;
        for &p in pipes {
            let pipe = c.pipe(p).await.map_err(|e| object_error("Pipe", e))?;
            held += pipe.inflight.get(&server).copied().unwrap_or(0) as u64;
        }
        if held == 0 {
            return Ok(());
        }
        if start.elapsed() >= limit {
            anyhow::bail!(
                "{server} still holds {held} request(s) after {} s (it stays draining; wait longer or stop its daemon, which releases them)",
                limit.as_secs()
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}
