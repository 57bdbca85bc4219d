//! Feeding the board from the chain, while someone watches. One loop per dashboard: every second
//! it reads the Host and the Pipes (health, load, pending and dead counts), and every quarter
//! second it applies the checkpoints since the last one: their dtp events and refused calls
//! (`Client::checkpoint_transactions`, the reader `dtp replay --verify` uses), so takeovers and
//! fenced completions show as they land. A Pipe named by an event is read once to see whether it
//! is one of the Host's (then it is shown too).
//!
//! Nobody watching (no page asked for 30 s): the loop only sleeps, so a gateway whose dashboard
//! is not open pays nothing for it, and a viewer who comes back sees the chain from
//! [`FIRST_LOOK`] checkpoints ago on. The chain unreachable: the last picture stays, marked with
//! the error, and the loop retries; a chain that went back (a new localnet at the same URL)
//! resets the board. Far behind (a busy chain, a long pause): the loop skips to the last
//! [`MAX_BEHIND`] checkpoints, since the page shows what is happening now.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dtp_sdk::{Client, Error};
use sui_sdk_types::Address;

use super::Dashboard;

/// Between reads of the Host and the Pipes.
const READ_EVERY: Duration = Duration::from_secs(1);
/// Between looks for new checkpoints.
const POLL: Duration = Duration::from_millis(250);
/// Checkpoints applied at most per catch-up; older ones are skipped.
pub const MAX_BEHIND: u64 = 500;
/// Checkpoints before the tip a fresh view starts from, so its feed shows the latest events
/// (few: on a real network each is a round trip).
pub const FIRST_LOOK: u64 = 20;

/// Runs until aborted.
pub async fn run(client: Client, d: Arc<Dashboard>, listed: Vec<Address>) {
    let mut cursor: Option<u64> = None;
    let mut last_read: Option<Instant> = None;
    let mut foreign: HashSet<Address> = HashSet::new();
    loop {
        if !d.watched() {
            cursor = None;
            last_read = None;
            tokio::time::sleep(POLL).await;
            continue;
        }
        if last_read.is_none_or(|t| t.elapsed() >= READ_EVERY) {
            last_read = Some(Instant::now());
            read_objects(&client, &d, &listed).await;
        }
        match client.latest_checkpoint().await {
            Err(e) => d.lock().set_error(format!(
                "the chain at {} does not answer: {e}",
                client.config().url
            )),
            Ok(tip) => cursor = Some(catch_up(&client, &d, cursor, tip, &mut foreign).await),
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Applies checkpoints from `cursor` to `tip`; returns the next one to apply.
async fn catch_up(
    client: &Client,
    d: &Dashboard,
    cursor: Option<u64>,
    tip: u64,
    foreign: &mut HashSet<Address>,
) -> u64 {
    let from = match cursor {
        // A fresh view starts a little before the tip.
        None => tip.saturating_sub(FIRST_LOOK),
        Some(c) if c > tip + 1 => {
            tracing::info!(
                cursor = c,
                tip,
                "the chain went back: resetting the dashboard"
            );
            d.lock().reset();
            foreign.clear();
            tip
        }
        Some(c) => c.max(tip.saturating_sub(MAX_BEHIND)),
    };
    for seq in from..=tip {
        let (events, txs) = match client.checkpoint_transactions(seq).await {
            Ok(x) => x,
            Err(e) => {
                tracing::debug!(seq, error = %e, "cannot read a checkpoint; trying again");
                return seq;
            }
        };
        let host = d.lock().host_id();
        for ce in &events.events {
            let unknown = d.lock().is_unknown_pipe(&ce.event);
            if let Some(p) = unknown.filter(|p| !foreign.contains(p)) {
                match client.pipe(p).await {
                    Ok(pipe) if pipe.host == host => d.lock().set_pipe(pipe),
                    _ => {
                        foreign.insert(p);
                    }
                }
            }
        }
        let mut b = d.lock();
        for ce in events.events {
            b.apply(&ce);
        }
        for r in &txs.refused {
            b.apply_refused(r, events.timestamp_ms);
        }
        b.set_checkpoint(seq);
    }
    tip + 1
}

/// Reads the Host and every Pipe shown (or listed) into the board; pages waiting for a fresh
/// read go on.
async fn read_objects(client: &Client, d: &Dashboard, listed: &[Address]) {
    read_host_and_pipes(client, d, listed).await;
    d.mark_read();
}

async fn read_host_and_pipes(client: &Client, d: &Dashboard, listed: &[Address]) {
    let host = d.lock().host_id();
    match client.host(host).await {
        Ok(h) => d.lock().set_host(h),
        Err(Error::NotFound { .. }) => {
            d.lock().set_error(format!(
                "Host {host} does not exist on {} (no such object: check the id, the network and the package)",
                client.config().url
            ));
            return;
        }
        Err(e) => {
            d.lock().set_error(format!("cannot read Host {host}: {e}"));
            return;
        }
    }
    let mut pipes = d.lock().pipe_ids();
    for p in listed {
        if !pipes.contains(p) {
            pipes.push(*p);
        }
    }
    for p in pipes {
        match client.pipe(p).await {
            Ok(pipe) => d.lock().set_pipe(pipe),
            Err(e) => tracing::debug!(pipe = %p, error = %e, "cannot read a Pipe"),
        }
    }
}
