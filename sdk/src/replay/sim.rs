//! A chain in memory for the replay tests: real transactions, executed on the twin, recorded as
//! a [`History`]; and forging a history.

use dtp_protocol::schema::{Function, Param, Value};
use dtp_protocol::{Event, HostConfig, MoveAbort};
use sui_sdk_types::{
    Address, Command, Digest, GasPayment, Identifier, Input, MoveCall, ObjectReference,
    ProgrammableTransaction, SharedInput, Transaction, TransactionExpiration, TransactionKind,
};

use super::history::{CheckpointTxs, History, TxRecord};
use super::refused::RefusedCall;
use super::twin::Twin;
use crate::stream::{ChainEvent, CheckpointEvents};

const PACKAGE: Address = Address::from_static("0xd7d7");

pub fn a(b: u8) -> Address {
    Address::new([b; 32])
}

const ADMIN: u8 = 1;
pub const S1: u8 = 2;
pub const S2: u8 = 3;
const USER: u8 = 4;

/// A chain in memory: each call is one transaction in its own checkpoint, executed on a twin per
/// Pipe (each executes the Host's calls and its own Pipe's).
pub struct Sim {
    chains: Vec<Twin>,
    host: Address,
    pipes: Vec<Address>,
    cap: Address,
    clock: u64,
    nonce: u64,
    pub txs: Vec<TxRecord>,
    events: Vec<ChainEvent>,
}

fn tx(
    sender: Address,
    nonce: u64,
    name: &str,
    objs: [Address; 3],
    vals: Vec<Value>,
) -> Transaction {
    let f = Function::find(name).expect("a dtp function");
    let [host, pipe, cap] = objs;
    let mut vals = vals.into_iter();
    let inputs: Vec<Input> = f
        .params
        .iter()
        .map(|p| match p {
            Param::Host { mutable } => Input::Shared(SharedInput::new(host, 1, *mutable)),
            Param::Pipe => Input::Shared(SharedInput::new(pipe, 1, true)),
            Param::Cap => Input::ImmutableOrOwned(ObjectReference::new(cap, 1, Digest::ZERO)),
            Param::Clock => Input::Shared(SharedInput::new(Address::from_static("0x6"), 1, false)),
            Param::Pure(..) => Input::Pure(vals.next().expect("enough values").to_bcs()),
        })
        .collect();
    let arguments = (0..inputs.len() as u16)
        .map(sui_sdk_types::Argument::Input)
        .collect();
    let call = MoveCall {
        package: PACKAGE,
        module: Identifier::new(f.module).unwrap(),
        function: Identifier::new(f.name).unwrap(),
        type_arguments: vec![],
        arguments,
    };
    Transaction {
        kind: TransactionKind::ProgrammableTransaction(ProgrammableTransaction {
            inputs,
            commands: vec![Command::MoveCall(call)],
        }),
        sender,
        gas_payment: GasPayment {
            objects: vec![ObjectReference::new(a(0xee), nonce, Digest::ZERO)],
            owner: sender,
            price: 1_000,
            budget: 1_000_000,
        },
        expiration: TransactionExpiration::None,
    }
}

impl Sim {
    /// A Host (lease 100 ms, 2 attempts, healthy after 1 heartbeat), a round-robin Pipe, and two
    /// healthy endpoints S1 and S2.
    fn new() -> Sim {
        Sim::with_pipes(1)
    }

    /// As [`Sim::new`] with `n` round-robin Pipes, the endpoints added after the Pipes.
    pub fn with_pipes(n: usize) -> Sim {
        let cfg = HostConfig {
            healthy_threshold: 1,
            lease_ms: 100,
            max_attempts: 2,
            heartbeat_timeout_ms: 1_000_000,
            ..HostConfig::default()
        };
        let mut vals = vec![Value::String("h".into())];
        vals.extend([
            Value::U64(cfg.heartbeat_timeout_ms),
            Value::U32(cfg.healthy_threshold),
            Value::U64(cfg.lease_ms),
            Value::U32(cfg.max_attempts),
            Value::U64(cfg.max_payload),
            Value::U64(cfg.max_pending),
        ]);
        let create = tx(a(ADMIN), 0, "create_host", [Address::ZERO; 3], vals);
        let (host, cap) = (
            Address::derive_id(create.digest(), 0),
            Address::derive_id(create.digest(), 1),
        );
        let creates: Vec<Transaction> = (0..n)
            .map(|i| {
                let vals = vec![Value::String(format!("p{i}")), Value::U8(0)];
                let objs = [host, Address::ZERO, cap];
                tx(a(ADMIN), 1 + i as u64, "create_pipe", objs, vals)
            })
            .collect();
        let pipes: Vec<Address> = creates
            .iter()
            .map(|t| Address::derive_id(t.digest(), 0))
            .collect();
        let mut sim = Sim {
            chains: pipes.iter().map(|p| Twin::new(PACKAGE, host, *p)).collect(),
            host,
            pipes,
            cap,
            clock: 1_000,
            nonce: 1 + n as u64,
            txs: vec![],
            events: vec![],
        };
        sim.commit(create);
        for t in creates {
            sim.commit(t);
        }
        for (s, label) in [(S1, "s1"), (S2, "s2")] {
            let ep = vec![
                Value::Address(a(s)),
                Value::String(label.into()),
                Value::String("eu".into()),
                Value::U32(1),
                Value::U32(0),
                Value::U8(0),
            ];
            sim.call(ADMIN, "add_endpoint", ep);
        }
        sim.call(S1, "heartbeat", vec![Value::Bool(true), Value::U32(0)]);
        sim.call(S2, "heartbeat", vec![Value::Bool(true), Value::U32(0)]);
        sim
    }

    fn commit(&mut self, transaction: Transaction) -> Vec<Event> {
        self.clock += 10;
        let checkpoint = self.txs.len() as u64 + 1;
        let mut record = TxRecord {
            checkpoint,
            digest: transaction.digest(),
            timestamp_ms: self.clock,
            transaction,
            events: vec![],
        };
        // The first twin's events (the Host's and its Pipe's), and each other Pipe's own.
        let mut events = Vec::new();
        for (i, chain) in self.chains.iter_mut().enumerate() {
            let out = chain.run(&record);
            assert!(
                out.errors.is_empty(),
                "the chain refused it: {:?}",
                out.errors
            );
            let pipe = self.pipes[i];
            events.extend(
                out.events
                    .into_iter()
                    .filter(|e| i == 0 || e.pipe() == Some(pipe)),
            );
        }
        record.events = events.clone();
        for (index, event) in events.iter().enumerate() {
            self.events.push(ChainEvent {
                checkpoint,
                timestamp_ms: self.clock,
                tx_digest: record.digest,
                index,
                event: event.clone(),
            });
        }
        self.txs.push(record);
        events
    }

    pub fn call(&mut self, sender: u8, name: &str, vals: Vec<Value>) -> Vec<Event> {
        self.call_on(0, sender, name, vals)
    }

    /// A call on Pipe `i` (a Host call for functions that take no Pipe).
    pub fn call_on(&mut self, i: usize, sender: u8, name: &str, vals: Vec<Value>) -> Vec<Event> {
        self.nonce += 1;
        let objs = [self.host, self.pipes[i], self.cap];
        let t = tx(a(sender), self.nonce, name, objs, vals);
        self.commit(t)
    }

    /// Records a call the chain refused with `abort` (what a failed transaction leaves in the
    /// history), executing nothing.
    pub fn refused(
        &mut self,
        sender: u8,
        name: &str,
        vals: Vec<Value>,
        abort: Option<MoveAbort>,
    ) -> RefusedCall {
        self.nonce += 1;
        let t = tx(
            a(sender),
            self.nonce,
            name,
            [self.host, self.pipes[0], self.cap],
            vals,
        );
        let code = abort.map(MoveAbort::abort_code);
        let checkpoint = self.txs.len() as u64 + 1;
        RefusedCall::from_failed(PACKAGE, checkpoint, t.digest(), &t, code, Some(0))
            .expect("a dtp call")
    }

    pub fn pipe(&self) -> Address {
        self.pipes[0]
    }

    /// Every Pipe, in the order of their creation.
    pub fn pipes(&self) -> Vec<Address> {
        self.pipes.clone()
    }

    pub fn host(&self) -> Address {
        self.host
    }

    pub fn package(&self) -> Address {
        PACKAGE
    }

    pub fn send(&mut self) {
        self.send_on(0)
    }

    /// A send to Pipe `i`.
    pub fn send_on(&mut self, i: usize) {
        let v = vec![
            Value::Bytes(b"hi".to_vec()),
            Value::Bytes(vec![]),
            Value::String("".into()),
        ];
        self.call_on(i, USER, "send", v);
    }

    pub fn complete(&mut self, server: u8, seq: u64, attempt: u32) {
        self.complete_on(0, server, seq, attempt)
    }

    /// Claims and completes request `seq` of Pipe `i`.
    pub fn complete_on(&mut self, i: usize, server: u8, seq: u64, attempt: u32) {
        let v = vec![Value::U64(seq), Value::U32(attempt)];
        self.call_on(i, server, "claim", v.clone());
        let mut v = v;
        v.extend([Value::Bool(true), Value::Bytes(b"ok".to_vec())]);
        self.call_on(i, server, "complete", v);
    }

    /// The chain as checkpoints (one transaction each), as a reader gets them.
    pub fn checkpoints(&self) -> Vec<(CheckpointEvents, CheckpointTxs)> {
        self.txs
            .iter()
            .map(|t| {
                let events = self.events.iter().filter(|e| e.checkpoint == t.checkpoint);
                let cp = CheckpointEvents {
                    sequence_number: t.checkpoint,
                    timestamp_ms: t.timestamp_ms,
                    events: events.cloned().collect(),
                };
                let txs = CheckpointTxs {
                    ok: vec![t.clone()],
                    refused: vec![],
                };
                (cp, txs)
            })
            .collect()
    }

    /// The history of Pipe `i`, as [`History::add`] keeps it from the checkpoints.
    pub fn history_of(&self, i: usize) -> History {
        let to = self.txs.len() as u64;
        let mut h = History::empty(PACKAGE, (self.pipes[i], self.host), (0, to), true);
        for (cp, txs) in self.checkpoints() {
            h.add(cp, txs);
        }
        h
    }

    /// seq 0: S1, taken over by S2 and completed. seq 1: S2, completed. seq 2: S1, taken over by
    /// S2, then by S1 again: dead-lettered (2 attempts).
    pub fn scenario() -> Sim {
        let mut sim = Sim::new();
        for _ in 0..3 {
            sim.send();
        }
        sim.complete(S2, 1, 1);
        sim.clock += 200;
        sim.call(S2, "takeover", vec![Value::U64(0)]);
        sim.complete(S2, 0, 2);
        sim.call(S2, "takeover", vec![Value::U64(2)]);
        sim.clock += 200;
        sim.call(S1, "takeover", vec![Value::U64(2)]);
        sim
    }

    pub fn history(&self) -> History {
        History {
            package: PACKAGE,
            pipe: self.pipes[0],
            host: self.host,
            from: 0,
            to: self.txs.len() as u64,
            events: self.events.clone(),
            transactions: Some(self.txs.clone()),
            refused: Some(Vec::new()),
        }
    }
}

/// Applies `f` to every copy of the first event matching `which`, in the events and the
/// transactions alike (a consistent forgery).
pub fn tamper(h: &mut History, which: impl Fn(&Event) -> bool, f: impl Fn(&mut Event)) {
    let e = h
        .events
        .iter_mut()
        .find(|e| which(&e.event))
        .expect("event");
    f(&mut e.event);
    let txs = h.transactions.as_mut().unwrap();
    let e = txs
        .iter_mut()
        .flat_map(|t| t.events.iter_mut())
        .find(|e| which(e))
        .unwrap();
    f(e);
}
