//! The takeover scenario (a server stalls, a peer takes over, the late completion is fenced, the
//! request completes exactly once), written against the SDK only, so the same code runs on the
//! embedded localnet (always) and on a real Sui node (`--ignored`, with DTP_SUI_RPC_URL,
//! DTP_SUI_PACKAGE and DTP_SUI_FAUCET_URL set; see localnet/sui-localnet.sh).

use std::time::Duration;

use dtp_protocol::{EndpointArgs, Event, HostConfig, MoveAbort, Policy};
use dtp_sdk::replay::{refusals, timelines, unexplained_fences, HistoryRange};
use dtp_sdk::{Client, ClientConfig, Key};
use futures::StreamExt;
use sui_sdk_types::Address;

async fn funded(url: &str, faucet: &str, package: Address, key: &Key) -> Client {
    let f =
        sui_rpc::faucet::FaucetClient::new(format!("{}/", faucet.trim_end_matches('/'))).unwrap();
    f.request(key.address()).await.expect("faucet");
    // The coin index can lag behind the faucet on a real node: poll.
    for _ in 0..60 {
        let c = Client::connect(ClientConfig::new(url, package).with_key(key.clone()))
            .await
            .expect("connect");
        if !c.coins(key.address()).await.unwrap().is_empty() {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("no coins for {} after the faucet", key.address());
}

async fn scenario(url: &str, faucet: &str, package: Address) {
    let keys: Vec<Key> = (0..4).map(|_| Key::generate()).collect();
    let mut c = Vec::new();
    for k in &keys {
        c.push(funded(url, faucet, package, k).await);
    }
    let (admin, s1, s2) = (&c[0], &c[1], &c[2]);
    let cfg = HostConfig {
        heartbeat_timeout_ms: 60_000,
        healthy_threshold: 1,
        lease_ms: 2_000,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("takeover", &cfg).await.unwrap();
    // Other clients find the Host only once the node's reads show its creation (a Sui
    // fullnode answers with effects first); the admin's own next calls need no read.
    admin.sync().await.unwrap();
    for (i, s) in [s1, s2].iter().enumerate() {
        let args = EndpointArgs {
            server: s.address().unwrap(),
            label: format!("s{i}"),
            region: String::new(),
            weight: 1,
            max_inflight: 0,
            role: 0,
        };
        admin.add_endpoint(host, cap, &args).await.unwrap();
        s.heartbeat(host, true, 0).await.unwrap();
    }
    let pipe = admin
        .create_pipe(host, cap, "takeover", Policy::RoundRobin)
        .await
        .unwrap();
    for x in [admin, s1, s2] {
        x.sync().await.unwrap();
    }
    let from = admin.latest_checkpoint().await.unwrap() + 1;
    let mut events = Box::pin(admin.follow(from));
    let a = c[3]
        .send(pipe, host, b"work".to_vec(), vec![], "")
        .await
        .unwrap();
    assert_eq!((a.server, a.attempt), (s1.address().unwrap(), 1));
    s1.claim(pipe, host, a.seq, 1).await.unwrap();
    // s1 stalls past its lease; s2 takes over.
    let early = s2.takeover(pipe, host, a.seq).await.unwrap_err();
    assert_eq!(early.abort(), Some(MoveAbort::LeaseNotExpired), "{early}");
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let mut took = false;
    for _ in 0..20 {
        match s2.takeover(pipe, host, a.seq).await {
            Ok(_) => {
                took = true;
                break;
            }
            Err(e) if e.abort() == Some(MoveAbort::LeaseNotExpired) => {
                tokio::time::sleep(Duration::from_millis(250)).await
            }
            Err(e) => panic!("takeover: {e}"),
        }
    }
    assert!(took, "the lease expired on chain");
    // The stalled server wakes up: fenced.
    let late = s1
        .complete(pipe, host, a.seq, 1, true, b"late".to_vec())
        .await
        .unwrap_err();
    assert_eq!(late.abort(), Some(MoveAbort::StaleAttempt), "{late}");
    s2.complete(pipe, host, a.seq, 2, true, b"done".to_vec())
        .await
        .unwrap();
    // The history: one Reassigned (expired) and exactly one Completed, by s2 with attempt 2.
    let (mut reassigned, mut completed) = (0, Vec::new());
    while completed.is_empty() {
        let cp = tokio::time::timeout(Duration::from_secs(30), events.next())
            .await
            .expect("events")
            .unwrap();
        for e in cp.events {
            match e.event {
                Event::Reassigned(r) if r.pipe == pipe => reassigned += 1,
                Event::Completed(x) if x.pipe == pipe => completed.push(x),
                _ => {}
            }
        }
    }
    assert_eq!(reassigned, 1);
    assert_eq!(completed.len(), 1);
    assert_eq!(
        (
            completed[0].server,
            completed[0].attempt,
            completed[0].response.as_slice()
        ),
        (s2.address().unwrap(), 2, b"done".as_slice())
    );
    // The refused late completion is on the chain too, and the history explains it.
    let h = s2
        .history(
            pipe,
            HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    let refused = h.refused.expect("collected with the transactions");
    let fenced: Vec<_> = refused.iter().filter(|c| c.is_fenced()).collect();
    assert_eq!(fenced.len(), 1, "{refused:?}");
    assert_eq!(
        (
            fenced[0].function,
            fenced[0].seq,
            fenced[0].attempt,
            fenced[0].sender
        ),
        ("complete", Some(a.seq), Some(1), s1.address().unwrap())
    );
    assert_eq!(fenced[0].abort, Some(MoveAbort::StaleAttempt));
    assert_eq!(refusals(&refused).fenced_completions, 1);
    let tl = timelines(pipe, &h.events);
    assert!(unexplained_fences(&refused, &tl).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn takeover_and_fencing_on_the_embedded_localnet() {
    let net = dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: dtp_localnet::node::NodeConfig {
            data_dir: None,
            cadence: dtp_localnet::node::Cadence::Interval(Duration::from_millis(200)),
            retain_checkpoints: None,
            compact_log_bytes: None,
            // Reads trail effects, as on a Sui fullnode.
            latency: dtp_localnet::node::Latency::TESTS,
        },
    })
    .await
    .unwrap();
    scenario(
        &net.grpc_url(),
        &net.faucet_url(),
        dtp_localnet::genesis::DTP_PACKAGE,
    )
    .await;
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Sui node: set DTP_SUI_RPC_URL, DTP_SUI_PACKAGE, DTP_SUI_FAUCET_URL (localnet/sui-localnet.sh test)"]
async fn takeover_and_fencing_on_a_real_sui_node() {
    let url = std::env::var("DTP_SUI_RPC_URL").expect("DTP_SUI_RPC_URL");
    let package: Address = std::env::var("DTP_SUI_PACKAGE")
        .expect("DTP_SUI_PACKAGE")
        .parse()
        .expect("a package id");
    let faucet =
        std::env::var("DTP_SUI_FAUCET_URL").unwrap_or_else(|_| "http://127.0.0.1:9123".into());
    scenario(&url, &faucet, package).await;
}
