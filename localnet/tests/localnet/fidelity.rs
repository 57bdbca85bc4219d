//! Where Sui's behaviour is easy to get wrong, the localnet does as Sui does: an aborted PTB's
//! effects name the aborting command and keep nothing of the commands before it; commands of one
//! PTB share results; two transactions racing on one gas coin end with one executed and the
//! other refused at once, naming the coin and its current version (no hang).

use std::time::Duration;

use crate::common::*;
use dtp_localnet::node::Cadence;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::Address;
use sui_transaction_builder::TransactionBuilder;

/// `create_host` with a healthy threshold (0 is an invalid config: EInvalidConfig).
fn create_host(b: &mut TransactionBuilder, threshold: u32) {
    let args = vec![
        b.pure(&"h".to_string()),
        b.pure(&10_000u64),
        b.pure(&threshold),
        b.pure(&1_000u64),
        b.pure(&3u32),
        b.pure(&1024u64),
        b.pure(&100u64),
    ];
    b.move_call(function("host", "create_host"), args);
}

/// A SplitCoins off the gas whose result the next command transfers: results shared between
/// commands.
fn split_and_keep(b: &mut TransactionBuilder, to: Address) {
    let amount = b.pure(&1_000u64);
    let g = b.gas();
    let coins = b.split_coins(g, vec![amount]);
    let to = b.pure(&to);
    b.transfer_objects(coins, to);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_aborted_ptb_names_its_command_and_keeps_nothing() {
    let mut net = Net::start(Cadence::Immediate).await;
    let mut a = net.actor(1).await;
    let me = a.addr;

    // create_host, split, transfer, create_host: all four run; the split's result is shared.
    let mut b = net.builder(&a);
    create_host(&mut b, 1);
    split_and_keep(&mut b, me);
    create_host(&mut b, 1);
    let (tx, sig) = sign(&a, b);
    let t = net.execute(&mut a, tx, sig).await.unwrap();
    assert!(success(&t), "{:?}", t.effects().status());
    assert_eq!(created(&t, "::host::Host").len(), 2);
    assert_eq!(created(&t, "::sui::SUI>").len(), 1);

    // The same with the last create_host invalid (command 3): the effects name it, and nothing
    // of commands 0-2 is kept (no Host, no coin), though gas is charged.
    let mut b = net.builder(&a);
    create_host(&mut b, 1);
    split_and_keep(&mut b, me);
    create_host(&mut b, 0);
    let (tx, sig) = sign(&a, b);
    let t = net.execute(&mut a, tx, sig).await.unwrap();
    let status = t.effects().status();
    assert!(!status.success());
    assert_eq!(status.error().command, Some(3), "{status:?}");
    let code = status.error().abort().abort_code();
    assert_eq!(
        dtp_protocol::MoveAbort::from_abort_code(code),
        Some(dtp_protocol::MoveAbort::InvalidConfig)
    );
    let kept: Vec<_> = t
        .effects()
        .changed_objects
        .iter()
        .filter(|c| c.id_operation() == pb::changed_object::IdOperation::Created)
        .collect();
    assert!(kept.is_empty(), "an aborted PTB creates nothing: {kept:?}");
    assert!(
        t.effects().gas_used().computation_cost() > 0,
        "gas is charged"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_transactions_racing_on_one_gas_coin_end_clearly() {
    let mut net = Net::start(Cadence::Immediate).await;
    let a = net.actor(2).await;
    let coin = *a.gas.object_id();
    // Two different transactions, both paid with the same coin at the same version.
    let signed: Vec<_> = [Address::new([7; 32]), Address::new([8; 32])]
        .iter()
        .map(|to| {
            let mut b = net.builder(&a);
            split_and_keep(&mut b, *to);
            let (tx, sig) = sign(&a, b);
            (pb::Transaction::from(tx), sig)
        })
        .collect();
    let runs = signed.into_iter().map(|(tx, sig)| {
        let mut n = net.c.clone();
        async move {
            let req = pb::ExecuteTransactionRequest::default()
                .with_transaction(tx)
                .with_signatures(vec![sig])
                .with_read_mask(prost_types::FieldMask {
                    paths: vec!["effects".into()],
                });
            n.client.execution_client().execute_transaction(req).await
        }
    });
    let results = tokio::time::timeout(Duration::from_secs(10), futures::future::join_all(runs))
        .await
        .expect("neither hangs");
    let (ok, refused): (Vec<_>, Vec<_>) = results.into_iter().partition(|r| r.is_ok());
    assert_eq!(
        (ok.len(), refused.len()),
        (1, 1),
        "one executes, one is refused"
    );
    let e = refused[0].as_ref().unwrap_err();
    assert_eq!(e.code(), tonic::Code::FailedPrecondition);
    let current = net.object_ref(coin).await;
    let want = format!(
        "Object ID {coin} Version {:#x} Digest {} is not available for consumption, current version: {:#x}",
        a.gas.version(),
        a.gas.digest(),
        current.version()
    );
    assert!(e.message().contains(&want), "{}", e.message());
}
