//! Gas coins too poor for the budget are not used: they would only be refused (a gateway's coins
//! are drained by the storage its sends pay, and must not turn into a stream of errors). When no
//! coin can pay, the coins are merged and split again, or the faucet asked (`dtp_sdk::upkeep`).

use dtp_protocol::HostConfig;
use dtp_sdk::{Client, ClientConfig, Error, Key};

use crate::common::*;
use sui_sdk_types::Address;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coins_below_the_budget_stay_out_of_the_pool() {
    let net = localnet().await;
    let key = Key::from_seed([9; 32]);
    let c = funded(&net, &key).await;
    assert_eq!(c.refresh_gas().await.unwrap(), 5);
    // Split off three coins far below the 50,000,000 MIST budget.
    let me = key.address();
    c.execute("split", |b| {
        let amounts = (0..3).map(|_| b.pure(&1_000u64)).collect();
        let g = b.gas();
        let coins = b.split_coins(g, amounts);
        let to = b.pure(&me);
        b.transfer_objects(coins, to);
    })
    .await
    .unwrap();
    // The node's reads trail its effects: list the coins once they show the split.
    c.sync().await.unwrap();
    assert_eq!(c.coins(me).await.unwrap().len(), 8);
    assert_eq!(
        c.refresh_gas().await.unwrap(),
        5,
        "the three poor coins are left out"
    );
    // Every call still goes through (none lands on a poor coin).
    for _ in 0..12 {
        c.create_host("h", &dtp_protocol::HostConfig::default())
            .await
            .unwrap();
    }
    net.stop().await;
}

/// A funded client that hands `to` `n` coins of `each` MIST.
async fn give(net: &dtp_localnet::Running, to: Address, n: usize, each: u64) {
    let c = funded(net, &Key::generate()).await;
    c.execute("give", |b| {
        let amounts = (0..n).map(|_| b.pure(&each)).collect();
        let g = b.gas();
        let coins = b.split_coins(g, amounts);
        let a = b.pure(&to);
        b.transfer_objects(coins, a);
    })
    .await
    .unwrap();
    c.sync().await.unwrap();
}

const BUDGET: u64 = 20_000_000;

fn poor(net: &dtp_localnet::Running, key: &Key) -> ClientConfig {
    let mut cfg = config(net, key);
    cfg.gas_budget = BUDGET;
    cfg
}

/// `who`'s balance once the node's reads show `c`'s transactions.
async fn balance(c: &Client, who: Address) -> u64 {
    c.sync().await.unwrap();
    c.coins(who).await.unwrap().iter().map(|c| c.1).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drained_coins_are_merged_until_the_balance_is_spent_then_the_faucet_tops_up() {
    let net = localnet().await;
    let key = Key::generate();
    let me = key.address();
    give(&net, me, 4, 30_000_000).await;
    let c = Client::connect(poor(&net, &key)).await.unwrap();
    // Each coin pays a few transactions, then falls below the budget; then the poor coins are
    // merged into one that can pay again, until the whole balance is below one budget.
    let mut done = 0;
    let err = loop {
        match c.create_host("h", &HostConfig::default()).await {
            Ok(_) => done += 1,
            Err(e) => break e,
        }
        assert!(done < 1_000, "the balance never ran out");
    };
    let left = balance(&c, me).await;
    match &err {
        Error::NoGas {
            address,
            balance,
            budget,
        } => {
            assert_eq!((*address, *balance, *budget), (me, left, BUDGET));
            assert!(left < BUDGET, "only less than a budget is left: {left}");
        }
        other => panic!("expected NoGas, got {other}"),
    }
    assert!(
        err.to_string().contains("less than one gas budget"),
        "{err}"
    );
    c.sync().await.unwrap();
    assert_eq!(c.coins(me).await.unwrap().len(), 1, "the coins were merged");
    println!("{done} transactions on 120,000,000 MIST");

    // The same signer with a faucet configured keeps going.
    let f = Client::connect(poor(&net, &key).with_faucet(Some(net.faucet_url())))
        .await
        .unwrap();
    f.create_host("h", &HostConfig::default()).await.unwrap();
    assert!(balance(&f, me).await > 5 * dtp_localnet::genesis::FAUCET_COIN_VALUE / 2);
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coins_too_poor_to_pay_are_merged_and_split_into_the_coins_asked_for() {
    let net = localnet().await;
    let key = Key::generate();
    let me = key.address();
    // Nine coins, each below the budget: none can pay on its own.
    give(&net, me, 9, BUDGET - 1_000_000).await;
    let c = Client::connect(poor(&net, &key)).await.unwrap();
    assert_eq!(c.refresh_gas().await.unwrap(), 0);
    let n = c.ensure_gas_coins(3, 2 * BUDGET).await.unwrap();
    assert_eq!(n, 3);
    let coins = c.coins(me).await.unwrap();
    assert_eq!(coins.len(), 3, "{coins:?}");
    assert!(coins.iter().all(|c| c.1 >= 2 * BUDGET), "{coins:?}");
    // Three transactions at once, one per coin.
    let cfg = HostConfig::default();
    let calls = (0..3).map(|_| c.create_host("h", &cfg));
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_faucet_that_does_not_answer_is_a_clear_error() {
    let net = localnet().await;
    let key = Key::generate();
    let dead = format!("http://127.0.0.1:{}/", free_port());
    let c = Client::connect(poor(&net, &key).with_faucet(Some(dead.clone())))
        .await
        .unwrap();
    let err = c
        .create_host("h", &HostConfig::default())
        .await
        .unwrap_err();
    match &err {
        Error::Faucet { url, .. } => assert_eq!(url, &dead),
        other => panic!("expected a faucet error, got {other}"),
    }
    assert!(
        err.to_string().starts_with(&format!("faucet {dead}")),
        "{err}"
    );
    net.stop().await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_payload_pays_its_storage_from_a_larger_budget() {
    let net = localnet().await;
    let key = Key::generate();
    let c = funded(&net, &key).await;
    let (host, pipe) = self_served(&c, HostConfig::default()).await;
    // A payload near the largest (a pure argument is at most 16 KiB with its length prefix): its
    // storage alone is over the default 50,000,000 MIST budget, so with that budget the node
    // fails it with InsufficientGas.
    let payload = vec![7u8; 16_000];
    let before = balance(&c, key.address()).await;
    let a = c.send(pipe, host, payload, vec![], "").await.unwrap();
    let spent = before - balance(&c, key.address()).await;
    assert!(
        spent > c.config().gas_budget,
        "the send cost {spent} MIST, more than the default budget"
    );
    assert_eq!(a.server, key.address());
    // The largest payload a transaction carries goes; one byte more is refused before sending.
    let max = dtp_protocol::constants::MAX_SENDABLE_PAYLOAD;
    c.send(pipe, host, vec![1u8; max], vec![], "")
        .await
        .unwrap();
    c.sync().await.unwrap();
    let next = c.pipe(pipe).await.unwrap().next_seq;
    let err = c
        .send(pipe, host, vec![1u8; max + 1], vec![], "")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err}");
    assert!(
        err.to_string().contains("`payload` is 16385 bytes"),
        "{err}"
    );
    assert_eq!(c.pipe(pipe).await.unwrap().next_seq, next, "nothing sent");
    net.stop().await;
}
