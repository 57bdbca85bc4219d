//! The objects a transaction writes, for its effects: its mutable inputs (always), and for a
//! successful run the objects it created and the table entries it changed (each entry a
//! `dynamic_field::Field` object); then applying them at the transaction's Lamport version.

use std::collections::{BTreeMap, BTreeSet};

use sui_sdk_types::{Address, ChangedObject, Digest, IdOperation, ObjectIn, ObjectOut, Owner};

use super::journal::EntriesBefore;
use crate::genesis::STORAGE_PRICE_PER_BYTE;
use crate::ledger::{Body, Ledger, Meta};
use crate::objects::{self, field_contents, move_object, table_entry_id};
use dtp_protocol::digest::Salted;

/// One written or deleted object for the effects.
pub(super) struct Write {
    pub id: Address,
    pub before: ObjectIn,
    pub after: Option<Owner>,
    pub op: IdOperation,
}

/// The mutable inputs: always written (even by a failed transaction), except merged coins, which
/// are deleted.
pub(super) fn inputs(ledger: &Ledger, mutable: &BTreeMap<Address, ObjectIn>) -> Vec<Write> {
    mutable
        .iter()
        .map(|(id, obj_in)| {
            let after = ledger.get(id).map(|(m, _)| m.owner);
            let op = if after.is_none() {
                IdOperation::Deleted
            } else {
                IdOperation::None
            };
            Write {
                id: *id,
                before: obj_in.clone(),
                after,
                op,
            }
        })
        .collect()
}

/// The objects a successful run created; a new shared object's initial version is `lamport`.
pub(super) fn created(ledger: &Ledger, created: &BTreeSet<Address>, lamport: u64) -> Vec<Write> {
    created
        .iter()
        .map(|id| {
            let mut owner = ledger.get(id).expect("created").0.owner;
            if owner == Owner::Shared(0) {
                owner = Owner::Shared(lamport);
            }
            Write {
                id: *id,
                before: ObjectIn::NotExist,
                after: Some(owner),
                op: IdOperation::Created,
            }
        })
        .collect()
}

/// The table entries a successful run changed, each its Field object created, mutated or
/// deleted. The Field object of a new entry is inserted into the ledger now (version 0 until
/// [`apply`]); their ids are returned too, so that an over-budget run can take them out again.
pub(super) fn entries(
    ledger: &mut Ledger,
    entries_before: &EntriesBefore,
    digest: Digest,
) -> (Vec<Write>, Vec<Address>) {
    let mut writes = Vec::new();
    let mut inserted = Vec::new();
    for ((pipe, seq), (pending, dead)) in entries_before {
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
                        digest: o.bcs_digest(),
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
    (writes, inserted)
}

/// The storage fee of each write at its new version (`None`: deleted), before anything is
/// applied.
pub(super) fn storage_fees(
    ledger: &Ledger,
    writes: &[Write],
    lamport: u64,
    digest: Digest,
) -> Vec<Option<u64>> {
    writes
        .iter()
        .map(|w| {
            w.after.map(|owner| {
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
            })
        })
        .collect()
}

/// Applies the writes: metadata at version `lamport` (its storage fee the new rebate), and
/// deletions; returns each as a changed object of the effects.
pub(super) fn apply(
    ledger: &mut Ledger,
    writes: &[Write],
    fees: Vec<Option<u64>>,
    lamport: u64,
    digest: Digest,
) -> Vec<ChangedObject> {
    let mut changed = Vec::with_capacity(writes.len());
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
                let digest = ledger.materialize(&w.id, meta, body).bcs_digest();
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
    changed
}
