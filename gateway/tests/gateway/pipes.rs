//! A gateway sharding over three Pipes of one Host, on loopback: an embedded localnet, two daemons
//! (in-process) serving all three, each with a backend that echoes the request's path. A key
//! always lands on the Pipe its hash names (and, by the AFFINITY policy, on one server); requests
//! without a key spread over every Pipe; every answer is its own; replay verifies each Pipe from the
//! Host's history; a Pipe of another Host, a Pipe listed twice and no Pipe are refused at start.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use dtp_gateway::GatewayConfig;
use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::replay::{self, HistoryRange, Pipes};
use dtp_sdk::Key;
use sui_sdk_types::Address;

use crate::common::*;

/// One answer: (pipe, seq, server, path echoed).
type Answer = (Address, u64, Address, String);

async fn get_path(http: &reqwest::Client, url: &str, path: &str, key: Option<&str>) -> Answer {
    let mut req = http.get(format!("{url}{path}"));
    if let Some(k) = key {
        req = req.header("x-dtp-key", k);
    }
    let r = req.send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    let h = |name: &str| r.headers()[name].to_str().unwrap().to_string();
    let (pipe, seq, server) = (h("x-dtp-pipe"), h("x-dtp-seq"), h("x-dtp-server"));
    let body: serde_json::Value = r.json().await.unwrap();
    (
        pipe.parse().unwrap(),
        seq.parse().unwrap(),
        server.parse().unwrap(),
        body["path"].as_str().unwrap().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_pipes_keys_stay_unkeyed_spread_answers_are_their_own() {
    let net = localnet().await;
    let admin = funded(&net, &Key::from_seed([1; 32])).await;
    let cfg = HostConfig {
        healthy_threshold: 1,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("shards", &cfg).await.unwrap();
    let mut pipes = Vec::new();
    for i in 0..3 {
        let p = admin
            .create_pipe(host, cap, &format!("shard-{i}"), Policy::Affinity)
            .await
            .unwrap();
        pipes.push(p);
    }
    let dir = tempfile::tempdir().unwrap();
    for (i, name) in ["b0", "b1"].into_iter().enumerate() {
        let key = Key::from_seed([10 + i as u8; 32]);
        funded(&net, &key).await;
        let ep = EndpointArgs {
            server: key.address(),
            label: name.into(),
            region: String::new(),
            weight: 1,
            max_inflight: 0,
            role: 0,
        };
        admin.add_endpoint(host, cap, &ep).await.unwrap();
        // The daemon reads the Host and Pipes: once the node's reads show them.
        admin.sync().await.unwrap();
        let url = backend(name).await;
        let cfg = daemon_config(&net, &key, host, &pipes, &url, &dir.path().join(name));
        tokio::spawn(async move {
            dtp_daemon::run::run(cfg, std::future::pending(), |_, _| {})
                .await
                .unwrap()
        });
    }
    wait_ready(&admin, host, 2).await;

    // Bad input first: each refused at start, naming the problem.
    let (host2, cap2) = admin.create_host("other", &cfg).await.unwrap();
    let foreign = admin
        .create_pipe(host2, cap2, "other", Policy::RoundRobin)
        .await
        .unwrap();
    admin.sync().await.unwrap();
    let listen = "127.0.0.1:0".parse().unwrap();
    for (list, want) in [
        (
            vec![pipes[0], foreign],
            format!("pipe {foreign} belongs to host {host2}"),
        ),
        (
            vec![pipes[0], pipes[0]],
            format!("pipe {} is listed twice", pipes[0]),
        ),
        (vec![], "at least one pipe".to_string()),
    ] {
        let cfg = GatewayConfig::with_pipes(listen, host, list);
        let err = dtp_gateway::start(admin.clone(), cfg).await.err().unwrap();
        assert!(format!("{err:#}").contains(&want), "{err:#} vs {want}");
    }

    let gw_client = funded(&net, &Key::from_seed([30; 32])).await;
    let mut gw_cfg = GatewayConfig::with_pipes(listen, host, pipes.clone());
    gw_cfg.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    let gw = dtp_gateway::start(gw_client, gw_cfg).await.unwrap();
    let (http, url) = (reqwest::Client::new(), gw.url());

    // Nine keys, three requests each, all at once: a key's requests share one Pipe (the one its
    // FNV-1a hash names among the sorted Pipes) and one server; each answer is its own request's.
    let mut sorted = pipes.clone();
    sorted.sort_unstable();
    let keyed = (0..9).flat_map(|k| (0..3).map(move |j| (format!("user-{k}"), j)));
    let calls = keyed.map(|(k, j)| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let path = format!("/echo/{k}/{j}");
            let a = get_path(&http, &url, &path, Some(&k)).await;
            assert_eq!(a.3, path, "an answer to another request");
            (k, a)
        }
    });
    let mut by_key: BTreeMap<String, BTreeSet<(Address, Address)>> = BTreeMap::new();
    let mut ids = BTreeSet::new();
    for (k, (pipe, seq, server, _)) in futures::future::join_all(calls).await {
        let want = sorted[(dtp_gateway::pipes::key_hash(k.as_bytes()) % 3) as usize];
        assert_eq!(pipe, want, "key {k}");
        by_key.entry(k).or_default().insert((pipe, server));
        assert!(ids.insert((pipe, seq)), "({pipe}, {seq}) answered twice");
    }
    assert!(by_key.values().all(|s| s.len() == 1), "{by_key:?}");
    let keyed_pipes: BTreeSet<Address> = by_key.values().flatten().map(|x| x.0).collect();
    assert_eq!(keyed_pipes.len(), 3, "nine keys over {keyed_pipes:?}");

    // Without a key, one at a time: the Pipes take turns.
    let mut per: BTreeMap<Address, usize> = BTreeMap::new();
    for i in 0..6 {
        let (pipe, seq, _, path) = get_path(&http, &url, &format!("/one/{i}"), None).await;
        assert_eq!(path, format!("/one/{i}"));
        assert!(ids.insert((pipe, seq)));
        *per.entry(pipe).or_default() += 1;
    }
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        [2, 2, 2],
        "{per:?}"
    );
    // And 30 at once: every Pipe takes some, every answer is its own.
    let calls = (0..30).map(|i| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let path = format!("/many/{i}?n={i}");
            let a = get_path(&http, &url, &path, None).await;
            assert_eq!(a.3, path, "an answer to another request");
            a
        }
    });
    let mut seen = BTreeSet::new();
    for (pipe, seq, _, _) in futures::future::join_all(calls).await {
        assert!(ids.insert((pipe, seq)), "({pipe}, {seq}) answered twice");
        seen.insert(pipe);
    }
    assert_eq!(seen.len(), 3, "unkeyed requests on {seen:?}");

    // The send counters are per pipe and add up.
    let m = http
        .get(format!("http://{}/metrics", gw.metrics_addr.unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let sends: u64 = pipes
        .iter()
        .map(|p| {
            let name = format!("dtp_gateway_sends_total{{pipe=\"{p}\"}} ");
            m.lines()
                .find_map(|l| l.strip_prefix(&name)?.parse::<u64>().ok())
                .unwrap_or_else(|| panic!("{name} in\n{m}"))
        })
        .sum();
    assert_eq!(sends, 27 + 6 + 30);

    // Replay of every Pipe of the Host, found in its history: each verifies; the totals add up.
    let last = admin.latest_checkpoint().await.unwrap();
    while admin.latest_checkpoint().await.unwrap() <= last {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let range = HistoryRange {
        from: 0,
        to: None,
        transactions: true,
    };
    let hs = admin
        .histories(&Pipes::OfHost(host), range, |_| {})
        .await
        .unwrap();
    let r = replay::merge(&hs, true);
    let found: BTreeSet<Address> = r.pipes.iter().map(|p| p.pipe).collect();
    assert_eq!(
        found,
        pipes.iter().copied().collect(),
        "the Host's pipes only"
    );
    let v = r.verify.unwrap();
    assert!(v.ok(), "{v:#?}");
    let per: Vec<u64> = r.pipes.iter().map(|p| p.summary.completed).collect();
    assert_eq!(per.iter().sum::<u64>(), 63, "{per:?}");
    assert_eq!(r.summary.completed, 63);
    gw.stop();
    net.stop().await;
}
