//! Sending SUI to other addresses: funding the keys of a deployment from one key where no faucet
//! exists (mainnet, or a network whose faucet is closed).

use sui_sdk_types::Address;
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

use crate::client::{Client, Outcome};
use crate::error::{Error, Result};
use crate::upkeep::MAX_GAS_COINS;

impl Client {
    /// The SUI balance of `owner` (MIST): the sum of its coins.
    pub async fn balance(&self, owner: Address) -> Result<u64> {
        Ok(self
            .coins(owner)
            .await?
            .iter()
            .map(|c| c.1)
            .fold(0, u64::saturating_add))
    }

    /// Sends each `(address, MIST)` in one transaction: `SplitCoins` of the gas coin into the
    /// amounts and one `TransferObjects` per recipient. The transaction is paid by every coin of
    /// the signer (Sui merges a transaction's gas coins into the first), so their sum, not the
    /// largest, must cover the amounts and the gas budget. Returns once the node's reads show it,
    /// with the signer's gas pool reloaded. Call it with no other transaction of this signer in
    /// flight (it consumes every coin).
    pub async fn transfer_sui(&self, to: &[(Address, u64)]) -> Result<Outcome> {
        if to.is_empty() {
            return Err(Error::Invalid("transfer_sui: no recipient".into()));
        }
        let key = self.key()?;
        let me = key.address();
        let budget = self.inner.cfg.gas_budget;
        let mut coins = self.coins(me).await?;
        coins.sort_by_key(|c| std::cmp::Reverse(c.1));
        coins.truncate(MAX_GAS_COINS);
        let have: u64 = coins.iter().map(|c| c.1).fold(0, u64::saturating_add);
        let want = to
            .iter()
            .map(|t| t.1)
            .fold(budget, |a, b| a.saturating_add(b));
        if have < want {
            return Err(Error::NoGas {
                address: me,
                balance: have,
                budget: want,
            });
        }
        let mut b = TransactionBuilder::new();
        b.set_sender(me);
        b.add_gas_objects(
            coins
                .iter()
                .map(|(c, _)| ObjectInput::owned(*c.object_id(), c.version(), *c.digest())),
        );
        b.set_gas_budget(budget);
        b.set_gas_price(self.inner.rgp);
        let amounts = to.iter().map(|t| b.pure(&t.1)).collect();
        let g = b.gas();
        let split = b.split_coins(g, amounts);
        for (coin, (addr, _)) in split.into_iter().zip(to) {
            let addr = b.pure(addr);
            b.transfer_objects(vec![coin], addr);
        }
        let tx = b
            .try_build()
            .map_err(|e| Error::Invalid(format!("cannot build the transfer: {e}")))?;
        let t = self.submit(&tx, key).await?;
        let out = crate::outcome::parse(self.package(), "transfer_sui", t);
        if let Ok(o) = &out {
            // The pool's coins were merged away: list them again once the node shows it.
            self.wait_for_transaction(o.digest).await?;
        }
        self.refresh_gas().await?;
        out
    }
}
