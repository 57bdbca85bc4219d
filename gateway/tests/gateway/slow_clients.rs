//! Slow clients lose their own connection and nothing else: one that never finishes its request
//! headers (slowloris) is cut after `read_timeout`; one that pipelines requests and never reads
//! the answers is cut once a write has waited `write_timeout`. Meanwhile another client is served.

use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use dtp_gateway::admission::Limit;
use dtp_gateway::GatewayConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::*;

/// Reads until the peer closes (EOF or reset) or `limit` passes; returns (bytes, closed).
async fn read_until_closed(s: &mut (impl AsyncReadExt + Unpin), limit: Duration) -> (usize, bool) {
    let deadline = tokio::time::Instant::now() + limit;
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Err(_) => return (total, false),
            Ok(Ok(0)) | Ok(Err(_)) => return (total, true),
            Ok(Ok(n)) => total += n,
        }
    }
}

async fn served(url: &str) {
    let r = reqwest::get(format!("{url}/api/meanwhile")).await.unwrap();
    assert_eq!(r.status(), 200, "another client is served meanwhile");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_and_unread_answers_cost_only_their_own_connection() {
    let d = one_server().await;
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.read_timeout = Duration::from_secs(1);
    cfg.write_timeout = Duration::from_secs(1);
    // Past its first request the pipelining client is refused at once (429): its answers cost
    // no chain time. Other routes are not limited.
    cfg.admission.routes = vec![(
        "/api/pipelined".into(),
        Limit {
            per_second: NonZeroU32::new(1).unwrap(),
            burst: NonZeroU32::new(1).unwrap(),
        },
    )];
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    let url = gw.url();

    // Slowloris: half a request, then nothing.
    let mut slow = tokio::net::TcpStream::connect(gw.addr).await.unwrap();
    slow.write_all(b"GET /api/x HTTP/1.1\r\nHost: gw\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_until_closed(&mut slow, Duration::from_secs(10)).await;
    assert!(closed, "a connection with unfinished headers is closed");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(5),
        "closed after the read timeout (1 s), took {took:?}"
    );
    served(&url).await;

    // A client that sends requests without end and never reads: its socket buffers fill, the
    // gateway's write waits, and after the write timeout the connection goes.
    let sock = tokio::net::TcpSocket::new_v4().unwrap();
    sock.set_recv_buffer_size(4096).unwrap();
    let stream = sock.connect(gw.addr).await.unwrap();
    let (mut rd, mut wr) = stream.into_split();
    const N: usize = 60_000;
    let writer = tokio::spawn(async move {
        let one = b"GET /api/pipelined HTTP/1.1\r\nHost: gw\r\n\r\n";
        for _ in 0..N {
            if wr.write_all(one).await.is_err() {
                return;
            }
        }
    });
    // Long past the write timeout before reading anything.
    tokio::time::sleep(Duration::from_secs(4)).await;
    served(&url).await;
    let (bytes, closed) = read_until_closed(&mut rd, Duration::from_secs(20)).await;
    assert!(
        closed,
        "the connection of a client that does not read is closed ({bytes} bytes were read)"
    );
    let answer = 150; // a 429 with its JSON body is larger than this
    assert!(
        bytes < N * answer,
        "it was cut before all {N} answers: {bytes} bytes"
    );
    tokio::time::timeout(Duration::from_secs(10), writer)
        .await
        .expect("the writer ends once the connection is gone")
        .unwrap();
    served(&url).await;
    gw.stop();
    d.net.stop().await;
}
