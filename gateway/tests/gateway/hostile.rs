//! Malformed and hostile HTTP to the gateway: a slowloris body gets 408 after the read timeout,
//! huge headers and garbage request lines are refused by the HTTP layer, and none of it reaches
//! the chain.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use dtp_gateway::GatewayConfig;
use dtp_protocol::{HostConfig, Policy};
use dtp_sdk::{Client, ClientConfig, Key};

use crate::common::*;

fn exchange(addr: std::net::SocketAddr, bytes: &[u8], pause_after: Option<Duration>) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(bytes).unwrap();
    if let Some(p) = pause_after {
        std::thread::sleep(p);
    }
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_huge_headers_and_garbage_are_refused() {
    let net = localnet().await;
    let key = Key::from_seed([3; 32]);
    let c = Client::connect(
        ClientConfig::new(net.grpc_url(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key),
    )
    .await
    .unwrap();
    // Reads trail the faucet's transfer: wait for it (as on a fullnode).
    c.request_gas(&net.faucet_url()).await.unwrap();
    let (host, cap) = c
        .create_host("hostile", &HostConfig::default())
        .await
        .unwrap();
    let pipe = c
        .create_pipe(host, cap, "hostile", Policy::RoundRobin)
        .await
        .unwrap();
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), host, pipe);
    cfg.read_timeout = Duration::from_millis(500);
    let gw = dtp_gateway::start(c.clone(), cfg).await.unwrap();
    let addr = gw.addr;

    // Slowloris: the body never finishes; the gateway answers 408 after its read timeout.
    let started = Instant::now();
    let out = tokio::task::spawn_blocking(move || {
        exchange(
            addr,
            b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\nonly-a-little",
            None,
        )
    })
    .await
    .unwrap();
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
    assert!(out.contains("request body too slow"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(5));

    // Huge headers: refused by the HTTP layer (431) before the handler runs.
    let mut req = b"GET /x HTTP/1.1\r\nHost: a\r\n".to_vec();
    for i in 0..2_000 {
        req.extend_from_slice(format!("X-Junk-{i}: {}\r\n", "y".repeat(200)).as_bytes());
    }
    req.extend_from_slice(b"\r\n");
    let out = tokio::task::spawn_blocking(move || exchange(addr, &req, None))
        .await
        .unwrap();
    assert!(
        out.is_empty() || out.starts_with("HTTP/1.1 431") || out.starts_with("HTTP/1.1 400"),
        "{out}"
    );

    // A garbage request line: 400 (or the connection is closed).
    let out = tokio::task::spawn_blocking(move || exchange(addr, b"NOT HTTP AT ALL\r\n\r\n", None))
        .await
        .unwrap();
    assert!(out.is_empty() || out.starts_with("HTTP/1.1 400"), "{out}");

    // None of it reached the chain.
    assert_eq!(c.pipe(pipe).await.unwrap().next_seq, 0);
    gw.stop();
    net.stop().await;
}
