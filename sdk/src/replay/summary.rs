//! The summary of a replay: request outcomes, per-server counts, latency percentiles (from
//! `Completed.latency_ms`), takeovers, releases and dead letters.

use std::collections::HashMap;

use serde::Serialize;
use sui_sdk_types::Address;

use super::timeline::{Reason, Status, StepKind, Timeline};

/// Latency percentiles (nearest rank) of a set of completions, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Latency {
    /// How many samples.
    pub count: usize,
    /// The fastest.
    pub min: u64,
    /// The median.
    pub p50: u64,
    /// The 90th percentile.
    pub p90: u64,
    /// The 99th percentile.
    pub p99: u64,
    /// The slowest.
    pub max: u64,
    /// The arithmetic mean.
    pub mean: u64,
}

impl Latency {
    /// `None` when there is no sample.
    pub fn of(mut samples: Vec<u64>) -> Option<Latency> {
        if samples.is_empty() {
            return None;
        }
        samples.sort_unstable();
        let n = samples.len();
        let rank = |p: usize| samples[(n * p).div_ceil(100).clamp(1, n) - 1];
        let sum: u128 = samples.iter().map(|&v| v as u128).sum();
        Some(Latency {
            count: n,
            min: samples[0],
            p50: rank(50),
            p90: rank(90),
            p99: rank(99),
            max: samples[n - 1],
            mean: (sum / n as u128) as u64,
        })
    }
}

/// What one server did in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerStats {
    /// The server.
    pub server: Address,
    /// Assignments it received: by `send` / `redrive` and by reassignment (takeover or release).
    pub assigned: u64,
    /// Claims it made.
    pub claimed: u64,
    /// Completions with `ok = true`.
    pub completed: u64,
    /// Completions with `ok = false`.
    pub failed: u64,
    /// Requests it took over from a server whose lease expired.
    pub takeovers: u64,
    /// Requests taken over from it (its lease expired).
    pub taken_from: u64,
    /// Requests it released.
    pub released: u64,
    /// Requests dead-lettered while assigned to it.
    pub dead_lettered: u64,
    /// Latency of its completions (`None`: none).
    pub latency: Option<Latency>,
}

impl ServerStats {
    fn new(server: Address) -> Self {
        ServerStats {
            server,
            assigned: 0,
            claimed: 0,
            completed: 0,
            failed: 0,
            takeovers: 0,
            taken_from: 0,
            released: 0,
            dead_lettered: 0,
            latency: None,
        }
    }
}

/// Totals over every timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Requests seen.
    pub requests: u64,
    /// Requests by final status: still pending.
    pub pending: u64,
    /// Requests completed with `ok = true`.
    pub completed: u64,
    /// Requests completed with `ok = false`.
    pub failed: u64,
    /// Requests dead-lettered.
    pub dead: u64,
    /// Requests cancelled.
    pub cancelled: u64,
    /// Requests purged from the dead table.
    pub purged: u64,
    /// Takeovers (events counted over the whole history, as below).
    pub takeovers: u64,
    /// Releases (a server gave a request back).
    pub releases: u64,
    /// Dead-letterings.
    pub dead_letters: u64,
    /// Redrives of dead-lettered requests.
    pub redrives: u64,
    /// Over every completion (ok or not).
    pub latency: Option<Latency>,
    /// By server address.
    pub servers: Vec<ServerStats>,
}

fn at<'a>(m: &'a mut HashMap<Address, ServerStats>, a: &Address) -> &'a mut ServerStats {
    m.entry(*a).or_insert_with(|| ServerStats::new(*a))
}

/// Summarises `timelines`.
pub fn summarize(timelines: &[Timeline]) -> Summary {
    let mut s = Summary {
        requests: timelines.len() as u64,
        pending: 0,
        completed: 0,
        failed: 0,
        dead: 0,
        cancelled: 0,
        purged: 0,
        takeovers: 0,
        releases: 0,
        dead_letters: 0,
        redrives: 0,
        latency: None,
        servers: Vec::new(),
    };
    let mut servers: HashMap<Address, ServerStats> = HashMap::new();
    let mut latencies: HashMap<Address, Vec<u64>> = HashMap::new();
    let mut all = Vec::new();
    for t in timelines {
        *match t.status {
            Status::Pending => &mut s.pending,
            Status::Completed => &mut s.completed,
            Status::Failed => &mut s.failed,
            Status::Dead => &mut s.dead,
            Status::Cancelled => &mut s.cancelled,
            Status::Purged => &mut s.purged,
        } += 1;
        for step in &t.steps {
            let m = &mut servers;
            match &step.kind {
                StepKind::Assigned { server, .. } => at(m, server).assigned += 1,
                StepKind::Claimed { server, .. } => at(m, server).claimed += 1,
                StepKind::Reassigned {
                    from, to, reason, ..
                } => {
                    at(m, to).assigned += 1;
                    match reason {
                        Reason::Expired => {
                            s.takeovers += 1;
                            at(m, to).takeovers += 1;
                            at(m, from).taken_from += 1;
                        }
                        Reason::Released => {
                            s.releases += 1;
                            at(m, from).released += 1;
                        }
                    }
                }
                StepKind::Completed {
                    server,
                    ok,
                    latency_ms,
                } => {
                    let x = at(m, server);
                    match ok {
                        true => x.completed += 1,
                        false => x.failed += 1,
                    }
                    latencies.entry(*server).or_default().push(*latency_ms);
                    all.push(*latency_ms);
                }
                StepKind::DeadLettered { server, .. } => {
                    s.dead_letters += 1;
                    at(m, server).dead_lettered += 1;
                }
                StepKind::Redriven => s.redrives += 1,
                StepKind::Cancelled { .. } | StepKind::Purged => {}
            }
        }
    }
    s.latency = Latency::of(all);
    for (server, l) in latencies {
        if let Some(x) = servers.get_mut(&server) {
            x.latency = Latency::of(l);
        }
    }
    s.servers = servers.into_values().collect();
    s.servers.sort_by_key(|x| x.server);
    s
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{a, sample, PIPE};
    use super::super::timeline::timelines;
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let l = Latency::of((1..=100).collect()).unwrap();
        assert_eq!((l.min, l.p50, l.p90, l.p99, l.max), (1, 50, 90, 99, 100));
        assert_eq!((l.count, l.mean), (100, 50));
        let one = Latency::of(vec![7]).unwrap();
        assert_eq!((one.p50, one.p99, one.max), (7, 7, 7));
        assert_eq!(Latency::of(vec![]), None);
    }

    #[test]
    fn counts_outcomes_takeovers_releases_and_dead_letters_per_server() {
        let s = summarize(&timelines(a(PIPE), &sample()));
        assert_eq!((s.requests, s.completed, s.dead, s.pending), (2, 1, 1, 0));
        assert_eq!((s.takeovers, s.releases, s.dead_letters), (1, 1, 1));
        assert_eq!(s.latency.unwrap().p50, 350);
        assert_eq!(s.servers.len(), 2);
        let s2 = s.servers.iter().find(|x| x.server == a(2)).unwrap();
        let s3 = s.servers.iter().find(|x| x.server == a(3)).unwrap();
        // 2: assigned seq 0, lost it to 3; got seq 1 by release, dead-lettered there.
        assert_eq!((s2.assigned, s2.taken_from, s2.dead_lettered), (2, 1, 1));
        assert_eq!((s2.completed, s2.takeovers, s2.released), (0, 0, 0));
        // 3: assigned seq 1, claimed, released it; took seq 0 over and completed it.
        assert_eq!((s3.assigned, s3.claimed, s3.released), (2, 1, 1));
        assert_eq!((s3.takeovers, s3.completed), (1, 1));
        assert_eq!(s3.latency.unwrap().max, 350);
        assert_eq!(s2.latency, None);
    }
}
