//! The Rust twin natively: `pipe::send` followed by `pipe::complete` (and, as the daemon does it,
//! `send` + `claim` + `complete`) on a Pipe that already holds N pending requests, the work the
//! localnet's commit thread does inside a transaction (without gas, digests, effects or the WAL).
//!
//! `cargo bench -p dtp-protocol --bench twin`
//!
//! The Host has 8 healthy endpoints, the Pipe is round robin; every iteration sends one request
//! (a 190-byte HTTP envelope, as the gateway makes for `GET /api/instance`) and completes the
//! oldest pending one with a 240-byte response, so the Pipe stays at N pending requests.
//! N = 1,000, 10,000 (the default `max_pending`) and 100,000 (the localnet throughput bench ends
//! with 60-90k pending).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dtp_protocol::constants::{MAX_DURATION_MS, ROLE_ACTIVE};
use dtp_protocol::envelope::{HttpRequest, HttpResponse};
use dtp_protocol::host::{add_endpoint, create_host, heartbeat};
use dtp_protocol::pipe::{claim, complete, create_pipe, send};
use dtp_protocol::{Address, EndpointArgs, Host, HostConfig, PipeState, Policy, TxContext};
use sui_sdk_types::Digest;

const NOW: u64 = 1_700_000_000_000;
const SERVERS: usize = 8;

fn addr(tag: u8, i: u64) -> Address {
    let mut b = [tag; 32];
    b[24..].copy_from_slice(&i.to_be_bytes());
    Address::new(b)
}

/// A distinct digest per transaction, as the localnet passes the real one.
fn digest(n: u64) -> Digest {
    let mut d = [0x5a; 32];
    d[..8].copy_from_slice(&n.to_le_bytes());
    Digest::new(d)
}

fn setup(pending: usize) -> (Host, PipeState) {
    let admin = addr(0xad, 0);
    let mut tx = 0u64;
    let mut ctx = |sender: Address| {
        tx += 1;
        TxContext::new(sender, digest(tx))
    };
    let cfg = HostConfig {
        heartbeat_timeout_ms: MAX_DURATION_MS,
        healthy_threshold: 1,
        lease_ms: 3_000,
        max_pending: 1_000_000,
        ..HostConfig::default()
    };
    let (mut host, cap) = create_host("bench".into(), cfg, &mut ctx(admin)).unwrap();
    for i in 0..SERVERS as u64 {
        let args = EndpointArgs {
            server: addr(0xee, i),
            label: format!("server-{i}"),
            region: String::new(),
            weight: 1,
            max_inflight: 0,
            role: ROLE_ACTIVE,
        };
        add_endpoint(&mut host, &cap, args, &mut ctx(admin)).unwrap();
        heartbeat(&mut host, true, 0, NOW, &mut ctx(addr(0xee, i))).unwrap();
    }
    let mut pipe = create_pipe(
        &host,
        &cap,
        "bench".into(),
        Policy::RoundRobin as u8,
        &mut ctx(admin),
    )
    .unwrap();
    let gateway = addr(0x9a, 0);
    for _ in 0..pending {
        send(
            &mut pipe,
            &host,
            request(),
            vec![],
            String::new(),
            NOW,
            &mut ctx(gateway),
        )
        .unwrap();
    }
    assert_eq!(pipe.pending.len(), pending);
    (host, pipe)
}

fn request() -> Vec<u8> {
    HttpRequest {
        method: "GET".into(),
        path: "/api/instance".into(),
        headers: vec![
            ("user-agent".into(), "wrk".into()),
            ("accept".into(), "*/*".into()),
            ("x-forwarded-for".into(), "127.0.0.1".into()),
            (
                "x-request-id".into(),
                "0f6c1c0e-8a4b-4d9e-9c57-2b1e7f3a9d21".into(),
            ),
            ("accept-encoding".into(), "gzip, deflate, br".into()),
            ("accept-language".into(), "en-GB,en;q=0.9".into()),
        ],
        body: vec![],
    }
    .encode()
}

fn response() -> Vec<u8> {
    HttpResponse {
        status: 200,
        headers: vec![
            ("content-type".into(), "application/json".into()),
            ("date".into(), "Sun, 23 Nov 2026 15:00:00 GMT".into()),
        ],
        body: br#"{"instance":"server-1","requests":123456,"uptime_ms":987654321,"method":"GET","path":"/api/instance","body":"","padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#.to_vec(),
    }
    .encode()
}

fn twin(c: &mut Criterion) {
    let (req, resp) = (request(), response());
    eprintln!("payload {} bytes, response {} bytes", req.len(), resp.len());
    let gateway = addr(0x9a, 0);
    let mut g = c.benchmark_group("twin");
    g.throughput(Throughput::Elements(1));
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));
    for pending in [1_000usize, 10_000, 100_000] {
        for with_claim in [false, true] {
            let (host, mut pipe) = setup(pending);
            let mut tx = 1u64 << 40;
            let mut now = NOW;
            let name = if with_claim {
                "send+claim+complete"
            } else {
                "send+complete"
            };
            g.bench_function(BenchmarkId::new(name, format!("{pending} pending")), |b| {
                b.iter(|| {
                    tx += 3;
                    now += 1;
                    let mut ctx = TxContext::new(gateway, digest(tx));
                    let seq = send(
                        &mut pipe,
                        &host,
                        req.clone(),
                        vec![],
                        String::new(),
                        now,
                        &mut ctx,
                    )
                    .unwrap();
                    black_box((seq, ctx.take_events()));
                    let (&oldest, r) = pipe.pending.first_key_value().unwrap();
                    let (server, attempt) = (r.server, r.attempt);
                    if with_claim {
                        let mut ctx = TxContext::new(server, digest(tx + 1));
                        claim(&mut pipe, &host, oldest, attempt, now, &mut ctx).unwrap();
                        black_box(ctx.take_events());
                    }
                    let mut ctx = TxContext::new(server, digest(tx + 2));
                    complete(
                        &mut pipe,
                        &host,
                        oldest,
                        attempt,
                        true,
                        resp.clone(),
                        now,
                        &mut ctx,
                    )
                    .unwrap();
                    black_box(ctx.take_events());
                })
            });
            assert_eq!(pipe.pending.len(), pending);
        }
    }
    g.finish();
}

criterion_group!(benches, twin);
criterion_main!(benches);
