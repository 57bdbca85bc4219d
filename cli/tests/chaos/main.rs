//! The chaos run: on loopback, the localnet, four daemons with their backends and a gateway
//! (child processes of `dtp`) serve at least 1,000 requests over two Pipes of one Host, every
//! write batched (senders send batches of 1-8 in one transaction, the gateway group-commits its
//! sends, the daemons their completes), while seeded faults hit them: `kill -9` and restart of
//! daemons and of the gateway (batches in flight), SIGSTOP / SIGCONT past the lease, a backend
//! that answers 500, a backend turned unhealthy, requests that hang in their backend, and
//! `kill -9` and restart of the localnet itself (which snapshots its state and cuts its log as it
//! goes, so the kills land around snapshots too).
//! At the end the chain's history of both Pipes (replay, merged) must show 0 requests lost, 0 completed twice, every
//! accepted completion by the current attempt, every assignment one the policy would make, and
//! every fenced call (counted from the chain's refused transactions, late completions apart) on
//! an attempt its sender once held.
//! The seed is printed (set DTP_CHAOS_SEED to replay a run); figures go to stdout.

mod procs;
#[path = "../support/mod.rs"]
mod support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dtp_protocol::calls::Send;
use dtp_protocol::envelope::HttpRequest;
use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::replay::{
    refusals, summarize, timelines, unexplained_fences, verify, HistoryRange, Pipes, Status,
};
use dtp_sdk::{Client, ClientConfig, Key};
use procs::{path, Proc};
use rand::{Rng, SeedableRng};
use support::free_port;

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
    pipes: &[String],
    backend: &str,
) -> String {
    let pipes = pipes
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let state = dir.join(format!("d{i}"));
    let text = format!(
        "[chain]\nurl = \"{url}\"\npackage = \"{PACKAGE}\"\nkey = \"{}\"\nhost = \"{host}\"\npipes = [{pipes}]\n\n[[backends]]\nurl = \"{backend}\"\n\n[balance]\nrequest_timeout_ms = 1000\n\n[health]\ninterval_ms = 200\ntimeout_ms = 200\nhealthy_threshold = 1\nunhealthy_threshold = 1\n\n[daemon]\nheartbeat_interval_ms = 400\ntakeover_stagger_ms = 200\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 1000\n",
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
    let mut pipes = Vec::new();
    for label in ["chaos-a", "chaos-b"] {
        let p = admin
            .create_pipe(host, cap, label, Policy::RoundRobin)
            .await
            .unwrap();
        pipes.push(p);
    }
    let pipe_ids: Vec<String> = pipes.iter().map(|p| p.to_string()).collect();
    admin.sync().await.unwrap();
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
                &pipe_ids,
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

    // The gateway: its own key (in a keystore file), both Pipes, restartable.
    let gateway_key = Key::generate();
    fund(gateway_key.clone()).await;
    let keystore = dir.path().join("gateway.keystore");
    dtp_sdk::keys::write_keystore(&keystore, std::slice::from_ref(&gateway_key)).unwrap();
    let gateway_port = free_port();
    let gateway_url = format!("http://127.0.0.1:{gateway_port}");
    let mut gateway_args: Vec<String> = vec![
        "--config".into(),
        path(&dir.path().join("gateway.toml")),
        "--url".into(),
        url.clone(),
        "--keystore".into(),
        path(&keystore),
        "gateway".into(),
        "--host".into(),
        host.to_string(),
        "--listen".into(),
        format!("127.0.0.1:{gateway_port}"),
        "--timeout-secs".into(),
        "10".into(),
    ];
    for p in &pipe_ids {
        gateway_args.extend(["--pipe".into(), p.clone()]);
    }
    let mut gateway = Proc::new("gateway", gateway_args, "gateway listening on");
    gateway.start();

    // Traffic: at least REQUESTS sends, batched, over both Pipes.
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
    let payload = move |n: u64| match (n % 25, n % 10) {
        (0, _) => hang.clone(),
        (_, 0) => slow.clone(),
        _ => b"chaos".to_vec(),
    };
    let sent = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let mut senders = Vec::new();
    // Three senders with their own keys send batches of 1-8 requests, each batch one
    // transaction into one of the two Pipes; transient chain errors retry.
    for s in 0..3u64 {
        let k = Key::generate();
        fund(k.clone()).await;
        let c = connect(&url, &k).await;
        let (sent, errors, payload, pipes) =
            (sent.clone(), errors.clone(), payload.clone(), pipes.clone());
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed ^ s);
        senders.push(tokio::spawn(async move {
            let mut n = 0u64;
            while sent.load(Ordering::Relaxed) < REQUESTS {
                let pipe = pipes[rng.gen_range(0..pipes.len())];
                let batch: Vec<Send> = (0..rng.gen_range(1..=8))
                    .map(|_| {
                        n += 1;
                        Send {
                            payload: payload(n),
                            key: vec![],
                            region: String::new(),
                        }
                    })
                    .collect();
                let results = c.send_batch(pipe, host, batch).await;
                let ok = results.iter().filter(|r| r.is_ok()).count() as u64;
                sent.fetch_add(ok, Ordering::Relaxed);
                errors.fetch_add(results.len() as u64 - ok, Ordering::Relaxed);
                // Spread the traffic over about 40 s so the faults hit it.
                tokio::time::sleep(Duration::from_millis(if ok > 0 { 450 } else { 200 })).await;
            }
        }));
    }
    // And HTTP clients through the gateway, which group-commits their sends over both Pipes.
    for _ in 0..4 {
        let (sent, errors, gw) = (sent.clone(), errors.clone(), gateway_url.clone());
        senders.push(tokio::spawn(async move {
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap();
            let mut n = 0u64;
            while sent.load(Ordering::Relaxed) < REQUESTS {
                n += 1;
                let path = if n.is_multiple_of(10) {
                    "/slow?delay_ms=900"
                } else {
                    "/api/instance"
                };
                match http.get(format!("{gw}{path}")).send().await {
                    // On chain once it carries its sequence number (whatever the backend said).
                    Ok(r) if r.headers().contains_key("x-dtp-seq") => {
                        sent.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    _ => {
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
        match rng.gen_range(0..5) {
            4 => {
                gateway.kill();
                faults.push("kill -9 gateway".into());
                tokio::time::sleep(Duration::from_millis(rng.gen_range(200..1_000))).await;
                gateway.start();
            }
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

    // Everything settles: nothing pending in either Pipe.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let mut pending = 0;
        for p in &pipes {
            pending += admin.pipe(*p).await.map_or(1, |p| p.pending.size);
        }
        if pending == 0 {
            break;
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

    // Both Pipes' histories in one pass; each says: nothing lost, nothing twice, every
    // completion by the current attempt, every assignment one the policy would make.
    let histories = admin
        .histories(
            &Pipes::Listed(pipes.clone()),
            HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(histories.len(), 2);
    println!(
        "chaos: seed {seed}, {} send errors (retried), {} faults: {}",
        errors.load(Ordering::Relaxed),
        faults.len(),
        faults.join(", ")
    );
    let mut total = 0;
    for (history, pipe) in histories.iter().zip(&pipes) {
        let pipe = *pipe;
        assert_eq!(history.pipe, pipe);
        let report = verify(history);
        let tl = timelines(pipe, &history.events);
        let summary = summarize(&tl);
        let refused = history.refused.as_deref().unwrap_or_default();
        let fences = refusals(refused);
        let unexplained = unexplained_fences(refused, &tl);
        let accepted = admin.pipe(pipe).await.unwrap().next_seq;
        total += accepted;
        let lost: Vec<u64> = tl
            .iter()
            .filter(|t| matches!(t.status, Status::Pending))
            .map(|t| t.seq)
            .collect();
        println!(
            "chaos: pipe {pipe}: {accepted} requests accepted, completed {} (failed answers {}), dead-lettered {}, takeovers {}, releases {}, latency p50 {:?} p99 {:?}",
            summary.completed, summary.failed, summary.dead, summary.takeovers, summary.releases, summary.latency.as_ref().map(|l| l.p50), summary.latency.as_ref().map(|l| l.p99)
        );
        println!(
            "chaos: pipe {pipe}: fenced completions {} (fenced calls {}, refused calls {}: {})",
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
        assert!(accepted > 0, "pipe {pipe} carried requests");
        assert_eq!(
            tl.len() as u64,
            accepted,
            "every accepted request has a history"
        );
        assert!(lost.is_empty(), "lost requests in {pipe}: {lost:?}");
        assert_eq!(
            summary.completed + summary.failed + summary.dead + summary.cancelled,
            accepted,
            "every request is completed (ok or failed) or visibly dead-lettered"
        );
        assert!(report.ok(), "verify {pipe}: {:?}", report.violations);
        assert!(
            unexplained.is_empty(),
            "fenced calls on attempts their sender never held: {unexplained:?}"
        );
    }
    assert!(total >= REQUESTS, "at least {REQUESTS} requests went in");
    assert!(!faults.is_empty());
    assert!(
        dir.path().join("chain").join("snapshot.bcs").exists(),
        "the localnet took snapshots during the run"
    );
    drop(gateway);
    drop(daemons);
    drop(backends);
    drop(chain);
}
