//! The follower: seeds the tracker from the pipes' pending tables, then applies every checkpoint's
//! dtp events in order, hands our assignments to the workers, and persists the cursor (at most
//! once a [`CURSOR_SAVE_EVERY`], and at shutdown: a restart reads what is pending from the pipes
//! anyway, so the saved cursor only tells how far it had got).

use std::sync::Arc;

use anyhow::Result;
use futures::StreamExt;

use crate::daemon::{Daemon, Work};
use crate::tracker::Change;

/// How often the cursor is written to the state directory while following (a file write and
/// rename per checkpoint was a tenth of a daemon's CPU under load).
pub const CURSOR_SAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Reads what is pending now; returns the checkpoint to follow from.
pub async fn seed(d: &Daemon) -> Result<u64> {
    let tip = d.client.latest_checkpoint().await?;
    match d.state.cursor()? {
        Some(c) if c > tip => tracing::warn!(
            cursor = c,
            tip,
            "the saved cursor is past the chain tip (a new chain?); starting from the tip"
        ),
        Some(c) => tracing::info!(
            cursor = c,
            tip,
            "resuming: pending requests are read from the pipes, then events follow"
        ),
        None => tracing::info!(tip, "first start"),
    }
    for p in &d.cfg.chain.pipes {
        let pipe = d.client.pipe(*p).await?;
        let pending = d.client.table(pipe.pending.id).await?;
        tracing::info!(pipe = %p, pending = pending.len(), "seeded");
        d.tracker.seed(*p, &pending, d.me);
        for r in pending.iter().filter(|r| r.server == d.me) {
            d.metrics.assigned.inc();
            d.workers
                .queue(Work {
                    pipe: *p,
                    seq: r.seq,
                    attempt: r.attempt,
                })
                .await;
        }
    }
    d.progress.set_cursor(tip);
    d.state.save_cursor(tip)?;
    Ok(tip + 1)
}

/// Follows the chain forever from `from`. If the stream ends (this daemon fell behind what a
/// pruning node keeps), the pending tables are read again and following resumes from the tip.
pub async fn run(d: Arc<Daemon>, mut from: u64) {
    loop {
        follow_from(&d, from).await;
        if d.workers.is_closed() {
            return;
        }
        tracing::error!(from, "the event stream ended (history pruned on the node?); reading the pending requests again");
        from = loop {
            match seed(&d).await {
                Ok(next) => break next,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read the pending requests; retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        };
    }
}

/// Applies the stream from `from` until it ends.
async fn follow_from(d: &Arc<Daemon>, from: u64) {
    let mut stream = Box::pin(d.client.follow(from));
    let mut saved = std::time::Instant::now();
    while let Some(cp) = stream.next().await {
        for e in &cp.events {
            if !e.event.pipe().is_some_and(|p| d.serves(&p)) {
                continue;
            }
            if let Change::Mine { pipe, seq, attempt } = d.tracker.apply(&e.event, d.me) {
                d.metrics.assigned.inc();
                // While draining the worker releases it instead of serving it.
                if !d.workers.queue(Work { pipe, seq, attempt }).await {
                    return;
                }
            }
        }
        d.progress.set_cursor(cp.sequence_number);
        if saved.elapsed() >= CURSOR_SAVE_EVERY {
            saved = std::time::Instant::now();
            if let Err(e) = d.state.save_cursor(cp.sequence_number) {
                tracing::error!(error = %e, "cannot persist the cursor");
            }
        }
    }
}

/// Starts a worker for each piece of work, at most `max_concurrency` at once (backpressure: the
/// follower waits when the queue is full); the workers are tracked (`Workers::stop`).
pub async fn dispatch(d: Arc<Daemon>, rx: tokio::sync::mpsc::Receiver<Work>) {
    let serve_with = d.clone();
    d.workers
        .run(rx, move |w| crate::serve::serve(serve_with.clone(), w))
        .await;
}
