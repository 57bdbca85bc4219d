//! The gRPC server: `sui.rpc.v2` Ledger, State, TransactionExecution and Subscription services, as
//! a Sui 1.60 fullnode serves them (event listing and streaming answer UNIMPLEMENTED, as there).

mod convert;
mod execution;
mod ledger;
mod state;
mod subscription;

use std::net::SocketAddr;

use sui_rpc::proto::sui::rpc::v2::ledger_service_server::LedgerServiceServer;
use sui_rpc::proto::sui::rpc::v2::state_service_server::StateServiceServer;
use sui_rpc::proto::sui::rpc::v2::subscription_service_server::SubscriptionServiceServer;
use sui_rpc::proto::sui::rpc::v2::transaction_execution_service_server::TransactionExecutionServiceServer;
use tonic::Status;

use crate::node::Node;

pub use execution::reject_status;

/// A server-streaming response.
pub(crate) type BoxStream<T> =
    std::pin::Pin<Box<dyn futures::Stream<Item = Result<T, Status>> + Send + 'static>>;

/// UNAVAILABLE: the node failed (its log could not be written) and serves nothing.
pub(crate) fn failed(f: crate::node::Failed) -> Status {
    Status::unavailable(f.to_string())
}

/// UNIMPLEMENTED naming the call.
pub(crate) fn unimplemented(call: &str) -> Status {
    Status::unimplemented(format!("{call} is not served by the dtp localnet (as on Sui 1.60: follow checkpoints with SubscribeCheckpoints and GetCheckpoint)"))
}

/// Serves the node on `listener` until `shutdown` resolves.
pub async fn serve(
    node: Node,
    listener: tokio::net::TcpListener,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<(), tonic::transport::Error> {
    // Without TCP_NODELAY every unary response waits for the client's delayed ACK (~40 ms).
    let incoming = tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
    let max = 32 * 1024 * 1024;
    tonic::transport::Server::builder()
        .add_service(
            LedgerServiceServer::new(ledger::Ledger(node.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .add_service(
            StateServiceServer::new(state::State(node.clone())).max_encoding_message_size(max),
        )
        .add_service(
            TransactionExecutionServiceServer::new(execution::Execution(node.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .add_service(
            SubscriptionServiceServer::new(subscription::Subscription {
                node,
                shutdown: shutdown.clone(),
            })
            .max_encoding_message_size(max),
        )
        .serve_with_incoming_shutdown(incoming, async move {
            let mut s = shutdown;
            let _ = s.wait_for(|v| *v).await;
        })
        .await
}

/// The address a listener actually bound (port 0 picks a free port).
pub fn local_addr(l: &tokio::net::TcpListener) -> SocketAddr {
    l.local_addr().expect("bound listener")
}
