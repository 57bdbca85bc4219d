//! Property tests of the Rust twin: random operation sequences against one Host and one Pipe, with
//! the protocol's invariants checked after every call (docs/protocol.md, "Invariants").

use std::collections::{BTreeMap, BTreeSet};

use dtp_protocol::constants::{Policy, STATE_DISABLED, STATE_DRAINING, STATE_UP};
use dtp_protocol::host::{self, EndpointArgs};
use dtp_protocol::selection::{affinity_score, selectable};
use dtp_protocol::{lease, pipe, Address, Event, Host, HostCap, HostConfig, PipeState, TxContext};
use proptest::prelude::*;

const SERVERS: u8 = 4;

fn server(i: u8) -> Address {
    Address::new([i + 1; 32])
}

fn client() -> Address {
    Address::new([0xc0; 32])
}

#[derive(Debug, Clone)]
enum Op {
    Heartbeat {
        s: u8,
        ready: bool,
    },
    Send {
        key: u8,
        region: u8,
    },
    Claim {
        s: u8,
        pick: u8,
        stale: bool,
    },
    Complete {
        s: u8,
        pick: u8,
        stale: bool,
        ok: bool,
    },
    Release {
        s: u8,
        pick: u8,
    },
    Takeover {
        s: u8,
        pick: u8,
    },
    Cancel {
        pick: u8,
    },
    Redrive {
        pick: u8,
    },
    SetState {
        s: u8,
        state: u8,
    },
    Tick {
        ms: u16,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..SERVERS, prop::bool::weighted(0.9)).prop_map(|(s, ready)| Op::Heartbeat { s, ready }),
        5 => (0..4u8, 0..3u8).prop_map(|(key, region)| Op::Send { key, region }),
        2 => (0..SERVERS, any::<u8>(), prop::bool::weighted(0.2)).prop_map(|(s, pick, stale)| Op::Claim { s, pick, stale }),
        4 => (0..SERVERS, any::<u8>(), prop::bool::weighted(0.2), any::<bool>()).prop_map(|(s, pick, stale, ok)| Op::Complete { s, pick, stale, ok }),
        1 => (0..SERVERS, any::<u8>()).prop_map(|(s, pick)| Op::Release { s, pick }),
        2 => (0..SERVERS, any::<u8>()).prop_map(|(s, pick)| Op::Takeover { s, pick }),
        1 => any::<u8>().prop_map(|pick| Op::Cancel { pick }),
        1 => any::<u8>().prop_map(|pick| Op::Redrive { pick }),
        1 => (0..SERVERS, prop_oneof![8 => Just(STATE_UP), 1 => Just(STATE_DRAINING), 1 => Just(STATE_DISABLED)]).prop_map(|(s, state)| Op::SetState { s, state }),
        3 => (0..4000u16).prop_map(|ms| Op::Tick { ms }),
    ]
}

struct Sim {
    host: Host,
    cap: HostCap,
    pipe: PipeState,
    now: u64,
    txn: u64,
    sent: BTreeSet<u64>,
    completed: BTreeSet<u64>,
    cancelled: BTreeSet<u64>,
    /// Highest attempt ever seen per seq.
    attempts: BTreeMap<u64, u32>,
    /// Affinity key -> the server that last got it.
    key_owner: BTreeMap<Vec<u8>, Address>,
}

impl Sim {
    fn new(policy: Policy, max_inflight: u32) -> Self {
        let admin = Address::new([0xad; 32]);
        let cfg = HostConfig {
            heartbeat_timeout_ms: 3_000,
            healthy_threshold: 2,
            lease_ms: 2_000,
            max_attempts: 3,
            max_payload: 64,
            max_pending: 50,
        };
        let mut ctx = TxContext::test_scenario(admin, 1);
        let (mut host, cap) = host::create_host("h".into(), cfg, &mut ctx).unwrap();
        for i in 0..SERVERS {
            let args = EndpointArgs {
                server: server(i),
                label: format!("s{i}"),
                region: ["eu", "us"][i as usize % 2].into(),
                weight: 1 + i as u32,
                max_inflight: if i == 0 { max_inflight } else { 0 },
                role: u8::from(i == SERVERS - 1),
            };
            host::add_endpoint(&mut host, &cap, args, &mut ctx).unwrap();
        }
        let pipe = pipe::create_pipe(&host, &cap, "p".into(), policy as u8, &mut ctx).unwrap();
        Sim {
            host,
            cap,
            pipe,
            now: 1_000,
            txn: 2,
            sent: BTreeSet::new(),
            completed: BTreeSet::new(),
            cancelled: BTreeSet::new(),
            attempts: BTreeMap::new(),
            key_owner: BTreeMap::new(),
        }
    }

    fn ctx(&mut self, sender: Address) -> TxContext {
        self.txn += 1;
        TxContext::test_scenario(sender, self.txn)
    }

    fn pick_pending(&self, pick: u8) -> Option<u64> {
        let keys: Vec<u64> = self.pipe.pending.keys().copied().collect();
        (!keys.is_empty()).then(|| keys[pick as usize % keys.len()])
    }

    fn pick_dead(&self, pick: u8) -> Option<u64> {
        let keys: Vec<u64> = self.pipe.dead.keys().copied().collect();
        (!keys.is_empty()).then(|| keys[pick as usize % keys.len()])
    }

    fn apply(&mut self, op: &Op) {
        let (host_before, pipe_before) = (self.host.clone(), self.pipe.clone());
        let now = self.now;
        let (events, sender, ok) = match *op {
            Op::Tick { ms } => {
                self.now += ms as u64;
                return;
            }
            Op::Heartbeat { s, ready } => {
                let mut ctx = self.ctx(server(s));
                let r = host::heartbeat(&mut self.host, ready, 0, now, &mut ctx);
                (ctx.take_events(), server(s), r.is_ok())
            }
            Op::SetState { s, state } => {
                let mut ctx = self.ctx(Address::new([0xad; 32]));
                let r = host::set_state(&mut self.host, &self.cap, server(s), state, now, &mut ctx);
                (ctx.take_events(), ctx.sender(), r.is_ok())
            }
            Op::Send { key, region } => {
                let mut ctx = self.ctx(client());
                let key = if key == 0 { vec![] } else { vec![key] };
                let region = ["", "eu", "us"][region as usize].to_string();
                let r = pipe::send(
                    &mut self.pipe,
                    &self.host,
                    vec![1],
                    key,
                    region,
                    now,
                    &mut ctx,
                );
                if let Ok(seq) = r {
                    assert!(self.sent.insert(seq), "seq {seq} reused");
                }
                (ctx.take_events(), client(), r.is_ok())
            }
            Op::Claim { s, pick, stale } | Op::Complete { s, pick, stale, .. } => {
                let Some(seq) = self.pick_pending(pick) else {
                    return;
                };
                let r = &self.pipe.pending[&seq];
                // Usually the assignee with its attempt; sometimes anyone, sometimes stale.
                let who = if stale { server(s) } else { r.server };
                let attempt = if stale {
                    r.attempt.saturating_sub(1)
                } else {
                    r.attempt
                };
                let mut ctx = self.ctx(who);
                let res = match op {
                    Op::Claim { .. } => {
                        pipe::claim(&mut self.pipe, &self.host, seq, attempt, now, &mut ctx)
                    }
                    Op::Complete { ok, .. } => pipe::complete(
                        &mut self.pipe,
                        &self.host,
                        seq,
                        attempt,
                        *ok,
                        vec![2],
                        now,
                        &mut ctx,
                    ),
                    _ => unreachable!(),
                };
                (ctx.take_events(), who, res.is_ok())
            }
            Op::Release { s, pick } => {
                let Some(seq) = self.pick_pending(pick) else {
                    return;
                };
                let r = &self.pipe.pending[&seq];
                let (who, attempt) = if s == 0 {
                    (r.server, r.attempt)
                } else {
                    (server(s), r.attempt)
                };
                let mut ctx = self.ctx(who);
                let res = lease::release(&mut self.pipe, &self.host, seq, attempt, now, &mut ctx);
                (ctx.take_events(), who, res.is_ok())
            }
            Op::Takeover { s, pick } => {
                let Some(seq) = self.pick_pending(pick) else {
                    return;
                };
                let mut ctx = self.ctx(server(s));
                let res = lease::takeover(&mut self.pipe, &self.host, seq, now, &mut ctx);
                (ctx.take_events(), server(s), res.is_ok())
            }
            Op::Cancel { pick } => {
                let Some(seq) = self.pick_pending(pick) else {
                    return;
                };
                let mut ctx = self.ctx(client());
                let res = pipe::cancel(&mut self.pipe, seq, &mut ctx);
                if res.is_ok() {
                    self.cancelled.insert(seq);
                }
                (ctx.take_events(), client(), res.is_ok())
            }
            Op::Redrive { pick } => {
                let Some(seq) = self.pick_dead(pick) else {
                    return;
                };
                let mut ctx = self.ctx(Address::new([0xad; 32]));
                let res = lease::redrive(&mut self.pipe, &self.host, &self.cap, seq, now, &mut ctx);
                (ctx.take_events(), ctx.sender(), res.is_ok())
            }
        };
        if !ok {
            assert!(events.is_empty(), "an abort emitted events");
            assert_eq!(self.host, host_before, "an abort changed the host");
            assert_eq!(self.pipe, pipe_before, "an abort changed the pipe");
        }
        for e in &events {
            self.check_event(e, sender, &host_before, &pipe_before);
        }
        self.check_state();
    }

    fn check_event(&mut self, e: &Event, sender: Address, host: &Host, pipe: &PipeState) {
        let now = self.now;
        let was_selectable = |a: &Address| {
            let ep = host.endpoint(a).expect("assigned to an endpoint");
            selectable(ep, &host.config, pipe.inflight_of(a), now)
        };
        match e {
            Event::Completed(c) => {
                // (a) at most once; (b) only the current assignee with the current attempt.
                assert!(
                    self.completed.insert(c.seq),
                    "seq {} completed twice",
                    c.seq
                );
                let r = &pipe.pending[&c.seq];
                assert_eq!(
                    (r.server, r.attempt),
                    (sender, c.attempt),
                    "completion by a non-assignee or stale attempt"
                );
            }
            Event::Assigned(a) => {
                // (d) selected while selectable.
                assert!(
                    was_selectable(&a.server),
                    "seq {} assigned to an unselectable server",
                    a.seq
                );
                self.note_attempt(a.seq, a.attempt);
                // (e) affinity keeps a key on its server while that server stays selectable.
                let key = self.pipe.pending[&a.seq].key.clone();
                if self.pipe.policy() == Policy::Affinity && !key.is_empty() {
                    if let Some(prev) = self.key_owner.get(&key) {
                        let prev_ep = host.endpoint(prev).unwrap();
                        let same_tier = prev_ep.is_standby() == a.standby;
                        if was_selectable(prev) && same_tier && a.server != *prev {
                            // Rendezvous hashing: a key only leaves a selectable server for one that
                            // outranks it for this key (a server that came back).
                            assert!(
                                affinity_score(&key, &a.server) > affinity_score(&key, prev),
                                "affinity moved a key off a selectable server to a lower-ranked one"
                            );
                        }
                    }
                    self.key_owner.insert(key, a.server);
                }
            }
            Event::Reassigned(r) => {
                if r.reason == dtp_protocol::constants::REASON_RELEASED {
                    assert!(was_selectable(&r.to), "release to an unselectable server");
                    assert_ne!(r.to, r.from);
                } else {
                    assert_eq!(r.to, sender);
                    assert!(host
                        .endpoint(&sender)
                        .unwrap()
                        .is_healthy(&host.config, now));
                }
                self.note_attempt(r.seq, r.attempt);
            }
            _ => {}
        }
    }

    fn note_attempt(&mut self, seq: u64, attempt: u32) {
        let prev = self.attempts.insert(seq, attempt).unwrap_or(0);
        assert!(
            attempt > prev,
            "attempt of {seq} went from {prev} to {attempt}"
        );
    }

    fn check_state(&self) {
        // (c) every sent request is in exactly one place.
        for seq in &self.sent {
            let places = [
                self.pipe.pending.contains_key(seq),
                self.pipe.dead.contains_key(seq),
                self.completed.contains(seq),
                self.cancelled.contains(seq),
            ];
            assert_eq!(
                places.iter().filter(|p| **p).count(),
                1,
                "seq {seq} in {places:?}"
            );
        }
        // (f) inflight equals the pending count per server; table sizes match.
        let mut counts: BTreeMap<Address, u32> = BTreeMap::new();
        for r in self.pipe.pending.values() {
            *counts.entry(r.server).or_default() += 1;
        }
        let tracked: BTreeMap<Address, u32> = self
            .pipe
            .pipe
            .inflight
            .iter()
            .map(|(a, n)| (*a, *n))
            .collect();
        assert_eq!(counts, tracked);
        assert_eq!(self.pipe.pipe.pending.size, self.pipe.pending.len() as u64);
        assert_eq!(self.pipe.pipe.dead.size, self.pipe.dead.len() as u64);
        for r in self.pipe.pending.values().chain(self.pipe.dead.values()) {
            assert!(r.tries <= self.host.config.max_attempts && r.tries <= r.attempt);
        }
    }
}

fn policy() -> impl Strategy<Value = Policy> {
    prop::sample::select(Policy::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_random_operation_sequences(
        policy in policy(),
        max_inflight in 0..4u32,
        ops in prop::collection::vec(op(), 1..200),
    ) {
        let mut sim = Sim::new(policy, max_inflight);
        for op in &ops {
            sim.apply(op);
        }
    }
}
