//! gRPC-web over HTTP/1.1 on the gRPC port, as a Sui fullnode serves it (what `@mysten/sui`'s
//! `SuiGrpcClient` speaks): raw POSTs with `application/grpc-web+proto` bodies, framed responses
//! with the status in a trailer frame, a trailers-only error, a server stream, and CORS.

use crate::common::*;
use dtp_localnet::node::Cadence;
use prost::Message;
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use sui_rpc::proto::sui::rpc::v2 as pb;

const GRPC_WEB: &str = "application/grpc-web+proto";
const ORIGIN: &str = "http://app.example";

/// One gRPC-web frame: a flag byte (0x80: trailers), a big-endian length, the payload.
fn frame(msg: &impl Message) -> Vec<u8> {
    let body = msg.encode_to_vec();
    let mut out = vec![0u8];
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend_from_slice(&body);
    out
}

/// Splits the complete frames off the front of `buf`: (flag, payload) each.
fn take_frames(buf: &mut Vec<u8>) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    while buf.len() >= 5 {
        let len = u32::from_be_bytes(buf[1..5].try_into().unwrap()) as usize;
        if buf.len() < 5 + len {
            break;
        }
        let rest = buf.split_off(5 + len);
        out.push((buf[0], buf[5..].to_vec()));
        *buf = rest;
    }
    out
}

/// `grpc-status` of a trailer frame's `name: value\r\n` lines.
fn trailer_status(payload: &[u8]) -> Option<String> {
    String::from_utf8_lossy(payload).lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("grpc-status")
            .then(|| v.trim().to_string())
    })
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name)
        .unwrap_or_else(|| panic!("no {name} header in {h:?}"))
        .to_str()
        .unwrap()
}

/// A gRPC-web POST of `method` (`/pkg.Service/Method`) over HTTP/1.1, as a browser sends it.
async fn post(base: &str, method: &str, msg: &impl Message) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}{method}"))
        .header(CONTENT_TYPE, GRPC_WEB)
        .header("x-grpc-web", "1")
        .header("origin", ORIGIN)
        .body(frame(msg))
        .send()
        .await
        .expect("an HTTP response")
}

#[tokio::test]
async fn unary_call_over_http1() {
    let mut net = Net::start(Cadence::Immediate).await;
    let native = net
        .client
        .ledger_client()
        .get_service_info(pb::GetServiceInfoRequest::default())
        .await
        .unwrap()
        .into_inner();
    let base = net.running.grpc_url();
    let r = post(
        &base,
        "/sui.rpc.v2.LedgerService/GetServiceInfo",
        &pb::GetServiceInfoRequest::default(),
    )
    .await;
    assert_eq!(r.version(), reqwest::Version::HTTP_11);
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert!(header(&h, "content-type").starts_with("application/grpc-web"));
    assert_eq!(header(&h, "access-control-allow-origin"), "*");
    let exposed = header(&h, "access-control-expose-headers");
    for name in ["grpc-status", "grpc-message", "grpc-status-details-bin"] {
        assert!(exposed.contains(name), "{name} not exposed: {exposed}");
    }
    let mut body = r.bytes().await.unwrap().to_vec();
    let frames = take_frames(&mut body);
    assert!(body.is_empty(), "a partial frame is left over");
    assert_eq!(frames.len(), 2, "one message and one trailer frame");
    assert_eq!(frames[0].0, 0);
    let info = pb::GetServiceInfoResponse::decode(frames[0].1.as_slice()).unwrap();
    assert_eq!(info.chain_id(), native.chain_id());
    assert!(!info.chain_id().is_empty());
    assert_eq!(info.chain(), native.chain());
    assert_eq!(frames[1].0, 0x80);
    assert_eq!(trailer_status(&frames[1].1).as_deref(), Some("0"));
    net.running.stop().await;
}

#[tokio::test]
async fn error_status_reaches_a_grpc_web_client() {
    let net = Net::start(Cadence::Immediate).await;
    let req = pb::GetObjectRequest::default().with_object_id(format!("0x{}", "ab".repeat(32)));
    let r = post(
        &net.running.grpc_url(),
        "/sui.rpc.v2.LedgerService/GetObject",
        &req,
    )
    .await;
    assert_eq!(r.status(), 200);
    let in_headers = r
        .headers()
        .get("grpc-status")
        .map(|v| v.to_str().unwrap().to_string());
    let mut body = r.bytes().await.unwrap().to_vec();
    // Trailers-only: the status is in the headers; otherwise in the trailer frame.
    let status = in_headers.or_else(|| {
        take_frames(&mut body)
            .iter()
            .find(|(f, _)| f & 0x80 != 0)
            .and_then(|(_, p)| trailer_status(p))
    });
    assert_eq!(status.as_deref(), Some("5"), "NOT_FOUND");
    net.running.stop().await;
}

#[tokio::test]
async fn checkpoint_stream_over_http1() {
    let mut net = Net::start(Cadence::Immediate).await;
    let req = pb::SubscribeCheckpointsRequest::default();
    // Faucet transfers make checkpoints (Cadence::Immediate) while the stream is open; they start
    // before the response so that a server holding the headers back could not stall the test.
    let mut c = net.c.clone();
    let sends = tokio::spawn(async move {
        for seed in 1..=40 {
            c.actor(seed).await;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    });
    let mut r = post(
        &net.running.grpc_url(),
        "/sui.rpc.v2.SubscriptionService/SubscribeCheckpoints",
        &req,
    )
    .await;
    assert_eq!(r.status(), 200);
    let mut buf = Vec::new();
    let mut seen = Vec::new();
    let read = async {
        while seen.len() < 2 {
            let chunk = r.chunk().await.unwrap().expect("the stream stays open");
            buf.extend_from_slice(&chunk);
            for (flag, payload) in take_frames(&mut buf) {
                assert_eq!(flag, 0, "a message frame, not trailers: {payload:?}");
                let m = pb::SubscribeCheckpointsResponse::decode(payload.as_slice()).unwrap();
                assert_eq!(m.cursor, Some(m.checkpoint().sequence_number()));
                seen.push(m.cursor());
            }
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), read)
        .await
        .expect("two checkpoints within 10 s");
    assert!(seen[0] < seen[1], "{seen:?}");
    sends.abort();
    assert!(net.latest_checkpoint().await >= seen[1]);
    drop(r);
    net.running.stop().await;
}

#[tokio::test]
async fn cors_preflight_is_answered() {
    let net = Net::start(Cadence::Immediate).await;
    let r = reqwest::Client::new()
        .request(
            reqwest::Method::OPTIONS,
            format!(
                "{}/sui.rpc.v2.LedgerService/GetServiceInfo",
                net.running.grpc_url()
            ),
        )
        .header("origin", ORIGIN)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,x-grpc-web,x-user-agent,grpc-timeout",
        )
        .send()
        .await
        .expect("an HTTP response");
    assert_eq!(r.version(), reqwest::Version::HTTP_11);
    assert!(r.status().is_success(), "{}", r.status());
    let h = r.headers();
    assert_eq!(header(h, "access-control-allow-origin"), "*");
    assert!(header(h, "access-control-allow-methods").contains("POST"));
    assert_eq!(header(h, "access-control-allow-headers"), "*");
    net.running.stop().await;
}
