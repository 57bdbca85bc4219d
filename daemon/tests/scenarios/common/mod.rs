//! Harness for the daemon's end-to-end tests: an embedded localnet (in-process, real gRPC on
//! loopback), real `dtp-sample` backend processes and real `dtpd` processes with their own
//! configuration files, keys and state directories.
#![allow(dead_code)]

mod proc;
mod rpc;
mod seen;

// Each test binary uses part of the harness.
#[allow(unused_imports)]
pub use proc::*;
#[allow(unused_imports)]
pub use rpc::*;
#[allow(unused_imports)]
pub use seen::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_protocol::{Endpoint, EndpointArgs, HostConfig, Policy};
use dtp_sdk::{ChainEvent, Client, ClientConfig, Key};
use futures::StreamExt;
use sui_sdk_types::Address;

pub const PACKAGE: Address = dtp_localnet::genesis::DTP_PACKAGE;

/// The daemon settings of the tests (short intervals), as `section.key -> TOML value`.
const DEFAULTS: &[(&str, &str)] = &[
    ("health.interval_ms", "200"),
    ("health.timeout_ms", "200"),
    ("health.healthy_threshold", "1"),
    ("health.unhealthy_threshold", "1"),
    ("daemon.heartbeat_interval_ms", "300"),
    ("daemon.takeover_stagger_ms", "300"),
    ("daemon.admin_listen", "\"127.0.0.1:0\""),
    ("daemon.metrics_listen", "\"127.0.0.1:0\""),
    ("daemon.shutdown_grace_ms", "2000"),
];

/// The chain under test: the embedded localnet (default), or a real Sui node when
/// `DTP_SUI_RPC_URL` and `DTP_SUI_PACKAGE` are set (`DTP_SUI_FAUCET_URL`, default
/// http://127.0.0.1:9123): then the same scenarios run against Sui (localnet/sui-localnet.sh test).
pub enum Chain {
    Local(dtp_localnet::Running),
    Sui {
        grpc: String,
        faucet: String,
        package: Address,
    },
}

impl Chain {
    async fn start() -> Chain {
        if let (Ok(grpc), Ok(package)) = (
            std::env::var("DTP_SUI_RPC_URL"),
            std::env::var("DTP_SUI_PACKAGE"),
        ) {
            let faucet = std::env::var("DTP_SUI_FAUCET_URL")
                .unwrap_or_else(|_| "http://127.0.0.1:9123".into());
            return Chain::Sui {
                grpc,
                faucet,
                package: package.parse().expect("DTP_SUI_PACKAGE is a package id"),
            };
        }
        let (cadence, latency) = timings();
        Chain::Local(
            dtp_localnet::start(dtp_localnet::LocalnetConfig {
                grpc: "127.0.0.1:0".parse().unwrap(),
                faucet: "127.0.0.1:0".parse().unwrap(),
                node: NodeConfig {
                    data_dir: None,
                    cadence: Cadence::Interval(cadence),
                    retain_checkpoints: None,
                    compact_log_bytes: None,
                    latency,
                },
            })
            .await
            .unwrap(),
        )
    }

    pub fn grpc_url(&self) -> String {
        match self {
            Chain::Local(r) => r.grpc_url(),
            Chain::Sui { grpc, .. } => grpc.clone(),
        }
    }

    pub fn faucet_url(&self) -> String {
        match self {
            Chain::Local(r) => r.faucet_url(),
            Chain::Sui { faucet, .. } => faucet.clone(),
        }
    }

    pub fn package(&self) -> Address {
        match self {
            Chain::Local(_) => PACKAGE,
            Chain::Sui { package, .. } => *package,
        }
    }

    /// Fresh keys on a real node (its state persists between runs), fixed ones on the localnet.
    pub fn key(&self, seed: u8) -> Key {
        match self {
            Chain::Local(_) => Key::from_seed([seed; 32]),
            Chain::Sui { .. } => Key::generate(),
        }
    }

    pub async fn stop(self) {
        if let Chain::Local(r) = self {
            r.stop().await;
        }
    }
}

/// The localnet's checkpoint interval and latency in this run. DTP_TEST_LATENCY=sui: a real Sui
/// network's timings; otherwise fast, with reads trailing effects as on a Sui fullnode.
pub fn timings() -> (Duration, Latency) {
    match std::env::var("DTP_TEST_LATENCY").is_ok_and(|v| v == "sui") {
        true => (Duration::from_millis(250), Latency::SUI),
        false => (Duration::from_millis(50), Latency::TESTS),
    }
}

/// How long `txs` transactions in a row take beyond the fast localnet's, each answered (effects)
/// and then seen by its followers (the stream, plus up to a checkpoint interval): zero-ish on the
/// fast localnet, seconds at a real Sui network's timings. Bounds in the tests add it.
pub fn chain_time(txs: u32) -> Duration {
    let (cadence, l) = timings();
    (l.effects + l.stream + cadence) * txs
}

pub struct Deployment {
    pub net: Chain,
    pub admin: Client,
    pub host: Address,
    pub cap: Address,
    pub pipe: Address,
    pub keys: Vec<Key>,
    pub dir: tempfile::TempDir,
}

pub async fn funded(net: &Chain, key: &Key) -> Client {
    let c = Client::connect(ClientConfig::new(net.grpc_url(), net.package()).with_key(key.clone()))
        .await
        .unwrap();
    // Waits until the node's reads show the coins (a real node's lag behind the faucet).
    c.request_gas(&net.faucet_url()).await.unwrap();
    c
}

/// A localnet with a host of `n` funded endpoints and one pipe.
pub async fn deploy(n: u8, cfg: HostConfig, policy: Policy) -> Deployment {
    let net = Chain::start().await;
    let admin = funded(&net, &net.key(1)).await;
    let (host, cap) = admin.create_host("e2e", &cfg).await.unwrap();
    let mut keys = Vec::new();
    for i in 0..n {
        let key = net.key(10 + i);
        funded(&net, &key).await;
        let args = EndpointArgs {
            server: key.address(),
            label: format!("d{i}"),
            region: String::new(),
            weight: 1,
            max_inflight: 0,
            role: 0,
        };
        admin.add_endpoint(host, cap, &args).await.unwrap();
        keys.push(key);
    }
    let pipe = admin.create_pipe(host, cap, "e2e", policy).await.unwrap();
    // The daemons read what the admin wrote: only once the node's reads show it.
    admin.sync().await.unwrap();
    Deployment {
        net,
        admin,
        host,
        cap,
        pipe,
        keys,
        dir: tempfile::tempdir().unwrap(),
    }
}

impl Deployment {
    /// Writes daemon `i`'s configuration (its own state directory) with these backends.
    pub fn config(&self, i: usize, backends: &[String]) -> PathBuf {
        self.config_with(i, backends, &[])
    }

    /// Daemon `i`'s state directory.
    pub fn state_dir(&self, i: usize) -> PathBuf {
        self.dir.path().join(format!("d{i}"))
    }

    /// As [`Deployment::config`], with `section.key = value` overrides (values are TOML).
    pub fn config_with(&self, i: usize, backends: &[String], set: &[(&str, &str)]) -> PathBuf {
        let mut sections: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
        let state = format!("{:?}", self.state_dir(i).display().to_string());
        let mut all: Vec<(&str, &str)> = DEFAULTS.to_vec();
        all.push(("daemon.state_dir", &state));
        all.extend_from_slice(set);
        for (k, v) in all {
            let (section, key) = k.split_once('.').expect("section.key");
            sections
                .entry(section)
                .or_default()
                .insert(key, v.to_string());
        }
        let mut toml = format!(
            "[chain]\nurl = \"{}\"\npackage = \"{}\"\nkey = \"{}\"\nhost = \"{}\"\npipes = [\"{}\"]\n\n",
            self.net.grpc_url(),
            self.net.package(),
            self.keys[i].to_suiprivkey(),
            self.host,
            self.pipe
        );
        for b in backends {
            toml.push_str(&format!("[[backends]]\nurl = \"{b}\"\n\n"));
        }
        for (section, kv) in sections {
            toml.push_str(&format!("[{section}]\n"));
            for (k, v) in kv {
                toml.push_str(&format!("{k} = {v}\n"));
            }
            toml.push('\n');
        }
        let path = self.dir.path().join(format!("d{i}.toml"));
        std::fs::write(&path, toml).unwrap();
        path
    }

    /// Starts `dtpd` with this configuration; logs at `DTPD_TEST_LOG` (default info).
    pub fn dtpd(&self, config: &Path) -> Proc {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtpd"));
        cmd.arg("--config").arg(config).env(
            "RUST_LOG",
            std::env::var("DTPD_TEST_LOG").unwrap_or_else(|_| "info".into()),
        );
        let name = config.file_stem().unwrap().to_string_lossy().to_string();
        spawn(cmd, &name, "serving host")
    }

    /// Endpoint `i` as the chain has it now.
    pub async fn endpoint(&self, i: usize) -> Endpoint {
        let h = self.admin.host(self.host).await.unwrap();
        h.endpoint(&self.keys[i].address()).unwrap().clone()
    }

    /// Waits (at most `timeout`) until endpoint `i` on chain satisfies `ok`.
    pub async fn wait_endpoint(
        &self,
        i: usize,
        what: &str,
        timeout: Duration,
        ok: impl Fn(&Endpoint) -> bool,
    ) {
        let end = tokio::time::Instant::now() + timeout;
        loop {
            let e = self.endpoint(i).await;
            if ok(&e) {
                return;
            }
            assert!(
                tokio::time::Instant::now() < end,
                "endpoint {i} never got {what}: {e:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sends `payload` on the pipe (as the admin); returns (seq, assigned server).
    pub async fn send(&self, payload: Vec<u8>) -> (u64, Address) {
        let a = self
            .admin
            .send(self.pipe, self.host, payload, vec![], "")
            .await
            .unwrap();
        (a.seq, a.server)
    }

    /// Sends all `payloads` at once (as a burst would arrive, whatever the chain's latency);
    /// returns (seq, assigned server) of each, in the order of `payloads`.
    pub async fn send_all(&self, payloads: Vec<Vec<u8>>) -> Vec<(u64, Address)> {
        futures::future::join_all(payloads.into_iter().map(|p| self.send(p))).await
    }

    /// Sends all `payloads` in one transaction (one instant on chain: their leases run out
    /// together); returns (seq, assigned server) of each, in the order of `payloads`.
    pub async fn send_at_once(&self, payloads: Vec<Vec<u8>>) -> Vec<(u64, Address)> {
        let sends = payloads
            .into_iter()
            .map(|payload| dtp_protocol::calls::Send {
                payload,
                key: vec![],
                region: String::new(),
            })
            .collect();
        self.admin
            .send_batch(self.pipe, self.host, sends)
            .await
            .into_iter()
            .map(|a| a.map(|a| (a.seq, a.server)).unwrap())
            .collect()
    }

    /// For each endpoint `i`: a sample backend answering after `delays[i]` ms and a `dtpd` beside
    /// it (default config); returns once all are healthy on chain.
    pub async fn servers(&self, delays: &[u64]) -> (Vec<(Proc, String)>, Vec<Proc>) {
        let backends: Vec<_> = delays
            .iter()
            .enumerate()
            .map(|(i, ms)| sample(&format!("b{i}"), *ms))
            .collect();
        let daemons = backends
            .iter()
            .enumerate()
            .map(|(i, b)| self.dtpd(&self.config(i, std::slice::from_ref(&b.1))))
            .collect();
        let all: Vec<usize> = (0..delays.len()).collect();
        self.wait_healthy(&all, true).await;
        (backends, daemons)
    }

    /// Waits until the given endpoints are all healthy on chain.
    pub async fn wait_healthy(&self, who: &[usize], healthy: bool) {
        for _ in 0..200 {
            let h = self.admin.host(self.host).await.unwrap();
            let now = dtp_localnet::node::now_ms();
            let ok = who.iter().all(|i| {
                h.endpoint(&self.keys[*i].address())
                    .is_some_and(|e| e.is_healthy(&h.config, now) == healthy)
            });
            if ok {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("endpoints {who:?} did not become healthy={healthy}");
    }

    /// Follows the pipe's events from now on, collecting them.
    pub async fn events(&self) -> tokio::sync::mpsc::UnboundedReceiver<ChainEvent> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let c = self.admin.clone();
        let pipe = self.pipe;
        // The start is read before returning: nothing sent after this call is missed.
        let from = c.latest_checkpoint().await.unwrap();
        tokio::spawn(async move {
            let mut s = Box::pin(c.follow(from));
            while let Some(cp) = s.next().await {
                for e in cp.events {
                    if e.event.pipe() == Some(pipe) && tx.send(e).is_err() {
                        return;
                    }
                }
            }
        });
        rx
    }

    /// [`Deployment::events`], collected.
    pub async fn watch(&self) -> Seen {
        Seen::new(self.events().await)
    }
}
