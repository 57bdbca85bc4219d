//! The chaos run: on loopback, the localnet, four daemons with their backends and a gateway
//! (child processes of `dtp`, the gateway in-process) serve at least 1,000 requests while seeded
//! faults hit them: `kill -9` and restart of daemons, SIGSTOP / SIGCONT past the lease, a backend
//! that answers 500, a backend turned unhealthy, requests that hang in their backend, and
//! `kill -9` and restart of the localnet itself (which snapshots its state and cuts its log as it
//! goes, so the kills land around snapshots too).
//! At the end the chain's history (replay) must show 0 requests lost, 0 completed twice, every
//! accepted completion by the current attempt, every assignment one the policy would make, and
//! every fenced call (counted from the chain's refused transactions, late completions apart) on
//! an attempt its sender once held.
//! The seed is printed (set DTP_CHAOS_SEED to replay a run); figures go to stdout.

mod procs;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dtp_protocol::envelope::HttpRequest;
use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::replay::{
    refusals, summarize, timelines, unexplained_fences, verify, HistoryRange, Status,
};
use dtp_sdk::{Client, ClientConfig, Key};
use procs::{free_port, path, Proc};
use rand::{Rng, SeedableRng};

const DAEMONS: usize = 4;
const REQUESTS: u64 = 1_000;
const PACKAGE: sui_sdk_types::Address = dtp_localnet::genesis::DTP_PACKAGE;

async fn connect(url: &str, key: &Key) -> Client {
    for _ in 0..100 {
        if let Ok(c) = Client::connect(ClientConfig::new(url, PACKAGE).with_key(key.clone())).await
        {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("cannot connect to {url}");
}

fn daemon_toml(
    dir: &std::path::Path,
    i: usize,
    url: &str,
    key: &Key,
    host: &str,
    pipe: &str,
    backend: &str,
) -> String {
    let state = dir.join(format!("d{i}"));
    let text = format!(
        "[chain]\nurl = \"{url}\"\npackage = \"{PACKAGE}\"\nkey = \"{}\"\nhost = \"{host}\"\npipes = [\"{pipe}\"]\n\n[[backends]]\nurl = \"{backend}\"\n\n[balance]\nrequest_timeout_ms = 1000\n\n[health]\ninterval_ms = 200\ntimeout_ms = 200\nhealthy_threshold = 1\nunhealthy_threshold = 1\n\n[daemon]\nheartbeat_interval_ms = 400\ntakeover_stagger_ms = 200\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 1000\n",
        key.to_suiprivkey(),
        path(&state)
    );
    let p = dir.join(format!("d{i}.toml"));
    std::fs::write(&p, text).unwrap();
    path(&p)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chaos_loses_nothing_and_completes_nothing_twice() {
    let seed: u64 = std::env::var("DTP_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    println!("chaos seed {seed} (DTP_CHAOS_SEED={seed} replays this run)");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let (grpc, faucet) = (free_port(), free_port());
    let url = format!("http://127.0.0.1:{grpc}");
    let mut chain = Proc::new(
        "localnet",
        vec![
            "localnet".into(),
            "--data-dir".into(),
            path(&dir.path().join("chain")),
            "--grpc".into(),
            format!("127.0.0.1:{grpc}"),
            "--faucet".into(),
            format!("127.0.0.1:{faucet}"),
            "--checkpoint-ms".into(),
            "50".into(),
            // Snapshots and log cuts during the run, so that kills land around them too.
            "--compact-log-bytes".into(),
            "262144".into(),
        ],
        "dtp localnet ready",
    );
    chain.start();

    // Deployment: admin, four endpoints, a round-robin pipe; short leases so faults show quickly.
    let fund = |k: Key| {
        let f = format!("http://127.0.0.1:{faucet}/");
        async move {
            sui_rpc::faucet::FaucetClient::new(f)
                .unwrap()
                .request(k.address())
                .await
                .unwrap();
        }
    };
    let admin_key = Key::generate();
    fund(admin_key.clone()).await;
    let admin = connect(&url, &admin_key).await;
    let cfg = HostConfig {
        heartbeat_timeout_ms: 2_500,
        healthy_threshold: 1,
        lease_ms: 1_500,
        max_attempts: 20,
        max_pending: 10_000,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("chaos", &cfg).await.unwrap();
    let keys: Vec<Key> = (0..DAEMONS).map(|_| Key::generate()).collect();
    for (i, k) in keys.iter().enumerate() {
        fund(k.clone()).await;
        admin
            .add_endpoint(
                host,
                cap,
                &EndpointArgs {
                    server: k.address(),
                    label: format!("d{i}"),
                    region: String::new(),
                    weight: 1,
                    max_inflight: 0,
                    role: 0,
                },
            )
            .await
            .unwrap();
    }
    let pipe = admin
        .create_pipe(host, cap, "chaos", Policy::RoundRobin)
        .await
        .unwrap();
    let backend_ports: Vec<u16> = (0..DAEMONS).map(|_| free_port()).collect();
    let backends: Vec<Proc> = (0..DAEMONS)
        .map(|i| {
            let mut args = vec![
                "sample".into(),
                "--listen".into(),
                format!("127.0.0.1:{}", backend_ports[i]),
                "--name".into(),
                format!("b{i}"),
                "--delay-ms".into(),
                "20".into(),
            ];
            if i == DAEMONS - 1 {
                args.push("--fail".into()); // one backend answers 500 to everything
            }
            let mut p = Proc::new(&format!("b{i}"), args, "listening on");
            p.start();
            p
        })
        .collect();
    let backend_urls: Vec<String> = backend_ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}"))
        .collect();
    let mut daemons: Vec<Proc> = (0..DAEMONS)
        .map(|i| {
            let cfg = daemon_toml(
                dir.path(),
                i,
                &url,
                &keys[i],
                &host.to_string(),
                &pipe.to_string(),
                &backend_urls[i],
            );
            let mut p = Proc::new(
                &format!("d{i}"),
                vec!["daemon".into(), "--config".into(), cfg],
                "serving host",
            );
            p.start();
            p
        })
        .collect();

    // Traffic: senders with their own keys push REQUESTS sends; transient chain errors retry.
    // Every tenth request is slow (the backend holds it 900 ms, past a lease renewal), so pauses
    // and kills often catch work in flight, whose late renewals and completions the fence refuses;
    // every 25th hangs (the backend would take 30 s: the daemon's 1 s timeout answers it failed).
    let get = |path: &str| {
        HttpRequest {
            method: "GET".into(),
            path: path.into(),
            headers: vec![],
            body: vec![],
        }
        .encode()
    };
    let (slow, hang) = (get("/slow?delay_ms=900"), get("/hang?delay_ms=30000"));
    let sent = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let mut senders = Vec::new();
    for _ in 0..4 {
        let k = Key::generate();
        fund(k.clone()).await;
        let c = connect(&url, &k).await;
        let (sent, errors) = (sent.clone(), errors.clone());
        let (slow, hang) = (slow.clone(), hang.clone());
        senders.push(tokio::spawn(async move {
            let mut n = 0u64;
            while sent.load(Ordering::Relaxed) < REQUESTS {
                n += 1;
                let payload = match (n % 25, n % 10) {
                    (0, _) => hang.clone(),
                    (_, 0) => slow.clone(),
                    _ => b"chaos".to_vec(),
                };
                match c.send(pipe, host, payload, vec![], "").await {
                    Ok(_) => {
                        sent.fetch_add(1, Ordering::Relaxed);
                        // Spread the traffic over about 40 s so the faults hit it.
                        tokio::time::sleep(Duration::from_millis(150)).await;
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            }
        }));
    }

    // Faults at seeded times while traffic flows.
    let mut faults = Vec::new();
    let started = Instant::now();
    while sent.load(Ordering::Relaxed) < REQUESTS && started.elapsed() < Duration::from_secs(240) {
        tokio::time::sleep(Duration::from_millis(rng.gen_range(800..2_000))).await;
        let which = rng.gen_range(0..DAEMONS);
        match rng.gen_range(0..4) {
            0 => {
                daemons[which].kill();
                faults.push(format!("kill -9 d{which}"));
                tokio::time::sleep(Duration::from_millis(rng.gen_range(500..2_500))).await;
                daemons[which].start();
            }
            1 => {
                daemons[which].signal("STOP");
                faults.push(format!("SIGSTOP d{which}"));
                tokio::time::sleep(Duration::from_millis(rng.gen_range(1_800..3_500))).await;
                daemons[which].signal("CONT");
            }
            2 => {
                let b = &backend_urls[which];
                let _ = reqwest::Client::new()
                    .post(format!("{b}/admin/unhealthy"))
                    .send()
                    .await;
                faults.push(format!("backend b{which} unhealthy"));
                tokio::time::sleep(Duration::from_millis(rng.gen_range(500..2_000))).await;
                let _ = reqwest::Client::new()
                    .post(format!("{b}/admin/healthy"))
                    .send()
                    .await;
            }
            _ => {
                chain.kill();
                faults.push("kill -9 localnet".into());
                tokio::time::sleep(Duration::from_millis(rng.gen_range(200..1_000))).await;
                chain.start();
            }
        }
    }
    for s in senders {
        s.await.unwrap();
    }
    for d in daemons.iter_mut().filter(|d| d.stopped) {
        d.signal("CONT");
    }

    // Everything settles: nothing pending.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(p) = admin.pipe(pipe).await {
            if p.pending.size == 0 {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "requests still pending 120 s after the traffic stopped"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    // The state just read may hold transactions no checkpoint holds yet (this localnet reads
    // its live state; a Sui node reads checkpointed state only): the history is read once a
    // checkpoint formed after that read, so it holds them too.
    let seen = admin.latest_checkpoint().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while admin.latest_checkpoint().await.unwrap() <= seen {
        assert!(
            Instant::now() < deadline,
            "no checkpoint formed after {seen}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The history says: nothing lost, nothing twice, every completion by the current attempt,
    // every assignment one the policy would make.
    let history = admin
        .history(
            pipe,
            HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    let report = verify(&history);
    let tl = timelines(pipe, &history.events);
    let summary = summarize(&tl);
    let refused = history.refused.as_deref().unwrap_or_default();
    let fences = refusals(refused);
    let unexplained = unexplained_fences(refused, &tl);
    let accepted = admin.pipe(pipe).await.unwrap().next_seq;
    let lost: Vec<u64> = tl
        .iter()
        .filter(|t| matches!(t.status, Status::Pending))
        .map(|t| t.seq)
        .collect();
    println!(
        "chaos: seed {seed}, {accepted} requests accepted, {} send errors (retried), {} faults: {}",
        errors.load(Ordering::Relaxed),
        faults.len(),
        faults.join(", ")
    );
    println!(
        "chaos: completed {} (failed answers {}), dead-lettered {}, takeovers {}, releases {}, latency p50 {:?} p99 {:?}",
        summary.completed, summary.failed, summary.dead, summary.takeovers, summary.releases, summary.latency.as_ref().map(|l| l.p50), summary.latency.as_ref().map(|l| l.p99)
    );
    println!(
        "chaos: fenced completions {} (fenced calls {}, refused calls {}: {})",
        fences.fenced_completions,
        fences.fenced,
        fences.total,
        fences
            .by_call
            .iter()
            .map(|c| format!("{} {} x{}", c.function, c.abort, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(accepted >= REQUESTS, "at least {REQUESTS} requests went in");
    assert_eq!(
        tl.len() as u64,
        accepted,
        "every accepted request has a history"
    );
    assert!(lost.is_empty(), "lost requests: {lost:?}");
    assert_eq!(
        summary.completed + summary.failed + summary.dead + summary.cancelled,
        accepted,
        "every request is completed (ok or failed) or visibly dead-lettered"
    );
    assert!(report.ok(), "verify: {:?}", report.violations);
    assert!(
        unexplained.is_empty(),
        "fenced calls on attempts their sender never held: {unexplained:?}"
    );
    assert!(!faults.is_empty());
    assert!(
        dir.path().join("chain").join("snapshot.bcs").exists(),
        "the localnet took snapshots during the run"
    );
    drop(daemons);
    drop(backends);
    drop(chain);
}
