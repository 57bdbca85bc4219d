//! A whole dtp flow against a started localnet, through gRPC, using only Sui client crates:
//! faucet, host and endpoints, heartbeats, send, claim, complete, takeover with a fenced late
//! completion, objects read back and decoded, and every transaction found in the checkpoint stream.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use dtp_localnet::node::Cadence;
use dtp_protocol::{Event, MoveAbort};
use futures::StreamExt;
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, TypeTag};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_pipe_send_claim_complete_takeover_and_fencing() {
    let mut net = Net::start(Cadence::Interval(Duration::from_millis(50))).await;
    let mut stream = net
        .client
        .subscription_client()
        .subscribe_checkpoints(pb::SubscribeCheckpointsRequest::default().with_read_mask(
            FieldMask::from_str("sequence_number,transactions.digest,transactions.events"),
        ))
        .await
        .unwrap()
        .into_inner();
    let mut admin = net.actor(1).await;
    let mut s1 = net.actor(2).await;
    let mut s2 = net.actor(3).await;
    let mut client = net.actor(4).await;
    let mut digests = BTreeSet::new();

    let t = net
        .call(&mut admin, "host", "create_host", |b| {
            vec![
                b.pure(&"h".to_string()),
                b.pure(&10_000u64),
                b.pure(&1u32),
                b.pure(&1_000u64),
                b.pure(&3u32),
                b.pure(&1024u64),
                b.pure(&100u64),
            ]
        })
        .await;
    assert!(success(&t), "{:?}", t.effects().status());
    digests.insert(digest(&t));
    let host = created(&t, "::host::Host")[0];
    let cap = created(&t, "::host::HostCap")[0];
    assert!(
        matches!(&events(&t)[..], [Event::HostCreated(e)] if e.host == host && e.admin == admin.addr)
    );

    for (who, name) in [(s1.addr, "s1"), (s2.addr, "s2")] {
        let h = net.shared(host, true).await;
        let c = net.owned(cap).await;
        let t = net
            .call(&mut admin, "host", "add_endpoint", |b| {
                vec![
                    b.object(h),
                    b.object(c),
                    b.pure(&who),
                    b.pure(&name.to_string()),
                    b.pure(&String::new()),
                    b.pure(&1u32),
                    b.pure(&0u32),
                    b.pure(&0u8),
                ]
            })
            .await;
        assert!(success(&t));
        digests.insert(digest(&t));
    }
    for s in [&mut s1, &mut s2] {
        let h = net.shared(host, true).await;
        let t = net
            .call(s, "host", "heartbeat", |b| {
                vec![b.object(h), b.pure(&true), b.pure(&0u32), b.object(clock())]
            })
            .await;
        assert!(matches!(&events(&t)[..], [Event::HealthChanged(e)] if e.healthy));
        digests.insert(digest(&t));
    }
    let h = net.shared(host, false).await;
    let c = net.owned(cap).await;
    let t = net
        .call(&mut admin, "pipe", "create_pipe", |b| {
            vec![
                b.object(h),
                b.object(c),
                b.pure(&"p".to_string()),
                b.pure(&0u8),
            ]
        })
        .await;
    digests.insert(digest(&t));
    let pipe = created(&t, "::pipe::Pipe")[0];

    // send -> s1 (round robin starts at the first endpoint).
    let send = |payload: &'static str| {
        move |b: &mut sui_transaction_builder::TransactionBuilder, p, h| {
            vec![
                b.object(p),
                b.object(h),
                b.pure(&payload.as_bytes().to_vec()),
                b.pure(&Vec::<u8>::new()),
                b.pure(&String::new()),
                b.object(clock()),
            ]
        }
    };
    let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
    let t = net
        .call(&mut client, "pipe", "send", |b| send("hello")(b, p, h))
        .await;
    digests.insert(digest(&t));
    let Event::Assigned(a) = &events(&t)[0] else {
        panic!()
    };
    assert_eq!(
        (a.seq, a.server, a.attempt, a.sender),
        (0, s1.addr, 1, client.addr)
    );

    // The Pipe and its pending entry read back with their Move layouts.
    let pipe_obj: dtp_protocol::Pipe = net.contents(pipe).await;
    assert_eq!((pipe_obj.next_seq, pipe_obj.pending.size), (1, 1));
    let entry = pipe_obj
        .pending
        .id
        .derive_dynamic_child_id(&TypeTag::U64, &0u64.to_le_bytes());
    let (id, seq, req): (Address, u64, dtp_protocol::Request) = net.contents(entry).await;
    assert_eq!(
        (id, seq, req.payload.as_slice(), req.server),
        (entry, 0, b"hello".as_slice(), s1.addr)
    );

    for (f, extra) in [("claim", None), ("complete", Some(b"world".to_vec()))] {
        let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
        let t = net
            .call(&mut s1, "pipe", f, |b| {
                let mut args = vec![b.object(p), b.object(h), b.pure(&0u64), b.pure(&1u32)];
                if let Some(r) = &extra {
                    args.push(b.pure(&true));
                    args.push(b.pure(r));
                }
                args.push(b.object(clock()));
                args
            })
            .await;
        assert!(success(&t), "{f}: {:?}", t.effects().status());
        digests.insert(digest(&t));
    }
    let pipe_obj: dtp_protocol::Pipe = net.contents(pipe).await;
    assert_eq!(pipe_obj.pending.size, 0);
    let gone = net
        .client
        .ledger_client()
        .get_object(pb::GetObjectRequest::default().with_object_id(entry.to_string()))
        .await
        .unwrap_err();
    assert_eq!(
        gone.code(),
        tonic::Code::NotFound,
        "the completed entry's field object is deleted"
    );

    // seq 1 -> s2; s2 stalls past the lease; s1 takes over; s2's late completion is fenced.
    let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
    let t = net
        .call(&mut client, "pipe", "send", |b| send("again")(b, p, h))
        .await;
    digests.insert(digest(&t));
    assert!(matches!(&events(&t)[0], Event::Assigned(a) if a.server == s2.addr && a.seq == 1));
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
    let t = net
        .call(&mut s1, "pipe", "takeover", |b| {
            vec![b.object(p), b.object(h), b.pure(&1u64), b.object(clock())]
        })
        .await;
    digests.insert(digest(&t));
    assert!(
        matches!(&events(&t)[0], Event::Reassigned(r) if r.from == s2.addr && r.to == s1.addr && r.attempt == 2)
    );
    let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
    let t = net
        .call(&mut s2, "pipe", "complete", |b| {
            vec![
                b.object(p),
                b.object(h),
                b.pure(&1u64),
                b.pure(&1u32),
                b.pure(&true),
                b.pure(&b"late".to_vec()),
                b.object(clock()),
            ]
        })
        .await;
    digests.insert(digest(&t));
    assert!(!success(&t));
    let abort = t.effects().status().error().abort().abort_code();
    assert_eq!(
        MoveAbort::from_abort_code(abort),
        Some(MoveAbort::StaleAttempt)
    );
    assert!(t.events().events.is_empty());
    let (p, h) = (net.shared(pipe, true).await, net.shared(host, false).await);
    let t = net
        .call(&mut s1, "pipe", "complete", |b| {
            vec![
                b.object(p),
                b.object(h),
                b.pure(&1u64),
                b.pure(&2u32),
                b.pure(&true),
                b.pure(&b"ok".to_vec()),
                b.object(clock()),
            ]
        })
        .await;
    digests.insert(digest(&t));
    assert!(matches!(&events(&t)[0], Event::Completed(c) if c.attempt == 2 && c.server == s1.addr));

    // Every transaction (ours and the faucet's) reaches the checkpoint stream, in order, no gaps.
    let mut seen = BTreeSet::new();
    let mut last = None;
    while !digests.is_subset(&seen) {
        let cp = tokio::time::timeout(Duration::from_secs(5), stream.next())
            .await
            .expect("a checkpoint within 5 s")
            .unwrap()
            .unwrap();
        let cp = cp.checkpoint.unwrap();
        if let Some(l) = last {
            assert_eq!(cp.sequence_number(), l + 1, "consecutive checkpoints");
        }
        last = Some(cp.sequence_number());
        for t in &cp.transactions {
            seen.insert(t.digest().parse().unwrap());
        }
    }
    net.running.stop().await;
}
