//! Gas per operation on the embedded localnet's flat schedule (docs/sui.md prints this table):
//! computation is 1,000 units at the reference price for every call; storage is charged per byte
//! written and mostly refunded when objects shrink or are deleted.

use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::Key;

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gas_per_operation() {
    let net = localnet().await;
    let key = Key::from_seed([5; 32]);
    let c = funded(&net, &key).await;
    let mut rows = Vec::new();
    let (host, cap) = c
        .create_host(
            "gas",
            &HostConfig {
                healthy_threshold: 1,
                ..HostConfig::default()
            },
        )
        .await
        .unwrap();
    let me = c.address().unwrap();
    let args = EndpointArgs {
        server: me,
        label: "s".into(),
        region: String::new(),
        weight: 1,
        max_inflight: 0,
        role: 0,
    };
    rows.push((
        "add_endpoint",
        c.add_endpoint(host, cap, &args).await.unwrap().gas,
    ));
    rows.push(("heartbeat", c.heartbeat(host, true, 0).await.unwrap().gas));
    let pipe = c
        .create_pipe(host, cap, "gas", Policy::RoundRobin)
        .await
        .unwrap();
    // Balances as the node's reads show them once they include this client's transactions.
    c.sync().await.unwrap();
    let before = c
        .coins(me)
        .await
        .unwrap()
        .iter()
        .map(|(_, b)| b)
        .sum::<u64>();
    let a = c.send(pipe, host, vec![7; 256], vec![], "").await.unwrap();
    c.sync().await.unwrap();
    let after = c
        .coins(me)
        .await
        .unwrap()
        .iter()
        .map(|(_, b)| b)
        .sum::<u64>();
    rows.push(("claim", c.claim(pipe, host, a.seq, 1).await.unwrap().gas));
    rows.push((
        "complete",
        c.complete(pipe, host, a.seq, 1, true, vec![1; 256])
            .await
            .unwrap()
            .gas,
    ));
    println!("| operation | computation | storage | rebate | net (MIST) |");
    println!("| --- | --- | --- | --- | --- |");
    println!(
        "| send (256 B payload) | {} | | | {} |",
        1_000_000,
        before - after
    );
    for (name, g) in &rows {
        println!(
            "| {name} | {} | {} | {} | {} |",
            g.computation,
            g.storage,
            g.rebate,
            g.net()
        );
        assert_eq!(g.computation, 1_000_000, "{name}: flat computation");
        assert!(g.storage > 0, "{name}: writes are charged");
    }
    let complete = rows.iter().find(|(n, _)| *n == "complete").unwrap().1;
    assert!(
        complete.rebate > 0,
        "completing deletes the request: storage comes back"
    );
    assert!(
        before - after > 1_000_000,
        "send pays computation and the request's storage"
    );
    net.stop().await;
}
