//! Admission control: what a request must pass before it costs the chain anything.
//!
//! Every `send` is paid by the gateway's key, so a gateway open to the world must decide whom it
//! serves before it signs. Three checks, in order, each answering at once and sending nothing:
//!
//! 1. **Token buckets** ([`governor`], GCRA): one per client (its IP, or its affinity key when
//!    [`RateKey::Affinity`] and the request has one), one per configured route prefix, and a global
//!    one. A request over any of them gets `429 Too Many Requests` with `Retry-After` (whole
//!    seconds until the bucket has a token again).
//! 2. **A bound on waiting requests** (in flight through the chain plus queued for a batch):
//!    past it, `503` with a short JSON body, never an unbounded queue.
//!
//! Refusals are counted in `dtp_gateway_refused_total{reason}`.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use prometheus::IntCounterVec;
use serde_json::json;
use tokio::sync::Semaphore;

use crate::config::KeySource;

/// A token bucket: `per_second` requests per second on average, `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Sustained requests per second.
    pub per_second: NonZeroU32,
    /// Requests allowed at once (the bucket's size).
    pub burst: NonZeroU32,
}

impl Limit {
    /// `per_second` with a burst of the same size.
    pub fn per_second(per_second: NonZeroU32) -> Limit {
        Limit {
            per_second,
            burst: per_second,
        }
    }

    fn quota(self) -> Quota {
        Quota::per_second(self.per_second).allow_burst(self.burst)
    }
}

/// What identifies a client to its bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateKey {
    /// The peer's IP address.
    #[default]
    Ip,
    /// The request's affinity key (the gateway's `key_source`), else its IP.
    Affinity,
}

/// The admission settings of a gateway (all off but the waiting bound by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdmissionConfig {
    /// One bucket per client.
    pub per_client: Option<Limit>,
    /// What a client is.
    pub rate_key: RateKey,
    /// One bucket per path prefix (the longest matching prefix applies), shared by all clients.
    pub routes: Vec<(String, Limit)>,
    /// One bucket for everything.
    pub global: Option<Limit>,
    /// Requests waiting in the gateway at most (in flight + queued); past it, 503.
    pub max_waiting: usize,
}

impl Default for AdmissionConfig {
    fn default() -> Self {
        AdmissionConfig {
            per_client: None,
            rate_key: RateKey::Ip,
            routes: Vec::new(),
            global: None,
            max_waiting: 4_096,
        }
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Over a token bucket: retry after this long.
    RateLimited(Duration),
    /// Too many requests waiting already.
    Overloaded,
}

/// The buckets and the waiting bound of a running gateway.
pub struct Admission {
    per_client: Option<DefaultKeyedRateLimiter<Vec<u8>>>,
    rate_key: RateKey,
    key_source: KeySource,
    routes: Vec<(String, DefaultDirectRateLimiter)>,
    global: Option<DefaultDirectRateLimiter>,
    waiting: Arc<Semaphore>,
    max_waiting: usize,
    refused: IntCounterVec,
    /// The buckets' clock, made once (making one reads the CPU's calibration).
    clock: DefaultClock,
}

impl Admission {
    /// The admission of a gateway whose affinity key comes from `key_source`; refusals count in
    /// `refused` (label `reason`).
    pub fn new(cfg: &AdmissionConfig, key_source: KeySource, refused: IntCounterVec) -> Admission {
        let mut routes: Vec<_> = cfg
            .routes
            .iter()
            .map(|(p, l)| (p.clone(), RateLimiter::direct(l.quota())))
            .collect();
        // Longest prefix first, so the first match is the most specific.
        routes.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Admission {
            per_client: cfg.per_client.map(|l| RateLimiter::keyed(l.quota())),
            rate_key: cfg.rate_key,
            key_source,
            routes,
            global: cfg.global.map(|l| RateLimiter::direct(l.quota())),
            waiting: Arc::new(Semaphore::new(cfg.max_waiting)),
            max_waiting: cfg.max_waiting,
            refused,
            clock: DefaultClock::default(),
        }
    }

    /// Checks the buckets for a request from `client` to `path`: `Err` with the wait until the
    /// tightest refusing bucket has a token. A refused request takes no token from the buckets
    /// checked after the one that refused it.
    pub fn check_rate(&self, client: &[u8], path: &str) -> Result<(), Refusal> {
        let refuse =
            |n: governor::NotUntil<_>| Refusal::RateLimited(n.wait_time_from(self.clock.now()));
        if let Some(l) = &self.per_client {
            l.check_key(&client.to_vec()).map_err(refuse)?;
        }
        if let Some((_, l)) = self
            .routes
            .iter()
            .find(|(p, _)| path.starts_with(p.as_str()))
        {
            l.check().map_err(refuse)?;
        }
        if let Some(l) = &self.global {
            l.check().map_err(refuse)?;
        }
        Ok(())
    }

    /// Whether any bucket is configured (without one, requests skip the rate check).
    fn limits_rate(&self) -> bool {
        self.per_client.is_some() || !self.routes.is_empty() || self.global.is_some()
    }

    /// Forgets clients whose buckets are full again (bounds the memory of the per-client map).
    pub fn forget_idle_clients(&self) {
        if let Some(l) = &self.per_client {
            l.retain_recent();
        }
    }

    fn client_key(&self, req: &Request, peer: SocketAddr) -> Vec<u8> {
        if self.rate_key == RateKey::Affinity {
            let key = crate::server::affinity_key(&self.key_source, req.headers(), peer);
            if !key.is_empty() {
                return key;
            }
        }
        peer.ip().to_string().into_bytes()
    }

    fn refuse(&self, r: Refusal) -> Response {
        let (status, reason, detail) = match r {
            Refusal::RateLimited(wait) => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("over the rate limit; retry in {} ms", wait.as_millis()),
            ),
            Refusal::Overloaded => (
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                format!("{} requests are waiting already", self.max_waiting),
            ),
        };
        self.refused.with_label_values(&[reason]).inc();
        let mut resp = (
            status,
            axum::Json(json!({ "error": reason, "detail": detail })),
        )
            .into_response();
        if let Refusal::RateLimited(wait) = r {
            // Whole seconds, rounded up, at least 1 (RFC 9110 delay-seconds).
            let secs = wait.as_millis().div_ceil(1_000).max(1) as u64;
            resp.headers_mut()
                .insert("retry-after", HeaderValue::from(secs));
        }
        resp
    }
}

/// Middleware: admits a request (buckets, then the waiting bound) or refuses it at once.
pub async fn admit(
    State(a): State<Arc<Admission>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    if a.limits_rate() {
        let client = a.client_key(&req, peer);
        if let Err(r) = a.check_rate(&client, req.uri().path()) {
            return a.refuse(r);
        }
    }
    let Ok(permit) = a.waiting.clone().try_acquire_owned() else {
        return a.refuse(Refusal::Overloaded);
    };
    let resp = next.run(req).await;
    drop(permit);
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nz(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap()
    }

    fn admission(cfg: AdmissionConfig) -> Admission {
        let refused =
            IntCounterVec::new(prometheus::Opts::new("t_refused", "t"), &["reason"]).unwrap();
        Admission::new(&cfg, KeySource::None, refused)
    }

    #[test]
    fn a_client_gets_its_burst_then_a_wait_and_others_keep_theirs() {
        let a = admission(AdmissionConfig {
            per_client: Some(Limit {
                per_second: nz(1),
                burst: nz(3),
            }),
            ..AdmissionConfig::default()
        });
        for _ in 0..3 {
            assert_eq!(a.check_rate(b"alice", "/"), Ok(()));
        }
        match a.check_rate(b"alice", "/") {
            Err(Refusal::RateLimited(wait)) => {
                assert!(
                    wait > Duration::ZERO && wait <= Duration::from_secs(1),
                    "{wait:?}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(a.check_rate(b"bob", "/"), Ok(()), "bob has his own bucket");
    }

    #[test]
    fn the_longest_route_prefix_and_the_global_bucket_apply() {
        let a = admission(AdmissionConfig {
            routes: vec![
                ("/api".into(), Limit::per_second(nz(100))),
                ("/api/slow".into(), Limit::per_second(nz(1))),
            ],
            global: Some(Limit::per_second(nz(5))),
            ..AdmissionConfig::default()
        });
        assert_eq!(a.check_rate(b"c", "/api/slow/x"), Ok(()));
        assert!(
            a.check_rate(b"c", "/api/slow/y").is_err(),
            "/api/slow allows one per second"
        );
        // /api still has tokens; the global bucket (5) has 4 left after the first call.
        let ok = (0..10)
            .filter(|_| a.check_rate(b"c", "/api/x").is_ok())
            .count();
        assert_eq!(ok, 4, "the global bucket bounds everything");
    }

    #[test]
    fn the_retry_after_header_is_whole_seconds_rounded_up() {
        let a = admission(AdmissionConfig::default());
        let r = a.refuse(Refusal::RateLimited(Duration::from_millis(1_200)));
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.headers()["retry-after"], "2");
        let r = a.refuse(Refusal::RateLimited(Duration::from_millis(3)));
        assert_eq!(r.headers()["retry-after"], "1");
        let r = a.refuse(Refusal::Overloaded);
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(r.headers().get("retry-after").is_none());
        assert_eq!(a.refused.with_label_values(&["rate_limited"]).get(), 2);
        assert_eq!(a.refused.with_label_values(&["overloaded"]).get(), 1);
    }
}
