//! SIGSTOP a daemon holding work past its lease: its peers take the work over and complete it;
//! after SIGCONT its late calls for that work are refused by the fence (counted as fenced by its
//! admin API), and nothing is completed twice.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::constants::REASON_EXPIRED;
use dtp_protocol::{HostConfig, Policy};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_daemons_late_calls_are_fenced_and_nothing_completes_twice() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 2_000,
        healthy_threshold: 1,
        lease_ms: 1_500,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    // d0's backend answers after 2.5 s: while d0 is stopped, so the answer waits for SIGCONT.
    let (backends, daemons) = d.servers(&[2_500, 0, 0]).await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;
    let mut sent = BTreeSet::new();
    let mut held = BTreeSet::new();
    for i in 0..6 {
        let (seq, server) = d
            .send(http_payload("GET", &format!("/api/instance?i={i}"), b""))
            .await;
        sent.insert(seq);
        if server == d0 {
            held.insert(seq);
        }
    }
    assert_eq!(held.len(), 2);
    seen.until("d0 to claim its requests", Duration::from_secs(20), |s| {
        s.claimed_by(d0, 1) == held
    })
    .await;

    daemons[0].signal("STOP");
    seen.until(
        "the peers to take over and complete",
        Duration::from_secs(30),
        |s| s.all_completed(&sent),
    )
    .await;
    let re = seen.reassigned();
    assert_eq!(re.iter().map(|r| r.seq).collect::<BTreeSet<_>>(), held);
    assert!(re
        .iter()
        .all(|r| r.from == d0 && r.reason == REASON_EXPIRED));
    assert_eq!(rpc(&daemons[1], "dtpd_counters").await["fenced"], 0);

    daemons[0].signal("CONT");
    let what = "d0's late calls were not fenced";
    wait_counter(
        &daemons[0],
        "fenced",
        held.len() as u64,
        Duration::from_secs(15),
        what,
    )
    .await;
    let c = rpc(&daemons[0], "dtpd_counters").await;
    assert_eq!(c["completed"], 0, "d0 completed nothing: {c}");
    let log = daemons[0].log();
    let fenced: Vec<&str> = log.lines().filter(|l| l.contains("fenced")).collect();
    assert!(!fenced.is_empty(), "{log}");
    for l in fenced {
        // The late renewal (claim) or complete, whichever came first after SIGCONT.
        assert!(
            l.contains("aborted with EUnknownRequest") || l.contains("aborted with EStaleAttempt"),
            "{l}"
        );
    }
    // Nothing was completed twice, and never by the paused daemon.
    seen.settle(Duration::from_secs(1)).await;
    seen.assert_exactly_once(&sent);
    for (_, c) in seen.completions() {
        assert_ne!(c.server, d0, "seq {} completed by the paused daemon", c.seq);
    }

    // The fenced daemon is healthy again and serves new work.
    d.wait_healthy(&[0], true).await;
    let mut more = BTreeSet::new();
    let mut again = None;
    for i in 0..3 {
        let (seq, server) = d
            .send(http_payload(
                "GET",
                &format!("/api/instance?again={i}"),
                b"",
            ))
            .await;
        more.insert(seq);
        if server == d0 {
            again = Some(seq);
        }
    }
    let again = again.expect("round robin reaches d0 again");
    seen.until("the new requests", Duration::from_secs(20), |s| {
        s.all_completed(&more)
    })
    .await;
    assert_eq!(seen.completed()[&again][0].server, d0);
    drop(daemons);
    drop(backends);
    d.net.stop().await;
}
