//! The chaos run's deployment on loopback: the localnet (snapshotting as it goes), a Host with
//! four endpoints and two round-robin Pipes, four sample backends (one that answers 500 to
//! everything) each with its daemon, and a gateway over both Pipes: every process restartable.

use std::path::Path;
use std::time::Duration;

use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::{Client, ClientConfig, Key};
use sui_sdk_types::Address;

use crate::procs::{path, Proc};
use crate::support::free_port;

/// Endpoints, each a backend with its daemon.
pub const DAEMONS: usize = 4;
const PACKAGE: Address = dtp_localnet::genesis::DTP_PACKAGE;

/// Everything the chaos run started, and what it needs to reach it. Dropped (every process
/// killed) in the order of its fields: the gateway, the daemons, the backends, the chain.
pub struct Cluster {
    pub gateway: Proc,
    pub gateway_url: String,
    pub daemons: Vec<Proc>,
    /// Held only: dropping a backend kills it.
    _backends: Vec<Proc>,
    pub backend_urls: Vec<String>,
    pub chain: Proc,
    pub url: String,
    faucet: u16,
    pub admin: Client,
    pub host: Address,
    pub pipes: Vec<Address>,
}

/// A client of `url` signing with `key`, once the node answers (at most 10 s).
pub async fn connect(url: &str, key: &Key) -> Client {
    for _ in 0..100 {
        if let Ok(c) = Client::connect(ClientConfig::new(url, PACKAGE).with_key(key.clone())).await
        {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("cannot connect to {url}");
}

impl Cluster {
    /// Starts everything, its files in `dir`; short leases and timeouts so faults show quickly.
    pub async fn start(dir: &Path) -> Cluster {
        let (grpc, faucet) = (free_port(), free_port());
        let url = format!("http://127.0.0.1:{grpc}");
        let mut chain = Proc::new(
            "localnet",
            vec![
                "localnet".into(),
                "--data-dir".into(),
                path(&dir.join("chain")),
                "--grpc".into(),
                format!("127.0.0.1:{grpc}"),
                "--faucet".into(),
                format!("127.0.0.1:{faucet}"),
                "--checkpoint-ms".into(),
                "50".into(),
                // Snapshots and log cuts during the run, so that kills land around them too.
                "--compact-log-bytes".into(),
                "262144".into(),
            ],
            "dtp localnet ready",
        );
        chain.start();

        let admin_key = Key::generate();
        fund(faucet, &admin_key).await;
        let admin = connect(&url, &admin_key).await;
        let cfg = HostConfig {
            heartbeat_timeout_ms: 2_500,
            healthy_threshold: 1,
            lease_ms: 1_500,
            max_attempts: 20,
            max_pending: 10_000,
            ..HostConfig::default()
        };
        let (host, cap) = admin.create_host("chaos", &cfg).await.unwrap();
        let keys: Vec<Key> = (0..DAEMONS).map(|_| Key::generate()).collect();
        for (i, k) in keys.iter().enumerate() {
            fund(faucet, k).await;
            let endpoint = EndpointArgs {
                server: k.address(),
                label: format!("d{i}"),
                region: String::new(),
                weight: 1,
                max_inflight: 0,
                role: 0,
            };
            admin.add_endpoint(host, cap, &endpoint).await.unwrap();
        }
        let mut pipes = Vec::new();
        for label in ["chaos-a", "chaos-b"] {
            let p = admin
                .create_pipe(host, cap, label, Policy::RoundRobin)
                .await
                .unwrap();
            pipes.push(p);
        }
        admin.sync().await.unwrap();
        let pipe_ids: Vec<String> = pipes.iter().map(|p| p.to_string()).collect();

        let backend_ports: Vec<u16> = (0..DAEMONS).map(|_| free_port()).collect();
        let backends = backend_ports
            .iter()
            .enumerate()
            .map(|(i, port)| backend(i, *port))
            .collect();
        let backend_urls: Vec<String> = backend_ports
            .iter()
            .map(|p| format!("http://127.0.0.1:{p}"))
            .collect();
        let daemons = (0..DAEMONS)
            .map(|i| {
                let toml = daemon_toml(dir, i, &url, &keys[i], host, &pipe_ids, &backend_urls[i]);
                let mut p = Proc::new(
                    &format!("d{i}"),
                    vec!["daemon".into(), "--config".into(), toml],
                    "serving host",
                );
                p.start();
                p
            })
            .collect();

        let gateway_key = Key::generate();
        fund(faucet, &gateway_key).await;
        let (gateway, gateway_url) = gateway(dir, &url, &gateway_key, host, &pipe_ids);
        Cluster {
            chain,
            url,
            faucet,
            admin,
            host,
            pipes,
            _backends: backends,
            backend_urls,
            daemons,
            gateway,
            gateway_url,
        }
    }

    /// A new key with gas from the faucet, and its client.
    pub async fn funded_client(&self) -> Client {
        let k = Key::generate();
        fund(self.faucet, &k).await;
        connect(&self.url, &k).await
    }
}

async fn fund(faucet: u16, key: &Key) {
    sui_rpc::faucet::FaucetClient::new(format!("http://127.0.0.1:{faucet}/"))
        .unwrap()
        .request(key.address())
        .await
        .unwrap();
}

/// Sample backend `i` on `port`, its answers 20 ms late; the last one answers 500 to everything.
fn backend(i: usize, port: u16) -> Proc {
    let mut args = vec![
        "sample".into(),
        "--listen".into(),
        format!("127.0.0.1:{port}"),
        "--name".into(),
        format!("b{i}"),
        "--delay-ms".into(),
        "20".into(),
    ];
    if i == DAEMONS - 1 {
        args.push("--fail".into());
    }
    let mut p = Proc::new(&format!("b{i}"), args, "listening on");
    p.start();
    p
}

/// The gateway over `pipes`, with its own key in a keystore file; and its URL.
fn gateway(dir: &Path, url: &str, key: &Key, host: Address, pipes: &[String]) -> (Proc, String) {
    let keystore = dir.join("gateway.keystore");
    dtp_sdk::keys::write_keystore(&keystore, std::slice::from_ref(key)).unwrap();
    let port = free_port();
    let mut args: Vec<String> = vec![
        "--config".into(),
        path(&dir.join("gateway.toml")),
        "--url".into(),
        url.into(),
        "--keystore".into(),
        path(&keystore),
        "gateway".into(),
        "--host".into(),
        host.to_string(),
        "--listen".into(),
        format!("127.0.0.1:{port}"),
        "--timeout-secs".into(),
        "10".into(),
    ];
    for p in pipes {
        args.extend(["--pipe".into(), p.clone()]);
    }
    let mut gateway = Proc::new("gateway", args, "gateway listening on");
    gateway.start();
    (gateway, format!("http://127.0.0.1:{port}"))
}

/// Daemon `i`'s config file (fast health checks and heartbeats, a 1 s backend timeout); its path.
fn daemon_toml(
    dir: &Path,
    i: usize,
    url: &str,
    key: &Key,
    host: Address,
    pipes: &[String],
    backend: &str,
) -> String {
    let pipes = pipes
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let state = dir.join(format!("d{i}"));
    let text = format!(
        "[chain]\nurl = \"{url}\"\npackage = \"{PACKAGE}\"\nkey = \"{}\"\nhost = \"{host}\"\npipes = [{pipes}]\n\n[[backends]]\nurl = \"{backend}\"\n\n[balance]\nrequest_timeout_ms = 1000\n\n[health]\ninterval_ms = 200\ntimeout_ms = 200\nhealthy_threshold = 1\nunhealthy_threshold = 1\n\n[daemon]\nheartbeat_interval_ms = 400\ntakeover_stagger_ms = 200\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 1000\n",
        key.to_suiprivkey(),
        path(&state)
    );
    let p = dir.join(format!("d{i}.toml"));
    std::fs::write(&p, text).unwrap();
    path(&p)
}
