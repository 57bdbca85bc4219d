//! The watchdog: takes over peers' requests whose lease has expired. Every healthy endpoint ranks
//! the candidates for a request the same way (rendezvous score of the request), and rank `r` waits
//! `r * takeover_stagger_ms` after the deadline, so normally exactly one daemon tries.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use dtp_protocol::selection::affinity_score;
use dtp_protocol::MoveAbort;
use dtp_sdk::service::now_ms;
use sui_sdk_types::Address;

use crate::daemon::{Daemon, Work};
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

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing panics while holding these; a poisoned lock still holds a whole set.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the watchdog remembers between its ticks: the takeovers it tried, and since when each of
/// our own requests has been idle.
#[derive(Default)]
pub struct Memory {
    /// Takeovers already tried, by the attempt they took over.
    tried: Mutex<HashSet<Work>>,
    /// Our own pending requests not being served, and since when (see [`retry_own`]).
    idle_own: Mutex<HashMap<Work, Instant>>,
}

impl Memory {
    /// True if a takeover of `w` was tried already.
    pub fn tried(&self, w: &Work) -> bool {
        locked(&self.tried).contains(w)
    }

    /// Records a takeover of `w` as tried.
    pub fn mark_tried(&self, w: Work) {
        locked(&self.tried).insert(w);
    }

    /// Forgets a tried takeover of `w`, so that a later tick tries again.
    pub fn retry_later(&self, w: &Work) {
        locked(&self.tried).remove(w);
    }

    /// Of `unserved` (our requests that nobody serves now), those idle for `after` or longer:
    /// their idle time starts again at `now`. Requests not listed are forgotten.
    pub fn due(&self, unserved: Vec<Work>, after: Duration, now: Instant) -> Vec<Work> {
        let mut idle = locked(&self.idle_own);
        idle.retain(|w, _| unserved.contains(w));
        unserved
            .into_iter()
            .filter(|w| {
                let since = *idle.entry(*w).or_insert(now);
                if now.duration_since(since) >= after {
                    idle.insert(*w, now);
                    true
                } else {
                    false
                }
            })
            .collect()
    }
}

/// Our own requests that nobody serves (a claim or complete failed, e.g. while the chain was
/// down) are dispatched again once they have been idle for `OWN_RETRY`: no peer can take over
/// from a healthy assignee, so without this they would wait for a restart.
pub async fn retry_own(d: &Arc<Daemon>) {
    let serving = d.serving.snapshot();
    let mine: Vec<Work> = d
        .tracker
        .mine(d.me)
        .into_iter()
        .map(|(pipe, seq, t)| Work {
            pipe,
            seq,
            attempt: t.attempt,
        })
        .filter(|w| !serving.contains(w))
        .collect();
    for w in d.watchdog.due(mine, OWN_RETRY, Instant::now()) {
        tracing::info!(pipe = %w.pipe, seq = w.seq, attempt = w.attempt, "serving an idle request of ours again");
        if !d.workers.try_queue(w) {
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
            d.tracker.observe(pipe, &r, d.me);
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

/// Every 200 ms (unless draining): our idle requests again, then takeovers of expired ones.
pub async fn run(d: Arc<Daemon>) {
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    loop {
        tick.tick().await;
        if d.is_draining() {
            continue;
        }
        retry_own(&d).await;
        take_over_due(&d).await;
    }
}

/// Takes over what is due now. Every check reads at once, then every takeover is queued at
/// once: the pipe's group commit carries them in one transaction, so a dead peer's N requests
/// cost one round trip, not N in a row.
async fn take_over_due(d: &Daemon) {
    let due = due(d, now_ms());
    let checked = futures::future::join_all(due.into_iter().map(|(w, t, r)| async move {
        still_expired(d, w.pipe, w.seq, &t)
            .await
            .then_some((w, t, r))
    }))
    .await;
    let calls = checked.into_iter().flatten().map(|(w, t, r)| {
        d.watchdog.mark_tried(w);
        async move {
            let answer = d
                .call(w.pipe, dtp_protocol::calls::Takeover { seq: w.seq })
                .await;
            record(d, w, &t, r, answer);
        }
    });
    futures::future::join_all(calls).await;
}

/// The expired requests of peers that this server should take over now: those of a pipe it
/// serves, not tried yet, whose deadline (plus skew and this server's stagger) has passed.
fn due(d: &Daemon, now: u64) -> Vec<(Work, Tracked, usize)> {
    let Some(healthy) = d.host.healthy(now) else {
        return Vec::new();
    };
    if !healthy.contains(&d.me) {
        return Vec::new();
    }
    d.tracker
        .expired(d.me, now)
        .into_iter()
        .filter_map(|(pipe, seq, t)| {
            let w = Work {
                pipe,
                seq,
                attempt: t.attempt,
            };
            if !d.serves(&pipe) || d.watchdog.tried(&w) {
                return None;
            }
            let r = rank(&healthy, d.me, t.server, pipe, seq)?;
            let stagger = r as u64 * d.cfg.daemon.takeover_stagger_ms;
            (now >= t.deadline_ms + SKEW_MS + stagger).then_some((w, t, r))
        })
        .collect()
}

/// What the chain answered to the takeover of `w` (rank `r`): counted and logged, and tried
/// again later where the answer says it may succeed then.
fn record(
    d: &Daemon,
    w: Work,
    t: &Tracked,
    r: usize,
    answer: Result<dtp_sdk::Outcome, dtp_sdk::Error>,
) {
    let Work { pipe, seq, .. } = w;
    match answer {
        Ok(_) => {
            d.metrics.taken_over.inc();
            tracing::info!(%pipe, seq, from = %t.server, attempt = t.attempt + 1, rank = r, "took over an expired request");
        }
        Err(e) => match e.abort() {
            Some(MoveAbort::LeaseNotExpired) => {
                // The chain's clock is behind ours: try again later.
                d.watchdog.retry_later(&w);
            }
            Some(a) => tracing::debug!(%pipe, seq, abort = a.name(), "takeover not needed"),
            None if e.is_transient() || matches!(e, dtp_sdk::Error::Timeout(..)) => {
                // The chain did not answer (unreachable, timeout): try again later.
                d.metrics.chain_errors.inc();
                d.watchdog.retry_later(&w);
                tracing::warn!(%pipe, seq, error = %e, "takeover failed; retrying");
            }
            None => {
                d.metrics.chain_errors.inc();
                tracing::warn!(%pipe, seq, error = %e, "takeover failed");
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_requests_are_due_after_idling_and_then_wait_again() {
        let m = Memory::default();
        let w = |seq| Work {
            pipe: Address::new([3; 32]),
            seq,
            attempt: 1,
        };
        let t0 = Instant::now();
        let after = Duration::from_secs(3);
        assert!(m.due(vec![w(1), w(2)], after, t0).is_empty(), "just seen");
        assert!(m
            .due(vec![w(1), w(2)], after, t0 + Duration::from_secs(2))
            .is_empty());
        // w(2) was served meanwhile (not listed): forgotten; seen again, it starts over.
        assert_eq!(
            m.due(vec![w(1)], after, t0 + Duration::from_secs(3)),
            vec![w(1)]
        );
        assert!(m
            .due(vec![w(1), w(2)], after, t0 + Duration::from_secs(4))
            .is_empty());
        assert_eq!(
            m.due(vec![w(1), w(2)], after, t0 + Duration::from_secs(7)),
            vec![w(1), w(2)]
        );
    }

    #[test]
    fn a_takeover_is_tried_once_unless_retried_later() {
        let m = Memory::default();
        let w = Work {
            pipe: Address::new([3; 32]),
            seq: 9,
            attempt: 2,
        };
        assert!(!m.tried(&w));
        m.mark_tried(w);
        assert!(m.tried(&w));
        m.retry_later(&w);
        assert!(!m.tried(&w));
    }

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
