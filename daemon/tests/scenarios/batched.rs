//! Completes are group-committed per pipe: a burst of requests served at once is answered in
//! fewer transactions than requests (what arrives while one complete is in flight goes in the
//! next), each exactly once; `daemon.batch_max_calls = 1` sends each alone; with the completions
//! announced while the backend works, a burst served side by side completes in one transaction.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::common::*;
use dtp_protocol::calls::Send;
use dtp_protocol::{Event, HostConfig, Policy};
use futures::StreamExt;

/// Serves a burst of `n` requests with one daemon configured by `set`; returns the number of
/// transactions that carried their completions.
async fn burst(n: usize, set: &[(&str, &str)]) -> usize {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        lease_ms: 8_000,
        ..HostConfig::default()
    };
    let d = deploy(1, cfg, Policy::RoundRobin).await;
    let backend = sample("b0", 20);
    let daemon = d.dtpd(&d.config_with(0, std::slice::from_ref(&backend.1), set));
    d.wait_healthy(&[0], true).await;
    let from = d.admin.latest_checkpoint().await.unwrap();
    let mut stream = Box::pin(d.admin.follow(from));
    let sends = (0..n)
        .map(|i| Send {
            payload: format!("r{i}").into_bytes(),
            key: vec![],
            region: String::new(),
        })
        .collect();
    for r in d.admin.send_batch(d.pipe, d.host, sends).await {
        r.unwrap();
    }
    let mut completions: BTreeMap<u64, usize> = BTreeMap::new();
    let mut transactions = BTreeSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while completions.len() < n {
        let cp = tokio::time::timeout_at(deadline, stream.next())
            .await
            .expect("every request completes within 60 s")
            .expect("the stream goes on");
        for e in cp.events {
            if let Event::Completed(c) = &e.event {
                assert!(c.ok, "{}", String::from_utf8_lossy(&c.response));
                *completions.entry(c.seq).or_default() += 1;
                transactions.insert(e.tx_digest);
            }
        }
    }
    assert!(
        completions.values().all(|k| *k == 1),
        "exactly once: {completions:?}"
    );
    // The daemon's own counters say the same as the chain: n calls in that many transactions.
    assert_eq!(counter(&daemon, "batched_calls").await, n as u64);
    assert_eq!(
        counter(&daemon, "call_transactions").await,
        transactions.len() as u64
    );
    d.net.stop().await;
    transactions.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_is_completed_in_fewer_transactions_than_requests() {
    let n = 40;
    let batched = burst(n, &[]).await;
    println!("{n} completions in {batched} transactions");
    assert!(batched < n, "{n} completions took {batched} transactions");
    let alone = burst(n, &[("daemon.batch_max_calls", "1")]).await;
    assert_eq!(
        alone, n,
        "with batch_max_calls = 1 each complete goes alone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_served_side_by_side_complete_in_one_transaction() {
    // All 8 are assigned in one checkpoint and answered by the backend ~20 ms later, close
    // together; the first completion waits for the other announced ones (here up to 500 ms).
    let n = 8;
    let together = burst(n, &[("daemon.batch_linger_ms", "500")]).await;
    assert_eq!(
        together, 1,
        "{n} completions of requests served side by side"
    );
}
