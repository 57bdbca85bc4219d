//! dtp helpers on top of the client: a Host and Pipe set up in one call, `send` transactions
//! built offline, coin splitting, whole-object snapshots.

use dtp_localnet::node::Cadence;
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest, Identifier, ObjectReference, Transaction};
use sui_transaction_builder::{Argument, Function, ObjectInput, TransactionBuilder};

use super::{clock, created, sign, success, Actor, Client, Net, PACKAGE};

/// Read mask of a whole object, to compare states.
pub const FULL: &str = "object_id,version,digest,owner,contents";

/// A Host with healthy endpoints and a round-robin Pipe over it, with their initial shared versions.
#[derive(Debug, Clone, Copy)]
pub struct Dtp {
    pub host: Address,
    pub cap: Address,
    pub pipe: Address,
    pub host_version: u64,
    pub pipe_version: u64,
}

pub fn function(module: &str, name: &str) -> Function {
    Function::new(
        PACKAGE,
        Identifier::new(module).unwrap(),
        Identifier::new(name).unwrap(),
    )
}

/// The arguments of `pipe::send(pipe, host, payload, key, region, clock)`.
pub fn send_args(b: &mut TransactionBuilder, d: &Dtp, payload: &[u8]) -> Vec<Argument> {
    vec![
        b.object(ObjectInput::shared(d.pipe, d.pipe_version, true)),
        b.object(ObjectInput::shared(d.host, d.host_version, false)),
        b.pure(&payload.to_vec()),
        b.pure(&Vec::<u8>::new()),
        b.pure(&String::new()),
        b.object(clock()),
    ]
}

impl Client {
    /// `admin` creates a Host (hour-long heartbeat timeout and lease, threshold 1, a million
    /// pending), adds `servers` as endpoints, they heartbeat, and `admin` creates a Pipe.
    pub async fn setup(&mut self, admin: &mut Actor, servers: &mut [Actor]) -> Dtp {
        let t = self
            .call(admin, "host", "create_host", |b| {
                vec![
                    b.pure(&"h".to_string()),
                    b.pure(&3_600_000u64),
                    b.pure(&1u32),
                    b.pure(&3_600_000u64),
                    b.pure(&3u32),
                    b.pure(&1024u64),
                    b.pure(&1_000_000u64),
                ]
            })
            .await;
        assert!(success(&t), "{:?}", t.effects().status());
        let (host, cap) = (
            created(&t, "::host::Host")[0],
            created(&t, "::host::HostCap")[0],
        );
        for s in servers.iter() {
            let (h, c, who) = (self.shared(host, true).await, self.owned(cap).await, s.addr);
            let t = self
                .call(admin, "host", "add_endpoint", |b| {
                    vec![
                        b.object(h),
                        b.object(c),
                        b.pure(&who),
                        b.pure(&"s".to_string()),
                        b.pure(&String::new()),
                        b.pure(&1u32),
                        b.pure(&0u32),
                        b.pure(&0u8),
                    ]
                })
                .await;
            assert!(success(&t), "{:?}", t.effects().status());
        }
        for s in servers.iter_mut() {
            let h = self.shared(host, true).await;
            let t = self
                .call(s, "host", "heartbeat", |b| {
                    vec![b.object(h), b.pure(&true), b.pure(&0u32), b.object(clock())]
                })
                .await;
            assert!(success(&t), "{:?}", t.effects().status());
        }
        let (h, c) = (self.shared(host, false).await, self.owned(cap).await);
        let t = self
            .call(admin, "pipe", "create_pipe", |b| {
                vec![
                    b.object(h),
                    b.object(c),
                    b.pure(&"p".to_string()),
                    b.pure(&0u8),
                ]
            })
            .await;
        assert!(success(&t), "{:?}", t.effects().status());
        let pipe = created(&t, "::pipe::Pipe")[0];
        let host_version = self.object(host, "owner").await.owner().version();
        let pipe_version = self.object(pipe, "owner").await.owner().version();
        Dtp {
            host,
            cap,
            pipe,
            host_version,
            pipe_version,
        }
    }

    /// A signed `pipe::send` from `a` with its current gas coin (no round trip).
    pub fn send_tx(&self, a: &Actor, d: &Dtp, payload: &[u8]) -> (Transaction, pb::UserSignature) {
        let mut b = self.builder(a);
        let args = send_args(&mut b, d, payload);
        b.move_call(function("pipe", "send"), args);
        sign(a, b)
    }

    pub async fn send(
        &mut self,
        a: &mut Actor,
        d: &Dtp,
        payload: &[u8],
    ) -> pb::ExecutedTransaction {
        let (tx, sig) = self.send_tx(a, d, payload);
        self.execute(a, tx, sig).await.expect("send executes")
    }

    /// ExecuteTransaction exactly as given.
    pub async fn try_execute(
        &mut self,
        tx: pb::Transaction,
        signatures: Vec<pb::UserSignature>,
    ) -> Result<pb::ExecutedTransaction, tonic::Status> {
        let req = pb::ExecuteTransactionRequest::default()
            .with_transaction(tx)
            .with_signatures(signatures)
            .with_read_mask(FieldMask::from_str("digest,effects,events,checkpoint"));
        Ok(self
            .client
            .execution_client()
            .execute_transaction(req)
            .await?
            .into_inner()
            .transaction
            .expect("executed"))
    }

    /// Every object of `ids` with the [`FULL`] mask.
    pub async fn snapshot(&mut self, ids: &[Address]) -> Vec<pb::Object> {
        let mut out = Vec::new();
        for id in ids {
            out.push(self.object(*id, FULL).await);
        }
        out
    }

    pub async fn get_tx(&mut self, d: &Digest) -> Result<pb::ExecutedTransaction, tonic::Status> {
        let req = pb::GetTransactionRequest::default()
            .with_digest(d.to_string())
            .with_read_mask(FieldMask::from_str("digest,checkpoint,effects"));
        Ok(self
            .client
            .ledger_client()
            .get_transaction(req)
            .await?
            .into_inner()
            .transaction
            .expect("transaction"))
    }

    /// Splits `n` coins of `amount` off `a`'s gas coin (kept by `a`); returns their references.
    pub async fn split(&mut self, a: &mut Actor, n: usize, amount: u64) -> Vec<ObjectReference> {
        let mut b = self.builder(a);
        b.set_gas_budget(20_000_000_000);
        let amounts = (0..n).map(|_| b.pure(&amount)).collect();
        let g = b.gas();
        let coins = b.split_coins(g, amounts);
        let me = b.pure(&a.addr);
        b.transfer_objects(coins, me);
        let (tx, sig) = sign(a, b);
        let t = self.execute(a, tx, sig).await.expect("split executes");
        assert!(success(&t), "{:?}", t.effects().status());
        let out: Vec<_> = t
            .effects()
            .changed_objects
            .iter()
            .filter(|c| c.id_operation() == pb::changed_object::IdOperation::Created)
            .map(|c| {
                ObjectReference::new(
                    c.object_id().parse().unwrap(),
                    c.output_version(),
                    c.output_digest().parse().unwrap(),
                )
            })
            .collect();
        assert_eq!(out.len(), n);
        out
    }
}

/// Four funded actors and a Host (with `server` as its one endpoint) and Pipe of `admin`, on a
/// new in-memory localnet.
pub struct World {
    pub net: Net,
    pub admin: Actor,
    pub server: Actor,
    pub user: Actor,
    pub other: Actor,
    pub d: Dtp,
}

pub async fn world() -> World {
    let mut net = Net::start(Cadence::Immediate).await;
    let mut admin = net.actor(1).await;
    let mut servers = vec![net.actor(2).await];
    let user = net.actor(3).await;
    let other = net.actor(4).await;
    let d = net.setup(&mut admin, &mut servers).await;
    let server = servers.pop().unwrap();
    World {
        net,
        admin,
        server,
        user,
        other,
        d,
    }
}
