//! After the commands: gas charging (a flat, documented schedule), Lamport versioning of every
//! written object, and the Sui `TransactionEffectsV2` / `TransactionEvents` of the transaction.

use std::collections::{BTreeMap, BTreeSet};

use sui_sdk_types::{
    Address, ChangedObject, Digest, ExecutionError, ExecutionStatus, GasCostSummary, IdOperation,
    Identifier, MoveLocation, ObjectIn, ObjectOut, Owner, Transaction, TransactionEffects,
    TransactionEffectsV2, TransactionEvents, UnchangedConsensusKind, UnchangedConsensusObject,
};

use super::check::{Checked, In};
use super::run::{Failure, Run};
use crate::genesis::{
    COMPUTATION_UNITS, DTP_PACKAGE, STORAGE_PRICE_PER_BYTE, STORAGE_REBATE_PERCENT,
};
use crate::ledger::{Body, Ledger, Meta};
use crate::objects::{self, field_contents, move_object, table_entry_id};

/// Input object states captured before execution.
pub struct Before {
    /// Mutable inputs (gas coins, owned objects, mutable shared objects).
    mutable: BTreeMap<Address, ObjectIn>,
    /// Storage rebates of the mutable inputs (an input merged away is gone from the ledger by
    /// the time gas is charged, but its rebate is still owed).
    rebates: BTreeMap<Address, u64>,
    /// Read-only shared inputs: (id, version, digest).
    read_only: Vec<(Address, u64, Digest)>,
    lamport: u64,
    dependencies: BTreeSet<Digest>,
}

impl Before {
    pub fn capture(ledger: &Ledger, tx: &Transaction, checked: &Checked) -> Before {
        let mut b = Before {
            mutable: BTreeMap::new(),
            rebates: BTreeMap::new(),
            read_only: Vec::new(),
            lamport: 0,
            dependencies: BTreeSet::new(),
        };
        let note = |id: Address, mutable: bool, b: &mut Before| {
            let o = ledger.object(&id).expect("checked input");
            b.lamport = b.lamport.max(o.version());
            b.dependencies.insert(o.previous_transaction());
            if mutable {
                b.rebates.insert(id, o.storage_rebate());
                b.mutable.insert(
                    id,
                    ObjectIn::Exist {
                        version: o.version(),
                        digest: o.digest(),
                        owner: *o.owner(),
                    },
                );
            } else if matches!(o.owner(), Owner::Shared(_)) {
                b.read_only.push((id, o.version(), o.digest()));
            }
        };
        for r in &tx.gas_payment.objects {
            note(*r.object_id(), true, &mut b);
        }
        for input in &checked.inputs {
            if let In::Object { id, mutable, .. } = input {
                if !b.mutable.contains_key(id) {
                    note(*id, *mutable, &mut b);
                }
            }
        }
        b.lamport += 1;
        b
    }
}

/// Merges every gas coin into the first (Sui "smashes" gas before execution); returns its id.
pub fn smash_gas(ledger: &mut Ledger, tx: &Transaction) -> Address {
    let ids: Vec<Address> = tx
        .gas_payment
        .objects
        .iter()
        .map(|r| *r.object_id())
        .collect();
    let mut total = 0u64;
    for id in &ids[1..] {
        if let Some((_, Body::Coin(b))) = ledger.remove(id) {
            total = total.saturating_add(b);
        }
    }
    if let Some((_, Body::Coin(b))) = ledger.get_mut(&ids[0]) {
        *b = b.saturating_add(total);
    }
    ids[0]
}

fn failure_status(f: Failure) -> ExecutionStatus {
    match f {
        Failure::MoveAbort {
            command,
            module,
            function,
            abort,
        } => {
            let fn_index = dtp_protocol::schema::FUNCTIONS
                .iter()
                .filter(|g| g.module == module)
                .position(|g| g.name == function)
                .unwrap_or(0);
            ExecutionStatus::Failure {
                error: ExecutionError::MoveAbort {
                    location: MoveLocation {
                        package: DTP_PACKAGE,
                        module: Identifier::new(module).expect("module"),
                        function: fn_index as u16,
                        instruction: 0,
                        function_name: Some(Identifier::new(function).expect("function")),
                    },
                    code: abort.abort_code(),
                },
                command: Some(command as u64),
            }
        }
        Failure::InsufficientCoinBalance { command } => ExecutionStatus::Failure {
            error: ExecutionError::InsufficientCoinBalance,
            command: Some(command as u64),
        },
        Failure::InsufficientGas => ExecutionStatus::Failure {
            error: ExecutionError::InsufficientGas,
            command: None,
        },
    }
}

/// One written or deleted object for the effects.
struct Write {
    id: Address,
    before: ObjectIn,
    after: Option<Owner>,
    op: IdOperation,
}

/// A successful run whose gas (computation + storage) is over the budget: nothing was applied,
/// the caller rolls the run back and finalises it as failed with `InsufficientGas`.
#[derive(Debug)]
pub struct OverBudget;

/// Charges gas, versions every written object and builds the effects and events. A successful
/// run that would cost more than the budget changes nothing here and is `Err(OverBudget)`.
pub fn finalize(
    run: &mut Run,
    tx: &Transaction,
    before: &Before,
    gas: Address,
    status: Result<(), Failure>,
    digest: Digest,
) -> Result<(TransactionEffects, Option<TransactionEvents>), OverBudget> {
    let lamport = before.lamport;
    let mut writes: Vec<Write> = Vec::new();
    let ok = status.is_ok();
    let changes = std::mem::take(&mut run.changes);
    let entries_before = std::mem::take(&mut run.entries_before);
    // Table entries inserted below, taken out again if the budget is exceeded.
    let mut inserted: Vec<Address> = Vec::new();
    let ledger = run.ledger_mut();
    // Mutable inputs are always written (even by a failed transaction), except merged coins.
    for (id, obj_in) in &before.mutable {
        let after = ledger.get(id).map(|(m, _)| m.owner);
        let op = if after.is_none() {
            IdOperation::Deleted
        } else {
            IdOperation::None
        };
        writes.push(Write {
            id: *id,
            before: obj_in.clone(),
            after,
            op,
        });
    }
    if ok {
        for id in &changes.created {
            let mut owner = ledger.get(id).expect("created").0.owner;
            if owner == Owner::Shared(0) {
                owner = Owner::Shared(lamport);
            }
            writes.push(Write {
                id: *id,
                before: ObjectIn::NotExist,
                after: Some(owner),
                op: IdOperation::Created,
            });
        }
        for ((pipe, seq), (pending, dead)) in &entries_before {
            // Only this entry, not the whole Pipe: cloning its tables made every call O(pending).
            let p = ledger.pipe(pipe).expect("pipe");
            let entries = [
                (
                    false,
                    p.pipe.pending.id,
                    pending,
                    p.pending.get(seq).cloned(),
                ),
                (true, p.pipe.dead.id, dead, p.dead.get(seq).cloned()),
            ];
            for (is_dead, table, old, new) in entries {
                let new = new.as_ref();
                if old.as_ref() == new {
                    continue;
                }
                let child = table_entry_id(table, *seq);
                let obj_in = match (old, ledger.get(&child)) {
                    (Some(r), Some((m, _))) => {
                        let o = move_object(
                            objects::field_type(),
                            false,
                            m.version,
                            field_contents(child, *seq, r),
                            m.owner,
                            m.previous_transaction,
                            m.storage_rebate,
                        );
                        ObjectIn::Exist {
                            version: m.version,
                            digest: o.digest(),
                            owner: m.owner,
                        }
                    }
                    _ => ObjectIn::NotExist,
                };
                let op = match (old, new) {
                    (None, Some(_)) => IdOperation::Created,
                    (Some(_), None) => IdOperation::Deleted,
                    _ => IdOperation::None,
                };
                if new.is_some() && !ledger.contains(&child) {
                    inserted.push(child);
                    let meta = Meta {
                        version: 0,
                        owner: Owner::Object(table),
                        previous_transaction: digest,
                        storage_rebate: 0,
                    };
                    ledger.insert(
                        child,
                        meta,
                        Body::Field {
                            pipe: *pipe,
                            dead: is_dead,
                            seq: *seq,
                        },
                    );
                }
                writes.push(Write {
                    id: child,
                    before: obj_in,
                    after: new.map(|_| Owner::Object(table)),
                    op,
                });
            }
        }
    }
    // Gas: flat computation, storage by bytes written, rebates of what was overwritten or deleted.
    let price = tx.gas_payment.price;
    let computation_cost = COMPUTATION_UNITS * price;
    let mut old_rebates = 0u64;
    for w in &writes {
        if let ObjectIn::Exist { .. } = w.before {
            old_rebates += ledger
                .get(&w.id)
                .map(|(m, _)| m.storage_rebate)
                .or_else(|| before.rebates.get(&w.id).copied())
                .unwrap_or(0);
        }
    }
    let storage_rebate = old_rebates * STORAGE_REBATE_PERCENT / 100;
    let non_refundable_storage_fee = old_rebates - storage_rebate;
    // Storage per written object at its new version, computed before anything is applied.
    let mut fees: Vec<Option<u64>> = Vec::with_capacity(writes.len());
    for w in &writes {
        fees.push(w.after.map(|owner| {
            let probe = Meta {
                version: lamport,
                owner,
                previous_transaction: digest,
                storage_rebate: 0,
            };
            let (_, body) = ledger.get(&w.id).expect("written object");
            // In place: cloning the body (a Pipe with its tables) made every call O(pending).
            let size = bcs::to_bytes(&ledger.materialize(&w.id, &probe, body))
                .expect("object serialises")
                .len() as u64;
            size * STORAGE_PRICE_PER_BYTE
        }));
    }
    let storage_cost: u64 = fees.iter().flatten().sum();
    if ok && computation_cost.saturating_add(storage_cost) > tx.gas_payment.budget {
        for id in inserted {
            ledger.remove(&id);
        }
        return Err(OverBudget);
    }
    // Out of gas: Sui charges the whole budget (computation fills what storage leaves).
    let computation_cost = match &status {
        Err(Failure::InsufficientGas) => tx.gas_payment.budget.saturating_sub(storage_cost),
        _ => computation_cost,
    };
    // Apply: metadata at the new version, deletions.
    let mut changed = Vec::new();
    for (w, fee) in writes.iter().zip(fees) {
        let out = match (w.after, fee) {
            (Some(owner), Some(fee)) => {
                let meta = Meta {
                    version: lamport,
                    owner,
                    previous_transaction: digest,
                    storage_rebate: fee,
                };
                ledger.set_owner(&w.id, owner);
                ledger.get_mut(&w.id).expect("written object").0 = meta;
                let (meta, body) = ledger.get(&w.id).expect("written object");
                let digest = ledger.materialize(&w.id, meta, body).digest();
                ObjectOut::ObjectWrite { digest, owner }
            }
            _ => {
                ledger.remove(&w.id);
                ObjectOut::NotExist
            }
        };
        changed.push(ChangedObject {
            object_id: w.id,
            input_state: w.before.clone(),
            output_state: out,
            id_operation: w.op,
        });
    }
    // Charge the gas coin (net of rebates) and rewrite its digest.
    let net = (computation_cost + storage_cost) as i128 - storage_rebate as i128;
    if let Some((meta, Body::Coin(b))) = ledger.get(&gas).cloned() {
        let nb = (b as i128 - net).clamp(0, u64::MAX as i128) as u64;
        ledger.insert(gas, meta.clone(), Body::Coin(nb));
        let d = ledger.materialize(&gas, &meta, &Body::Coin(nb)).digest();
        if let Some(c) = changed.iter_mut().find(|c| c.object_id == gas) {
            c.output_state = ObjectOut::ObjectWrite {
                digest: d,
                owner: meta.owner,
            };
        }
    }
    changed.sort_by_key(|c| c.object_id);
    let gas_object_index = changed
        .iter()
        .position(|c| c.object_id == gas)
        .map(|i| i as u32);
    let events = (ok && !changes.events.is_empty()).then(|| TransactionEvents(changes.events));
    let effects = TransactionEffectsV2 {
        status: match status {
            Ok(()) => ExecutionStatus::Success,
            Err(f) => failure_status(f),
        },
        epoch: 0,
        gas_used: GasCostSummary {
            computation_cost,
            storage_cost,
            storage_rebate,
            non_refundable_storage_fee,
        },
        transaction_digest: digest,
        gas_object_index,
        events_digest: events.as_ref().map(|e| e.digest()),
        dependencies: before.dependencies.iter().copied().collect(),
        lamport_version: lamport,
        changed_objects: changed,
        unchanged_consensus_objects: before
            .read_only
            .iter()
            .map(|&(id, version, digest)| UnchangedConsensusObject {
                object_id: id,
                kind: UnchangedConsensusKind::ReadOnlyRoot { version, digest },
            })
            .collect(),
        auxiliary_data_digest: None,
    };
    Ok((TransactionEffects::V2(Box::new(effects)), events))
}
