//! The HTTP side: each request becomes a dtp payload sent to one of the gateway's Pipes (see
//! [`crate::pipes`]); the gateway waits for its `Completed` event and answers with the backend's
//! response, naming the Pipe, sequence number and server in `X-DTP-Pipe` / `X-DTP-Seq` /
//! `X-DTP-Server`. Errors are HTTP-native with a short
//! JSON body: 503 no healthy endpoint or pipe full, 413 too large, 504 timeout, 502 dead-lettered
//! or failed, 408 slow client.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dtp_protocol::envelope::{HttpRequest, HttpResponse};
use dtp_protocol::MoveAbort;
use dtp_sdk::{Client, Error};
use serde_json::json;

use crate::batcher::SendError;
use crate::config::{GatewayConfig, KeySource};
use crate::pipes::Pipes;
use crate::waiters::{Outcome, Waiters};

/// What every request handler shares.
pub struct Gateway {
    /// The gateway's client (its key pays the sends).
    pub client: Client,
    /// The settings.
    pub cfg: GatewayConfig,
    /// The requests waiting for their answer.
    pub waiters: Waiters,
    /// The Pipes, each with the batcher grouping its sends into transactions.
    pub pipes: Pipes,
    /// The Host's max_payload: the largest payload the chain accepts.
    pub max_payload: usize,
}

fn error(status: StatusCode, reason: &str, detail: impl Into<String>) -> Response {
    (
        status,
        axum::Json(json!({ "error": reason, "detail": detail.into() })),
    )
        .into_response()
}

/// Headers not forwarded in either direction (hop-by-hop, or recomputed).
const HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "content-length",
    "host",
];

fn forwardable(name: &str) -> bool {
    !HOP.contains(&name) && !name.starts_with("x-dtp-")
}

/// The request's affinity key, from where `src` says (empty: none).
pub fn affinity_key(src: &KeySource, headers: &HeaderMap, peer: SocketAddr) -> Vec<u8> {
    match src {
        KeySource::None => vec![],
        KeySource::ClientIp => peer.ip().to_string().into_bytes(),
        KeySource::Header(h) => headers
            .get(h.as_str())
            .map(|v| v.as_bytes().to_vec())
            .unwrap_or_default(),
        KeySource::Cookie(name) => headers
            .get_all("cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_bytes().to_vec())
            .unwrap_or_default(),
    }
}

/// Answers one HTTP request through the chain.
pub async fn handle(
    State(g): State<Arc<Gateway>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let limit = g.max_payload;
    let body: Bytes =
        match tokio::time::timeout(g.cfg.read_timeout, axum::body::to_bytes(body, limit)).await {
            Err(_) => {
                return error(
                    StatusCode::REQUEST_TIMEOUT,
                    "request body too slow",
                    format!("the body did not arrive within {:?}", g.cfg.read_timeout),
                )
            }
            Ok(Err(_)) => {
                return error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload too large",
                    format!("the chain accepts payloads of at most {limit} bytes"),
                )
            }
            Ok(Ok(b)) => b,
        };
    let headers = parts
        .headers
        .iter()
        .filter(|(k, _)| forwardable(k.as_str()))
        .filter_map(|(k, v)| Some((k.to_string(), v.to_str().ok()?.to_string())))
        .collect();
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_else(|| "/".into());
    let envelope = HttpRequest {
        method: parts.method.to_string(),
        path,
        headers,
        body: body.to_vec(),
    }
    .encode();
    if envelope.len() > limit {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload too large",
            format!(
                "the request encodes to {} bytes; the chain accepts at most {limit}",
                envelope.len()
            ),
        );
    }
    let key = affinity_key(&g.cfg.key_source, &parts.headers, peer);
    let region = g
        .cfg
        .region_header
        .as_ref()
        .and_then(|h| parts.headers.get(h.as_str()))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let pipe = g.pipes.pick(&key);
    let send = dtp_protocol::calls::Send {
        payload: envelope,
        key,
        region,
    };
    let assigned = match g.pipes.send(pipe, send).await {
        Ok(a) => a,
        Err(SendError::Chain(e)) => return send_error(e),
        Err(SendError::Overloaded) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "too many requests are waiting to be sent; retry later",
            )
        }
        Err(SendError::Stopped) => {
            return error(
                StatusCode::BAD_GATEWAY,
                "gateway stopping",
                "the send queue stopped",
            )
        }
    };
    let seq = assigned.seq;
    let id = (pipe, seq);
    let rx = g.waiters.wait(pipe, seq);
    let outcome = match tokio::time::timeout(g.cfg.timeout, rx).await {
        Ok(Ok(o)) => o,
        Ok(Err(_)) => {
            return error(
                StatusCode::BAD_GATEWAY,
                "gateway stopping",
                "the event follower stopped",
            )
        }
        Err(_) => {
            g.waiters.forget(pipe, seq);
            return with_dtp(
                error(
                    StatusCode::GATEWAY_TIMEOUT,
                    "timeout",
                    format!("request {seq} did not complete within {:?}", g.cfg.timeout),
                ),
                None,
                id,
            );
        }
    };
    match outcome {
        Outcome::Completed {
            server,
            ok,
            response,
        } => with_dtp(answer(ok, response), Some(server), id),
        Outcome::DeadLettered { attempt } => with_dtp(
            error(
                StatusCode::BAD_GATEWAY,
                "dead-lettered",
                format!("request {seq} failed on every attempt ({attempt})"),
            ),
            None,
            id,
        ),
        Outcome::Cancelled => with_dtp(
            error(
                StatusCode::BAD_GATEWAY,
                "cancelled",
                format!("request {seq} was cancelled"),
            ),
            None,
            id,
        ),
    }
}

fn send_error(e: Error) -> Response {
    if let Error::NoGas { address, .. } = &e {
        tracing::warn!(%address, error = %e, "the gateway's gas is gone: fund its address");
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "out of gas",
            format!("the gateway's key {address} cannot pay for a send: fund that address"),
        );
    }
    match e.abort() {
        Some(MoveAbort::NoHealthyEndpoint) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "no healthy endpoint",
            "no server is healthy right now; retry later",
        ),
        Some(MoveAbort::PipeFull) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "pipe full",
            "too many requests are pending; retry later",
        ),
        Some(MoveAbort::PayloadTooLarge) => error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload too large",
            e.to_string(),
        ),
        _ => error(StatusCode::BAD_GATEWAY, "chain error", e.to_string()),
    }
}

/// The backend's answer as an HTTP response.
fn answer(ok: bool, bytes: Vec<u8>) -> Response {
    match HttpResponse::decode(&bytes) {
        Some(Ok(r)) => {
            let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_GATEWAY);
            let mut resp = Response::new(Body::from(r.body));
            *resp.status_mut() = status;
            for (k, v) in r.headers {
                if let (Ok(k), Ok(v)) = (
                    HeaderName::try_from(k.as_str()),
                    HeaderValue::try_from(v.as_str()),
                ) {
                    if forwardable(k.as_str()) {
                        resp.headers_mut().append(k, v);
                    }
                }
            }
            resp
        }
        Some(Err(e)) => error(StatusCode::BAD_GATEWAY, "bad response", e.to_string()),
        None if ok => (StatusCode::OK, bytes).into_response(),
        None => error(
            StatusCode::BAD_GATEWAY,
            "backend failed",
            String::from_utf8_lossy(&bytes).to_string(),
        ),
    }
}

fn with_dtp(
    mut r: Response,
    server: Option<sui_sdk_types::Address>,
    (pipe, seq): crate::waiters::RequestId,
) -> Response {
    if let Some(s) = server {
        r.headers_mut().insert("x-dtp-server", address_value(&s));
    }
    r.headers_mut().insert("x-dtp-pipe", address_value(&pipe));
    r.headers_mut().insert("x-dtp-seq", HeaderValue::from(seq));
    r
}

/// An address as a header value, `0x` and 64 hex digits (as `Address`'s `Display`, without
/// its per-byte formatting: this runs for every response).
fn address_value(a: &sui_sdk_types::Address) -> HeaderValue {
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    s.push_str(&hex::encode(a.as_bytes()));
    HeaderValue::try_from(s).expect("hex is ascii")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_header_is_the_address_as_displayed() {
        let a = sui_sdk_types::Address::new([0xa5; 32]);
        assert_eq!(address_value(&a).to_str().unwrap(), a.to_string());
        let mut two = [0; 32];
        two[31] = 2;
        let short = sui_sdk_types::Address::new(two);
        assert_eq!(address_value(&short).to_str().unwrap(), short.to_string());
    }

    #[tokio::test]
    async fn a_gateway_without_gas_answers_503_naming_its_address() {
        let address = sui_sdk_types::Address::new([7; 32]);
        let r = send_error(Error::NoGas {
            address,
            balance: 10,
            budget: 50_000_000,
        });
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = axum::body::to_bytes(r.into_body(), 4_096).await.unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(
            body.contains("out of gas") && body.contains(&address.to_string()),
            "{body}"
        );
        let r = send_error(Error::Invalid("x".into()));
        assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    }
}
