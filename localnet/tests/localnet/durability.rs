//! Durability, using only Sui client crates: a localnet restarted on its data directory serves the
//! same objects and checkpoints; the real binary killed with SIGKILL mid-load keeps every
//! acknowledged transaction, replays to the same state every time, and shrugs off a torn log tail.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use dtp_localnet::node::Cadence;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest};

/// The digest of every checkpoint, in order.
async fn checkpoint_digests(c: &mut Client) -> Vec<String> {
    let latest = c.latest_checkpoint().await;
    let mut out = Vec::new();
    for seq in 0..=latest {
        let cp = c.checkpoint(seq, "sequence_number,digest").await.unwrap();
        out.push(cp.digest().to_string());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_on_the_data_dir_serves_the_same_objects_and_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let start = || dtp_localnet::start(local(Cadence::Immediate, Some(dir.path().to_path_buf())));
    let mut net = Net::connect(start().await.unwrap()).await;
    let mut admin = net.actor(1).await;
    let mut servers = vec![net.actor(2).await];
    let mut user = net.actor(3).await;
    let d = net.setup(&mut admin, &mut servers).await;
    for _ in 0..3 {
        net.send(&mut user, &d, b"kept").await;
    }
    let (p, h) = (
        net.shared(d.pipe, true).await,
        net.shared(d.host, false).await,
    );
    let t = net
        .call(&mut servers[0], "pipe", "claim", |b| {
            vec![
                b.object(p),
                b.object(h),
                b.pure(&0u64),
                b.pure(&1u32),
                b.object(clock()),
            ]
        })
        .await;
    assert!(success(&t), "{:?}", t.effects().status());
    let pipe: dtp_protocol::Pipe = net.contents(d.pipe).await;
    let entry = pipe
        .pending
        .id
        .derive_dynamic_child_id(&sui_sdk_types::TypeTag::U64, &0u64.to_le_bytes());
    let ids = [
        d.host,
        d.cap,
        d.pipe,
        entry,
        *admin.gas.object_id(),
        *servers[0].gas.object_id(),
        *user.gas.object_id(),
        CLOCK,
    ];
    let objects = net.snapshot(&ids).await;
    let checkpoints = checkpoint_digests(&mut net).await;
    let Net { running, c } = net;
    drop(c);
    running.stop().await;

    let mut net = Net::connect(start().await.unwrap()).await;
    assert_eq!(net.snapshot(&ids).await, objects);
    assert_eq!(checkpoint_digests(&mut net).await, checkpoints);
    // And it goes on from there.
    let t = net.send(&mut user, &d, b"after").await;
    assert!(success(&t));
    let pipe: dtp_protocol::Pipe = net.contents(d.pipe).await;
    assert_eq!(pipe.next_seq, 4);
    net.running.stop().await;
}

/// The `dtp-localnet` binary on a data directory, on free ports.
struct Proc {
    child: Child,
    client: Client,
}

fn free_addr() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().to_string()
}

impl Proc {
    async fn start(data: &Path, log: &Path, extra: &[&str]) -> Proc {
        let (grpc, faucet) = (free_addr(), free_addr());
        let log = std::fs::File::create(log).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dtp-localnet"))
            .arg("--data-dir")
            .arg(data)
            .args([
                "--grpc",
                &grpc,
                "--faucet",
                &faucet,
                "--checkpoint-ms",
                "500",
            ])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the binary starts");
        let url = format!("http://{grpc}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            assert!(child.try_wait().unwrap().is_none(), "dtp-localnet exited");
            let mut c = sui_rpc::Client::new(url.clone()).unwrap();
            if c.ledger_client()
                .get_service_info(pb::GetServiceInfoRequest::default())
                .await
                .is_ok()
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "GetServiceInfo answers within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let client = Client::connect(url, format!("http://{faucet}")).await;
        Proc { child, client }
    }

    /// SIGKILL: no shutdown path runs.
    fn crash(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// Until every digest is readable (in a checkpoint), within 10 s.
async fn all_found(c: &mut Client, digests: &[Digest]) {
    for d in digests {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match c.get_tx(d).await {
                Ok(t) => {
                    assert!(t.checkpoint.is_some());
                    break;
                }
                Err(e) => assert_eq!(e.code(), tonic::Code::NotFound, "{}", e.message()),
            }
            assert!(
                Instant::now() < deadline,
                "acknowledged {d} is not found after a restart"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_killed_mid_load_keeps_every_acknowledged_transaction() {
    killed_mid_load(&["--compact-log-bytes", "0"]).await;
}

/// The same with a snapshot whenever the log passes 4 kB (and the last snapshot's size), and a
/// checkpoint after every group so that snapshots come often under load: the kills land before,
/// between and after snapshots, and every restart starts from the last one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_killed_mid_load_while_taking_snapshots_keeps_everything() {
    let tmp = killed_mid_load(&["--compact-log-bytes", "4000", "--immediate"]).await;
    let data = tmp.path().join("data");
    assert!(data.join("snapshot.bcs").exists(), "snapshots were taken");
    let taken: usize = (0..5)
        .map(|n| {
            let log = std::fs::read_to_string(tmp.path().join(format!("log-{n}.txt"))).unwrap();
            log.matches("took a snapshot and cut the log").count()
        })
        .sum();
    let loaded = (1..5)
        .filter(|n| {
            let log = std::fs::read_to_string(tmp.path().join(format!("log-{n}.txt"))).unwrap();
            log.contains("loaded the snapshot")
        })
        .count();
    eprintln!("{taken} snapshots taken; {loaded} of 4 restarts started from one");
    assert!(taken >= 2, "{taken} snapshots taken under load");
    assert_eq!(loaded, 4, "every restart starts from the snapshot");
}

/// Kills the binary under load and restarts it, four times; returns the directory of its data.
async fn killed_mid_load(extra: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let log = |n: u32| tmp.path().join(format!("log-{n}.txt"));
    let p = Proc::start(&data, &log(0), extra).await;
    let mut c = p.client.clone();
    let mut admin = c.actor(1).await;
    let mut servers = vec![c.actor(2).await];
    let d = c.setup(&mut admin, &mut servers).await;
    let mut senders = Vec::new();
    for seed in 10..14 {
        senders.push(c.actor(seed).await);
    }
    let coins: Vec<Address> = senders.iter().map(|a| *a.gas.object_id()).collect();

    // Each sender sends one after another; the senders run concurrently. Record every ack.
    let acked = Arc::new(Mutex::new(Vec::<Digest>::new()));
    let mut tasks = Vec::new();
    for mut a in senders {
        let (mut c, acked) = (c.clone(), acked.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let (tx, sig) = c.send_tx(&a, &d, b"crash");
                match c.execute(&mut a, tx, sig).await {
                    Ok(t) => acked.lock().unwrap().push(digest(&t)),
                    Err(_) => return,
                }
            }
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while acked.lock().unwrap().len() < 150 {
        assert!(
            Instant::now() < deadline,
            "150 sends acknowledged within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // How many acknowledged sends were not yet in a checkpoint when the process died.
    let last: Vec<Digest> = acked
        .lock()
        .unwrap()
        .iter()
        .rev()
        .take(8)
        .copied()
        .collect();
    let mut unchecked = 0;
    for d in &last {
        unchecked += c.get_tx(d).await.is_err() as usize;
    }
    p.crash();
    for t in tasks {
        tokio::time::timeout(Duration::from_secs(30), t)
            .await
            .unwrap()
            .unwrap();
    }
    let acked: Vec<Digest> = acked.lock().unwrap().clone();
    eprintln!(
        "{} sends acknowledged; of the last 8, {unchecked} were not in a checkpoint at the crash",
        acked.len()
    );

    // The guarantee: an acknowledgement comes after the WAL fsync, so every acknowledged
    // transaction is replayed. One not yet in a checkpoint at the crash (checkpoints every 500 ms
    // here) is executed again by the replay and lands in the first checkpoint after the restart.
    // Restart: every acknowledged transaction is there, with its effects.
    let p = Proc::start(&data, &log(1), extra).await;
    let mut c = p.client.clone();
    all_found(&mut c, &acked).await;
    let pipe: dtp_protocol::Pipe = c.contents(d.pipe).await;
    assert!(
        pipe.next_seq >= acked.len() as u64,
        "{} sends acknowledged, the Pipe has {}",
        acked.len(),
        pipe.next_seq
    );
    assert_eq!(pipe.pending.size, pipe.next_seq);
    let mut ids = vec![d.host, d.cap, d.pipe, CLOCK, *admin.gas.object_id()];
    ids.extend(&coins);
    let objects = c.snapshot(&ids).await;
    let checkpoints = checkpoint_digests(&mut c).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    p.crash();

    // Replaying again gives the same state.
    let p = Proc::start(&data, &log(2), extra).await;
    let mut c = p.client.clone();
    assert_eq!(
        c.snapshot(&ids).await,
        objects,
        "a second replay gives the same objects"
    );
    assert_eq!(checkpoint_digests(&mut c).await, checkpoints);
    p.crash();

    // A torn tail: garbage after the last record is cut, the state is the same.
    let wal = data.join("chain.wal");
    let len = std::fs::metadata(&wal).unwrap().len();
    let mut f = std::fs::OpenOptions::new().append(true).open(&wal).unwrap();
    f.write_all(&[0x17, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3])
        .unwrap();
    drop(f);
    let p = Proc::start(&data, &log(3), extra).await;
    let mut c = p.client.clone();
    assert_eq!(
        std::fs::metadata(&wal).unwrap().len(),
        len,
        "the torn tail is cut"
    );
    assert_eq!(c.snapshot(&ids).await, objects);
    assert_eq!(checkpoint_digests(&mut c).await, checkpoints);
    // The log goes on cleanly after the cut.
    let mut user = c.actor(20).await;
    let t = c.send(&mut user, &d, b"after the cut").await;
    let after = digest(&t);
    all_found(&mut c, &[after]).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    p.crash();
    let p = Proc::start(&data, &log(4), extra).await;
    let mut c = p.client.clone();
    all_found(&mut c, &[after]).await;
    assert_eq!(
        c.snapshot(&ids[..2]).await,
        objects[..2],
        "Host and HostCap as they were"
    );
    let pipe2: dtp_protocol::Pipe = c.contents(d.pipe).await;
    assert_eq!(pipe2.next_seq, pipe.next_seq + 1);
    p.crash();
    tmp
}
