//! `dtp host`: create a Host, show it (endpoints with health), change its config.

use std::collections::HashMap;

use anyhow::{bail, Result};
use clap::{Args as ClapArgs, Subcommand};
use dtp_protocol::{Host, HostConfig};
use sui_sdk_types::Address;

use crate::ctx::{object_error, Ctx};
use crate::output::{self, Table};
use crate::parse;
use crate::settings::FileConfig;

#[derive(Subcommand, Debug)]
pub enum HostCmd {
    /// Create a Host (shared) and its HostCap (yours). Prints both ids and saves the Host as the
    /// default unless --no-save.
    Create {
        /// A name for people.
        #[arg(long, default_value = "dtp")]
        label: String,
        #[command(flatten)]
        config: ConfigArgs,
        /// Do not save the Host as the default in the config file.
        #[arg(long)]
        no_save: bool,
    },
    /// Show a Host: its config and its endpoints with health (computed at the current time),
    /// load and heartbeat streak.
    Show {
        /// The Host (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        host: Option<Address>,
    },
    /// Change the Host's config (only the values given; the others are kept). Without values,
    /// prints the config.
    Config {
        /// The Host (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        host: Option<Address>,
        /// The HostCap (default: found among your objects).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        cap: Option<Address>,
        #[command(flatten)]
        config: ConfigArgs,
    },
}

/// The six values of a Host's config.
#[derive(ClapArgs, Debug, Default)]
pub struct ConfigArgs {
    /// An endpoint is unhealthy this long after its last heartbeat (default 15000).
    #[arg(long, value_name = "MS")]
    pub heartbeat_timeout_ms: Option<u64>,
    /// Timely heartbeats in a row before an endpoint is selectable (default 2).
    #[arg(long, value_name = "N")]
    pub healthy_threshold: Option<u32>,
    /// Lease of an assignment; after it a peer may take the request over (default 10000).
    #[arg(long, value_name = "MS")]
    pub lease_ms: Option<u64>,
    /// Attempts per request before it is dead-lettered (default 3).
    #[arg(long, value_name = "N")]
    pub max_attempts: Option<u32>,
    /// Largest payload and response in bytes (default 16384).
    #[arg(long, value_name = "BYTES")]
    pub max_payload: Option<u64>,
    /// Pending requests per Pipe (default 10000).
    #[arg(long, value_name = "N")]
    pub max_pending: Option<u64>,
}

impl ConfigArgs {
    fn is_empty(&self) -> bool {
        self.heartbeat_timeout_ms.is_none()
            && self.healthy_threshold.is_none()
            && self.lease_ms.is_none()
            && self.max_attempts.is_none()
            && self.max_payload.is_none()
            && self.max_pending.is_none()
    }

    /// `base` with the values given, checked.
    fn apply(&self, base: HostConfig) -> Result<HostConfig> {
        let c = HostConfig {
            heartbeat_timeout_ms: self
                .heartbeat_timeout_ms
                .unwrap_or(base.heartbeat_timeout_ms),
            healthy_threshold: self.healthy_threshold.unwrap_or(base.healthy_threshold),
            lease_ms: self.lease_ms.unwrap_or(base.lease_ms),
            max_attempts: self.max_attempts.unwrap_or(base.max_attempts),
            max_payload: self.max_payload.unwrap_or(base.max_payload),
            max_pending: self.max_pending.unwrap_or(base.max_pending),
        };
        if let Some(why) = c.invalid_field() {
            bail!("invalid host config: {why}");
        }
        Ok(c)
    }
}

pub async fn run(ctx: &Ctx, cmd: HostCmd) -> Result<()> {
    match cmd {
        HostCmd::Create {
            label,
            config,
            no_save,
        } => {
            let cfg = config.apply(HostConfig::default())?;
            let c = ctx.client().await?;
            let (host, cap) = c.create_host(&label, &cfg).await?;
            if !no_save {
                FileConfig::update(&ctx.settings.config_path, |f| {
                    f.host = Some(host.to_string())
                })?;
            }
            if ctx.json {
                output::json(&serde_json::json!({"host": host, "cap": cap, "saved": !no_save}));
            } else {
                output::pairs(&[("host", host.to_string()), ("cap", cap.to_string())]);
                if !no_save {
                    say!(
                        "saved as the default host in {}",
                        ctx.settings.config_path.display()
                    );
                }
            }
            Ok(())
        }
        HostCmd::Show { host } => {
            let id = ctx.host(host)?;
            let c = ctx.reader().await?;
            let h = c.host(id).await.map_err(|e| object_error("Host", e))?;
            if ctx.json {
                output::json(&host_json(&h, output::now_ms(), None));
                return Ok(());
            }
            output::pairs(&[
                ("host", h.id.to_string()),
                ("label", h.label.clone()),
                ("endpoints", h.endpoints.len().to_string()),
            ]);
            say!();
            print_config(&h.config);
            say!();
            endpoints_table(&h, output::now_ms(), None).print();
            Ok(())
        }
        HostCmd::Config { host, cap, config } => {
            let id = ctx.host(host)?;
            if config.is_empty() {
                let c = ctx.reader().await?;
                let h = c.host(id).await.map_err(|e| object_error("Host", e))?;
                return show_config(ctx, &h.config);
            }
            let c = ctx.client().await?;
            let h = c.host(id).await.map_err(|e| object_error("Host", e))?;
            let new = config.apply(h.config)?;
            let cap = ctx.cap(&c, id, cap).await?;
            c.set_config(id, cap, &new).await?;
            show_config(ctx, &new)
        }
    }
}

fn show_config(ctx: &Ctx, c: &HostConfig) -> Result<()> {
    if ctx.json {
        output::json(c);
    } else {
        print_config(c);
    }
    Ok(())
}

pub fn print_config(c: &HostConfig) {
    output::pairs(&[
        ("heartbeat_timeout_ms", c.heartbeat_timeout_ms.to_string()),
        ("healthy_threshold", c.healthy_threshold.to_string()),
        ("lease_ms", c.lease_ms.to_string()),
        ("max_attempts", c.max_attempts.to_string()),
        ("max_payload", c.max_payload.to_string()),
        ("max_pending", c.max_pending.to_string()),
    ]);
}

/// A Host as JSON, each endpoint with `healthy` at `now` (and `inflight` when given).
/// What `dtp status` adds to each endpoint: requests in flight (over the Pipes shown) and the
/// server's SUI balance, which pays its transactions.
#[derive(Debug, Default)]
pub struct Live {
    pub inflight: HashMap<Address, u32>,
    pub gas: HashMap<Address, u64>,
}

pub fn host_json(h: &Host, now: u64, live: Option<&Live>) -> serde_json::Value {
    let endpoints: Vec<_> = h
        .endpoints
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).expect("endpoints encode");
            v["healthy"] = e.is_healthy(&h.config, now).into();
            v["role_name"] = parse::role_name(e.role).into();
            v["state_name"] = parse::state_name(e.state).into();
            if let Some(l) = live {
                v["inflight"] = l.inflight.get(&e.server).copied().unwrap_or(0).into();
                v["gas_mist"] = l.gas.get(&e.server).copied().into();
            }
            v
        })
        .collect();
    serde_json::json!({
        "id": h.id, "label": h.label, "config": h.config, "endpoints": endpoints,
    })
}

/// The endpoints of `h` with health at `now` (and in-flight counts and balances when given).
pub fn endpoints_table(h: &Host, now: u64, live: Option<&Live>) -> Table {
    let mut headers = vec![
        "SERVER",
        "LABEL",
        "REGION",
        "WEIGHT",
        "MAX_INFLIGHT",
        "ROLE",
        "STATE",
        "READY",
        "HEALTHY",
        "LOAD",
        "STREAK",
        "HEARTBEAT",
    ];
    if live.is_some() {
        headers.push("INFLIGHT");
        headers.push("GAS_SUI");
    }
    let mut t = Table::with_headers(&headers);
    for e in &h.endpoints {
        let mut row = vec![
            e.server.to_string(),
            e.label.clone(),
            e.region.clone(),
            e.weight.to_string(),
            e.max_inflight.to_string(),
            parse::role_name(e.role).into(),
            parse::state_name(e.state).into(),
            output::yes(e.ready),
            output::yes(e.is_healthy(&h.config, now)),
            e.load.to_string(),
            format!("{}/{}", e.streak, h.config.healthy_threshold),
            output::ago(now, e.last_heartbeat_ms),
        ];
        if let Some(l) = live {
            row.push(l.inflight.get(&e.server).copied().unwrap_or(0).to_string());
            row.push(match l.gas.get(&e.server) {
                Some(mist) => format!("{:.3}", *mist as f64 / 1e9),
                None => "?".into(),
            });
        }
        t.row(row);
    }
    if h.endpoints.is_empty() {
        t.row(vec![
            "(no endpoints: add one with `dtp endpoint add`)".into()
        ]);
    }
    t
}
