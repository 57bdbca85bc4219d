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
    localnet_at("127.0.0.1:0".parse().unwrap(), None).await
}

/// [`localnet`] on a given gRPC address, on `data` (durable) or in memory.
pub async fn localnet_at(
    grpc: std::net::SocketAddr,
    data: Option<&std::path::Path>,
) -> dtp_localnet::Running {
    dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc,
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: data.map(|d| d.to_path_buf()),
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

/// A backend answering `/health` with 200, `/slow` after a second, and anything else at once
/// with its name and the path asked.
#[allow(dead_code)]
pub async fn backend(name: &'static str) -> String {
    use axum::routing::get;
    let app = axum::Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                "slow"
            }),
        )
        .fallback(move |uri: axum::http::Uri| async move {
            axum::Json(serde_json::json!({ "instance": name, "path": uri.to_string() }))
        });
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    url
}

/// A Host with one round-robin Pipe and one healthy server (an in-process daemon and its
/// backend): what a gateway test needs to get answers.
#[allow(dead_code)]
pub struct OneServer {
    pub net: dtp_localnet::Running,
    pub admin: Client,
    pub host: Address,
    pub pipe: Address,
    pub dir: tempfile::TempDir,
    /// The daemon's `/metrics` address (only from [`one_server_with_metrics`]).
    pub daemon_metrics: Option<std::net::SocketAddr>,
}

#[allow(dead_code)]
pub async fn one_server() -> OneServer {
    one_server_with(false).await
}

/// [`one_server`] with the daemon's `/metrics` listener on.
#[allow(dead_code)]
pub async fn one_server_with_metrics() -> OneServer {
    one_server_with(true).await
}

async fn one_server_with(metrics: bool) -> OneServer {
    use dtp_protocol::{EndpointArgs, HostConfig, Policy};
    let net = localnet().await;
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    let cfg = HostConfig {
        healthy_threshold: 1,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("edge", &cfg).await.unwrap();
    let pipe = admin
        .create_pipe(host, cap, "edge", Policy::RoundRobin)
        .await
        .unwrap();
    let key = Key::from_seed([10; 32]);
    funded(&net, &key).await;
    let ep = EndpointArgs {
        server: key.address(),
        label: "b0".into(),
        region: String::new(),
        weight: 1,
        max_inflight: 0,
        role: 0,
    };
    admin.add_endpoint(host, cap, &ep).await.unwrap();
    admin.sync().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = backend("b0").await;
    let mut dcfg = daemon_config(&net, &key, host, &[pipe], &url, &dir.path().join("b0"));
    if metrics {
        dcfg.daemon.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        dtp_daemon::run::run(dcfg, std::future::pending(), |_, e| {
            let _ = tx.send(e.metrics);
        })
        .await
        .unwrap()
    });
    let daemon_metrics = rx.await.expect("the daemon started");
    wait_ready(&admin, host, 1).await;
    OneServer {
        net,
        admin,
        host,
        pipe,
        dir,
        daemon_metrics,
    }
}

/// Waits (up to 10 s) until `n` endpoints of `host` have heartbeated ready.
#[allow(dead_code)]
pub async fn wait_ready(admin: &Client, host: Address, n: usize) {
    for _ in 0..200 {
        let h = admin.host(host).await.unwrap();
        if h.endpoints
            .iter()
            .filter(|e| e.ready && e.streak >= 1)
            .count()
            >= n
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("fewer than {n} endpoints of {host} became ready");
}
