//! Localnet throughput: `cargo bench -p dtp-localnet --bench throughput`.
//!
//! Starts the localnet in this process (immediate checkpoints), once on a data directory (every
//! group commit is fsynced) and once in memory. Funds `ACTORS` actors, splits each one's coin so
//! that every transaction has its own gas coin, pre-signs `pipe::send` transactions, then submits
//! them from `WORKERS` concurrent tasks for a fixed time and prints transactions per second and
//! p50 / p99 submit -> effects latency. For attribution it also runs the same load straight into
//! the node (no gRPC) and times signature checks, fsync and bare gRPC calls.
//!
//! Then the same through gRPC with `BATCHES` sends per transaction (one PTB of B `pipe::send`
//! commands, as the SDK's batches and the gateway's group commit build them): calls per second,
//! not transactions.
//!
//! Knobs (environment): DTP_BENCH_SECS (default 6), DTP_BENCH_WORKERS (64), DTP_BENCH_ACTORS (32).

#[path = "../tests/localnet/common/mod.rs"]
mod common;
#[path = "throughput/load.rs"]
mod load;
#[path = "throughput/restart.rs"]
mod restart;

use std::io::Write;
use std::time::Instant;

use common::*;
use dtp_localnet::node::Cadence;
use load::drive;
use prost_types::FieldMask;
use sui_crypto::simple::SimpleVerifier;
use sui_crypto::{SuiSigner, SuiVerifier};
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{ObjectReference, Transaction, UserSignature};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

/// The rate the pools are sized for (sends per second).
const TARGET: usize = 5_000;
const COINS_PER_SPLIT: usize = 500;
const BUDGET: u64 = 10_000_000;
/// Sends per transaction of the batched runs.
const BATCHES: [usize; 2] = [16, 64];

fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

type Signed = (Transaction, UserSignature);

/// A `send` from `a` paid with `coin`, signed.
fn presign(c: &Client, a: &Actor, coin: &ObjectReference, d: &Dtp, n: usize) -> Signed {
    let mut b = TransactionBuilder::new();
    b.set_sender(a.addr);
    b.add_gas_objects([ObjectInput::owned(
        *coin.object_id(),
        coin.version(),
        *coin.digest(),
    )]);
    b.set_gas_budget(BUDGET);
    b.set_gas_price(c.rgp);
    let payload = format!("request {n:>56}");
    let args = send_args(&mut b, d, payload.as_bytes());
    b.move_call(function("pipe", "send"), args);
    let tx = b.try_build().unwrap();
    let sig = a.key.sign_transaction(&tx).unwrap();
    (tx, sig)
}

/// `calls` sends from `a` in one transaction paid with `coin`, signed.
fn presign_batch(
    c: &Client,
    a: &Actor,
    coin: &ObjectReference,
    d: &Dtp,
    n: usize,
    calls: usize,
) -> Signed {
    let mut b = TransactionBuilder::new();
    b.set_sender(a.addr);
    b.add_gas_objects([ObjectInput::owned(
        *coin.object_id(),
        coin.version(),
        *coin.digest(),
    )]);
    b.set_gas_budget(BUDGET * calls as u64);
    b.set_gas_price(c.rgp);
    for i in 0..calls {
        let payload = format!("request {n:>40} {i:>15}");
        let args = send_args(&mut b, d, payload.as_bytes());
        b.move_call(function("pipe", "send"), args);
    }
    let tx = b.try_build().unwrap();
    let sig = a.key.sign_transaction(&tx).unwrap();
    (tx, sig)
}

/// Submits signed transactions through gRPC, expecting each to succeed.
fn grpc_submit(
    client: sui_rpc::Client,
) -> impl Fn(Signed) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> + Clone {
    move |(tx, sig): Signed| {
        let mut client = client.clone();
        Box::pin(async move {
            let bcs = pb::Bcs::serialize(&tx).unwrap();
            let req = pb::ExecuteTransactionRequest::default()
                .with_transaction(pb::Transaction::default().with_bcs(bcs))
                .with_signatures(vec![sig.into()])
                .with_read_mask(FieldMask::from_str("digest,effects"));
            let r = client.execution_client().execute_transaction(req).await;
            let t = r.expect("executes").into_inner().transaction.unwrap();
            assert!(t.effects().status().success(), "{:?}", t.effects().status());
        })
    }
}

async fn bench(label: &str, data_dir: Option<std::path::PathBuf>) {
    let (secs, workers, actors) = (
        knob("DTP_BENCH_SECS", 6) as u64,
        knob("DTP_BENCH_WORKERS", 64),
        knob("DTP_BENCH_ACTORS", 32),
    );
    println!("{label}: {actors} actors, {workers} concurrent submitters, {secs} s per run");
    let fsync_dir = data_dir.clone();
    // The localnet gets its own runtime (2 threads, as the binary would on this machine), so that
    // its CPU time can be told apart from the benchmark client's.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("localnet-rt")
        .enable_all()
        .build()
        .unwrap();
    let cfg = local(Cadence::Immediate, data_dir);
    let running = rt
        .spawn(async move { dtp_localnet::start(cfg).await.unwrap() })
        .await
        .unwrap();
    let mut net = Net::connect(running).await;
    let t0 = Instant::now();
    let mut admin = net.actor(1).await;
    let mut servers = vec![net.actor(2).await, net.actor(3).await];
    let d = net.setup(&mut admin, &mut servers).await;
    // Two pools (gRPC and direct), each sized for 1.5 x TARGET sends/s.
    let per_actor = (3 * TARGET * secs as usize).div_ceil(actors);
    let mut signed = Vec::new();
    let mut coins = Vec::new();
    for i in 0..actors {
        let mut a = net.actor(10 + i as u8).await;
        let mut mine = Vec::new();
        while mine.len() < per_actor {
            let n = COINS_PER_SPLIT.min(per_actor - mine.len());
            mine.extend(net.split(&mut a, n, 2 * BUDGET).await);
        }
        coins.push((a, mine));
    }
    let t1 = Instant::now();
    for (a, mine) in &coins {
        for (k, coin) in mine.iter().enumerate() {
            signed.push(presign(&net, a, coin, &d, k));
        }
    }
    println!(
        "  setup: {} coins split in {:.1} s, {} sends signed in {:.1} s",
        per_actor * actors,
        (t1 - t0).as_secs_f64(),
        signed.len(),
        t1.elapsed().as_secs_f64()
    );
    // Interleave actors so concurrent submissions come from different senders.
    let mut by_actor: Vec<_> = signed
        .chunks(per_actor)
        .map(|c| c.iter().cloned())
        .collect();
    let mut mixed = Vec::new();
    while mixed.len() < signed.len() {
        for it in by_actor.iter_mut() {
            mixed.extend(it.next());
        }
    }
    let direct_pool = mixed.split_off(mixed.len() / 2);

    let grpc = drive(mixed, workers, secs, grpc_submit(net.client.clone())).await;
    grpc.print("gRPC ExecuteTransaction");
    let node = net.running.node.clone();
    let direct = drive(direct_pool, workers, secs, move |(tx, sig): Signed| {
        let node = node.clone();
        async move {
            let e = node.submit(tx, vec![sig]).await.expect("executes");
            assert_eq!(
                e.executed.effects.status(),
                &sui_sdk_types::ExecutionStatus::Success
            );
        }
    })
    .await;
    direct.print("node.submit (no gRPC)");

    // Batches: B sends per transaction, each transaction its own coin, through gRPC.
    for calls in BATCHES {
        let txs = (3 * TARGET * secs as usize).div_ceil(calls);
        let per_actor = txs.div_ceil(actors);
        let mut pool = Vec::new();
        for (i, (a, _)) in coins.iter_mut().enumerate() {
            let mine = net.split(a, per_actor, 2 * BUDGET * calls as u64).await;
            pool.extend(
                mine.iter()
                    .enumerate()
                    .map(|(k, coin)| presign_batch(&net, a, coin, &d, i * per_actor + k, calls)),
            );
        }
        let r = drive(pool, workers, secs, grpc_submit(net.client.clone())).await;
        r.print(&format!("gRPC, {calls} sends per tx"));
        println!(
            "  {:<28} = {:>6.0} sends/s through gRPC",
            "",
            (r.done * calls) as f64 / r.elapsed.as_secs_f64()
        );
    }

    // Attribution.
    let sample: Vec<Signed> = coins[0]
        .1
        .iter()
        .take(2_000)
        .enumerate()
        .map(|(k, c)| presign(&net, &coins[0].0, c, &d, k))
        .collect();
    let t = Instant::now();
    for (tx, sig) in &sample {
        SimpleVerifier.verify_transaction(tx, sig).unwrap();
    }
    let verify = t.elapsed() / sample.len() as u32;
    let t = Instant::now();
    for (tx, _) in &sample {
        let b = bcs::to_bytes(tx).unwrap();
        let back: Transaction = bcs::from_bytes(&b).unwrap();
        std::hint::black_box((back.digest(), b.len()));
    }
    let codec = t.elapsed() / sample.len() as u32;
    println!(
        "  ed25519 verify {verify:.1?}/tx, BCS encode+decode+digest {codec:.1?}/tx (one core)"
    );
    if let Some(dir) = fsync_dir {
        let mut f = std::fs::File::create(dir.join("fsync-probe")).unwrap();
        let t = Instant::now();
        for _ in 0..200 {
            f.write_all(&[7u8; 16 * 1024]).unwrap();
            f.sync_data().unwrap();
        }
        println!("  fsync of a 16 KiB append: {:.2?} mean", t.elapsed() / 200);
    }
    let mut c = net.client.clone();
    let t = Instant::now();
    for _ in 0..1_000 {
        c.ledger_client()
            .get_service_info(pb::GetServiceInfoRequest::default())
            .await
            .unwrap();
    }
    println!(
        "  bare gRPC round trip (GetServiceInfo, sequential): {:.0?}",
        t.elapsed() / 1_000
    );
    let pipe: dtp_protocol::Pipe = net.contents(d.pipe).await;
    println!("  the Pipe holds {} pending requests", pipe.pending.size);
    net.running.stop().await;
    rt.shutdown_background();
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    println!(
        "dtp-localnet throughput ({} cores)",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0)
    );
    let dir = tempfile::tempdir().unwrap();
    let client = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("bench-client")
        .enable_all()
        .build()
        .unwrap();
    client.block_on(async {
        bench("on disk (WAL + fsync)", Some(dir.path().join("data"))).await;
        bench("in memory", None).await;
    });
    restart::restart(&dir.path().join("data"));
}
