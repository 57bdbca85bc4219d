//! Replay throughput: per-request timelines and the summary over 1,000,000 synthetic events in
//! memory (the part of `dtp replay` that does not wait for the node). Target: 5 s or less.
//!
//! `cargo bench -p dtp-cli --bench replay`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dtp_protocol::events::{Assigned, Claimed, Completed, DeadLettered, Reassigned};
use dtp_protocol::Event;
use dtp_sdk::replay::{summarize, timelines};
use dtp_sdk::ChainEvent;
use sui_sdk_types::{Address, Digest};

const EVENTS: usize = 1_000_000;
const SERVERS: u8 = 8;

/// The events of one request: assigned, claimed, completed; every 10th is taken over first,
/// every 50th is dead-lettered after the takeover; every 97th answer is a failure.
fn life(pipe: Address, seq: u64, t: u64) -> Vec<Event> {
    let server = |i: u64| Address::new([2 + (i % SERVERS as u64) as u8; 32]);
    let s = server(seq);
    let mut life = vec![Event::Assigned(Assigned {
        pipe,
        seq,
        server: s,
        attempt: 1,
        deadline_ms: t + 10_000,
        sender: Address::new([99; 32]),
        standby: false,
        payload: Vec::new(),
    })];
    let (mut attempt, mut holder) = (1, s);
    if seq.is_multiple_of(10) {
        (attempt, holder) = (2, server(seq + 1));
        life.push(Event::Reassigned(Reassigned {
            pipe,
            seq,
            from: s,
            to: holder,
            attempt,
            deadline_ms: t + 20_000,
            reason: 0,
            standby: false,
        }));
    }
    if seq.is_multiple_of(50) {
        life.push(Event::DeadLettered(DeadLettered {
            pipe,
            seq,
            server: holder,
            attempt,
            reason: 0,
        }));
        return life;
    }
    life.push(Event::Claimed(Claimed {
        pipe,
        seq,
        server: holder,
        attempt,
        deadline_ms: t + 10_000,
    }));
    life.push(Event::Completed(Completed {
        pipe,
        seq,
        server: holder,
        attempt,
        ok: !seq.is_multiple_of(97),
        response: vec![],
        latency_ms: 20 + (seq * 7919) % 2_000,
    }));
    life
}

/// A busy Pipe: 32 requests in flight at a time, their steps interleaved pseudo-randomly.
fn synthetic(n: usize) -> Vec<ChainEvent> {
    let pipe = Address::new([1; 32]);
    let mut lives: Vec<std::vec::IntoIter<Event>> = Vec::new();
    let mut out = Vec::with_capacity(n);
    let (mut seq, mut t, mut rng) = (0u64, 1_700_000_000_000u64, 0x2545_f491u64);
    while out.len() < n {
        if lives.len() < 32 {
            lives.push(life(pipe, seq, t).into_iter());
            seq += 1;
            continue;
        }
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let i = (rng >> 33) as usize % lives.len();
        match lives[i].next() {
            Some(event) => {
                t += 3;
                out.push(ChainEvent {
                    checkpoint: t / 200,
                    timestamp_ms: t,
                    tx_digest: Digest::new([(t % 251) as u8; 32]),
                    index: 0,
                    event,
                });
            }
            None => {
                lives.swap_remove(i);
            }
        }
    }
    out
}

fn replay(c: &mut Criterion) {
    let events = synthetic(EVENTS);
    let pipe = Address::new([1; 32]);
    let mut g = c.benchmark_group("replay");
    g.sample_size(10);
    g.throughput(Throughput::Elements(EVENTS as u64));
    g.bench_function("timelines+summary/1M events", |b| {
        b.iter_batched(
            || (),
            |()| {
                let t = timelines(pipe, &events);
                let s = summarize(&t);
                assert!(s.requests > 250_000, "{}", s.requests);
                s
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, replay);
criterion_main!(benches);
