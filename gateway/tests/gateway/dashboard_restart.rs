//! The dashboard across chain restarts: while the chain is down the page keeps its last picture
//! with an error saying the chain does not answer; when the same chain comes back (same port, same
//! data directory) the error goes and new events show; when another chain comes up at that URL
//! (a fresh localnet) the page says the Host does not exist there.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::{Client, ClientConfig, Key};
use serde_json::Value;

use crate::common::*;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn chain(grpc: u16, data: Option<&std::path::Path>) -> dtp_localnet::Running {
    localnet_at(SocketAddr::from(([127, 0, 0, 1], grpc)), data).await
}

/// Polls the dashboard's state until `done` holds (within 20 s, else panics with `what`).
async fn until(url: &str, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let s: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
        if done(&s) {
            return s;
        }
        assert!(Instant::now() < deadline, "{what}: {s}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn assigned(s: &Value, seq: u64) -> bool {
    s["feed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "assigned" && f["seq"] == seq)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_rides_out_a_chain_restart_and_names_a_chain_that_went_back() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let net = chain(port, Some(dir.path())).await;
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    let cfg = HostConfig {
        healthy_threshold: 1,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("restart", &cfg).await.unwrap();
    let server = Key::from_seed([10; 32]);
    let args = EndpointArgs {
        server: server.address(),
        label: "s0".into(),
        region: String::new(),
        weight: 1,
        max_inflight: 0,
        role: 0,
    };
    admin.add_endpoint(host, cap, &args).await.unwrap();
    let pipe = admin
        .create_pipe(host, cap, "restart", Policy::RoundRobin)
        .await
        .unwrap();
    let s = funded(&net, &server).await;
    s.heartbeat(host, true, 0).await.unwrap();
    admin.sync().await.unwrap();

    let reader = Client::connect(ClientConfig::new(net.grpc_url(), PACKAGE))
        .await
        .unwrap();
    let (app, _feed) = dtp_gateway::dashboard::start(reader, host, vec![pipe]);
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/dashboard/state", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });

    until(&url, "the server is listed", |s| {
        s["servers"][0]["label"] == "s0" && s["error"].is_null()
    })
    .await;
    admin
        .send(pipe, host, b"one".to_vec(), vec![], "")
        .await
        .unwrap();
    until(&url, "the send is in the feed", |s| assigned(s, 0)).await;

    // Down: the last picture stays, with the error.
    net.stop().await;
    let s = until(&url, "the error names the chain", |s| {
        s["error"]
            .as_str()
            .is_some_and(|e| e.contains("does not answer") || e.contains("cannot read"))
    })
    .await;
    assert_eq!(
        s["servers"][0]["label"], "s0",
        "the last picture is kept: {s}"
    );

    // Back, same chain: the error goes, new events show.
    let net = chain(port, Some(dir.path())).await;
    until(&url, "the error clears", |s| s["error"].is_null()).await;
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    admin
        .send(pipe, host, b"two".to_vec(), vec![], "")
        .await
        .unwrap();
    until(&url, "the new send is in the feed", |s| assigned(s, 1)).await;
    net.stop().await;

    // Another chain at the same URL: the Host is not there.
    let fresh = chain(port, None).await;
    let s = until(&url, "the page says the Host is gone", |s| {
        s["error"]
            .as_str()
            .is_some_and(|e| e.contains("does not exist"))
    })
    .await;
    assert!(
        s["error"].as_str().unwrap().contains(&host.to_string()),
        "{s}"
    );
    fresh.stop().await;
}
