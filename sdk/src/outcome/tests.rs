//! Reading execution answers: dtp events in any address spelling, effects and events as BCS
//! (the gas coin, what was created), failures with their abort and command or their hint.

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
