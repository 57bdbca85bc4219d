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
mod tests {
    use super::*;
    use crate::client::CreatedKind;

    fn event(ty: &str, e: &Event) -> pb::Event {
        let mut p = pb::Event::default();
        p.event_type = Some(ty.to_string());
        let mut contents = pb::Bcs::default();
        contents.name = Some(ty.to_string());
        contents.value = Some(e.to_bcs().into());
        p.contents = Some(contents);
        p
    }

    #[test]
    fn dtp_events_are_found_by_their_type_in_any_spelling_and_others_skipped() {
        let package: sui_sdk_types::Address = "0xd7d7".parse().unwrap();
        let removed = Event::EndpointRemoved(dtp_protocol::events::EndpointRemoved {
            host: sui_sdk_types::Address::new([1; 32]),
            server: sui_sdk_types::Address::new([2; 32]),
        });
        let list = [
            event(&format!("{package}::events::EndpointRemoved"), &removed),
            event("0xd7d7::events::EndpointRemoved", &removed),
            event("0xd7d8::events::EndpointRemoved", &removed),
            event(&format!("{package}::other::EndpointRemoved"), &removed),
            event(&format!("{package}::events::NotADtpEvent"), &removed),
            event("not a type", &removed),
        ];
        assert_eq!(
            proto_events(package, &list).unwrap(),
            vec![removed.clone(), removed.clone()]
        );
        // A dtp event whose contents do not decode is an error naming it.
        let mut bad = event(&format!("{package}::events::EndpointRemoved"), &removed);
        bad.contents.as_mut().unwrap().value = Some(vec![1, 2, 3].into());
        let e = proto_events(package, &[bad]).unwrap_err().to_string();
        assert!(e.contains("EndpointRemoved"), "{e}");
    }

    fn effects(status: ExecutionStatus, changed: Vec<ChangedObject>) -> TransactionEffectsV2 {
        TransactionEffectsV2 {
            status,
            epoch: 0,
            gas_used: sui_sdk_types::GasCostSummary::new(1_000, 2_000, 300, 0),
            transaction_digest: Digest::new([9; 32]),
            gas_object_index: Some(0),
            events_digest: None,
            dependencies: vec![],
            lamport_version: 7,
            changed_objects: changed,
            unchanged_consensus_objects: vec![],
            auxiliary_data_digest: None,
        }
    }

    fn created_object(id: u8, owner: Owner) -> ChangedObject {
        ChangedObject {
            object_id: Address::new([id; 32]),
            input_state: sui_sdk_types::ObjectIn::NotExist,
            output_state: ObjectOut::ObjectWrite {
                digest: Digest::new([id; 32]),
                owner,
            },
            id_operation: IdOperation::Created,
        }
    }

    fn answer(
        fx: &TransactionEffectsV2,
        events: Option<Vec<sui_sdk_types::Event>>,
    ) -> pb::ExecutedTransaction {
        let mut t = pb::ExecutedTransaction::default();
        t.digest = Some(fx.transaction_digest.to_string());
        let mut e = pb::TransactionEffects::default();
        e.bcs = Some(pb::Bcs::serialize(&TransactionEffects::V2(Box::new(fx.clone()))).unwrap());
        t.effects = Some(e);
        if let Some(evs) = events {
            let mut te = pb::TransactionEvents::default();
            te.bcs = Some(pb::Bcs::serialize(&TransactionEvents(evs)).unwrap());
            t.events = Some(te);
        }
        t.checkpoint = Some(42);
        t
    }

    fn sdk_event(package: Address, module: &str, name: &str, e: &Event) -> sui_sdk_types::Event {
        sui_sdk_types::Event {
            package_id: package,
            module: sui_sdk_types::Identifier::new(module).unwrap(),
            sender: Address::new([3; 32]),
            type_: sui_sdk_types::StructTag::new(
                package,
                sui_sdk_types::Identifier::new(module).unwrap(),
                sui_sdk_types::Identifier::new(name).unwrap(),
                vec![],
            ),
            contents: e.to_bcs(),
        }
    }

    #[test]
    fn an_answer_in_bcs_gives_the_gas_coin_what_was_created_and_the_dtp_events() {
        let package: Address = "0xd7d7".parse().unwrap();
        let me = Address::new([5; 32]);
        let gas = ChangedObject {
            id_operation: IdOperation::None,
            ..created_object(1, Owner::Address(me))
        };
        let fx = effects(
            ExecutionStatus::Success,
            vec![
                gas,
                created_object(2, Owner::Shared(7)),
                created_object(3, Owner::Address(me)),
            ],
        );
        let removed = Event::EndpointRemoved(dtp_protocol::events::EndpointRemoved {
            host: Address::new([1; 32]),
            server: Address::new([2; 32]),
        });
        let other: Address = "0xd7d8".parse().unwrap();
        let evs = vec![
            sdk_event(package, "events", "EndpointRemoved", &removed),
            sdk_event(other, "events", "EndpointRemoved", &removed),
            sdk_event(package, "other", "EndpointRemoved", &removed),
        ];
        let t = Executed::decode(&answer(&fx, Some(evs))).unwrap();
        assert_eq!(
            t.gas_object(),
            Some(ObjectReference::new(
                Address::new([1; 32]),
                7,
                Digest::new([1; 32])
            ))
        );
        let o = parse(package, "f", t).unwrap();
        assert_eq!(
            o.events,
            vec![removed],
            "only the package's `events` module counts"
        );
        assert_eq!(o.checkpoint, Some(42));
        assert_eq!(o.gas.net(), 2_700);
        assert_eq!(
            o.first_created(CreatedKind::Shared),
            Some(Address::new([2; 32]))
        );
        assert_eq!(
            o.first_created(CreatedKind::OwnedBy(me)),
            Some(Address::new([3; 32]))
        );
        assert_eq!(o.first_created(CreatedKind::Package), None);
        // A publish: the package is told by its write, the UpgradeCap by its owner.
        let package_write = ChangedObject {
            output_state: ObjectOut::PackageWrite {
                version: 1,
                digest: Digest::new([8; 32]),
            },
            ..created_object(8, Owner::Immutable)
        };
        let mut fx = fx.clone();
        fx.changed_objects.push(package_write);
        let o = parse(
            package,
            "publish",
            Executed::decode(&answer(&fx, None)).unwrap(),
        )
        .unwrap();
        assert_eq!(
            o.first_created(CreatedKind::Package),
            Some(Address::new([8; 32]))
        );
        assert_eq!(
            o.first_created(CreatedKind::OwnedBy(me)),
            Some(Address::new([3; 32]))
        );

        // No events: the node leaves them out.
        let t = Executed::decode(&answer(&fx, None)).unwrap();
        assert!(parse(package, "f", t).unwrap().events.is_empty());
        // An answer without the effects' BCS (a node that ignored the mask) is named.
        let mut bare = answer(&fx, None);
        bare.effects = Some(pb::TransactionEffects::default());
        let e = Executed::decode(&bare).unwrap_err().to_string();
        assert!(e.contains("effects.bcs"), "{e}");
        // A dtp event whose contents do not decode is an error naming it.
        let mut bad = sdk_event(
            package,
            "events",
            "EndpointRemoved",
            &Event::EndpointRemoved(dtp_protocol::events::EndpointRemoved {
                host: me,
                server: me,
            }),
        );
        bad.contents = vec![1, 2, 3];
        let t = Executed::decode(&answer(&fx, Some(vec![bad]))).unwrap();
        let e = parse(package, "f", t).unwrap_err().to_string();
        assert!(e.contains("EndpointRemoved"), "{e}");
    }

    #[test]
    fn a_failure_is_its_abort_or_says_what_happened_and_what_to_do() {
        let package: Address = "0xd7d7".parse().unwrap();
        let fail = |error: ExecutionError, command: Option<u64>| {
            let fx = effects(ExecutionStatus::Failure { error, command }, vec![]);
            parse(
                package,
                "complete",
                Executed::decode(&answer(&fx, None)).unwrap(),
            )
            .unwrap_err()
        };
        let abort = MoveAbort::NotAssignee;
        {
            let location = sui_sdk_types::MoveLocation {
                package,
                module: sui_sdk_types::Identifier::new("pipe").unwrap(),
                function: 0,
                instruction: 0,
                function_name: None,
            };
            match fail(
                ExecutionError::MoveAbort {
                    location,
                    code: abort.abort_code(),
                },
                Some(3),
            ) {
                Error::Aborted {
                    abort: a,
                    command,
                    function,
                    ..
                } => {
                    assert_eq!(
                        (a, command, function.as_str()),
                        (abort, Some(3), "complete")
                    );
                }
                e => panic!("{e}"),
            }
        }
        assert_eq!(
            fail(ExecutionError::InsufficientGas, None).to_string(),
            Error::Failed {
                description: "InsufficientGas: computation and storage cost more than the gas \
                    budget (raise the budget: ClientConfig::gas_budget)"
                    .into(),
                digest: Digest::new([9; 32]),
            }
            .to_string()
        );
        let e = fail(ExecutionError::InsufficientCoinBalance, None).to_string();
        assert!(
            e.contains("a coin holds less than the amount asked of it"),
            "{e}"
        );
    }
}
