//! `Pipe`: the queue of pending requests of one Host, and the request lifecycle (send, claim,
//! complete, cancel). Lease handling (release, takeover, redrive, purge) is in `lease.rs`.
//! Mirrors `move/sources/pipe.move`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::check_label;
use crate::constants::{Policy, MAX_KEY, MAX_LABEL};
use crate::ctx::TxContext;
use crate::error::MoveAbort;
use crate::events::{Assigned, Cancelled, Claimed, Completed, PipeCreated, PolicyChanged};
use crate::host::{Host, HostCap};
use crate::move_types::{Address, ObjectId, Table, VecMap};
use crate::request::Request;
use crate::selection::{self, SelectInput, Selection};

/// Layout of `dtp::pipe::Pipe` (a shared object). The table entries live in dynamic fields; the
/// twin keeps them beside the object in [`PipeState`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipe {
    /// The Pipe's object id.
    pub id: ObjectId,
    /// The Host whose endpoints serve it.
    pub host: ObjectId,
    /// A human-readable name.
    pub label: String,
    /// The selection policy ([`Policy`] number).
    pub policy: u8,
    /// The sequence number of the next request sent.
    pub next_seq: u64,
    /// The round-robin counter (selections made).
    pub rr: u64,
    /// Pending requests by sequence number.
    pub pending: Table,
    /// Dead-lettered requests by sequence number.
    pub dead: Table,
    /// Pending requests per server (servers holding none are absent).
    pub inflight: VecMap<Address, u32>,
}

/// A Pipe object together with the contents of its two tables. Its serde form is the twin's own
/// (the localnet's snapshots), not a Move layout: on chain the entries are dynamic fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipeState {
    /// The Pipe object.
    pub pipe: Pipe,
    /// The `pending` table's entries.
    pub pending: BTreeMap<u64, Request>,
    /// The `dead` table's entries.
    pub dead: BTreeMap<u64, Request>,
}

impl PipeState {
    /// The Pipe's object id.
    pub fn id(&self) -> ObjectId {
        self.pipe.id
    }

    /// The Pipe's selection policy.
    pub fn policy(&self) -> Policy {
        Policy::from_u8(self.pipe.policy).expect("a stored policy is valid")
    }

    /// Pending requests `server` holds in this Pipe.
    pub fn inflight_of(&self, server: &Address) -> u32 {
        selection::inflight_of(&self.pipe.inflight, server)
    }

    pub(crate) fn check_host(&self, host: &Host) -> Result<(), MoveAbort> {
        (self.pipe.host == host.id)
            .then_some(())
            .ok_or(MoveAbort::WrongHost)
    }

    pub(crate) fn pending_ref(&self, seq: u64) -> Result<&Request, MoveAbort> {
        self.pending.get(&seq).ok_or(MoveAbort::UnknownRequest)
    }

    pub(crate) fn insert_pending(&mut self, r: Request) {
        self.inflight_add(r.server);
        self.pending.insert(r.seq, r);
        self.pipe.pending.size = self.pending.len() as u64;
    }

    pub(crate) fn remove_pending(&mut self, seq: u64) -> Request {
        let r = self.pending.remove(&seq).expect("checked pending");
        self.pipe.pending.size = self.pending.len() as u64;
        self.inflight_sub(r.server);
        r
    }

    pub(crate) fn insert_dead(&mut self, r: Request) {
        self.dead.insert(r.seq, r);
        self.pipe.dead.size = self.dead.len() as u64;
    }

    pub(crate) fn remove_dead(&mut self, seq: u64) -> Request {
        let r = self.dead.remove(&seq).expect("checked dead");
        self.pipe.dead.size = self.dead.len() as u64;
        r
    }

    pub(crate) fn inflight_add(&mut self, server: Address) {
        match self.pipe.inflight.get_mut(&server) {
            Some(n) => *n += 1,
            None => self.pipe.inflight.insert(server, 1),
        }
    }

    pub(crate) fn inflight_sub(&mut self, server: Address) {
        let n = self
            .pipe
            .inflight
            .get_mut(&server)
            .expect("inflight tracked");
        *n -= 1;
        if *n == 0 {
            self.pipe.inflight.remove(&server);
        }
    }

    /// Runs selection for this pipe and advances `rr` (only on success). The arguments mirror
    /// Move's `selection::select`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn select(
        &mut self,
        host: &Host,
        now: u64,
        key: &[u8],
        region: &str,
        seq: u64,
        attempt: u32,
        exclude: Option<Address>,
    ) -> Result<Selection, MoveAbort> {
        let sel = selection::select(&SelectInput {
            endpoints: &host.endpoints,
            config: &host.config,
            inflight: &self.pipe.inflight,
            policy: self.policy(),
            now,
            rr: self.pipe.rr,
            key,
            region,
            pipe: self.pipe.id,
            seq,
            attempt,
            exclude,
        })?;
        self.pipe.rr += 1;
        Ok(sel)
    }

    pub(crate) fn check_admin(&self, host: &Host, cap: &HostCap) -> Result<(), MoveAbort> {
        self.check_host(host)?;
        (cap.host == host.id)
            .then_some(())
            .ok_or(MoveAbort::NotAdmin)
    }
}

fn check_policy(policy: u8) -> Result<Policy, MoveAbort> {
    Policy::from_u8(policy).ok_or(MoveAbort::InvalidPolicy)
}

/// `create_pipe`: a new Pipe of `host` (to be shared) with selection `policy`.
pub fn create_pipe(
    host: &Host,
    cap: &HostCap,
    label: String,
    policy: u8,
    ctx: &mut TxContext,
) -> Result<PipeState, MoveAbort> {
    if cap.host != host.id {
        return Err(MoveAbort::NotAdmin);
    }
    check_policy(policy)?;
    check_label(&label)?;
    let id = ctx.fresh_id();
    let pending = Table {
        id: ctx.fresh_id(),
        size: 0,
    };
    let dead = Table {
        id: ctx.fresh_id(),
        size: 0,
    };
    ctx.emit(PipeCreated {
        pipe: id,
        host: host.id,
        label: label.clone(),
        policy,
    });
    Ok(PipeState {
        pipe: Pipe {
            id,
            host: host.id,
            label,
            policy,
            next_seq: 0,
            rr: 0,
            pending,
            dead,
            inflight: VecMap::new(),
        },
        pending: BTreeMap::new(),
        dead: BTreeMap::new(),
    })
}

/// `set_policy`: an admin changes the Pipe's selection policy.
pub fn set_policy(
    pipe: &mut PipeState,
    host: &Host,
    cap: &HostCap,
    policy: u8,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    pipe.check_admin(host, cap)?;
    check_policy(policy)?;
    pipe.pipe.policy = policy;
    ctx.emit(PolicyChanged {
        pipe: pipe.id(),
        policy,
    });
    Ok(())
}

/// `send`: stores a request, assigns it by policy, returns its sequence number.
pub fn send(
    pipe: &mut PipeState,
    host: &Host,
    payload: Vec<u8>,
    key: Vec<u8>,
    region: String,
    now: u64,
    ctx: &mut TxContext,
) -> Result<u64, MoveAbort> {
    pipe.check_host(host)?;
    if payload.len() as u64 > host.config.max_payload
        || key.len() > MAX_KEY
        || region.len() > MAX_LABEL
    {
        return Err(MoveAbort::PayloadTooLarge);
    }
    if pipe.pending.len() as u64 >= host.config.max_pending {
        return Err(MoveAbort::PipeFull);
    }
    let seq = pipe.pipe.next_seq;
    let sel = pipe.select(host, now, &key, &region, seq, 1, None)?;
    pipe.pipe.next_seq += 1;
    let server = host.endpoints[sel.index].server;
    let deadline_ms = now + host.config.lease_ms;
    pipe.insert_pending(Request {
        seq,
        sender: ctx.sender(),
        key,
        region,
        payload: payload.clone(),
        server,
        attempt: 1,
        tries: 1,
        claimed: false,
        created_ms: now,
        deadline_ms,
    });
    ctx.emit(Assigned {
        pipe: pipe.id(),
        seq,
        server,
        attempt: 1,
        deadline_ms,
        sender: ctx.sender(),
        standby: sel.standby,
        payload,
    });
    Ok(seq)
}

/// `cancel`: the original sender withdraws a pending request.
pub fn cancel(pipe: &mut PipeState, seq: u64, ctx: &mut TxContext) -> Result<(), MoveAbort> {
    if pipe.pending_ref(seq)?.sender != ctx.sender() {
        return Err(MoveAbort::NotSender);
    }
    pipe.remove_pending(seq);
    ctx.emit(Cancelled {
        pipe: pipe.id(),
        seq,
        sender: ctx.sender(),
    });
    Ok(())
}

/// Host, pending, current attempt, sender is the assignee: the checks of claim, complete, release.
pub(crate) fn check_assignee(
    pipe: &PipeState,
    host: &Host,
    seq: u64,
    attempt: u32,
    ctx: &TxContext,
) -> Result<(), MoveAbort> {
    pipe.check_host(host)?;
    let r = pipe.pending_ref(seq)?;
    if r.attempt != attempt {
        return Err(MoveAbort::StaleAttempt);
    }
    if r.server != ctx.sender() {
        return Err(MoveAbort::NotAssignee);
    }
    Ok(())
}

/// `claim`: the assignee starts serving (or extends its lease).
pub fn claim(
    pipe: &mut PipeState,
    host: &Host,
    seq: u64,
    attempt: u32,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    check_assignee(pipe, host, seq, attempt, ctx)?;
    let deadline_ms = now + host.config.lease_ms;
    let r = pipe.pending.get_mut(&seq).expect("checked pending");
    r.claimed = true;
    r.deadline_ms = deadline_ms;
    ctx.emit(Claimed {
        pipe: pipe.pipe.id,
        seq,
        server: ctx.sender(),
        attempt,
        deadline_ms,
    });
    Ok(())
}

/// `complete`: the assignee posts the final answer (`ok = false` is a failed answer).
#[allow(clippy::too_many_arguments)]
pub fn complete(
    pipe: &mut PipeState,
    host: &Host,
    seq: u64,
    attempt: u32,
    ok: bool,
    response: Vec<u8>,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    check_assignee(pipe, host, seq, attempt, ctx)?;
    if response.len() as u64 > host.config.max_payload {
        return Err(MoveAbort::PayloadTooLarge);
    }
    let r = pipe.remove_pending(seq);
    ctx.emit(Completed {
        pipe: pipe.id(),
        seq,
        server: r.server,
        attempt,
        ok,
        response,
        latency_ms: now.saturating_sub(r.created_ms),
    });
    Ok(())
}
