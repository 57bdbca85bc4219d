//! The work of a daemon: what one request to serve is ([`Work`]), the requests being served now
//! ([`ServingSet`], each held by an RAII [`ServingGuard`]), and the workers that serve them
//! ([`Workers`]: a bounded queue, a concurrency bound, and a task tracker so that shutdown waits
//! for them instead of leaving them running).

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;

use prometheus::IntGauge;
use sui_sdk_types::Address;
use tokio::sync::{mpsc, watch, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// One request to serve: an attempt of a pipe's request (the attempt is the fencing token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Work {
    /// The Pipe.
    pub pipe: Address,
    /// The request's sequence number in the Pipe.
    pub seq: u64,
    /// The attempt this server holds.
    pub attempt: u32,
}

/// The requests being served now. Serving one holds a [`ServingGuard`]: dropping it (the end of
/// the work, a panic, a cancelled worker) takes the request out, so the set never keeps a
/// request nobody serves. The in-flight gauge follows the set.
pub struct ServingSet {
    set: watch::Sender<HashSet<Work>>,
    inflight: IntGauge,
}

/// A request's place in the [`ServingSet`], given up when dropped.
#[must_use = "the request is served only while its guard lives"]
pub struct ServingGuard<'a> {
    serving: &'a ServingSet,
    work: Work,
}

impl ServingSet {
    /// An empty set whose size `inflight` reports.
    pub fn new(inflight: IntGauge) -> Self {
        ServingSet {
            set: watch::Sender::new(HashSet::new()),
            inflight,
        }
    }

    /// Starts serving `work`: `None` if it is being served already.
    pub fn begin(&self, work: Work) -> Option<ServingGuard<'_>> {
        if !self.set.send_if_modified(|s| s.insert(work)) {
            return None;
        }
        self.inflight.inc();
        Some(ServingGuard {
            serving: self,
            work,
        })
    }

    /// True if `work` is being served.
    pub fn contains(&self, work: &Work) -> bool {
        self.set.borrow().contains(work)
    }

    /// How many requests are being served.
    pub fn len(&self) -> usize {
        self.set.borrow().len()
    }

    /// True if nothing is being served.
    pub fn is_empty(&self) -> bool {
        self.set.borrow().is_empty()
    }

    /// The requests being served, as of now.
    pub fn snapshot(&self) -> HashSet<Work> {
        self.set.borrow().clone()
    }

    /// Resolves once nothing is being served (at once if nothing is).
    pub async fn idle(&self) {
        let mut rx = self.set.subscribe();
        // The sender lives in `self`, so the channel cannot close while this borrows it.
        let _ = rx.wait_for(HashSet::is_empty).await;
    }
}

impl Drop for ServingGuard<'_> {
    fn drop(&mut self) {
        self.serving.inflight.dec();
        self.serving.set.send_modify(|s| {
            s.remove(&self.work);
        });
    }
}

/// The workers: a bounded queue of [`Work`] (the follower waits when it is full), at most
/// `max_concurrency` served at once, each worker tracked and cancellable, so that
/// [`Workers::stop`] returns only once none is left.
pub struct Workers {
    queue: mpsc::Sender<Work>,
    permits: Arc<Semaphore>,
    tracker: TaskTracker,
    cancel: CancellationToken,
}

impl Workers {
    /// Workers serving at most `max_concurrency` at once; the receiver goes to [`Workers::run`].
    pub fn new(max_concurrency: usize) -> (Workers, mpsc::Receiver<Work>) {
        let (queue, rx) = mpsc::channel(max_concurrency.max(1) * 4);
        let w = Workers {
            queue,
            permits: Arc::new(Semaphore::new(max_concurrency)),
            tracker: TaskTracker::new(),
            cancel: CancellationToken::new(),
        };
        (w, rx)
    }

    /// Queues `work`, waiting while the queue is full; `false` once the workers have stopped.
    pub async fn queue(&self, work: Work) -> bool {
        self.queue.send(work).await.is_ok()
    }

    /// Queues `work` unless the queue is full or closed; `false` if it was not queued.
    pub fn try_queue(&self, work: Work) -> bool {
        self.queue.try_send(work).is_ok()
    }

    /// True once nothing takes work from the queue any more (shutdown).
    pub fn is_closed(&self) -> bool {
        self.queue.is_closed()
    }

    /// Serves each piece of work from `rx` with `serve` in a worker of its own, at most
    /// `max_concurrency` at once; returns when the queue closes or the workers stop.
    pub async fn run<F, Fut>(&self, mut rx: mpsc::Receiver<Work>, serve: F)
    where
        F: Fn(Work) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        while let Some(w) = rx.recv().await {
            let Ok(permit) = self.permits.clone().acquire_owned().await else {
                return;
            };
            if self.cancel.is_cancelled() {
                return;
            }
            let cancel = self.cancel.clone();
            let work = serve(w);
            self.tracker.spawn(async move {
                tokio::select! {
                    _ = cancel.cancelled() => {}
                    _ = work => {}
                }
                drop(permit);
            });
        }
    }

    /// How many workers are running.
    pub fn running(&self) -> usize {
        self.tracker.len()
    }

    /// Stops every worker (each is cancelled where it waits) and returns once none is left.
    /// Call it after the loop of [`Workers::run`] has ended, so that none starts meanwhile.
    pub async fn stop(&self) {
        self.cancel.cancel();
        self.tracker.close();
        self.tracker.wait().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn work(seq: u64) -> Work {
        Work {
            pipe: Address::new([7; 32]),
            seq,
            attempt: 1,
        }
    }

    fn set() -> ServingSet {
        ServingSet::new(IntGauge::new("test_inflight", "test").unwrap())
    }

    #[test]
    fn a_guard_holds_its_request_until_dropped_and_the_gauge_follows() {
        let s = set();
        let g = s.begin(work(1)).expect("not served yet");
        assert!(s.begin(work(1)).is_none(), "served once at a time");
        let other = s.begin(work(2)).expect("another request");
        assert_eq!((s.len(), s.inflight.get()), (2, 2));
        assert!(s.contains(&work(1)));
        drop(g);
        assert!(!s.contains(&work(1)));
        assert_eq!((s.len(), s.inflight.get()), (1, 1));
        drop(other);
        assert!(s.is_empty());
        assert_eq!(s.inflight.get(), 0);
        assert!(s.begin(work(1)).is_some(), "served again once given up");
    }

    #[test]
    fn a_panicking_server_gives_its_request_up() {
        let s = set();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _g = s.begin(work(1)).unwrap();
            panic!("the backend call panicked");
        }));
        assert!(r.is_err());
        assert!(s.is_empty());
        assert_eq!(s.inflight.get(), 0);
    }

    #[tokio::test]
    async fn idle_resolves_when_the_last_request_is_given_up() {
        let s = Arc::new(set());
        s.idle().await; // nothing served: at once
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let held = s.clone();
        let (started_tx, started) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let _a = held.begin(work(1)).unwrap();
            let _b = held.begin(work(2)).unwrap();
            started_tx.send(()).unwrap();
            let _ = rx.await;
        });
        started.await.unwrap();
        let waiting = tokio::time::timeout(Duration::from_millis(50), s.idle()).await;
        assert!(waiting.is_err(), "idle while two requests are served");
        tx.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), s.idle())
            .await
            .expect("idle once both guards are dropped");
    }

    #[tokio::test]
    async fn workers_respect_the_bound_and_stop_leaves_none_running() {
        let (workers, rx) = Workers::new(2);
        let workers = Arc::new(workers);
        let now = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicUsize::new(0));
        for seq in 0..6 {
            assert!(workers.queue(work(seq)).await);
        }
        let (now2, most2, done2) = (now.clone(), most.clone(), done.clone());
        let w = workers.clone();
        let dispatch = tokio::spawn(async move {
            w.run(rx, move |w| {
                let (now, most, done) = (now2.clone(), most2.clone(), done2.clone());
                async move {
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(n, Ordering::SeqCst);
                    // The last one hangs, as a backend that never answers.
                    let ms = if w.seq == 5 { 3_600_000 } else { 20 };
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    now.fetch_sub(1, Ordering::SeqCst);
                    done.fetch_add(1, Ordering::SeqCst);
                }
            })
            .await
        });
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while done.load(Ordering::SeqCst) < 5 {
            assert!(tokio::time::Instant::now() < deadline, "workers stalled");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(
            most.load(Ordering::SeqCst),
            2,
            "at most max_concurrency at once"
        );
        assert_eq!(workers.running(), 1, "the hanging one");
        dispatch.abort();
        let _ = dispatch.await;
        assert!(workers.is_closed(), "the queue closes with its loop");
        tokio::time::timeout(Duration::from_secs(5), workers.stop())
            .await
            .expect("stop cancels the hanging worker");
        assert_eq!(workers.running(), 0);
        assert_eq!(
            done.load(Ordering::SeqCst),
            5,
            "the cancelled one did not finish"
        );
    }
}
