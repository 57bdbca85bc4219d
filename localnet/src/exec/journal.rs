//! The undo journal of one transaction. Before a command changes an object, the object is saved as
//! it was before the transaction first touched it (a Pipe only in the parts a call can touch: its
//! struct and the table entries of the sequence numbers the call names). Rolling back puts every
//! saved object back, so a failing command leaves the ledger as it was and only gas is charged,
//! as on Sui.

use std::collections::BTreeMap;

use dtp_protocol::{Pipe, Request};
use sui_sdk_types::Address;

use crate::ledger::{Body, Ledger, Meta};

/// Table entries as they were before the transaction: (pipe, seq) -> (pending, dead).
pub type EntriesBefore = BTreeMap<(Address, u64), (Option<Request>, Option<Request>)>;

/// Saved state of one object before the transaction touched it.
enum Saved {
    Whole(Option<(Meta, Body)>),
    /// A Pipe: its struct and the entries of the sequence numbers a call may touch.
    PipePart {
        pipe: Pipe,
        entries: BTreeMap<(bool, u64), Option<Request>>,
    },
}

/// Every object a transaction may have changed, as it was before the transaction.
#[derive(Default)]
pub struct Journal {
    saved: BTreeMap<Address, Saved>,
    /// The table entries the transaction touched, as they were (its effects write them out).
    pub entries_before: EntriesBefore,
}

impl Journal {
    /// Saves object `id` whole, unless the transaction touched it already.
    pub fn save(&mut self, ledger: &Ledger, id: Address) {
        self.saved
            .entry(id)
            .or_insert_with(|| Saved::Whole(ledger.get(&id).cloned()));
    }

    /// Saves Pipe `id`'s struct and its table entries for `seq` (pending and dead), unless saved
    /// already.
    pub fn save_pipe_seq(&mut self, ledger: &Ledger, id: Address, seq: u64) {
        let p = ledger.pipe(&id).expect("checked pipe");
        let (pending, dead) = (p.pending.get(&seq).cloned(), p.dead.get(&seq).cloned());
        self.entries_before
            .entry((id, seq))
            .or_insert_with(|| (pending.clone(), dead.clone()));
        let pipe = p.pipe.clone();
        let saved = self.saved.entry(id).or_insert_with(|| Saved::PipePart {
            pipe,
            entries: BTreeMap::new(),
        });
        if let Saved::PipePart { entries, .. } = saved {
            entries.entry((false, seq)).or_insert(pending);
            entries.entry((true, seq)).or_insert(dead);
        }
    }

    /// Puts every saved object back into `ledger` as it was, and empties the journal.
    pub fn rollback(&mut self, ledger: &mut Ledger) {
        for (id, saved) in std::mem::take(&mut self.saved) {
            match saved {
                Saved::Whole(None) => {
                    ledger.remove(&id);
                }
                Saved::Whole(Some((meta, body))) => ledger.insert(id, meta, body),
                Saved::PipePart { pipe, entries } => {
                    let Some((_, Body::Pipe(p))) = ledger.get_mut(&id) else {
                        continue;
                    };
                    p.pipe = pipe;
                    for ((dead, seq), r) in entries {
                        let table = if dead { &mut p.dead } else { &mut p.pending };
                        match r {
                            Some(r) => table.insert(seq, r),
                            None => table.remove(&seq),
                        };
                    }
                }
            }
        }
        self.entries_before.clear();
    }
}
