//! ListDynamicFields pages through a Pipe's pending table in id order, each entry exactly once,
//! as a Sui fullnode does (the daemon reads it at start to find its work).

use std::collections::BTreeSet;

use crate::common::*;
use dtp_protocol::{Pipe, Request};
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_entries_page_in_order_each_once() {
    let mut w = world().await;
    for i in 0..7u8 {
        let d = w.d;
        w.net.send(&mut w.user, &d, &[i]).await;
    }
    let pipe: Pipe = w.net.contents(w.d.pipe).await;
    let (mut seen, mut ids, mut token, mut pages) = (BTreeSet::new(), Vec::new(), None, 0);
    loop {
        let mut req = pb::ListDynamicFieldsRequest::default()
            .with_parent(pipe.pending.id.to_string())
            .with_page_size(3u32)
            .with_read_mask(FieldMask::from_str("field_id,value"));
        req.page_token = token;
        let resp = w
            .net
            .client
            .state_client()
            .list_dynamic_fields(req)
            .await
            .unwrap()
            .into_inner();
        pages += 1;
        for f in &resp.dynamic_fields {
            ids.push(f.field_id().to_string());
            let r: Request = bcs::from_bytes(f.value.as_ref().unwrap().value()).unwrap();
            assert!(seen.insert(r.seq), "seq {} twice", r.seq);
        }
        match resp.next_page_token {
            Some(t) if !t.is_empty() => token = Some(t),
            _ => break,
        }
    }
    assert_eq!(seen, (0..7).collect::<BTreeSet<u64>>());
    assert_eq!(pages, 3, "3 + 3 + 1");
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "id order");
    w.net.running.stop().await;
}
