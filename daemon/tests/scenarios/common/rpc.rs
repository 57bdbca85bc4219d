//! Talking to the running processes over HTTP: a daemon's admin JSON-RPC API, a sample backend's
//! admin switches, and HTTP envelopes for payloads.

use std::time::Duration;

use dtp_protocol::envelope::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::Proc;

/// The admin API of a daemon, from its start line `... (admin Some(127.0.0.1:port), ...`.
pub fn admin_url(p: &Proc) -> String {
    let s = p
        .line
        .split("admin Some(")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .expect("admin address in the start line");
    format!("http://{s}")
}

/// The `/metrics` URL of a daemon, from its start line `... metrics Some(127.0.0.1:port))`.
#[allow(dead_code)]
pub fn metrics_url(p: &Proc) -> String {
    let s = p
        .line
        .split("metrics Some(")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .expect("metrics address in the start line");
    format!("http://{s}/metrics")
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// POSTs `body` as is to the daemon's admin API; returns the JSON answer.
pub async fn rpc_raw(p: &Proc, body: &str) -> Value {
    http()
        .post(admin_url(p))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("admin API reachable")
        .json()
        .await
        .expect("a JSON answer")
}

/// Calls `method` without parameters; returns its result (panics on a JSON-RPC error).
pub async fn rpc(p: &Proc, method: &str) -> Value {
    let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": []});
    let v = rpc_raw(p, &body.to_string()).await;
    assert!(v.get("error").is_none(), "{method}: {v}");
    v["result"].clone()
}

/// The daemon's `dtpd_counters`, as `name -> value`.
pub async fn counter(p: &Proc, name: &str) -> u64 {
    rpc(p, "dtpd_counters").await[name]
        .as_u64()
        .unwrap_or_else(|| panic!("counter {name}"))
}

/// Waits until counter `name` of the daemon reaches `at_least` (within `timeout`, else panics
/// saying `what` did not happen).
pub async fn wait_counter(p: &Proc, name: &str, at_least: u64, timeout: Duration, what: &str) {
    let end = tokio::time::Instant::now() + timeout;
    while counter(p, name).await < at_least {
        assert!(
            tokio::time::Instant::now() < end,
            "{what}: {}",
            rpc(p, "dtpd_counters").await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Flips a sample backend's `/health` answer (`POST /admin/healthy` or `/admin/unhealthy`).
pub async fn set_backend_health(url: &str, healthy: bool) {
    let path = if healthy { "healthy" } else { "unhealthy" };
    let r = http()
        .post(format!("{url}/admin/{path}"))
        .send()
        .await
        .expect("backend reachable");
    assert!(
        r.status().is_success(),
        "{url}/admin/{path}: {}",
        r.status()
    );
}

/// GETs `path` from a backend directly (not through dtp).
pub async fn backend_get(url: &str, path: &str) -> Value {
    http()
        .get(format!("{url}{path}"))
        .send()
        .await
        .expect("backend reachable")
        .json()
        .await
        .expect("a JSON answer")
}

/// A payload asking for `method path` with `body`.
pub fn http_payload(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    HttpRequest {
        method: method.into(),
        path: path.into(),
        headers: vec![],
        body: body.to_vec(),
    }
    .encode()
}

/// A response payload as an HTTP envelope (panics if it is not one).
pub fn http_answer(bytes: &[u8]) -> HttpResponse {
    HttpResponse::decode(bytes)
        .expect("an HTTP envelope")
        .expect("a well-formed envelope")
}
