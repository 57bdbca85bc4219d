//! Harness for the daemon's end-to-end tests: an embedded localnet (in-process, real gRPC on
//! loopback), real `dtp-sample` backend processes and real `dtpd` processes with their own
//! configuration files, keys and state directories.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use dtp_localnet::node::{Cadence, NodeConfig};
use dtp_protocol::{EndpointArgs, Event, HostConfig, Policy};
use dtp_sdk::{Client, ClientConfig, Key};
use futures::StreamExt;
use sui_sdk_types::Address;

pub const PACKAGE: Address = dtp_localnet::genesis::DTP_PACKAGE;

/// A child process killed (SIGKILL) when dropped.
pub struct Proc {
    pub child: Child,
    pub line: String,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proc {
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([format!("-{sig}"), self.pid().to_string()])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill -{sig} {}", self.pid());
    }
}

/// Spawns `cmd` and waits for the first stdout line containing `marker`.
pub fn spawn(mut cmd: Command, marker: &str) -> Proc {
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = cmd.spawn().expect("spawn");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        let n = out.read_line(&mut line).expect("read stdout");
        assert!(n > 0, "process exited before printing {marker:?}");
        if line.contains(marker) {
            break;
        }
    }
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    Proc {
        child,
        line: line.trim().to_string(),
    }
}

pub fn sample(name: &str, delay_ms: u64) -> (Proc, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtp-sample"));
    cmd.args(["--name", name, "--delay-ms", &delay_ms.to_string()]);
    let p = spawn(cmd, "listening on");
    let url = p.line.trim_start_matches("listening on ").to_string();
    (p, url)
}

pub struct Deployment {
    pub net: dtp_localnet::Running,
    pub admin: Client,
    pub host: Address,
    pub cap: Address,
    pub pipe: Address,
    pub keys: Vec<Key>,
    pub dir: tempfile::TempDir,
}

pub async fn funded(net: &dtp_localnet::Running, key: &Key) -> Client {
    let faucet = sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url())).unwrap();
    faucet.request(key.address()).await.unwrap();
    Client::connect(ClientConfig::new(net.grpc_url(), PACKAGE).with_key(key.clone()))
        .await
        .unwrap()
}

/// A localnet with a host of `n` funded endpoints and one pipe.
pub async fn deploy(n: u8, cfg: HostConfig, policy: Policy) -> Deployment {
    let net = dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: None,
            cadence: Cadence::Interval(Duration::from_millis(50)),
        },
    })
    .await
    .unwrap();
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    let (host, cap) = admin.create_host("e2e", &cfg).await.unwrap();
    let mut keys = Vec::new();
    for i in 0..n {
        let key = Key::from_seed([10 + i; 32]);
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
        let state = self.dir.path().join(format!("d{i}"));
        let mut toml = format!(
            "[chain]\nurl = \"{}\"\npackage = \"{}\"\nkey = \"{}\"\nhost = \"{}\"\npipes = [\"{}\"]\n\n",
            self.net.grpc_url(),
            PACKAGE,
            self.keys[i].to_suiprivkey(),
            self.host,
            self.pipe
        );
        for b in backends {
            toml.push_str(&format!("[[backends]]\nurl = \"{b}\"\n\n"));
        }
        toml.push_str(&format!(
            "[health]\ninterval_ms = 200\ntimeout_ms = 200\nhealthy_threshold = 1\nunhealthy_threshold = 1\n\n[daemon]\nheartbeat_interval_ms = 300\ntakeover_stagger_ms = 300\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 2000\n",
            state.display()
        ));
        let path = self.dir.path().join(format!("d{i}.toml"));
        std::fs::write(&path, toml).unwrap();
        path
    }

    pub fn dtpd(&self, config: &Path) -> Proc {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtpd"));
        cmd.arg("--config").arg(config).env(
            "RUST_LOG",
            std::env::var("DTPD_TEST_LOG").unwrap_or_else(|_| "warn".into()),
        );
        spawn(cmd, "serving host")
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
    pub fn events(&self) -> tokio::sync::mpsc::UnboundedReceiver<Event> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let c = self.admin.clone();
        let pipe = self.pipe;
        tokio::spawn(async move {
            let from = c.latest_checkpoint().await.unwrap();
            let mut s = Box::pin(c.follow(from));
            while let Some(cp) = s.next().await {
                for e in cp.events {
                    if e.event.pipe() == Some(pipe) && tx.send(e.event).is_err() {
                        return;
                    }
                }
            }
        });
        rx
    }
}

/// The admin API of a daemon, from its start line `... (admin Some(127.0.0.1:port), ...`.
pub fn admin_url(p: &Proc) -> String {
    let s = p
        .line
        .split("admin Some(")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .expect("admin address in the start line");
    format!("http://{s}")
}
