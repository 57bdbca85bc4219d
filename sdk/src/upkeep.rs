//! The signer's gas coins: listing them (`coins`), loading those that can pay into the pool
//! (`refresh_gas`), splitting enough for concurrent work (`ensure_gas_coins`), and keeping the
//! signer able to pay over a long run. Every transaction leaves its gas coin a
//! little poorer; a coin below the gas budget cannot pay any more and leaves the pool. When no coin
//! is left, [`Client::replenish_gas`] merges every coin into one (Sui "smashes" all the gas coins
//! of a transaction into the first) and splits the sum evenly again into as many coins as
//! [`Client::ensure_gas_coins`] asked for; when the whole balance is below the budget it asks the
//! faucet, if the client has one ([`ClientConfig::faucet`](crate::ClientConfig)), and otherwise
//! fails with [`Error::NoGas`] naming the balance.

use std::time::Duration;

use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, ObjectReference, StructTag};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

use crate::client::Client;
use crate::error::{Error, Result};

/// Sui takes at most 256 gas coins per transaction.
pub const MAX_GAS_COINS: usize = 255;

/// How long a faucet top-up may take to show among the signer's coins (the owner index lags).
const FAUCET_WAIT: Duration = Duration::from_secs(30);

/// How to split `total` MIST into gas coins: `(coins, each)`. One transaction pays at most
/// `budget`, so `total - budget` is shared; each new coin gets at least two budgets (so it pays for
/// many transactions) unless there is only one. `None` when `total` cannot pay even one budget.
pub fn split_plan(total: u64, budget: u64, target: usize) -> Option<(usize, u64)> {
    let usable = total.checked_sub(budget)?;
    let mut k = target.max(1) as u64;
    while k > 1 && usable / k < budget.saturating_mul(2) {
        k -= 1;
    }
    Some((k as usize, usable / k))
}

impl Client {
    /// Gas coins to keep (see [`Client::ensure_gas_coins`]).
    pub fn gas_target(&self) -> usize {
        self.inner
            .gas_target
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Reloads the signer's SUI coins into the gas pool.
    /// Coins below the gas budget are left out: they would only be refused.
    pub async fn refresh_gas(&self) -> Result<usize> {
        let me = self.address()?;
        let budget = self.inner.cfg.gas_budget;
        let coins: Vec<ObjectReference> = self
            .coins(me)
            .await?
            .into_iter()
            .filter(|(_, balance)| *balance >= budget)
            .map(|(r, _)| r)
            .collect();
        let n = coins.len();
        self.inner.gas.set(coins).await;
        Ok(n)
    }

    /// The SUI coins of `owner` with their balances.
    pub async fn coins(&self, owner: Address) -> Result<Vec<(ObjectReference, u64)>> {
        let mut out = Vec::new();
        let mut token = None;
        loop {
            let mut req = pb::ListOwnedObjectsRequest::default()
                .with_owner(owner.to_string())
                .with_object_type(StructTag::gas_coin().to_string())
                .with_page_size(1000u32)
                .with_read_mask(FieldMask::from_str("object_id,version,digest,balance"));
            req.page_token = token;
            let resp = self
                .rpc()
                .state_client()
                .list_owned_objects(req)
                .await
                .map_err(Error::rpc)?
                .into_inner();
            for o in resp.objects {
                let id = o.object_id().parse().map_err(|e| Error::Decode {
                    what: "coin id".into(),
                    reason: format!("{e}"),
                })?;
                let digest = o.digest().parse().map_err(|e| Error::Decode {
                    what: "coin digest".into(),
                    reason: format!("{e}"),
                })?;
                out.push((ObjectReference::new(id, o.version(), digest), o.balance()));
            }
            match resp.next_page_token {
                Some(t) if !t.is_empty() => token = Some(t),
                _ => break,
            }
        }
        Ok(out)
    }

    /// Splits the signer's largest coin so it has at least `n` gas coins (for concurrent work);
    /// when that coin cannot pay them all, merges every coin and splits the sum evenly into at
    /// most `n` (see [`split_plan`]), returning how many it has.
    /// Later merges ([`Client::replenish_gas`]) split into `n` coins again.
    pub async fn ensure_gas_coins(&self, n: usize, each: u64) -> Result<usize> {
        self.inner
            .gas_target
            .fetch_max(n, std::sync::atomic::Ordering::Relaxed);
        let mut have = self.refresh_gas().await?;
        let mut merged = false;
        if have == 0 {
            // Only coins too poor to pay: merge them and split into `n` if they add up to it.
            let _one = self.inner.refill.lock().await;
            have = self.replenish_gas().await?;
            merged = true;
        }
        if have >= n {
            return Ok(have);
        }
        let me = self.address()?;
        let amounts = n - have;
        // A balance that cannot pay `amounts` coins of `each` (a key funded with a little SUI on
        // a real network) is merged and split evenly instead: fewer or smaller coins (each at
        // least two budgets), never a split that fails.
        let need = (amounts as u64)
            .saturating_mul(each)
            .saturating_add(self.inner.cfg.gas_budget);
        let largest = self.coins(me).await?.iter().map(|c| c.1).max().unwrap_or(0);
        if largest < need {
            if merged {
                // Already split as evenly as the balance allows.
                return Ok(have);
            }
            let _one = self.inner.refill.lock().await;
            return self.replenish_gas().await;
        }
        let split = self
            .execute("split_coins", |b| {
                let amts = (0..amounts).map(|_| b.pure(&each)).collect();
                let g = b.gas();
                let coins = b.split_coins(g, amts);
                let to = b.pure(&me);
                b.transfer_objects(coins, to);
            })
            .await?;
        // The new coins are listed only once the node's reads show the split.
        self.wait_for_transaction(split.digest).await?;
        self.refresh_gas().await
    }

    /// Makes the signer able to pay again: merges all its coins and splits them evenly (into the
    /// number [`Client::ensure_gas_coins`] asked for), or asks the faucet when the balance is below
    /// the gas budget. Returns the coins now in the pool. Call it only with no transaction of this
    /// signer in flight (merging consumes every coin).
    pub async fn replenish_gas(&self) -> Result<usize> {
        let me = self.address()?;
        let budget = self.inner.cfg.gas_budget;
        let mut coins = self.coins(me).await?;
        coins.sort_by_key(|c| std::cmp::Reverse(c.1));
        coins.truncate(MAX_GAS_COINS);
        let total: u64 = coins.iter().map(|c| c.1).fold(0, u64::saturating_add);
        let Some((k, each)) = split_plan(total, budget, self.gas_target()) else {
            return self.top_up(me, total).await;
        };
        tracing::info!(
            coins = coins.len(),
            total,
            into = k,
            each,
            "merging and splitting gas coins"
        );
        let refs: Vec<ObjectReference> = coins.into_iter().map(|c| c.0).collect();
        self.merge_and_split(me, &refs, k, each).await?;
        let n = self.refresh_gas().await?;
        if n == 0 {
            // The merge itself cost gas: what is left may no longer pay a budget.
            let left = self.coins(me).await?.iter().map(|c| c.1).sum();
            return self.top_up(me, left).await;
        }
        Ok(n)
    }

    /// One transaction paid by every coin in `coins` (merged into the first), splitting `k - 1`
    /// coins of `each` off the merged one; with `k == 1` it only merges.
    async fn merge_and_split(
        &self,
        me: Address,
        coins: &[ObjectReference],
        k: usize,
        each: u64,
    ) -> Result<()> {
        let key = self.key()?;
        let mut b = TransactionBuilder::new();
        b.set_sender(me);
        b.add_gas_objects(
            coins
                .iter()
                .map(|c| ObjectInput::owned(*c.object_id(), c.version(), *c.digest())),
        );
        b.set_gas_budget(self.inner.cfg.gas_budget);
        b.set_gas_price(self.inner.rgp);
        let to = b.pure(&me);
        if k > 1 {
            let amounts = (1..k).map(|_| b.pure(&each)).collect();
            let g = b.gas();
            let split = b.split_coins(g, amounts);
            b.transfer_objects(split, to);
        } else {
            // Transferring the gas coin to its owner: the transaction only merges.
            let g = b.gas();
            b.transfer_objects(vec![g], to);
        }
        let tx = b
            .try_build()
            .map_err(|e| Error::Invalid(format!("cannot build the gas merge: {e}")))?;
        let t = self.submit(&tx, key).await?;
        let o = crate::outcome::parse(self.package(), "merge_gas", t)?;
        // The coins are listed again next: only once the node's reads show the merge.
        self.wait_for_transaction(o.digest).await
    }

    /// Asks the client's faucet for gas (if it has one) and waits until a coin that can pay the
    /// budget shows up; without a faucet, [`Error::NoGas`] with the balance.
    async fn top_up(&self, me: Address, balance: u64) -> Result<usize> {
        let budget = self.inner.cfg.gas_budget;
        match self.inner.cfg.faucet.clone() {
            Some(url) => self.request_gas(&url).await,
            None => Err(Error::NoGas {
                address: me,
                balance,
                budget,
            }),
        }
    }

    /// Asks the faucet at `url` (`POST <url>/v2/gas`, as Sui's) for coins for the signer, waits
    /// until the node's reads show them (the faucet answers before its transfer is readable)
    /// and loads them into the gas pool. Returns the coins that can pay now.
    pub async fn request_gas(&self, url: &str) -> Result<usize> {
        let me = self.address()?;
        let budget = self.inner.cfg.gas_budget;
        tracing::info!(%me, faucet = %url, "asking the faucet for gas");
        let bad = |reason: String| Error::Faucet {
            url: url.to_string(),
            reason,
        };
        // The faucet API is `<base>/v2/gas`: the base works with or without its trailing slash.
        let base = format!("{}/", url.trim_end_matches('/'));
        let coins = sui_rpc::faucet::FaucetClient::new(&base)
            .map_err(|e| bad(e.to_string()))?
            .request(me)
            .await
            .map_err(|e| bad(e.to_string()))?;
        let mut digests: Vec<_> = coins.iter().map(|c| c.transfer_tx_digest).collect();
        digests.dedup();
        for d in digests {
            self.wait_for_transaction(d).await?;
        }
        // Coins can pay once listed; a faucet that sent none (or only small ones) is polled a
        // little longer in case its transfer is still on its way.
        let deadline = tokio::time::Instant::now() + FAUCET_WAIT;
        loop {
            let n = self.refresh_gas().await?;
            if n > 0 {
                return Ok(n);
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(bad(format!(
                    "no coin of at least {budget} MIST arrived within {FAUCET_WAIT:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plans() {
        let b = 10;
        assert_eq!(split_plan(9, b, 4), None, "cannot pay one budget");
        assert_eq!(split_plan(10, b, 4), Some((1, 0)));
        assert_eq!(
            split_plan(35, b, 4),
            Some((1, 25)),
            "two budgets each or one coin"
        );
        assert_eq!(split_plan(50, b, 4), Some((2, 20)));
        assert_eq!(split_plan(1_010, b, 4), Some((4, 250)));
        assert_eq!(
            split_plan(1_010, b, 0),
            Some((1, 1_000)),
            "a target of 0 is 1"
        );
        assert_eq!(
            split_plan(u64::MAX, u64::MAX / 2, 3),
            Some((1, u64::MAX / 2 + 1))
        );
    }

    proptest! {
        #[test]
        fn a_plan_never_spends_more_than_there_is(total: u64, budget in 1u64..u64::MAX, target in 0usize..300) {
            match split_plan(total, budget, target) {
                None => prop_assert!(total < budget),
                Some((k, each)) => {
                    prop_assert!(k >= 1 && k <= target.max(1));
                    prop_assert!((k as u128) * (each as u128) <= (total - budget) as u128);
                    if k > 1 {
                        prop_assert!(each >= budget.saturating_mul(2));
                    }
                }
            }
        }
    }
}
