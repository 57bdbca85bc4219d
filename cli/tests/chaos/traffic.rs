//! The chaos run's traffic: at least [`REQUESTS`] requests over both Pipes, every write batched.
//! Three SDK senders with keys of their own send batches of 1-8 requests (each batch one
//! transaction into one Pipe); four HTTP clients go through the gateway, which group-commits
//! their sends over both Pipes. Every tenth request is slow (its backend holds it 900 ms, past a
//! lease renewal), so pauses and kills often catch work in flight, whose late renewals and
//! completions the fence refuses; every 25th hangs (the backend would take 30 s: the daemon's 1 s
//! timeout answers it failed).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use dtp_protocol::calls::Send;
use dtp_protocol::envelope::HttpRequest;
use rand::{Rng, SeedableRng};
use tokio::task::JoinHandle;

use crate::cluster::Cluster;

/// Requests that go in at least.
pub const REQUESTS: u64 = 1_000;

/// Requests on chain so far, and sends that failed (and were retried).
#[derive(Clone, Default)]
pub struct Counts {
    pub sent: Arc<AtomicU64>,
    pub errors: Arc<AtomicU64>,
}

impl Counts {
    /// Whether [`REQUESTS`] went in.
    pub fn done(&self) -> bool {
        self.sent.load(Ordering::Relaxed) >= REQUESTS
    }
}

/// Starts the senders (seeded from `seed`); each stops once [`REQUESTS`] went in.
pub async fn start(cluster: &Cluster, seed: u64, counts: &Counts) -> Vec<JoinHandle<()>> {
    let get = |path: &str| {
        HttpRequest {
            method: "GET".into(),
            path: path.into(),
            headers: vec![],
            body: vec![],
        }
        .encode()
    };
    let (slow, hang) = (get("/slow?delay_ms=900"), get("/hang?delay_ms=30000"));
    let payload = move |n: u64| match (n % 25, n % 10) {
        (0, _) => hang.clone(),
        (_, 0) => slow.clone(),
        _ => b"chaos".to_vec(),
    };
    let mut senders = Vec::new();
    for s in 0..3u64 {
        let c = cluster.funded_client().await;
        let (counts, payload, pipes, host) = (
            counts.clone(),
            payload.clone(),
            cluster.pipes.clone(),
            cluster.host,
        );
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed ^ s);
        senders.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !counts.done() {
                let pipe = pipes[rng.gen_range(0..pipes.len())];
                let batch: Vec<Send> = (0..rng.gen_range(1..=8))
                    .map(|_| {
                        n += 1;
                        Send {
                            payload: payload(n),
                            key: vec![],
                            region: String::new(),
                        }
                    })
                    .collect();
                let results = c.send_batch(pipe, host, batch).await;
                let ok = results.iter().filter(|r| r.is_ok()).count() as u64;
                counts.sent.fetch_add(ok, Ordering::Relaxed);
                counts
                    .errors
                    .fetch_add(results.len() as u64 - ok, Ordering::Relaxed);
                // Spread the traffic over about 40 s so the faults hit it.
                tokio::time::sleep(Duration::from_millis(if ok > 0 { 450 } else { 200 })).await;
            }
        }));
    }
    for _ in 0..4 {
        let (counts, gw) = (counts.clone(), cluster.gateway_url.clone());
        senders.push(tokio::spawn(async move {
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap();
            let mut n = 0u64;
            while !counts.done() {
                n += 1;
                let path = if n.is_multiple_of(10) {
                    "/slow?delay_ms=900"
                } else {
                    "/api/instance"
                };
                match http.get(format!("{gw}{path}")).send().await {
                    // On chain once it carries its sequence number (whatever the backend said).
                    Ok(r) if r.headers().contains_key("x-dtp-seq") => {
                        counts.sent.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    _ => {
                        counts.errors.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            }
        }));
    }
    senders
}
