//! `dtp up` as a user runs it: 200 requests through the gateway spread exactly round robin; a
//! daemon killed with SIGKILL does not stop requests from succeeding (its work is taken over);
//! SIGINT stops everything and leaves no process behind.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn alive(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Starts `dtp up` with `policy`; returns the child, its children's pids, the gateway port and
/// the gateway's metrics URL.
fn up(
    policy: &str,
    dir: &std::path::Path,
) -> (std::process::Child, BTreeMap<String, u32>, u16, String) {
    let (gw, grpc, faucet) = (free_port(), free_port(), free_port());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args([
            "up",
            "--replicas",
            "3",
            "--lease-ms",
            "1500",
            "--policy",
            policy,
            "--data-dir",
        ])
        .arg(dir)
        .args([
            "--listen",
            &format!("127.0.0.1:{gw}"),
            "--grpc",
            &format!("127.0.0.1:{grpc}"),
            "--faucet",
            &format!("127.0.0.1:{faucet}"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut pids: BTreeMap<String, u32> = BTreeMap::new();
    let mut metrics = String::new();
    let start = Instant::now();
    loop {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "dtp up exited early");
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 3 && parts[1] == "pid" {
            pids.insert(parts[0].to_string(), parts[2].parse().unwrap());
        }
        if parts.first() == Some(&"metrics") && line.contains("(gateway)") {
            metrics = parts[1].to_string();
        }
        if line.starts_with("Ctrl-C stops everything") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "dtp up took too long to start"
        );
    }
    std::thread::spawn(move || for _ in out.lines() {});
    assert_eq!(pids.len(), 6, "3 servers and 3 daemons: {pids:?}");
    assert!(
        metrics.starts_with("http://"),
        "the tour names the gateway's metrics"
    );
    (child, pids, gw, metrics)
}

/// `n` GETs of /api/instance: answers per instance name.
fn get(gw: u16, n: usize) -> BTreeMap<String, usize> {
    let url = format!("http://127.0.0.1:{gw}/api/instance");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let http = reqwest::Client::new();
        let mut per = BTreeMap::new();
        for _ in 0..n {
            let r = http.get(&url).send().await.unwrap();
            assert_eq!(r.status(), 200, "{:?}", r.text().await);
            let v: serde_json::Value = r.json().await.unwrap();
            *per.entry(v["instance"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        per
    })
}

/// SIGINT, then every child of `dtp up` must be gone.
fn stop(mut child: std::process::Child, pids: &BTreeMap<String, u32>) {
    assert!(Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "dtp up did not stop within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(200));
    for (name, pid) in pids {
        assert!(!alive(*pid), "{name} (pid {pid}) is still running");
    }
}

#[test]
fn dtp_up_serves_round_robin_survives_a_killed_daemon_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (child, pids, gw, metrics) = up("round_robin", dir.path());
    let per = get(gw, 201);
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        vec![67, 67, 67],
        "round robin is exactly even: {per:?}"
    );
    let m = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async { reqwest::get(&metrics).await.unwrap().text().await.unwrap() });
    assert!(
        m.contains("dtp_gateway_requests_total{status=\"200\"} 201"),
        "{m}"
    );

    // SIGKILL one daemon: requests keep succeeding (the dead one's are taken over after its lease).
    let victim = pids["daemon-1"];
    assert!(Command::new("kill")
        .args(["-9", &victim.to_string()])
        .status()
        .unwrap()
        .success());
    let per = get(gw, 20);
    assert_eq!(per.values().sum::<usize>(), 20);
    stop(child, &pids);
}

#[test]
fn dtp_up_weighted_follows_the_weights_within_5_percent() {
    let dir = tempfile::tempdir().unwrap();
    let (child, pids, gw, _) = up("weighted", dir.path());
    // `dtp up` gives server-i weight 1 + i % 3: 1, 2, 3.
    let n = 300;
    let per = get(gw, n);
    for (i, w) in [1.0, 2.0, 3.0].iter().enumerate() {
        let want = n as f64 * w / 6.0;
        let got = *per.get(&format!("server-{i}")).unwrap_or(&0) as f64;
        assert!(
            (got - want).abs() <= want * 0.05,
            "server-{i}: {got} vs {want} ({per:?})"
        );
    }
    stop(child, &pids);
}
