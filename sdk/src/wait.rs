//! `send_and_wait`: send a request and wait for its final answer from the event stream.

use std::time::Duration;

use dtp_protocol::Event;
use futures::StreamExt;
use sui_sdk_types::Address;

use crate::client::Client;
use crate::error::{Error, Result};

/// The final answer to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The request's sequence number.
    pub seq: u64,
    /// The server that completed it.
    pub server: Address,
    /// The attempt that completed it.
    pub attempt: u32,
    /// `false`: the server answered with a failure.
    pub ok: bool,
    /// The server's answer.
    pub response: Vec<u8>,
    /// From the request's creation to its completion, by the chain's clock (ms).
    pub latency_ms: u64,
}

impl Client {
    /// Sends `payload` and waits (up to `timeout`) until it is completed, dead-lettered or
    /// cancelled.
    pub async fn send_and_wait(
        &self,
        pipe: Address,
        host: Address,
        payload: Vec<u8>,
        key: Vec<u8>,
        region: &str,
        timeout: Duration,
    ) -> Result<Response> {
        // Follow from the current tail before sending, so the answer cannot be missed.
        let from = self.latest_checkpoint().await? + 1;
        let mut events = Box::pin(self.follow(from));
        let assigned = self.send(pipe, host, payload, key, region).await?;
        let seq = assigned.seq;
        let wait = async {
            while let Some(cp) = events.next().await {
                for e in cp.events {
                    if e.event.pipe() != Some(pipe) || e.event.seq() != Some(seq) {
                        continue;
                    }
                    match e.event {
                        Event::Completed(c) => {
                            return Ok(Response {
                                seq,
                                server: c.server,
                                attempt: c.attempt,
                                ok: c.ok,
                                response: c.response,
                                latency_ms: c.latency_ms,
                            })
                        }
                        Event::DeadLettered(d) => {
                            return Err(Error::DeadLettered {
                                seq,
                                attempt: d.attempt,
                            })
                        }
                        Event::Cancelled(_) => return Err(Error::Cancelled { seq }),
                        _ => {}
                    }
                }
            }
            Err(Error::Invalid("the event stream ended".into()))
        };
        tokio::time::timeout(timeout, wait)
            .await
            .map_err(|_| Error::Timeout(timeout, format!("request {seq} to complete")))?
    }
}
