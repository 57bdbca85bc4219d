//! `SubscriptionService`: the live checkpoint stream. Like Sui, it starts at the next checkpoint;
//! a client that falls behind is cut off and backfills with GetCheckpoint.

use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_rpc::proto::sui::rpc::v2::subscription_service_server::SubscriptionService;
use tokio::sync::broadcast::error::RecvError;
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use super::unimplemented;
use crate::node::Node;

pub struct Subscription {
    pub node: Node,
    /// Flips to true when the server shuts down: open streams end so shutdown need not wait.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
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
                        let build = |ledger: Option<&crate::ledger::Ledger>| {
                            let mut out = pb::SubscribeCheckpointsResponse::default();
                            out.cursor = Some(cp.summary.sequence_number);
                            out.checkpoint = Some(convert::checkpoint(ledger, &cp, &m));
                            out
                        };
                        // A checkpoint carries what it shows; only `objects` reads the ledger.
                        let msg = if needs_ledger {
                            node.read().map(|st| build(Some(st.readable())))
                        } else {
                            Ok(build(None))
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
