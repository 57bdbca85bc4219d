//! SimulateTransaction resolves a partial transaction as a Sui fullnode does (what `@mysten/sui`
//! sends when given object ids only): the kind may be left unset, object inputs given by id get
//! their shared version and mutability (or owned reference) from the chain, gas is selected; what
//! cannot be typed here is refused with a message.

use crate::common::*;
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Input, Transaction, TransactionKind};
use tonic::Code;

/// `t` as the TypeScript SDK leaves it: no kind enum, inputs `ids` by object id only, no gas.
fn partial(t: Transaction, ids: &[usize]) -> pb::Transaction {
    let mut p = pb::Transaction::from(t);
    p.bcs = None;
    p.digest = None;
    let kind = p.kind.as_mut().unwrap();
    kind.kind = None;
    let Some(pb::transaction_kind::Data::ProgrammableTransaction(ptb)) = kind.data.as_mut() else {
        panic!("a programmable transaction");
    };
    for &i in ids {
        let id = ptb.inputs[i].object_id.take();
        ptb.inputs[i] = pb::Input::default();
        ptb.inputs[i].object_id = id;
    }
    p.gas_payment.as_mut().unwrap().objects.clear();
    p.gas_payment.as_mut().unwrap().budget = None;
    p
}

async fn simulate(
    net: &mut Net,
    t: pb::Transaction,
) -> Result<pb::ExecutedTransaction, tonic::Status> {
    let mut req = pb::SimulateTransactionRequest::default()
        .with_transaction(t)
        .with_read_mask(FieldMask::from_str(
            "transaction.transaction,transaction.effects",
        ));
    req.do_gas_selection = Some(true);
    let out = net
        .client
        .execution_client()
        .simulate_transaction(req)
        .await?
        .into_inner();
    Ok(out.transaction.expect("a simulated transaction"))
}

fn inputs(t: &pb::ExecutedTransaction) -> Vec<Input> {
    let tx = Transaction::try_from(t.transaction.as_ref().unwrap()).expect("a full transaction");
    let TransactionKind::ProgrammableTransaction(ptb) = tx.kind else {
        panic!("a programmable transaction");
    };
    ptb.inputs
}

#[tokio::test]
async fn object_inputs_by_id_are_resolved_from_the_chain() {
    let mut w = world().await;
    let (tx, _) = w.net.send_tx(&w.user, &w.d, b"partial");
    let out = simulate(&mut w.net, partial(tx, &[0, 1])).await.unwrap();
    assert!(success(&out), "{:?}", out.effects().status());
    let ins = inputs(&out);
    let Input::Shared(pipe) = &ins[0] else {
        panic!("{ins:?}")
    };
    assert_eq!(
        (pipe.object_id(), pipe.version()),
        (w.d.pipe, w.d.pipe_version)
    );
    assert!(pipe.mutability().is_mutable(), "send takes &mut Pipe");
    let Input::Shared(host) = &ins[1] else {
        panic!("{ins:?}")
    };
    assert_eq!(
        (host.object_id(), host.version()),
        (w.d.host, w.d.host_version)
    );
    assert!(!host.mutability().is_mutable(), "send takes &Host");
    let gas = out.transaction().gas_payment();
    assert_eq!(gas.objects.len(), 1, "a gas coin was selected");

    // An owned object by id (the HostCap of `add_endpoint`) gets its current reference.
    let cap = w.net.object_ref(w.d.cap).await;
    let mut b = w.net.builder(&w.admin);
    let args = vec![
        b.object(sui_transaction_builder::ObjectInput::shared(
            w.d.host,
            w.d.host_version,
            true,
        )),
        b.object(sui_transaction_builder::ObjectInput::owned(
            w.d.cap,
            cap.version(),
            *cap.digest(),
        )),
        b.pure(&w.other.addr),
        b.pure(&"s2".to_string()),
        b.pure(&"eu".to_string()),
        b.pure(&1u32),
        b.pure(&0u32),
        b.pure(&0u8),
    ];
    b.move_call(function("host", "add_endpoint"), args);
    let tx = b.try_build().unwrap();
    let out = simulate(&mut w.net, partial(tx, &[1])).await.unwrap();
    assert_eq!(inputs(&out)[1], Input::ImmutableOrOwned(cap));
    w.net.running.stop().await;
}

#[tokio::test]
async fn what_cannot_be_resolved_is_refused_with_a_message() {
    let mut w = world().await;
    // A stale version given with the id.
    let (tx, _) = w.net.send_tx(&w.user, &w.d, b"x");
    let mut p = partial(tx.clone(), &[]);
    let gas = w.user.gas;
    if let Some(pb::transaction_kind::Data::ProgrammableTransaction(ptb)) =
        p.kind.as_mut().unwrap().data.as_mut()
    {
        ptb.inputs.push(pb::Input::default());
        let last = ptb.inputs.last_mut().unwrap();
        last.object_id = Some(gas.object_id().to_string());
        last.version = Some(gas.version() + 7);
    }
    let err = simulate(&mut w.net, p).await.unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument, "{err}");
    assert!(err.message().contains("provided version"), "{err}");

    // An untyped literal.
    let mut p = partial(tx.clone(), &[]);
    if let Some(pb::transaction_kind::Data::ProgrammableTransaction(ptb)) =
        p.kind.as_mut().unwrap().data.as_mut()
    {
        ptb.inputs[2] = pb::Input::default();
        ptb.inputs[2].literal = Some(Box::new(prost_types::Value::from("x".to_string())));
    }
    let err = simulate(&mut w.net, p).await.unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument, "{err}");
    assert!(err.message().contains("literal"), "{err}");

    // A shared object by id in a call whose signature the localnet does not know.
    let mut p = partial(tx, &[0]);
    if let Some(pb::transaction_kind::Data::ProgrammableTransaction(ptb)) =
        p.kind.as_mut().unwrap().data.as_mut()
    {
        if let Some(pb::command::Command::MoveCall(c)) = ptb.commands[0].command.as_mut() {
            c.function = Some("no_such_function".into());
        }
    }
    let err = simulate(&mut w.net, p).await.unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument, "{err}");
    assert!(
        err.message().contains("signatures of the dtp package"),
        "{err}"
    );
    w.net.running.stop().await;
}
