//! Read masks name what an answer carries, nested fields included, as on Sui: an execution answer
//! and the checkpoint stream hold exactly the fields asked for (the node converts nothing else),
//! a transaction given as BCS executes like one given field by field, and subscribers that ask
//! with the same mask (a node's followers share one conversion) get the same checkpoints.

use crate::common::*;
use futures::StreamExt;
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;

/// The stream of checkpoints under `mask`.
async fn subscribe(c: &Client, mask: &str) -> tonic::Streaming<pb::SubscribeCheckpointsResponse> {
    c.client
        .clone()
        .subscription_client()
        .subscribe_checkpoints(
            pb::SubscribeCheckpointsRequest::default().with_read_mask(FieldMask::from_str(mask)),
        )
        .await
        .unwrap()
        .into_inner()
}

/// The next checkpoint of `s` with a transaction in it.
async fn next_with_transactions(
    s: &mut tonic::Streaming<pb::SubscribeCheckpointsResponse>,
    want: &str,
) -> pb::Checkpoint {
    loop {
        let cp = s.next().await.unwrap().unwrap().checkpoint.unwrap();
        if cp
            .transactions
            .iter()
            .any(|t| t.digest.as_deref() == Some(want))
        {
            return cp;
        }
        // Under a mask without `transactions.digest` the first checkpoint after the send is it.
        if want.is_empty() && !cp.transactions.is_empty() {
            return cp;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_and_checkpoints_hold_exactly_the_fields_their_masks_name() {
    let mut w = world().await;
    let sdk_mask = "sequence_number,summary.timestamp,transactions.digest,\
                    transactions.events.events.event_type,transactions.events.events.contents";
    let (mut a, mut b) = (
        subscribe(&w.net, sdk_mask).await,
        subscribe(&w.net, sdk_mask).await,
    );
    let mut types_only = subscribe(&w.net, "transactions.events.events.event_type").await;
    let mut whole = subscribe(
        &w.net,
        "sequence_number,digest,summary,contents,transactions",
    )
    .await;

    // A send given as BCS, with an answer masked to a few nested fields.
    let (tx, sig) = w.net.send_tx(&w.user, &w.d, b"masked");
    let mut t = pb::Transaction::default();
    t.bcs = Some(pb::Bcs::serialize(&tx).unwrap());
    let req = pb::ExecuteTransactionRequest::default()
        .with_transaction(t)
        .with_signatures(vec![sig])
        .with_read_mask(FieldMask::from_str(
            "digest,effects.status,effects.changed_objects,events.events.event_type",
        ));
    let done = w
        .net
        .client
        .execution_client()
        .execute_transaction(req)
        .await
        .unwrap()
        .into_inner()
        .transaction
        .unwrap();
    assert_eq!(
        done.digest(),
        tx.digest().to_string(),
        "the BCS transaction ran"
    );
    let fx = done.effects();
    assert!(fx.status().success(), "{:?}", fx.status());
    assert!(!fx.changed_objects.is_empty());
    assert!(
        fx.changed_objects
            .iter()
            .any(|c| c.object_type().ends_with("::pipe::Pipe")),
        "changed objects carry their types: {:?}",
        fx.changed_objects
    );
    assert!(fx.gas_used.is_none() && fx.dependencies.is_empty() && fx.transaction_digest.is_none());
    assert!(done.transaction.is_none() && done.signatures.is_empty());
    assert!(done.checkpoint.is_none() && done.timestamp.is_none());
    let events = &done.events().events;
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].event_type().ends_with("::events::Assigned"));
    assert!(events[0].contents.is_none() && events[0].sender.is_none());
    assert!(done.events().bcs.is_none() && done.events().digest.is_none());

    // The two subscribers with the SDK's mask get the same checkpoint, holding only that.
    let digest = done.digest().to_string();
    let (ca, cb) = (
        next_with_transactions(&mut a, &digest).await,
        next_with_transactions(&mut b, &digest).await,
    );
    assert_eq!(ca, cb);
    assert!(ca.sequence_number.is_some() && ca.digest.is_none() && ca.contents.is_none());
    let summary = ca.summary.as_ref().expect("summary.timestamp");
    assert!(summary.timestamp.is_some() && summary.digest.is_none() && summary.bcs.is_none());
    let t = ca
        .transactions
        .iter()
        .find(|t| t.digest() == digest)
        .unwrap();
    assert!(t.effects.is_none() && t.transaction.is_none() && t.checkpoint.is_none());
    let e = &t.events().events[0];
    assert!(e.event_type().ends_with("::events::Assigned") && e.contents().value().len() > 6);
    assert!(e.sender.is_none() && e.package_id.is_none());

    // Another mask: its own conversion, only event types.
    let ct = next_with_transactions(&mut types_only, "").await;
    assert!(ct.sequence_number.is_none() && ct.summary.is_none());
    let e = &ct.transactions[0].events().events[0];
    assert!(e.event_type().ends_with("::events::Assigned") && e.contents.is_none());
    assert!(ct.transactions[0].digest.is_none());

    // Everything: summary and contents with their digests, whole transactions.
    let cw = next_with_transactions(&mut whole, &digest).await;
    assert_eq!(cw.sequence_number, ca.sequence_number);
    assert!(cw.digest.is_some() && cw.summary().digest.is_some());
    assert!(cw
        .contents()
        .transactions
        .iter()
        .any(|c| c.transaction() == digest));
    let t = cw
        .transactions
        .iter()
        .find(|t| t.digest() == digest)
        .unwrap();
    assert!(t.transaction.is_some() && t.effects.is_some() && !t.signatures.is_empty());
}
