//! `dtp status`: the Host's endpoints (health, load, in-flight, gas balance) and its Pipes
//! (pending, dead).

use anyhow::{bail, Result};
use clap::Args as ClapArgs;
use sui_sdk_types::Address;

use super::host::{endpoints_table, host_json, Live};
use super::pipe::{pipe_json, read};
use crate::ctx::{object_error, Ctx};
use crate::output::{self, Table};
use crate::parse;

/// Shows the endpoints of a Host with health (at the current time), load and requests in flight
/// (summed over the Pipes shown), and the Pipes with their pending and dead counts.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The Host (default: the configured one, else the Host of the first Pipe).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub host: Option<Address>,
    /// Pipes to show (repeat the flag; default: the configured Pipe).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub pipe: Vec<Address>,
    /// Refresh in place every SECS seconds (default 2) until Ctrl-C, with requests/s per Pipe.
    #[arg(long, value_name = "SECS", num_args = 0..=1, default_missing_value = "2",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub watch: Option<u64>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let Some(secs) = args.watch else {
        return show(ctx, &args, None).await.map(|_| ());
    };
    if ctx.json {
        anyhow::bail!("--watch draws a live table; use --json without --watch for one snapshot");
    }
    let mut last: Option<(std::time::Instant, Vec<u64>)> = None;
    loop {
        // Clear the screen and go home, then draw (the terminal keeps no scrollback of it).
        let _ = std::io::Write::write_all(&mut std::io::stdout(), b"\x1b[2J\x1b[H");
        let seqs = show(ctx, &args, last.as_ref()).await?;
        last = Some((std::time::Instant::now(), seqs));
        say!("\n(every {secs} s; Ctrl-C stops)");
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(secs)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
    }
}

/// Prints the status once; returns each Pipe's `next_seq` (for the requests/s of the next
/// drawing, given the previous one as `last`).
async fn show(
    ctx: &Ctx,
    args: &Args,
    last: Option<&(std::time::Instant, Vec<u64>)>,
) -> Result<Vec<u64>> {
    let c = ctx.reader().await?;
    let pipe_ids = match (args.pipe.is_empty(), ctx.settings.pipe) {
        (false, _) => args.pipe.clone(),
        (true, Some(p)) => vec![p],
        (true, None) => vec![],
    };
    let mut pipes = Vec::new();
    for id in pipe_ids.iter().copied() {
        pipes.push(read(&c, id).await?);
    }
    let host = match (args.host.or(ctx.settings.host), pipes.first()) {
        (Some(h), _) => h,
        (None, Some(p)) => p.host,
        (None, None) => ctx.host(None)?,
    };
    if let Some(p) = pipes.iter().find(|p| p.host != host) {
        bail!(
            "Pipe {} belongs to Host {}, not {host}: pass the matching --host",
            p.id,
            p.host
        );
    }
    let h = c.host(host).await.map_err(|e| object_error("Host", e))?;
    let mut live = Live::default();
    for p in &pipes {
        for e in &p.inflight.contents {
            *live.inflight.entry(e.key).or_default() += e.value;
        }
    }
    // Each server's balance (what pays its transactions); unknown if it cannot be read.
    let balances = futures::future::join_all(h.endpoints.iter().map(|e| {
        let c = &c;
        async move { (e.server, c.coins(e.server).await) }
    }))
    .await;
    for (server, coins) in balances {
        if let Ok(coins) = coins {
            live.gas.insert(server, coins.iter().map(|c| c.1).sum());
        }
    }
    let now = output::now_ms();
    if ctx.json {
        let pipes: Vec<_> = pipes.iter().map(pipe_json).collect();
        output::json(&serde_json::json!({
            "host": host_json(&h, now, Some(&live)),
            "pipes": pipes,
            "checkpoint": c.latest_checkpoint().await?,
            "autoscale": autoscale(ctx).await,
        }));
        return Ok(vec![]);
    }
    let healthy = h
        .endpoints
        .iter()
        .filter(|e| e.is_healthy(&h.config, now))
        .count();
    say!(
        "host {} ({}): {} endpoints, {healthy} healthy",
        h.id,
        h.label,
        h.endpoints.len()
    );
    endpoints_table(&h, now, Some(&live)).print();
    say!();
    if pipes.is_empty() {
        say!("no pipe given (pass --pipe <ID> or set one with `dtp pipe create`)");
        return Ok(vec![]);
    }
    let watching = args.watch.is_some();
    let mut head = vec!["PIPE", "LABEL", "POLICY", "NEXT_SEQ", "PENDING", "DEAD"];
    if watching {
        head.push("REQ/S");
    }
    let mut t = Table::with_headers(&head);
    for (i, p) in pipes.iter().enumerate() {
        // Requests sent per second since the last drawing (--watch).
        let rate = match last {
            Some((at, seqs)) if seqs.len() == pipes.len() => format!(
                "{:.1}",
                p.next_seq.saturating_sub(seqs[i]) as f64 / at.elapsed().as_secs_f64().max(0.001)
            ),
            _ => "-".into(),
        };
        let mut row = vec![
            p.id.to_string(),
            p.label.clone(),
            parse::policy_name(p.policy),
            p.next_seq.to_string(),
            p.pending.size.to_string(),
            p.dead.size.to_string(),
        ];
        if watching {
            row.push(rate);
        }
        t.row(row);
    }
    t.print();
    if let Some(a) = autoscale(ctx).await {
        print_autoscale(&a);
    }
    Ok(pipes.iter().map(|p| p.next_seq).collect())
}

/// The autoscaler of the running `dtp up` these settings point at (its profile records the
/// control endpoint), if it has one: its rule and latest decisions.
async fn autoscale(ctx: &Ctx) -> Option<serde_json::Value> {
    let url = ctx.settings.control.as_deref()?;
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(3))
        .build()
        .ok()?;
    let v: serde_json::Value = match http.get(format!("{url}/autoscale")).send().await {
        Ok(r) => r.json().await.ok()?,
        Err(e) => {
            tracing::debug!(error = %e, "the control endpoint does not answer");
            return None;
        }
    };
    (v["enabled"] == true).then_some(v)
}

fn print_autoscale(a: &serde_json::Value) {
    say!();
    say!(
        "autoscale {}..{}: add above {} pending per active server for {} s, remove below a quarter of it; cooldown {} s",
        a["min"], a["max"], a["target"], a["window_secs"], a["cooldown_secs"]
    );
    let decisions = a["decisions"].as_array().cloned().unwrap_or_default();
    if decisions.is_empty() {
        say!("  no decision yet");
    }
    for d in decisions.iter().rev().take(5) {
        say!(
            "  {}  {} -> {} active: {}",
            output::clock(d["at_ms"].as_u64().unwrap_or(0)),
            d["from"],
            d["to"],
            d["reason"].as_str().unwrap_or("")
        );
    }
}
