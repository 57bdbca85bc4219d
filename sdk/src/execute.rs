//! Executing one transaction: a gas coin from the pool (given back with its new version, or as it
//! was if the call is dropped), the signature, submission with retries of the same signed bytes on
//! transient errors, and what a refusal means for the coin (stale: refreshed; too poor: replaced).

use prost_types::FieldMask;
use sui_crypto::Signer;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Transaction, UserSignature};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

use crate::backoff::Backoff;

/// What an execution answer is asked to carry: its digest, the effects and the events as BCS
/// (Sui's own types, decoded once: no ids, digests and type names formatted as strings by the
/// node and parsed back here), its checkpoint.
const EXECUTE_MASK: &str = "digest,effects.bcs,events.bcs,checkpoint";
use crate::client::{Client, Outcome};
use crate::consistency::stale_object;
use crate::error::{Error, Result};
use crate::keys::Key;
use crate::outcome::Executed;

/// The first and the longest delay between submissions of the same signed bytes.
const SUBMIT_RETRY_FIRST: std::time::Duration = std::time::Duration::from_millis(100);
const SUBMIT_RETRY_MAX: std::time::Duration = std::time::Duration::from_secs(5);

/// Payments one call tries with a gas coin found stale before it reports the refusal.
const GAS_TRIES: usize = 3;

/// The node refused a gas coin for holding less than the budget (embedded localnet / Sui wording).
fn is_too_poor(message: &str) -> bool {
    message.contains("less than the budget")
        || message.contains("lower than the needed amount")
        || message.contains("InsufficientGas")
}

impl Client {
    /// Builds with one of the signer's gas coins, signs, executes (retrying the same signed bytes
    /// on transient errors) and returns the outcome; a Move abort is `Error::Aborted`.
    pub async fn execute(
        &self,
        function: &str,
        build: impl FnOnce(&mut TransactionBuilder),
    ) -> Result<Outcome> {
        self.execute_with_budget(function, self.inner.cfg.gas_budget, build)
            .await
    }

    /// [`Client::execute`] with a gas budget of its own (above the configured one for calls that
    /// store many bytes: storage is paid from the budget).
    pub async fn execute_with_budget(
        &self,
        function: &str,
        budget: u64,
        build: impl FnOnce(&mut TransactionBuilder),
    ) -> Result<Outcome> {
        // Given back as it was if this future is dropped before the coin's fate is known.
        let lease = self.take_gas().await?;
        self.execute_leased(function, budget, lease, build).await
    }

    /// [`Client::execute_with_budget`] paid first with the coin of `lease` (a caller that chose
    /// its coin, e.g. to spend from it); a retry may pay with another.
    pub(crate) async fn execute_leased(
        &self,
        function: &str,
        budget: u64,
        mut lease: crate::gas::Lease,
        build: impl FnOnce(&mut TransactionBuilder),
    ) -> Result<Outcome> {
        let key = self.key()?;
        let gas = lease.coin().clone();
        let mut b = TransactionBuilder::new();
        b.set_sender(key.address());
        b.add_gas_objects([ObjectInput::owned(
            *gas.object_id(),
            gas.version(),
            *gas.digest(),
        )]);
        b.set_gas_budget(budget);
        b.set_gas_price(self.inner.rgp);
        build(&mut b);
        let mut tx = b
            .try_build()
            .map_err(|e| Error::Invalid(format!("cannot build the {function} transaction: {e}")))?;
        let mut tries = 0;
        loop {
            let gas = lease.coin().clone();
            // A retry pays with another coin (or the same at its current version): the commands
            // do not name the gas coin, so only the payment changes (and the signature).
            tx.gas_payment.objects = vec![gas.clone()];
            let result = self.submit(&tx, key).await;
            let retry = match &result {
                Ok(t) => {
                    lease.disarm();
                    match t.gas_object() {
                        Some(g) if g.object_id() == gas.object_id() => self.inner.gas.give_back(g),
                        _ => self.inner.gas.give_back(gas),
                    }
                    false
                }
                // Nothing executed on a refusal: the coin is unchanged, unless it was stale. A
                // stale coin is read again until the node shows the version the refusal named
                // (its reads may trail: see `consistency`), then the same commands pay with it.
                Err(Error::Rejected(m)) if m.contains("not available for consumption") => {
                    let id = *gas.object_id();
                    let named = stale_object(m);
                    let gas_stale = match named {
                        Some((o, _)) => o == id,
                        None => m.contains(&id.to_string()),
                    };
                    if gas_stale {
                        lease.disarm();
                        let current = named.map_or(gas.version() + 1, |(_, v)| v);
                        match self.object_at_least(id, current).await {
                            Ok(r) => self.inner.gas.give_back(r),
                            Err(_) => self.inner.gas.forget(id).await,
                        }
                        tries += 1;
                    }
                    // Another input was stale: the caller reads it again (`ops`); the coin is
                    // as it was and the lease gives it back.
                    gas_stale && tries < GAS_TRIES
                }
                // A coin that pays the usual budget but not this call's larger one stays.
                Err(Error::Rejected(m)) if is_too_poor(m) && budget > self.inner.cfg.gas_budget => {
                    false
                }
                // A coin too poor for the budget leaves the pool (it would only be refused
                // again); another coin (or a merge, or the faucet) pays instead. Each such retry
                // shrinks the pool, so they end.
                Err(Error::Rejected(m)) if is_too_poor(m) => {
                    lease.disarm();
                    self.inner.gas.forget(*gas.object_id()).await;
                    true
                }
                // Unknown fate (e.g. a timeout): the lease gives the coin back as it was; if it
                // moved on, the next use is refused as stale and refreshed by the branch above.
                Err(_) => false,
            };
            if !retry {
                let t = result?;
                if self.inner.cfg.wait_for_reads {
                    self.wait_for_transaction(t.digest).await?;
                }
                return crate::outcome::parse(self.package(), function, t);
            }
            tracing::debug!(function, "paying with another gas coin");
            lease = self.take_gas().await?;
        }
    }

    pub(crate) async fn take_gas(&self) -> Result<crate::gas::Lease> {
        // Only an empty pool (no coin free or in flight) is reloaded: reloading while coins are in
        // flight would hand the same coin to two transactions. With no coin that can pay, the
        // coins are merged and split again, or the faucet asked (`upkeep`).
        if self.inner.gas.is_empty().await {
            let _one = self.inner.refill.lock().await;
            if self.inner.gas.is_empty().await && self.refresh_gas().await? == 0 {
                self.replenish_gas().await?;
            }
        }
        Ok(self.inner.gas.lease().await)
    }

    pub(crate) async fn submit(&self, tx: &Transaction, key: &Key) -> Result<Executed> {
        // The transaction as BCS (what Sui's own clients send): no conversion to the proto's
        // structured form on this side, none back on the node's. The signature signs the digest
        // of these same bytes (what `sign_transaction` computes, in one pass).
        let bytes = bcs::to_bytes(tx).map_err(|e| {
            Error::Invalid(format!("the transaction does not serialise to BCS: {e}"))
        })?;
        let sig: UserSignature = key
            .signer()
            .try_sign(&dtp_protocol::digest::signing_digest(&bytes))
            .map_err(|e| Error::Key(e.to_string()))?;
        let mut t = pb::Transaction::default();
        t.bcs = Some(pb::Bcs::from(bytes));
        let req = pb::ExecuteTransactionRequest::default()
            .with_transaction(t)
            .with_signatures(vec![sig.into()])
            .with_read_mask(FieldMask::from_str(EXECUTE_MASK));
        let mut backoff = Backoff::new(SUBMIT_RETRY_FIRST, SUBMIT_RETRY_MAX);
        for attempt in 0.. {
            let mut exec = self.rpc().execution_client();
            let r = match tokio::time::timeout(
                self.inner.cfg.timeout,
                exec.execute_transaction(req.clone()),
            )
            .await
            {
                Ok(Ok(r)) => {
                    let t = r.into_inner().transaction.ok_or_else(|| Error::Decode {
                        what: "execute response".into(),
                        reason: "no transaction".into(),
                    })?;
                    let t = Executed::decode(&t)?;
                    self.learn(&t);
                    return Ok(t);
                }
                Ok(Err(s)) => Error::rpc(s),
                Err(_) => Error::Timeout(self.inner.cfg.timeout, "transaction effects".into()),
            };
            if !(r.is_transient() || matches!(r, Error::Timeout(..))) || attempt >= 5 {
                return Err(r);
            }
            tracing::warn!(error = %r, attempt, "retrying the same signed transaction");
            tokio::time::sleep(backoff.next_delay()).await;
        }
        unreachable!()
    }
}
