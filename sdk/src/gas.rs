//! Gas coins of one signer. A transaction takes a coin out of the pool and puts back its new
//! reference from the effects, so transactions on different coins run concurrently and two
//! transactions never use one coin at once (which Sui punishes with "object not available").

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use sui_sdk_types::{Address, ObjectReference};
use tokio::sync::Notify;

#[derive(Debug, Default)]
struct Coins {
    free: VecDeque<ObjectReference>,
    /// Coins taken by transactions in flight.
    busy: HashSet<Address>,
}

/// The lock is a plain mutex (never held across an await) so a coin can be given back from a
/// `Drop`: a transaction future dropped half-way (a client that hung up) must not leak its coin.
#[derive(Debug, Default)]
pub struct GasPool {
    coins: Mutex<Coins>,
    ready: Notify,
}

impl GasPool {
    /// Replaces the free coins with `coins`, leaving the ones in flight alone.
    pub async fn set(&self, coins: Vec<ObjectReference>) {
        let mut c = self.coins.lock().unwrap_or_else(|p| p.into_inner());
        let busy = c.busy.clone();
        c.free = coins
            .into_iter()
            .filter(|r| !busy.contains(r.object_id()))
            .collect();
        drop(c);
        self.ready.notify_waiters();
    }

    /// Coins known (free and in flight).
    pub async fn len(&self) -> usize {
        let c = self.coins.lock().unwrap_or_else(|p| p.into_inner());
        c.free.len() + c.busy.len()
    }

    /// No coin at all (none free, none in flight).
    pub async fn is_empty(&self) -> bool {
        self.len().await == 0
    }

    /// Takes a coin, waiting for one to come back if all are in use.
    pub async fn take(&self) -> ObjectReference {
        loop {
            let notified = self.ready.notified();
            {
                let mut c = self.coins.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(r) = c.free.pop_front() {
                    c.busy.insert(*r.object_id());
                    return r;
                }
            }
            notified.await;
        }
    }

    /// Returns a coin (with its new version) to the pool.
    pub async fn put(&self, coin: ObjectReference) {
        self.give_back(coin);
    }

    /// [`GasPool::put`] for synchronous code (a `Drop`).
    pub fn give_back(&self, coin: ObjectReference) {
        let mut c = self.coins.lock().unwrap_or_else(|p| p.into_inner());
        c.busy.remove(coin.object_id());
        c.free.push_back(coin);
        drop(c);
        self.ready.notify_one();
    }

    /// Drops a coin that no longer exists or cannot be used.
    pub async fn forget(&self, id: Address) {
        let mut c = self.coins.lock().unwrap_or_else(|p| p.into_inner());
        c.busy.remove(&id);
        c.free.retain(|r| r.object_id() != &id);
    }
}

/// A coin taken for one transaction. Dropped before [`Lease::disarm`] (the transaction's future
/// was dropped, e.g. its HTTP client hung up), it goes back to the pool as it was: if it did move
/// on, its next use is refused as stale and refreshed, instead of being lost for good.
pub struct Lease {
    pool: Arc<GasPool>,
    coin: Option<ObjectReference>,
}

impl GasPool {
    /// Takes a coin under a [`Lease`].
    pub async fn lease(self: &Arc<Self>) -> Lease {
        let coin = self.take().await;
        Lease {
            pool: self.clone(),
            coin: Some(coin),
        }
    }
}

impl Lease {
    /// The leased coin.
    pub fn coin(&self) -> &ObjectReference {
        self.coin.as_ref().expect("an armed lease holds its coin")
    }

    /// The caller now decides what goes back to the pool.
    pub fn disarm(&mut self) {
        self.coin = None;
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(c) = self.coin.take() {
            self.pool.give_back(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sui_sdk_types::Digest;

    fn coin(n: u8, v: u64) -> ObjectReference {
        ObjectReference::new(Address::new([n; 32]), v, Digest::new([v as u8; 32]))
    }

    #[tokio::test]
    async fn a_coin_in_flight_is_never_handed_out_twice() {
        let p = GasPool::default();
        p.set(vec![coin(1, 1), coin(2, 1)]).await;
        let a = p.take().await;
        // A refresh while `a` is in flight must not put it back.
        p.set(vec![coin(1, 1), coin(2, 1)]).await;
        let b = p.take().await;
        assert_ne!(a.object_id(), b.object_id());
        assert_eq!(p.len().await, 2);
        p.put(coin(1, 7)).await;
        let c = p.take().await;
        assert_eq!(
            (c.object_id(), c.version()),
            (&Address::new([1; 32]), 7),
            "the new version comes back"
        );
        p.forget(*b.object_id()).await;
        assert_eq!(p.len().await, 1);
    }

    #[tokio::test]
    async fn a_dropped_lease_gives_its_coin_back_and_a_disarmed_one_does_not() {
        let p = Arc::new(GasPool::default());
        p.set(vec![coin(1, 1)]).await;
        let lease = p.lease().await;
        assert_eq!(lease.coin().version(), 1);
        drop(lease);
        let mut lease = tokio::time::timeout(std::time::Duration::from_secs(1), p.lease())
            .await
            .expect("the coin came back");
        lease.disarm();
        drop(lease);
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(50), p.lease())
                .await
                .is_err(),
            "a disarmed lease leaves the coin to its caller"
        );
    }
}
