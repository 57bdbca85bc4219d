//! After the commands: gas charging (a flat, documented schedule), Lamport versioning of every
//! written object, and the Sui `TransactionEffectsV2` / `TransactionEvents` of the transaction.

use std::collections::{BTreeMap, BTreeSet};

use sui_sdk_types::{
    Address, ChangedObject, Digest, ExecutionError, ExecutionStatus, GasCostSummary, Identifier,
    MoveLocation, ObjectIn, ObjectOut, Owner, Transaction, TransactionEffects,
    TransactionEffectsV2, TransactionEvents, UnchangedConsensusKind, UnchangedConsensusObject,
};

use super::check::{Checked, In};
use super::run::{Failure, Run};
use super::writes::{self, Write};
use crate::genesis::{COMPUTATION_UNITS, DTP_PACKAGE, STORAGE_REBATE_PERCENT};
use crate::ledger::{Body, Ledger};
use dtp_protocol::digest::Salted;

/// Input object states captured before execution.
pub struct Before {
    /// Mutable inputs (gas coins, owned objects, mutable shared objects).
    pub(super) mutable: BTreeMap<Address, ObjectIn>,
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
                        digest: o.bcs_digest(),
                        owner: *o.owner(),
                    },
                );
            } else if matches!(o.owner(), Owner::Shared(_)) {
                b.read_only.push((id, o.version(), o.bcs_digest()));
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
    let ok = status.is_ok();
    let changes = std::mem::take(&mut run.changes);
    let entries_before = run.take_entries_before();
    let ledger = run.ledger_mut();
    let mut writes = writes::inputs(ledger, &before.mutable);
    // Table entries inserted by `writes::entries`, taken out again if the budget is exceeded.
    let mut inserted = Vec::new();
    if ok {
        writes.extend(writes::created(ledger, &changes.created, lamport));
        let (entries, new) = writes::entries(ledger, &entries_before, digest);
        writes.extend(entries);
        inserted = new;
    }
    let mut cost = Cost::of(ledger, tx, before, &writes, lamport, digest);
    if ok && cost.computation.saturating_add(cost.storage) > tx.gas_payment.budget {
        for id in inserted {
            ledger.remove(&id);
        }
        return Err(OverBudget);
    }
    // Out of gas: Sui charges the whole budget (computation fills what storage leaves).
    if let Err(Failure::InsufficientGas) = &status {
        cost.computation = tx.gas_payment.budget.saturating_sub(cost.storage);
    }
    let fees = std::mem::take(&mut cost.fees);
    let mut changed = writes::apply(ledger, &writes, fees, lamport, digest);
    charge_gas(ledger, gas, cost.net(), &mut changed);
    changed.sort_by_key(|c| c.object_id);
    let events = (ok && !changes.events.is_empty()).then(|| TransactionEvents(changes.events));
    let effects = assemble(status, &cost, digest, before, gas, changed, &events);
    Ok((TransactionEffects::V2(Box::new(effects)), events))
}

/// What a transaction's writes cost, computed before anything is applied: flat computation,
/// storage by bytes written, rebates of what was overwritten or deleted.
struct Cost {
    computation: u64,
    storage: u64,
    rebate: u64,
    non_refundable: u64,
    /// The storage fee of each write (`None`: deleted), its new storage rebate.
    fees: Vec<Option<u64>>,
}

impl Cost {
    fn of(
        ledger: &Ledger,
        tx: &Transaction,
        before: &Before,
        writes: &[Write],
        lamport: u64,
        digest: Digest,
    ) -> Cost {
        let computation = COMPUTATION_UNITS * tx.gas_payment.price;
        let mut old_rebates = 0u64;
        for w in writes {
            if let ObjectIn::Exist { .. } = w.before {
                old_rebates += ledger
                    .get(&w.id)
                    .map(|(m, _)| m.storage_rebate)
                    .or_else(|| before.rebates.get(&w.id).copied())
                    .unwrap_or(0);
            }
        }
        let rebate = old_rebates * STORAGE_REBATE_PERCENT / 100;
        let fees = writes::storage_fees(ledger, writes, lamport, digest);
        Cost {
            computation,
            storage: fees.iter().flatten().sum(),
            rebate,
            non_refundable: old_rebates - rebate,
            fees,
        }
    }

    /// What the gas coin pays: computation and storage, less the rebate.
    fn net(&self) -> i128 {
        (self.computation + self.storage) as i128 - self.rebate as i128
    }
}

/// Charges the gas coin `net` MIST (a negative charge is a refund) and rewrites its digest.
fn charge_gas(ledger: &mut Ledger, gas: Address, net: i128, changed: &mut [ChangedObject]) {
    if let Some((meta, Body::Coin(b))) = ledger.get(&gas).cloned() {
        let nb = (b as i128 - net).clamp(0, u64::MAX as i128) as u64;
        ledger.insert(gas, meta.clone(), Body::Coin(nb));
        let d = ledger
            .materialize(&gas, &meta, &Body::Coin(nb))
            .bcs_digest();
        if let Some(c) = changed.iter_mut().find(|c| c.object_id == gas) {
            c.output_state = ObjectOut::ObjectWrite {
                digest: d,
                owner: meta.owner,
            };
        }
    }
}

/// The `TransactionEffectsV2` of a finalised transaction (`changed` sorted by id).
fn assemble(
    status: Result<(), Failure>,
    cost: &Cost,
    digest: Digest,
    before: &Before,
    gas: Address,
    changed: Vec<ChangedObject>,
    events: &Option<TransactionEvents>,
) -> TransactionEffectsV2 {
    let gas_object_index = changed
        .iter()
        .position(|c| c.object_id == gas)
        .map(|i| i as u32);
    TransactionEffectsV2 {
        status: match status {
            Ok(()) => ExecutionStatus::Success,
            Err(f) => failure_status(f),
        },
        epoch: 0,
        gas_used: GasCostSummary {
            computation_cost: cost.computation,
            storage_cost: cost.storage,
            storage_rebate: cost.rebate,
            non_refundable_storage_fee: cost.non_refundable,
        },
        transaction_digest: digest,
        gas_object_index,
        events_digest: events.as_ref().map(|e| e.bcs_digest()),
        dependencies: before.dependencies.iter().copied().collect(),
        lamport_version: before.lamport,
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
    }
}
