//! With `daemon.admin_token`, the daemon's admin API and `/metrics` answer only requests that
//! carry `Authorization: Bearer <token>`: without it (or with another) 401 and nothing changes
//! (a refused `dtpd_drain` leaves the server serving).

use std::time::Duration;

use crate::common::*;
use dtp_protocol::{HostConfig, Policy};
use serde_json::json;

const TOKEN: &str = "test-token-0123456789";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_api_and_metrics_need_the_token() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        ..HostConfig::default()
    };
    let d = deploy(1, cfg, Policy::RoundRobin).await;
    let backend = sample("b0", 0);
    let daemon = d.dtpd(&d.config_with(
        0,
        std::slice::from_ref(&backend.1),
        &[("daemon.admin_token", &format!("\"{TOKEN}\""))],
    ));
    d.wait_healthy(&[0], true).await;
    let admin = admin_url(&daemon);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let drain = json!({"jsonrpc": "2.0", "id": 1, "method": "dtpd_drain", "params": []});
    for auth in [None, Some("Bearer wrong-token-0123456789")] {
        let mut req = http.post(&admin).json(&drain);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        assert_eq!(req.send().await.unwrap().status(), 401, "{auth:?}");
    }
    // Nothing changed: the server is still healthy and not draining.
    let status = json!({"jsonrpc": "2.0", "id": 2, "method": "dtpd_status", "params": []});
    let r: serde_json::Value = http
        .post(&admin)
        .bearer_auth(TOKEN)
        .json(&status)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["result"]["draining"], false, "{r}");
    assert!(d.endpoint(0).await.state == 0, "still UP on chain");

    let metrics = metrics_url(&daemon);
    assert_eq!(http.get(&metrics).send().await.unwrap().status(), 401);
    let text = http
        .get(&metrics)
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("dtpd_completed_total"), "{text}");
    drop(daemon);
    d.net.stop().await;
}
