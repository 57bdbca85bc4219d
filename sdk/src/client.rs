//! `Client`: a connection to a Sui node (the embedded localnet or any Sui network: only the URL and
//! the package id differ) and a signer. Executing transactions is in `execute`, the signer's gas
//! coins in `upkeep` and `gas`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, ObjectReference};
use sui_transaction_builder::ObjectInput;

use crate::error::{Error, Result};
use crate::gas::GasPool;
use crate::keys::Key;

/// Where the embedded localnet has the dtp package (its genesis: no publish step); the default
/// package id of the CLI. Equal to `dtp_localnet::genesis::DTP_PACKAGE` (checked in
/// `tests/sdk_flow.rs`; the SDK must not depend on the localnet).
pub const LOCALNET_PACKAGE: Address =
    Address::from_static("0x000000000000000000000000000000000000000000000000000000000000d7d7");

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
    /// Return from each transaction only once the node's reads show it
    /// ([`Client::wait_for_transaction`]): what a command-line tool needs so that the next
    /// command, another process, sees its write. Costs about a checkpoint per transaction on a
    /// Sui network; off for daemons and gateways, whose next steps need no read of their writes.
    pub wait_for_reads: bool,
}

/// The gas budget of one transaction unless configured (0.05 SUI).
pub const DEFAULT_GAS_BUDGET: u64 = 50_000_000;

impl ClientConfig {
    /// A configuration for the node at `url` and the package `package`: read-only, 60 s calls, a
    /// 50 000 000 MIST budget, the package checked at connect.
    pub fn new(url: impl Into<String>, package: Address) -> Self {
        Self {
            url: url.into(),
            package,
            key: None,
            timeout: Duration::from_secs(60),
            gas_budget: DEFAULT_GAS_BUDGET,
            check_package: true,
            faucet: None,
            wait_for_reads: false,
        }
    }

    /// Signs with `key`.
    pub fn with_key(mut self, key: Key) -> Self {
        self.key = Some(key);
        self
    }

    /// Asks `faucet` for gas when the signer runs out (`None`: never).
    pub fn with_faucet(mut self, faucet: Option<String>) -> Self {
        self.faucet = faucet;
        self
    }

    /// Sets [`ClientConfig::wait_for_reads`].
    pub fn with_wait_for_reads(mut self, wait: bool) -> Self {
        self.wait_for_reads = wait;
        self
    }
}

pub(crate) struct Inner {
    pub rpc: sui_rpc::Client,
    pub cfg: ClientConfig,
    pub rgp: u64,
    pub gas: std::sync::Arc<GasPool>,
    /// Initial shared versions of shared objects (they never change): read once, or learnt
    /// from the effects that created them.
    pub shared: std::sync::Mutex<HashMap<Address, u64>>,
    /// The signer's owned objects as its own transactions left them (from their effects), so a
    /// next transaction needs no read that may trail them (`consistency`).
    pub owned: std::sync::Mutex<HashMap<Address, ObjectReference>>,
    /// The last transaction this client executed ([`Client::sync`] waits for it).
    pub last: std::sync::Mutex<Option<sui_sdk_types::Digest>>,
    /// Gas coins to keep (the most [`Client::ensure_gas_coins`] asked for).
    pub gas_target: std::sync::atomic::AtomicUsize,
    /// Held while the gas pool is reloaded, merged or topped up (one at a time).
    pub refill: tokio::sync::Mutex<()>,
}

/// A dtp client; cheap to clone, safe to share between tasks.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// The result of an executed transaction.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The transaction's digest.
    pub digest: sui_sdk_types::Digest,
    /// The dtp events it emitted, in order.
    pub events: Vec<dtp_protocol::Event>,
    /// Objects the transaction created, in the effects' order.
    pub created: Vec<Created>,
    /// The checkpoint that includes it, if the node said.
    pub checkpoint: Option<u64>,
    /// Gas charged (MIST): computation + storage - storage rebate.
    pub gas: GasUsed,
}

/// The gas of one transaction, in MIST.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GasUsed {
    /// Computation cost.
    pub computation: u64,
    /// Storage cost of what it wrote.
    pub storage: u64,
    /// Storage rebate of what it overwrote or deleted.
    pub rebate: u64,
}

impl GasUsed {
    /// What the sender paid (may be negative when deleting storage).
    pub fn net(&self) -> i128 {
        self.computation as i128 + self.storage as i128 - self.rebate as i128
    }
}

/// An object a transaction created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    /// Its id.
    pub id: Address,
    /// What it became.
    pub kind: CreatedKind,
}

/// What a created object became (the effects say so; they carry no types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreatedKind {
    /// A shared object (a Host, a Pipe).
    Shared,
    /// Owned by this address (a HostCap, an UpgradeCap, a coin).
    OwnedBy(Address),
    /// Owned by another object (a dynamic field).
    InObject(Address),
    /// Immutable.
    Immutable,
    /// A published package.
    Package,
}

impl Outcome {
    /// The first created object of `kind`.
    pub fn first_created(&self, kind: CreatedKind) -> Option<Address> {
        self.created.iter().find(|c| c.kind == kind).map(|c| c.id)
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
                shared: Default::default(),
                owned: Default::default(),
                last: Default::default(),
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

    /// The dtp package id this client calls.
    pub fn package(&self) -> Address {
        self.inner.cfg.package
    }

    /// The configuration it was connected with.
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

    /// A shared-object input (its initial shared version is looked up once and cached).
    pub async fn shared(&self, id: Address, mutable: bool) -> Result<ObjectInput> {
        if let Some(v) = self.inner.shared.lock().expect("lock").get(&id) {
            return Ok(ObjectInput::shared(id, *v, mutable));
        }
        let o = self.get_object(id, "owner").await?;
        let v = o
            .owner
            .as_ref()
            .and_then(|w| w.version)
            .ok_or_else(|| Error::Invalid(format!("object {id} is not shared")))?;
        self.inner.shared.lock().expect("lock").insert(id, v);
        Ok(ObjectInput::shared(id, v, mutable))
    }

    /// An owned-object input at its current version: as this client's last transaction left it,
    /// else as the node reads it.
    pub async fn owned(&self, id: Address) -> Result<ObjectInput> {
        if let Some(r) = self.known_owned(&id) {
            return Ok(ObjectInput::owned(id, r.version(), *r.digest()));
        }
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
}
