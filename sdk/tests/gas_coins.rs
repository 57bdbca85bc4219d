//! Gas coins too poor for the budget are not used: they would only be refused (a gateway's coins
//! are drained by the storage its sends pay, and must not turn into a stream of errors).

use dtp_sdk::{Client, ClientConfig, Key};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coins_below_the_budget_stay_out_of_the_pool() {
    let net = dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: dtp_localnet::node::NodeConfig {
            data_dir: None,
            cadence: dtp_localnet::node::Cadence::Immediate,
        },
    })
    .await
    .unwrap();
    let key = Key::from_seed([9; 32]);
    sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url()))
        .unwrap()
        .request(key.address())
        .await
        .unwrap();
    let c = Client::connect(
        ClientConfig::new(net.grpc_url(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key.clone()),
    )
    .await
    .unwrap();
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
