//! Adaptive group commit of sends: while a send transaction is in flight, arriving requests
//! queue; when one lands (a slot frees), everything queued goes out as one transaction. There is
//! no timer: a request that arrives alone is sent at once, so latency at one connection does not
//! grow, while under load each transaction carries as many sends as arrived during the last one
//! (up to a cap on calls and bytes per batch), which is what lets one pipe carry tens of times
//! more requests on Sui. The grouping is the SDK's (`dtp_sdk::group_commit`); each group is one
//! `Client::send_batch`.

use dtp_protocol::calls::Send;
use dtp_protocol::events::Assigned;
use dtp_sdk::group_commit::GroupCommit;
use dtp_sdk::{Client, Error};
use prometheus::IntCounter;
use sui_sdk_types::Address;

/// How sends are grouped into transactions (the SDK's group commit settings; the gateway's
/// default queue is 4,096 requests: [`crate::config::GatewayConfig::new`]).
pub use dtp_sdk::group_commit::GroupConfig as BatchConfig;

/// Counters of the batcher (Prometheus).
#[derive(Clone)]
pub struct BatchMetrics {
    /// Batches submitted (one transaction each, unless one overran Sui's limits and was split).
    pub batches: IntCounter,
    /// Sends carried by them.
    pub sends: IntCounter,
}

/// The queue in front of the pipe: [`Batcher::send`] from every request handler.
#[derive(Clone)]
pub struct Batcher {
    queue: GroupCommit<Send, Assigned>,
}

/// Why a send did not get an answer from the chain.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The chain (or the SDK) refused or failed it.
    #[error(transparent)]
    Chain(#[from] Error),
    /// The queue is full: the gateway is over its capacity.
    #[error("too many requests are waiting to be sent")]
    Overloaded,
    /// The batcher stopped (the gateway is stopping).
    #[error("the gateway is stopping")]
    Stopped,
}

impl Batcher {
    /// Starts the batcher's task, sending into `pipe` of `host` with `client` (the SDK's group
    /// commit, each group one `send_batch`).
    pub fn start(
        client: Client,
        pipe: Address,
        host: Address,
        cfg: BatchConfig,
        metrics: BatchMetrics,
    ) -> (Batcher, tokio::task::JoinHandle<()>) {
        let (queue, task) = GroupCommit::with_runner(cfg, move |sends: Vec<Send>| {
            metrics.batches.inc();
            metrics.sends.inc_by(sends.len() as u64);
            let client = client.clone();
            async move { client.send_batch(pipe, host, sends).await }
        });
        (Batcher { queue }, task)
    }

    /// Sends one request (in the next batch) and returns its `Assigned` event.
    pub async fn send(&self, s: Send) -> Result<Assigned, SendError> {
        let bytes = s.payload.len();
        self.queue.submit(s, bytes).await.map_err(|e| match e {
            Error::Stopped(_) => SendError::Stopped,
            Error::Busy(_) => SendError::Overloaded,
            e => SendError::Chain(e),
        })
    }
}
