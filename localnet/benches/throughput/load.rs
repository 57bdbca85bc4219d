//! Driving a load: pre-signed transactions submitted from concurrent tasks for a fixed time, with
//! each submission's latency and the CPU the process's thread groups spent per transaction.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Signed;

/// CPU time (ms) used so far by this process's threads, by group: the localnet's tokio runtime
/// (gRPC), its commit thread, and the benchmark's own runtime (the client). From /proc; Linux only.
fn cpu_ms() -> [u64; 3] {
    let mut out = [0; 3];
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for t in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(t.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = &stat[open + 1..close];
        let f: Vec<&str> = stat[close + 2..].split(' ').collect();
        // utime and stime are fields 14 and 15 of stat, in ticks of 10 ms.
        let ticks: u64 = f[11].parse::<u64>().unwrap_or(0) + f[12].parse::<u64>().unwrap_or(0);
        let group = match name {
            n if n.starts_with("localnet-rt") => 0,
            n if n.starts_with("dtp-localnet-co") => 1,
            _ => 2,
        };
        out[group] += ticks * 10;
    }
    out
}

/// What one load run did.
pub struct Report {
    /// Transactions submitted and answered.
    pub done: usize,
    pub elapsed: Duration,
    /// Submit -> effects, per transaction.
    latencies: Vec<Duration>,
    /// CPU µs per transaction: localnet gRPC threads, commit thread, client threads.
    cpu_us: [f64; 3],
}

impl Report {
    pub fn print(&self, what: &str) {
        let mut l = self.latencies.clone();
        l.sort();
        let q = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
        println!(
            "  {what:<28} {:>6} tx in {:>5.2} s = {:>6.0} tx/s   p50 {:>6.2} ms   p99 {:>6.2} ms",
            self.done,
            self.elapsed.as_secs_f64(),
            self.done as f64 / self.elapsed.as_secs_f64(),
            q(0.50).as_secs_f64() * 1e3,
            q(0.99).as_secs_f64() * 1e3,
        );
        let [grpc, commit, client] = self.cpu_us;
        println!(
            "  {:<28} CPU per tx: localnet gRPC {grpc:>4.0} µs, commit thread {commit:>4.0} µs, client {client:>4.0} µs",
            ""
        );
    }
}

/// Runs `submit` over `pool` from `workers` tasks until the pool or the time runs out.
pub async fn drive<F, Fut>(pool: Vec<Signed>, workers: usize, secs: u64, submit: F) -> Report
where
    F: Fn(Signed) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let pool: Arc<Vec<Mutex<Option<Signed>>>> =
        Arc::new(pool.into_iter().map(|s| Mutex::new(Some(s))).collect());
    let next = Arc::new(AtomicUsize::new(0));
    let cpu0 = cpu_ms();
    let start = Instant::now();
    let stop = start + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (pool, next, submit) = (pool.clone(), next.clone(), submit.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            while Instant::now() < stop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(s) = pool.get(i).and_then(|m| m.lock().unwrap().take()) else {
                    break;
                };
                let t0 = Instant::now();
                submit(s).await;
                lat.push(t0.elapsed());
            }
            lat
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    let elapsed = start.elapsed();
    let cpu1 = cpu_ms();
    let n = latencies.len().max(1) as f64;
    Report {
        done: latencies.len(),
        elapsed,
        latencies,
        cpu_us: [0, 1, 2].map(|i| (cpu1[i] - cpu0[i]) as f64 * 1e3 / n),
    }
}
