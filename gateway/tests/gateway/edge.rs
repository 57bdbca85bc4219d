//! The gateway as an edge, on loopback against an embedded localnet with one server: a burst past
//! a client's token bucket gets 429s with Retry-After and the chain receives no send for them;
//! past the bound on waiting requests the answer is 503 at once; HTTPS with a generated CA, plain
//! HTTP to the TLS port failing cleanly, a certificate reload that keeps an open connection
//! working; bad TLS or admission settings refused at start, naming the field; a load at many
//! times what the gateway admits sees only 200 and 503, never a hang, and the history verifies.

use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use dtp_gateway::admission::Limit;
use dtp_gateway::tls::{self_signed, TlsFiles};
use dtp_gateway::GatewayConfig;

use crate::common::*;

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

/// The Pipe's `next_seq` once the node's reads show at least `at_least` sends, then a moment
/// later (so a send that should not exist would have shown too).
async fn sends(d: &OneServer, at_least: u64) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    while d.admin.pipe(d.pipe).await.unwrap().next_seq < at_least {
        assert!(
            Instant::now() < deadline,
            "fewer than {at_least} sends on chain"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    d.admin.pipe(d.pipe).await.unwrap().next_seq
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_past_the_bucket_gets_429s_and_costs_the_chain_nothing() {
    let d = one_server().await;
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.admission.per_client = Some(Limit {
        per_second: nz(1),
        burst: nz(3),
    });
    cfg.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    let (url, metrics) = (gw.url(), gw.metrics_addr.unwrap());
    let http = reqwest::Client::new();
    // Ten at once from one client (one IP): the bucket holds three.
    let answers = futures::future::join_all((0..10).map(|i| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let r = http.get(format!("{url}/api/x?i={i}")).send().await.unwrap();
            let retry = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            let status = r.status().as_u16();
            let body: serde_json::Value = r.json().await.unwrap_or_default();
            (status, retry, body)
        }
    }))
    .await;
    let ok = answers.iter().filter(|a| a.0 == 200).count();
    let limited: Vec<_> = answers.iter().filter(|a| a.0 == 429).collect();
    assert_eq!((ok, limited.len()), (3, 7), "{answers:?}");
    for (_, retry, body) in &limited {
        let secs: u64 = retry.as_deref().expect("Retry-After").parse().unwrap();
        assert!((1..=2).contains(&secs), "Retry-After {secs}");
        assert_eq!(body["error"], "rate_limited");
    }
    // The chain saw the three admitted sends and nothing else.
    assert_eq!(sends(&d, 3).await, 3);
    let text = reqwest::get(format!("http://{metrics}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("dtp_gateway_refused_total{reason=\"rate_limited\"} 7"),
        "{text}"
    );
    // Once the bucket refills the client is served again.
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let r = http.get(format!("{url}/api/again")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    gw.stop();
    d.net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_waiting_bound_requests_get_503_at_once() {
    let d = one_server().await;
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.admission.max_waiting = 2;
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    let url = gw.url();
    let http = reqwest::Client::new();
    // Two slow requests take both places (the backend holds each a second).
    let slow: Vec<_> = (0..2)
        .map(|_| {
            let (http, url) = (http.clone(), url.clone());
            tokio::spawn(async move {
                http.get(format!("{url}/slow"))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    for i in 0..5 {
        let r = http.get(format!("{url}/api/x?i={i}")).send().await.unwrap();
        assert_eq!(r.status(), 503);
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["error"], "overloaded");
    }
    let refusing = started.elapsed();
    for s in slow {
        assert_eq!(s.await.unwrap(), 200, "the admitted requests are answered");
    }
    // The refusals did not wait for the slow ones (each of those takes over a second).
    assert!(
        refusing < Duration::from_millis(900),
        "refusals took {refusing:?}"
    );
    assert_eq!(
        sends(&d, 2).await,
        2,
        "only the admitted requests were sent"
    );
    gw.stop();
    d.net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_gets_only_answers_and_refusals_and_loses_nothing() {
    let d = one_server().await;
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.admission.max_waiting = 4;
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    // 8 clients, 15 requests each, no pause: twice what may wait, for a few seconds.
    let clients = (0..8).map(|c| {
        let (http, url) = (http.clone(), gw.url());
        async move {
            let mut codes = Vec::new();
            for i in 0..15 {
                let r = http.get(format!("{url}/api/c{c}/r{i}")).send().await;
                codes.push(
                    r.expect("every request is answered (no hang)")
                        .status()
                        .as_u16(),
                );
            }
            codes
        }
    });
    let codes: Vec<u16> = futures::future::join_all(clients).await.concat();
    let ok = codes.iter().filter(|c| **c == 200).count() as u64;
    let refused = codes.iter().filter(|c| **c == 503).count();
    assert_eq!(
        ok as usize + refused,
        codes.len(),
        "only 200 and 503: {codes:?}"
    );
    assert!(ok > 0 && refused > 0, "{ok} answered, {refused} refused");
    // The chain holds exactly the admitted requests, all completed once, as the policy says.
    assert_eq!(sends(&d, ok).await, ok);
    d.admin.sync().await.unwrap();
    let h = d
        .admin
        .history(
            d.pipe,
            dtp_sdk::replay::HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    let report = dtp_sdk::replay::verify(&h);
    assert!(report.ok(), "{:?}", report.violations);
    let tl = dtp_sdk::replay::timelines(d.pipe, &h.events);
    let summary = dtp_sdk::replay::summarize(&tl);
    assert_eq!((tl.len() as u64, summary.completed), (ok, ok));
    gw.stop();
    d.net.stop().await;
}

fn trusting(ca: &std::path::Path) -> reqwest::Client {
    let pem = std::fs::read(ca).unwrap();
    reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_with_a_generated_ca_and_a_reload_that_keeps_connections() {
    let d = one_server().await;
    let a = self_signed(&d.dir.path().join("a")).unwrap();
    let b = self_signed(&d.dir.path().join("b")).unwrap();
    // The files the gateway serves, replaced later by b's.
    let live = TlsFiles {
        cert: d.dir.path().join("cert.pem"),
        key: d.dir.path().join("key.pem"),
    };
    std::fs::copy(&a.files.cert, &live.cert).unwrap();
    std::fs::copy(&a.files.key, &live.key).unwrap();
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.tls = Some(live.clone());
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    let url = gw.url();
    assert!(url.starts_with("https://localhost:"), "{url}");

    let old = trusting(&a.ca);
    let r = old.get(format!("{url}/api/tls")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-dtp-seq"));

    // Plain HTTP to the TLS port: no HTTP answer, and the gateway goes on.
    let plain = reqwest::get(format!("http://127.0.0.1:{}/api/plain", gw.addr.port())).await;
    assert!(
        plain.as_ref().map_or(true, |r| !r.status().is_success()),
        "{plain:?}"
    );
    // A client that does not trust the CA is refused by the handshake.
    assert!(reqwest::get(format!("{url}/api/x")).await.is_err());

    // Reload: b's pair replaces a's on disk; new connections get b's certificate.
    std::fs::copy(&b.files.key, &live.key).unwrap();
    std::fs::copy(&b.files.cert, &live.cert).unwrap();
    let new = trusting(&b.ca);
    let deadline = Instant::now() + Duration::from_secs(15);
    while new.get(format!("{url}/api/new")).send().await.is_err() {
        assert!(
            Instant::now() < deadline,
            "the new certificate was not loaded"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The connection opened before the reload still works (it keeps its session).
    let r = old
        .get(format!("{url}/api/old-connection"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A new connection that trusts only the old CA fails now.
    assert!(trusting(&a.ca)
        .get(format!("{url}/api/x"))
        .send()
        .await
        .is_err());
    gw.stop();
    d.net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_edge_settings_are_refused_at_start_naming_the_field() {
    let d = one_server().await;
    let a = self_signed(&d.dir.path().join("a")).unwrap();
    let b = self_signed(&d.dir.path().join("b")).unwrap();
    let start = |tls: Option<TlsFiles>, max_waiting: usize| {
        let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
        cfg.tls = tls;
        cfg.admission.max_waiting = max_waiting;
        dtp_gateway::start(d.admin.clone(), cfg)
    };
    let missing = TlsFiles {
        cert: d.dir.path().join("missing.pem"),
        key: a.files.key.clone(),
    };
    let e = start(Some(missing), 10).await.err().unwrap().to_string();
    assert!(e.contains("cert_file") && e.contains("missing.pem"), "{e}");
    let mismatched = TlsFiles {
        cert: a.files.cert.clone(),
        key: b.files.key.clone(),
    };
    let e = start(Some(mismatched), 10).await.err().unwrap().to_string();
    assert!(e.contains("key_file"), "{e}");
    let e = start(None, 0).await.err().unwrap().to_string();
    assert!(e.contains("max_waiting"), "{e}");
    assert_eq!(
        d.admin.pipe(d.pipe).await.unwrap().next_seq,
        0,
        "nothing was sent"
    );
    d.net.stop().await;
}
