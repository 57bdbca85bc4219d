//! SIGSTOP a daemon before its assignments reach it: its peers take them over and complete them.
//! After SIGCONT its backlog names work that has moved on; the daemon reads before it claims, so
//! it drops that work without a single transaction (no gas spent on refused calls, nothing
//! completed twice).

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};
use dtp_sdk::replay::HistoryRange;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_daemons_stale_backlog_costs_no_transaction() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 4_000,
        healthy_threshold: 1,
        lease_ms: 1_500,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    let (backends, daemons) = d.servers(&[0, 0, 0]).await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;

    // d0 stops while still healthy on chain: round robin keeps assigning to it.
    daemons[0].signal("STOP");
    let mut sent = BTreeSet::new();
    let mut stuck = BTreeSet::new();
    for i in 0..6 {
        let (seq, server) = d
            .send(http_payload("GET", &format!("/api/instance?i={i}"), b""))
            .await;
        sent.insert(seq);
        if server == d0 {
            stuck.insert(seq);
        }
    }
    assert!(!stuck.is_empty(), "round robin assigned some to d0");
    seen.until(
        "the peers to take over and complete",
        Duration::from_secs(30),
        |s| s.all_completed(&sent),
    )
    .await;

    daemons[0].signal("CONT");
    // Its backlog reaches its workers, which find the work gone (counted as fenced, by read).
    let stale = stuck.len() as u64;
    let what = "d0 never looked at its stale backlog";
    wait_counter(&daemons[0], "fenced", stale, Duration::from_secs(15), what).await;
    assert_eq!(rpc(&daemons[0], "dtpd_counters").await["completed"], 0);
    seen.settle(Duration::from_secs(1)).await;
    seen.assert_exactly_once(&sent);

    // The chain holds no refused call by d0: the stale work cost nothing.
    let h = d
        .admin
        .history(
            d.pipe,
            HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    let by_d0: Vec<_> = h
        .refused
        .unwrap()
        .into_iter()
        .filter(|c| c.sender == d0)
        .collect();
    assert!(
        by_d0.is_empty(),
        "d0 spent transactions on stale work: {by_d0:?}"
    );
    drop(daemons);
    drop(backends);
    d.net.stop().await;
}
