//! Reading an executed transaction: success with its dtp events and created objects, or the typed
//! error of a failed one. The node is asked for the effects and events as BCS ([`Executed`]):
//! decoded once into Sui's own types, no ids, digests or type names as strings on either side.

use dtp_protocol::{Event, MoveAbort};
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{
    Address, ChangedObject, Digest, ExecutionError, ExecutionStatus, IdOperation, ObjectOut,
    ObjectReference, Owner, TransactionEffects, TransactionEffectsV2, TransactionEvents,
};

use crate::client::{Created, Outcome};
use crate::error::{Error, Result};

/// An executed transaction as the SDK reads it: decoded from an answer to
/// `digest,effects.bcs,events.bcs,checkpoint`.
#[derive(Debug, Clone)]
pub(crate) struct Executed {
    pub digest: Digest,
    pub effects: TransactionEffectsV2,
    /// Every event it emitted, any package's.
    pub events: Vec<sui_sdk_types::Event>,
    pub checkpoint: Option<u64>,
}

fn decode_err(what: &str, reason: impl std::fmt::Display) -> Error {
    Error::Decode {
        what: what.into(),
        reason: reason.to_string(),
    }
}

impl Executed {
    /// Decodes a node's answer; an answer without the effects' BCS is an error naming it.
    pub(crate) fn decode(t: &pb::ExecutedTransaction) -> Result<Executed> {
        let digest = t
            .digest()
            .parse()
            .map_err(|e| decode_err("transaction digest", e))?;
        let bcs = t
            .effects
            .as_ref()
            .and_then(|e| e.bcs.as_ref())
            .ok_or_else(|| decode_err("execute response", "no effects.bcs"))?;
        let effects = match bcs.deserialize::<TransactionEffects>() {
            Ok(TransactionEffects::V2(fx)) => *fx,
            Ok(_) => return Err(decode_err("effects", "effects of a version before V2")),
            Err(e) => return Err(decode_err("effects", e)),
        };
        // A node leaves `events` out when there are none.
        let events = match t.events.as_ref().and_then(|e| e.bcs.as_ref()) {
            Some(b) => {
                b.deserialize::<TransactionEvents>()
                    .map_err(|e| decode_err("events", e))?
                    .0
            }
            None => Vec::new(),
        };
        Ok(Executed {
            digest,
            effects,
            events,
            checkpoint: t.checkpoint_opt(),
        })
    }

    /// The gas coin as the transaction left it.
    pub(crate) fn gas_object(&self) -> Option<ObjectReference> {
        let c = self
            .effects
            .changed_objects
            .get(self.effects.gas_object_index? as usize)?;
        self.written(c).map(|(r, _)| r)
    }

    /// A changed object's reference and owner after the transaction, if it still exists.
    pub(crate) fn written(&self, c: &ChangedObject) -> Option<(ObjectReference, Owner)> {
        match &c.output_state {
            ObjectOut::ObjectWrite { digest, owner } => Some((
                ObjectReference::new(c.object_id, self.effects.lamport_version, *digest),
                *owner,
            )),
            _ => None,
        }
    }
}

pub(crate) fn parse(package: Address, function: &str, t: Executed) -> Result<Outcome> {
    let digest = t.digest;
    if let ExecutionStatus::Failure { error, command } = &t.effects.status {
        if let ExecutionError::MoveAbort { code, .. } = error {
            if let Some(abort) = MoveAbort::from_abort_code(*code) {
                return Err(Error::Aborted {
                    abort,
                    function: function.to_string(),
                    digest,
                    command: *command,
                });
            }
        }
        return Err(Error::Failed {
            description: failure_text(error),
            digest,
        });
    }
    let g = &t.effects.gas_used;
    Ok(Outcome {
        digest,
        events: dtp_events(package, &t.events)?,
        created: created(&t.effects),
        checkpoint: t.checkpoint,
        gas: crate::client::GasUsed {
            computation: g.computation_cost,
            storage: g.storage_cost,
            rebate: g.storage_rebate,
        },
    })
}

/// What a failure that is not a dtp abort means, in words: its kind and for the usual kinds
/// what to do.
fn failure_text(err: &ExecutionError) -> String {
    let hint = match err {
        ExecutionError::InsufficientGas => {
            ": computation and storage cost more than the gas budget (raise the budget: \
             ClientConfig::gas_budget)"
        }
        ExecutionError::InsufficientCoinBalance => {
            ": a coin holds less than the amount asked of it"
        }
        _ => "",
    };
    format!("{err:?}{hint}")
}

/// The dtp events among a transaction's events (any other package's are skipped).
pub(crate) fn dtp_events(package: Address, events: &[sui_sdk_types::Event]) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for e in events {
        let t = &e.type_;
        if t.address() != &package || t.module().as_str() != dtp_protocol::events::EVENTS_MODULE {
            continue;
        }
        match Event::from_bcs(t.name().as_str(), &e.contents) {
            Ok(Some(ev)) => out.push(ev),
            Ok(None) => {}
            Err(err) => return Err(decode_err(&format!("event {t}"), err)),
        }
    }
    Ok(out)
}

/// The dtp events among `events` as a checkpoint's transactions carry them (type names and
/// contents; any other package's are skipped).
pub(crate) fn proto_events(package: Address, events: &[pb::Event]) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for e in events {
        let ty = e.event_type();
        let tag: sui_sdk_types::StructTag;
        let name = match dtp_event_name(&package, ty) {
            Some(name) => name,
            None => {
                let Ok(parsed) = ty.parse::<sui_sdk_types::StructTag>() else {
                    continue;
                };
                tag = parsed;
                if tag.address() != &package
                    || tag.module().as_str() != dtp_protocol::events::EVENTS_MODULE
                {
                    continue;
                }
                tag.name().as_str()
            }
        };
        match Event::from_bcs(name, e.contents().value()) {
            Ok(Some(ev)) => out.push(ev),
            Ok(None) => {}
            Err(err) => {
                return Err(Error::Decode {
                    what: format!("event {ty}"),
                    reason: err.to_string(),
                })
            }
        }
    }
    Ok(out)
}

/// The struct name of a dtp event type spelt as nodes spell it (`0x`, the package's 64 hex
/// digits, `::events::Name`), found without parsing or allocating; `None` for anything else.
fn dtp_event_name<'a>(package: &sui_sdk_types::Address, ty: &'a str) -> Option<&'a str> {
    let (hex_address, rest) = ty.strip_prefix("0x")?.split_at_checked(64)?;
    let mut address = [0u8; 32];
    hex::decode_to_slice(hex_address, &mut address).ok()?;
    let name = rest
        .strip_prefix("::")?
        .strip_prefix(dtp_protocol::events::EVENTS_MODULE)?
        .strip_prefix("::")?;
    let plain = name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (address == package.into_inner() && plain).then_some(name)
}

/// The objects a transaction created, each with what it became: shared, owned, a package.
fn created(fx: &TransactionEffectsV2) -> Vec<Created> {
    fx.changed_objects
        .iter()
        .filter(|c| c.id_operation == IdOperation::Created)
        .filter_map(|c| {
            let kind = match &c.output_state {
                ObjectOut::ObjectWrite { owner, .. } => match owner {
                    Owner::Shared(_) | Owner::ConsensusAddress { .. } => {
                        crate::client::CreatedKind::Shared
                    }
                    Owner::Address(a) => crate::client::CreatedKind::OwnedBy(*a),
                    Owner::Object(o) => crate::client::CreatedKind::InObject(*o),
                    Owner::Immutable => crate::client::CreatedKind::Immutable,
                    _ => return None,
                },
                ObjectOut::PackageWrite { .. } => crate::client::CreatedKind::Package,
                _ => return None,
            };
            Some(Created {
                id: c.object_id,
                kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
