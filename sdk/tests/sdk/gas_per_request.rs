//! Net gas per request (send + complete, every party's transactions) at batch sizes 1, 8 and 64
//! on the embedded localnet's schedule: flat computation per transaction, storage per byte
//! written, 99% of it given back when the request is deleted by its completion. docs/sui.md and
//! docs/benchmarks.md print the table this test prints (`--nocapture`); the gas is deterministic,
//! so the goal of #15 (batched, a quarter of one request per transaction or less) is asserted.

use std::collections::BTreeMap;

use dtp_protocol::calls::{Call, Complete, Send};
use dtp_protocol::envelope::{HttpRequest, HttpResponse};
use dtp_protocol::HostConfig;
use dtp_sdk::{CallResult, Client, GasUsed, Key, Objects};

use crate::common::*;

/// A 200-byte-ish HTTP request, as the gateway would send it.
fn payload(i: usize) -> Vec<u8> {
    HttpRequest {
        method: "GET".into(),
        path: format!("/api/instance?i={i:04}"),
        headers: vec![("accept".into(), "application/json".into())],
        body: vec![b'x'; 130],
    }
    .encode()
}

/// The gas of every transaction behind `results` (calls of one batch share one).
fn gas(results: &[CallResult]) -> BTreeMap<String, GasUsed> {
    results
        .iter()
        .map(|r| {
            let o = r.as_ref().expect("every call succeeds");
            (o.digest.to_string(), o.gas)
        })
        .collect()
}

/// Sends `n` requests in one transaction and completes them in one; returns the gas.
async fn round(
    c: &Client,
    pipe: sui_sdk_types::Address,
    host: sui_sdk_types::Address,
    n: usize,
) -> (usize, GasUsed) {
    let objs = Objects::pipe(pipe, host);
    let sends = (0..n)
        .map(|i| {
            let s = Send {
                payload: payload(i),
                key: vec![],
                region: String::new(),
            };
            (objs, Call::Send(s))
        })
        .collect();
    let sent = c.batch(sends).await;
    let mut txs = gas(&sent);
    // The calls of one transaction share its outcome: its Assigned events, in command order.
    let outcome = sent[0].as_ref().expect("the sends went in");
    let completes = outcome
        .events
        .iter()
        .filter_map(|e| match e {
            dtp_protocol::Event::Assigned(a) => Some(a),
            _ => None,
        })
        .map(|a| {
            let response = HttpResponse {
                status: 200,
                headers: vec![],
                body: vec![b'y'; 180],
            }
            .encode();
            let call = Complete {
                seq: a.seq,
                attempt: a.attempt,
                ok: true,
                response,
            };
            (objs, Call::Complete(call))
        })
        .collect::<Vec<_>>();
    assert_eq!(completes.len(), n, "an Assigned per send");
    txs.extend(gas(&c.batch(completes).await));
    let total = txs.values().fold(GasUsed::default(), |t, g| GasUsed {
        computation: t.computation + g.computation,
        storage: t.storage + g.storage,
        rebate: t.rebate + g.rebate,
    });
    (txs.len(), total)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batching_cuts_the_net_gas_per_request() {
    let net = localnet().await;
    let key = Key::generate();
    let c = funded(&net, &key).await;
    let cfg = HostConfig {
        max_payload: 4_096,
        ..HostConfig::default()
    };
    let (host, pipe) = self_served(&c, cfg).await;
    // A first round, so every table and counter of the Pipe exists before measuring.
    round(&c, pipe, host, 1).await;

    println!("| batch | transactions | computation / request | storage / request | rebate / request | net MIST / request |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut net_per = BTreeMap::new();
    for n in [1usize, 8, 64] {
        let (txs, g) = round(&c, pipe, host, n).await;
        assert_eq!(txs, 2, "batch {n}: one send and one complete transaction");
        let per = |x: u64| x as f64 / n as f64;
        let net = g.net() as f64 / n as f64;
        println!(
            "| {n} | {txs} | {:.0} | {:.0} | {:.0} | {net:.0} |",
            per(g.computation),
            per(g.storage),
            per(g.rebate)
        );
        assert!(net > 0.0, "batch {n}: a request costs something");
        net_per.insert(n, net);
    }
    assert!(
        net_per[&8] < net_per[&1] && net_per[&64] < net_per[&8],
        "bigger batches cost less per request: {net_per:?}"
    );
    assert!(
        net_per[&64] * 4.0 <= net_per[&1],
        "batch 64 costs a quarter of one request per transaction or less: {net_per:?}"
    );
    net.stop().await;
}
