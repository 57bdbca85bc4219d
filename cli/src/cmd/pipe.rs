//! `dtp pipe`: create a Pipe, show it (counts, in-flight, requests), change its policy.

use anyhow::Result;
use clap::Subcommand;
use dtp_protocol::{Pipe, Policy, Request};
use dtp_sdk::Client;
use sui_sdk_types::Address;

use crate::ctx::{object_error, Ctx};
use crate::output::{self, Table};
use crate::parse;
use crate::settings::FileConfig;

#[derive(Subcommand, Debug)]
pub enum PipeCmd {
    /// Create a Pipe on a Host. Prints its id and saves it as the default unless --no-save.
    Create {
        /// A name for people.
        #[arg(long, default_value = "main")]
        label: String,
        /// round_robin, weighted, least_inflight, affinity, random or region.
        #[arg(long, default_value = "round_robin", value_parser = parse::policy)]
        policy: Policy,
        /// The Host (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        host: Option<Address>,
        /// The HostCap (default: found among your objects).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        cap: Option<Address>,
        /// Do not save the Pipe as the default in the config file.
        #[arg(long)]
        no_save: bool,
    },
    /// Show a Pipe: policy, next_seq, pending and dead counts, in-flight per server; with
    /// --requests, the pending and dead requests.
    Show {
        /// The Pipe (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        pipe: Option<Address>,
        /// Also list the pending and dead requests.
        #[arg(long)]
        requests: bool,
    },
    /// Change the Pipe's selection policy.
    Policy {
        /// round_robin, weighted, least_inflight, affinity, random or region.
        #[arg(value_parser = parse::policy)]
        policy: Policy,
        /// The Pipe (default: the configured one).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        pipe: Option<Address>,
        /// The HostCap (default: found among your objects).
        #[arg(long, value_name = "ID", value_parser = parse::address)]
        cap: Option<Address>,
    },
}

pub async fn run(ctx: &Ctx, cmd: PipeCmd) -> Result<()> {
    match cmd {
        PipeCmd::Create {
            label,
            policy,
            host,
            cap,
            no_save,
        } => {
            let host = ctx.host(host)?;
            let c = ctx.client().await?;
            c.host(host).await.map_err(|e| object_error("Host", e))?;
            let cap = ctx.cap(&c, host, cap).await?;
            let pipe = c.create_pipe(host, cap, &label, policy).await?;
            if !no_save {
                FileConfig::update(&ctx.settings.config_path, |f| {
                    f.pipe = Some(pipe.to_string())
                })?;
            }
            if ctx.json {
                output::json(&serde_json::json!({"pipe": pipe, "host": host, "saved": !no_save}));
            } else {
                output::pairs(&[("pipe", pipe.to_string()), ("host", host.to_string())]);
                if !no_save {
                    say!(
                        "saved as the default pipe in {}",
                        ctx.settings.config_path.display()
                    );
                }
            }
            Ok(())
        }
        PipeCmd::Show { pipe, requests } => {
            let id = ctx.pipe(pipe)?;
            let c = ctx.reader().await?;
            let p = c.pipe(id).await.map_err(|e| object_error("Pipe", e))?;
            let reqs = match requests {
                true => Some((c.table(p.pending.id).await?, c.table(p.dead.id).await?)),
                false => None,
            };
            show(ctx, &p, reqs)
        }
        PipeCmd::Policy { policy, pipe, cap } => {
            let id = ctx.pipe(pipe)?;
            let c = ctx.client().await?;
            let p = c.pipe(id).await.map_err(|e| object_error("Pipe", e))?;
            let cap = ctx.cap(&c, p.host, cap).await?;
            c.set_policy(id, p.host, cap, policy).await?;
            if ctx.json {
                output::json(&serde_json::json!({"pipe": id, "policy": policy.name()}));
            } else {
                say!("pipe {id}: policy {}", policy.name());
            }
            Ok(())
        }
    }
}

/// A Pipe as JSON (without its requests).
pub fn pipe_json(p: &Pipe) -> serde_json::Value {
    let inflight: serde_json::Map<String, serde_json::Value> = p
        .inflight
        .contents
        .iter()
        .map(|e| (e.key.to_string(), e.value.into()))
        .collect();
    serde_json::json!({
        "id": p.id, "host": p.host, "label": p.label, "policy": parse::policy_name(p.policy),
        "next_seq": p.next_seq, "pending": p.pending.size, "dead": p.dead.size,
        "inflight": inflight,
    })
}

fn show(ctx: &Ctx, p: &Pipe, reqs: Option<(Vec<Request>, Vec<Request>)>) -> Result<()> {
    if ctx.json {
        let mut v = pipe_json(p);
        if let Some((pending, dead)) = &reqs {
            v["pending_requests"] = serde_json::to_value(pending)?;
            v["dead_requests"] = serde_json::to_value(dead)?;
        }
        output::json(&v);
        return Ok(());
    }
    output::pairs(&[
        ("pipe", p.id.to_string()),
        ("host", p.host.to_string()),
        ("label", p.label.clone()),
        ("policy", parse::policy_name(p.policy)),
        ("next_seq", p.next_seq.to_string()),
        ("pending", p.pending.size.to_string()),
        ("dead", p.dead.size.to_string()),
    ]);
    say!();
    let mut t = Table::new(["SERVER", "INFLIGHT"]);
    for e in &p.inflight.contents {
        t.row(vec![e.key.to_string(), e.value.to_string()]);
    }
    if t.is_empty() {
        say!("nothing in flight");
    } else {
        t.print();
    }
    if let Some((pending, dead)) = reqs {
        let now = output::now_ms();
        for (name, list) in [("pending", pending), ("dead", dead)] {
            say!("\n{name} requests: {}", list.len());
            if !list.is_empty() {
                requests_table(&list, now).print();
            }
        }
    }
    Ok(())
}

fn requests_table(list: &[Request], now: u64) -> Table {
    let mut t = Table::new([
        "SEQ", "SERVER", "ATTEMPT", "TRIES", "CLAIMED", "DEADLINE", "BYTES", "SENDER",
    ]);
    for r in list {
        let deadline = if r.expired(now) {
            "expired".to_string()
        } else {
            format!("in {} ms", r.deadline_ms - now)
        };
        t.row(vec![
            r.seq.to_string(),
            output::short(&r.server),
            r.attempt.to_string(),
            r.tries.to_string(),
            output::yes(r.claimed),
            deadline,
            r.payload.len().to_string(),
            output::short(&r.sender),
        ]);
    }
    t
}

/// The Pipe of `id`, with advice when it is not one.
pub async fn read(c: &Client, id: Address) -> Result<Pipe> {
    c.pipe(id).await.map_err(|e| object_error("Pipe", e))
}
