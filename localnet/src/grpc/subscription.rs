//! `SubscriptionService`: the live checkpoint stream. Like Sui, it starts at the next checkpoint;
//! a client that falls behind is cut off and backfills with GetCheckpoint. Every follower of a
//! node (a gateway, each daemon) asks with the same read mask, so a checkpoint is converted and
//! encoded once per mask ([`Converted`]) and each subscriber is sent those bytes
//! ([`SubscriptionServer`]), not a conversion and an encoding of its own.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use prost::Message;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::Digest;
use tokio::sync::broadcast::error::RecvError;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::codegen::{http, BoxFuture, Bytes, Context, Poll, Service, StdError};
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use super::unimplemented;
use super::BoxStream;
use crate::node::Node;

pub struct Subscription {
    pub node: Node,
    /// Flips to true when the server shuts down: open streams end so shutdown need not wait.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// The latest checkpoints as converted, shared by the streams.
    pub converted: Arc<Converted>,
}

/// The last few checkpoint messages as sent (`SubscribeCheckpointsResponse`, encoded), by
/// checkpoint digest and read mask (the mask's paths as the key).
#[derive(Default)]
pub struct Converted(Mutex<VecDeque<(Digest, String, Bytes)>>);

/// How many (checkpoint, mask) conversions are kept: subscribers are at most a few checkpoints
/// apart, or they would have been cut off.
const CONVERTED_KEPT: usize = 16;

impl Converted {
    /// Checkpoint `digest` under the mask `key`: the kept message, or `convert`'s (then kept).
    fn get_or_convert(&self, digest: Digest, key: &str, convert: impl FnOnce() -> Bytes) -> Bytes {
        // Converting under the lock: a second subscriber waits for the first's conversion rather
        // than doing its own.
        let mut kept = self.0.lock().expect("lock");
        if let Some((_, _, m)) = kept.iter().find(|(d, k, _)| *d == digest && k == key) {
            return m.clone();
        }
        let m = convert();
        kept.push_back((digest, key.to_string(), m.clone()));
        if kept.len() > CONVERTED_KEPT {
            kept.pop_front();
        }
        m
    }
}

/// The message of checkpoint `seq` for a subscriber, encoded.
fn message(seq: u64, checkpoint: pb::Checkpoint) -> Bytes {
    let mut msg = pb::SubscribeCheckpointsResponse::default();
    msg.cursor = Some(seq);
    msg.checkpoint = Some(checkpoint);
    msg.encode_to_vec().into()
}

impl Subscription {
    /// `SubscribeCheckpoints`: from the next checkpoint on, each as an encoded message.
    fn subscribe_checkpoints(&self, r: pb::SubscribeCheckpointsRequest) -> BoxStream<Bytes> {
        let m = mask(r.read_mask.as_ref(), "sequence_number,digest");
        let mut paths = r.read_mask.map(|m| m.paths).unwrap_or_default();
        paths.sort();
        let key = paths.join(",");
        let converted = self.converted.clone();
        let needs_ledger = m
            .subtree("transactions")
            .is_some_and(|t| convert::needs_ledger(&t));
        let mut rx = self.node.subscribe();
        let node = self.node.clone();
        let mut shutdown = self.shutdown.clone();
        async_stream(move |tx| async move {
            loop {
                let next = tokio::select! {
                    n = rx.recv() => n,
                    _ = shutdown.wait_for(|v| *v) => return,
                };
                match next {
                    Ok(cp) => {
                        let seq = cp.summary.sequence_number;
                        // A checkpoint carries what it shows; only `objects` reads the ledger
                        // (as it is now: not shared between subscribers).
                        let msg = if needs_ledger {
                            node.read().map(|st| {
                                message(seq, convert::checkpoint(Some(st.readable()), &cp, &m))
                            })
                        } else {
                            Ok(converted.get_or_convert(cp.digest, &key, || {
                                message(seq, convert::checkpoint(None, &cp, &m))
                            }))
                        };
                        let msg = match msg {
                            Ok(msg) => msg,
                            Err(f) => {
                                let _ = tx.send(Err(super::failed(f))).await;
                                return;
                            }
                        };
                        if tx.send(Ok(msg)).await.is_err() {
                            return;
                        }
                    }
                    Err(RecvError::Lagged(n)) => {
                        let _ = tx.send(Err(Status::aborted(format!("subscriber fell {n} checkpoints behind; reconnect and backfill with GetCheckpoint")))).await;
                        return;
                    }
                    Err(RecvError::Closed) => return,
                }
            }
        })
    }
}

/// The `sui.rpc.v2.SubscriptionService` server. It is what the generated server is (the service
/// name, its paths, gRPC framing, the same requests), except that a checkpoint's message is
/// encoded once per read mask and every subscriber is sent those bytes ([`PreEncoded`]): a
/// generated server would copy and encode the message again for each subscriber.
#[derive(Clone)]
pub struct SubscriptionServer {
    subscription: Arc<Subscription>,
    max_encoding: usize,
}

impl SubscriptionServer {
    /// Serves `subscription`; no message larger than `max_encoding` bytes is sent.
    pub fn new(subscription: Subscription, max_encoding: usize) -> Self {
        SubscriptionServer {
            subscription: Arc::new(subscription),
            max_encoding,
        }
    }
}

impl tonic::server::NamedService for SubscriptionServer {
    const NAME: &'static str = "sui.rpc.v2.SubscriptionService";
}

impl<B> Service<http::Request<B>> for SubscriptionServer
where
    B: tonic::codegen::Body + Send + 'static,
    B::Error: Into<StdError> + Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response, Infallible>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let (subscription, max) = (self.subscription.clone(), self.max_encoding);
        let refused = |s: Status| -> Self::Future { Box::pin(async move { Ok(s.into_http()) }) };
        match req.uri().path() {
            "/sui.rpc.v2.SubscriptionService/SubscribeCheckpoints" => Box::pin(async move {
                let mut grpc = tonic::server::Grpc::new(PreEncoded)
                    .apply_max_message_size_config(None, Some(max));
                Ok(grpc.server_streaming(Checkpoints(subscription), req).await)
            }),
            "/sui.rpc.v2.SubscriptionService/SubscribeTransactions" => {
                refused(unimplemented("SubscriptionService.SubscribeTransactions"))
            }
            "/sui.rpc.v2.SubscriptionService/SubscribeEvents" => {
                refused(unimplemented("SubscriptionService.SubscribeEvents"))
            }
            other => refused(Status::unimplemented(format!("no method {other}"))),
        }
    }
}

/// `SubscribeCheckpoints` as a server-streaming method.
struct Checkpoints(Arc<Subscription>);

impl tonic::server::ServerStreamingService<pb::SubscribeCheckpointsRequest> for Checkpoints {
    type Response = Bytes;
    type ResponseStream = BoxStream<Bytes>;
    type Future = BoxFuture<Response<BoxStream<Bytes>>, Status>;

    fn call(&mut self, request: Request<pb::SubscribeCheckpointsRequest>) -> Self::Future {
        let stream = self.0.subscribe_checkpoints(request.into_inner());
        Box::pin(async move { Ok(Response::new(stream)) })
    }
}

/// The codec of [`SubscriptionServer`]: requests decoded as protobuf, responses already encoded
/// (their bytes copied into the frame as they are).
struct PreEncoded;

impl Codec for PreEncoded {
    type Encode = Bytes;
    type Decode = pb::SubscribeCheckpointsRequest;
    type Encoder = PreEncoded;
    type Decoder = PreEncoded;

    fn encoder(&mut self) -> PreEncoded {
        PreEncoded
    }

    fn decoder(&mut self) -> PreEncoded {
        PreEncoded
    }
}

impl Encoder for PreEncoded {
    type Item = Bytes;
    type Error = Status;

    fn encode(&mut self, item: Bytes, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        use prost::bytes::BufMut;
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for PreEncoded {
    type Item = pb::SubscribeCheckpointsRequest;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Self::Item>, Status> {
        pb::SubscribeCheckpointsRequest::decode(src)
            .map(Some)
            .map_err(|e| Status::invalid_argument(format!("SubscribeCheckpointsRequest: {e}")))
    }
}

/// A stream fed by a task through a bounded channel (backpressure on slow clients).
fn async_stream<T, F, Fut>(f: F) -> BoxStream<T>
where
    T: Send + 'static,
    F: FnOnce(tokio::sync::mpsc::Sender<Result<T, Status>>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    tokio::spawn(f(tx));
    Box::pin(tokio_stream::wrappers::ReceiverStream::new(rx))
}
