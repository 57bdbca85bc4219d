//! BCS decoding of dtp events (`Event::from_bcs`), what the SDK's event stream, the daemon's
//! follower, the gateway's waiters and `dtp replay` do for every event of a checkpoint.
//!
//! `cargo bench -p dtp-protocol --bench events`
//!
//! One case per event a request produces (Assigned, Claimed, Completed with a 240-byte HTTP
//! response, Reassigned), and `mix`: a checkpoint-like stream of 3,000 events (one Assigned, one
//! Claimed and one Completed per request), decoded by name as the stream does.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dtp_protocol::envelope::HttpResponse;
use dtp_protocol::events::{Assigned, Claimed, Completed, Reassigned};
use dtp_protocol::{Address, Event};

fn a(tag: u8) -> Address {
    Address::new([tag; 32])
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

fn request() -> Vec<u8> {
    dtp_protocol::envelope::HttpRequest {
        method: "GET".into(),
        path: "/api/instance".into(),
        headers: vec![("accept".into(), "*/*".into())],
        body: vec![],
    }
    .encode()
}

fn life(seq: u64) -> [Event; 3] {
    let server = a(2 + (seq % 3) as u8);
    [
        Event::Assigned(Assigned {
            pipe: a(1),
            seq,
            server,
            attempt: 1,
            deadline_ms: 1_700_000_003_000 + seq,
            sender: a(9),
            standby: false,
            payload: request(),
        }),
        Event::Claimed(Claimed {
            pipe: a(1),
            seq,
            server,
            attempt: 1,
            deadline_ms: 1_700_000_003_010 + seq,
        }),
        Event::Completed(Completed {
            pipe: a(1),
            seq,
            server,
            attempt: 1,
            ok: true,
            response: response(),
            latency_ms: 12,
        }),
    ]
}

fn events(c: &mut Criterion) {
    let mut g = c.benchmark_group("events/from_bcs");
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));
    let reassigned = Event::Reassigned(Reassigned {
        pipe: a(1),
        seq: 7,
        from: a(2),
        to: a(3),
        attempt: 2,
        deadline_ms: 1_700_000_006_000,
        reason: 0,
        standby: false,
    });
    let [assigned, claimed, completed] = life(7);
    g.throughput(Throughput::Elements(1));
    for e in [&assigned, &claimed, &completed, &reassigned] {
        let (name, bytes) = (e.name(), e.to_bcs());
        g.bench_function(format!("{name} ({} bytes)", bytes.len()), |b| {
            b.iter(|| {
                black_box(
                    Event::from_bcs(black_box(name), black_box(&bytes))
                        .unwrap()
                        .unwrap(),
                )
            })
        });
    }
    let stream: Vec<(&'static str, Vec<u8>)> = (0..1_000)
        .flat_map(life)
        .map(|e| (e.name(), e.to_bcs()))
        .collect();
    g.throughput(Throughput::Elements(stream.len() as u64));
    g.bench_function(format!("mix ({} events)", stream.len()), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (name, bytes) in &stream {
                let e = Event::from_bcs(name, bytes).unwrap().unwrap();
                n += e.seq().unwrap_or(0) as usize & 1;
                black_box(&e);
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
