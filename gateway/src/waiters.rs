//! One event follower per gateway resolves every waiting HTTP request of all its Pipes: a map from
//! (pipe, sequence number) to the waiter, and a short memory of answers that arrived before their
//! waiter registered.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use dashmap::DashMap;
use dtp_protocol::Event;
use futures::StreamExt;
use sui_sdk_types::Address;
use tokio::sync::oneshot;

/// How a request ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A server answered.
    Completed {
        /// The server.
        server: Address,
        /// False for a failed (final) answer.
        ok: bool,
        /// The backend's response (an envelope).
        response: Vec<u8>,
    },
    /// Out of attempts.
    DeadLettered {
        /// The last attempt.
        attempt: u32,
    },
    /// Cancelled by its sender.
    Cancelled,
}

/// A request: its Pipe and its sequence number there (sequence numbers are per Pipe).
pub type RequestId = (Address, u64);

/// The waiting requests of a gateway.
#[derive(Default)]
pub struct Waiters {
    waiting: DashMap<RequestId, oneshot::Sender<Outcome>>,
    /// Answers with no waiter yet (the follower can be ahead of `send` returning; with several
    /// gateways on a Pipe, the others' answers land here too).
    early: Mutex<Early>,
}

/// The latest answers without a waiter: found by request in O(1), the oldest forgotten first.
#[derive(Default)]
struct Early {
    answers: HashMap<RequestId, Outcome>,
    order: VecDeque<RequestId>,
}

impl Early {
    fn take(&mut self, id: &RequestId) -> Option<Outcome> {
        // Its entry in `order` stays until it comes up for eviction (removing ignores it then).
        self.answers.remove(id)
    }

    fn put(&mut self, id: RequestId, o: Outcome) {
        if self.answers.insert(id, o).is_none() {
            self.order.push_back(id);
        }
        while self.order.len() > EARLY_MAX {
            if let Some(old) = self.order.pop_front() {
                self.answers.remove(&old);
            }
        }
    }
}

const EARLY_MAX: usize = 4096;

impl Waiters {
    /// Registers interest in request `seq` of `pipe`; resolves at once if the answer already came.
    pub fn wait(&self, pipe: Address, seq: u64) -> oneshot::Receiver<Outcome> {
        let id = (pipe, seq);
        let (tx, rx) = oneshot::channel();
        // Under the `early` lock, as in `resolve`: an answer arriving meanwhile is either found
        // here or finds the waiter there, never neither (that lost the answer: a request hung
        // until its timeout although the chain had answered it).
        let mut early = self.early.lock().expect("lock");
        match early.take(&id) {
            Some(o) => {
                let _ = tx.send(o);
            }
            None => {
                self.waiting.insert(id, tx);
            }
        }
        rx
    }

    /// Stops waiting for request `seq` of `pipe` (its client gave up).
    pub fn forget(&self, pipe: Address, seq: u64) {
        self.waiting.remove(&(pipe, seq));
    }

    /// Resolves the waiter of request `seq` of `pipe`, or remembers the answer for a little while.
    pub fn resolve(&self, pipe: Address, seq: u64, o: Outcome) {
        let id = (pipe, seq);
        let mut early = self.early.lock().expect("lock");
        match self.waiting.remove(&id) {
            Some((_, tx)) => {
                drop(early);
                let _ = tx.send(o);
            }
            None => early.put(id, o),
        }
    }

    /// Follows the events of `pipes` (one stream: each checkpoint carries every Pipe's events)
    /// from checkpoint `from` and resolves waiters, forever.
    pub async fn follow(&self, client: dtp_sdk::Client, pipes: HashSet<Address>, from: u64) {
        let mut s = Box::pin(client.follow(from));
        while let Some(cp) = s.next().await {
            for e in cp.events {
                let Some(pipe) = e.event.pipe().filter(|p| pipes.contains(p)) else {
                    continue;
                };
                match e.event {
                    Event::Completed(c) => self.resolve(
                        pipe,
                        c.seq,
                        Outcome::Completed {
                            server: c.server,
                            ok: c.ok,
                            response: c.response,
                        },
                    ),
                    Event::DeadLettered(d) => {
                        self.resolve(pipe, d.seq, Outcome::DeadLettered { attempt: d.attempt })
                    }
                    Event::Cancelled(c) => self.resolve(pipe, c.seq, Outcome::Cancelled),
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn early_answers_are_kept_for_late_waiters() {
        let p = Address::new([1; 32]);
        let w = Waiters::default();
        w.resolve(p, 5, Outcome::Cancelled);
        assert_eq!(w.wait(p, 5).await.unwrap(), Outcome::Cancelled);
        let rx = w.wait(p, 6);
        w.resolve(p, 6, Outcome::DeadLettered { attempt: 3 });
        assert_eq!(rx.await.unwrap(), Outcome::DeadLettered { attempt: 3 });
    }

    #[test]
    fn an_answer_racing_its_waiter_is_never_lost() {
        let p = Address::new([3; 32]);
        let w = std::sync::Arc::new(Waiters::default());
        for round in 0..200u64 {
            let seqs: Vec<u64> = (round * 16..round * 16 + 16).collect();
            let resolver = {
                let (w, seqs) = (w.clone(), seqs.clone());
                std::thread::spawn(move || {
                    for s in seqs {
                        w.resolve(p, s, Outcome::Cancelled);
                    }
                })
            };
            let mut rxs: Vec<_> = seqs.iter().map(|s| w.wait(p, *s)).collect();
            resolver.join().unwrap();
            for (s, rx) in seqs.iter().zip(rxs.iter_mut()) {
                assert_eq!(
                    rx.try_recv(),
                    Ok(Outcome::Cancelled),
                    "seq {s} lost its answer"
                );
            }
        }
    }

    #[tokio::test]
    async fn early_answers_are_bounded_and_the_oldest_go_first() {
        let p = Address::new([1; 32]);
        let w = Waiters::default();
        for seq in 0..(EARLY_MAX as u64 + 10) {
            w.resolve(p, seq, Outcome::Cancelled);
        }
        {
            let e = w.early.lock().unwrap();
            assert_eq!(e.answers.len(), EARLY_MAX);
            assert!(e.order.len() <= EARLY_MAX);
        }
        // The first ten were forgotten; the rest are there, each once.
        let mut forgotten = w.wait(p, 9);
        assert!(forgotten.try_recv().is_err());
        assert_eq!(w.wait(p, 10).await.unwrap(), Outcome::Cancelled);
        let mut again = w.wait(p, 10);
        assert!(again.try_recv().is_err(), "an early answer is given once");
        // Taken answers leave stale order entries; evicting past them keeps the bound.
        for seq in 20_000..(20_000 + EARLY_MAX as u64) {
            w.resolve(p, seq, Outcome::Cancelled);
        }
        let e = w.early.lock().unwrap();
        assert_eq!(e.answers.len(), EARLY_MAX);
        assert!(e.order.len() <= EARLY_MAX);
    }

    #[tokio::test]
    async fn the_same_seq_on_two_pipes_are_two_requests() {
        let (p, q) = (Address::new([1; 32]), Address::new([2; 32]));
        let w = Waiters::default();
        let (rp, rq) = (w.wait(p, 0), w.wait(q, 0));
        w.resolve(q, 0, Outcome::Cancelled);
        w.resolve(p, 0, Outcome::DeadLettered { attempt: 1 });
        assert_eq!(rq.await.unwrap(), Outcome::Cancelled);
        assert_eq!(rp.await.unwrap(), Outcome::DeadLettered { attempt: 1 });
        // An early answer of one pipe is not given to the other's waiter.
        w.resolve(p, 7, Outcome::Cancelled);
        let mut other = w.wait(q, 7);
        assert!(other.try_recv().is_err());
        assert_eq!(w.wait(p, 7).await.unwrap(), Outcome::Cancelled);
    }
}
