//! The SDK against a started embedded localnet (over gRPC on loopback): keys, faucet, typed
//! operations, readers, the event stream, `send_and_wait` served by two minimal servers, typed
//! aborts, and clear errors for a wrong package or an unreachable node.

use std::time::Duration;

use dtp_localnet::node::Cadence;
use dtp_protocol::{EndpointArgs, Event, HostConfig, MoveAbort, Policy};
use dtp_sdk::{Client, ClientConfig, Error, Key};
use futures::StreamExt;
use sui_sdk_types::Address;

use crate::common;

async fn localnet() -> dtp_localnet::Running {
    common::localnet_with(Cadence::Interval(Duration::from_millis(20)), None).await
}

async fn funded(net: &dtp_localnet::Running, seed: u8) -> Client {
    common::funded(net, &Key::from_seed([seed; 32])).await
}

/// A toy server: claims what is assigned to it and answers with the payload upper-cased.
fn serve(c: Client, host: Address, pipe: Address) {
    tokio::spawn(async move {
        let me = c.address().unwrap();
        let from = c.latest_checkpoint().await.unwrap();
        let mut events = Box::pin(c.follow(from));
        while let Some(cp) = events.next().await {
            for e in cp.events {
                let Event::Assigned(a) = e.event else {
                    continue;
                };
                if a.server != me {
                    continue;
                }
                c.claim(pipe, host, a.seq, a.attempt).await.unwrap();
                let p = c.pipe(pipe).await.unwrap();
                let req = c.pending(&p, a.seq).await.unwrap().expect("pending");
                c.complete(
                    pipe,
                    host,
                    a.seq,
                    a.attempt,
                    true,
                    req.payload.to_ascii_uppercase(),
                )
                .await
                .unwrap();
            }
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sdk_drives_a_whole_deployment() {
    let net = localnet().await;
    let admin = funded(&net, 1).await;
    let s1 = funded(&net, 2).await;
    let s2 = funded(&net, 3).await;
    let user = funded(&net, 4).await;

    let cfg = HostConfig {
        healthy_threshold: 1,
        lease_ms: 2_000,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("demo", &cfg).await.unwrap();
    // A Sui fullnode's reads trail its effects: other clients (and the owner index) see the
    // Host only once the node's reads show the transaction.
    admin.sync().await.unwrap();
    assert_eq!(admin.find_cap(host).await.unwrap(), Some(cap));
    for (c, name) in [(&s1, "s1"), (&s2, "s2")] {
        let args = EndpointArgs {
            server: c.address().unwrap(),
            label: name.into(),
            region: "eu".into(),
            weight: 1,
            max_inflight: 0,
            role: 0,
        };
        admin.add_endpoint(host, cap, &args).await.unwrap();
        c.heartbeat(host, true, 0).await.unwrap();
    }
    let pipe = admin
        .create_pipe(host, cap, "main", Policy::RoundRobin)
        .await
        .unwrap();
    for c in [&admin, &s1, &s2] {
        c.sync().await.unwrap();
    }
    let h = user.host(host).await.unwrap();
    assert_eq!((h.label.as_str(), h.endpoints.len()), ("demo", 2));
    assert!(h
        .endpoints
        .iter()
        .all(|e| e.is_healthy(&h.config, e.last_heartbeat_ms)));

    serve(s1.clone(), host, pipe);
    serve(s2.clone(), host, pipe);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut servers = Vec::new();
    for word in ["alpha", "beta", "gamma", "delta"] {
        let r = user
            .send_and_wait(
                pipe,
                host,
                word.as_bytes().to_vec(),
                vec![],
                "",
                Duration::from_secs(20),
            )
            .await
            .unwrap();
        assert!(r.ok);
        assert_eq!(r.response, word.to_ascii_uppercase().into_bytes());
        servers.push(r.server);
    }
    let (a1, a2) = (s1.address().unwrap(), s2.address().unwrap());
    assert_eq!(servers, vec![a1, a2, a1, a2], "round robin alternates");
    let p = user.pipe(pipe).await.unwrap();
    assert_eq!((p.next_seq, p.pending.size), (4, 0));

    // Typed aborts: a stale completion and a non-admin call.
    let err = s2
        .complete(pipe, host, 0, 1, true, vec![])
        .await
        .unwrap_err();
    assert_eq!(err.abort(), Some(MoveAbort::UnknownRequest), "{err}");
    let other_cap = {
        let (_, c) = user.create_host("other", &cfg).await.unwrap();
        c
    };
    let err = user
        .create_pipe(host, other_cap, "x", Policy::Random)
        .await
        .unwrap_err();
    assert_eq!(err.abort(), Some(MoveAbort::NotAdmin), "{err}");
    assert!(err.to_string().contains("ENotAdmin"), "{err}");

    // Readers check the Move type.
    let err = user.host(pipe).await.unwrap_err();
    assert!(matches!(err, Error::WrongType { .. }), "{err}");
    let err = user.pipe(Address::new([7; 32])).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");

    // Nothing pending: the table is empty; a pending request shows up with its payload.
    assert!(user.table(p.pending.id).await.unwrap().is_empty());
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_package_and_unreachable_node_are_clear_errors() {
    let net = localnet().await;
    let cfg = ClientConfig::new(net.grpc_url(), Address::from_static("0x2"));
    let err = Client::connect(cfg).await.err().expect("0x2 is not dtp");
    assert!(matches!(err, Error::NotDtp(_)), "{err}");
    let cfg = ClientConfig::new(net.grpc_url(), Address::new([9; 32]));
    assert!(matches!(
        Client::connect(cfg).await.err().unwrap(),
        Error::NotDtp(_)
    ));
    net.stop().await;
    let mut cfg = ClientConfig::new("http://127.0.0.1:1", dtp_localnet::genesis::DTP_PACKAGE);
    cfg.timeout = Duration::from_secs(3);
    let err = Client::connect(cfg)
        .await
        .err()
        .expect("nothing listens on port 1");
    assert!(matches!(err, Error::Unreachable { .. }), "{err}");
    assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
}

#[test]
fn the_sdk_knows_where_the_localnet_has_the_package() {
    assert_eq!(
        dtp_sdk::LOCALNET_PACKAGE,
        dtp_localnet::genesis::DTP_PACKAGE
    );
}
