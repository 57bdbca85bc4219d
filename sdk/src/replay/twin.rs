//! The twin of one Host and one Pipe, rebuilt by re-executing every dtp MoveCall of the history's
//! transactions with [`dtp_protocol::dispatch::call`], so verification can compare what the policy
//! would have done with what the chain did.

use dtp_protocol::dispatch::{self, CallError, CallObjects, CallOutput};
use dtp_protocol::schema::{Function, Param, Value};
use dtp_protocol::{Event, Host, HostCap, PipeState, TxContext};
use sui_sdk_types::{Address, Argument, Command, Input, Transaction, TransactionKind};

use super::history::{concerns, TxRecord};

/// Object ids `create_pipe` derives (the Pipe and its two tables).
const PIPE_IDS: usize = 3;

/// The twin's state: the Host, its caps and the Pipe, once created in the history.
pub(crate) struct Twin {
    package: Address,
    host_id: Address,
    pipe_id: Address,
    host: Option<Host>,
    caps: Vec<HostCap>,
    pipe: Option<PipeState>,
}

/// What re-executing one transaction gave.
pub(crate) struct Replayed {
    /// The twin's events about the Pipe and its Host.
    pub events: Vec<Event>,
    /// dtp calls executed on the twin.
    pub calls: usize,
    /// Calls the twin could not execute as the chain did (it aborted, or an argument is unusable).
    pub errors: Vec<String>,
}

impl Twin {
    pub fn new(package: Address, host: Address, pipe: Address) -> Self {
        Twin {
            package,
            host_id: host,
            pipe_id: pipe,
            host: None,
            caps: Vec::new(),
            pipe: None,
        }
    }

    /// The clock of `tx`: exact from a lease deadline it emitted (`deadline_ms - lease_ms`), else
    /// the transaction's timestamp. (A transaction that changes `lease_ms` before it assigns would
    /// need the new value; the SDK never builds one.)
    pub fn clock(&self, tx: &TxRecord) -> u64 {
        let Some(host) = &self.host else {
            return tx.timestamp_ms;
        };
        tx.events
            .iter()
            .filter(|e| e.pipe() == Some(self.pipe_id))
            .find_map(|e| match e {
                Event::Assigned(a) => Some(a.deadline_ms),
                Event::Claimed(c) => Some(c.deadline_ms),
                Event::Reassigned(r) => Some(r.deadline_ms),
                _ => None,
            })
            .map(|d| d.saturating_sub(host.config.lease_ms))
            .unwrap_or(tx.timestamp_ms)
    }

    /// Re-executes the dtp calls of `tx` that touch the Host or the Pipe.
    pub fn run(&mut self, tx: &TxRecord) -> Replayed {
        let mut out = Replayed {
            events: Vec::new(),
            calls: 0,
            errors: Vec::new(),
        };
        let TransactionKind::ProgrammableTransaction(ptb) = &tx.transaction.kind else {
            return out;
        };
        let now = self.clock(tx);
        let mut ctx = TxContext::new(tx.transaction.sender, tx.digest);
        // `send` returns the new seq, which a later command may use.
        let mut results: Vec<Option<u64>> = Vec::new();
        for cmd in &ptb.commands {
            let mut result = None;
            match cmd {
                Command::MoveCall(m) if m.package == self.package => {
                    let name = format!("{}::{}", m.module, m.function);
                    match Function::find(m.function.as_str()) {
                        Some(f) if f.module == m.module.as_str() => {
                            match self.call(f, &m.arguments, &ptb.inputs, &results, now, &mut ctx) {
                                Ok(Some(r)) => {
                                    out.calls += 1;
                                    result = r;
                                }
                                Ok(None) => {}
                                Err(e) => out.errors.push(format!("{name}: {e}")),
                            }
                        }
                        _ => out.errors.push(format!("{name} is not a dtp function")),
                    }
                    let (pipe, host) = (self.pipe_id, self.host_id);
                    out.events.extend(
                        ctx.take_events()
                            .into_iter()
                            .filter(|e| concerns(e, pipe, host)),
                    );
                }
                Command::SplitCoins(s) => {
                    // Each new coin takes an object id, as on Sui.
                    for _ in &s.amounts {
                        ctx.fresh_id();
                    }
                }
                _ => {}
            }
            results.push(result);
        }
        out
    }

    /// Executes one call. `Ok(None)`: skipped (about other objects); `Ok(Some(seq))`: executed.
    fn call(
        &mut self,
        f: &'static Function,
        args: &[Argument],
        inputs: &[Input],
        results: &[Option<u64>],
        now: u64,
        ctx: &mut TxContext,
    ) -> Result<Option<Option<u64>>, String> {
        let (mut host, mut pipe, mut cap) = (None, None, None);
        let mut vals = Vec::new();
        for (a, p) in args.iter().zip(f.params) {
            match p {
                Param::Host { .. } => host = Some(object_id(a, inputs)?),
                Param::Pipe => pipe = Some(object_id(a, inputs)?),
                Param::Cap => cap = Some(object_id(a, inputs)?),
                Param::Clock => {}
                Param::Pure(name, kind) => vals.push(match a {
                    Argument::Input(i) => match inputs.get(*i as usize) {
                        Some(Input::Pure(bytes)) => {
                            Value::from_bcs(name, *kind, bytes).map_err(|e| e.to_string())?
                        }
                        _ => return Err(format!("argument `{name}` is not a pure input")),
                    },
                    Argument::Result(j) | Argument::NestedResult(j, 0) => {
                        match results.get(*j as usize).copied().flatten() {
                            Some(seq) => Value::U64(seq),
                            None => return Err(format!("argument `{name}` has no value")),
                        }
                    }
                    _ => return Err(format!("argument `{name}` is not supported")),
                }),
            }
        }
        if host.is_some_and(|h| h != self.host_id) || pipe.is_some_and(|p| p != self.pipe_id) {
            if f.name == "create_pipe" {
                for _ in 0..PIPE_IDS {
                    ctx.fresh_id();
                }
            }
            return Ok(None);
        }
        if host.is_some() && self.host.is_none() {
            return Err("the Host is used before its creation in this history".into());
        }
        if pipe.is_some() && self.pipe.is_none() {
            return Err("the Pipe is used before its creation in this history".into());
        }
        let cap = cap.map(|id| {
            self.caps
                .iter()
                .find(|c| c.id == id)
                .cloned()
                // A cap the twin never saw created: not this Host's, so the twin aborts ENotAdmin.
                .unwrap_or(HostCap {
                    id,
                    host: Address::ZERO,
                })
        });
        let objs = CallObjects {
            host: self.host.as_mut(),
            pipe: self.pipe.as_mut(),
            cap: cap.as_ref(),
        };
        match dispatch::call(f, objs, &vals, now, ctx) {
            Ok(CallOutput::HostCreated(h, c)) => {
                if h.id == self.host_id {
                    self.host = Some(h);
                    self.caps.push(c);
                }
                Ok(Some(None))
            }
            Ok(CallOutput::PipeCreated(p)) => {
                if p.id() == self.pipe_id {
                    self.pipe = Some(p);
                }
                Ok(Some(None))
            }
            Ok(CallOutput::Seq(seq)) => Ok(Some(Some(seq))),
            Ok(CallOutput::Unit) => Ok(Some(None)),
            Err(CallError::Abort(a)) => Err(format!("the twin aborted with {a}")),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Makes the twin follow the chain's choice for `seq` after a mismatch, so one wrong
    /// assignment is reported once instead of derailing everything after it.
    pub fn adopt(&mut self, seq: u64, server: Address) {
        let Some(p) = self.pipe.as_mut() else {
            return;
        };
        let Some(r) = p.pending.get_mut(&seq) else {
            return;
        };
        let old = std::mem::replace(&mut r.server, server);
        let inflight = &mut p.pipe.inflight;
        if let Some(n) = inflight.get_mut(&old) {
            *n -= 1;
            if *n == 0 {
                inflight.remove(&old);
            }
        }
        match inflight.get_mut(&server) {
            Some(n) => *n += 1,
            None => inflight.insert(server, 1),
        }
    }

    pub fn host_created(&self) -> bool {
        self.host.is_some()
    }
}

/// True when the twin of `pipe` (of `host`) would execute a call of `tx`: a dtp call naming no
/// other Host and no other Pipe (creating a Host names neither). Calls on the Host's other Pipes
/// only read the Host ([`Twin`] skips them), so a Pipe's history can leave their transactions out.
/// A call the twin cannot read keeps its transaction (the twin then reports it).
pub(crate) fn relevant(tx: &Transaction, package: Address, pipe: Address, host: Address) -> bool {
    let TransactionKind::ProgrammableTransaction(ptb) = &tx.kind else {
        return false;
    };
    ptb.commands.iter().any(|c| {
        let Command::MoveCall(m) = c else {
            return false;
        };
        if m.package != package {
            return false;
        }
        let Some(f) = Function::find(m.function.as_str()).filter(|f| f.module == m.module.as_str())
        else {
            return true;
        };
        m.arguments.iter().zip(f.params).all(|(a, p)| {
            let want = match p {
                Param::Host { .. } => host,
                Param::Pipe => pipe,
                _ => return true,
            };
            object_id(a, &ptb.inputs).map_or(true, |id| id == want)
        })
    })
}

pub(super) fn object_id(a: &Argument, inputs: &[Input]) -> Result<Address, String> {
    let Argument::Input(i) = a else {
        return Err("a dtp object must be a transaction input".into());
    };
    match inputs.get(*i as usize) {
        Some(Input::Shared(s)) => Ok(s.object_id()),
        Some(Input::ImmutableOrOwned(r)) => Ok(*r.object_id()),
        _ => Err(format!("input {i} is not an object")),
    }
}
