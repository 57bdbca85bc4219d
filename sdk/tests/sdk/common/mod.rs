//! Shared by the SDK's integration tests: an embedded localnet on loopback and funded clients.
#![allow(dead_code)]

use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_sdk::{Client, ClientConfig, Key};

/// An in-memory localnet on free loopback ports.
pub async fn localnet_with(
    cadence: Cadence,
    retain_checkpoints: Option<u64>,
) -> dtp_localnet::Running {
    dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: None,
            cadence,
            retain_checkpoints,
            compact_log_bytes: None,
            // Reads trail effects, as on a Sui fullnode.
            latency: Latency::TESTS,
        },
    })
    .await
    .unwrap()
}

/// [`localnet_with`] checkpointing after every group commit, keeping all history.
pub async fn localnet() -> dtp_localnet::Running {
    localnet_with(Cadence::Immediate, None).await
}

/// The client configuration of `key` on `net`.
pub fn config(net: &dtp_localnet::Running, key: &Key) -> ClientConfig {
    ClientConfig::new(net.grpc_url(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key.clone())
}

/// Funds `key` from the faucet.
pub async fn fund(net: &dtp_localnet::Running, key: &Key) {
    sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url()))
        .unwrap()
        .request(key.address())
        .await
        .unwrap();
}

/// A client of `key`, funded from the faucet (its coins readable before it returns).
pub async fn funded(net: &dtp_localnet::Running, key: &Key) -> Client {
    let c = Client::connect(config(net, key)).await.unwrap();
    c.request_gas(&net.faucet_url()).await.unwrap();
    c
}

/// A Host (`cfg`, with a healthy threshold of 1) whose one server is `c` itself, healthy, and a
/// round-robin Pipe of it: `(host, pipe)`.
pub async fn self_served(
    c: &Client,
    cfg: dtp_protocol::HostConfig,
) -> (sui_sdk_types::Address, sui_sdk_types::Address) {
    let cfg = dtp_protocol::HostConfig {
        healthy_threshold: 1,
        ..cfg
    };
    let (host, cap) = c.create_host("self", &cfg).await.unwrap();
    let server = dtp_protocol::EndpointArgs {
        server: c.address().unwrap(),
        label: "s".into(),
        region: String::new(),
        weight: 1,
        max_inflight: 0,
        role: 0,
    };
    c.add_endpoint(host, cap, &server).await.unwrap();
    c.heartbeat(host, true, 0).await.unwrap();
    let pipe = c
        .create_pipe(host, cap, "p", dtp_protocol::Policy::RoundRobin)
        .await
        .unwrap();
    (host, pipe)
}
