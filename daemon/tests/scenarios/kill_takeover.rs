//! `kill -9` a daemon while it holds work: once its leases run out its peers take the requests over
//! (Reassigned, reason expired) and complete them, within lease + stagger + a bounded margin of
//! the kill; every request is completed exactly once.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::constants::REASON_EXPIRED;
use dtp_protocol::{HostConfig, Policy};

const LEASE_MS: u64 = 1_500;
const STAGGER_MS: u64 = 300;
/// The watchdog's clock-skew allowance (`watchdog::SKEW_MS`) plus its 200 ms tick.
const WATCHDOG_MS: u64 = 250 + 200;
/// A few transactions (takeover, claim, complete) and checkpoints on a loaded 2-core machine;
/// the bound adds what the chain's latency adds to them (`chain_time`).
const MARGIN_MS: u64 = 1_500;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_daemons_work_is_taken_over_after_its_lease_and_completed_once() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 2_000,
        healthy_threshold: 1,
        lease_ms: LEASE_MS,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    // d0's backend is slow: its requests stay in flight (renewed every lease / 2) until the kill.
    let backends: Vec<_> = (0..3)
        .map(|i| sample(&format!("b{i}"), if i == 0 { 20_000 } else { 0 }))
        .collect();
    let stagger = STAGGER_MS.to_string();
    let mut daemons: Vec<_> = (0..3)
        .map(|i| {
            let c = d.config_with(
                i,
                &[backends[i].1.clone()],
                &[("daemon.takeover_stagger_ms", &stagger)],
            );
            d.dtpd(&c)
        })
        .collect();
    d.wait_healthy(&[0, 1, 2], true).await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;
    // Sent in one transaction: d0's leases run out together, and its peers' takeovers are due
    // at one tick.
    let payloads = (0..12)
        .map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""))
        .collect();
    let mut sent = BTreeSet::new();
    let mut held = BTreeSet::new();
    for (seq, server) in d.send_at_once(payloads).await {
        sent.insert(seq);
        if server == d0 {
            held.insert(seq);
        }
    }
    assert_eq!(held.len(), 4, "round robin gives d0 a third");
    seen.until("d0 to claim its requests", Duration::from_secs(20), |s| {
        s.claimed_by(d0, 1) == held
    })
    .await;
    let others: BTreeSet<u64> = sent.difference(&held).copied().collect();
    seen.until("the peers' own requests", Duration::from_secs(20), |s| {
        s.all_completed(&others)
    })
    .await;
    // Let d0 renew its leases once: the kill comes mid-lease.
    tokio::time::sleep(Duration::from_millis(LEASE_MS / 2 + 100)).await;

    daemons[0].signal("KILL");
    let killed = tokio::time::Instant::now();
    seen.until(
        "the takeovers and completions",
        Duration::from_secs(30),
        |s| s.all_completed(&sent),
    )
    .await;
    // The last renewal lands up to one transaction after the kill, then the takeover and the
    // completion each go through the chain and out to their followers.
    let bound =
        Duration::from_millis(LEASE_MS + STAGGER_MS + WATCHDOG_MS + MARGIN_MS) + chain_time(3);
    for (at, c) in seen.completions() {
        if held.contains(&c.seq) {
            let after = at - killed;
            assert!(
                after <= bound,
                "seq {} completed {after:?} after the kill (bound {bound:?})",
                c.seq
            );
            assert_ne!(c.server, d0, "a dead daemon completed seq {}", c.seq);
            assert!(c.ok, "seq {} failed", c.seq);
            assert_eq!(c.attempt, 2, "seq {}: one takeover", c.seq);
            let body: serde_json::Value =
                serde_json::from_slice(&http_answer(&c.response).body).unwrap();
            assert_ne!(body["instance"], "b0", "served by a peer's backend");
        }
    }
    let re = seen.reassigned();
    let taken: BTreeSet<u64> = re.iter().map(|r| r.seq).collect();
    assert_eq!(taken, held, "exactly d0's requests were taken over");
    for r in re {
        assert_eq!(r.from, d0);
        assert_eq!(r.reason, REASON_EXPIRED);
        assert_ne!(r.to, d0);
    }
    // Takeovers due together go out side by side (the pipe's group commit batches them), not one
    // round trip after another: each peer's share took at most two transactions (a call alone
    // goes at once; what queued behind it goes as the next one).
    for peer in [d.keys[1].address(), d.keys[2].address()] {
        let share: BTreeSet<u64> = seen
            .reassigned()
            .iter()
            .filter(|r| r.to == peer)
            .map(|r| r.seq)
            .collect();
        let txs = seen.reassigned_in(&share).len();
        assert!(
            txs <= 2,
            "{peer}'s {} takeovers took {txs} transactions",
            share.len()
        );
    }
    seen.settle(Duration::from_millis(500)).await;
    seen.assert_exactly_once(&sent);
    assert_eq!(d.admin.pipe(d.pipe).await.unwrap().pending.size, 0);
    let slowest = seen
        .completions()
        .iter()
        .filter(|(_, c)| held.contains(&c.seq))
        .map(|(at, _)| *at - killed)
        .max()
        .unwrap();
    eprintln!("the last takeover completed {slowest:?} after the kill (bound {bound:?})");
    daemons.clear();
    drop(backends);
    d.net.stop().await;
}
