//! The payload format between the HTTP gateway and the daemons: an HTTP request in, an HTTP
//! response out, as BCS behind a 5-byte magic (`DTPH` + version 1). A payload without the magic
//! is "raw": the daemon POSTs it to `/` and answers with the body.

use serde::{Deserialize, Serialize};

/// `DTPH` + format version 1.
pub const MAGIC: [u8; 5] = *b"DTPH\x01";

/// An HTTP request as the gateway received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// The method (`GET`, `POST`, ...).
    pub method: String,
    /// Path and query, e.g. `/api/instance?x=1`.
    pub path: String,
    /// Header names and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// An HTTP response as the backend gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header names and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// What a payload asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// An envelope: an HTTP request to forward as it is.
    Http(HttpRequest),
    /// Raw bytes: POSTed to `/`, answered with the body.
    Raw(Vec<u8>),
}

/// A payload with the magic whose BCS does not decode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed dtp HTTP envelope: {0}")]
pub struct EnvelopeError(pub String);

fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend(bcs::to_bytes(v).expect("envelopes serialise"));
    out
}

fn decode<T: for<'a> Deserialize<'a>>(bytes: &[u8]) -> Option<Result<T, EnvelopeError>> {
    let rest = bytes.strip_prefix(&MAGIC[..])?;
    Some(bcs::from_bytes(rest).map_err(|e| EnvelopeError(e.to_string())))
}

impl HttpRequest {
    /// The payload of this request: the magic, then BCS.
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }
}

impl HttpResponse {
    /// The response payload: the magic, then BCS.
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    /// A response payload: `None` if it is not an envelope (a raw answer).
    pub fn decode(bytes: &[u8]) -> Option<Result<HttpResponse, EnvelopeError>> {
        decode(bytes)
    }
}

impl Payload {
    /// Classifies a request payload; an envelope that does not decode is an error.
    pub fn decode(bytes: &[u8]) -> Result<Payload, EnvelopeError> {
        match decode::<HttpRequest>(bytes) {
            Some(r) => r.map(Payload::Http),
            None => Ok(Payload::Raw(bytes.to_vec())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_and_raw_payloads_stay_raw() {
        let r = HttpRequest {
            method: "GET".into(),
            path: "/a?b=1".into(),
            headers: vec![("x".into(), "y".into())],
            body: vec![1],
        };
        assert_eq!(Payload::decode(&r.encode()), Ok(Payload::Http(r)));
        assert_eq!(
            Payload::decode(b"hello"),
            Ok(Payload::Raw(b"hello".to_vec()))
        );
        let mut bad = MAGIC.to_vec();
        bad.push(0xff);
        assert!(Payload::decode(&bad).is_err());
        let resp = HttpResponse {
            status: 503,
            headers: vec![],
            body: b"x".to_vec(),
        };
        assert_eq!(HttpResponse::decode(&resp.encode()), Some(Ok(resp)));
        assert_eq!(HttpResponse::decode(b"raw"), None);
    }
}
