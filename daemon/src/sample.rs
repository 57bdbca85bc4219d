//! The sample backend (`dtp-sample`, `dtp sample`): a small HTTP backend for demos and tests. `GET /health` answers 200 (or 503 after
//! `POST /admin/unhealthy`, until `POST /admin/healthy`); `GET /api/instance` reports its name,
//! uptime and request count; any other request is echoed back as JSON. `--delay-ms` slows every
//! answer (to hold work in flight), a `delay_ms=N` query parameter slows one answer (a backend
//! that hangs); `--fail` answers 500 to everything but `/health`.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use clap::Parser;
use serde_json::json;

/// A sample backend for dtp demos and tests.
#[derive(Parser, Debug, Clone)]
#[command(name = "dtp-sample", version)]
pub struct SampleArgs {
    /// Listen address (port 0 picks a free port; the bound address is printed).
    #[arg(long, default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,
    /// Instance name reported by /api/instance.
    #[arg(long, default_value = "sample")]
    pub name: String,
    /// Delay before every answer (not /health), in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub delay_ms: u64,
    /// Answer 500 to every request but /health.
    #[arg(long)]
    pub fail: bool,
}

struct App {
    pub name: String,
    started: Instant,
    requests: AtomicU64,
    healthy: AtomicBool,
    delay: Duration,
    pub fail: bool,
}

async fn health(State(a): State<Arc<App>>) -> impl IntoResponse {
    if a.healthy.load(Ordering::Relaxed) {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unhealthy")
    }
}

async fn set_health(State(a): State<Arc<App>>, uri: Uri) -> impl IntoResponse {
    a.healthy
        .store(uri.path().ends_with("/healthy"), Ordering::Relaxed);
    StatusCode::NO_CONTENT
}

async fn answer(a: &App, uri: &Uri, body: serde_json::Value) -> axum::response::Response {
    let n = a.requests.fetch_add(1, Ordering::Relaxed) + 1;
    let extra = uri
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("delay_ms=")?.parse().ok())
        .unwrap_or(0);
    let delay = a.delay + Duration::from_millis(extra);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if a.fail {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({ "instance": a.name, "error": "configured to fail" })),
        )
            .into_response();
    }
    let mut body = body;
    body["instance"] = json!(a.name);
    body["requests"] = json!(n);
    body["uptime_ms"] = json!(a.started.elapsed().as_millis() as u64);
    Json(body).into_response()
}

async fn instance(State(a): State<Arc<App>>, uri: Uri) -> axum::response::Response {
    answer(&a, &uri, json!({})).await
}

async fn echo(
    State(a): State<Arc<App>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> axum::response::Response {
    answer(&a, &uri, json!({ "method": method.as_str(), "path": uri.to_string(), "body": String::from_utf8_lossy(&body) })).await
}

/// Binds `args.listen`, prints `listening on http://<addr>` and serves until the task is dropped.
pub async fn serve(args: SampleArgs) -> anyhow::Result<()> {
    let app = Arc::new(App {
        name: args.name,
        started: Instant::now(),
        requests: AtomicU64::new(0),
        healthy: AtomicBool::new(true),
        delay: Duration::from_millis(args.delay_ms),
        fail: args.fail,
    });
    let router = Router::new()
        .route("/health", get(health))
        .route("/admin/healthy", post(set_health))
        .route("/admin/unhealthy", post(set_health))
        .route("/api/instance", get(instance))
        .fallback(echo)
        .with_state(app);
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router).await?;
    Ok(())
}
