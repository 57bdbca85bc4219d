//! One event follower per gateway resolves every waiting HTTP request: a map from sequence number
//! to the waiter, and a short memory of answers that arrived before their waiter registered.

use std::collections::VecDeque;
use std::sync::Mutex;

use dashmap::DashMap;
use dtp_protocol::Event;
use futures::StreamExt;
use sui_sdk_types::Address;
use tokio::sync::oneshot;

/// How a request ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Completed {
        server: Address,
        ok: bool,
        response: Vec<u8>,
    },
    DeadLettered {
        attempt: u32,
    },
    Cancelled,
}

#[derive(Default)]
pub struct Waiters {
    waiting: DashMap<u64, oneshot::Sender<Outcome>>,
    /// Answers with no waiter yet (the follower can be ahead of `send` returning).
    early: Mutex<VecDeque<(u64, Outcome)>>,
}

const EARLY_MAX: usize = 4096;

impl Waiters {
    /// Registers interest in `seq`; resolves at once if the answer already came.
    pub fn wait(&self, seq: u64) -> oneshot::Receiver<Outcome> {
        let (tx, rx) = oneshot::channel();
        let early = {
            let mut e = self.early.lock().expect("lock");
            e.iter()
                .position(|(s, _)| *s == seq)
                .and_then(|i| e.remove(i))
        };
        match early {
            Some((_, o)) => {
                let _ = tx.send(o);
            }
            None => {
                self.waiting.insert(seq, tx);
            }
        }
        rx
    }

    pub fn forget(&self, seq: u64) {
        self.waiting.remove(&seq);
    }

    /// Resolves the waiter of `seq`, or remembers the answer for a little while.
    pub fn resolve(&self, seq: u64, o: Outcome) {
        match self.waiting.remove(&seq) {
            Some((_, tx)) => {
                let _ = tx.send(o);
            }
            None => {
                let mut e = self.early.lock().expect("lock");
                e.push_back((seq, o));
                if e.len() > EARLY_MAX {
                    e.pop_front();
                }
            }
        }
    }

    /// Follows the pipe's events from `from` and resolves waiters, forever.
    pub async fn follow(&self, client: dtp_sdk::Client, pipe: Address, from: u64) {
        let mut s = Box::pin(client.follow(from));
        while let Some(cp) = s.next().await {
            for e in cp.events {
                if e.event.pipe() != Some(pipe) {
                    continue;
                }
                match e.event {
                    Event::Completed(c) => self.resolve(
                        c.seq,
                        Outcome::Completed {
                            server: c.server,
                            ok: c.ok,
                            response: c.response,
                        },
                    ),
                    Event::DeadLettered(d) => {
                        self.resolve(d.seq, Outcome::DeadLettered { attempt: d.attempt })
                    }
                    Event::Cancelled(c) => self.resolve(c.seq, Outcome::Cancelled),
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
        let w = Waiters::default();
        w.resolve(5, Outcome::Cancelled);
        assert_eq!(w.wait(5).await.unwrap(), Outcome::Cancelled);
        let rx = w.wait(6);
        w.resolve(6, Outcome::DeadLettered { attempt: 3 });
        assert_eq!(rx.await.unwrap(), Outcome::DeadLettered { attempt: 3 });
    }
}
