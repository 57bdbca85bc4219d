//! Bad input beyond transactions, using only Sui client crates: a replayed transaction runs once
//! (same digest and effects, gas charged once, one request), unserved calls answer UNIMPLEMENTED
//! naming the call, unknown and malformed ids and digests, a subscription request that is not
//! protobuf refused naming the message, and the faucet refusing bad requests.

use crate::common::*;
use dtp_localnet::node::Cadence;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::Address;
use tonic::Code;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_transaction_runs_once() {
    let World {
        mut net,
        mut user,
        d,
        ..
    } = world().await;
    let gas = *user.gas.object_id();
    let before: dtp_protocol::Pipe = net.contents(d.pipe).await;
    let balance = net.object(gas, "balance").await.balance();

    let (tx, sig) = net.send_tx(&user, &d, b"once");
    let first = net
        .try_execute(tx.clone().into(), vec![sig.clone()])
        .await
        .unwrap();
    assert!(success(&first));
    let gas_after = net.object(gas, FULL).await;
    let height = net.latest_checkpoint().await;
    let second = net
        .try_execute(tx.clone().into(), vec![sig.clone()])
        .await
        .unwrap();
    assert_eq!(first.digest(), second.digest());
    assert_eq!(
        (&first.effects, &first.events),
        (&second.effects, &second.events)
    );
    assert_eq!(
        net.object(gas, FULL).await,
        gas_after,
        "gas is charged once"
    );
    assert_eq!(net.latest_checkpoint().await, height, "nothing new ran");
    let g = first.effects().gas_used();
    let cost = g.computation_cost() + g.storage_cost() - g.storage_rebate();
    assert_eq!(net.object(gas, "balance").await.balance(), balance - cost);
    let p: dtp_protocol::Pipe = net.contents(d.pipe).await;
    assert_eq!(
        (p.next_seq, p.pending.size),
        (before.next_seq + 1, before.pending.size + 1)
    );

    // The same bytes twice at once, then again after the gas coin moved on: still one run each.
    user.gas = net.object_ref(gas).await;
    let (tx2, sig2) = net.send_tx(&user, &d, b"twice");
    let (mut c1, mut c2) = (net.c.clone(), net.c.clone());
    let (a, b) = futures::join!(
        c1.try_execute(tx2.clone().into(), vec![sig2.clone()]),
        c2.try_execute(tx2.clone().into(), vec![sig2.clone()])
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.digest(), &a.effects), (b.digest(), &b.effects));
    user.gas = net.object_ref(gas).await;
    net.send(&mut user, &d, b"later").await;
    let third = net.try_execute(tx.into(), vec![sig]).await.unwrap();
    assert_eq!(
        (first.digest(), &first.effects),
        (third.digest(), &third.effects)
    );
    let p: dtp_protocol::Pipe = net.contents(d.pipe).await;
    assert_eq!(p.next_seq, before.next_seq + 3, "three sends ran, not five");
    net.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unserved_calls_unknown_and_malformed_ids() {
    let mut net = Net::start(Cadence::Immediate).await;
    let mut ledger = net.client.ledger_client();
    let e = ledger
        .list_events(pb::ListEventsRequest::default())
        .await
        .err()
        .unwrap();
    assert_eq!(e.code(), Code::Unimplemented);
    assert!(e.message().contains("ListEvents"), "{}", e.message());
    let e = ledger
        .list_checkpoints(pb::ListCheckpointsRequest::default())
        .await
        .err()
        .unwrap();
    assert_eq!(e.code(), Code::Unimplemented);
    assert!(e.message().contains("ListCheckpoints"), "{}", e.message());
    let mut sub = net.client.subscription_client();
    let e = sub
        .subscribe_events(pb::SubscribeEventsRequest::default())
        .await
        .err()
        .unwrap();
    assert_eq!(e.code(), Code::Unimplemented);
    assert!(e.message().contains("SubscribeEvents"), "{}", e.message());

    let get = |id: &str| pb::GetObjectRequest::default().with_object_id(id);
    let unknown = Address::from_static("0x1234");
    let e = ledger
        .get_object(get(&unknown.to_string()))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    assert!(
        e.message().contains(&unknown.to_string()),
        "{}",
        e.message()
    );
    for bad in ["0xzz", "not an id", ""] {
        let e = ledger.get_object(get(bad)).await.unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{bad}: {}", e.message());
        assert!(e.message().contains("object_id"), "{}", e.message());
    }
    let e = ledger
        .get_object(pb::GetObjectRequest::default())
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.message()),
        (Code::InvalidArgument, "missing `object_id`")
    );

    let unknown = sui_sdk_types::Digest::new([7; 32]);
    let e = net.get_tx(&unknown).await.unwrap_err();
    assert_eq!(e.code(), Code::NotFound);
    assert!(
        e.message().contains(&unknown.to_string()),
        "{}",
        e.message()
    );
    let req = pb::GetTransactionRequest::default().with_digest("nope");
    let e = ledger.get_transaction(req).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument, "{}", e.message());
    net.running.stop().await;
}

/// A codec that sends and receives raw bytes: a client whose encoder is broken.
struct Raw;

impl tonic::codec::Codec for Raw {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = Raw;
    type Decoder = Raw;

    fn encoder(&mut self) -> Raw {
        Raw
    }

    fn decoder(&mut self) -> Raw {
        Raw
    }
}

impl tonic::codec::Encoder for Raw {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn encode(
        &mut self,
        item: Vec<u8>,
        dst: &mut tonic::codec::EncodeBuf<'_>,
    ) -> Result<(), tonic::Status> {
        use prost::bytes::BufMut;
        dst.put_slice(&item);
        Ok(())
    }
}

impl tonic::codec::Decoder for Raw {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(
        &mut self,
        src: &mut tonic::codec::DecodeBuf<'_>,
    ) -> Result<Option<Vec<u8>>, tonic::Status> {
        use prost::bytes::Buf;
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_request_that_is_not_protobuf_is_refused_naming_it() {
    let mut net = Net::start(Cadence::Immediate).await;
    let channel = tonic::transport::Channel::from_shared(net.running.grpc_url())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.unwrap();
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(
        "/sui.rpc.v2.SubscriptionService/SubscribeCheckpoints",
    );
    // A field tag with a truncated varint: no protobuf decoder accepts it.
    let r = grpc
        .server_streaming(tonic::Request::new(vec![0x0a, 0xff]), path, Raw)
        .await;
    let status = match r {
        Err(s) => s,
        Ok(answer) => answer.into_inner().message().await.unwrap_err(),
    };
    assert_eq!(status.code(), Code::InvalidArgument, "{}", status.message());
    assert!(
        status.message().contains("SubscribeCheckpointsRequest"),
        "{}",
        status.message()
    );
    // Nothing changed: a well-formed subscription is served as before.
    let mut sub = net.client.subscription_client();
    let first = sub
        .subscribe_checkpoints(pb::SubscribeCheckpointsRequest::default())
        .await;
    assert!(first.is_ok(), "{:?}", first.err());
    net.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_faucet_refuses_a_malformed_recipient() {
    let mut net = Net::start(Cadence::Immediate).await;
    let height = net.latest_checkpoint().await;
    let url = format!("{}/v2/gas", net.faucet_url);
    let http = reqwest::Client::new();
    for body in [
        serde_json::json!({ "FixedAmountRequest": { "recipient": "0xnot-an-address" } }),
        serde_json::json!({ "FixedAmountRequest": { "recipient": 7 } }),
        serde_json::json!({ "recipient": "0x1" }),
    ] {
        let r = http.post(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), reqwest::StatusCode::BAD_REQUEST, "{body}");
        let text = r.text().await.unwrap();
        assert!(text.contains("recipient"), "{body}: {text}");
    }
    let r = http
        .post(&url)
        .body("{not json")
        .header("content-type", "application/json");
    let r = r.send().await.unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
    assert_eq!(
        net.latest_checkpoint().await,
        height,
        "no faucet transfer ran"
    );
    net.running.stop().await;
}
