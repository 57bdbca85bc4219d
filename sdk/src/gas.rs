//! Gas coins of one signer. Each transaction takes a coin out of the pool and puts back its new
//! reference from the effects, so transactions on different coins run concurrently and two
//! transactions never race for one coin (which Sui punishes with "object not available").

use std::collections::VecDeque;

use sui_sdk_types::{Address, ObjectReference};
use tokio::sync::{Mutex, Notify};

#[derive(Debug, Default)]
pub struct GasPool {
    coins: Mutex<VecDeque<ObjectReference>>,
    ready: Notify,
}

impl GasPool {
    pub async fn set(&self, coins: Vec<ObjectReference>) {
        *self.coins.lock().await = coins.into();
        self.ready.notify_waiters();
    }

    pub async fn len(&self) -> usize {
        self.coins.lock().await.len()
    }

    pub async fn is_empty(&self) -> bool {
        self.coins.lock().await.is_empty()
    }

    /// Takes a coin, waiting for one to come back if all are in use.
    pub async fn take(&self) -> ObjectReference {
        loop {
            let notified = self.ready.notified();
            if let Some(c) = self.coins.lock().await.pop_front() {
                return c;
            }
            notified.await;
        }
    }

    /// Returns a coin (with its new version) to the pool.
    pub async fn put(&self, coin: ObjectReference) {
        self.coins.lock().await.push_back(coin);
        self.ready.notify_one();
    }

    /// Drops a coin that no longer exists (merged away).
    pub async fn forget(&self, id: Address) {
        self.coins.lock().await.retain(|c| c.object_id() != &id);
    }
}
