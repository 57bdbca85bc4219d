//! Adaptive group commit of package calls: while a batch is in flight, arriving calls queue; when
//! it lands (a slot frees), everything queued goes out as one batch ([`Client::batch`]). There is
//! no timer: a call that arrives alone goes at once (no added latency when idle), while under
//! load each transaction carries what arrived during the last one, up to a cap on calls and
//! bytes. A second batch is started beside one in flight only once that one has been out for
//! [`GroupConfig::overlap_after`]: where a round trip is short (a local node) calls gather into
//! the first batch's successor instead of going two small batches at a time, and where it is long
//! (a real network) a call waits at most that long, not a whole round trip. A daemon completes
//! (claims, releases, takes over) this way, per pipe ([`CallQueue`]), and the gateway sends (a
//! [`GroupCommit`] of sends run by `Client::send_batch`).

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
            max_queued: 65_536,
        }
    }
}

type Reply<T> = oneshot::Sender<Result<T>>;

struct Queued<C, T> {
    item: C,
    bytes: usize,
    reply: Reply<T>,
}

/// Runs one batch: each item's result, in order.
type Runner<C, T> =
    Arc<dyn Fn(Vec<C>) -> futures::future::BoxFuture<'static, Vec<Result<T>>> + Send + Sync>;

/// The queue in front of a batch runner (cheap to clone): items of type `C` (a call, a send),
/// each answered with a `T` (an outcome, an `Assigned` event).
pub struct GroupCommit<C, T> {
    queue: mpsc::Sender<Queued<C, T>>,
}

impl<C, T> Clone for GroupCommit<C, T> {
    fn clone(&self) -> Self {
        GroupCommit {
            queue: self.queue.clone(),
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
        let task = tokio::spawn(drive(cfg, run, rx));
        (GroupCommit { queue: tx }, task)
    }

    /// Queues `item` (of `bytes` bytes) for the next group and waits for its result.
    pub async fn submit(&self, item: C, bytes: usize) -> Result<T> {
        let (reply, rx) = oneshot::channel();
        let q = Queued { item, bytes, reply };
        self.queue.try_send(q).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => {
                Error::Busy("too many calls are waiting for a transaction".into())
            }
            mpsc::error::TrySendError::Closed(_) => Error::Stopped("the batcher stopped".into()),
        })?;
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
        let call = call.into();
        let bytes = call.values().iter().map(|v| v.to_bcs().len()).sum();
        self.submit((objs, call), bytes).await
    }
}

/// Takes what is queued once a slot is free and runs it as one group.
async fn drive<C: std::marker::Send + 'static, T: std::marker::Send + 'static>(
    cfg: GroupConfig,
    run: Runner<C, T>,
    mut rx: mpsc::Receiver<Queued<C, T>>,
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
        started = Instant::now();
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
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// The batches a runner was given, in order.
    type Batches = Arc<Mutex<Vec<Vec<u32>>>>;

    /// Waits (at most 10 s) until the runner has been given `n` batches.
    async fn until_batches(seen: &Batches, n: usize) {
        let waiting = Instant::now();
        while seen.lock().unwrap().len() < n {
            assert!(
                waiting.elapsed() < std::time::Duration::from_secs(10),
                "{n} batches"
            );
            tokio::task::yield_now().await;
        }
    }

    /// A group commit of numbers whose runner records each batch and waits for `gate`.
    fn recorder(cfg: GroupConfig, gate: Arc<Semaphore>) -> (GroupCommit<u32, u32>, Batches) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let (q, _task) = GroupCommit::with_runner(cfg, move |items: Vec<u32>| {
            s.lock().unwrap().push(items.clone());
            let gate = gate.clone();
            async move {
                let _pass = gate.acquire().await.unwrap();
                items.into_iter().map(|i| Ok(i * 10)).collect()
            }
        });
        (q, seen)
    }

    #[tokio::test]
    async fn alone_at_once_then_what_queued_during_a_batch_goes_as_the_next() {
        let cfg = GroupConfig {
            max_calls: 3,
            in_flight: 1,
            ..GroupConfig::default()
        };
        let gate = Arc::new(Semaphore::new(0));
        let (q, seen) = recorder(cfg, gate.clone());
        let first = tokio::spawn({
            let q = q.clone();
            async move { q.submit(1, 1).await }
        });
        until_batches(&seen, 1).await;
        // While 1 is in flight, 2..=6 queue: they go 3 at a time (the cap), in order.
        let rest: Vec<_> = (2..=6)
            .map(|i| {
                let q = q.clone();
                tokio::spawn(async move { q.submit(i, 1).await })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        gate.add_permits(100);
        assert_eq!(first.await.unwrap().unwrap(), 10);
        for (i, r) in (2..=6).zip(rest) {
            assert_eq!(
                r.await.unwrap().unwrap(),
                i * 10,
                "each call its own result"
            );
        }
        assert_eq!(
            *seen.lock().unwrap(),
            vec![vec![1], vec![2, 3, 4], vec![5, 6]]
        );
    }

    #[tokio::test]
    async fn a_second_batch_waits_for_the_overlap_delay_or_the_first_to_land() {
        let overlap = std::time::Duration::from_millis(300);
        let cfg = GroupConfig {
            in_flight: 2,
            overlap_after: overlap,
            ..GroupConfig::default()
        };
        let gate = Arc::new(Semaphore::new(0));
        let (q, seen) = recorder(cfg, gate.clone());
        let started = Instant::now();
        let submit = |i: u32| {
            let q = q.clone();
            tokio::spawn(async move { q.submit(i, 1).await })
        };
        let first = submit(1);
        until_batches(&seen, 1).await;
        // A free slot, but the first batch is younger than the delay: 2 and 3 gather meanwhile.
        let (second, third) = (submit(2), submit(3));
        tokio::time::sleep(overlap / 3).await;
        assert_eq!(
            seen.lock().unwrap().len(),
            1,
            "no second batch before the delay"
        );
        until_batches(&seen, 2).await;
        assert!(started.elapsed() >= overlap, "{:?}", started.elapsed());
        assert_eq!(
            seen.lock().unwrap()[1],
            vec![2, 3],
            "one batch of what gathered"
        );
        gate.add_permits(100);
        for (i, r) in [(1, first), (2, second), (3, third)] {
            assert_eq!(r.await.unwrap().unwrap(), i * 10);
        }

        // When the batch in flight lands first, the next goes at once, without the delay.
        let gate = Arc::new(Semaphore::new(0));
        let long = GroupConfig {
            overlap_after: std::time::Duration::from_secs(600),
            ..cfg
        };
        let (q, seen) = recorder(long, gate.clone());
        let q1 = q.clone();
        let first = tokio::spawn(async move { q1.submit(1, 1).await });
        until_batches(&seen, 1).await;
        let q2 = q.clone();
        let second = tokio::spawn(async move { q2.submit(2, 1).await });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(seen.lock().unwrap().len(), 1);
        gate.add_permits(100);
        assert_eq!(first.await.unwrap().unwrap(), 10);
        assert_eq!(
            second.await.unwrap().unwrap(),
            20,
            "went once the first landed"
        );

        // Without a delay a free slot is used at once.
        let gate = Arc::new(Semaphore::new(0));
        let eager = GroupConfig {
            overlap_after: std::time::Duration::ZERO,
            ..cfg
        };
        let (q, seen) = recorder(eager, gate.clone());
        let mut held = Vec::new();
        for i in 1..=2 {
            let q2 = q.clone();
            held.push(tokio::spawn(async move { q2.submit(i, 1).await }));
            until_batches(&seen, i as usize).await;
        }
        assert_eq!(
            *seen.lock().unwrap(),
            vec![vec![1], vec![2]],
            "two in flight"
        );
        gate.add_permits(100);
    }

    #[tokio::test]
    async fn a_full_queue_is_busy_and_a_stopped_one_says_so() {
        let cfg = GroupConfig {
            in_flight: 1,
            max_queued: 1,
            ..GroupConfig::default()
        };
        let gate = Arc::new(Semaphore::new(0));
        let (q, seen) = recorder(cfg, gate.clone());
        let q1 = q.clone();
        let held = tokio::spawn(async move { q1.submit(1, 1).await });
        until_batches(&seen, 1).await;
        let q2 = q.clone();
        let queued = tokio::spawn(async move { q2.submit(2, 1).await });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let e = q.submit(3, 1).await.unwrap_err();
        assert!(matches!(e, Error::Busy(_)), "{e}");
        gate.add_permits(10);
        assert_eq!(held.await.unwrap().unwrap(), 10);
        assert_eq!(queued.await.unwrap().unwrap(), 20);

        let (q, task) = GroupCommit::<u32, u32>::with_runner(cfg, |items: Vec<u32>| async move {
            items.into_iter().map(Ok).collect()
        });
        task.abort();
        let _ = task.await;
        let e = q.submit(1, 1).await.unwrap_err();
        assert!(matches!(e, Error::Stopped(_)), "{e}");
    }
}
