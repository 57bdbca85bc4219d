//! Bad input never leaves a request stuck or a daemon confused: a backend that hangs, an answer
//! over `max_response_bytes` and a malformed envelope each complete as failed (`ok = false`) with
//! the reason; malformed admin calls get JSON-RPC errors; an invalid configuration fails
//! `dtpd --check` naming the field.

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

use crate::common::*;
use dtp_protocol::envelope::MAGIC;
use dtp_protocol::{HostConfig, Policy};
use dtp_sdk::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_backends_and_payloads_complete_as_failed_with_the_reason() {
    let cfg = HostConfig {
        heartbeat_timeout_ms: 5_000,
        healthy_threshold: 1,
        lease_ms: 10_000,
        ..HostConfig::default()
    };
    let d = deploy(1, cfg, Policy::RoundRobin).await;
    let (backend, url) = sample("b0", 0);
    let c = d.config_with(
        0,
        &[url],
        &[
            ("balance.request_timeout_ms", "500"),
            ("balance.max_response_bytes", "300"),
        ],
    );
    let d0 = d.dtpd(&c);
    d.wait_healthy(&[0], true).await;
    let mut seen = d.watch().await;
    let mut malformed = MAGIC.to_vec();
    malformed.extend([0xff, 0xff, 0xff]);
    let payloads = [
        http_payload("GET", "/hang?delay_ms=30000", b""),
        http_payload("POST", "/big", &[b'x'; 1_000]),
        malformed,
        b"raw hello".to_vec(),
        http_payload("GET", "/api/instance", b""),
    ];
    let mut seqs = Vec::new();
    for p in payloads {
        seqs.push(d.send(p).await.0);
    }
    let all: BTreeSet<u64> = seqs.iter().copied().collect();
    // Bounded: the hanging backend costs one request timeout, not the lease.
    seen.until("every request, good or bad", Duration::from_secs(10), |s| {
        s.all_completed(&all)
    })
    .await;
    seen.assert_exactly_once(&all);
    assert!(seen.reassigned().is_empty());
    let done = seen.completed();
    let answer = |i: usize| done[&seqs[i]][0];
    let text = |i: usize| String::from_utf8_lossy(&answer(i).response).to_string();

    let hang = answer(0);
    assert!(!hang.ok);
    let r = http_answer(&hang.response);
    assert_eq!(r.status, 502);
    let why = String::from_utf8_lossy(&r.body);
    assert!(why.contains("timed out after 500 ms"), "{why}");

    let big = answer(1);
    assert!(!big.ok);
    let r = http_answer(&big.response);
    assert_eq!(r.status, 502);
    let why = String::from_utf8_lossy(&r.body);
    assert!(why.contains("more than 300 bytes"), "{why}");

    assert!(!answer(2).ok);
    assert!(
        text(2).contains("malformed dtp HTTP envelope"),
        "{}",
        text(2)
    );

    assert!(answer(3).ok, "a raw payload is POSTed to /: {}", text(3));
    let body: serde_json::Value = serde_json::from_slice(&answer(3).response).unwrap();
    assert_eq!(body["body"], "raw hello");
    assert!(answer(4).ok, "{}", text(4));
    let c = rpc(&d0, "dtpd_counters").await;
    assert_eq!(
        (c["completed"].as_u64(), c["failed"].as_u64()),
        (Some(5), Some(3)),
        "{c}"
    );

    // The admin API answers malformed calls with JSON-RPC errors and keeps working.
    let e = rpc_raw(&d0, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ").await;
    assert_eq!(e["error"]["code"], -32700, "parse error: {e}");
    let e = rpc_raw(&d0, "[1, 2]").await;
    assert!(
        e.as_array()
            .unwrap()
            .iter()
            .all(|x| x["error"]["code"] == -32600),
        "invalid requests: {e}"
    );
    let e = rpc_raw(
        &d0,
        r#"{"jsonrpc":"2.0","id":2,"method":"dtpd_nope","params":[]}"#,
    )
    .await;
    assert_eq!(e["error"]["code"], -32601, "unknown method: {e}");
    let e = rpc_raw(
        &d0,
        r#"{"jsonrpc":"2.0","id":3,"method":"dtpd_drain","params":[1]}"#,
    )
    .await;
    assert_eq!(e["error"]["code"], -32602, "parameters: {e}");
    let s = rpc(&d0, "dtpd_status").await;
    assert_eq!(
        s["draining"], false,
        "the refused drain changed nothing: {s}"
    );
    // The key's balance is read at the first heartbeat: what the faucet gave, less gas spent.
    let balance = s["gas_balance_mist"].as_u64().unwrap();
    let funded =
        dtp_localnet::genesis::FAUCET_COINS as u64 * dtp_localnet::genesis::FAUCET_COIN_VALUE;
    assert!(balance > funded / 2 && balance < funded, "{s}");
    drop((d0, backend));
    d.net.stop().await;
}

fn check(toml: &str, env: &[(&str, &str)]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, toml).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtpd"));
    cmd.arg("--config").arg(&path).arg("--check");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (status, out, err) = run_to_exit(cmd, Duration::from_secs(20));
    (status.success(), format!("{out}{err}"))
}

#[test]
fn an_invalid_config_fails_check_naming_the_field() {
    let good = format!(
        "[chain]\nurl = \"http://127.0.0.1:9000\"\npackage = \"{PACKAGE}\"\nkey = \"{}\"\n\
         host = \"0x1\"\npipes = [\"0x2\"]\n\n[[backends]]\nurl = \"http://127.0.0.1:8081\"\n",
        Key::from_seed([7; 32]).to_suiprivkey()
    );
    let (ok, out) = check(&good, &[]);
    assert!(ok && out.contains("configuration ok"), "{out}");
    let cases = [
        (format!("{good}\n[balance]\ntries = 0\n"), "balance.tries"),
        (format!("{good}weight = 0\n"), "backends[0].weight"),
        (
            good.replace("http://127.0.0.1:8081", "ftp://x"),
            "backends[0].url",
        ),
        (
            format!("{good}\n[health]\nexpected_status = 42\n"),
            "health.expected_status",
        ),
        (
            format!("{good}\n[daemon]\nmax_concurency = 4\n"),
            "max_concurency",
        ),
        (
            good.replace("pipes = [\"0x2\"]", "pipes = []"),
            "chain.pipes",
        ),
        (
            format!("{good}\n[daemon]\nadmin_listen = \"nope\"\n"),
            "daemon.admin_listen",
        ),
    ];
    for (toml, field) in cases {
        let (ok, out) = check(&toml, &[]);
        assert!(!ok, "{field}: accepted");
        assert!(out.contains(field), "{field} not named: {out}");
    }
    // Environment overrides are validated the same way.
    let (ok, out) = check(&good, &[("DTPD_DAEMON__HEARTBEAT_INTERVAL_MS", "0")]);
    assert!(!ok && out.contains("daemon.heartbeat_interval_ms"), "{out}");
    let (ok, out) = check(&good, &[("DTPD_HEALTH__PATH", "nohealth")]);
    assert!(!ok && out.contains("health.path"), "{out}");
    let (ok, out) = check(&good, &[("DTPD_BALANCE__TRIES", "2")]);
    assert!(ok, "a valid override: {out}");
    let (ok, out) = check(&good, &[("DTPD_DAEMON__METRICS_LISTEN", "")]);
    assert!(ok, "an empty listen address turns it off: {out}");
    // DTPD_CONFIG names the file; it is not taken for a configuration key.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("env.toml");
    std::fs::write(&path, &good).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtpd"));
    cmd.arg("--check").env("DTPD_CONFIG", &path);
    let (status, out, err) = run_to_exit(cmd, Duration::from_secs(20));
    assert!(
        status.success() && out.contains("configuration ok"),
        "{out}{err}"
    );
}
