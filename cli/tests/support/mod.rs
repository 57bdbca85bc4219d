//! What the `dtp up` tests share: starting `dtp up` as a user does (its summary parsed), requests
//! through its gateway, stopping it and checking nothing is left behind.

#![allow(dead_code)]

pub mod browser;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    free_ports(1)
}

/// The first of `n` consecutive loopback ports that are free now, below the kernel's ephemeral
/// range (32768-60999 on Linux), so that no `bind(0)` (the servers' backends, other tests) and no
/// outgoing connection's source port takes one of them before `dtp up` binds it.
pub fn free_ports(n: u16) -> u16 {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    for _ in 0..1000 {
        let base: u16 = rng.gen_range(20_000..32_000 - n);
        let held: Vec<_> = (base..base + n)
            .map_while(|p| std::net::TcpListener::bind(("127.0.0.1", p)).ok())
            .collect();
        if held.len() == n as usize {
            return base;
        }
    }
    panic!("no {n} consecutive free ports in 20000..32000");
}

pub fn alive(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// A running `dtp up`: the child, its children's pids, the gateway port, the gateway's metrics
/// URL, the localnet's gRPC port, the pipes and the replay command of its summary.
pub struct Up {
    pub child: UpChild,
    pub pids: BTreeMap<String, u32>,
    pub gw: u16,
    pub metrics: String,
    pub grpc: u16,
    pub pipes: Vec<String>,
    pub replay: String,
}

/// Starts `dtp up` with `replicas` servers and `extra` flags.
pub fn up(replicas: u8, extra: &[&str], dir: &std::path::Path) -> Up {
    start(replicas, extra, dir, false)
}

/// [`up`] as a supervisor whose log readers died runs it: its stderr is a pipe closed from the
/// start, and its stdout is closed once the tour is read.
pub fn up_with_closed_output(replicas: u8, extra: &[&str], dir: &std::path::Path) -> Up {
    start(replicas, extra, dir, true)
}

fn start(replicas: u8, extra: &[&str], dir: &std::path::Path, closed: bool) -> Up {
    // `--gateways N` listens on N consecutive ports from --listen's.
    let gateways: u16 = extra
        .iter()
        .position(|a| *a == "--gateways")
        .and_then(|i| extra.get(i + 1))
        .map_or(1, |n| n.parse().unwrap());
    let (gw, grpc, faucet) = (free_ports(gateways), free_port(), free_port());
    // Its stderr (the steps, and why it stopped) in the data dir, shown if it exits early.
    let log_path = dir.join("dtp-up.stderr");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args([
            "up",
            "--replicas",
            &replicas.to_string(),
            "--lease-ms",
            "1500",
        ])
        .args(extra)
        .arg("--data-dir")
        .arg(dir)
        .args([
            "--listen",
            &format!("127.0.0.1:{gw}"),
            "--grpc",
            &format!("127.0.0.1:{grpc}"),
            "--faucet",
            &format!("127.0.0.1:{faucet}"),
        ])
        // Its CLI config (where it records the `up` profile) inside the data dir, never the user's.
        .env("DTP_CONFIG", dir.join("cli-config.toml"))
        .env_remove("DTP_PROFILE")
        .stdout(Stdio::piped())
        .stderr(match closed {
            true => Stdio::piped(),
            false => log.into(),
        })
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut pids: BTreeMap<String, u32> = BTreeMap::new();
    let (mut metrics, mut pipes, mut replay) = (String::new(), Vec::new(), String::new());
    let start = Instant::now();
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            let err = std::fs::read_to_string(&log_path).unwrap_or_default();
            panic!("dtp up exited early; its stderr:\n{err}");
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 3 && parts[1] == "pid" {
            pids.insert(parts[0].to_string(), parts[2].parse().unwrap());
        }
        if parts.first() == Some(&"metrics") && line.contains("(gateway)") {
            metrics = parts[1].to_string();
        }
        if parts.len() == 2 && parts[0] == "pipe" {
            pipes.push(parts[1].to_string());
        }
        if parts.first() == Some(&"dtp") && parts.contains(&"replay") {
            replay = line.trim().to_string();
        }
        if line.starts_with("Ctrl-C stops everything") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "dtp up took too long to start"
        );
    }
    match closed {
        true => drop(out),
        false => drop(std::thread::spawn(move || for _ in out.lines() {})),
    }
    // Standby servers (`--standby N`) have a backend and a daemon too.
    let standby: usize = extra
        .iter()
        .position(|a| *a == "--standby")
        .and_then(|i| extra.get(i + 1))
        .map_or(0, |n| n.parse().unwrap());
    assert_eq!(
        pids.len(),
        2 * (replicas as usize + standby),
        "a server and a daemon each: {pids:?}"
    );
    assert!(
        metrics.starts_with("http://"),
        "the tour names the gateway's metrics"
    );
    Up {
        child: UpChild(child),
        pids,
        gw,
        metrics,
        grpc,
        pipes,
        replay,
    }
}

/// `n` GETs of /api/instance: answers per instance name.
pub fn get(gw: u16, n: usize) -> BTreeMap<String, usize> {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(get_async(gw, n))
}

/// [`get`] for async tests.
pub async fn get_async(gw: u16, n: usize) -> BTreeMap<String, usize> {
    let url = format!("http://127.0.0.1:{gw}/api/instance");
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
}

/// The `dtp up` process. Dropped while it runs (a test that failed half-way), it gets SIGINT
/// (it stops its daemons and servers) and, if it lingers, SIGKILL: no test leaves a deployment
/// running behind it.
pub struct UpChild(pub std::process::Child);

impl Drop for UpChild {
    fn drop(&mut self) {
        if !matches!(self.0.try_wait(), Ok(None)) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-INT", &self.0.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while matches!(self.0.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// SIGINT, then every child of `dtp up` must be gone; returns how `dtp up` exited.
pub fn stop(mut child: UpChild, pids: &BTreeMap<String, u32>) -> std::process::ExitStatus {
    assert!(Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(s) = child.0.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "dtp up did not stop within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    };
    std::thread::sleep(Duration::from_millis(200));
    for (name, pid) in pids {
        assert!(!alive(*pid), "{name} (pid {pid}) is still running");
    }
    status
}
