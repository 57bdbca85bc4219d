//! A node that keeps only recent checkpoints (a pruning Sui fullnode, or `dtp localnet
//! --retain-checkpoints`): older checkpoints and their transactions answer NotFound naming the
//! lowest available, and reading history from before it is a clear error.

use dtp_protocol::{HostConfig, Policy};
use dtp_sdk::replay::HistoryRange;
use dtp_sdk::{Error, Key};

use crate::common::*;
use futures::StreamExt;
use sui_rpc::proto::sui::rpc::v2 as pb;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pruned_history_is_not_found_and_named() {
    let net = localnet_with(dtp_localnet::node::Cadence::Immediate, Some(3)).await;
    let c = funded(&net, &Key::generate()).await;
    let (host, cap) = c.create_host("h", &HostConfig::default()).await.unwrap();
    let pipe = c
        .create_pipe(host, cap, "p", Policy::RoundRobin)
        .await
        .unwrap();
    let early = c
        .set_policy(pipe, host, cap, Policy::Weighted)
        .await
        .unwrap()
        .digest;
    // Every transaction closes a checkpoint (immediate mode): five more push the early ones out.
    for _ in 0..5 {
        c.set_policy(pipe, host, cap, Policy::RoundRobin)
            .await
            .unwrap();
    }
    // Once the node's reads show the last of them:
    c.sync().await.unwrap();
    let (lowest, latest) = c.checkpoint_range().await.unwrap();
    assert_eq!(latest - lowest + 1, 3, "three checkpoints kept");

    let mut rpc = c.rpc();
    let e = rpc
        .ledger_client()
        .get_checkpoint(pb::GetCheckpointRequest::by_sequence_number(0))
        .await
        .unwrap_err();
    assert_eq!(e.code(), tonic::Code::NotFound);
    assert!(
        e.message()
            .contains(&format!("lowest available checkpoint is {lowest}")),
        "{}",
        e.message()
    );
    let e = rpc
        .ledger_client()
        .get_transaction(pb::GetTransactionRequest::new(&early))
        .await
        .unwrap_err();
    assert_eq!(e.code(), tonic::Code::NotFound);
    // The latest checkpoint and the state are all there.
    rpc.ledger_client()
        .get_checkpoint(pb::GetCheckpointRequest::by_sequence_number(latest))
        .await
        .unwrap();
    assert_eq!(c.pipe(pipe).await.unwrap().policy, Policy::RoundRobin as u8);

    let range = |from| HistoryRange {
        from,
        to: None,
        transactions: false,
    };
    let err = c.history(pipe, range(0), |_| {}).await.unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("checkpoints before {lowest} are pruned")),
        "{err}"
    );
    let h = c.history(pipe, range(lowest), |_| {}).await.unwrap();
    assert_eq!(h.from, lowest);
    // A follower that starts before the kept history cannot go on without a gap: its stream ends
    // (a daemon then reads the pending requests again and follows from the tip).
    let mut s = Box::pin(c.follow(0));
    let end = tokio::time::timeout(std::time::Duration::from_secs(10), s.next())
        .await
        .expect("the stream ends at once");
    assert!(end.is_none());
    let mut s = Box::pin(c.follow(lowest));
    let first = s.next().await.unwrap();
    assert_eq!(first.sequence_number, lowest);
    net.stop().await;
}
