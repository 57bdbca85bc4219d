//! Leases after assignment: `release` (give back), `takeover` (after the deadline), the dead letter
//! (`redrive`, `purge_dead`). Every reassignment raises the fencing token (`attempt`).
//! Mirrors the lease part of `move/sources/pipe.move`.

use crate::constants::{REASON_EXPIRED, REASON_RELEASED};
use crate::ctx::TxContext;
use crate::error::MoveAbort;
use crate::events::{Assigned, DeadLettered, Purged, Reassigned, Redriven};
use crate::host::{Host, HostCap};
use crate::move_types::Address;
use crate::pipe::{check_assignee, PipeState};

/// Where a reassigned request goes.
enum Target {
    /// To the selection result, excluding the releaser.
    Select { exclude: Address },
    /// To this endpoint (takeover by the sender).
    To { server: Address, standby: bool },
}

/// The reassign step shared by release and takeover: dead-letter when the round's tries are used
/// up, else move the request to its new server with `attempt + 1` and a fresh lease.
fn reassign(
    pipe: &mut PipeState,
    host: &Host,
    seq: u64,
    target: Target,
    reason: u8,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    let (from, attempt, tries, key, region) = {
        let r = pipe.pending_ref(seq)?;
        (
            r.server,
            r.attempt,
            r.tries,
            r.key.clone(),
            r.region.clone(),
        )
    };
    if tries as u64 + 1 > host.config.max_attempts as u64 {
        let r = pipe.remove_pending(seq);
        ctx.emit(DeadLettered {
            pipe: pipe.id(),
            seq,
            server: r.server,
            attempt: r.attempt,
            reason,
        });
        pipe.insert_dead(r);
        return Ok(());
    }
    let (to, standby) = match target {
        Target::To { server, standby } => (server, standby),
        Target::Select { exclude } => {
            let sel = pipe.select(host, now, &key, &region, seq, attempt + 1, Some(exclude))?;
            let e = &host.endpoints[sel.index];
            (e.server, sel.standby)
        }
    };
    let deadline_ms = now + host.config.lease_ms;
    pipe.inflight_sub(from);
    pipe.inflight_add(to);
    let r = pipe.pending.get_mut(&seq).expect("checked pending");
    r.server = to;
    r.attempt = attempt + 1;
    r.tries = tries + 1;
    r.claimed = false;
    r.deadline_ms = deadline_ms;
    ctx.emit(Reassigned {
        pipe: pipe.id(),
        seq,
        from,
        to,
        attempt: attempt + 1,
        deadline_ms,
        reason,
        standby,
    });
    Ok(())
}

/// `release`: the assignee gives the request back; it is reassigned by policy to someone else.
pub fn release(
    pipe: &mut PipeState,
    host: &Host,
    seq: u64,
    attempt: u32,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    check_assignee(pipe, host, seq, attempt, ctx)?;
    let exclude = ctx.sender();
    reassign(
        pipe,
        host,
        seq,
        Target::Select { exclude },
        REASON_RELEASED,
        now,
        ctx,
    )
}

/// `takeover`: a healthy endpoint takes a request whose lease has expired.
pub fn takeover(
    pipe: &mut PipeState,
    host: &Host,
    seq: u64,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    pipe.check_host(host)?;
    let r = pipe.pending_ref(seq)?;
    if !r.expired(now) {
        return Err(MoveAbort::LeaseNotExpired);
    }
    let me = ctx.sender();
    let e = host.endpoint(&me).ok_or(MoveAbort::NotEndpoint)?;
    if !e.is_healthy(&host.config, now) {
        return Err(MoveAbort::NoHealthyEndpoint);
    }
    if r.server == me {
        return Err(MoveAbort::AlreadyAssignee);
    }
    let target = Target::To {
        server: me,
        standby: e.is_standby(),
    };
    reassign(pipe, host, seq, target, REASON_EXPIRED, now, ctx)
}

/// `redrive` (admin): a dead-lettered request goes back to pending with a new attempt and a fresh
/// round of tries.
pub fn redrive(
    pipe: &mut PipeState,
    host: &Host,
    cap: &HostCap,
    seq: u64,
    now: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    pipe.check_admin(host, cap)?;
    let (attempt, key, region) = {
        let r = pipe.dead.get(&seq).ok_or(MoveAbort::UnknownRequest)?;
        (r.attempt + 1, r.key.clone(), r.region.clone())
    };
    if pipe.pending.len() as u64 >= host.config.max_pending {
        return Err(MoveAbort::PipeFull);
    }
    let sel = pipe.select(host, now, &key, &region, seq, attempt, None)?;
    let mut r = pipe.remove_dead(seq);
    r.server = host.endpoints[sel.index].server;
    r.attempt = attempt;
    r.tries = 1;
    r.claimed = false;
    r.deadline_ms = now + host.config.lease_ms;
    ctx.emit(Redriven {
        pipe: pipe.id(),
        seq,
    });
    ctx.emit(Assigned {
        pipe: pipe.id(),
        seq,
        server: r.server,
        attempt,
        deadline_ms: r.deadline_ms,
        sender: r.sender,
        standby: sel.standby,
        payload: r.payload.clone(),
    });
    pipe.insert_pending(r);
    Ok(())
}

/// `purge_dead` (admin): deletes one dead-lettered request.
pub fn purge_dead(
    pipe: &mut PipeState,
    host: &Host,
    cap: &HostCap,
    seq: u64,
    ctx: &mut TxContext,
) -> Result<(), MoveAbort> {
    pipe.check_admin(host, cap)?;
    if !pipe.dead.contains_key(&seq) {
        return Err(MoveAbort::UnknownRequest);
    }
    pipe.remove_dead(seq);
    ctx.emit(Purged {
        pipe: pipe.id(),
        seq,
    });
    Ok(())
}
