//! When a daemon claims: by default only once a request's lease needs extending. Work that ends
//! well within the lease the assignment gave costs one transaction (`complete`, no `Claimed`);
//! slow work is claimed before that lease runs out and again every half lease, so no peer takes
//! it over; `daemon.claim = "at_start"` claims everything before serving it.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_work_that_outlives_half_its_lease_is_claimed() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        lease_ms: 4_000,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    // d0 answers at once, d1 after 2.6 s (past half the 4 s lease), d2 at once but claims first.
    let backends: Vec<_> = [0, 2_600, 0]
        .iter()
        .enumerate()
        .map(|(i, ms)| sample(&format!("b{i}"), *ms))
        .collect();
    let daemons: Vec<_> = (0..3)
        .map(|i| {
            let set: &[(&str, &str)] = match i {
                2 => &[("daemon.claim", "\"at_start\"")],
                _ => &[],
            };
            d.dtpd(&d.config_with(i, &[backends[i].1.clone()], set))
        })
        .collect();
    d.wait_healthy(&[0, 1, 2], true).await;
    let mut seen = d.watch().await;
    let burst = (0..6).map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""));
    let sent: Vec<_> = d.send_all(burst.collect()).await;
    let seqs: BTreeSet<u64> = sent.iter().map(|(s, _)| *s).collect();
    seen.until("every request", Duration::from_secs(30), |s| {
        s.all_completed(&seqs)
    })
    .await;
    seen.settle(Duration::from_millis(500)).await;
    seen.assert_exactly_once(&seqs);
    assert!(
        seen.reassigned().is_empty(),
        "no lease ran out: nothing was taken over"
    );

    let held = |i: usize| -> BTreeSet<u64> {
        let me = d.keys[i].address();
        sent.iter()
            .filter(|(_, s)| *s == me)
            .map(|(q, _)| *q)
            .collect()
    };
    let claimed = |i: usize| seen.claimed_by(d.keys[i].address(), 1);
    assert_eq!(held(0).len(), 2, "round robin: two each");
    assert!(
        claimed(0).is_empty(),
        "fast work is never claimed: {:?}",
        claimed(0)
    );
    assert_eq!(
        claimed(1),
        held(1),
        "slow work is claimed to extend its lease"
    );
    assert_eq!(claimed(2), held(2), "at_start claims everything");
    for (seq, list) in seen.completed() {
        assert!(list[0].ok, "seq {seq} failed");
    }
    drop((daemons, backends));
    d.net.stop().await;
}
