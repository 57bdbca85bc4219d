//! Following the chain as a Sui indexer does, using only Sui client crates: stream checkpoints,
//! disconnect, let transactions run, backfill with GetCheckpoint, stream again; every transaction
//! is seen exactly once and checkpoint numbers have no gap and no repeat. And GetTransaction is
//! NOT_FOUND until the transaction's checkpoint exists, then names that checkpoint.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::common::*;
use dtp_localnet::node::Cadence;
use futures::StreamExt;
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::Digest;
use tonic::Streaming;

const MASK: &str = "sequence_number,transactions.digest";

/// Checkpoints seen, by sequence number: the digests of their transactions.
type Seen = BTreeMap<u64, Vec<Digest>>;

fn note(seen: &mut Seen, cp: pb::Checkpoint) {
    let digests = cp
        .transactions
        .iter()
        .map(|t| t.digest().parse().unwrap())
        .collect();
    let seq = cp.sequence_number();
    assert!(
        seen.insert(seq, digests).is_none(),
        "checkpoint {seq} seen twice"
    );
}

async fn subscribe(net: &mut Net) -> Streaming<pb::SubscribeCheckpointsResponse> {
    let req = pb::SubscribeCheckpointsRequest::default().with_read_mask(FieldMask::from_str(MASK));
    net.client
        .subscription_client()
        .subscribe_checkpoints(req)
        .await
        .unwrap()
        .into_inner()
}

/// Reads the stream until every digest of `want` is in `seen`.
async fn follow(
    stream: &mut Streaming<pb::SubscribeCheckpointsResponse>,
    seen: &mut Seen,
    want: &[Digest],
) {
    while !want.iter().all(|d| seen.values().flatten().any(|s| s == d)) {
        let r = tokio::time::timeout(Duration::from_secs(5), stream.next())
            .await
            .expect("a checkpoint within 5 s")
            .expect("the stream stays open")
            .expect("no stream error");
        assert_eq!(
            Some(r.cursor()),
            r.checkpoint.as_ref().map(|c| c.sequence_number())
        );
        note(seen, r.checkpoint.unwrap());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stream_disconnect_backfill_resubscribe_sees_every_transaction_once() {
    let mut net = Net::start(Cadence::Immediate).await;
    let mut admin = net.actor(1).await;
    let mut servers = vec![net.actor(2).await];
    let d = net.setup(&mut admin, &mut servers).await;
    let mut users = [net.actor(3).await, net.actor(4).await];
    let mut executed = Vec::new();
    let mut seen = Seen::new();

    // Live: a few sends, streamed.
    let mut stream = subscribe(&mut net).await;
    for i in 0..6 {
        let t = net.send(&mut users[i % 2], &d, b"live").await;
        executed.push(digest(&t));
    }
    follow(&mut stream, &mut seen, &executed).await;
    drop(stream);
    let first = *seen.keys().next().unwrap();

    // Disconnected: sends, a faucet transfer and an admin call.
    for i in 0..10 {
        let t = net.send(&mut users[i % 2], &d, b"offline").await;
        executed.push(digest(&t));
    }
    let _ = net.actor(5).await;
    let (h, c) = (net.shared(d.host, true).await, net.owned(d.cap).await);
    let who = servers[0].addr;
    let t = net
        .call(&mut admin, "host", "set_state", |b| {
            vec![
                b.object(h),
                b.object(c),
                b.pure(&who),
                b.pure(&0u8),
                b.object(clock()),
            ]
        })
        .await;
    executed.push(digest(&t));

    // Backfill from the last seen checkpoint + 1 up to the latest.
    let last = *seen.keys().last().unwrap();
    let latest = net.latest_checkpoint().await;
    assert!(
        latest >= last + 12,
        "each transaction has its own checkpoint"
    );
    for seq in last + 1..=latest {
        let cp = net.checkpoint(seq, MASK).await.unwrap();
        assert_eq!(cp.sequence_number(), seq);
        note(&mut seen, cp);
    }
    let e = net.checkpoint(latest + 1, MASK).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::NotFound);

    // Live again.
    let mut stream = subscribe(&mut net).await;
    let mut live = Vec::new();
    for i in 0..6 {
        let t = net.send(&mut users[i % 2], &d, b"again").await;
        live.push(digest(&t));
    }
    executed.extend(&live);
    follow(&mut stream, &mut seen, &live).await;

    let seqs: Vec<u64> = seen.keys().copied().collect();
    let expected: Vec<u64> = (first..first + seqs.len() as u64).collect();
    assert_eq!(seqs, expected, "no gap, no repeat");
    let all: Vec<&Digest> = seen.values().flatten().collect();
    for d in &executed {
        assert_eq!(all.iter().filter(|s| **s == d).count(), 1, "{d} seen once");
    }
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "no transaction in two checkpoints");
    // Each transaction names the checkpoint that holds it.
    for (seq, digests) in &seen {
        for d in digests {
            assert_eq!(net.get_tx(d).await.unwrap().checkpoint(), *seq);
        }
    }
    net.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_transaction_is_not_found_until_its_checkpoint_exists() {
    let mut net = Net::start(Cadence::Interval(Duration::from_millis(400))).await;
    let mut user = net.actor(1).await;
    let mut not_found_seen = 0;
    for _ in 0..4 {
        let (tx, sig) = sign(&user, {
            let mut b = net.builder(&user);
            let g = b.gas();
            let one = b.pure(&1u64);
            let coins = b.split_coins(g, vec![one]);
            let me = b.pure(&user.addr);
            b.transfer_objects(coins, me);
            b
        });
        let t = net.execute(&mut user, tx, sig).await.unwrap();
        let d = digest(&t);
        match net.get_tx(&d).await {
            Err(e) => {
                assert_eq!(e.code(), tonic::Code::NotFound, "{}", e.message());
                assert!(e.message().contains(&d.to_string()), "{}", e.message());
                assert!(t.checkpoint.is_none(), "not in a checkpoint when executed");
                not_found_seen += 1;
            }
            // The interval ended just between the two calls.
            Ok(found) => assert!(found.checkpoint.is_some()),
        }
        let mut found = None;
        for _ in 0..100 {
            match net.get_tx(&d).await {
                Ok(f) => {
                    found = Some(f);
                    break;
                }
                Err(e) => assert_eq!(e.code(), tonic::Code::NotFound),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let found = found.expect("checkpointed within 2 s");
        assert_eq!(found.digest(), d.to_string());
        let seq = found.checkpoint.expect("names its checkpoint");
        let cp = net.checkpoint(seq, MASK).await.unwrap();
        assert!(cp.transactions.iter().any(|t| t.digest() == d.to_string()));
        if seq > 0 {
            let prev = net.checkpoint(seq - 1, MASK).await.unwrap();
            assert!(prev
                .transactions
                .iter()
                .all(|t| t.digest() != d.to_string()));
        }
    }
    assert!(
        not_found_seen >= 2,
        "NOT_FOUND before the checkpoint ({not_found_seen} of 4)"
    );
    net.running.stop().await;
}
