//! What the dashboard shows, as a pure model: the last snapshot of the Host (endpoints: health,
//! role, state, load) and of each Pipe (pending, dead, in flight per server), and what the event
//! stream says since the dashboard started (completions per server over a sliding window, errors,
//! a feed of the latest assignments, takeovers, releases, dead letters and fenced calls, the
//! latencies of the latest completions). [`Board::snapshot`] turns it into the JSON the page
//! renders. No I/O: `feed` fills it from the chain.

use std::collections::{BTreeMap, VecDeque};

use dtp_protocol::constants::{REASON_EXPIRED, ROLE_STANDBY, STATE_DISABLED, STATE_DRAINING};
use dtp_protocol::{Event, Host, Pipe, Policy};
use dtp_sdk::replay::{Latency, RefusedCall};
use dtp_sdk::ChainEvent;
use serde::Serialize;
use sui_sdk_types::Address;

/// Entries the feed keeps (newest first on the page).
pub const FEED_LEN: usize = 60;
/// Completions whose latency the percentiles are taken over.
const LATENCY_SAMPLES: usize = 2_000;
/// The window of the requests/s figures (ms).
pub const RATE_WINDOW_MS: u64 = 10_000;

/// One line of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedItem {
    /// The checkpoint's timestamp (ms).
    pub timestamp_ms: u64,
    /// `assigned`, `takeover`, `released`, `dead_lettered`, `failed` or `fenced`.
    pub kind: &'static str,
    /// The Pipe.
    pub pipe: Address,
    /// The request.
    pub seq: Option<u64>,
    /// The server it concerns (the new holder for a reassignment, the caller of a fenced call).
    pub server: Address,
    /// The attempt (fencing token).
    pub attempt: Option<u32>,
    /// More: the previous holder of a takeover, the abort of a fenced call.
    pub detail: String,
}

/// One server as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ServerView {
    /// Its address.
    pub server: Address,
    /// Its label on the Host.
    pub label: String,
    /// `active` or `standby`.
    pub role: &'static str,
    /// `up`, `draining` or `disabled`.
    pub state: &'static str,
    /// Healthy by the Host's rule at the time of the snapshot (fresh heartbeat, ready, streak).
    pub healthy: bool,
    /// Its last heartbeat's `ready`.
    pub ready: bool,
    /// Its last heartbeat's load.
    pub load: u32,
    /// Requests it holds, over every Pipe shown.
    pub inflight: u32,
    /// Completions per second over the last [`RATE_WINDOW_MS`].
    pub rps: f64,
    /// Completions (ok) seen since the dashboard started.
    pub completed: u64,
    /// Completions with `ok = false` seen since then.
    pub errors: u64,
    /// Milliseconds since its last heartbeat (`None`: never).
    pub heartbeat_age_ms: Option<u64>,
}

/// One Pipe as shown.
#[derive(Debug, Clone, Serialize)]
pub struct PipeView {
    /// Its id.
    pub pipe: Address,
    /// Its label.
    pub label: String,
    /// Its policy's name.
    pub policy: &'static str,
    /// Requests waiting for their answer.
    pub pending: u64,
    /// Requests in the dead table.
    pub dead: u64,
    /// Requests sent so far (its `next_seq`).
    pub sent: u64,
}

/// Everything the page renders.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    /// The Host shown.
    pub host: Address,
    /// Its label (empty until read).
    pub host_label: String,
    /// The chain's gRPC URL.
    pub chain: String,
    /// Why the dashboard cannot show the Host now (not found, chain unreachable), if it cannot.
    pub error: Option<String>,
    /// The last checkpoint applied.
    pub checkpoint: Option<u64>,
    /// A server without a heartbeat for this long is unhealthy (the Host's config).
    pub heartbeat_timeout_ms: Option<u64>,
    /// When this snapshot was taken (ms).
    pub now_ms: u64,
    /// The Host's endpoints, in registration order.
    pub servers: Vec<ServerView>,
    /// The Pipes shown.
    pub pipes: Vec<PipeView>,
    /// The latest notable events, newest first.
    pub feed: Vec<FeedItem>,
    /// Over the latest completions (creation to completion, ms).
    pub latency: Option<Latency>,
}

#[derive(Debug, Default)]
struct Counts {
    completed: u64,
    errors: u64,
    /// Timestamps of recent completions (ms), oldest first.
    recent: VecDeque<u64>,
}

/// The dashboard's state.
#[derive(Debug)]
pub struct Board {
    host_id: Address,
    chain: String,
    host: Option<Host>,
    pipes: BTreeMap<Address, Pipe>,
    error: Option<String>,
    checkpoint: Option<u64>,
    counts: BTreeMap<Address, Counts>,
    feed: VecDeque<FeedItem>,
    latencies: VecDeque<u64>,
}

fn label_of(h: Option<&Host>, a: &Address) -> String {
    h.and_then(|h| h.endpoint(a))
        .map(|e| e.label.clone())
        .unwrap_or_default()
}

impl Board {
    /// An empty board for `host` on the chain at `chain`.
    pub fn new(host: Address, chain: impl Into<String>) -> Board {
        Board {
            host_id: host,
            chain: chain.into(),
            host: None,
            pipes: BTreeMap::new(),
            error: None,
            checkpoint: None,
            counts: BTreeMap::new(),
            feed: VecDeque::new(),
            latencies: VecDeque::new(),
        }
    }

    /// The Host shown.
    pub fn host_id(&self) -> Address {
        self.host_id
    }

    /// The Pipes shown.
    pub fn pipe_ids(&self) -> Vec<Address> {
        self.pipes.keys().copied().collect()
    }

    /// The last checkpoint applied.
    pub fn checkpoint(&self) -> Option<u64> {
        self.checkpoint
    }

    /// A fresh read of the Host; clears an error.
    pub fn set_host(&mut self, h: Host) {
        self.host = Some(h);
        self.error = None;
    }

    /// A fresh read of one of its Pipes (a Pipe of another Host is ignored).
    pub fn set_pipe(&mut self, p: Pipe) {
        if p.host == self.host_id {
            self.pipes.insert(p.id, p);
        }
    }

    /// The Host cannot be shown now, and why; what was shown stays, marked stale by the error.
    pub fn set_error(&mut self, why: impl Into<String>) {
        self.error = Some(why.into());
    }

    /// The chain went back (a new chain at the same URL): everything seen is from another chain.
    pub fn reset(&mut self) {
        *self = Board::new(self.host_id, std::mem::take(&mut self.chain));
    }

    /// A Pipe this board does not know yet, named by an event: read it to see whose it is.
    pub fn is_unknown_pipe(&self, e: &Event) -> Option<Address> {
        e.pipe().filter(|p| !self.pipes.contains_key(p))
    }

    /// Applies one event of the stream (events of other Pipes are ignored).
    pub fn apply(&mut self, ce: &ChainEvent) {
        if !ce.event.pipe().is_some_and(|p| self.pipes.contains_key(&p)) {
            return;
        }
        let t = ce.timestamp_ms;
        let item = |kind, pipe, seq, server, attempt, detail: String| FeedItem {
            timestamp_ms: t,
            kind,
            pipe,
            seq: Some(seq),
            server,
            attempt: Some(attempt),
            detail,
        };
        match &ce.event {
            Event::Assigned(a) => self.push(item(
                "assigned",
                a.pipe,
                a.seq,
                a.server,
                a.attempt,
                if a.standby {
                    "standby".into()
                } else {
                    String::new()
                },
            )),
            Event::Reassigned(r) => {
                let (kind, how) = match r.reason == REASON_EXPIRED {
                    true => ("takeover", "lease expired on"),
                    false => ("released", "released by"),
                };
                let from = label_of(self.host.as_ref(), &r.from);
                let detail = format!(
                    "{how} {}",
                    if from.is_empty() {
                        r.from.to_string()
                    } else {
                        from
                    }
                );
                self.push(item(kind, r.pipe, r.seq, r.to, r.attempt, detail));
            }
            Event::DeadLettered(d) => self.push(item(
                "dead_lettered",
                d.pipe,
                d.seq,
                d.server,
                d.attempt,
                "out of attempts".into(),
            )),
            Event::Completed(c) => {
                let n = self.counts.entry(c.server).or_default();
                if c.ok {
                    n.completed += 1;
                } else {
                    n.errors += 1;
                }
                n.recent.push_back(t);
                while n.recent.front().is_some_and(|&x| x + RATE_WINDOW_MS < t) {
                    n.recent.pop_front();
                }
                self.latencies.push_back(c.latency_ms);
                if self.latencies.len() > LATENCY_SAMPLES {
                    self.latencies.pop_front();
                }
                if !c.ok {
                    self.push(item(
                        "failed",
                        c.pipe,
                        c.seq,
                        c.server,
                        c.attempt,
                        String::from_utf8_lossy(&c.response)
                            .chars()
                            .take(80)
                            .collect(),
                    ));
                }
            }
            _ => {}
        }
    }

    /// A refused call of a Pipe shown: a fenced one (stale attempt, not the assignee, request
    /// gone) goes to the feed.
    pub fn apply_refused(&mut self, r: &RefusedCall, timestamp_ms: u64) {
        if !r.pipe.is_some_and(|p| self.pipes.contains_key(&p)) || !r.is_fenced() {
            return;
        }
        self.push(FeedItem {
            timestamp_ms,
            kind: "fenced",
            pipe: r.pipe.expect("checked"),
            seq: r.seq,
            server: r.sender,
            attempt: r.attempt,
            detail: format!(
                "{} refused: {}",
                r.function,
                r.abort.map(|a| a.name()).unwrap_or("aborted")
            ),
        });
    }

    /// The checkpoint applied last.
    pub fn set_checkpoint(&mut self, seq: u64) {
        self.checkpoint = Some(seq);
    }

    fn push(&mut self, item: FeedItem) {
        self.feed.push_front(item);
        self.feed.truncate(FEED_LEN);
    }

    /// What the page shows at `now_ms`.
    pub fn snapshot(&self, now_ms: u64) -> Snapshot {
        let host = self.host.as_ref();
        let servers = host
            .map(|h| {
                h.endpoints
                    .iter()
                    .map(|e| {
                        let n = self.counts.get(&e.server);
                        let window = n.map_or(0, |n| {
                            n.recent
                                .iter()
                                .filter(|&&t| t + RATE_WINDOW_MS >= now_ms)
                                .count()
                        });
                        ServerView {
                            server: e.server,
                            label: e.label.clone(),
                            role: if e.role == ROLE_STANDBY {
                                "standby"
                            } else {
                                "active"
                            },
                            state: match e.state {
                                STATE_DRAINING => "draining",
                                STATE_DISABLED => "disabled",
                                _ => "up",
                            },
                            healthy: e.is_healthy(&h.config, now_ms),
                            ready: e.ready,
                            load: e.load,
                            inflight: self
                                .pipes
                                .values()
                                .filter_map(|p| p.inflight.get(&e.server))
                                .sum(),
                            rps: window as f64 * 1000.0 / RATE_WINDOW_MS as f64,
                            completed: n.map_or(0, |n| n.completed),
                            errors: n.map_or(0, |n| n.errors),
                            heartbeat_age_ms: (e.last_heartbeat_ms > 0)
                                .then(|| now_ms.saturating_sub(e.last_heartbeat_ms)),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        Snapshot {
            host: self.host_id,
            host_label: host.map(|h| h.label.clone()).unwrap_or_default(),
            chain: self.chain.clone(),
            error: self.error.clone(),
            checkpoint: self.checkpoint,
            heartbeat_timeout_ms: host.map(|h| h.config.heartbeat_timeout_ms),
            now_ms,
            servers,
            pipes: self
                .pipes
                .values()
                .map(|p| PipeView {
                    pipe: p.id,
                    label: p.label.clone(),
                    policy: Policy::from_u8(p.policy).map_or("unknown", |p| p.name()),
                    pending: p.pending.size,
                    dead: p.dead.size,
                    sent: p.next_seq,
                })
                .collect(),
            feed: self.feed.iter().cloned().collect(),
            latency: Latency::of(self.latencies.iter().copied().collect()),
        }
    }
}

#[cfg(test)]
mod tests;
