//! Runs the commands of a checked transaction against the ledger. Every object a command may
//! change is saved first in the transaction's undo journal (`journal`), so a failing command
//! rolls the whole transaction back and only gas is charged, as on Sui.

use std::collections::BTreeSet;

use dtp_protocol::dispatch::{self, CallError, CallObjects, CallOutput};
use dtp_protocol::schema::{Param, Value};
use dtp_protocol::{MoveAbort, TxContext};
use sui_sdk_types::{Address, Argument, Command, Event, Identifier, Owner};

use super::check::{Checked, In};
use super::journal::{EntriesBefore, Journal};
use crate::genesis::DTP_PACKAGE;
use crate::ledger::{Body, Ledger, Meta};
use crate::objects;

/// A runtime value of a command result.
#[derive(Debug, Clone, Copy)]
enum Val {
    Coin(Address),
    U64(u64),
}

/// Why execution failed (the transaction is committed as failed; gas is charged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    MoveAbort {
        command: usize,
        module: &'static str,
        function: &'static str,
        abort: MoveAbort,
    },
    InsufficientCoinBalance {
        command: usize,
    },
    /// Computation and storage together cost more than the gas budget.
    InsufficientGas,
}

/// What a successful run changed, for the effects.
#[derive(Debug, Default)]
pub struct Changes {
    /// Objects created (not table entries).
    pub created: BTreeSet<Address>,
    /// Objects deleted (merged coins).
    pub deleted: BTreeSet<Address>,
    /// Table entries touched: (pipe, seq).
    pub entries: BTreeSet<(Address, u64)>,
    pub events: Vec<Event>,
}

/// One transaction's run: the ledger it changes, what it saved to undo, what it changed.
pub struct Run<'a> {
    ledger: &'a mut Ledger,
    journal: Journal,
    pub changes: Changes,
}

impl<'a> Run<'a> {
    pub fn new(ledger: &'a mut Ledger) -> Self {
        Self {
            ledger,
            journal: Journal::default(),
            changes: Changes::default(),
        }
    }

    fn save(&mut self, id: Address) {
        self.journal.save(self.ledger, id);
    }

    fn save_pipe_seq(&mut self, id: Address, seq: u64) {
        self.journal.save_pipe_seq(self.ledger, id, seq);
        self.changes.entries.insert((id, seq));
    }

    /// Puts every saved object back as it was.
    pub fn rollback(&mut self) {
        self.journal.rollback(self.ledger);
        self.changes = Changes::default();
    }

    /// The table entries the run touched, as they were before it (taken: asked once, by the
    /// effects).
    pub fn take_entries_before(&mut self) -> EntriesBefore {
        std::mem::take(&mut self.journal.entries_before)
    }

    /// Runs every command; on failure the ledger is rolled back (except gas, handled by the caller).
    pub fn commands(
        &mut self,
        checked: &Checked,
        sender: Address,
        gas: Address,
        ctx: &mut TxContext,
        now: u64,
    ) -> Result<(), Failure> {
        let mut results: Vec<Vec<Val>> = Vec::new();
        for (c, cmd) in checked.ptb.commands.iter().enumerate() {
            let out = match cmd {
                Command::MoveCall(_) => {
                    let f = checked.functions[c].expect("checked MoveCall");
                    let Command::MoveCall(call) = cmd else {
                        unreachable!()
                    };
                    self.move_call(
                        c,
                        f,
                        &call.arguments,
                        &checked.inputs,
                        &results,
                        sender,
                        ctx,
                        now,
                    )?
                }
                Command::SplitCoins(s) => {
                    let src = self.coin_id(&s.coin, &checked.inputs, &results, gas);
                    let mut out = Vec::new();
                    for a in &s.amounts {
                        let amount = self.u64_arg(a, &checked.inputs, &results);
                        self.save(src);
                        let Some((_, Body::Coin(b))) = self.ledger.get_mut(&src) else {
                            unreachable!("checked coin")
                        };
                        if *b < amount {
                            return Err(Failure::InsufficientCoinBalance { command: c });
                        }
                        *b -= amount;
                        let id = ctx.fresh_id();
                        self.save(id);
                        let meta = Meta {
                            version: 0,
                            owner: Owner::Address(sender),
                            previous_transaction: ctx.digest(),
                            storage_rebate: 0,
                        };
                        self.ledger.insert(id, meta, Body::Coin(amount));
                        self.changes.created.insert(id);
                        out.push(Val::Coin(id));
                    }
                    out
                }
                Command::MergeCoins(m) => {
                    let dst = self.coin_id(&m.coin, &checked.inputs, &results, gas);
                    for a in &m.coins_to_merge {
                        let src = self.coin_id(a, &checked.inputs, &results, gas);
                        self.save(src);
                        self.save(dst);
                        let Some((_, Body::Coin(v))) = self.ledger.remove(&src) else {
                            unreachable!("checked coin")
                        };
                        if let Some((_, Body::Coin(b))) = self.ledger.get_mut(&dst) {
                            *b = b.saturating_add(v);
                        }
                        if !self.changes.created.remove(&src) {
                            self.changes.deleted.insert(src);
                        }
                    }
                    vec![]
                }
                Command::TransferObjects(t) => {
                    let to = self.address_arg(&t.address, &checked.inputs);
                    for a in &t.objects {
                        let id = match a {
                            Argument::Input(i) => match &checked.inputs[*i as usize] {
                                In::Object { id, .. } => *id,
                                In::Pure(_) => unreachable!("checked"),
                            },
                            _ => self.coin_id(a, &checked.inputs, &results, gas),
                        };
                        self.save(id);
                        self.ledger.set_owner(&id, Owner::Address(to));
                    }
                    vec![]
                }
                _ => unreachable!("checked commands"),
            };
            results.push(out);
        }
        Ok(())
    }

    fn value<'b>(a: &Argument, inputs: &'b [In], results: &[Vec<Val>]) -> Result<&'b [u8], Val> {
        match a {
            Argument::Input(i) => match &inputs[*i as usize] {
                In::Pure(b) => Ok(b),
                In::Object { id, .. } => Err(Val::Coin(*id)),
            },
            Argument::Result(j) => Err(results[*j as usize][0]),
            Argument::NestedResult(j, k) => Err(results[*j as usize][*k as usize]),
            Argument::Gas => unreachable!("gas is not a value"),
        }
    }

    fn u64_arg(&self, a: &Argument, inputs: &[In], results: &[Vec<Val>]) -> u64 {
        match Self::value(a, inputs, results) {
            Ok(bytes) => bcs::from_bytes(bytes).expect("checked u64"),
            Err(Val::U64(v)) => v,
            Err(other) => unreachable!("checked u64, got {other:?}"),
        }
    }

    fn address_arg(&self, a: &Argument, inputs: &[In]) -> Address {
        match Self::value(a, inputs, &[]) {
            Ok(bytes) => bcs::from_bytes(bytes).expect("checked address"),
            Err(other) => unreachable!("checked address, got {other:?}"),
        }
    }

    fn coin_id(&self, a: &Argument, inputs: &[In], results: &[Vec<Val>], gas: Address) -> Address {
        match a {
            Argument::Gas => gas,
            _ => match Self::value(a, inputs, results) {
                Err(Val::Coin(id)) => id,
                other => unreachable!("checked coin, got {other:?}"),
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn move_call(
        &mut self,
        c: usize,
        f: &'static dtp_protocol::schema::Function,
        args: &[Argument],
        inputs: &[In],
        results: &[Vec<Val>],
        sender: Address,
        ctx: &mut TxContext,
        now: u64,
    ) -> Result<Vec<Val>, Failure> {
        let (mut host_id, mut pipe_id, mut cap_id) = (None, None, None);
        let mut vals = Vec::new();
        for (a, p) in args.iter().zip(f.params) {
            match p {
                Param::Host { .. } => host_id = Some(self.object_arg(a, inputs)),
                Param::Pipe => pipe_id = Some(self.object_arg(a, inputs)),
                Param::Cap => cap_id = Some(self.object_arg(a, inputs)),
                Param::Clock => {}
                Param::Pure(name, kind) => vals.push(match Self::value(a, inputs, results) {
                    Ok(bytes) => Value::from_bcs(name, *kind, bytes).expect("checked pure"),
                    Err(Val::U64(v)) => Value::U64(v),
                    Err(other) => unreachable!("checked pure, got {other:?}"),
                }),
            }
        }
        // Save what the call can change.
        if f.takes(Param::Host { mutable: true }) {
            self.save(host_id.expect("host"));
        }
        if let Some(p) = pipe_id {
            let seq = vals
                .iter()
                .zip(f.pure_params())
                .find(|(_, (n, _))| *n == "seq")
                .map(|(v, _)| match v {
                    Value::U64(s) => *s,
                    _ => unreachable!(),
                })
                .unwrap_or_else(|| self.ledger.pipe(&p).expect("pipe").pipe.next_seq);
            self.save_pipe_seq(p, seq);
        }
        // Take the objects out of the ledger to lend them to the twin.
        let mut host = host_id.map(|id| self.take(&id));
        let mut pipe = pipe_id.map(|id| self.take(&id));
        let cap = cap_id.map(|id| match self.ledger.get(&id) {
            Some((_, Body::Cap(c))) => c.clone(),
            _ => unreachable!("checked cap"),
        });
        let objs = CallObjects {
            host: host.as_mut().map(|(_, b)| match b {
                Body::Host(h) => h,
                _ => unreachable!(),
            }),
            pipe: pipe.as_mut().map(|(_, b)| match b {
                Body::Pipe(p) => p.as_mut(),
                _ => unreachable!(),
            }),
            cap: cap.as_ref(),
        };
        let result = dispatch::call(f, objs, &vals, now, ctx);
        if let (Some(id), Some((m, b))) = (host_id, host) {
            self.ledger.insert(id, m, b);
        }
        if let (Some(id), Some((m, b))) = (pipe_id, pipe) {
            self.ledger.insert(id, m, b);
        }
        let module = Identifier::new(f.module).expect("module name");
        for e in ctx.take_events() {
            self.changes.events.push(Event {
                package_id: DTP_PACKAGE,
                module: module.clone(),
                sender,
                type_: objects::dtp_type(dtp_protocol::events::EVENTS_MODULE, e.name()),
                contents: e.to_bcs(),
            });
        }
        match result {
            Ok(CallOutput::Unit) => Ok(vec![]),
            Ok(CallOutput::Seq(s)) => Ok(vec![Val::U64(s)]),
            Ok(CallOutput::HostCreated(h, cap)) => {
                let meta = |owner| Meta {
                    version: 0,
                    owner,
                    previous_transaction: ctx.digest(),
                    storage_rebate: 0,
                };
                self.save(h.id);
                self.save(cap.id);
                self.changes.created.insert(h.id);
                self.changes.created.insert(cap.id);
                // Shared objects start at the version of the transaction that shares them; fixed
                // up with the lamport version when the effects are built.
                self.ledger
                    .insert(h.id, meta(Owner::Shared(0)), Body::Host(h));
                self.ledger
                    .insert(cap.id, meta(Owner::Address(sender)), Body::Cap(cap));
                Ok(vec![])
            }
            Ok(CallOutput::PipeCreated(p)) => {
                let id = p.id();
                self.save(id);
                self.changes.created.insert(id);
                let meta = Meta {
                    version: 0,
                    owner: Owner::Shared(0),
                    previous_transaction: ctx.digest(),
                    storage_rebate: 0,
                };
                self.ledger.insert(id, meta, Body::Pipe(Box::new(p)));
                Ok(vec![])
            }
            Err(CallError::Abort(abort)) => Err(Failure::MoveAbort {
                command: c,
                module: f.module,
                function: f.name,
                abort,
            }),
            Err(e) => unreachable!("checked call failed to dispatch: {e}"),
        }
    }

    fn object_arg(&self, a: &Argument, inputs: &[In]) -> Address {
        match a {
            Argument::Input(i) => match &inputs[*i as usize] {
                In::Object { id, .. } => *id,
                In::Pure(_) => unreachable!("checked object"),
            },
            _ => unreachable!("dtp objects come from inputs"),
        }
    }

    fn take(&mut self, id: &Address) -> (Meta, Body) {
        self.ledger.remove(id).expect("checked object")
    }

    pub fn ledger(&self) -> &Ledger {
        self.ledger
    }

    pub fn ledger_mut(&mut self) -> &mut Ledger {
        self.ledger
    }
}
