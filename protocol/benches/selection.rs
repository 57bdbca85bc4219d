//! Selection throughput: decisions per second of `selection::select`, per policy, with 64 healthy
//! ACTIVE endpoints (the protocol's maximum, `MAX_ENDPOINTS`). Target: 1,000,000 decisions/s per
//! core. Every decision advances `rr` and `seq` as a Pipe does, so nothing is constant-folded.
//!
//! `cargo bench -p dtp-protocol --bench selection`
//!
//! Cases: the six policies with `max_inflight = 0` (unbounded, what `dtp up` registers) and a
//! Pipe holding 1-4 requests per server (64 `inflight` entries); `capped/*` gives every endpoint
//! `max_inflight = 1000`, so that `selectable` also looks each endpoint up in `inflight`;
//! `8 endpoints` shows how the cost scales with the size of the Host.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dtp_protocol::constants::{MAX_ENDPOINTS, ROLE_ACTIVE, STATE_UP};
use dtp_protocol::move_types::VecMap;
use dtp_protocol::selection::{select, SelectInput};
use dtp_protocol::{Address, Endpoint, HostConfig, Policy};

const NOW: u64 = 1_700_000_000_000;

/// Server addresses look random, as Sui addresses (hashes of public keys) do.
fn server(i: usize) -> Address {
    let mut x = 0x2545_f491_4f6c_dd1d_u64 ^ (i as u64 + 1);
    let mut b = [0u8; 32];
    for chunk in b.chunks_mut(8) {
        // splitmix64
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    Address::new(b)
}

/// `n` healthy ACTIVE endpoints in 4 regions, weights 1-4.
fn endpoints(n: usize, cfg: &HostConfig, max_inflight: u32) -> Vec<Endpoint> {
    (0..n)
        .map(|i| {
            let mut e = Endpoint::new(
                server(i),
                format!("server-{i}"),
                ["eu-west", "eu-central", "us-east", "ap-south"][i % 4].to_string(),
                1 + (i as u32 % 4),
                max_inflight,
                ROLE_ACTIVE,
            );
            e.state = STATE_UP;
            e.ready = true;
            e.streak = cfg.healthy_threshold;
            e.last_heartbeat_ms = NOW - 500;
            assert!(e.is_healthy(cfg, NOW));
            e
        })
        .collect()
}

/// The Pipe's in-flight counts: every server holds 1-4 requests.
fn inflight(n: usize) -> VecMap<Address, u32> {
    let mut m = VecMap::new();
    for i in 0..n {
        m.insert(server(i), 1 + (i as u32 * 7) % 4);
    }
    m
}

fn bench_policies(c: &mut Criterion, group: &str, n: usize, max_inflight: u32) {
    let cfg = HostConfig::default();
    let eps = endpoints(n, &cfg, max_inflight);
    let infl = inflight(n);
    let pipe = Address::new([0x11; 32]);
    let key = b"session-4f1c2a9e".to_vec();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(1));
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));
    for policy in Policy::ALL {
        let mut rr = 0u64;
        g.bench_function(policy.name(), |b| {
            b.iter(|| {
                rr = rr.wrapping_add(1);
                let input = SelectInput {
                    endpoints: &eps,
                    config: &cfg,
                    inflight: &infl,
                    policy,
                    now: NOW,
                    rr,
                    key: &key,
                    region: "us-east",
                    pipe,
                    seq: rr,
                    attempt: 1,
                    exclude: None,
                };
                black_box(select(black_box(&input)).expect("64 healthy endpoints"))
            })
        });
    }
    g.finish();
}

fn selection(c: &mut Criterion) {
    bench_policies(c, "select/64 endpoints", MAX_ENDPOINTS, 0);
    bench_policies(c, "select/64 endpoints capped", MAX_ENDPOINTS, 1_000);
    // For scale: a small deployment (`dtp up` registers 3).
    bench_policies(c, "select/8 endpoints", 8, 0);
}

criterion_group!(benches, selection);
criterion_main!(benches);
