//! `dtp up` as a user runs it: 200 requests through the gateway spread exactly round robin; a
//! daemon killed with SIGKILL does not stop requests from succeeding (its work is taken over);
//! SIGINT stops everything and leaves no process behind, also when its stdout and stderr were
//! closed. With `--pipes 2` the gateway spreads requests over both pipes (a key stays on one) and
//! `dtp replay` of both verifies them.

use std::collections::BTreeMap;
use std::process::Command;

use crate::support::*;

#[test]
fn dtp_up_serves_round_robin_survives_a_killed_daemon_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let Up {
        child,
        pids,
        gw,
        metrics,
        ..
    } = up(3, &["--policy", "round_robin"], dir.path());
    let per = get(gw, 201);
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        vec![67, 67, 67],
        "round robin is exactly even: {per:?}"
    );
    let m = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async { reqwest::get(&metrics).await.unwrap().text().await.unwrap() });
    assert!(
        m.contains("dtp_gateway_requests_total{status=\"200\"} 201"),
        "{m}"
    );

    // SIGKILL one daemon: requests keep succeeding (the dead one's are taken over after its lease).
    let victim = pids["daemon-1"];
    assert!(Command::new("kill")
        .args(["-9", &victim.to_string()])
        .status()
        .unwrap()
        .success());
    let per = get(gw, 20);
    assert_eq!(per.values().sum::<usize>(), 20);
    stop(child, &pids);
}

/// Also run as a supervisor whose log readers died runs it (stdout and stderr closed): `dtp up`
/// must not panic at its next line and leave its servers behind.
#[test]
fn dtp_up_weighted_follows_the_weights_within_5_percent_with_its_output_closed() {
    let dir = tempfile::tempdir().unwrap();
    let Up {
        child, pids, gw, ..
    } = up_with_closed_output(3, &["--policy", "weighted"], dir.path());
    // `dtp up` gives server-i weight 1 + i % 3: 1, 2, 3.
    let n = 300;
    let per = get(gw, n);
    for (i, w) in [1.0, 2.0, 3.0].iter().enumerate() {
        let want = n as f64 * w / 6.0;
        let got = *per.get(&format!("server-{i}")).unwrap_or(&0) as f64;
        assert!(
            (got - want).abs() <= want * 0.05,
            "server-{i}: {got} vs {want} ({per:?})"
        );
    }
    let status = stop(child, &pids);
    assert!(
        status.success(),
        "dtp up exited {status} with its output closed"
    );
}

/// `dtp` with `args`, its own config file and HOME: (success, stdout, stderr).
fn dtp(args: &[&str], home: &std::path::Path) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .arg("--config")
        .arg(home.join("config.toml"))
        .args(args)
        .env("HOME", home)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (o.status.success(), text(o.stdout), text(o.stderr))
}

#[test]
fn dtp_up_with_two_pipes_serves_both_and_replays_them_together() {
    let home = tempfile::tempdir().unwrap();
    let (ok, _, err) = dtp(&["up", "--pipes", "0"], home.path());
    assert!(!ok && err.contains("--pipes"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let up = up(2, &["--pipes", "2"], dir.path());
    assert_eq!(up.pipes.len(), 2, "the summary lists both pipes");
    let want = format!(
        "replay --pipe {} --pipe {} --verify",
        up.pipes[0], up.pipes[1]
    );
    assert!(up.replay.ends_with(&want), "{}", up.replay);
    let url = format!("http://127.0.0.1:{}/api/instance", up.gw);
    let (unkeyed, keyed) = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let http = reqwest::Client::new();
        let pipe_of =
            |r: &reqwest::Response| r.headers()["x-dtp-pipe"].to_str().unwrap().to_string();
        let (mut unkeyed, mut keyed) = (BTreeMap::new(), BTreeMap::new());
        for i in 0..20 {
            let mut req = http.get(&url);
            if i % 2 == 1 {
                req = req.header("x-dtp-key", "alice");
            }
            let r = req.send().await.unwrap();
            assert_eq!(r.status(), 200);
            let per = if i % 2 == 1 { &mut keyed } else { &mut unkeyed };
            *per.entry(pipe_of(&r)).or_insert(0) += 1;
        }
        (unkeyed, keyed)
    });
    assert_eq!(
        unkeyed.values().copied().collect::<Vec<_>>(),
        [5, 5],
        "{unkeyed:?}"
    );
    assert_eq!(keyed.len(), 1, "alice stays on one pipe: {keyed:?}");

    // The summary's replay command verifies both pipes' timelines, merged.
    let node = format!("http://127.0.0.1:{}", up.grpc);
    let mut args = vec!["--url", node.as_str(), "--json", "replay"];
    args.extend(want.split_whitespace().skip(1));
    let (ok, out, err) = dtp(&args, home.path());
    assert!(ok, "{err}\n{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verify"]["violations"], serde_json::json!([]), "{out}");
    assert_eq!(v["verify"]["policy"]["status"], "checked");
    let parts = v["pipes"].as_array().unwrap();
    let done: Vec<u64> = parts
        .iter()
        .map(|p| p["summary"]["completed"].as_u64().unwrap())
        .collect();
    assert_eq!(done.iter().sum::<u64>(), 20, "{done:?}");
    assert!(done.iter().all(|&n| n >= 5), "{done:?}");
    assert_eq!(v["summary"]["completed"], 20);
    assert_eq!(v["timelines"].as_array().unwrap().len(), 20);
    let (ok, text, err) = dtp(
        &args[..2]
            .iter()
            .chain(&args[3..])
            .copied()
            .collect::<Vec<_>>(),
        home.path(),
    );
    assert!(ok, "{err}");
    assert!(text.contains("verify: no violation on 2 pipes"), "{text}");
    assert!(text.contains("total: 20 requests: 20 completed"), "{text}");

    // While it runs, the CLI config's `up` profile points at it: no URL, Host or Pipe given.
    let cli = dir.path().join("cli-config.toml");
    let with_cli = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_dtp"))
            .arg("--config")
            .arg(&cli)
            .args(args)
            .env("HOME", home.path())
            .env_remove("DTP_URL")
            .env_remove("DTP_PROFILE")
            .output()
            .unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (o.status.success(), text(o.stdout), text(o.stderr))
    };
    let (ok, out, err) = with_cli(&["--json", "status"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["host"]["endpoints"].as_array().unwrap().len(), 2, "{out}");
    assert_eq!(v["pipes"][0]["id"], up.pipes[0], "{out}");
    let (ok, text, err) = with_cli(&["replay", "--verify"]);
    assert!(ok && text.contains("verify: no violation"), "{err}\n{text}");
    stop(up.child, &up.pids);
    // Stopped: the profile that was active before (none) is active again; `up` is kept.
    let file = std::fs::read_to_string(&cli).unwrap();
    assert!(!file.contains("profile = \"up\""), "{file}");
    assert!(file.contains("[profiles.up]"), "{file}");

    // Reusing the data dir with another number of pipes is refused, naming it.
    let port = |p: u16| format!("127.0.0.1:{p}");
    let (gw, grpc, faucet) = (port(free_port()), port(free_port()), port(free_port()));
    let dir = dir.path().to_string_lossy();
    let again = [
        "up",
        "--pipes",
        "3",
        "--replicas",
        "2",
        "--data-dir",
        &dir,
        "--listen",
        &gw,
    ];
    let (ok, _, err) = dtp(
        &[&again[..], &["--grpc", &grpc, "--faucet", &faucet]].concat(),
        home.path(),
    );
    assert!(
        !ok && err.contains("2 pipe(s)") && err.contains("--pipes"),
        "{err}"
    );
}

#[test]
fn dtp_up_with_two_gateways_serves_through_both_with_their_own_keys() {
    let dir = tempfile::tempdir().unwrap();
    let up = up(2, &["--gateways", "2"], dir.path());
    let seqs = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let http = reqwest::Client::new();
        let calls = (0..20).map(|i| {
            let url = format!(
                "http://127.0.0.1:{}/api/instance?i={i}",
                up.gw + (i % 2) as u16
            );
            let http = http.clone();
            async move {
                let r = http.get(&url).send().await.unwrap();
                assert_eq!(r.status(), 200, "{url}");
                r.headers()["x-dtp-seq"]
                    .to_str()
                    .unwrap()
                    .parse::<u64>()
                    .unwrap()
            }
        });
        futures::future::join_all(calls).await
    });
    let distinct: std::collections::BTreeSet<u64> = seqs.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        20,
        "every request its own, through either gateway: {seqs:?}"
    );
    stop(up.child, &up.pids);
    // Each gateway signed with its own key: two keys after the admin's are gateways'.
    let keys = dtp_sdk::keys::read_keystore(&dir.path().join("keys.keystore")).unwrap();
    assert_eq!(
        keys.len(),
        2 + 2 + 1,
        "admin, gateway, 2 servers, the second gateway"
    );
}
