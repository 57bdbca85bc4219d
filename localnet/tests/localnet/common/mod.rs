//! A minimal Sui client for the localnet's integration tests, written only with the published Sui
//! client crates (`sui-rpc`, `sui-transaction-builder`, `sui-crypto`): exactly what any Sui tool
//! would do against a Sui node.
#![allow(dead_code)]

mod dtp;

#[allow(unused_imports)]
pub use dtp::*;

use std::time::Duration;

use dtp_localnet::node::{Cadence, NodeConfig};
use dtp_localnet::{LocalnetConfig, Running};
use prost_types::FieldMask;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::SuiSigner;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest, Identifier, ObjectReference, Transaction};
use sui_transaction_builder::{Argument, Function, ObjectInput, TransactionBuilder};

pub const PACKAGE: Address = dtp_localnet::genesis::DTP_PACKAGE;
pub const CLOCK: Address = Address::from_static("0x6");

/// A localnet started in this process, with a client to it (derefs to [`Client`]).
pub struct Net {
    pub running: Running,
    pub c: Client,
}

/// A Sui client of a localnet (in this process or not): gRPC, the faucet URL and the gas price.
#[derive(Clone)]
pub struct Client {
    pub client: sui_rpc::Client,
    pub rgp: u64,
    pub faucet_url: String,
}

impl std::ops::Deref for Net {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.c
    }
}

impl std::ops::DerefMut for Net {
    fn deref_mut(&mut self) -> &mut Client {
        &mut self.c
    }
}

pub struct Actor {
    pub key: Ed25519PrivateKey,
    pub addr: Address,
    pub gas: ObjectReference,
}

pub fn local(cadence: Cadence, data_dir: Option<std::path::PathBuf>) -> LocalnetConfig {
    LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir,
            cadence,
            retain_checkpoints: None,
            compact_log_bytes: None,
            latency: Default::default(),
        },
    }
}

impl Net {
    pub async fn start(cadence: Cadence) -> Net {
        let running = dtp_localnet::start(local(cadence, None))
            .await
            .expect("localnet starts");
        Net::connect(running).await
    }

    pub async fn connect(running: Running) -> Net {
        let c = Client::connect(running.grpc_url(), running.faucet_url()).await;
        Net { running, c }
    }

    pub fn sign(a: &Actor, b: TransactionBuilder) -> (Transaction, pb::UserSignature) {
        sign(a, b)
    }
}

pub fn sign(a: &Actor, b: TransactionBuilder) -> (Transaction, pb::UserSignature) {
    let tx = b.try_build().expect("transaction builds");
    let sig = a.key.sign_transaction(&tx).expect("signs");
    (tx, sig.into())
}

impl Client {
    pub async fn connect(grpc_url: String, faucet_url: String) -> Client {
        let mut client = sui_rpc::Client::new(grpc_url).expect("client");
        let rgp = client
            .get_reference_gas_price()
            .await
            .expect("reference gas price");
        Client {
            client,
            rgp,
            faucet_url,
        }
    }

    /// A new key, funded by the faucet, with its first coin as gas.
    pub async fn actor(&mut self, seed: u8) -> Actor {
        let key = Ed25519PrivateKey::new([seed; 32]);
        let addr = key.public_key().derive_address();
        let faucet = sui_rpc::faucet::FaucetClient::new(format!("{}/", self.faucet_url)).unwrap();
        let coins = faucet.request(addr).await.expect("faucet");
        assert_eq!(coins.len(), 5);
        let gas = self.object_ref(coins[0].id).await;
        Actor { key, addr, gas }
    }

    pub async fn object(&mut self, id: Address, mask: &str) -> pb::Object {
        let req = pb::GetObjectRequest::default()
            .with_object_id(id.to_string())
            .with_read_mask(FieldMask::from_str(mask));
        self.client
            .ledger_client()
            .get_object(req)
            .await
            .expect("get_object")
            .into_inner()
            .object
            .expect("object")
    }

    pub async fn object_ref(&mut self, id: Address) -> ObjectReference {
        let o = self.object(id, "object_id,version,digest").await;
        ObjectReference::new(id, o.version(), o.digest().parse().unwrap())
    }

    /// Decodes the BCS contents of an object as `T`.
    pub async fn contents<T: serde::de::DeserializeOwned>(&mut self, id: Address) -> T {
        let o = self.object(id, "contents").await;
        bcs::from_bytes(o.contents.as_ref().unwrap().value()).expect("decodes")
    }

    pub fn builder(&self, a: &Actor) -> TransactionBuilder {
        let mut b = TransactionBuilder::new();
        b.set_sender(a.addr);
        b.add_gas_objects([ObjectInput::owned(
            *a.gas.object_id(),
            a.gas.version(),
            *a.gas.digest(),
        )]);
        b.set_gas_budget(100_000_000);
        b.set_gas_price(self.rgp);
        b
    }

    /// Executes and returns the executed transaction; keeps the actor's gas reference current.
    pub async fn execute(
        &mut self,
        a: &mut Actor,
        tx: Transaction,
        sig: pb::UserSignature,
    ) -> Result<pb::ExecutedTransaction, tonic::Status> {
        let req = pb::ExecuteTransactionRequest::default()
            .with_transaction(pb::Transaction::from(tx))
            .with_signatures(vec![sig])
            .with_read_mask(FieldMask::from_str("digest,effects,events,checkpoint"));
        let out = self
            .client
            .execution_client()
            .execute_transaction(req)
            .await?
            .into_inner()
            .transaction
            .expect("executed");
        let gas = out.effects().gas_object();
        a.gas = ObjectReference::new(
            *a.gas.object_id(),
            gas.output_version(),
            gas.output_digest().parse().unwrap(),
        );
        Ok(out)
    }

    /// Calls `dtp::module::function` with arguments built by `args`.
    pub async fn call(
        &mut self,
        a: &mut Actor,
        module: &str,
        function: &str,
        args: impl FnOnce(&mut TransactionBuilder) -> Vec<Argument>,
    ) -> pb::ExecutedTransaction {
        let mut b = self.builder(a);
        let args = args(&mut b);
        b.move_call(
            Function::new(
                PACKAGE,
                Identifier::new(module).unwrap(),
                Identifier::new(function).unwrap(),
            ),
            args,
        );
        let (tx, sig) = sign(a, b);
        self.execute(a, tx, sig).await.expect("executes")
    }

    pub async fn shared(&mut self, id: Address, mutable: bool) -> ObjectInput {
        let o = self.object(id, "owner").await;
        ObjectInput::shared(id, o.owner().version(), mutable)
    }

    pub async fn owned(&mut self, id: Address) -> ObjectInput {
        let r = self.object_ref(id).await;
        ObjectInput::owned(id, r.version(), *r.digest())
    }

    pub async fn latest_checkpoint(&mut self) -> u64 {
        let info = self
            .client
            .ledger_client()
            .get_service_info(pb::GetServiceInfoRequest::default())
            .await
            .unwrap()
            .into_inner();
        info.checkpoint_height()
    }

    pub async fn checkpoint(
        &mut self,
        seq: u64,
        mask: &str,
    ) -> Result<pb::Checkpoint, tonic::Status> {
        let req = pb::GetCheckpointRequest::by_sequence_number(seq)
            .with_read_mask(FieldMask::from_str(mask));
        Ok(self
            .client
            .ledger_client()
            .get_checkpoint(req)
            .await?
            .into_inner()
            .checkpoint
            .unwrap())
    }
}

pub fn clock() -> ObjectInput {
    ObjectInput::shared(CLOCK, 1, false)
}

pub fn success(t: &pb::ExecutedTransaction) -> bool {
    t.effects().status().success()
}

/// The ids of created objects of a type name (`Host`, `HostCap`, `Pipe`).
pub fn created(t: &pb::ExecutedTransaction, type_suffix: &str) -> Vec<Address> {
    t.effects()
        .changed_objects
        .iter()
        .filter(|c| c.id_operation() == pb::changed_object::IdOperation::Created)
        .filter(|c| c.object_type().ends_with(type_suffix))
        .map(|c| c.object_id().parse().unwrap())
        .collect()
}

/// The dtp events of a transaction, decoded with the protocol types.
pub fn events(t: &pb::ExecutedTransaction) -> Vec<dtp_protocol::Event> {
    t.events()
        .events
        .iter()
        .map(|e| {
            let name = e.event_type().rsplit("::").next().unwrap();
            dtp_protocol::Event::from_bcs(name, e.contents().value())
                .unwrap()
                .expect("a dtp event")
        })
        .collect()
}

pub fn digest(t: &pb::ExecutedTransaction) -> Digest {
    t.digest().parse().unwrap()
}

pub async fn eventually<F: std::future::Future<Output = bool>>(mut f: impl FnMut() -> F) {
    for _ in 0..200 {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("condition not reached in 5 s");
}
