//! Stop a daemon with `kill -9`, send while the chain still thinks it healthy (so work is assigned
//! to it), restart it on the same state directory before those leases run out: it resumes from its
//! cursor, reads the pending requests at start and completes its own work itself; nothing assigned
//! while it was down is missed. A second dtpd on the same state directory refuses to start.

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};

fn cursor(d: &Deployment, i: usize) -> u64 {
    let p = d.state_dir(i).join("cursor");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    text.trim().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_daemon_resumes_and_completes_what_was_assigned_while_it_was_down() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        lease_ms: 15_000,
        ..HostConfig::default()
    };
    let d = deploy(2, cfg, Policy::RoundRobin).await;
    let backends: Vec<_> = (0..2).map(|i| sample(&format!("b{i}"), 0)).collect();
    // Two workers: its work queue holds 8, less than what waits for it at the restart.
    let c0 = d.config_with(
        0,
        &[backends[0].1.clone()],
        &[("daemon.max_concurrency", "2")],
    );
    let mut d0 = d.dtpd(&c0);
    let d1 = d.dtpd(&d.config(1, &[backends[1].1.clone()]));
    d.wait_healthy(&[0, 1], true).await;
    let first = cursor(&d, 0);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while cursor(&d, 0) <= first {
        assert!(
            std::time::Instant::now() < deadline,
            "the cursor advances with the chain"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    d0.signal("KILL");
    d0.wait_exit(Duration::from_secs(5));
    let me = d.keys[0].address();
    let mut seen = d.watch().await;
    let mut sent = BTreeSet::new();
    let mut held = BTreeSet::new();
    let burst = (0..24).map(|i| http_payload("GET", &format!("/api/instance?i={i}"), b""));
    for (seq, server) in d.send_all(burst.collect()).await {
        sent.insert(seq);
        if server == me {
            held.insert(seq);
        }
    }
    assert!(held.len() > 8, "work waits for d0: {held:?}");
    // The sends are readable before the restart, so the restarted daemon finds them in the
    // tables (had it come up sooner, their events would bring them: reads trail effects).
    d.admin.sync().await.unwrap();
    let saved = cursor(&d, 0);

    let d0 = d.dtpd(&c0);
    seen.until("every request", Duration::from_secs(30), |s| {
        s.all_completed(&sent)
    })
    .await;
    seen.settle(Duration::from_millis(500)).await;
    seen.assert_exactly_once(&sent);
    assert!(seen.reassigned().is_empty(), "nothing was taken over");
    for (seq, list) in seen.completed() {
        let c = list[0];
        if held.contains(&seq) {
            assert_eq!(c.server, me, "seq {seq}: completed by the restarted daemon");
            assert_eq!(c.attempt, 1, "seq {seq}: in its first lease");
        }
        assert!(c.ok, "seq {seq} failed");
    }
    let log = d0.log();
    assert!(
        log.contains(&format!("cursor={saved}")) && log.contains("resuming"),
        "resumed from the saved cursor {saved}:\n{log}"
    );
    let seeded: usize = log
        .lines()
        .find(|l| l.contains("seeded"))
        .and_then(|l| l.split("pending=").nth(1))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no `seeded pending=N` line:\n{log}"));
    assert!(
        seeded >= held.len(),
        "read the pending requests at start ({seeded})"
    );
    assert!(cursor(&d, 0) > saved, "the cursor moves on");

    // A second dtpd on the same state directory refuses to start.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtpd"));
    cmd.arg("--config").arg(&c0);
    let (status, _, err) = run_to_exit(cmd, Duration::from_secs(20));
    assert!(!status.success());
    assert!(err.contains("another dtpd is running"), "{err}");
    assert!(
        err.contains(&d.state_dir(0).display().to_string()),
        "names the directory: {err}"
    );
    // ... and the running one is unaffected.
    assert_eq!(rpc(&d0, "dtpd_status").await["draining"], false);
    drop((d0, d1, backends));
    d.net.stop().await;
}
