//! The admin JSON-RPC API (jsonrpsee, loopback by default) and the Prometheus `/metrics` endpoint.
//!
//! Methods: `dtpd_status`, `dtpd_requests`, `dtpd_backends`, `dtpd_counters`, `dtpd_drain`,
//! `dtpd_resume`. None takes parameters; a call with parameters or an unknown method gets a
//! JSON-RPC error and changes nothing. With `daemon.admin_token` both the API and `/metrics`
//! answer 401 unless the request carries `Authorization: Bearer <token>`.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use anyhow::{Context, Result};
use jsonrpsee::server::{RpcModule, Server, ServerHandle};
use jsonrpsee::types::{ErrorObjectOwned, Params};
use serde_json::{json, Value};

use crate::daemon::{Daemon, Work};

/// Accepts a request only with `Authorization: Bearer <token>` (else 401, nothing run); the
/// comparison takes the same time wherever the tokens differ.
pub struct Bearer<B> {
    expected: Vec<u8>,
    _body: std::marker::PhantomData<fn() -> B>,
}

impl<B> Clone for Bearer<B> {
    fn clone(&self) -> Self {
        Bearer {
            expected: self.expected.clone(),
            _body: std::marker::PhantomData,
        }
    }
}

impl<B> Bearer<B> {
    /// Expects `token`.
    pub fn new(token: &str) -> Self {
        Bearer {
            expected: format!("Bearer {token}").into_bytes(),
            _body: std::marker::PhantomData,
        }
    }

    fn matches(&self, got: &[u8]) -> bool {
        got.len() == self.expected.len()
            && got
                .iter()
                .zip(&self.expected)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

impl<Req, B: Default> tower_http::validate_request::ValidateRequest<Req> for Bearer<B> {
    type ResponseBody = B;

    fn validate(
        &mut self,
        req: &mut axum::http::Request<Req>,
    ) -> std::result::Result<(), axum::http::Response<B>> {
        let ok = req
            .headers()
            .get(axum::http::header::AUTHORIZATION)
            .is_some_and(|v| self.matches(v.as_bytes()));
        if ok {
            return Ok(());
        }
        let mut r = axum::http::Response::new(B::default());
        *r.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
        r.headers_mut().insert(
            axum::http::header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer"),
        );
        Err(r)
    }
}

fn no_params(p: &Params) -> Result<(), ErrorObjectOwned> {
    match p.as_str() {
        None | Some("[]") | Some("{}") => Ok(()),
        Some(other) => Err(ErrorObjectOwned::owned(
            -32602,
            format!("this method takes no parameters, got {other}"),
            None::<()>,
        )),
    }
}

pub fn status(d: &Daemon) -> Value {
    json!({
        "address": d.me.to_string(),
        "host": d.host_id().to_string(),
        "pipes": d.cfg.chain.pipes.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        "cursor": d.progress.cursor(),
        "ready": d.pool.any_healthy() && !d.is_draining(),
        "draining": d.is_draining(),
        "serving": d.serving.len(),
        "tracked": d.tracker.pending.len(),
        "last_heartbeat_ms": d.progress.last_heartbeat_ms(),
        "gas_balance_mist": d.progress.gas_balance(),
    })
}

fn requests(d: &Daemon) -> Value {
    let serving = d.serving.snapshot();
    Value::Array(
        d.tracker
            .mine(d.me)
            .into_iter()
            .map(|(pipe, seq, t)| json!({ "pipe": pipe.to_string(), "seq": seq, "attempt": t.attempt, "deadline_ms": t.deadline_ms, "claimed": t.claimed, "serving": serving.contains(&Work { pipe, seq, attempt: t.attempt }) }))
            .collect(),
    )
}

fn backends(d: &Daemon) -> Value {
    Value::Array(
        d.pool
            .backends
            .iter()
            .map(|b| json!({ "url": b.url, "weight": b.weight, "healthy": b.healthy.load(Ordering::Relaxed), "inflight": b.inflight.load(Ordering::Relaxed), "max_inflight": b.max_inflight }))
            .collect(),
    )
}

fn counters(d: &Daemon) -> Value {
    let m = &d.metrics;
    let fenced: u64 = ["stale_attempt", "not_assignee", "unknown_request"]
        .iter()
        .map(|r| m.fenced.with_label_values(&[r]).get())
        .sum();
    json!({ "assigned": m.assigned.get(), "completed": m.completed.get(), "failed": m.failed.get(), "taken_over": m.taken_over.get(), "released": m.released.get(), "fenced": fenced, "chain_errors": m.chain_errors.get(), "request_reads": m.request_reads.get(), "batched_calls": m.batched_calls.get(), "call_transactions": m.call_transactions.get(), "swept_mist": m.swept_mist.get() })
}

/// Starts the admin API on `addr`.
pub async fn start(d: Arc<Daemon>, addr: SocketAddr) -> Result<(SocketAddr, ServerHandle)> {
    let config = jsonrpsee::server::ServerConfig::builder()
        .max_request_body_size(64 * 1024)
        .build();
    let auth =
        d.cfg.daemon.admin_token.as_deref().map(|t| {
            tower_http::validate_request::ValidateRequestHeaderLayer::custom(Bearer::new(t))
        });
    let server = Server::builder()
        .set_config(config)
        .set_http_middleware(tower::ServiceBuilder::new().option_layer(auth))
        .build(addr)
        .await
        .with_context(|| format!("admin API on {addr}"))?;
    let bound = server.local_addr()?;
    let mut m = RpcModule::new(d);
    m.register_method("dtpd_status", |p, d, _| no_params(&p).map(|_| status(d)))?;
    m.register_method("dtpd_requests", |p, d, _| {
        no_params(&p).map(|_| requests(d))
    })?;
    m.register_method("dtpd_backends", |p, d, _| {
        no_params(&p).map(|_| backends(d))
    })?;
    m.register_method("dtpd_counters", |p, d, _| {
        no_params(&p).map(|_| counters(d))
    })?;
    m.register_async_method("dtpd_drain", |p, d, _| async move {
        no_params(&p)?;
        d.set_draining(true);
        d.client
            .drain_self(d.host_id())
            .await
            .map_err(|e| ErrorObjectOwned::owned(-32000, e.to_string(), None::<()>))?;
        Ok::<_, ErrorObjectOwned>(status(&d))
    })?;
    m.register_async_method("dtpd_resume", |p, d, _| async move {
        no_params(&p)?;
        d.client
            .resume_self(d.host_id())
            .await
            .map_err(|e| ErrorObjectOwned::owned(-32000, e.to_string(), None::<()>))?;
        d.set_draining(false);
        Ok::<_, ErrorObjectOwned>(status(&d))
    })?;
    Ok((bound, server.start(m)))
}

/// Serves `/metrics` on `addr`.
pub async fn metrics(
    d: Arc<Daemon>,
    addr: SocketAddr,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("metrics on {addr}"))?;
    let bound = listener.local_addr()?;
    let token = d.cfg.daemon.admin_token.clone();
    let mut app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || async move { d.metrics.render() }),
    );
    if let Some(t) = token {
        app = app.layer(
            tower_http::validate_request::ValidateRequestHeaderLayer::custom(Bearer::new(&t)),
        );
    }
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((bound, task))
}
