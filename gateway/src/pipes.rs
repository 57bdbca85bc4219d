//! Sharding over the gateway's Pipes: one [`Batcher`] per Pipe of the Host, and the choice of the
//! Pipe a request is sent to.
//!
//! - **With an affinity key**: the 64-bit FNV-1a hash of the key's bytes ([`key_hash`]) modulo the
//!   number of Pipes, indexing the Pipes sorted by address. Every gateway given the same set of
//!   Pipes (in any order), before and after a restart, sends a key to the same Pipe, and that
//!   Pipe's AFFINITY policy then keeps the key on one server.
//! - **Without a key** (an empty one): the Pipe with the fewest of this gateway's sends queued or
//!   in flight, ties broken round robin (so one request at a time still visits every Pipe in turn).

use std::sync::atomic::{AtomicUsize, Ordering};

use dtp_protocol::calls::Send;
use dtp_protocol::events::Assigned;
use dtp_sdk::Client;
use sui_sdk_types::Address;

use crate::batcher::{BatchConfig, BatchMetrics, Batcher, SendError};

/// The 64-bit FNV-1a hash of `key` (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`): a
/// fixed function, the same in every gateway and every release.
pub fn key_hash(key: &[u8]) -> u64 {
    key.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The index of the smallest of `loads` (not empty), the first found from `start` (mod its length)
/// among equals.
fn least_loaded(loads: &[usize], start: usize) -> usize {
    let n = loads.len();
    (0..n)
        .map(|i| (start + i) % n)
        .min_by_key(|&j| loads[j])
        .expect("at least one pipe")
}

/// One Pipe: its batcher and how many sends of this gateway wait for it or are in flight.
struct Shard {
    pipe: Address,
    batcher: Batcher,
    load: AtomicUsize,
}

/// The gateway's Pipes, sorted by address.
pub struct Pipes {
    shards: Vec<Shard>,
    /// Where the next search for the least loaded Pipe starts (round robin among equals).
    next: AtomicUsize,
}

/// Decrements a shard's load when the send is answered (or abandoned).
struct Load<'a>(&'a AtomicUsize);

impl Drop for Load<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Pipes {
    /// Starts one batcher per Pipe of `host` (sorted by address); `metrics` gives each its
    /// counters. Returns the batchers' tasks.
    pub fn start(
        client: &Client,
        host: Address,
        pipes: &[Address],
        cfg: BatchConfig,
        metrics: impl Fn(Address) -> BatchMetrics,
    ) -> (Pipes, Vec<tokio::task::JoinHandle<()>>) {
        let mut sorted = pipes.to_vec();
        sorted.sort_unstable();
        let mut tasks = Vec::new();
        let shards = sorted
            .into_iter()
            .map(|pipe| {
                let (batcher, task) =
                    Batcher::start(client.clone(), pipe, host, cfg, metrics(pipe));
                tasks.push(task);
                Shard {
                    pipe,
                    batcher,
                    load: AtomicUsize::new(0),
                }
            })
            .collect();
        let pipes = Pipes {
            shards,
            next: AtomicUsize::new(0),
        };
        (pipes, tasks)
    }

    /// How many Pipes there are.
    pub fn len(&self) -> usize {
        self.shards.len()
    }

    /// True when there is none (a started gateway always has one).
    pub fn is_empty(&self) -> bool {
        self.shards.is_empty()
    }

    /// The Pipes, sorted by address (the order [`Pipes::pick`] indexes).
    pub fn addresses(&self) -> Vec<Address> {
        self.shards.iter().map(|s| s.pipe).collect()
    }

    /// The Pipe a request with affinity key `key` goes to (see the module's documentation).
    pub fn pick(&self, key: &[u8]) -> Address {
        let n = self.shards.len();
        if !key.is_empty() {
            return self.shards[(key_hash(key) % n as u64) as usize].pipe;
        }
        let loads: Vec<usize> = self
            .shards
            .iter()
            .map(|s| s.load.load(Ordering::Relaxed))
            .collect();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        self.shards[least_loaded(&loads, start)].pipe
    }

    /// Sends `s` into `pipe` (in its next batch) and returns its `Assigned` event.
    pub async fn send(&self, pipe: Address, s: Send) -> Result<Assigned, SendError> {
        let shard = self
            .shards
            .iter()
            .find(|x| x.pipe == pipe)
            .ok_or(SendError::Stopped)?;
        shard.load.fetch_add(1, Ordering::Relaxed);
        let _load = Load(&shard.load);
        shard.batcher.send(s).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_has_its_published_values() {
        // The FNV-1a 64-bit test vectors (http://www.isthe.com/chongo/tech/comp/fnv/).
        assert_eq!(key_hash(b""), 0xcbf29ce484222325);
        assert_eq!(key_hash(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(key_hash(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn the_least_loaded_pipe_wins_and_equals_take_turns() {
        assert_eq!(least_loaded(&[3, 1, 2], 0), 1);
        assert_eq!(least_loaded(&[3, 1, 2], 2), 1);
        let turns: Vec<usize> = (0..6).map(|s| least_loaded(&[0, 0, 0], s)).collect();
        assert_eq!(turns, [0, 1, 2, 0, 1, 2]);
        assert_eq!(least_loaded(&[0, 5, 0], 1), 2);
    }
}
