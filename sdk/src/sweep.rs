//! Sweeping: moving a key's SUI above a threshold to another address. On a network without a
//! faucet the gateway pays every `send`'s storage and the daemons earn it back as rebates when
//! they `complete` (the rebate goes to whoever deletes the stored request), so without a sweep
//! the gateway's gas runs out while the daemons' grows. A sweep is an ordinary transaction paid
//! by one of the signer's pool coins: `SplitCoins` of that coin into the amount and a
//! `TransferObjects`, so it runs beside the signer's other transactions without taking every
//! coin (as [`Client::transfer_sui`] does).

use sui_sdk_types::Address;

use crate::client::Client;
use crate::error::{Error, Result};

/// Gas budgets a swept coin keeps beyond the amount: it pays this sweep and goes on paying, and
/// covers what the coin spent since the balance read (reads may trail the pool's version).
const COIN_KEEPS_BUDGETS: u64 = 4;

/// What one sweep should send: the excess of `total` over `above`, at most what `coin` can give
/// while keeping [`COIN_KEEPS_BUDGETS`] budgets; `None` when that is under one budget (not worth a
/// transaction).
pub fn sweep_amount(total: u64, above: u64, coin: u64, budget: u64) -> Option<u64> {
    let excess = total.saturating_sub(above);
    let spendable = coin.saturating_sub(budget.saturating_mul(COIN_KEEPS_BUDGETS));
    let amount = excess.min(spendable);
    (amount >= budget && amount > 0).then_some(amount)
}

impl Client {
    /// Sends the signer's balance above `above` MIST to `to`, from one gas coin: returns the MIST
    /// sent (0 when the excess is under one gas budget, or the coin it drew could not give it).
    /// A large excess spread over several coins leaves in several sweeps, one coin each.
    pub async fn sweep(&self, to: Address, above: u64) -> Result<u64> {
        let me = self.address()?;
        if to == me {
            return Err(Error::Invalid(format!(
                "sweep: the recipient {to} is the signer itself"
            )));
        }
        let budget = self.inner.cfg.gas_budget;
        let total = self.balance(me).await?;
        if sweep_amount(total, above, u64::MAX, budget).is_none() {
            return Ok(0);
        }
        // Dropped unused, the lease gives the coin back as it was.
        let lease = self.take_gas().await?;
        let coin = *lease.coin().object_id();
        let balance = self
            .get_object(coin, "object_id,version,balance")
            .await?
            .balance();
        let Some(amount) = sweep_amount(total, above, balance, budget) else {
            return Ok(0);
        };
        let out = self
            .execute_leased("sweep", budget, lease, |b| {
                let amount = b.pure(&amount);
                let gas = b.gas();
                let part = b.split_coins(gas, vec![amount]);
                let to = b.pure(&to);
                b.transfer_objects(part, to);
            })
            .await?;
        // The next sweep reads the balance: only once the node's reads show this one (else it
        // would see the old balance and send the excess twice).
        self.wait_for_transaction(out.digest).await?;
        Ok(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: u64 = 50_000_000;

    #[test]
    fn sends_the_excess_within_what_the_coin_can_give() {
        // The whole excess when one coin holds it.
        assert_eq!(sweep_amount(100 * B, 60 * B, 80 * B, B), Some(40 * B));
        // Only what the coin can give beyond its reserve: the rest in later sweeps.
        assert_eq!(sweep_amount(100 * B, 10 * B, 30 * B, B), Some(26 * B));
    }

    #[test]
    fn nothing_under_one_budget_or_from_a_poor_coin() {
        assert_eq!(sweep_amount(100 * B, 100 * B, 80 * B, B), None);
        assert_eq!(sweep_amount(100 * B, 200 * B, 80 * B, B), None);
        assert_eq!(sweep_amount(100 * B + B / 2, 100 * B, 80 * B, B), None);
        assert_eq!(sweep_amount(100 * B, 10 * B, 4 * B, B), None);
        // Nothing to send is never a transaction, even at a zero budget.
        assert_eq!(sweep_amount(5, 5, 10, 0), None);
    }
}
