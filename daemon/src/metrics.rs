//! Prometheus metrics of the daemon, served at `/metrics`.

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
};

pub struct Metrics {
    pub registry: Registry,
    /// Assignments to this server seen (Assigned or Reassigned to it).
    pub assigned: IntCounter,
    pub completed: IntCounter,
    /// Completed with ok = false (backend failure or bad payload).
    pub failed: IntCounter,
    pub taken_over: IntCounter,
    pub released: IntCounter,
    /// Our calls refused by the fence (stale attempt, not assignee, already gone).
    pub fenced: IntCounterVec,
    pub backend_latency: HistogramVec,
    pub backend_errors: IntCounterVec,
    /// Requests served end to end (claim to complete).
    pub serve_latency: Histogram,
    pub inflight: IntGauge,
    /// Checkpoints between the chain's tip and our cursor.
    pub event_lag: IntGauge,
    /// Milliseconds since the last successful heartbeat transaction.
    pub heartbeat_age_ms: IntGauge,
    pub chain_errors: IntCounter,
    /// The key's SUI balance (all its coins), read every few heartbeats.
    pub gas_balance: IntGauge,
    /// Requests whose payload had to be read from the Pipe before serving (not from `Assigned`):
    /// reassigned work, work near or past its deadline, a restart's seed.
    pub request_reads: IntCounter,
    /// Calls executed through the per-pipe group commit, and the transactions they went in.
    pub batched_calls: IntCounter,
    pub call_transactions: IntCounter,
    /// MIST sent to `sweep.to` (the balance above `sweep.above_mist`).
    pub swept_mist: IntCounter,
}

fn counter(r: &Registry, name: &str, help: &str) -> IntCounter {
    let c = IntCounter::new(name, help).expect("metric");
    r.register(Box::new(c.clone())).expect("register");
    c
}

fn gauge(r: &Registry, name: &str, help: &str) -> IntGauge {
    let g = IntGauge::new(name, help).expect("metric");
    r.register(Box::new(g.clone())).expect("register");
    g
}

impl Metrics {
    pub fn new() -> Metrics {
        let r = Registry::new();
        let fenced = IntCounterVec::new(
            Opts::new("dtpd_fenced_total", "Calls refused by the fence, by reason"),
            &["reason"],
        )
        .expect("metric");
        r.register(Box::new(fenced.clone())).expect("register");
        // Every reason at 0 from the start, so dashboards see the series before a fence.
        for reason in ["stale_attempt", "not_assignee", "unknown_request"] {
            fenced.with_label_values(&[reason]);
        }
        let backend_latency = HistogramVec::new(
            HistogramOpts::new("dtpd_backend_latency_seconds", "Backend call latency"),
            &["backend"],
        )
        .expect("metric");
        r.register(Box::new(backend_latency.clone()))
            .expect("register");
        let backend_errors = IntCounterVec::new(
            Opts::new(
                "dtpd_backend_errors_total",
                "Backend connect errors, timeouts and 5xx",
            ),
            &["backend"],
        )
        .expect("metric");
        r.register(Box::new(backend_errors.clone()))
            .expect("register");
        let serve_latency = Histogram::with_opts(HistogramOpts::new(
            "dtpd_serve_latency_seconds",
            "Claim to complete",
        ))
        .expect("metric");
        r.register(Box::new(serve_latency.clone()))
            .expect("register");
        Metrics {
            assigned: counter(&r, "dtpd_assignments_total", "Assignments to this server"),
            completed: counter(
                &r,
                "dtpd_completed_total",
                "Requests completed by this server",
            ),
            failed: counter(&r, "dtpd_failed_total", "Requests completed as failed"),
            taken_over: counter(
                &r,
                "dtpd_taken_over_total",
                "Expired requests this server took over",
            ),
            released: counter(&r, "dtpd_released_total", "Requests given back on shutdown"),
            inflight: gauge(&r, "dtpd_inflight", "Requests being served"),
            event_lag: gauge(
                &r,
                "dtpd_event_lag_checkpoints",
                "Checkpoints behind the chain tip",
            ),
            heartbeat_age_ms: gauge(
                &r,
                "dtpd_heartbeat_age_ms",
                "Milliseconds since the last heartbeat landed",
            ),
            chain_errors: counter(
                &r,
                "dtpd_chain_errors_total",
                "Failed chain calls (retried)",
            ),
            gas_balance: gauge(
                &r,
                "dtpd_gas_balance_mist",
                "SUI balance of the daemon's key (pays its transactions)",
            ),
            request_reads: counter(
                &r,
                "dtpd_request_reads_total",
                "Pending requests read from the chain before serving (the hot path reads none)",
            ),
            batched_calls: counter(
                &r,
                "dtpd_batched_calls_total",
                "Completes, claims, releases and takeovers executed (successfully) through the group commit",
            ),
            call_transactions: counter(
                &r,
                "dtpd_call_transactions_total",
                "Transactions those calls went in (calls / transactions = the batch size)",
            ),
            swept_mist: counter(
                &r,
                "dtpd_swept_mist_total",
                "MIST swept to sweep.to (the key's balance above sweep.above_mist)",
            ),
            fenced,
            backend_latency,
            backend_errors,
            serve_latency,
            registry: r,
        }
    }

    /// Counts a group's successful calls and the distinct transactions they went in.
    pub fn record_batch(&self, results: &[dtp_sdk::CallResult]) {
        let digests: std::collections::HashSet<_> =
            results.iter().flatten().map(|o| o.digest).collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        self.batched_calls.inc_by(ok as u64);
        self.call_transactions.inc_by(digests.len() as u64);
    }

    pub fn render(&self) -> String {
        dtp_sdk::service::render_metrics(&self.registry)
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
