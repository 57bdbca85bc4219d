//! `dtp replay`: the history of one Pipe or several (the shards of a Host) from the chain, as
//! per-request timelines and a summary, and with `--verify` a check that it keeps the protocol's
//! promises (see `dtp_sdk::replay`: it reads, merges and verifies; this prints).

use std::collections::HashMap;
use std::io::IsTerminal;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;
use dtp_sdk::replay::{self, HistoryRange, Pipes, PolicyCheck};
use indicatif::{ProgressBar, ProgressStyle};
use sui_sdk_types::Address;

use super::pipe::read;
use super::{replay_html, replay_view};
use crate::ctx::{object_error, Ctx};
use crate::output;
use crate::parse;

/// Replays the history of a Pipe (or several) over a checkpoint range: one timeline per request (Assigned ->
/// Claimed -> Reassigned -> Completed / DeadLettered / Cancelled, with checkpoints, times, servers
/// and attempts) and a summary (outcomes, per-server counts, latency percentiles, takeovers,
/// releases, dead letters). The summary covers the whole range; --seq and --server filter the
/// timelines shown.
///
/// --verify checks that no request was completed twice, that every completion carried the
/// request's current attempt, and that every assignment is the one the policy makes: it rebuilds
/// the Host and the Pipe by re-executing every dtp transaction and compares the events. That needs
/// the history from the Host's creation (the default --from 0 has it). Exits non-zero when a check
/// fails or cannot be made.
///
/// Several Pipes (--pipe A --pipe B, or --host H for every Pipe of the Host created in the range)
/// are read in one pass: their timelines are merged in chain order, each Pipe is verified from its
/// own history, and the summary and verification are given per Pipe and in total.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// A Pipe to replay; repeat it to replay several together (default: the configured one).
    #[arg(long = "pipe", value_name = "ID", value_parser = parse::address, conflicts_with = "host")]
    pub pipes: Vec<Address>,
    /// Replay every Pipe of this Host created in the range (its shards) instead of --pipe.
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub host: Option<Address>,
    /// First checkpoint to read.
    #[arg(long, default_value_t = 0, value_name = "CHECKPOINT")]
    pub from: u64,
    /// Last checkpoint to read (default: the latest).
    #[arg(long, value_name = "CHECKPOINT")]
    pub to: Option<u64>,
    /// Show only this request (with all its steps; of every Pipe replayed).
    #[arg(long, value_name = "N")]
    pub seq: Option<u64>,
    /// Show only the requests this server held, claimed, completed or lost.
    #[arg(long, value_name = "ADDRESS", value_parser = parse::address)]
    pub server: Option<Address>,
    /// Print every step of every timeline shown (always on with --seq).
    #[arg(long)]
    pub steps: bool,
    /// Verify the history (see `dtp replay --help`).
    #[arg(long)]
    pub verify: bool,
    /// Write the replay as a self-contained HTML report to FILE (charts, the verdict, the
    /// requests searchable by seq) instead of printing the timelines.
    #[arg(long, value_name = "FILE")]
    pub html: Option<std::path::PathBuf>,
}

/// Checkpoints from which a terminal gets a progress bar.
const PROGRESS_FROM: u64 = 100;

pub async fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let which = match (args.host, args.pipes.is_empty()) {
        (Some(h), _) => Pipes::OfHost(h),
        (None, true) => Pipes::Listed(vec![ctx.pipe(None)?]),
        (None, false) => Pipes::Listed(args.pipes.clone()),
    };
    let c = ctx.reader().await?;
    // A missing or mistyped object is named with the usual advice before anything is read.
    match &which {
        Pipes::Listed(pipes) => {
            for &p in pipes {
                read(&c, p).await?;
            }
        }
        Pipes::OfHost(h) => {
            c.host(*h).await.map_err(|e| object_error("Host", e))?;
        }
    }
    let range = HistoryRange {
        from: args.from,
        to: args.to,
        transactions: args.verify,
    };
    let (from, to) = c.history_bounds(range).await?;
    let range = HistoryRange {
        to: Some(to),
        ..range
    };
    let span = to - from + 1;
    let bar = (!ctx.json && span >= PROGRESS_FROM && std::io::stdout().is_terminal()).then(|| {
        let b = ProgressBar::new(span);
        b.set_style(
            ProgressStyle::with_template("{spinner} checkpoints {pos}/{len} {wide_bar} {eta}")
                .expect("valid template"),
        );
        b
    });
    let histories = c
        .histories(&which, range, |n| {
            if let Some(b) = &bar {
                b.set_position(n)
            }
        })
        .await?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let r = replay::merge(&histories, args.verify);
    let shown: Vec<_> = r
        .timelines
        .iter()
        .filter(|t| args.seq.is_none_or(|s| t.seq == s))
        .filter(|t| args.server.is_none_or(|s| t.involves(&s)))
        .collect();
    let mut hosts: Vec<Address> = r.pipes.iter().map(|p| p.host).collect();
    hosts.sort_unstable();
    hosts.dedup();
    let mut labels: HashMap<Address, String> = HashMap::new();
    for h in &hosts {
        if let Ok(h) = c.host(*h).await {
            labels.extend(h.endpoints.into_iter().map(|e| (e.server, e.label)));
        }
    }
    let one = |v: &[Address]| (v.len() == 1).then(|| v[0]);
    let pipes: Vec<Address> = r.pipes.iter().map(|p| p.pipe).collect();
    let data = serde_json::json!({
        "pipe": one(&pipes), "host": one(&hosts), "pipes": r.pipes, "from": r.from,
        "to": r.to, "events": r.events, "timelines": shown, "summary": r.summary,
        "verify": r.verify, "refused": r.refused, "unexplained_fences": r.unexplained_fences,
    });
    if let Some(path) = &args.html {
        let mut data = data;
        data["labels"] = serde_json::json!(labels
            .iter()
            .map(|(a, l)| (a.to_string(), l.clone()))
            .collect::<std::collections::BTreeMap<_, _>>());
        replay_html::write(path, &data)?;
        let verdict = match &r.verify {
            None => "not verified".to_string(),
            Some(v) if v.ok() => "verify: no violation".to_string(),
            Some(v) => format!("verify: {} violation(s)", v.violations.len()),
        };
        note!(
            "wrote {} ({} requests, {verdict})",
            path.display(),
            shown.len()
        );
    } else if ctx.json {
        output::json(&data);
    } else {
        let view = replay_view::View {
            replay: &r,
            labels: &labels,
        };
        view.header();
        view.timelines(&shown, args.steps || args.seq.is_some());
        view.summary();
        view.report();
        view.refused();
    }
    if let Some(v) = &r.verify {
        if let PolicyCheck::NotFromCreation { from, host } = v.policy {
            bail!(
                "cannot verify the assignments: verification needs the history from the Host's \
                 creation, but checkpoints {from}..={to} do not include the creation of Host \
                 {host}; rerun with --from 0 (or a checkpoint at or before it)"
            );
        }
        if !v.violations.is_empty() {
            bail!(
                "verification failed: {} violation(s) in checkpoints {from}..={to}",
                v.violations.len()
            );
        }
    }
    Ok(())
}
