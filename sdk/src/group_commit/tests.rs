//! The group commit's batching: alone at once, what queues meanwhile as the next batch, the
//! overlap delay, announced calls, a full or stopped queue.

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

#[tokio::test]
async fn an_announced_call_waits_for_the_others_announced_up_to_the_linger() {
    let linger = std::time::Duration::from_millis(300);
    let cfg = GroupConfig {
        in_flight: 1,
        linger,
        ..GroupConfig::default()
    };
    let (q, seen) = recorder(cfg, Arc::new(Semaphore::new(1000)));
    let submit = |i: u32, coming: Option<Coming>| {
        let q = q.clone();
        tokio::spawn(async move { q.submit_announced(i, 1, coming).await })
    };
    // 1 and 2 are announced; 1 queues first and waits for 2: both go as one batch.
    let (one, two) = (q.coming(), q.coming());
    let first = submit(1, Some(one));
    tokio::time::sleep(linger / 6).await;
    assert!(
        seen.lock().unwrap().is_empty(),
        "1 waits for what is announced"
    );
    let second = submit(2, Some(two));
    until_batches(&seen, 1).await;
    assert_eq!(seen.lock().unwrap()[0], vec![1, 2]);
    assert_eq!(first.await.unwrap().unwrap(), 10);
    assert_eq!(second.await.unwrap().unwrap(), 20);

    // An announced call that never comes holds a batch only for the linger.
    let started = Instant::now();
    let never = q.coming();
    let third = submit(3, Some(q.coming()));
    until_batches(&seen, 2).await;
    assert!(started.elapsed() >= linger, "{:?}", started.elapsed());
    assert_eq!(seen.lock().unwrap()[1], vec![3]);
    assert_eq!(third.await.unwrap().unwrap(), 30);

    // A call that was not announced (a lease renewal) never lingers, announcements or not.
    let renewal = submit(4, None);
    until_batches(&seen, 3).await;
    assert_eq!(renewal.await.unwrap().unwrap(), 40);
    drop(never);

    // Zero linger: an announced call goes at once.
    let eager = GroupConfig {
        linger: std::time::Duration::ZERO,
        ..cfg
    };
    let (q0, seen0) = recorder(eager, Arc::new(Semaphore::new(1000)));
    let _held = q0.coming();
    let q1 = q0.clone();
    let c = q0.coming();
    let at_once = tokio::spawn(async move { q1.submit_announced(5, 1, Some(c)).await });
    until_batches(&seen0, 1).await;
    assert_eq!(at_once.await.unwrap().unwrap(), 50);
}

#[tokio::test]
async fn an_announced_wait_ends_when_the_work_ends_or_the_batch_is_full() {
    let cfg = GroupConfig {
        in_flight: 1,
        max_calls: 2,
        linger: std::time::Duration::from_secs(600),
        ..GroupConfig::default()
    };
    let (q, seen) = recorder(cfg, Arc::new(Semaphore::new(1000)));
    let submit = |i: u32, coming: Option<Coming>| {
        let q = q.clone();
        tokio::spawn(async move { q.submit_announced(i, 1, coming).await })
    };
    // Announced alone: nothing else is announced, so no wait, however long the linger.
    let alone = submit(1, Some(q.coming()));
    until_batches(&seen, 1).await;
    assert_eq!(alone.await.unwrap().unwrap(), 10);

    // Work that ends without a call (its Coming dropped) releases the wait at once.
    let gone = q.coming();
    let second = submit(2, Some(q.coming()));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "2 waits while one is announced"
    );
    drop(gone);
    until_batches(&seen, 2).await;
    assert_eq!(second.await.unwrap().unwrap(), 20);

    // A batch with no room left goes at once, calls still announced or not.
    let held = q.coming();
    let third = submit(3, Some(q.coming()));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let fourth = submit(4, None);
    until_batches(&seen, 3).await;
    assert_eq!(seen.lock().unwrap()[2], vec![3, 4]);
    assert_eq!(third.await.unwrap().unwrap(), 30);
    assert_eq!(fourth.await.unwrap().unwrap(), 40);
    drop(held);
}

#[tokio::test]
async fn an_announced_wait_ends_when_the_batch_is_full_by_bytes() {
    let cfg = GroupConfig {
        in_flight: 1,
        max_bytes: 10,
        linger: std::time::Duration::from_secs(600),
        ..GroupConfig::default()
    };
    let (q, seen) = recorder(cfg, Arc::new(Semaphore::new(1000)));
    let submit = |i: u32, bytes: usize, coming: Option<Coming>| {
        let q = q.clone();
        tokio::spawn(async move { q.submit_announced(i, bytes, coming).await })
    };
    let held = q.coming();
    // 1 (4 bytes) waits for the call still announced ...
    let first = submit(1, 4, Some(q.coming()));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert!(
        seen.lock().unwrap().is_empty(),
        "1 waits while one is announced"
    );
    // ... until 6 more bytes queue: 10 of 10, no room left, so the batch goes without it.
    let second = submit(2, 6, None);
    until_batches(&seen, 1).await;
    assert_eq!(seen.lock().unwrap()[0], vec![1, 2]);
    assert_eq!(first.await.unwrap().unwrap(), 10);
    assert_eq!(second.await.unwrap().unwrap(), 20);

    // A call that does not fit beside the first fills the batch as well: the first goes alone,
    // the other in the next batch.
    let third = submit(3, 4, Some(q.coming()));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let fourth = submit(4, 7, None);
    until_batches(&seen, 3).await;
    assert_eq!(seen.lock().unwrap()[1..], [vec![3], vec![4]]);
    assert_eq!(third.await.unwrap().unwrap(), 30);
    assert_eq!(fourth.await.unwrap().unwrap(), 40);
    drop(held);
}
