//! The chaos run's faults, at seeded times while the traffic flows: `kill -9` and restart of a
//! daemon, of the gateway (batches in flight) or of the localnet itself; SIGSTOP / SIGCONT of a
//! daemon past its lease; a backend turned unhealthy and healthy again.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::Rng;

use crate::cluster::{Cluster, DAEMONS};
use crate::traffic::Counts;

/// Injects faults one after another until the traffic is done (at most 240 s); what it did, in
/// order.
pub async fn inject(cluster: &mut Cluster, rng: &mut StdRng, counts: &Counts) -> Vec<String> {
    let mut faults = Vec::new();
    let started = Instant::now();
    let pause = |rng: &mut StdRng, ms: std::ops::Range<u64>| {
        tokio::time::sleep(Duration::from_millis(rng.gen_range(ms)))
    };
    while !counts.done() && started.elapsed() < Duration::from_secs(240) {
        pause(rng, 800..2_000).await;
        let which = rng.gen_range(0..DAEMONS);
        match rng.gen_range(0..5) {
            4 => {
                cluster.gateway.kill();
                faults.push("kill -9 gateway".into());
                pause(rng, 200..1_000).await;
                cluster.gateway.start();
            }
            0 => {
                cluster.daemons[which].kill();
                faults.push(format!("kill -9 d{which}"));
                pause(rng, 500..2_500).await;
                cluster.daemons[which].start();
            }
            1 => {
                cluster.daemons[which].signal("STOP");
                faults.push(format!("SIGSTOP d{which}"));
                pause(rng, 1_800..3_500).await;
                cluster.daemons[which].signal("CONT");
            }
            2 => {
                let b = &cluster.backend_urls[which];
                let http = reqwest::Client::new();
                let _ = http.post(format!("{b}/admin/unhealthy")).send().await;
                faults.push(format!("backend b{which} unhealthy"));
                pause(rng, 500..2_000).await;
                let _ = http.post(format!("{b}/admin/healthy")).send().await;
            }
            _ => {
                cluster.chain.kill();
                faults.push("kill -9 localnet".into());
                pause(rng, 200..1_000).await;
                cluster.chain.start();
            }
        }
    }
    faults
}
