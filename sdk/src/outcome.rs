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
                });
            }
        }
        return Err(Error::Failed {
            description: format!("{} ({:?})", err.description(), err.kind()),
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

/// The dtp events among `events` (any other package's are skipped).
pub(crate) fn events(package: sui_sdk_types::Address, events: &[pb::Event]) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for e in events {
        let ty = e.event_type();
        let Ok(tag) = ty.parse::<sui_sdk_types::StructTag>() else {
            continue;
        };
        if tag.address() != &package || tag.module().as_str() != dtp_protocol::events::EVENTS_MODULE
        {
            continue;
        }
        match Event::from_bcs(tag.name().as_str(), e.contents().value()) {
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

fn created(t: &pb::ExecutedTransaction) -> Vec<(sui_sdk_types::Address, String)> {
    t.effects()
        .changed_objects
        .iter()
        .filter(|c| c.id_operation() == pb::changed_object::IdOperation::Created)
        .filter_map(|c| Some((c.object_id().parse().ok()?, c.object_type().to_string())))
        .collect()
}
