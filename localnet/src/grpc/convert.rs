//! From the node's data to `sui.rpc.v2` messages, honouring read masks the way Sui does: only the
//! fields a mask names are built (nested masks per part), each as sui-rpc would build it.

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
/// [`needs_ledger`] says so. Each part is converted under its own sub-mask, so what the mask leaves
/// out costs nothing (converting — Base58 digests, hex addresses, type names, BCS and digests of
/// whole sections — is most of an answer's cost).
pub fn executed(
    ledger: Option<&Ledger>,
    e: &Executed,
    checkpoint: Option<u64>,
    m: &FieldMaskTree,
) -> pb::ExecutedTransaction {
    let mut out = pb::ExecutedTransaction::default();
    if m.contains("digest") {
        out.digest = Some(e.digest.to_string());
    }
    if let Some(tm) = m.subtree("transaction") {
        out.transaction = Some(pb::Transaction::merge_from(e.transaction.clone(), &tm));
    }
    if let Some(sm) = m.subtree("signatures") {
        out.signatures = e
            .signatures
            .iter()
            .cloned()
            .map(|s| pb::UserSignature::merge_from(s, &sm))
            .collect();
    }
    if let Some(em) = m.subtree("effects") {
        out.effects = Some(effects(e, &em));
    }
    if let Some(em) = m.subtree("events") {
        out.events = e.events.as_ref().map(|ev| events(ev, &em));
    }
    if m.contains("checkpoint") {
        out.checkpoint = checkpoint;
    }
    if m.contains("timestamp") {
        out.timestamp = Some(timestamp(e.timestamp_ms));
    }
    if let (Some(ledger), Some(om)) = (ledger, m.subtree("objects")) {
        let sui_sdk_types::TransactionEffects::V2(fx) = &e.effects else {
            unreachable!("v2 effects")
        };
        let mut set = pb::ObjectSet::default();
        set.objects = fx
            .changed_objects
            .iter()
            .filter(|c| matches!(c.output_state, ObjectOut::ObjectWrite { .. }))
            .filter_map(|c| ledger.object(&c.object_id).map(pb::Object::from))
            .collect();
        out.objects = Some(pb::ObjectSet::merge_from(&set, &om));
    }
    out
}

/// The masked effects, each changed object annotated with its type as Sui's fullnode does (the
/// SDK finds what a transaction created by them).
fn effects(e: &Executed, m: &FieldMaskTree) -> pb::TransactionEffects {
    let mut effects = pb::TransactionEffects::merge_from(&e.effects, m);
    let sui_sdk_types::TransactionEffects::V2(fx) = &e.effects else {
        unreachable!("v2 effects")
    };
    let type_of = |id: &Address| {
        e.object_types
            .iter()
            .find(|(o, _)| o == id)
            .map(|(_, t)| type_name(t))
    };
    // The proto lists the changed objects in the effects' order.
    if effects.changed_objects.len() == fx.changed_objects.len() {
        for (c, sdk) in effects.changed_objects.iter_mut().zip(&fx.changed_objects) {
            c.object_type = type_of(&sdk.object_id);
        }
    }
    effects
}

/// The masked events, field for field what sui-rpc's conversion gives, but with each type name
/// from [`type_name`] (sui-rpc formats it twice per event, and a checkpoint's events are mostly
/// of a few types) and without copying the events first.
fn events(ev: &sui_sdk_types::TransactionEvents, m: &FieldMaskTree) -> pb::TransactionEvents {
    let mut out = pb::TransactionEvents::default();
    if m.contains("bcs") {
        let mut bcs = pb::Bcs::serialize(ev).expect("events serialise");
        bcs.name = Some("TransactionEvents".to_owned());
        out.bcs = Some(bcs);
    }
    if m.contains("digest") {
        out.digest = Some(ev.digest().to_string());
    }
    if let Some(m) = m.subtree("events") {
        out.events = ev.0.iter().map(|e| event(e, &m)).collect();
    }
    out
}

/// One event under the `events` sub-mask (see [`events`]).
fn event(e: &sui_sdk_types::Event, m: &FieldMaskTree) -> pb::Event {
    let mut p = pb::Event::default();
    if m.contains("package_id") {
        p.package_id = Some(e.package_id.to_string());
    }
    if m.contains("module") {
        p.module = Some(e.module.to_string());
    }
    if m.contains("sender") {
        p.sender = Some(e.sender.to_string());
    }
    let (wants_type, wants_contents) = (m.contains("event_type"), m.contains("contents"));
    if wants_type || wants_contents {
        let name = type_name(&e.type_);
        if wants_contents {
            let mut contents = pb::Bcs::default();
            contents.name = Some(name.clone());
            contents.value = Some(e.contents.clone().into());
            p.contents = Some(contents);
        }
        if wants_type {
            p.event_type = Some(name);
        }
    }
    p
}

/// `t` as Sui spells it, formatted once per type: the same few types (coins, Pipes, their table
/// entries) recur in every answer, and formatting an address is slow.
fn type_name(t: &sui_sdk_types::StructTag) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<sui_sdk_types::StructTag, String>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock().expect("lock");
    if let Some(n) = names.get(t) {
        return n.clone();
    }
    // Bounded: a chain with very many types only formats again.
    if names.len() >= 4096 {
        names.clear();
    }
    let n = t.to_string();
    names.insert(t.clone(), n.clone());
    n
}

/// A checkpoint as a masked proto Checkpoint (transactions masked by `transactions.*`).
pub fn checkpoint(ledger: Option<&Ledger>, cp: &Checkpoint, m: &FieldMaskTree) -> pb::Checkpoint {
    let mut out = pb::Checkpoint::default();
    // Only what the mask names: a summary's or contents' BCS and digests cost more than the rest.
    if let Some(sm) = m.subtree("summary") {
        out.summary = Some(pb::CheckpointSummary::merge_from(cp.summary.clone(), &sm));
    }
    if let Some(cm) = m.subtree("contents") {
        out.contents = Some(pb::CheckpointContents::merge_from(cp.contents.clone(), &cm));
    }
    if m.contains("sequence_number") {
        out.sequence_number = Some(cp.summary.sequence_number);
    }
    if m.contains("digest") {
        out.digest = Some(cp.digest.to_string());
    }
    if let Some(tm) = m.subtree("transactions") {
        out.transactions = cp
            .transactions
            .iter()
            .map(|e| executed(ledger, e, Some(cp.summary.sequence_number), &tm))
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_convert_as_sui_rpc_converts_them_under_any_mask() {
        let ty: sui_sdk_types::StructTag = "0xd7d7::events::Assigned".parse().unwrap();
        let ev = sui_sdk_types::TransactionEvents(
            (0..3u8)
                .map(|i| sui_sdk_types::Event {
                    package_id: Address::new([1; 32]),
                    module: sui_sdk_types::Identifier::new("pipe").unwrap(),
                    sender: Address::new([i; 32]),
                    type_: ty.clone(),
                    contents: vec![i; 5],
                })
                .collect(),
        );
        for mask in [
            "events.event_type,events.contents",
            "events.event_type",
            "events.contents",
            "events.sender,events.package_id,events.module",
            "events",
            "bcs",
            "digest,events.event_type",
            "bcs,digest,events",
        ] {
            let m = FieldMaskTree::from_field_mask(&FieldMask::from_str(mask));
            assert_eq!(
                events(&ev, &m),
                pb::TransactionEvents::merge_from(ev.clone(), &m),
                "{mask}"
            );
        }
    }

    #[test]
    fn type_names_are_the_types_spelling_from_the_first_use_on() {
        for t in [
            "0x2::coin::Coin<0x2::sui::SUI>",
            "0xd7d7::pipe::Pipe",
            "0x2::dynamic_field::Field<u64, 0xd7d7::pipe::Pending>",
        ] {
            let tag: sui_sdk_types::StructTag = t.parse().unwrap();
            assert_eq!(type_name(&tag), tag.to_string());
            assert_eq!(type_name(&tag), tag.to_string(), "kept: {t}");
        }
    }
}
