//! `Client`: a connection to a Sui node (the embedded localnet or any Sui network: only the URL and
//! the package id differ), a signer with its gas coins, and transaction execution with retries.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use prost_types::FieldMask;
use sui_crypto::SuiSigner;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, ObjectReference, StructTag, Transaction};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};
use tokio::sync::Mutex;

use crate::error::{Error, Result};
use crate::gas::GasPool;
use crate::keys::Key;

/// How to reach a deployment.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// gRPC URL of a Sui node (`http://127.0.0.1:9000` for the localnet).
    pub url: String,
    /// The dtp package id.
    pub package: Address,
    /// The signer; `None` for read-only use.
    pub key: Option<Key>,
    /// Deadline of each call.
    pub timeout: Duration,
    /// Gas budget of each transaction (MIST).
    pub gas_budget: u64,
    /// Check at connect that `package` is the dtp package (off only to publish it).
    pub check_package: bool,
    /// A faucet (`http://127.0.0.1:9123/`) to ask for gas when the signer's balance runs out
    /// (localnet, devnet, testnet); `None`: running out is [`Error::NoGas`].
    pub faucet: Option<String>,
}

impl ClientConfig {
    pub fn new(url: impl Into<String>, package: Address) -> Self {
        Self {
            url: url.into(),
            package,
            key: None,
            timeout: Duration::from_secs(60),
            gas_budget: 50_000_000,
            check_package: true,
            faucet: None,
        }
    }

    pub fn with_key(mut self, key: Key) -> Self {
        self.key = Some(key);
        self
    }

    pub fn with_faucet(mut self, faucet: Option<String>) -> Self {
        self.faucet = faucet;
        self
    }
}

pub(crate) struct Inner {
    pub rpc: sui_rpc::Client,
    pub cfg: ClientConfig,
    pub rgp: u64,
    pub gas: std::sync::Arc<GasPool>,
    /// Initial shared versions of shared objects (they never change).
    pub shared: Mutex<HashMap<Address, u64>>,
    /// Gas coins to keep (the most [`Client::ensure_gas_coins`] asked for).
    pub gas_target: std::sync::atomic::AtomicUsize,
    /// Held while the gas pool is reloaded, merged or topped up (one at a time).
    pub refill: tokio::sync::Mutex<()>,
}

/// Payments one call tries with a gas coin found stale before it reports the refusal.
const GAS_TRIES: usize = 3;

/// The node refused a gas coin for holding less than the budget (embedded localnet / Sui wording).
fn is_too_poor(message: &str) -> bool {
    message.contains("less than the budget")
        || message.contains("lower than the needed amount")
        || message.contains("InsufficientGas")
}

/// A dtp client; cheap to clone, safe to share between tasks.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// The result of an executed transaction.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub digest: sui_sdk_types::Digest,
    pub events: Vec<dtp_protocol::Event>,
    /// Objects the transaction created: (id, Move type).
    pub created: Vec<(Address, String)>,
    pub checkpoint: Option<u64>,
    /// Gas charged (MIST): computation + storage - storage rebate.
    pub gas: GasUsed,
}

/// The gas of one transaction, in MIST.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GasUsed {
    pub computation: u64,
    pub storage: u64,
    pub rebate: u64,
}

impl GasUsed {
    /// What the sender paid (may be negative when deleting storage).
    pub fn net(&self) -> i128 {
        self.computation as i128 + self.storage as i128 - self.rebate as i128
    }
}

impl Outcome {
    /// The first created object whose type ends with `::module::Name`.
    pub fn created_of(&self, suffix: &str) -> Option<Address> {
        self.created
            .iter()
            .find(|(_, t)| t.ends_with(suffix))
            .map(|(id, _)| *id)
    }
}

impl Client {
    /// Connects, checks that `package` is the dtp package, and loads the signer's gas coins.
    pub async fn connect(cfg: ClientConfig) -> Result<Client> {
        let unreachable = |reason: String| Error::Unreachable {
            url: cfg.url.clone(),
            reason,
        };
        let mut rpc =
            sui_rpc::Client::new(cfg.url.as_str()).map_err(|e| unreachable(e.to_string()))?;
        let info = tokio::time::timeout(
            cfg.timeout,
            rpc.ledger_client()
                .get_service_info(pb::GetServiceInfoRequest::default()),
        )
        .await
        .map_err(|_| unreachable("no answer".into()))?
        .map_err(|e| unreachable(e.message().to_string()))?
        .into_inner();
        tracing::debug!(chain = info.chain(), "connected");
        let rgp = rpc.get_reference_gas_price().await.map_err(Error::rpc)?;
        let client = Client {
            inner: Arc::new(Inner {
                rpc,
                cfg,
                rgp,
                gas: std::sync::Arc::new(GasPool::default()),
                shared: Mutex::new(HashMap::new()),
                gas_target: std::sync::atomic::AtomicUsize::new(1),
                refill: tokio::sync::Mutex::new(()),
            }),
        };
        if client.inner.cfg.check_package {
            client.check_package().await?;
        }
        if client.inner.cfg.key.is_some() {
            client.refresh_gas().await?;
        }
        Ok(client)
    }

    pub fn package(&self) -> Address {
        self.inner.cfg.package
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.cfg
    }

    /// The signer's address.
    pub fn address(&self) -> Result<Address> {
        Ok(self.key()?.address())
    }

    pub(crate) fn key(&self) -> Result<&Key> {
        self.inner.cfg.key.as_ref().ok_or_else(|| {
            Error::Invalid("this client has no key; configure one (`dtp keys new`)".into())
        })
    }

    /// A fresh handle on the gRPC client.
    pub fn rpc(&self) -> sui_rpc::Client {
        self.inner.rpc.clone()
    }

    async fn check_package(&self) -> Result<()> {
        let p = self.package();
        let req = pb::GetObjectRequest::default()
            .with_object_id(p.to_string())
            .with_read_mask(FieldMask::from_str("object_id,package.modules.name"));
        let o = match self.rpc().ledger_client().get_object(req).await {
            Ok(r) => r.into_inner().object.unwrap_or_default(),
            Err(s) if s.code() == tonic::Code::NotFound => return Err(Error::NotDtp(p)),
            Err(s) => return Err(Error::rpc(s)),
        };
        let has_pipe = o
            .package
            .as_ref()
            .is_some_and(|pk| pk.modules.iter().any(|m| m.name() == "pipe"));
        if has_pipe {
            Ok(())
        } else {
            Err(Error::NotDtp(p))
        }
    }

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

    /// A shared-object input (its initial shared version is looked up once and cached).
    pub async fn shared(&self, id: Address, mutable: bool) -> Result<ObjectInput> {
        if let Some(v) = self.inner.shared.lock().await.get(&id) {
            return Ok(ObjectInput::shared(id, *v, mutable));
        }
        let o = self.get_object(id, "owner").await?;
        let v = o
            .owner
            .as_ref()
            .and_then(|w| w.version)
            .ok_or_else(|| Error::Invalid(format!("object {id} is not shared")))?;
        self.inner.shared.lock().await.insert(id, v);
        Ok(ObjectInput::shared(id, v, mutable))
    }

    /// An owned-object input at its current version.
    pub async fn owned(&self, id: Address) -> Result<ObjectInput> {
        let o = self.get_object(id, "object_id,version,digest").await?;
        let digest = o.digest().parse().map_err(|e| Error::Decode {
            what: "object digest".into(),
            reason: format!("{e}"),
        })?;
        Ok(ObjectInput::owned(id, o.version(), digest))
    }

    pub(crate) async fn get_object(&self, id: Address, mask: &str) -> Result<pb::Object> {
        let req = pb::GetObjectRequest::default()
            .with_object_id(id.to_string())
            .with_read_mask(FieldMask::from_str(mask));
        match self.rpc().ledger_client().get_object(req).await {
            Ok(r) => r.into_inner().object.ok_or(Error::NotFound { id }),
            Err(s) if s.code() == tonic::Code::NotFound => Err(Error::NotFound { id }),
            Err(s) => Err(Error::rpc(s)),
        }
    }

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
        let key = self.key()?;
        // Given back as it was if this future is dropped before the coin's fate is known.
        let mut lease = self.take_gas().await?;
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
                    let g = t.effects().gas_object();
                    match g.output_digest().parse() {
                        Ok(d) => self.inner.gas.give_back(ObjectReference::new(
                            *gas.object_id(),
                            g.output_version(),
                            d,
                        )),
                        Err(_) => self.inner.gas.give_back(gas),
                    }
                    false
                }
                // Nothing executed on a refusal: the coin is unchanged, unless it was stale.
                Err(Error::Rejected(m)) if m.contains("not available for consumption") => {
                    let id = *gas.object_id();
                    let current = self
                        .get_object(id, "object_id,version,digest")
                        .await
                        .ok()
                        .and_then(|o| {
                            Some(ObjectReference::new(
                                id,
                                o.version(),
                                o.digest().parse().ok()?,
                            ))
                        });
                    lease.disarm();
                    match current {
                        Some(r) => self.inner.gas.give_back(r),
                        None => self.inner.gas.forget(id).await,
                    }
                    // Worth another try only if it was the gas coin that was stale.
                    tries += 1;
                    m.contains(&id.to_string()) && tries < GAS_TRIES
                }
                // A coin too poor for the budget leaves the pool (it would only be refused
                // again); another coin (or a merge, or the faucet) pays instead. Each such retry
                // shrinks the pool, so they end.
                // A coin that pays the usual budget but not this call's larger one stays.
                Err(Error::Rejected(m)) if is_too_poor(m) && budget > self.inner.cfg.gas_budget => {
                    false
                }
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
                return crate::outcome::parse(self.package(), function, result?);
            }
            tracing::debug!(function, "paying with another gas coin");
            lease = self.take_gas().await?;
        }
    }

    async fn take_gas(&self) -> Result<crate::gas::Lease> {
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

    pub(crate) async fn submit(
        &self,
        tx: &Transaction,
        key: &Key,
    ) -> Result<pb::ExecutedTransaction> {
        let sig = key
            .signer()
            .sign_transaction(tx)
            .map_err(|e| Error::Key(e.to_string()))?;
        let req = pb::ExecuteTransactionRequest::default()
            .with_transaction(pb::Transaction::from(tx.clone()))
            .with_signatures(vec![sig.into()])
            .with_read_mask(FieldMask::from_str("digest,effects,events,checkpoint"));
        let mut delay = Duration::from_millis(100);
        for attempt in 0.. {
            let mut exec = self.rpc().execution_client();
            let r = match tokio::time::timeout(
                self.inner.cfg.timeout,
                exec.execute_transaction(req.clone()),
            )
            .await
            {
                Ok(Ok(r)) => {
                    return r.into_inner().transaction.ok_or_else(|| Error::Decode {
                        what: "execute response".into(),
                        reason: "no transaction".into(),
                    })
                }
                Ok(Err(s)) => Error::rpc(s),
                Err(_) => Error::Timeout(self.inner.cfg.timeout, "transaction effects".into()),
            };
            if !(r.is_transient() || matches!(r, Error::Timeout(..))) || attempt >= 5 {
                return Err(r);
            }
            tracing::warn!(error = %r, attempt, "retrying the same signed transaction");
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
        unreachable!()
    }

    /// Splits the signer's largest coin so it has at least `n` gas coins (for concurrent work).
    /// Later merges ([`Client::replenish_gas`]) split into `n` coins again.
    pub async fn ensure_gas_coins(&self, n: usize, each: u64) -> Result<usize> {
        self.inner
            .gas_target
            .fetch_max(n, std::sync::atomic::Ordering::Relaxed);
        let mut have = self.refresh_gas().await?;
        if have == 0 {
            // Only coins too poor to pay: merge them and split into `n` if they add up to it.
            let _one = self.inner.refill.lock().await;
            have = self.replenish_gas().await?;
        }
        if have >= n {
            return Ok(have);
        }
        let me = self.address()?;
        let amounts = n - have;
        self.execute("split_coins", |b| {
            let amts = (0..amounts).map(|_| b.pure(&each)).collect();
            let g = b.gas();
            let coins = b.split_coins(g, amts);
            let to = b.pure(&me);
            b.transfer_objects(coins, to);
        })
        .await?;
        self.refresh_gas().await
    }
}
