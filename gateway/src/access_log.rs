//! The access log: one structured line per request (method, path, status, pipe, seq, server,
//! latency), through tracing at target `dtp_gateway::access`, level info. Off unless
//! `GatewayConfig::access_log`; the chain fields come from the response's `X-DTP-*` headers, so
//! a request refused before it reached the chain logs them empty.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// Middleware: logs the request once its response is ready.
pub async fn log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let resp = next.run(req).await;
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    tracing::info!(
        target: "dtp_gateway::access",
        method,
        path,
        status = resp.status().as_u16(),
        pipe = header("x-dtp-pipe"),
        seq = header("x-dtp-seq"),
        server = header("x-dtp-server"),
        latency_ms = started.elapsed().as_secs_f64() * 1_000.0,
        "request"
    );
    resp
}
