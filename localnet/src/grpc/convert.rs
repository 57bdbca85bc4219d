//! From the node's data to `sui.rpc.v2` messages, honouring read masks the way Sui does: build the
//! full message, then keep the fields the mask names.

use prost_types::{FieldMask, Timestamp};
use sui_rpc::field::{FieldMaskTree, FieldMaskUtil};
use sui_rpc::merge::Merge;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest, ObjectOut};
use tonic::Status;

use crate::chain::Checkpoint;
use crate::exec::Executed;
use crate::ledger::Ledger;

/// The mask to apply: the request's, or `default` when absent or empty.
pub fn mask(m: Option<&FieldMask>, default: &str) -> FieldMaskTree {
    match m {
        Some(m) if !m.paths.is_empty() => FieldMaskTree::from_field_mask(m),
        _ => FieldMaskTree::from_field_mask(&FieldMask::from_str(default)),
    }
}

pub fn timestamp(ms: u64) -> Timestamp {
    Timestamp {
        seconds: (ms / 1000) as i64,
        nanos: ((ms % 1000) * 1_000_000) as i32,
    }
}

pub fn address(field: &str, s: Option<&str>) -> Result<Address, Status> {
    let s = s.ok_or_else(|| Status::invalid_argument(format!("missing `{field}`")))?;
    s.parse()
        .map_err(|e| Status::invalid_argument(format!("`{field}` is not a Sui address ({s}): {e}")))
}

pub fn digest(field: &str, s: Option<&str>) -> Result<Digest, Status> {
    let s = s.ok_or_else(|| Status::invalid_argument(format!("missing `{field}`")))?;
    let bad = |e: String| {
        Status::invalid_argument(format!("`{field}` is not a transaction digest ({s}): {e}"))
    };
    let d: Digest = s.parse().map_err(|e| bad(format!("{e}")))?;
    // The Base58 decoder pads short input with zeros: only the canonical 32-byte form is a digest.
    if d.to_string() != s {
        return Err(bad("not 32 bytes in Base58".into()));
    }
    Ok(d)
}

/// A stored object as a masked proto Object.
pub fn object(ledger: &Ledger, id: &Address, m: &FieldMaskTree) -> Option<pb::Object> {
    let o = ledger.object(id)?;
    let mut full = pb::Object::from(o.clone());
    if let Some(s) = o.as_struct() {
        if s.object_type() == &sui_sdk_types::StructTag::gas_coin() {
            full.balance = Some(u64::from_le_bytes(
                s.contents()[32..40].try_into().expect("coin balance"),
            ));
        }
    }
    Some(pb::Object::merge_from(&full, m))
}

/// True when answering with `m` reads the ledger (only the `objects` field does).
pub fn needs_ledger(m: &FieldMaskTree) -> bool {
    m.contains("objects")
}

/// An executed transaction as a masked proto ExecutedTransaction. `ledger` is needed only when
/// [`needs_ledger`] says so.
pub fn executed(
    ledger: Option<&Ledger>,
    e: &Executed,
    checkpoint: Option<u64>,
    m: &FieldMaskTree,
) -> pb::ExecutedTransaction {
    let objects = if let Some(ledger) = ledger.filter(|_| m.contains("objects")) {
        let sui_sdk_types::TransactionEffects::V2(fx) = &e.effects else {
            unreachable!("v2 effects")
        };
        let list = fx
            .changed_objects
            .iter()
            .filter(|c| matches!(c.output_state, ObjectOut::ObjectWrite { .. }))
            .filter_map(|c| ledger.object(&c.object_id).map(pb::Object::from))
            .collect();
        let mut set = pb::ObjectSet::default();
        set.objects = list;
        Some(set)
    } else {
        None
    };
    // Only the parts the mask asks for are built: converting is most of a response's cost.
    let mut full = pb::ExecutedTransaction::default();
    full.digest = Some(e.digest.to_string());
    if m.contains("transaction") {
        full.transaction = Some(pb::Transaction::from(e.transaction.clone()));
    }
    if m.contains("signatures") {
        full.signatures = e
            .signatures
            .iter()
            .cloned()
            .map(pb::UserSignature::from)
            .collect();
    }
    if m.contains("effects") {
        let mut effects = pb::TransactionEffects::from(e.effects.clone());
        // Sui's fullnode annotates changed objects with their types; the SDK uses them to find
        // what a transaction created.
        for c in effects.changed_objects.iter_mut() {
            if let Some(id) = c
                .object_id
                .as_deref()
                .and_then(|s| s.parse::<Address>().ok())
            {
                if let Some((_, t)) = e.object_types.iter().find(|(o, _)| *o == id) {
                    c.object_type = Some(t.to_string());
                }
            }
        }
        full.effects = Some(effects);
    }
    if m.contains("events") {
        full.events = e.events.clone().map(pb::TransactionEvents::from);
    }
    full.checkpoint = checkpoint;
    full.timestamp = Some(timestamp(e.timestamp_ms));
    full.objects = objects;
    pb::ExecutedTransaction::merge_from(&full, m)
}

/// A checkpoint as a masked proto Checkpoint (transactions masked by `transactions.*`).
pub fn checkpoint(ledger: Option<&Ledger>, cp: &Checkpoint, m: &FieldMaskTree) -> pb::Checkpoint {
    let mut full = pb::Checkpoint::default();
    full.merge(&cp.summary, &FieldMaskTree::new_wildcard());
    full.merge(cp.contents.clone(), &FieldMaskTree::new_wildcard());
    full.sequence_number = Some(cp.summary.sequence_number);
    full.digest = Some(cp.digest.to_string());
    if let Some(tm) = m.subtree("transactions") {
        full.transactions = cp
            .transactions
            .iter()
            .map(|e| executed(ledger, e, Some(cp.summary.sequence_number), &tm))
            .collect();
    }
    pb::Checkpoint::merge_from(&full, m)
}
