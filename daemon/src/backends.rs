//! The local backends: their health, in-flight counts, the local balancing policy, and forwarding
//! a request with retries on the next healthy backend (connect errors, timeouts and 5xx).

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dtp_protocol::envelope::{HttpRequest, HttpResponse};

use crate::config::{Backend, Balance, LocalPolicy};
use crate::metrics::Metrics;

pub struct BackendState {
    pub url: String,
    /// `url` parsed once (requests set only its path and query).
    base: Option<reqwest::Url>,
    pub weight: u32,
    pub max_inflight: u32,
    pub healthy: AtomicBool,
    pub inflight: AtomicU32,
    /// Consecutive good / bad health checks.
    pub ok_streak: AtomicU32,
    pub fail_streak: AtomicU32,
}

pub struct Pool {
    pub backends: Vec<BackendState>,
    cfg: Balance,
    rr: AtomicU64,
    /// Smooth weighted round robin state (nginx's algorithm).
    current: Mutex<Vec<i64>>,
    http: reqwest::Client,
    metrics: Arc<Metrics>,
}

#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    #[error("no healthy backend")]
    NoBackend,
    #[error("backend {url}: {reason}")]
    Backend { url: String, reason: String },
    #[error("backend {url} answered more than {limit} bytes")]
    TooLarge { url: String, limit: usize },
}

impl BackendState {
    /// A configured backend, healthy until its checks say otherwise, nothing in flight.
    pub fn new(b: &Backend) -> BackendState {
        BackendState {
            url: b.url.trim_end_matches('/').to_string(),
            base: reqwest::Url::parse(&b.url).ok(),
            weight: b.weight,
            max_inflight: b.max_inflight,
            healthy: AtomicBool::new(true),
            inflight: AtomicU32::new(0),
            ok_streak: AtomicU32::new(0),
            fail_streak: AtomicU32::new(0),
        }
    }
}

/// Decrements a backend's in-flight count when dropped.
struct InflightGuard<'a>(&'a AtomicU32);

impl Drop for InflightGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Pool {
    pub fn new(backends: &[Backend], cfg: Balance, metrics: Arc<Metrics>) -> Pool {
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(64)
            .build()
            .expect("http client");
        Pool {
            backends: backends.iter().map(BackendState::new).collect(),
            current: Mutex::new(vec![0; backends.len()]),
            cfg,
            rr: AtomicU64::new(0),
            http,
            metrics,
        }
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub fn any_healthy(&self) -> bool {
        self.backends
            .iter()
            .any(|b| b.healthy.load(Ordering::Relaxed))
    }

    pub fn inflight(&self) -> u32 {
        self.backends
            .iter()
            .map(|b| b.inflight.load(Ordering::Relaxed))
            .sum()
    }

    fn usable(&self, i: usize, tried: &[usize]) -> bool {
        let b = &self.backends[i];
        !tried.contains(&i)
            && b.healthy.load(Ordering::Relaxed)
            && (b.max_inflight == 0 || b.inflight.load(Ordering::Relaxed) < b.max_inflight)
    }

    /// The next backend by the local policy, skipping unhealthy, full and already tried ones.
    pub fn pick(&self, tried: &[usize]) -> Option<usize> {
        let c: Vec<usize> = (0..self.backends.len())
            .filter(|&i| self.usable(i, tried))
            .collect();
        if c.is_empty() {
            return None;
        }
        Some(match self.cfg.policy {
            LocalPolicy::RoundRobin => {
                c[(self.rr.fetch_add(1, Ordering::Relaxed) % c.len() as u64) as usize]
            }
            LocalPolicy::LeastInflight => *c
                .iter()
                .min_by_key(|&&i| {
                    let b = &self.backends[i];
                    (b.inflight.load(Ordering::Relaxed) as u64 * 1_000_000) / b.weight as u64
                })
                .expect("non-empty"),
            LocalPolicy::Weighted => {
                let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
                let total: i64 = c.iter().map(|&i| self.backends[i].weight as i64).sum();
                for &i in &c {
                    cur[i] += self.backends[i].weight as i64;
                }
                let best = *c
                    .iter()
                    .max_by_key(|&&i| (cur[i], std::cmp::Reverse(i)))
                    .expect("non-empty");
                cur[best] -= total;
                best
            }
        })
    }

    /// Sends `req` to a backend, trying up to `tries` backends on connect errors, timeouts and 5xx.
    /// A final 5xx is returned as a response (the caller completes it as failed).
    pub async fn forward(&self, req: &HttpRequest) -> Result<HttpResponse, ForwardError> {
        let mut tried = Vec::new();
        let mut last = Err(ForwardError::NoBackend);
        for _ in 0..self.cfg.tries {
            let Some(i) = self.pick(&tried) else { break };
            tried.push(i);
            let b = &self.backends[i];
            b.inflight.fetch_add(1, Ordering::Relaxed);
            let _g = InflightGuard(&b.inflight);
            let started = Instant::now();
            let r = self.call(b, req).await;
            self.metrics
                .backend_latency
                .with_label_values(&[&b.url])
                .observe(started.elapsed().as_secs_f64());
            match r {
                Ok(resp) if resp.status < 500 => return Ok(resp),
                Ok(resp) => {
                    self.metrics
                        .backend_errors
                        .with_label_values(&[&b.url])
                        .inc();
                    last = Ok(resp);
                }
                Err(e @ ForwardError::TooLarge { .. }) => return Err(e),
                Err(e) => {
                    self.metrics
                        .backend_errors
                        .with_label_values(&[&b.url])
                        .inc();
                    last = Err(e);
                }
            }
        }
        last
    }

    async fn call(
        &self,
        b: &BackendState,
        req: &HttpRequest,
    ) -> Result<HttpResponse, ForwardError> {
        let err = |reason: String| ForwardError::Backend {
            url: b.url.clone(),
            reason,
        };
        let timeout = self.cfg.request_timeout_ms;
        let failed = |e: reqwest::Error| err(describe(&e, timeout));
        let method = reqwest::Method::from_bytes(req.method.as_bytes())
            .map_err(|_| err(format!("bad method {:?}", req.method)))?;
        let mut rb = self
            .http
            .request(method, target(b, &req.path).map_err(err)?)
            .timeout(Duration::from_millis(self.cfg.request_timeout_ms));
        for (k, v) in &req.headers {
            rb = rb.header(k, v);
        }
        let mut resp = rb.body(req.body.clone()).send().await.map_err(failed)?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.to_str().ok()?.to_string())))
            .collect();
        let limit = self.cfg.max_response_bytes;
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(failed)? {
            body.extend_from_slice(&chunk);
            if body.len() > limit {
                return Err(ForwardError::TooLarge {
                    url: b.url.clone(),
                    limit,
                });
            }
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The URL of `path` (and its query) on backend `b`: what `url + path` parses to (a `/` put in
/// front of a path without one), from the base parsed once when it is a bare origin (the usual
/// case), else parsed whole.
fn target(b: &BackendState, path: &str) -> Result<reqwest::Url, String> {
    match &b.base {
        Some(base)
            if base.path() == "/"
                && base.query().is_none()
                && path.starts_with('/')
                && !path.contains('#') =>
        {
            let mut u = base.clone();
            let (p, q) = match path.split_once('?') {
                Some((p, q)) => (p, Some(q)),
                None => (path, None),
            };
            u.set_path(p);
            u.set_query(q);
            Ok(u)
        }
        _ => {
            let sep = if path.starts_with('/') { "" } else { "/" };
            let full = format!("{}{sep}{path}", b.url);
            reqwest::Url::parse(&full).map_err(|e| format!("bad URL {full:?}: {e}"))
        }
    }
}

/// A backend call's failure for the failed answer: a timeout says so, anything else with its
/// causes (reqwest's own message names neither).
fn describe(e: &reqwest::Error, timeout_ms: u64) -> String {
    if e.is_timeout() {
        return format!("timed out after {timeout_ms} ms (balance.request_timeout_ms)");
    }
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(policy: LocalPolicy, weights: &[u32]) -> Pool {
        let backends: Vec<Backend> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| Backend {
                url: format!("http://127.0.0.1:{}", 1 + i),
                weight: *w,
                max_inflight: 0,
            })
            .collect();
        Pool::new(
            &backends,
            Balance {
                policy,
                ..Balance::default()
            },
            Arc::new(Metrics::new()),
        )
    }

    #[test]
    fn a_target_is_what_the_backend_url_and_the_path_parse_to() {
        let backend = |url: &str| {
            BackendState::new(&Backend {
                url: url.into(),
                weight: 1,
                max_inflight: 0,
            })
        };
        // What forwarding always did: the URL, then the path with a `/` in front.
        let whole = |b: &BackendState, path: &str| {
            let sep = if path.starts_with('/') { "" } else { "/" };
            reqwest::Url::parse(&format!("{}{sep}{path}", b.url)).unwrap()
        };
        let cases = [
            "/api/instance",
            "api/x?y=1&z",
            "/",
            "/a b",
            "//x",
            "/p#frag",
            "/q?a=%20&b",
            "/%7euser/..%2f",
        ];
        for url in [
            "http://127.0.0.1:1",
            "http://127.0.0.1:1/",
            "http://127.0.0.1:1/base/",
            "http://127.0.0.1:1/?k=v",
        ] {
            let b = backend(url);
            for path in cases {
                assert_eq!(target(&b, path).unwrap(), whole(&b, path), "{url} + {path}");
            }
        }
        assert_eq!(
            target(&backend("http://127.0.0.1:1"), "/api/x?y")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:1/api/x?y"
        );
    }

    #[test]
    fn round_robin_skips_unhealthy_and_tried() {
        let p = pool(LocalPolicy::RoundRobin, &[1, 1, 1]);
        p.backends[1].healthy.store(false, Ordering::Relaxed);
        let picks: Vec<usize> = (0..4).map(|_| p.pick(&[]).unwrap()).collect();
        assert_eq!(picks, vec![0, 2, 0, 2]);
        assert_eq!(p.pick(&[0, 2]), None);
    }

    #[test]
    fn smooth_weighted_interleaves_by_weight() {
        let p = pool(LocalPolicy::Weighted, &[5, 1, 1]);
        let picks: Vec<usize> = (0..7).map(|_| p.pick(&[]).unwrap()).collect();
        assert_eq!(
            picks,
            vec![0, 0, 1, 0, 2, 0, 0],
            "nginx's smooth weighted round robin"
        );
    }

    #[test]
    fn least_inflight_and_caps() {
        let mut p = pool(LocalPolicy::LeastInflight, &[1, 1]);
        p.backends[0].inflight.store(3, Ordering::Relaxed);
        assert_eq!(p.pick(&[]), Some(1));
        p.backends[1].max_inflight = 1;
        p.backends[1].inflight.store(1, Ordering::Relaxed);
        assert_eq!(p.pick(&[]), Some(0), "a full backend is skipped");
    }
}
