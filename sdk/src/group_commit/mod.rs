//! Adaptive group commit of package calls: while a batch is in flight, arriving calls queue; when
//! it lands (a slot frees), everything queued goes out as one batch ([`Client::batch`]). There is
//! no timer: a call that arrives alone goes at once (no added latency when idle), while under
//! load each transaction carries what arrived during the last one, up to a cap on calls and
//! bytes. Work that will queue a call soon can announce it ([`GroupCommit::coming`]): a batch
//! that starts with an announced call then waits for the others announced, at most
//! [`GroupConfig::linger`]. A second batch is started beside one in flight only once that one
//! has been out for [`GroupConfig::overlap_after`]: where a round trip is short (a local node)
//! calls gather into the first batch's successor instead of going two small batches at a time,
//! and where it is long (a real network) a call waits at most that long, not a whole round trip.
//! A daemon completes (claims, releases, takes over) this way, per pipe ([`CallQueue`]), and the
//! gateway sends (a [`GroupCommit`] of sends run by `Client::send_batch`).

mod coming;

pub use coming::Coming;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dtp_protocol::calls::Call;
use tokio::sync::{mpsc, oneshot, Notify, Semaphore};

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
    /// A batch goes out beside others in flight only once the youngest of them is this old (or
    /// one lands first); zero: as soon as a slot is free. Alone a call never waits.
    pub overlap_after: Duration,
    /// A batch whose first call was announced ([`GroupCommit::coming`]) waits for the other
    /// announced calls at most this long after that call queued (or until it is full, by
    /// `max_calls` or `max_bytes`);
    /// zero: never. Nothing else announced, or a first call that was not: no wait.
    pub linger: Duration,
    /// Calls waiting at most; past it [`GroupCommit::call`] answers [`Error::Busy`] at once.
    pub max_queued: usize,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            max_calls: 256,
            max_bytes: 96 * 1024,
            in_flight: 2,
            overlap_after: Duration::from_millis(5),
            linger: Duration::from_millis(2),
            max_queued: 65_536,
        }
    }
}

type Reply<T> = oneshot::Sender<Result<T>>;

struct Queued<C, T> {
    item: C,
    bytes: usize,
    /// When it was queued.
    at: Instant,
    /// It was announced ([`Coming`]): a batch it starts waits for the other announced calls.
    announced: bool,
    reply: Reply<T>,
}

/// Runs one batch: each item's result, in order.
type Runner<C, T> =
    Arc<dyn Fn(Vec<C>) -> futures::future::BoxFuture<'static, Vec<Result<T>>> + Send + Sync>;

/// The queue in front of a batch runner (cheap to clone): items of type `C` (a call, a send),
/// each answered with a `T` (an outcome, an `Assigned` event).
pub struct GroupCommit<C, T> {
    queue: mpsc::Sender<Queued<C, T>>,
    /// Bytes of the calls in the queue, not yet taken into a batch.
    queued_bytes: Arc<AtomicUsize>,
    announced: Arc<coming::Announced>,
}

impl<C, T> Clone for GroupCommit<C, T> {
    fn clone(&self) -> Self {
        GroupCommit {
            queue: self.queue.clone(),
            queued_bytes: self.queued_bytes.clone(),
            announced: self.announced.clone(),
        }
    }
}

impl<C: std::marker::Send + 'static, T: std::marker::Send + 'static> GroupCommit<C, T> {
    /// Starts the task that groups what is queued and hands each group to `run`.
    pub fn with_runner<F, Fut>(cfg: GroupConfig, run: F) -> (Self, tokio::task::JoinHandle<()>)
    where
        F: Fn(Vec<C>) -> Fut + std::marker::Send + Sync + 'static,
        Fut: std::future::Future<Output = Vec<Result<T>>> + std::marker::Send + 'static,
    {
        let (tx, rx) = mpsc::channel(cfg.max_queued.max(1));
        let run: Runner<C, T> = Arc::new(move |items| Box::pin(run(items)));
        let announced = Arc::new(coming::Announced::default());
        let queued_bytes = Arc::new(AtomicUsize::new(0));
        let queue = Queue {
            rx,
            bytes: queued_bytes.clone(),
        };
        let task = tokio::spawn(drive(cfg, run, queue, announced.clone()));
        (
            GroupCommit {
                queue: tx,
                queued_bytes,
                announced,
            },
            task,
        )
    }

    /// Announces a call that will be submitted soon: until the [`Coming`] is handed to
    /// [`GroupCommit::submit_announced`] (or dropped), batches wait for it, at most
    /// [`GroupConfig::linger`].
    pub fn coming(&self) -> Coming {
        self.announced.announce()
    }

    /// Queues `item` (of `bytes` bytes) for the next group and waits for its result.
    pub async fn submit(&self, item: C, bytes: usize) -> Result<T> {
        self.submit_announced(item, bytes, None).await
    }

    /// As [`GroupCommit::submit`], for the call `coming` announced (it stops counting once the
    /// call is queued).
    pub async fn submit_announced(
        &self,
        item: C,
        bytes: usize,
        coming: Option<Coming>,
    ) -> Result<T> {
        let (reply, rx) = oneshot::channel();
        let q = Queued {
            item,
            bytes,
            at: Instant::now(),
            announced: coming.is_some(),
            reply,
        };
        // Counted before it is queued, so the batcher never takes away more than was added.
        self.queued_bytes.fetch_add(bytes, Ordering::SeqCst);
        let queued = self.queue.try_send(q).map_err(|e| {
            self.queued_bytes.fetch_sub(bytes, Ordering::SeqCst);
            match e {
                mpsc::error::TrySendError::Full(_) => {
                    Error::Busy("too many calls are waiting for a transaction".into())
                }
                mpsc::error::TrySendError::Closed(_) => {
                    Error::Stopped("the batcher stopped".into())
                }
            }
        });
        match coming {
            Some(c) => drop(c),
            // A batch waiting for announced calls may now be full.
            None => self.announced.queued(),
        }
        queued?;
        rx.await
            .map_err(|_| Error::Stopped("the batcher stopped".into()))?
    }
}

/// Package calls, group-committed with [`Client::batch`].
pub type CallQueue = GroupCommit<(Objects, Call), Outcome>;

impl CallQueue {
    /// Starts the task that batches what is queued and executes it with `client`.
    pub fn start(client: Client, cfg: GroupConfig) -> (CallQueue, tokio::task::JoinHandle<()>) {
        GroupCommit::with_runner(cfg, move |calls| {
            let client = client.clone();
            async move { client.batch(calls).await }
        })
    }

    /// Executes `call` in the next batch; its result as [`Client::call`] would give it.
    pub async fn call(&self, objs: Objects, call: impl Into<Call>) -> Result<Outcome> {
        self.call_announced(objs, call, None).await
    }

    /// As [`CallQueue::call`], for the call `coming` announced.
    pub async fn call_announced(
        &self,
        objs: Objects,
        call: impl Into<Call>,
        coming: Option<Coming>,
    ) -> Result<Outcome> {
        let call = call.into();
        let bytes = call.values().iter().map(|v| v.to_bcs().len()).sum();
        self.submit_announced((objs, call), bytes, coming).await
    }
}

/// The batcher's end of the queue, with the bytes of what it holds.
struct Queue<C, T> {
    rx: mpsc::Receiver<Queued<C, T>>,
    bytes: Arc<AtomicUsize>,
}

impl<C, T> Queue<C, T> {
    /// The next call, waiting for one; `None` once every sender is gone.
    async fn recv(&mut self) -> Option<Queued<C, T>> {
        let q = self.rx.recv().await?;
        self.bytes.fetch_sub(q.bytes, Ordering::SeqCst);
        Some(q)
    }

    /// The next call if one is queued.
    fn try_recv(&mut self) -> Option<Queued<C, T>> {
        let q = self.rx.try_recv().ok()?;
        self.bytes.fetch_sub(q.bytes, Ordering::SeqCst);
        Some(q)
    }

    /// Whether a batch starting with a call of `first_bytes` has no room left for what is
    /// queued: by calls (`max_calls`) or by bytes (`max_bytes`).
    fn fills(&self, first_bytes: usize, max_calls: usize, max_bytes: usize) -> bool {
        self.rx.len() + 1 >= max_calls
            || first_bytes + self.bytes.load(Ordering::SeqCst) >= max_bytes
    }
}

/// Takes what is queued once a slot is free and runs it as one group.
async fn drive<C: std::marker::Send + 'static, T: std::marker::Send + 'static>(
    cfg: GroupConfig,
    run: Runner<C, T>,
    mut rx: Queue<C, T>,
    announced: Arc<coming::Announced>,
) {
    let total = cfg.in_flight.max(1);
    let slots = Arc::new(Semaphore::new(total));
    let landed = Arc::new(Notify::new());
    let mut started = Instant::now();
    let mut next: Option<Queued<C, T>> = None;
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
        wait_to_overlap(&slots, total, &landed, started, cfg.overlap_after).await;
        let max_calls = cfg.max_calls.max(1);
        // Only announced work lingers: a call that was not (a claim renewing a lease while its
        // request is in the backend) goes at once, or it would wait for its own completion.
        if first.announced && !cfg.linger.is_zero() {
            let first_bytes = first.bytes;
            let full = || rx.fills(first_bytes, max_calls, cfg.max_bytes);
            announced.wait(first.at + cfg.linger, full).await;
        }
        started = Instant::now();
        let mut bytes = first.bytes;
        let mut batch = vec![first];
        while batch.len() < max_calls {
            match rx.try_recv() {
                Some(q) if bytes + q.bytes > cfg.max_bytes => {
                    next = Some(q);
                    break;
                }
                Some(q) => {
                    bytes += q.bytes;
                    batch.push(q);
                }
                None => break,
            }
        }
        let run = run.clone();
        let landed = landed.clone();
        tokio::spawn(async move {
            let (items, replies): (Vec<C>, Vec<Reply<T>>) =
                batch.into_iter().map(|q| (q.item, q.reply)).unzip();
            let results = run(items).await;
            for (reply, r) in replies.into_iter().zip(results) {
                let _ = reply.send(r);
            }
            drop(slot);
            landed.notify_waiters();
        });
    }
}

/// Holds a batch while others are in flight (`total` slots, one of them this batch's) until one
/// lands or the youngest, out since `started`, is `after` old: calls keep queueing meanwhile.
async fn wait_to_overlap(
    slots: &Semaphore,
    total: usize,
    landed: &Notify,
    started: Instant,
    after: Duration,
) {
    loop {
        let notified = landed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let others = total.saturating_sub(slots.available_permits() + 1);
        let left = after.saturating_sub(started.elapsed());
        if others == 0 || left.is_zero() {
            return;
        }
        tokio::select! {
            _ = &mut notified => {}
            _ = tokio::time::sleep(left) => return,
        }
    }
}

#[cfg(test)]
mod tests;
