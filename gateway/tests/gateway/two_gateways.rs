//! Two gateways with their own keys in front of the same Pipe: each resolves only the requests it
//! sent (its waiters are keyed by the (pipe, seq) its own sends returned), so under concurrent
//! load through both every client gets its own answer, none crossed, and the sequence numbers of
//! the two gateways never collide.

use std::collections::BTreeSet;

use dtp_gateway::GatewayConfig;
use dtp_sdk::Key;

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_gateways_share_a_pipe_and_answer_only_their_own() {
    let d = one_server().await;
    let mut gateways = Vec::new();
    for seed in [40u8, 41] {
        let client = funded(&d.net, &Key::from_seed([seed; 32])).await;
        let cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
        gateways.push(dtp_gateway::start(client, cfg).await.unwrap());
    }
    let http = reqwest::Client::new();
    let calls = (0..40).map(|i| {
        let url = gateways[i % 2].url();
        let http = http.clone();
        async move {
            let path = format!("/api/g{}/r{i}", i % 2);
            let r = http.get(format!("{url}{path}")).send().await.unwrap();
            assert_eq!(r.status(), 200, "{path}");
            let seq: u64 = r.headers()["x-dtp-seq"].to_str().unwrap().parse().unwrap();
            let body: serde_json::Value = r.json().await.unwrap();
            (path, body["path"].as_str().unwrap().to_string(), seq)
        }
    });
    let answers = futures::future::join_all(calls).await;
    for (asked, echoed, seq) in &answers {
        assert_eq!(
            asked, echoed,
            "seq {seq}: an answer to another client's request"
        );
    }
    let seqs: BTreeSet<u64> = answers.iter().map(|a| a.2).collect();
    assert_eq!(seqs.len(), 40, "every request its own sequence number");
    for g in gateways {
        g.stop();
    }
    d.net.stop().await;
}
