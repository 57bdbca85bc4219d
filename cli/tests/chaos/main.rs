//! The chaos run: on loopback, the localnet, four daemons with their backends and a gateway
//! (child processes of `dtp`, [`cluster`]) serve at least 1,000 requests over two Pipes of one
//! Host, every write batched ([`traffic`]: senders send batches of 1-8 in one transaction, the
//! gateway group-commits its sends, the daemons their completes), while seeded faults hit them
//! ([`faults`]: `kill -9` and restart of daemons and of the gateway with batches in flight,
//! SIGSTOP / SIGCONT past the lease, a backend that answers 500, a backend turned unhealthy,
//! requests that hang in their backend, and `kill -9` and restart of the localnet itself, which
//! snapshots its state and cuts its log as it goes, so the kills land around snapshots too).
//! At the end the chain's history of both Pipes ([`check`]) must show 0 requests lost, 0
//! completed twice, every accepted completion by the current attempt, every assignment one the
//! policy would make, and every fenced call on an attempt its sender once held.
//! The seed is printed (set DTP_CHAOS_SEED to replay a run); figures go to stdout.

mod check;
mod cluster;
mod faults;
mod procs;
#[path = "../support/mod.rs"]
mod support;
mod traffic;

use std::sync::atomic::Ordering;

use rand::{Rng, SeedableRng};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chaos_loses_nothing_and_completes_nothing_twice() {
    let seed: u64 = std::env::var("DTP_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    println!("chaos seed {seed} (DTP_CHAOS_SEED={seed} replays this run)");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut cluster = cluster::Cluster::start(dir.path()).await;

    let counts = traffic::Counts::default();
    let senders = traffic::start(&cluster, seed, &counts).await;
    let faults = faults::inject(&mut cluster, &mut rng, &counts).await;
    for s in senders {
        s.await.unwrap();
    }
    for d in cluster.daemons.iter_mut().filter(|d| d.stopped) {
        d.signal("CONT");
    }

    check::settled(&cluster.admin, &cluster.pipes).await;
    println!(
        "chaos: seed {seed}, {} send errors (retried), {} faults: {}",
        counts.errors.load(Ordering::Relaxed),
        faults.len(),
        faults.join(", ")
    );
    let total = check::histories(&cluster.admin, &cluster.pipes).await;
    assert!(
        total >= traffic::REQUESTS,
        "at least {} requests went in",
        traffic::REQUESTS
    );
    assert!(!faults.is_empty());
    assert!(
        dir.path().join("chain").join("snapshot.bcs").exists(),
        "the localnet took snapshots during the run"
    );
    // Stopped before the directory goes: the gateway and daemons first, the chain last.
    drop(cluster);
}
