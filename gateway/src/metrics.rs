//! Prometheus metrics of the gateway, served at `/metrics` on their own listener
//! (`GatewayConfig::metrics_listen`): the gateway's own listener passes every path to the pipe.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus::{Histogram, HistogramOpts, IntCounterVec, IntGauge, Opts, Registry};

/// The gateway's metrics and their registry.
pub struct Metrics {
    registry: Registry,
    /// Answers by HTTP status.
    pub requests: IntCounterVec,
    /// Request received to response sent.
    pub latency: Histogram,
    /// Requests being answered.
    pub inflight: IntGauge,
    /// The SUI balance of the gateway's key (it pays every `send`).
    pub gas_balance: IntGauge,
    /// Send batches, by pipe.
    pub batches: IntCounterVec,
    /// Sends carried by them, by pipe.
    pub sends: IntCounterVec,
    /// Requests refused before anything was sent, by reason (rate_limited, overloaded).
    pub refused: IntCounterVec,
}

impl Metrics {
    /// The metrics, registered and at zero.
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("dtp_gateway_requests_total", "HTTP answers by status"),
            &["status"],
        )
        .expect("metric");
        let latency = Histogram::with_opts(
            HistogramOpts::new(
                "dtp_gateway_request_seconds",
                "Request received to response (through the chain and a backend)",
            )
            .buckets(vec![
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
            ]),
        )
        .expect("metric");
        let inflight =
            IntGauge::new("dtp_gateway_inflight", "Requests being answered").expect("metric");
        registry
            .register(Box::new(requests.clone()))
            .expect("register");
        registry
            .register(Box::new(latency.clone()))
            .expect("register");
        let gas_balance = IntGauge::new(
            "dtp_gateway_gas_balance_mist",
            "SUI balance of the gateway's key (pays every send)",
        )
        .expect("metric");
        for m in [inflight.clone(), gas_balance.clone()] {
            registry.register(Box::new(m)).expect("register");
        }
        let batches = IntCounterVec::new(
            Opts::new(
                "dtp_gateway_send_batches_total",
                "Send transactions (batches of sends) submitted, by pipe",
            ),
            &["pipe"],
        )
        .expect("metric");
        let sends = IntCounterVec::new(
            Opts::new(
                "dtp_gateway_sends_total",
                "Sends submitted, in batches, by pipe",
            ),
            &["pipe"],
        )
        .expect("metric");
        let refused = IntCounterVec::new(
            Opts::new(
                "dtp_gateway_refused_total",
                "Requests refused before anything was sent to the chain, by reason",
            ),
            &["reason"],
        )
        .expect("metric");
        // Every reason at 0 from the start, so dashboards see the series before a refusal.
        for reason in ["rate_limited", "overloaded"] {
            refused.with_label_values(&[reason]);
        }
        for c in [batches.clone(), sends.clone(), refused.clone()] {
            registry.register(Box::new(c)).expect("register");
        }
        Metrics {
            batches,
            sends,
            refused,
            registry,
            requests,
            latency,
            inflight,
            gas_balance,
        }
    }

    /// The batcher counters of `pipe` (its `pipe` label).
    pub fn batch(&self, pipe: sui_sdk_types::Address) -> crate::batcher::BatchMetrics {
        let label = pipe.to_string();
        crate::batcher::BatchMetrics {
            batches: self.batches.with_label_values(&[label.as_str()]),
            sends: self.sends.with_label_values(&[label.as_str()]),
        }
    }

    /// The Prometheus text of every metric.
    pub fn render(&self) -> String {
        dtp_sdk::service::render_metrics(&self.registry)
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Middleware: counts every answer by status and times it.
pub async fn track(State(m): State<Arc<Metrics>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    m.inflight.inc();
    let resp = next.run(req).await;
    m.inflight.dec();
    m.latency.observe(started.elapsed().as_secs_f64());
    m.requests
        .with_label_values(&[resp.status().as_str()])
        .inc();
    resp
}

/// How often the gateway's balance is read.
const GAS_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Below this many sends at the gas budget the balance is called low.
const LOW_GAS_SENDS: u64 = 1_000;

/// Reads the key's balance into the gauge now and every [`GAS_EVERY`]; warns when it is low.
pub async fn watch_gas(client: dtp_sdk::Client, m: Arc<Metrics>) {
    let Ok(me) = client.address() else { return };
    let mut tick = tokio::time::interval(GAS_EVERY);
    loop {
        tick.tick().await;
        let Ok(coins) = client.coins(me).await else {
            continue;
        };
        let balance: u64 = coins.iter().map(|c| c.1).fold(0, u64::saturating_add);
        m.gas_balance
            .set(i64::try_from(balance).unwrap_or(i64::MAX));
        let budget = client.config().gas_budget;
        if balance < budget.saturating_mul(LOW_GAS_SENDS) {
            tracing::warn!(balance, address = %me, "the gateway's gas is running low: fund this address");
        }
    }
}

/// Serves `GET /metrics` on `listener`, and `extra`'s routes beside it (the dashboard).
pub async fn serve(listener: tokio::net::TcpListener, m: Arc<Metrics>, extra: axum::Router) {
    let app = axum::Router::new()
        .route(
            "/metrics",
            axum::routing::get(move || {
                let m = m.clone();
                async move { m.render() }
            }),
        )
        .merge(extra);
    if let Err(e) = axum::serve(listener, app).await {
        tracing::error!(error = %e, "gateway metrics server failed");
    }
}

/// Binds the metrics listener.
pub async fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await
}
