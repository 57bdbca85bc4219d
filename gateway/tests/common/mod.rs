//! Shared by the gateway's integration tests: a localnet whose reads trail effects (as a Sui
//! fullnode's), funded clients, and a daemon configuration for the pipes of a Host.
#![allow(dead_code)]

use dtp_daemon::config::DaemonConfig;
use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_sdk::{Client, ClientConfig, Key};
use sui_sdk_types::Address;

pub const PACKAGE: Address = dtp_localnet::genesis::DTP_PACKAGE;

/// An in-memory localnet on free loopback ports, a checkpoint per commit, reads 250 ms behind.
pub async fn localnet() -> dtp_localnet::Running {
    dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: None,
            cadence: Cadence::Immediate,
            retain_checkpoints: None,
            compact_log_bytes: None,
            latency: Latency::TESTS,
        },
    })
    .await
    .unwrap()
}

/// A client of `key`, funded from the faucet (its coins readable before it returns).
pub async fn funded(net: &dtp_localnet::Running, key: &Key) -> Client {
    let c = Client::connect(ClientConfig::new(net.grpc_url(), PACKAGE).with_key(key.clone()))
        .await
        .unwrap();
    c.request_gas(&net.faucet_url()).await.unwrap();
    c
}

/// A daemon of `key` serving `pipes` of `host` with one backend; no admin or metrics listener.
pub fn daemon_config(
    net: &dtp_localnet::Running,
    key: &Key,
    host: Address,
    pipes: &[Address],
    backend: &str,
    dir: &std::path::Path,
) -> DaemonConfig {
    let pipes: Vec<String> = pipes.iter().map(|p| format!("\"{p}\"")).collect();
    let text = format!(
        "[chain]\nurl = \"{}\"\npackage = \"{PACKAGE}\"\nkey = \"{}\"\nhost = \"{host}\"\npipes = [{}]\n\n[[backends]]\nurl = \"{backend}\"\n\n[health]\ninterval_ms = 200\nhealthy_threshold = 1\nunhealthy_threshold = 1\n\n[daemon]\nheartbeat_interval_ms = 300\nstate_dir = \"{}\"\n",
        net.grpc_url(),
        key.to_suiprivkey(),
        pipes.join(", "),
        dir.display()
    );
    let path = dir.with_extension("toml");
    std::fs::write(&path, text).unwrap();
    let mut cfg = DaemonConfig::load(Some(&path)).unwrap();
    cfg.daemon.admin_listen = None;
    cfg.daemon.metrics_listen = None;
    cfg
}
