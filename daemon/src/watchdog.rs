//! The watchdog: takes over peers' requests whose lease has expired. Every healthy endpoint ranks
//! the candidates for a request the same way (rendezvous score of the request), and rank `r` waits
//! `r * takeover_stagger_ms` after the deadline, so normally exactly one daemon tries.

use std::sync::Arc;
use std::time::Duration;

use dtp_protocol::selection::affinity_score;
use dtp_protocol::MoveAbort;
use sui_sdk_types::Address;

use crate::daemon::{now_ms, Daemon};
use crate::tracker::Tracked;

/// Allowance for clock skew between this machine and the chain's clock.
pub const SKEW_MS: u64 = 250;

/// This server's rank among the healthy endpoints (other than the current assignee) for `seq`.
pub fn rank(
    healthy: &[Address],
    me: Address,
    assignee: Address,
    pipe: Address,
    seq: u64,
) -> Option<usize> {
    let mut key = pipe.as_bytes().to_vec();
    key.extend_from_slice(&seq.to_le_bytes());
    let mut c: Vec<(u64, Address)> = healthy
        .iter()
        .filter(|a| **a != assignee)
        .map(|a| (affinity_score(&key, a), *a))
        .collect();
    c.sort_by(|x, y| y.cmp(x));
    c.iter().position(|(_, a)| *a == me)
}

/// How long one of our own requests may sit unserved before it is dispatched again.
const OWN_RETRY: Duration = Duration::from_secs(3);

/// Our own requests that nobody serves (a claim or complete failed, e.g. while the chain was
/// down) are dispatched again once they have been idle for `OWN_RETRY`: no peer can take over
/// from a healthy assignee, so without this they would wait for a restart.
pub async fn retry_own(d: &Arc<Daemon>) {
    let serving = d.serving.lock().expect("lock").clone();
    let mine: Vec<crate::daemon::Work> = d
        .tracker
        .mine(d.me)
        .into_iter()
        .map(|(p, s, t)| (p, s, t.attempt))
        .filter(|w| !serving.contains(w))
        .collect();
    let due: Vec<crate::daemon::Work> = {
        let mut idle = d.idle_own.lock().expect("lock");
        idle.retain(|w, _| mine.contains(w));
        let now = std::time::Instant::now();
        mine.into_iter()
            .filter(|w| {
                let since = *idle.entry(*w).or_insert(now);
                if now.duration_since(since) >= OWN_RETRY {
                    idle.insert(*w, now);
                    true
                } else {
                    false
                }
            })
            .collect()
    };
    for w in due {
        tracing::info!(pipe = %w.0, seq = w.1, attempt = w.2, "serving an idle request of ours again");
        if d.work.try_send(w).is_err() {
            break;
        }
    }
}

/// Reads the request before a takeover: when our view lags (after a pause, or while the chain
/// restarted) the request may be finished or already moved on, and a takeover would only be
/// refused. A newer state read is applied to the tracker; the next tick decides again.
async fn still_expired(d: &Daemon, pipe: Address, seq: u64, t: &Tracked) -> bool {
    match d.pending_request(pipe, seq).await {
        Ok(Some(r)) if r.attempt == t.attempt && r.deadline_ms == t.deadline_ms => true,
        Ok(Some(r)) => {
            tracing::debug!(%pipe, seq, attempt = r.attempt, "not taken over: it moved on");
            d.tracker.observe(pipe, &r);
            false
        }
        Ok(None) => {
            tracing::debug!(%pipe, seq, "not taken over: it is finished");
            false
        }
        // Let the takeover itself meet the error (and its handling below).
        Err(_) => true,
    }
}

pub async fn run(d: Arc<Daemon>) {
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    loop {
        tick.tick().await;
        if d.is_draining() {
            continue;
        }
        retry_own(&d).await;
        let now = now_ms();
        let healthy: Vec<Address> = match d.host.lock().expect("lock").as_ref() {
            Some(h) => h
                .endpoints
                .iter()
                .filter(|e| e.is_healthy(&h.config, now))
                .map(|e| e.server)
                .collect(),
            None => continue,
        };
        if !healthy.contains(&d.me) {
            continue;
        }
        for (pipe, seq, t) in d.tracker.expired(d.me, now) {
            if !d.serves(&pipe)
                || d.tried_takeover
                    .lock()
                    .expect("lock")
                    .contains(&(pipe, seq, t.attempt))
            {
                continue;
            }
            let Some(r) = rank(&healthy, d.me, t.server, pipe, seq) else {
                continue;
            };
            if now < t.deadline_ms + SKEW_MS + r as u64 * d.cfg.daemon.takeover_stagger_ms {
                continue;
            }
            if !still_expired(&d, pipe, seq, &t).await {
                continue;
            }
            d.tried_takeover
                .lock()
                .expect("lock")
                .insert((pipe, seq, t.attempt));
            match d.client.takeover(pipe, d.host_id(), seq).await {
                Ok(_) => {
                    d.metrics.taken_over.inc();
                    tracing::info!(%pipe, seq, from = %t.server, attempt = t.attempt + 1, rank = r, "took over an expired request");
                }
                Err(e) => match e.abort() {
                    Some(MoveAbort::LeaseNotExpired) => {
                        // The chain's clock is behind ours: try again later.
                        d.tried_takeover
                            .lock()
                            .expect("lock")
                            .remove(&(pipe, seq, t.attempt));
                    }
                    Some(a) => tracing::debug!(%pipe, seq, abort = a.name(), "takeover not needed"),
                    None if e.is_transient() || matches!(e, dtp_sdk::Error::Timeout(..)) => {
                        // The chain did not answer (unreachable, timeout): try again later.
                        d.metrics.chain_errors.inc();
                        d.tried_takeover
                            .lock()
                            .expect("lock")
                            .remove(&(pipe, seq, t.attempt));
                        tracing::warn!(%pipe, seq, error = %e, "takeover failed; retrying");
                    }
                    None => {
                        d.metrics.chain_errors.inc();
                        tracing::warn!(%pipe, seq, error = %e, "takeover failed");
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_daemon_computes_the_same_distinct_ranks() {
        let eps: Vec<Address> = (1..=4).map(|n| Address::new([n; 32])).collect();
        let assignee = eps[0];
        let pipe = Address::new([9; 32]);
        for seq in 0..50 {
            let mut ranks: Vec<usize> = eps[1..]
                .iter()
                .map(|me| rank(&eps, *me, assignee, pipe, seq).unwrap())
                .collect();
            ranks.sort();
            assert_eq!(ranks, vec![0, 1, 2], "seq {seq}");
            assert_eq!(
                rank(&eps, assignee, assignee, pipe, seq),
                None,
                "the assignee does not rank"
            );
        }
        let firsts: std::collections::HashSet<Address> = (0..50)
            .map(|seq| {
                *eps[1..]
                    .iter()
                    .find(|me| rank(&eps, **me, assignee, pipe, seq) == Some(0))
                    .unwrap()
            })
            .collect();
        assert!(firsts.len() > 1, "rank 0 rotates between peers");
    }
}
