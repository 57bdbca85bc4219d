//! Reading an executed transaction: success with its dtp events and created objects, or the typed
//! error of a failed one.

use dtp_protocol::{Event, MoveAbort};
use sui_rpc::proto::sui::rpc::v2 as pb;

use crate::client::Outcome;
use crate::error::{Error, Result};

pub(crate) fn parse(
    package: sui_sdk_types::Address,
    function: &str,
    t: pb::ExecutedTransaction,
) -> Result<Outcome> {
    let digest = t.digest().parse().map_err(|e| Error::Decode {
        what: "digest".into(),
        reason: format!("{e}"),
    })?;
    let status = t.effects().status();
    if !status.success() {
        let err = status.error();
        if let Some(code) = err.abort_opt().and_then(|a| a.abort_code_opt()) {
            if let Some(abort) = MoveAbort::from_abort_code(code) {
                return Err(Error::Aborted {
                    abort,
                    function: function.to_string(),
                    digest,
                    command: err.command,
                });
            }
        }
        return Err(Error::Failed {
            description: failure_text(err),
            digest,
        });
    }
    Ok(Outcome {
        digest,
        events: events(package, &t.events().events)?,
        created: created(&t),
        checkpoint: t.checkpoint_opt(),
        gas: {
            let g = t.effects().gas_used();
            crate::client::GasUsed {
                computation: g.computation_cost(),
                storage: g.storage_cost(),
                rebate: g.storage_rebate(),
            }
        },
    })
}

/// What a failure that is not a dtp abort means, in words: its kind, what the node said, and for
/// the usual kinds what to do.
fn failure_text(err: &pb::ExecutionError) -> String {
    use pb::execution_error::ExecutionErrorKind as K;
    let kind = err.kind();
    let hint = match kind {
        K::InsufficientGas => {
            ": computation and storage cost more than the gas budget (raise the budget: \
             ClientConfig::gas_budget)"
        }
        K::InsufficientCoinBalance => ": a coin holds less than the amount asked of it",
        _ => "",
    };
    let said = err.description();
    let name = format!("{kind:?}");
    let said = if said.is_empty() || said == name {
        String::new()
    } else {
        format!(" ({said})")
    };
    format!("{name}{hint}{said}")
}

/// The dtp events among `events` (any other package's are skipped).
pub(crate) fn events(package: sui_sdk_types::Address, events: &[pb::Event]) -> Result<Vec<Event>> {
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

fn created(t: &pb::ExecutedTransaction) -> Vec<(sui_sdk_types::Address, String)> {
    t.effects()
        .changed_objects
        .iter()
        .filter(|c| c.id_operation() == pb::changed_object::IdOperation::Created)
        .filter_map(|c| Some((c.object_id().parse().ok()?, c.object_type().to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pb::execution_error::ExecutionErrorKind as K;

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
            events(package, &list).unwrap(),
            vec![removed.clone(), removed.clone()]
        );
        // A dtp event whose contents do not decode is an error naming it.
        let mut bad = event(&format!("{package}::events::EndpointRemoved"), &removed);
        bad.contents.as_mut().unwrap().value = Some(vec![1, 2, 3].into());
        let e = events(package, &[bad]).unwrap_err().to_string();
        assert!(e.contains("EndpointRemoved"), "{e}");
    }

    fn failure(kind: K, description: &str) -> pb::ExecutionError {
        let mut e = pb::ExecutionError::default();
        e.set_kind(kind);
        e.description = Some(description.into());
        e
    }

    #[test]
    fn failures_say_what_happened_and_what_to_do() {
        assert_eq!(
            failure_text(&failure(K::InsufficientGas, "")),
            "InsufficientGas: computation and storage cost more than the gas budget (raise the \
             budget: ClientConfig::gas_budget)"
        );
        assert_eq!(
            failure_text(&failure(
                K::InsufficientCoinBalance,
                "InsufficientCoinBalance"
            )),
            "InsufficientCoinBalance: a coin holds less than the amount asked of it"
        );
        assert_eq!(
            failure_text(&failure(K::ObjectTooBig, "the object is too big")),
            "ObjectTooBig (the object is too big)"
        );
    }
}
