//! Funding keys without a faucet: `Client::transfer_sui` pays several addresses in one
//! transaction from all the signer's coins; a key funded with a little SUI splits what it has
//! into gas coins (`ensure_gas_coins`) instead of failing a split it cannot pay.

use dtp_sdk::{Client, Error, Key};

use crate::common::*;

const SUI: u64 = 1_000_000_000;
const BUDGET: u64 = 50_000_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfers_pay_from_every_coin_and_a_little_sui_is_split_as_far_as_it_goes() {
    let net = localnet().await;
    let c = funded(&net, &Key::generate()).await;
    let me = c.address().unwrap();
    let coin = dtp_localnet::genesis::FAUCET_COIN_VALUE;
    let (a, b) = (Key::generate(), Key::generate());
    // More than any one coin: every coin pays, merged.
    c.transfer_sui(&[(a.address(), coin + SUI), (b.address(), SUI)])
        .await
        .unwrap();
    assert_eq!(c.balance(a.address()).await.unwrap(), coin + SUI);
    assert_eq!(c.balance(b.address()).await.unwrap(), SUI);
    assert_eq!(c.coins(me).await.unwrap().len(), 1, "merged into one");
    // The pool was reloaded: the signer goes on.
    c.create_host("h", &dtp_protocol::HostConfig::default())
        .await
        .unwrap();

    // More than the balance: NoGas naming it, nothing sent.
    let have = c.balance(me).await.unwrap();
    match c.transfer_sui(&[(a.address(), have)]).await.unwrap_err() {
        Error::NoGas {
            address, balance, ..
        } => assert_eq!((address, balance), (me, have)),
        other => panic!("expected NoGas, got {other}"),
    }
    assert_eq!(c.balance(a.address()).await.unwrap(), coin + SUI);

    // 1 SUI cannot pay 20 coins of 5 SUI: it is split into as many as it can (two budgets each).
    let poor = Client::connect(config(&net, &b)).await.unwrap();
    let n = poor.ensure_gas_coins(20, 5 * SUI).await.unwrap();
    assert_eq!(n, 9, "(1 SUI - a budget) / 2 budgets");
    let coins = poor.coins(b.address()).await.unwrap();
    assert_eq!(coins.len(), 9, "{coins:?}");
    assert!(coins.iter().all(|c| c.1 >= 2 * BUDGET), "{coins:?}");
    net.stop().await;
}
