//! Batches: many calls in one programmable transaction, each with its own result; an aborting
//! call is answered and its neighbours go again; a call over Sui's limits is refused alone.

use dtp_protocol::calls::{Call, Complete, Send};
use dtp_protocol::{HostConfig, MoveAbort, Policy};
use dtp_sdk::{Error, Key, Objects};

use crate::common::*;

fn send(i: usize) -> Send {
    Send {
        payload: format!("req-{i}").into_bytes(),
        key: vec![],
        region: String::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_one_transaction_and_one_bad_call_fails_alone() {
    let net = localnet().await;
    let key = Key::generate();
    let c = funded(&net, &key).await;
    let (host, pipe) = self_served(&c, HostConfig::default()).await;

    // 64 sends, one transaction: consecutive sequence numbers, in order.
    let sent = c.send_batch(pipe, host, (0..64).map(send).collect()).await;
    let assigned: Vec<_> = sent.into_iter().map(Result::unwrap).collect();
    let seqs: Vec<u64> = assigned.iter().map(|a| a.seq).collect();
    assert_eq!(seqs, (0..64).collect::<Vec<_>>());

    // One payload over Sui's 16 KiB per argument is refused alone, before signing; the rest go.
    let mut reqs: Vec<Send> = (0..3).map(send).collect();
    reqs[1].payload = vec![0; 17_000];
    let r = c.send_batch(pipe, host, reqs).await;
    assert!(
        matches!(&r[1], Err(Error::Invalid(m)) if m.contains("over the 16384 bytes")),
        "{:?}",
        r[1]
    );
    assert_eq!(r[0].as_ref().unwrap().seq, 64);
    assert_eq!(r[2].as_ref().unwrap().seq, 65);

    // Completes with a stale one in the middle: it gets its abort (the effects name its
    // command), its neighbours complete.
    let mut calls = Vec::new();
    for a in &assigned[..5] {
        let attempt = if a.seq == 2 { a.attempt + 1 } else { a.attempt };
        calls.push((
            Objects::pipe(pipe, host),
            Call::Complete(Complete {
                seq: a.seq,
                attempt,
                ok: true,
                response: b"done".to_vec(),
            }),
        ));
    }
    let done = c.batch(calls).await;
    assert_eq!(done.len(), 5);
    let ok: Vec<_> = done.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 4, "{done:?}");
    assert!(
        ok.iter().all(|o| o.digest == ok[0].digest),
        "the four in one transaction"
    );
    match &done[2] {
        Err(Error::Aborted {
            abort, function, ..
        }) => {
            assert_eq!(*abort, MoveAbort::StaleAttempt);
            assert_eq!(function, "complete");
        }
        other => panic!("expected the stale completion's abort, got {other:?}"),
    }
    c.sync().await.unwrap();
    let p = c.pipe(pipe).await.unwrap();
    assert_eq!(p.pending.size, 66 - 4, "only the four completed");
    assert!(
        c.pending(&p, 2).await.unwrap().is_some(),
        "the stale one is still pending"
    );
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_call_of_a_batch_that_always_aborts_gets_its_abort() {
    let net = localnet().await;
    let key = Key::generate();
    let c = funded(&net, &key).await;
    let (host, cap) = c
        .create_host("abort", &HostConfig::default())
        .await
        .unwrap();
    let pipe = c
        .create_pipe(host, cap, "p", Policy::RoundRobin)
        .await
        .unwrap();
    // No endpoint: every send aborts with ENoHealthyEndpoint; the first command is named, and
    // each call of the batch ends with that abort (nothing is dropped, nothing retried forever).
    let r = c.send_batch(pipe, host, (0..3).map(send).collect()).await;
    for x in &r {
        match x {
            Err(Error::Aborted { abort, .. }) => assert_eq!(*abort, MoveAbort::NoHealthyEndpoint),
            other => panic!("{other:?}"),
        }
    }
    net.stop().await;
}
