//! A call whose future is dropped half-way (an HTTP client that hung up on the gateway) must not
//! leak its gas coin: after many dropped calls the client still works.

use std::time::Duration;

use dtp_protocol::HostConfig;
use dtp_sdk::{Client, ClientConfig, Key};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_calls_do_not_leak_gas_coins() {
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
    let key = Key::from_seed([8; 32]);
    sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url()))
        .unwrap()
        .request(key.address())
        .await
        .unwrap();
    let c = Client::connect(
        ClientConfig::new(net.grpc_url(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key),
    )
    .await
    .unwrap();
    // The faucet gave 5 coins; drop 20 calls at various points of their flight.
    for i in 0..20u64 {
        let _ = tokio::time::timeout(
            Duration::from_micros(50 + i * 150),
            c.create_host("dropped", &HostConfig::default()),
        )
        .await;
    }
    let done = tokio::time::timeout(
        Duration::from_secs(20),
        c.create_host("after", &HostConfig::default()),
    )
    .await;
    assert!(
        matches!(done, Ok(Ok(_))),
        "the client still has gas after dropped calls: {done:?}"
    );
    net.stop().await;
}
