//! `[sweep]`: a daemon sends its balance above `sweep.above_mist` to `sweep.to` (one gas coin
//! per round) while it goes on serving; what the recipient holds is exactly what the daemon's
//! `dtpd_swept_mist_total` says it sent, and the daemon keeps its threshold.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};

const SUI: u64 = 1_000_000_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_balance_above_the_threshold_goes_to_the_recipient() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        ..HostConfig::default()
    };
    let d = deploy(1, cfg, Policy::RoundRobin).await;
    let me = d.keys[0].address();
    let start = d.admin.balance(me).await.unwrap();
    assert!(start > 700 * SUI, "the faucet funds {start} MIST");
    let keep = 300 * SUI;
    let to = d.net.key(60).address();
    let backend = sample("b0", 0);
    let daemon = d.dtpd(&d.config_with(
        0,
        std::slice::from_ref(&backend.1),
        &[
            ("sweep.to", &format!("\"{to}\"")),
            ("sweep.above_mist", &keep.to_string()),
            ("sweep.interval_ms", "200"),
        ],
    ));
    let mut seen = d.watch().await;
    d.wait_healthy(&[0], true).await;

    // The faucet's five coins hold 200 SUI each: the excess leaves over several rounds.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut received = 0;
    while received + keep + SUI < start {
        assert!(
            tokio::time::Instant::now() < deadline,
            "swept {received} of {} MIST within 60 s\n{}",
            start - keep,
            daemon.log()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        received = d.admin.balance(to).await.unwrap();
    }
    // Serving goes on beside the sweep (its coins are the same pool).
    let seqs: BTreeSet<u64> = d
        .send_all((0..6).map(|i| format!("r{i}").into_bytes()).collect())
        .await
        .into_iter()
        .map(|(seq, _)| seq)
        .collect();
    seen.until("every request completes", Duration::from_secs(30), |s| {
        s.all_completed(&seqs)
    })
    .await;
    seen.assert_exactly_once(&seqs);

    // Nothing more leaves once the excess is under one gas budget.
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    let received = d.admin.balance(to).await.unwrap();
    let left = d.admin.balance(me).await.unwrap();
    assert_eq!(
        counter(&daemon, "swept_mist").await,
        received,
        "the recipient holds exactly what the daemon swept"
    );
    assert!(
        left + SUI > keep && left <= keep + SUI,
        "the daemon keeps its threshold: {left} MIST, threshold {keep}"
    );
    assert!(received + left <= start, "no SUI appears from nowhere");
    drop(daemon);
    d.net.stop().await;
}
