//! The gRPC server: `sui.rpc.v2` Ledger, State, TransactionExecution and Subscription services, as
//! a Sui 1.60 fullnode serves them (event listing and streaming answer UNIMPLEMENTED, as there).
//! Like a fullnode, the one port also speaks gRPC-web over HTTP/1.1 (what `@mysten/sui`'s
//! `SuiGrpcClient` uses) and answers CORS, so browsers and Node clients need no proxy.

mod convert;
mod execution;
mod ledger;
mod resolve;
mod state;
mod subscription;

use std::net::SocketAddr;

use sui_rpc::proto::sui::rpc::v2::ledger_service_server::LedgerServiceServer;
use sui_rpc::proto::sui::rpc::v2::state_service_server::StateServiceServer;
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

/// The CORS policy of a Sui fullnode's RPC port: any origin, GET and POST, any request header. The
/// gRPC status headers are exposed too, so a browser can read a trailers-only error's status.
fn cors() -> tower_http::cors::CorsLayer {
    use tower_http::cors::{Any, CorsLayer};
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            tonic::codegen::http::Method::GET,
            tonic::codegen::http::Method::POST,
        ])
        .allow_headers(Any)
        .expose_headers([
            Status::GRPC_STATUS,
            Status::GRPC_MESSAGE,
            Status::GRPC_STATUS_DETAILS,
        ])
}

/// Serves the node on `listener` until `shutdown` resolves: gRPC over HTTP/2, and gRPC-web over
/// HTTP/1.1 or HTTP/2 (`application/grpc-web[+proto]`, `application/grpc-web-text`), with CORS.
pub async fn serve(
    node: Node,
    listener: tokio::net::TcpListener,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<(), tonic::transport::Error> {
    // Without TCP_NODELAY every unary response waits for the client's delayed ACK (~40 ms).
    let incoming = tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
    let max = 32 * 1024 * 1024;
    tonic::transport::Server::builder()
        .accept_http1(true)
        // Outermost first: CORS answers preflights before gRPC-web translates the rest.
        .layer(cors())
        .layer(tonic_web::GrpcWebLayer::new())
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
        .add_service(subscription::SubscriptionServer::new(
            subscription::Subscription {
                node,
                shutdown: shutdown.clone(),
                converted: Default::default(),
            },
            max,
        ))
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
