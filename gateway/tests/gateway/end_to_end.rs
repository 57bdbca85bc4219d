//! The gateway end to end on loopback: an embedded localnet, three daemons (in-process) with their
//! own HTTP backends, and plain HTTP clients. Round robin spreads exactly; responses carry
//! X-DTP-Server / X-DTP-Seq; errors are HTTP-native.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::get;
use dtp_gateway::GatewayConfig;
use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::Key;

use crate::common::*;

/// A backend answering `/api/instance` with its name and `/health` with 200.
async fn backend(name: &'static str) -> String {
    let app = axum::Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/api/instance",
            get(move || async move { format!("{{\"instance\":\"{name}\"}}") }),
        );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_through_the_chain_round_robin_and_errors() {
    let net = localnet().await;
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    let cfg = HostConfig {
        healthy_threshold: 1,
        max_payload: 2_048,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("gw", &cfg).await.unwrap();
    let pipe = admin
        .create_pipe(host, cap, "gw", Policy::RoundRobin)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let names = ["b0", "b1", "b2"];
    for (i, name) in names.iter().enumerate() {
        let key = Key::from_seed([10 + i as u8; 32]);
        funded(&net, &key).await;
        admin
            .add_endpoint(
                host,
                cap,
                &EndpointArgs {
                    server: key.address(),
                    label: name.to_string(),
                    region: String::new(),
                    weight: 1,
                    max_inflight: 0,
                    role: 0,
                },
            )
            .await
            .unwrap();
        // The daemon reads the Host: once the node's reads show the new endpoint.
        admin.sync().await.unwrap();
        let url = backend(name).await;
        let cfg = daemon_config(&net, &key, host, &[pipe], &url, &dir.path().join(name));
        tokio::spawn(async move {
            dtp_daemon::run::run(cfg, std::future::pending(), |_, _| {})
                .await
                .unwrap()
        });
    }
    // Wait until the three are healthy on chain.
    for _ in 0..100 {
        let h = admin.host(host).await.unwrap();
        if h.endpoints
            .iter()
            .filter(|e| e.ready && e.streak >= 1)
            .count()
            == 3
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let gw_client = funded(&net, &Key::from_seed([30; 32])).await;
    let mut gw_cfg = GatewayConfig::new("127.0.0.1:0".parse::<SocketAddr>().unwrap(), host, pipe);
    gw_cfg.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    let gw = dtp_gateway::start(gw_client, gw_cfg).await.unwrap();
    let http = reqwest::Client::new();
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    let mut seqs = Vec::new();
    for _ in 0..30 {
        let r = http
            .get(format!("{}/api/instance", gw.url()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers().contains_key("x-dtp-server"));
        assert_eq!(r.headers()["x-dtp-pipe"], pipe.to_string().as_str());
        seqs.push(
            r.headers()["x-dtp-seq"]
                .to_str()
                .unwrap()
                .parse::<u64>()
                .unwrap(),
        );
        let body: serde_json::Value = r.json().await.unwrap();
        *per.entry(body["instance"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        vec![10, 10, 10],
        "{per:?}"
    );
    assert_eq!(seqs, (0..30).collect::<Vec<u64>>());
    // Too large for the chain: 413 with a JSON reason, nothing sent.
    let r = http
        .post(format!("{}/upload", gw.url()))
        .body(vec![b'x'; 4_000])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"], "payload too large");
    assert_eq!(admin.pipe(pipe).await.unwrap().next_seq, 30);
    // Its metrics, on their own listener: every answer counted by status, none in flight.
    let m = http
        .get(format!("http://{}/metrics", gw.metrics_addr.unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in [
        "dtp_gateway_requests_total{status=\"200\"} 30".to_string(),
        "dtp_gateway_requests_total{status=\"413\"} 1".into(),
        "dtp_gateway_request_seconds_count 31".into(),
        "dtp_gateway_inflight 0".into(),
        // One at a time, every send went alone (no batching delay at one connection).
        format!("dtp_gateway_send_batches_total{{pipe=\"{pipe}\"}} 30"),
        format!("dtp_gateway_sends_total{{pipe=\"{pipe}\"}} 30"),
    ] {
        assert!(m.contains(&line), "{line} in\n{m}");
    }
    // The gateway key's balance, read at start: funded, less the sends' gas.
    let gas: u64 = m
        .lines()
        .find_map(|l| l.strip_prefix("dtp_gateway_gas_balance_mist "))
        .expect("the balance gauge")
        .parse()
        .unwrap();
    assert!(gas > 0, "{m}");
    // A pipe whose host has no healthy endpoint: 503.
    let (host2, cap2) = admin.create_host("empty", &cfg).await.unwrap();
    let pipe2 = admin
        .create_pipe(host2, cap2, "empty", Policy::RoundRobin)
        .await
        .unwrap();
    let gw2 = dtp_gateway::start(
        admin.clone(),
        GatewayConfig::new("127.0.0.1:0".parse().unwrap(), host2, pipe2),
    )
    .await
    .unwrap();
    let r = http.get(format!("{}/x", gw2.url())).send().await.unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"],
        "no healthy endpoint"
    );
    gw2.stop();

    // 60 requests at once: the sends that arrive while one is in flight go out together, so
    // there are fewer send transactions than requests; every request gets its own answer.
    let calls = (0..60).map(|_| {
        let (http, url) = (http.clone(), gw.url());
        async move {
            let r = http
                .get(format!("{url}/api/instance"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            r.headers()["x-dtp-seq"]
                .to_str()
                .unwrap()
                .parse::<u64>()
                .unwrap()
        }
    });
    let mut seqs = futures::future::join_all(calls).await;
    seqs.sort_unstable();
    assert_eq!(seqs, (30..90).collect::<Vec<u64>>(), "each its own request");
    let m = http
        .get(format!("http://{}/metrics", gw.metrics_addr.unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let count = |name: &str| -> u64 {
        m.lines()
            .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("{name} in\n{m}"))
    };
    assert_eq!(
        count(&format!("dtp_gateway_sends_total{{pipe=\"{pipe}\"}} ")),
        90
    );
    let batches = count(&format!(
        "dtp_gateway_send_batches_total{{pipe=\"{pipe}\"}} "
    )) - 30;
    assert!(
        batches < 60,
        "60 concurrent sends went in {batches} transactions"
    );
    println!("60 concurrent requests: {batches} send transactions");
    gw.stop();
    net.stop().await;
}
