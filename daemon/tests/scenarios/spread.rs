//! Three daemons, each with its own backend: requests spread by the pipe's policy, every request
//! completed exactly once, answers come from the backends, and no daemon read a request before
//! serving it (the payload came in `Assigned`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::common::*;
use dtp_protocol::envelope::{HttpRequest, HttpResponse};
use dtp_protocol::{Event, HostConfig, Policy};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_daemons_spread_round_robin_and_complete_exactly_once() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        lease_ms: 5_000,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    let (backends, daemons) = d.servers(&[0, 0, 0]).await;
    let mut events = d.events().await;
    let n = 30;
    for i in 0..n {
        let req = HttpRequest {
            method: "GET".into(),
            path: format!("/api/instance?i={i}"),
            headers: vec![],
            body: vec![],
        };
        d.admin
            .send(d.pipe, d.host, req.encode(), vec![], "")
            .await
            .unwrap();
    }
    let mut completed: BTreeMap<u64, Vec<(sui_sdk_types::Address, Vec<u8>)>> = BTreeMap::new();
    let mut assigned = BTreeMap::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while completed.len() < n {
        let e = tokio::time::timeout_at(deadline, events.recv())
            .await
            .expect("all requests complete within 60 s")
            .unwrap();
        match e.event {
            Event::Assigned(a) => {
                assigned.insert(a.seq, a.server);
            }
            Event::Reassigned(r) => panic!("unexpected reassignment: {r:?}"),
            Event::Completed(c) => {
                assert!(
                    c.ok,
                    "seq {} failed: {}",
                    c.seq,
                    String::from_utf8_lossy(&c.response)
                );
                completed
                    .entry(c.seq)
                    .or_default()
                    .push((c.server, c.response));
            }
            _ => {}
        }
    }
    // Exactly once, by the assigned server, answered by that server's own backend.
    let mut per_server: BTreeMap<_, usize> = BTreeMap::new();
    for (seq, list) in &completed {
        assert_eq!(list.len(), 1, "seq {seq} completed {} times", list.len());
        let (server, bytes) = &list[0];
        assert_eq!(Some(server), assigned.get(seq));
        let resp = HttpResponse::decode(bytes).expect("an envelope").unwrap();
        assert_eq!(resp.status, 200);
        let body: serde_json::Value = serde_json::from_slice(&resp.body).unwrap();
        let i = d.keys.iter().position(|k| k.address() == *server).unwrap();
        assert_eq!(body["instance"], format!("b{i}"));
        *per_server.entry(*server).or_default() += 1;
    }
    assert_eq!(
        per_server.values().copied().collect::<BTreeSet<_>>(),
        BTreeSet::from([10]),
        "round robin: 10 each"
    );
    let pipe = d.admin.pipe(d.pipe).await.unwrap();
    assert_eq!(pipe.pending.size, 0);
    // The hot path: every payload came with its assignment, no request was read.
    for p in &daemons {
        assert_eq!(counter(p, "completed").await, 10);
        assert_eq!(counter(p, "request_reads").await, 0, "reads before serving");
    }
    drop(daemons);
    drop(backends);
    d.net.stop().await;
}
