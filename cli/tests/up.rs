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

#[test]
fn dtp_up_serves_round_robin_survives_a_killed_daemon_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (gw, grpc, faucet) = (free_port(), free_port(), free_port());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args(["up", "--replicas", "3", "--lease-ms", "1500", "--data-dir"])
        .arg(dir.path())
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
    let start = Instant::now();
    loop {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "dtp up exited early");
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 3 && parts[1] == "pid" {
            pids.insert(parts[0].to_string(), parts[2].parse().unwrap());
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

    let url = format!("http://127.0.0.1:{gw}/api/instance");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let get = |n: usize| -> BTreeMap<String, usize> {
        rt.block_on(async {
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
    };
    let per = get(201);
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        vec![67, 67, 67],
        "round robin is exactly even: {per:?}"
    );

    // SIGKILL one daemon: requests keep succeeding (the dead one's are taken over after its lease).
    let victim = pids["daemon-1"];
    assert!(Command::new("kill")
        .args(["-9", &victim.to_string()])
        .status()
        .unwrap()
        .success());
    let per = get(20);
    assert_eq!(per.values().sum::<usize>(), 20);

    // SIGINT stops everything; no child survives.
    assert!(Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(Instant::now() < deadline, "dtp up did not stop within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(200));
    for (name, pid) in &pids {
        assert!(!alive(*pid), "{name} (pid {pid}) is still running");
    }
}
