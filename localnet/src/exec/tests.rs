//! Execution against the ledger with real signed transactions.

use dtp_protocol::{Event as DtpEvent, MoveAbort};
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_sdk_types::{
    Address, ExecutionError, ExecutionStatus, IdOperation, ObjectReference, StructTag,
};
use sui_transaction_builder::{Function, ObjectInput};

use super::*;
use crate::genesis::{self, DTP_PACKAGE};
use crate::ledger::Body;
use crate::txb;

fn user() -> Ed25519PrivateKey {
    Ed25519PrivateKey::new([1; 32])
}

/// Funds `key` from the faucet coin; returns its first coin.
fn fund(l: &mut Ledger, key: &Ed25519PrivateKey) -> ObjectReference {
    let gas = l.object_ref(&genesis::faucet_coin_id()).unwrap();
    let to = key.public_key().derive_address();
    let (tx, sigs) = txb::transfer_coins(&genesis::faucet_key(), &gas, to, 2, 1_000_000_000);
    let e = execute(l, tx, sigs, 1_000).expect("faucet transfer");
    assert_eq!(e.effects.status(), &ExecutionStatus::Success);
    let coins = l.owned_by(&to);
    assert_eq!(coins.len(), 2);
    l.object_ref(&coins[0]).unwrap()
}

fn call(name: &str, module: &str) -> Function {
    Function::new(DTP_PACKAGE, module.parse().unwrap(), name.parse().unwrap())
}

/// `host::create_host(label, ...)` with a valid config but `healthy_threshold`.
pub(crate) fn create_host_call(
    b: &mut sui_transaction_builder::TransactionBuilder,
    label: &str,
    healthy_threshold: u32,
) {
    let args = vec![
        b.pure(&label.to_string()),
        b.pure(&10_000u64),
        b.pure(&healthy_threshold),
        b.pure(&5_000u64),
        b.pure(&3u32),
        b.pure(&1024u64),
        b.pure(&100u64),
    ];
    b.move_call(call("create_host", "host"), args);
}

fn create_host(
    l: &mut Ledger,
    key: &Ed25519PrivateKey,
    gas: &ObjectReference,
    label: &str,
) -> Executed {
    let me = key.public_key().derive_address();
    let mut b = txb::builder(me, gas, 50_000_000);
    create_host_call(&mut b, label, 1);
    let (tx, sigs) = txb::sign(b, key);
    execute(l, tx, sigs, 2_000).expect("create_host runs")
}

#[test]
fn create_host_makes_shared_host_and_owned_cap_with_events() {
    let mut l = Ledger::genesis();
    let key = user();
    let gas = fund(&mut l, &key);
    let e = create_host(&mut l, &key, &gas, "h");
    assert_eq!(e.effects.status(), &ExecutionStatus::Success);
    let TransactionEffects::V2(fx) = &e.effects else {
        panic!()
    };
    let created: Vec<_> = fx
        .changed_objects
        .iter()
        .filter(|c| c.id_operation == IdOperation::Created)
        .collect();
    assert_eq!(created.len(), 2);
    let host_id = created
        .iter()
        .map(|c| c.object_id)
        .find(|id| matches!(l.get(id), Some((_, Body::Host(_)))))
        .unwrap();
    let host = l.object(&host_id).unwrap();
    assert_eq!(
        host.owner(),
        &sui_sdk_types::Owner::Shared(fx.lamport_version)
    );
    let decoded: dtp_protocol::Host =
        bcs::from_bytes(host.as_struct().unwrap().contents()).unwrap();
    assert_eq!(decoded.label, "h");
    let events = e.events.as_ref().unwrap();
    assert_eq!(events.0.len(), 1);
    let ev = &events.0[0];
    assert_eq!(
        ev.type_,
        StructTag::new(
            DTP_PACKAGE,
            "events".parse().unwrap(),
            "HostCreated".parse().unwrap(),
            vec![]
        )
    );
    let d = DtpEvent::from_bcs("HostCreated", &ev.contents)
        .unwrap()
        .unwrap();
    assert!(
        matches!(d, DtpEvent::HostCreated(h) if h.host == host_id && h.admin == key.public_key().derive_address())
    );
    // The gas coin moved to the new version and paid for it.
    let new_gas = l.object_ref(gas.object_id()).unwrap();
    assert_eq!(new_gas.version(), fx.lamport_version);
    let Some((_, Body::Coin(left))) = l.get(gas.object_id()) else {
        panic!()
    };
    let g = e.effects.gas_summary();
    assert_eq!(
        *left as i128,
        1_000_000_000i128 - (g.computation_cost + g.storage_cost) as i128
            + g.storage_rebate as i128
    );
}

#[test]
fn a_move_abort_fails_the_transaction_changes_nothing_but_gas() {
    let mut l = Ledger::genesis();
    let key = user();
    let gas = fund(&mut l, &key);
    let me = key.public_key().derive_address();
    let mut b = txb::builder(me, &gas, 50_000_000);
    // healthy_threshold 0 is out of range: EInvalidConfig.
    create_host_call(&mut b, "h", 0);
    let (tx, sigs) = txb::sign(b, &key);
    let objects_before = l.len();
    let e = execute(&mut l, tx, sigs, 2_000).unwrap();
    let ExecutionStatus::Failure {
        error: ExecutionError::MoveAbort { location, code },
        command,
    } = e.effects.status()
    else {
        panic!("{:?}", e.effects.status())
    };
    assert_eq!(
        MoveAbort::from_abort_code(*code),
        Some(MoveAbort::InvalidConfig)
    );
    assert_eq!((location.module.as_str(), *command), ("host", Some(0)));
    assert!(e.events.is_none());
    assert_eq!(l.len(), objects_before, "nothing created");
    assert!(
        l.object_ref(gas.object_id()).unwrap().version() > gas.version(),
        "gas still charged"
    );
}

#[test]
fn bad_input_is_rejected_and_changes_nothing() {
    let mut l = Ledger::genesis();
    let key = user();
    let gas = fund(&mut l, &key);
    let me = key.public_key().derive_address();
    let snapshot = l.object_ref(gas.object_id()).unwrap();

    // Wrong signer.
    let b = {
        let mut b = txb::builder(me, &gas, 50_000_000);
        let a = vec![b.pure(&"h".to_string())];
        b.move_call(call("create_host", "host"), a);
        b
    };
    let (tx, sigs) = txb::sign(b, &Ed25519PrivateKey::new([2; 32]));
    let err = execute(&mut l, tx, sigs, 2_000).unwrap_err();
    assert!(err.message.contains("signature is by"), "{err}");

    // Wrong argument count, unknown function, foreign package, stale gas.
    type Edit = Box<dyn Fn(&mut sui_transaction_builder::TransactionBuilder)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|b| {
                let a = vec![b.pure(&"h".to_string())];
                b.move_call(call("create_host", "host"), a);
            }),
            "takes 7 arguments, got 1",
        ),
        (
            Box::new(|b| {
                b.move_call(call("explode", "host"), vec![]);
            }),
            "no entry function host::explode",
        ),
        (
            Box::new(|b| {
                b.move_call(
                    Function::new(
                        Address::TWO,
                        "coin".parse().unwrap(),
                        "zero".parse().unwrap(),
                    ),
                    vec![],
                );
            }),
            "is not the dtp package",
        ),
        (
            Box::new(|b| {
                let a = vec![
                    b.pure(&1u8),
                    b.pure(&10_000u64),
                    b.pure(&1u32),
                    b.pure(&5_000u64),
                    b.pure(&3u32),
                    b.pure(&1024u64),
                    b.pure(&100u64),
                ];
                b.move_call(call("create_host", "host"), a);
            }),
            "label",
        ),
    ];
    for (make, want) in cases {
        let mut b = txb::builder(me, &gas, 50_000_000);
        make(&mut b);
        let (tx, sigs) = txb::sign(b, &key);
        let err = execute(&mut l, tx, sigs, 2_000).unwrap_err();
        assert!(err.message.contains(want), "{err} should mention {want}");
        assert_eq!(
            l.object_ref(gas.object_id()).unwrap(),
            snapshot,
            "a rejected transaction changes nothing"
        );
    }
    let _ = create_host(&mut l, &key, &gas, "h");
    let mut b = txb::builder(me, &gas, 50_000_000);
    b.add_gas_objects([ObjectInput::owned(
        *gas.object_id(),
        gas.version(),
        *gas.digest(),
    )]);
    let a = vec![b.pure(&"h".to_string())];
    b.move_call(call("create_host", "host"), a);
    let (tx, sigs) = txb::sign(b, &key);
    let err = execute(&mut l, tx, sigs, 3_000).unwrap_err();
    assert_eq!(err.kind, RejectKind::Unavailable, "{err}");
}

#[test]
fn merging_a_coin_refunds_its_storage() {
    let mut l = Ledger::genesis();
    let key = user();
    let gas = fund(&mut l, &key);
    let me = key.public_key().derive_address();
    let other = *l
        .owned_by(&me)
        .iter()
        .find(|id| *id != gas.object_id())
        .unwrap();
    let rebate_of = |l: &Ledger, id: &Address| l.object(id).unwrap().storage_rebate();
    let (r_gas, r_other) = (rebate_of(&l, gas.object_id()), rebate_of(&l, &other));
    assert!(r_gas > 0 && r_other > 0);
    let mut b = txb::builder(me, &gas, 50_000_000);
    let coin = b.object(ObjectInput::owned(
        other,
        l.object(&other).unwrap().version(),
        l.object(&other).unwrap().digest(),
    ));
    let g = b.gas();
    b.merge_coins(g, vec![coin]);
    let (tx, sigs) = txb::sign(b, &key);
    let e = execute(&mut l, tx, sigs, 3_000).unwrap();
    assert_eq!(e.effects.status(), &ExecutionStatus::Success);
    assert!(l.get(&other).is_none(), "merged away");
    let g = e.effects.gas_summary();
    assert_eq!(
        g.storage_rebate + g.non_refundable_storage_fee,
        r_gas + r_other,
        "both coins' storage is refunded"
    );
}

#[test]
fn several_gas_coins_are_smashed_and_the_gas_coin_can_be_transferred() {
    let mut l = Ledger::genesis();
    let key = user();
    let first = fund(&mut l, &key);
    let me = key.public_key().derive_address();
    let refs: Vec<ObjectReference> = l
        .owned_by(&me)
        .iter()
        .map(|id| l.object_ref(id).unwrap())
        .collect();
    assert_eq!(refs.len(), 2);
    let balance = |l: &Ledger, id: &Address| match &l.get(id).unwrap().1 {
        Body::Coin(b) => *b,
        other => panic!("not a coin: {}", other.describe()),
    };
    let total: u64 = refs.iter().map(|r| balance(&l, r.object_id())).sum();
    // Pay-all-sui: both coins pay, merged into the first, which goes to `to`.
    let to = Address::new([0x42; 32]);
    let mut b = txb::builder(me, &first, 50_000_000);
    b.add_gas_objects(
        refs.iter()
            .filter(|r| r.object_id() != first.object_id())
            .map(|r| ObjectInput::owned(*r.object_id(), r.version(), *r.digest())),
    );
    let g = b.gas();
    let a = b.pure(&to);
    b.transfer_objects(vec![g], a);
    let (tx, sigs) = txb::sign(b, &key);
    let e = execute(&mut l, tx, sigs, 3_000).unwrap();
    assert_eq!(e.effects.status(), &ExecutionStatus::Success);
    assert!(l.owned_by(&me).is_empty(), "everything went to {to}");
    assert_eq!(l.owned_by(&to), vec![*first.object_id()]);
    let g = e.effects.gas_summary();
    let cost = g.computation_cost + g.storage_cost - g.storage_rebate;
    assert_eq!(balance(&l, first.object_id()), total - cost);
}

#[test]
fn over_the_budget_fails_with_insufficient_gas_and_charges_the_budget() {
    let mut l = Ledger::genesis();
    let key = user();
    let gas = fund(&mut l, &key);
    let me = key.public_key().derive_address();
    let coin = |l: &Ledger| match &l.get(gas.object_id()).unwrap().1 {
        Body::Coin(b) => *b,
        other => panic!("not a coin: {}", other.describe()),
    };
    let build = |l: &Ledger, budget: u64| {
        let gas = l.object_ref(gas.object_id()).unwrap();
        let mut b = txb::builder(me, &gas, budget);
        create_host_call(&mut b, "h", 1);
        txb::sign(b, &key)
    };
    // A Host and its cap need about 3,000,000 MIST of storage: 2,000,000 cannot pay.
    let (budget, objects_before, balance_before) = (2_000_000, l.len(), coin(&l));
    let (tx, sigs) = build(&l, budget);
    let e = execute(&mut l, tx, sigs, 2_000).unwrap();
    assert_eq!(
        e.effects.status(),
        &ExecutionStatus::Failure {
            error: ExecutionError::InsufficientGas,
            command: None
        }
    );
    assert!(e.events.is_none());
    assert_eq!(l.len(), objects_before, "nothing created");
    let g = e.effects.gas_summary();
    assert_eq!(
        g.computation_cost + g.storage_cost,
        budget,
        "the whole budget is used"
    );
    assert_eq!(
        balance_before - coin(&l),
        budget - g.storage_rebate,
        "the coin pays the budget, less the rebate of its own old version"
    );
    // With enough budget the same call succeeds and costs what it costs.
    let (tx, sigs) = build(&l, 50_000_000);
    let e = execute(&mut l, tx, sigs, 3_000).unwrap();
    assert_eq!(e.effects.status(), &ExecutionStatus::Success);
    let g = e.effects.gas_summary();
    assert!(g.computation_cost + g.storage_cost > budget);
    assert_eq!(l.len(), objects_before + 2, "the Host and its cap");
}

/// The localnet's digests (dtp_protocol::digest, in one pass) are those sui-sdk-types computes.
#[test]
fn every_digest_is_the_one_sui_sdk_types_computes() {
    use crate::chain::Chain;
    use dtp_protocol::digest::Salted;
    use std::sync::Arc;

    let mut l = Ledger::genesis();
    let gas = l.object_ref(&genesis::faucet_coin_id()).unwrap();
    let to = Address::new([9; 32]);
    let (tx, sigs) = txb::transfer_coins(&genesis::faucet_key(), &gas, to, 2, 1_000_000_000);
    assert_eq!(tx.bcs_digest(), tx.digest(), "transaction");
    let e = execute_verified(&mut l, tx, sigs, 1_000).unwrap();
    assert_eq!(e.effects.bcs_digest(), e.effects.digest(), "effects");
    let mut objects = l.owned_by(&to);
    objects.extend([genesis::faucet_coin_id(), genesis::CLOCK]);
    for id in objects {
        let o = l.object(&id).expect("exists");
        assert_eq!(o.bcs_digest(), o.digest(), "object {id}");
    }
    let mut chain = Chain::with_retention(None);
    chain.record(Arc::new(e));
    let cp = chain.form_checkpoint(2_000);
    assert_eq!(cp.summary.bcs_digest(), cp.summary.digest(), "summary");
    assert_eq!(cp.contents.bcs_digest(), cp.contents.digest(), "contents");
}
