//! Adaptive group commit of package calls: while a batch is in flight, arriving calls queue; when
//! it lands (a slot frees), everything queued goes out as one batch ([`Client::batch`]). There is
//! no timer: a call that arrives alone goes at once (no added latency when idle), while under
//! load each transaction carries what arrived during the last one, up to a cap on calls and
//! bytes. A daemon completes (claims, releases, takes over) this way, per pipe.

use std::sync::Arc;

use dtp_protocol::calls::Call;
use tokio::sync::{mpsc, oneshot, Semaphore};

use crate::call::Objects;
use crate::client::{Client, Outcome};
use crate::error::{Error, Result};

/// How calls are grouped into transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupConfig {
    /// Most calls in one batch (1: every call alone).
    pub max_calls: usize,
    /// Most bytes of pure arguments in one batch (Sui takes 128 KiB per transaction).
    pub max_bytes: usize,
    /// Batches in flight at once; calls arriving meanwhile queue for the next.
    pub in_flight: usize,
    /// Calls waiting at most; past it [`GroupCommit::call`] answers [`Error::Busy`] at once.
    pub max_queued: usize,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            max_calls: 256,
            max_bytes: 96 * 1024,
            in_flight: 2,
            max_queued: 65_536,
        }
    }
}

type Reply = oneshot::Sender<Result<Outcome>>;

struct Queued {
    objs: Objects,
    call: Call,
    bytes: usize,
    reply: Reply,
}

/// The queue in front of a client's transactions (cheap to clone).
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<Queued>,
}

impl GroupCommit {
    /// Starts the task that batches what is queued and executes it with `client`.
    pub fn start(client: Client, cfg: GroupConfig) -> (GroupCommit, tokio::task::JoinHandle<()>) {
        let (tx, rx) = mpsc::channel(cfg.max_queued.max(1));
        let task = tokio::spawn(drive(client, cfg, rx));
        (GroupCommit { queue: tx }, task)
    }

    /// Executes `call` in the next batch; its result as [`Client::call`] would give it.
    pub async fn call(&self, objs: Objects, call: impl Into<Call>) -> Result<Outcome> {
        let call = call.into();
        let bytes = call.values().iter().map(|v| v.to_bcs().len()).sum();
        let (reply, rx) = oneshot::channel();
        let q = Queued {
            objs,
            call,
            bytes,
            reply,
        };
        self.queue.try_send(q).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => {
                Error::Busy("too many calls are waiting for a transaction".into())
            }
            mpsc::error::TrySendError::Closed(_) => Error::Busy("the batcher stopped".into()),
        })?;
        rx.await
            .map_err(|_| Error::Busy("the batcher stopped".into()))?
    }
}

/// Takes what is queued once a slot is free and executes it as one batch.
async fn drive(client: Client, cfg: GroupConfig, mut rx: mpsc::Receiver<Queued>) {
    let slots = Arc::new(Semaphore::new(cfg.in_flight.max(1)));
    let mut next: Option<Queued> = None;
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let first = match next.take() {
            Some(q) => q,
            None => match rx.recv().await {
                Some(q) => q,
                None => return,
            },
        };
        let mut bytes = first.bytes;
        let mut batch = vec![first];
        while batch.len() < cfg.max_calls.max(1) {
            match rx.try_recv() {
                Ok(q) if bytes + q.bytes > cfg.max_bytes => {
                    next = Some(q);
                    break;
                }
                Ok(q) => {
                    bytes += q.bytes;
                    batch.push(q);
                }
                Err(_) => break,
            }
        }
        let client = client.clone();
        tokio::spawn(async move {
            let mut replies = Vec::with_capacity(batch.len());
            let calls = batch
                .into_iter()
                .map(|q| {
                    replies.push(q.reply);
                    (q.objs, q.call)
                })
                .collect();
            let results = client.batch(calls).await;
            for (reply, r) in replies.into_iter().zip(results) {
                let _ = reply.send(r);
            }
            drop(slot);
        });
    }
}
