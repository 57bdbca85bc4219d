//! Transaction execution: check ([`check`]), run ([`run`]), then charge gas, version the changed
//! objects and write the effects ([`effects`], with the written objects in `writes`). Deterministic: the same transaction at the same
//! clock time on the same state gives the same effects, which is what lets the log be replayed.

pub mod check;
pub mod effects;
mod journal;
pub mod reject;
pub mod run;
mod typecheck;
mod writes;

use dtp_protocol::TxContext;
use sui_sdk_types::{Digest, Transaction, TransactionEffects, TransactionEvents, UserSignature};

pub use reject::{Reject, RejectKind};

use crate::ledger::Ledger;

/// A transaction that was executed (successfully or not) and must be committed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Executed {
    pub digest: Digest,
    pub transaction: Transaction,
    pub signatures: Vec<UserSignature>,
    pub effects: TransactionEffects,
    pub events: Option<TransactionEvents>,
    pub timestamp_ms: u64,
    /// The Move type of every object it wrote (read once, at execution, so answers about the
    /// transaction need not read the ledger again).
    pub object_types: Vec<(sui_sdk_types::Address, sui_sdk_types::StructTag)>,
}

/// Checks, runs and commits `tx` to `ledger` at clock time `now` (ms). A refused transaction
/// leaves the ledger as it was.
pub fn execute(
    ledger: &mut Ledger,
    tx: Transaction,
    signatures: Vec<UserSignature>,
    now: u64,
) -> Result<Executed, Reject> {
    check::signature(&tx, &signatures)?;
    execute_verified(ledger, tx, signatures, now)
}

/// As [`execute`], for a transaction whose signatures [`check::signature`] already accepted (the
/// node checks them on the submitting task, in parallel, outside its commit loop).
pub fn execute_verified(
    ledger: &mut Ledger,
    tx: Transaction,
    signatures: Vec<UserSignature>,
    now: u64,
) -> Result<Executed, Reject> {
    let bytes = bcs::to_bytes(&tx).expect("transactions serialise");
    run_checked(ledger, tx, &bytes, signatures, now)
}

/// As [`execute_verified`], for a caller that holds the transaction's BCS (`tx_bcs`) already.
pub fn execute_encoded(
    ledger: &mut Ledger,
    tx: Transaction,
    tx_bcs: &[u8],
    signatures: Vec<UserSignature>,
    now: u64,
) -> Result<Executed, Reject> {
    run_checked(ledger, tx, tx_bcs, signatures, now)
}

/// Executes without a signature (SimulateTransaction); the caller throws the ledger away.
pub fn simulate(ledger: &mut Ledger, tx: Transaction, now: u64) -> Result<Executed, Reject> {
    let bytes = bcs::to_bytes(&tx).expect("transactions serialise");
    run_checked(ledger, tx, &bytes, vec![], now)
}

fn run_checked(
    ledger: &mut Ledger,
    tx: Transaction,
    bytes: &[u8],
    signatures: Vec<UserSignature>,
    now: u64,
) -> Result<Executed, Reject> {
    if bytes.len() > crate::genesis::MAX_TX_BYTES {
        return Err(Reject::invalid(format!(
            "transaction of {} bytes is over the {} byte limit",
            bytes.len(),
            crate::genesis::MAX_TX_BYTES
        )));
    }
    let checked = check::transaction(ledger, &tx)?;
    let digest = dtp_protocol::digest::transaction(bytes);
    let now = now.max(ledger.clock_ms);
    ledger.clock_ms = now;
    let before = effects::Before::capture(ledger, &tx, &checked);
    let gas = effects::smash_gas(ledger, &tx);
    let mut ctx = TxContext::new(tx.sender, digest);
    let mut run = run::Run::new(ledger);
    let status = run.commands(&checked, tx.sender, gas, &mut ctx, now);
    if status.is_err() {
        run.rollback();
    }
    let (effects, events) = match effects::finalize(&mut run, &tx, &before, gas, status, digest) {
        Ok(done) => done,
        // Over the budget: undone, and charged as Sui does (the whole budget).
        Err(effects::OverBudget) => {
            run.rollback();
            let failed = Err(run::Failure::InsufficientGas);
            effects::finalize(&mut run, &tx, &before, gas, failed, digest)
                .expect("a failed run is never over the budget")
        }
    };
    let TransactionEffects::V2(fx) = &effects else {
        unreachable!("v2 effects")
    };
    let object_types = fx
        .changed_objects
        .iter()
        .filter_map(|c| {
            let (_, body) = ledger.get(&c.object_id)?;
            Some((c.object_id, Ledger::struct_type(body)?))
        })
        .collect();
    Ok(Executed {
        digest,
        transaction: tx,
        signatures,
        effects,
        events,
        timestamp_ms: now,
        object_types,
    })
}

#[cfg(test)]
pub(crate) mod tests;
