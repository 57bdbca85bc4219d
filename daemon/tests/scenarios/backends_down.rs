//! All of one daemon's backends go down (one killed, one failing its health check): its heartbeat
//! says not ready (`ready == false` on chain) and new requests go only to the other daemons; when a
//! backend comes back the daemon is ready again and receives work again.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};
use sui_sdk_types::Address;

async fn send_batch(d: &Deployment, tag: &str, n: usize) -> Vec<(u64, Address)> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(
            d.send(http_payload(
                "GET",
                &format!("/api/instance?{tag}={i}"),
                b"",
            ))
            .await,
        );
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daemon_without_healthy_backends_is_not_ready_and_gets_no_work_until_they_return() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 2_000,
        healthy_threshold: 1,
        lease_ms: 5_000,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    let (b0a, url0a) = sample("b0a", 0);
    let (_b0b, url0b) = sample("b0b", 0);
    let (_b1, url1) = sample("b1", 0);
    let (_b2, url2) = sample("b2", 0);
    let daemons = [
        d.dtpd(&d.config(0, &[url0a, url0b.clone()])),
        d.dtpd(&d.config(1, &[url1])),
        d.dtpd(&d.config(2, &[url2])),
    ];
    d.wait_healthy(&[0, 1, 2], true).await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;

    // Both of d0's backends go down: one is killed, the other fails its health check.
    drop(b0a);
    set_backend_health(&url0b, false).await;
    d.wait_endpoint(0, "ready == false", Duration::from_secs(10), |e| !e.ready)
        .await;
    let status = rpc(&daemons[0], "dtpd_status").await;
    assert_eq!(status["ready"], false, "{status}");
    let backends = rpc(&daemons[0], "dtpd_backends").await;
    assert!(
        backends
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["healthy"] == false),
        "{backends}"
    );
    d.wait_healthy(&[0], false).await;
    let down = send_batch(&d, "down", 9).await;
    assert!(
        down.iter().all(|(_, s)| *s != d0),
        "no work for a daemon without backends: {down:?}"
    );
    let seqs: BTreeSet<u64> = down.iter().map(|(s, _)| *s).collect();
    seen.until(
        "the requests sent while d0 is down",
        Duration::from_secs(20),
        |s| s.all_completed(&seqs),
    )
    .await;
    for (_, c) in seen.completions() {
        assert!(c.ok && c.server != d0, "{c:?}");
    }

    // One backend returns: d0 is ready again and gets its share, served by that backend.
    set_backend_health(&url0b, true).await;
    d.wait_endpoint(0, "ready == true", Duration::from_secs(10), |e| e.ready)
        .await;
    d.wait_healthy(&[0], true).await;
    let up = send_batch(&d, "up", 9).await;
    let mine: BTreeSet<u64> = up
        .iter()
        .filter(|(_, s)| *s == d0)
        .map(|(q, _)| *q)
        .collect();
    assert_eq!(mine.len(), 3, "round robin over three again: {up:?}");
    let all: BTreeSet<u64> = seqs
        .iter()
        .copied()
        .chain(up.iter().map(|(q, _)| *q))
        .collect();
    seen.until(
        "the requests sent after it returned",
        Duration::from_secs(20),
        |s| s.all_completed(&all),
    )
    .await;
    seen.settle(Duration::from_millis(300)).await;
    seen.assert_exactly_once(&all);
    for (seq, list) in seen.completed() {
        let c = list[0];
        assert!(c.ok, "seq {seq} failed: {c:?}");
        if mine.contains(&seq) {
            assert_eq!(c.server, d0);
            let body: serde_json::Value =
                serde_json::from_slice(&http_answer(&c.response).body).unwrap();
            assert_eq!(body["instance"], "b0b", "the backend that came back");
        }
    }
    assert!(seen.reassigned().is_empty());
    drop(daemons);
    d.net.stop().await;
}
