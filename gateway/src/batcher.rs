//! Adaptive group commit of sends: while a send transaction is in flight, arriving requests
//! queue; when one lands (a slot frees), everything queued goes out as one transaction. There is
//! no timer: a request that arrives alone is sent at once, so latency at one connection does not
//! grow, while under load each transaction carries as many sends as arrived during the last one
//! (up to a cap on calls and bytes per batch), which is what lets one pipe carry tens of times
//! more requests on Sui.

use std::sync::Arc;

use dtp_protocol::calls::Send;
use dtp_protocol::events::Assigned;
use dtp_sdk::{Client, Error};
use prometheus::IntCounter;
use sui_sdk_types::Address;
use tokio::sync::{mpsc, oneshot, Semaphore};

/// How sends are grouped into transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchConfig {
    /// Most sends in one transaction (1: no batching).
    pub max_calls: usize,
    /// Most payload bytes in one transaction (Sui takes 128 KiB per transaction).
    pub max_bytes: usize,
    /// Send transactions in flight at once; more arriving requests queue for the next batch.
    pub in_flight: usize,
    /// Requests waiting for a batch at most; past it a send is refused at once (backpressure).
    pub max_queued: usize,
}

impl Default for BatchConfig {
    fn default() -> Self {
        BatchConfig {
            max_calls: 256,
            max_bytes: 96 * 1024,
            in_flight: 2,
            max_queued: 4_096,
        }
    }
}

/// Counters of the batcher (Prometheus).
#[derive(Clone)]
pub struct BatchMetrics {
    /// Batches submitted (one transaction each, unless one overran Sui's limits and was split).
    pub batches: IntCounter,
    /// Sends carried by them.
    pub sends: IntCounter,
}

type Reply = oneshot::Sender<Result<Assigned, Error>>;

/// The queue in front of the pipe: [`Batcher::send`] from every request handler.
#[derive(Clone)]
pub struct Batcher {
    queue: mpsc::Sender<(Send, Reply)>,
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
    /// Starts the batcher's task, sending into `pipe` of `host` with `client`.
    pub fn start(
        client: Client,
        pipe: Address,
        host: Address,
        cfg: BatchConfig,
        metrics: BatchMetrics,
    ) -> (Batcher, tokio::task::JoinHandle<()>) {
        let (tx, rx) = mpsc::channel(cfg.max_queued.max(1));
        let task = tokio::spawn(drive(client, pipe, host, cfg, metrics, rx));
        (Batcher { queue: tx }, task)
    }

    /// Sends one request (in the next batch) and returns its `Assigned` event.
    pub async fn send(&self, s: Send) -> Result<Assigned, SendError> {
        let (reply, rx) = oneshot::channel();
        self.queue.try_send((s, reply)).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => SendError::Overloaded,
            mpsc::error::TrySendError::Closed(_) => SendError::Stopped,
        })?;
        Ok(rx.await.map_err(|_| SendError::Stopped)??)
    }
}

/// Takes what is queued once a slot is free, and sends it as one batch.
async fn drive(
    client: Client,
    pipe: Address,
    host: Address,
    cfg: BatchConfig,
    metrics: BatchMetrics,
    mut rx: mpsc::Receiver<(Send, Reply)>,
) {
    let slots = Arc::new(Semaphore::new(cfg.in_flight.max(1)));
    let mut next: Option<(Send, Reply)> = None;
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let first = match next.take() {
            Some(x) => x,
            None => match rx.recv().await {
                Some(x) => x,
                None => return,
            },
        };
        let mut bytes = first.0.payload.len();
        let mut batch = vec![first];
        while batch.len() < cfg.max_calls.max(1) {
            match rx.try_recv() {
                Ok(x) if bytes + x.0.payload.len() > cfg.max_bytes => {
                    next = Some(x);
                    break;
                }
                Ok(x) => {
                    bytes += x.0.payload.len();
                    batch.push(x);
                }
                Err(_) => break,
            }
        }
        metrics.batches.inc();
        metrics.sends.inc_by(batch.len() as u64);
        let client = client.clone();
        tokio::spawn(async move {
            let (sends, replies): (Vec<Send>, Vec<Reply>) = batch.into_iter().unzip();
            let results = client.send_batch(pipe, host, sends).await;
            for (reply, r) in replies.into_iter().zip(results) {
                let _ = reply.send(r);
            }
            drop(slot);
        });
    }
}
