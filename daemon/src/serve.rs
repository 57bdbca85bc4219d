//! Serving one request: take its payload from the assignment (`Assigned` carries it; the chain is
//! read only for work that was reassigned, is near its deadline, or moved on), forward it to a backend,
//! and complete it (through the pipe's group commit: completes that arrive while one transaction
//! is in flight share the next, and the completion is announced while the backend works, so that
//! completes of requests served side by side wait for each other, at most
//! `daemon.batch_linger_ms`); the request is claimed only when its lease needs extending while the backend
//! works (or before serving, with `daemon.claim = "at_start"`). A fenced call (stale attempt, not the assignee any
//! more, already gone) drops the work quietly: another server holds it now. While draining
//! nothing new is started: the work is released to a peer at once.

use std::sync::Arc;
use std::time::{Duration, Instant};

use dtp_protocol::calls::{Claim, Complete, Release};
use dtp_protocol::envelope::{HttpRequest, HttpResponse, Payload};
use dtp_protocol::{MoveAbort, Request};
use dtp_sdk::Error;
use sui_sdk_types::Address;
use tracing::Instrument;

use crate::config::ClaimMode;
use dtp_sdk::service::now_ms;

use crate::daemon::{Daemon, Work};
use crate::watchdog::SKEW_MS;

/// What the backend said, ready for `complete`.
struct Answer {
    ok: bool,
    bytes: Vec<u8>,
}

/// True if the error means "someone else holds this request now".
fn is_fence(e: &Error) -> Option<&'static str> {
    match e.abort().filter(|a| a.is_fence())? {
        MoveAbort::StaleAttempt => Some("stale_attempt"),
        MoveAbort::NotAssignee => Some("not_assignee"),
        _ => Some("unknown_request"),
    }
}

/// Serves `work`; never panics, logs with the request's pipe and seq.
pub async fn serve(d: Arc<Daemon>, work: Work) {
    let Work { pipe, seq, attempt } = work;
    let span = tracing::info_span!("request", %pipe, seq, attempt);
    async move {
        if d.is_draining() {
            // Shutting down or drained: start nothing new, give it to a peer now.
            release(&d, work).await;
            return;
        }
        let Some(serving) = d.serving.begin(work) else {
            return;
        };
        let started = Instant::now();
        let r = serve_inner(&d, work).await;
        drop(serving);
        match r {
            Ok(ok) => {
                d.metrics.completed.inc();
                if !ok {
                    d.metrics.failed.inc();
                }
                d.metrics.serve_latency.observe(started.elapsed().as_secs_f64());
                tracing::info!(ok, ms = started.elapsed().as_millis() as u64, "completed");
            }
            Err(e) => match is_fence(&e) {
                Some(reason) => {
                    d.fenced(reason);
                    tracing::info!(reason, error = %e, "fenced: another server holds this request now");
                }
                None => {
                    d.metrics.chain_errors.inc();
                    tracing::warn!(error = %e, "could not serve; the lease will expire and a peer takes over");
                }
            },
        }
    }
    .instrument(span)
    .await
}

/// Gives `work` back to the chain (reassigned to another healthy endpoint, reason released).
pub async fn release(d: &Daemon, Work { pipe, seq, attempt }: Work) {
    match d.call(pipe, Release { seq, attempt }).await {
        Ok(_) => {
            d.metrics.released.inc();
            tracing::info!(%pipe, seq, "released");
        }
        Err(e) if is_fence(&e).is_some() => {
            tracing::debug!(%pipe, seq, error = %e, "not released: already completed or reassigned")
        }
        Err(e) => {
            tracing::warn!(%pipe, seq, error = %e, "not released (its lease will expire and a peer takes over)")
        }
    }
}

async fn serve_inner(d: &Daemon, Work { pipe, seq, attempt }: Work) -> Result<bool, Error> {
    // The hot path: the payload came with the assignment and the lease is still ours, so no
    // read (see `Tracker::assignment` for why that is what a read would allow). Otherwise read
    // first: work that finished or moved on while it waited (a paused or restarted daemon's
    // backlog) is dropped without spending a transaction. A read that lags the chain can only
    // make us skip work that is still ours; the tracker still lists it, so it is served again.
    let (deadline_ms, payload) =
        match d
            .tracker
            .assignment(pipe, seq, attempt, d.me, now_ms() + SKEW_MS)
        {
            Some(a) => (a.deadline_ms, a.payload),
            None => {
                d.metrics.request_reads.inc();
                let req = current(d, pipe, seq, attempt).await?;
                (req.deadline_ms, req.payload.into())
            }
        };
    let lease_ms = d.host.lease_ms().unwrap_or(10_000);
    let half = Duration::from_millis((lease_ms / 2).max(50));
    // The first claim: now (`at_start`), or once less than half a lease is left of the lease the
    // assignment gave (`when_needed`; at once if that is already so). Then every half lease.
    let first = match d.cfg.daemon.claim {
        ClaimMode::AtStart => Duration::ZERO,
        ClaimMode::WhenNeeded => Duration::from_millis(
            deadline_ms
                .saturating_sub(lease_ms / 2 + SKEW_MS)
                .saturating_sub(now_ms()),
        ),
    };
    if first.is_zero() {
        d.call(pipe, Claim { seq, attempt }).await?;
    }
    // While the backend serves this request its completion is announced, so that requests
    // served side by side complete in one transaction.
    let coming = d.coming(pipe);
    let answer = {
        let forward = answer(d, &payload);
        tokio::pin!(forward);
        let start = tokio::time::Instant::now() + if first.is_zero() { half } else { first };
        let mut renew = tokio::time::interval_at(start, half);
        loop {
            tokio::select! {
                a = &mut forward => break a,
                _ = renew.tick() => {
                    d.call(pipe, Claim { seq, attempt }).await?;
                    tracing::debug!("lease extended");
                }
            }
        }
    };
    let max = d
        .host
        .max_payload()
        .map_or(16_384, |m| m as usize)
        // Nor more than one transaction argument can carry.
        .min(dtp_protocol::constants::MAX_SENDABLE_PAYLOAD);
    let (ok, bytes) = if answer.bytes.len() > max {
        (
            false,
            format!(
                "response of {} bytes is over max_payload {max}",
                answer.bytes.len()
            )
            .into_bytes(),
        )
    } else {
        (answer.ok, answer.bytes)
    };
    let complete = Complete {
        seq,
        attempt,
        ok,
        response: bytes,
    };
    d.call_announced(pipe, complete, coming).await?;
    Ok(ok)
}

/// The request as the chain holds it now, if this server still holds `attempt` of it; otherwise
/// the fence error the claim would have met.
async fn current(d: &Daemon, pipe: Address, seq: u64, attempt: u32) -> Result<Request, Error> {
    let fenced = |abort| Error::Aborted {
        abort,
        function: "read".into(),
        digest: sui_sdk_types::Digest::new([0; 32]),
        command: None,
    };
    let req = d
        .pending_request(pipe, seq)
        .await?
        .ok_or(fenced(MoveAbort::UnknownRequest))?;
    if req.server != d.me {
        return Err(fenced(MoveAbort::NotAssignee));
    }
    if req.attempt != attempt {
        return Err(fenced(MoveAbort::StaleAttempt));
    }
    Ok(req)
}

/// Decodes the payload, calls a backend, encodes the answer.
async fn answer(d: &Daemon, payload: &[u8]) -> Answer {
    let (req, envelope) = match Payload::decode(payload) {
        Ok(Payload::Http(r)) => (r, true),
        Ok(Payload::Raw(body)) => (
            HttpRequest {
                method: "POST".into(),
                path: "/".into(),
                headers: vec![],
                body,
            },
            false,
        ),
        Err(e) => {
            return Answer {
                ok: false,
                bytes: format!("payload does not decode: {e}").into_bytes(),
            }
        }
    };
    match d.pool.forward(&req).await {
        Ok(resp) => {
            let ok = resp.status < 500;
            let bytes = if envelope { resp.encode() } else { resp.body };
            Answer { ok, bytes }
        }
        Err(e) => {
            let msg = e.to_string();
            let bytes = if envelope {
                HttpResponse {
                    status: 502,
                    headers: vec![],
                    body: msg.into_bytes(),
                }
                .encode()
            } else {
                msg.into_bytes()
            };
            Answer { ok: false, bytes }
        }
    }
}
