//! The embedded localnet with the official Sui TypeScript SDK (`@mysten/sui`'s `SuiGrpcClient`,
//! gRPC-web over HTTP/1.1): `tests/grpc-web/send.mjs` reads the chain, is funded by the faucet
//! and executes a `pipe::send` it built and signed itself, once with every reference given and
//! once resolved by the SDK (SimulateTransaction: object inputs by id, gas selection); dtp's
//! replay (the library and `dtp replay --verify`) then finds each request's `Assigned` event.
//!
//! Needs `npm ci --no-audit --no-fund` in `tests/grpc-web` (`.ci/run` does it); fails otherwise.

use std::path::PathBuf;
use std::time::Duration;

use dtp_localnet::genesis::DTP_PACKAGE;
use dtp_localnet::node::{Cadence, NodeConfig};
use dtp_protocol::{EndpointArgs, Event, HostConfig, Policy};
use dtp_sdk::replay::HistoryRange;
use dtp_sdk::{Client, ClientConfig, Key};
use serde_json::Value;
use sui_sdk_types::{Address, Digest};

/// The npm project of the TypeScript test.
fn ts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/grpc-web")
}

async fn localnet() -> dtp_localnet::Running {
    dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: None,
            cadence: Cadence::Immediate,
            ..NodeConfig::default()
        },
    })
    .await
    .unwrap()
}

async fn funded(net: &dtp_localnet::Running, seed: u8) -> Client {
    let key = Key::from_seed([seed; 32]);
    sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url()))
        .unwrap()
        .request(key.address())
        .await
        .unwrap();
    Client::connect(ClientConfig::new(net.grpc_url(), DTP_PACKAGE).with_key(key))
        .await
        .unwrap()
}

/// Drops the caller's `DTP_*` variables: each run gets only what the test gives it.
fn without_dtp_env(cmd: &mut tokio::process::Command) {
    for (k, _) in std::env::vars() {
        if k.starts_with("DTP_") {
            cmd.env_remove(k);
        }
    }
}

/// Runs `node send.mjs` against `net` for `host` / `pipe`, building the transaction with every
/// reference given (`explicit`) or resolved by the SDK through SimulateTransaction (`auto`);
/// returns its JSON line.
async fn run_script(
    net: &dtp_localnet::Running,
    host: Address,
    pipe: Address,
    resolve: &str,
) -> Value {
    let dir = ts_dir();
    assert!(
        dir.join("node_modules/@mysten/sui").is_dir(),
        "the TypeScript SDK is not installed: run `npm ci --no-audit --no-fund` in {} \
         (.ci/run does it before the tests)",
        dir.display()
    );
    let mut cmd = tokio::process::Command::new("node");
    without_dtp_env(&mut cmd);
    cmd.arg("send.mjs")
        .current_dir(&dir)
        .env("DTP_GRPC_URL", net.grpc_url())
        .env("DTP_FAUCET_URL", net.faucet_url())
        .env("DTP_PACKAGE", DTP_PACKAGE.to_string())
        .env("DTP_HOST", host.to_string())
        .env("DTP_PIPE", pipe.to_string())
        .env("DTP_RESOLVE", resolve)
        .kill_on_drop(true);
    let out = tokio::time::timeout(Duration::from_secs(120), cmd.output())
        .await
        .expect("node send.mjs finishes within 120 s")
        .expect("node runs (is Node.js installed?)");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "node send.mjs failed ({}):\n{stderr}\n{stdout}",
        out.status
    );
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// Checks what the TypeScript client read and did; returns its transaction's digest and sender.
fn check_script_output(v: &Value, chain_id: &str) -> (Digest, Address) {
    // What it read matches what the Rust gRPC client reads.
    assert_eq!(s(&v["chainIdentifier"]), chain_id);
    assert_eq!(s(&v["referenceGasPrice"]), "1000");
    assert!(s(&v["clock"]["type"]).ends_with("::clock::Clock"), "{v}");
    assert_eq!(v["clock"]["owner"]["Shared"]["initialSharedVersion"], "1");
    assert_eq!(v["package"]["owner"]["Immutable"], true, "{v}");
    assert!(s(&v["pipe"]["type"]).ends_with("::pipe::Pipe"), "{v}");
    assert!(s(&v["host"]["type"]).ends_with("::host::Host"), "{v}");
    assert_eq!(v["faucetCoins"], 5);
    assert_eq!(s(&v["balance"]), "1000000000000");
    assert_eq!(v["status"]["success"], true, "{v}");
    let events: Vec<&str> = v["events"].as_array().unwrap().iter().map(s).collect();
    assert!(
        events.iter().any(|e| e.ends_with("::events::Assigned")),
        "{v}"
    );
    let digest: Digest = s(&v["digest"]).parse().unwrap();
    assert_eq!(s(&v["waited"]), digest.to_string());
    (digest, s(&v["sender"]).parse().unwrap())
}

/// The `Assigned` event of transaction `digest`, as dtp's replay reads the Pipe's history.
async fn assigned(c: &Client, pipe: Address, digest: Digest) -> dtp_protocol::events::Assigned {
    for _ in 0..200 {
        let range = HistoryRange {
            from: 0,
            to: None,
            transactions: true,
        };
        let h = c.history(pipe, range, |_| {}).await.unwrap();
        let found = h.events.iter().find_map(|e| match &e.event {
            Event::Assigned(a) if e.tx_digest == digest => Some(a.clone()),
            _ => None,
        });
        if let Some(a) = found {
            return a;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("replay finds no Assigned event of the TypeScript transaction {digest}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typescript_sdk_reads_funds_and_sends_into_a_pipe() {
    let net = localnet().await;
    let admin = funded(&net, 61).await;
    let server = funded(&net, 62).await;
    let cfg = HostConfig {
        healthy_threshold: 1,
        heartbeat_timeout_ms: 600_000,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("ts", &cfg).await.unwrap();
    let me = server.address().unwrap();
    let args = EndpointArgs {
        server: me,
        label: "s1".into(),
        region: "eu".into(),
        weight: 1,
        max_inflight: 0,
        role: 0,
    };
    admin.add_endpoint(host, cap, &args).await.unwrap();
    server.heartbeat(host, true, 0).await.unwrap();
    let pipe = admin
        .create_pipe(host, cap, "ts", Policy::RoundRobin)
        .await
        .unwrap();

    let mut rpc = admin.rpc();
    let chain_id = rpc
        .ledger_client()
        .get_service_info(sui_rpc::proto::sui::rpc::v2::GetServiceInfoRequest::default())
        .await
        .unwrap()
        .into_inner()
        .chain_id()
        .to_string();
    let mut sent = Vec::new();
    for resolve in ["explicit", "auto"] {
        let v = run_script(&net, host, pipe, resolve).await;
        eprintln!("send.mjs ({resolve}): {v}");
        sent.push(check_script_output(&v, &chain_id));
    }

    // dtp's replay sees both requests: each one's Assigned event in its transaction.
    for (seq, (digest, sender)) in sent.iter().enumerate() {
        let a = assigned(&admin, pipe, *digest).await;
        assert_eq!(
            (a.pipe, a.server, a.seq, a.attempt),
            (pipe, me, seq as u64, 1)
        );
        assert_eq!(a.sender, *sender);
    }

    // And `dtp replay --verify` re-executes it on the twin: the assignment is the policy's.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_dtp"));
    without_dtp_env(&mut cmd);
    let out = cmd
        .args(["--config"])
        .arg(home.path().join("config.toml"))
        .args(["--json", "--url", &net.grpc_url(), "replay", "--verify"])
        .args(["--pipe", &pipe.to_string()])
        .env("HOME", home.path())
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "dtp replay: {}{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_str(&stdout).unwrap();
    let t = r["timelines"].as_array().unwrap();
    assert_eq!(t.len(), 2, "{r}");
    for (t, (_, sender)) in t.iter().zip(&sent) {
        assert_eq!(s(&t["status"]), "pending");
        assert_eq!(s(&t["sender"]).parse::<Address>().unwrap(), *sender);
    }
    net.stop().await;
}
