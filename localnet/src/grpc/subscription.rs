//! `SubscriptionService`: the live checkpoint stream. Like Sui, it starts at the next checkpoint;
//! a client that falls behind is cut off and backfills with GetCheckpoint. Every follower of a
//! node (a gateway, each daemon) asks with the same read mask, so a checkpoint is converted once
//! per mask ([`Converted`]) and each subscriber gets a copy, not a conversion of its own.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_rpc::proto::sui::rpc::v2::subscription_service_server::SubscriptionService;
use sui_sdk_types::Digest;
use tokio::sync::broadcast::error::RecvError;
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use super::unimplemented;
use crate::node::Node;

pub struct Subscription {
    pub node: Node,
    /// Flips to true when the server shuts down: open streams end so shutdown need not wait.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// The latest checkpoints as converted, shared by the streams.
    pub converted: Arc<Converted>,
}

/// The last few checkpoints converted (by digest), each under one read mask (the mask's paths as
/// the key).
#[derive(Default)]
pub struct Converted(Mutex<VecDeque<(Digest, String, Arc<pb::Checkpoint>)>>);

/// How many (checkpoint, mask) conversions are kept: subscribers are at most a few checkpoints
/// apart, or they would have been cut off.
const CONVERTED_KEPT: usize = 16;

impl Converted {
    /// Checkpoint `digest` under the mask `key`: the kept conversion, or `convert`'s (then kept).
    fn get_or_convert(
        &self,
        digest: Digest,
        key: &str,
        convert: impl FnOnce() -> pb::Checkpoint,
    ) -> Arc<pb::Checkpoint> {
        // Converting under the lock: a second subscriber waits for the first's conversion rather
        // than doing its own.
        let mut kept = self.0.lock().expect("lock");
        if let Some((_, _, cp)) = kept.iter().find(|(d, k, _)| *d == digest && k == key) {
            return cp.clone();
        }
        let cp = Arc::new(convert());
        kept.push_back((digest, key.to_string(), cp.clone()));
        if kept.len() > CONVERTED_KEPT {
            kept.pop_front();
        }
        cp
    }
}

use super::BoxStream;

#[tonic::async_trait]
impl SubscriptionService for Subscription {
    async fn subscribe_checkpoints(
        &self,
        req: Request<pb::SubscribeCheckpointsRequest>,
    ) -> Result<Response<BoxStream<pb::SubscribeCheckpointsResponse>>, Status> {
        let r = req.into_inner();
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
        let stream = async_stream(move |tx| async move {
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
                        let checkpoint = if needs_ledger {
                            node.read()
                                .map(|st| convert::checkpoint(Some(st.readable()), &cp, &m))
                        } else {
                            Ok(converted
                                .get_or_convert(cp.digest, &key, || {
                                    convert::checkpoint(None, &cp, &m)
                                })
                                .as_ref()
                                .clone())
                        };
                        let checkpoint = match checkpoint {
                            Ok(c) => c,
                            Err(f) => {
                                let _ = tx.send(Err(super::failed(f))).await;
                                return;
                            }
                        };
                        let mut msg = pb::SubscribeCheckpointsResponse::default();
                        msg.cursor = Some(seq);
                        msg.checkpoint = Some(checkpoint);
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
        });
        Ok(Response::new(stream))
    }

    async fn subscribe_transactions(
        &self,
        _: Request<pb::SubscribeTransactionsRequest>,
    ) -> Result<Response<BoxStream<pb::SubscribeTransactionsResponse>>, Status> {
        Err(unimplemented("SubscriptionService.SubscribeTransactions"))
    }

    async fn subscribe_events(
        &self,
        _: Request<pb::SubscribeEventsRequest>,
    ) -> Result<Response<BoxStream<pb::SubscribeEventsResponse>>, Status> {
        Err(unimplemented("SubscriptionService.SubscribeEvents"))
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
