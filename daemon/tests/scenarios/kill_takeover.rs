//! `kill -9` a daemon while it holds work: once its leases run out its peers take the requests over
//! (Reassigned, reason expired) and complete them, within lease + stagger + a bounded margin of
//! the kill; every request is completed exactly once. Takeovers due at one instant go out
//! together.

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
    let (d, backends, mut daemons) = start().await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;
    let payloads = (0..12)
        .map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""))
        .collect();
    let mut sent = BTreeSet::new();
    let mut held = BTreeSet::new();
    for (seq, server) in d.send_all(payloads).await {
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

/// A daemon killed before it claims anything: its requests, assigned in one transaction, expire
/// at one instant, and each peer takes its share over in one go (the pipe's group commit carries
/// the takeovers together; a call alone may go first, the rest in the next transaction), not one
/// round trip after another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn takeovers_due_together_go_out_together() {
    let (d, backends, mut daemons) = start().await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;
    let payloads = (0..24)
        .map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""))
        .collect();
    let sent = d.send_at_once(payloads).await;
    // Before d0 claims (half a lease after the assignment at the earliest): every deadline is
    // the one the assignment gave.
    daemons[0].signal("KILL");
    let held: BTreeSet<u64> = sent
        .iter()
        .filter(|(_, server)| *server == d0)
        .map(|(seq, _)| *seq)
        .collect();
    assert_eq!(held.len(), 8, "round robin gives d0 a third");
    let all: BTreeSet<u64> = sent.iter().map(|(seq, _)| *seq).collect();
    seen.until("every request completed", Duration::from_secs(30), |s| {
        s.all_completed(&all)
    })
    .await;
    assert!(
        seen.claimed_by(d0, 1).is_empty(),
        "d0 claimed before it was killed"
    );
    let mut biggest = 0;
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
        biggest = biggest.max(share.len());
    }
    assert!(biggest >= 3, "a share of 3 or more shows the batching");
    seen.settle(Duration::from_millis(500)).await;
    seen.assert_exactly_once(&all);
    daemons.clear();
    drop(backends);
    d.net.stop().await;
}

/// A Host with three servers: d0's backend is slow (its requests stay in flight, renewed every
/// lease / 2, until it is killed), the others' answer at once; all healthy.
async fn start() -> (Deployment, Vec<(Proc, String)>, Vec<Proc>) {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 2_000,
        healthy_threshold: 1,
        lease_ms: LEASE_MS,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    let backends: Vec<_> = (0..3)
        .map(|i| sample(&format!("b{i}"), if i == 0 { 20_000 } else { 0 }))
        .collect();
    let stagger = STAGGER_MS.to_string();
    let daemons: Vec<_> = (0..3)
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
    (d, backends, daemons)
}
