//! SIGTERM a daemon holding slow work: it drains on chain (DRAINING), finishes what is in flight
//! within `shutdown_grace_ms`, starts nothing new, releases the rest (Reassigned, reason released)
//! to its peers and exits 0; every request is completed exactly once.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::constants::{REASON_RELEASED, STATE_DRAINING};
use dtp_protocol::{HostConfig, Policy};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_finishes_in_flight_work_releases_the_rest_and_exits_zero() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 3_000,
        healthy_threshold: 1,
        lease_ms: 10_000,
        ..HostConfig::default()
    };
    let d = deploy(3, cfg, Policy::RoundRobin).await;
    // d0 serves two at a time on a backend taking 1.5 s: two in flight, two waiting at SIGTERM.
    let backends: Vec<_> = (0..3)
        .map(|i| sample(&format!("b{i}"), if i == 0 { 1_500 } else { 0 }))
        .collect();
    let c0 = d.config_with(
        0,
        &[backends[0].1.clone()],
        &[
            ("daemon.max_concurrency", "2"),
            ("daemon.shutdown_grace_ms", "2500"),
            // Claimed events show which requests it had started.
            ("daemon.claim", "\"at_start\""),
        ],
    );
    let mut daemons = vec![d.dtpd(&c0)];
    for (i, (_, url)) in backends.iter().enumerate().skip(1) {
        daemons.push(d.dtpd(&d.config(i, std::slice::from_ref(url))));
    }
    d.wait_healthy(&[0, 1, 2], true).await;
    let d0 = d.keys[0].address();
    let mut seen = d.watch().await;
    let mut sent = BTreeSet::new();
    let mut held = BTreeSet::new();
    let burst = (0..12).map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""));
    for (seq, server) in d.send_all(burst.collect()).await {
        sent.insert(seq);
        if server == d0 {
            held.insert(seq);
        }
    }
    assert_eq!(held.len(), 4);
    seen.until("d0 to start two requests", Duration::from_secs(20), |s| {
        s.claimed_by(d0, 1).len() == 2
    })
    .await;
    let in_flight = seen.claimed_by(d0, 1);

    daemons[0].signal("TERM");
    d.wait_endpoint(0, "DRAINING", Duration::from_secs(5), |e| {
        e.state == STATE_DRAINING
    })
    .await;
    assert!(
        daemons[0].child.try_wait().unwrap().is_none(),
        "drained on chain before exiting"
    );
    let status = daemons[0].wait_exit(Duration::from_secs(15));
    assert!(status.success(), "exit status {status}");
    let log = daemons[0].log();
    assert!(log.contains("stopped"), "{log}");

    seen.until("every request", Duration::from_secs(20), |s| {
        s.all_completed(&sent)
    })
    .await;
    seen.settle(Duration::from_millis(300)).await;
    seen.assert_exactly_once(&sent);
    let done = seen.completed();
    for seq in &in_flight {
        let c = done[seq][0];
        assert_eq!(
            c.server, d0,
            "seq {seq}: finished by d0 within the grace period"
        );
        assert!(c.ok, "seq {seq} failed");
    }
    let released: BTreeSet<u64> = held.difference(&in_flight).copied().collect();
    let re = seen.reassigned();
    assert_eq!(
        re.iter().map(|r| r.seq).collect::<BTreeSet<_>>(),
        released,
        "the waiting requests were released"
    );
    for r in re {
        assert_eq!((r.from, r.reason), (d0, REASON_RELEASED), "{r:?}");
        assert_ne!(r.to, d0);
        let c = done[&r.seq][0];
        assert!(c.ok && c.server == r.to, "{c:?}");
    }
    // A draining daemon starts nothing new: its backend only saw the two in flight.
    let b0 = backend_get(&backends[0].1, "/api/instance").await;
    assert_eq!(
        b0["requests"], 3,
        "two served through dtp, then this one: {b0}"
    );
    let e = d.endpoint(0).await;
    assert_eq!(e.state, STATE_DRAINING, "stays drained after the exit");
    assert!(!e.ready);
    drop(daemons);
    drop(backends);
    d.net.stop().await;
}
