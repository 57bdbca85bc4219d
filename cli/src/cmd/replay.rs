//! `dtp replay`: a Pipe's history from the chain, as per-request timelines and a summary, and with
//! `--verify` a check that it keeps the protocol's promises (see `dtp_sdk::replay`).

use std::collections::HashMap;
use std::io::IsTerminal;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;
use dtp_sdk::replay::{self, HistoryRange, PolicyCheck};
use indicatif::{ProgressBar, ProgressStyle};
use sui_sdk_types::Address;

use super::pipe::read;
use super::replay_view;
use crate::ctx::Ctx;
use crate::output;
use crate::parse;

/// Replays a Pipe's history over a checkpoint range: one timeline per request (Assigned ->
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
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The Pipe (default: the configured one).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub pipe: Option<Address>,
    /// First checkpoint to read.
    #[arg(long, default_value_t = 0, value_name = "CHECKPOINT")]
    pub from: u64,
    /// Last checkpoint to read (default: the latest).
    #[arg(long, value_name = "CHECKPOINT")]
    pub to: Option<u64>,
    /// Show only this request (with all its steps).
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
}

/// Checkpoints from which a terminal gets a progress bar.
const PROGRESS_FROM: u64 = 100;

pub async fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let pipe = ctx.pipe(args.pipe)?;
    let c = ctx.reader().await?;
    let p = read(&c, pipe).await?;
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
    let history = c
        .history(pipe, range, |n| {
            if let Some(b) = &bar {
                b.set_position(n)
            }
        })
        .await?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let all = replay::timelines(pipe, &history.events);
    let summary = replay::summarize(&all);
    let shown: Vec<_> = all
        .iter()
        .filter(|t| args.seq.is_none_or(|s| t.seq == s))
        .filter(|t| args.server.is_none_or(|s| t.involves(&s)))
        .collect();
    let report = args.verify.then(|| replay::verify(&history));
    let refused = history.refused.as_deref().unwrap_or_default();
    let refusals = history.refused.as_ref().map(|r| replay::refusals(r));
    let unexplained = replay::unexplained_fences(refused, &all);
    let labels: HashMap<Address, String> = match c.host(p.host).await {
        Ok(h) => h
            .endpoints
            .into_iter()
            .map(|e| (e.server, e.label))
            .collect(),
        Err(_) => HashMap::new(),
    };
    if ctx.json {
        output::json(&serde_json::json!({
            "pipe": pipe, "host": history.host, "from": history.from, "to": history.to,
            "events": history.events.len(), "timelines": shown, "summary": summary,
            "verify": report, "refused": refusals, "unexplained_fences": unexplained,
        }));
    } else {
        let view = replay_view::View {
            history: &history,
            labels: &labels,
        };
        view.header();
        view.timelines(&shown, args.steps || args.seq.is_some());
        view.summary(&summary);
        if let Some(r) = &report {
            view.report(r);
        }
        if let Some(r) = &refusals {
            view.refused(r, &unexplained);
        }
    }
    if let Some(r) = report {
        if let PolicyCheck::NotFromCreation { from, host } = r.policy {
            bail!(
                "cannot verify the assignments: verification needs the history from the Host's \
                 creation, but checkpoints {from}..={to} do not include the creation of Host \
                 {host}; rerun with --from 0 (or a checkpoint at or before it)"
            );
        }
        if !r.violations.is_empty() {
            bail!(
                "verification failed: {} violation(s) in checkpoints {from}..={to}",
                r.violations.len()
            );
        }
    }
    Ok(())
}
