//! `dtp scale` and `dtp rollout` on a running `dtp up`, under a continuous request loop through
//! its gateway (the seeds' `curl` loop, bounded): 3 -> 5 -> 2 servers and a full rollout with no
//! failed request, the instance names changing as servers come and go, and the history verified
//! afterwards (every assignment the policy's, none completed twice). A scale below 1, past the
//! Host's endpoint limit, or of a data directory where no `dtp up` runs fails at once and changes
//! nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::*;

/// `dtp <args>` with the test's CLI config: (success, stdout, stderr).
fn dtp(args: &[&str], dir: &std::path::Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args(args)
        .env("DTP_CONFIG", dir.join("cli-config.toml"))
        .env_remove("DTP_PROFILE")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Answers seen by the loop, in order: (status, instance).
type Seen = Arc<Mutex<Vec<(u16, String)>>>;

/// GETs through the gateway one after another until `stop`.
fn request_loop(gw: u16, stop: Arc<AtomicBool>) -> (Seen, std::thread::JoinHandle<()>) {
    let seen: Seen = Arc::default();
    let out = seen.clone();
    let t = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap();
            let url = format!("http://127.0.0.1:{gw}/api/instance");
            while !stop.load(Ordering::Relaxed) {
                let answer = match http.get(&url).send().await {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        let v: serde_json::Value = r.json().await.unwrap_or_default();
                        (status, v["instance"].as_str().unwrap_or("").to_string())
                    }
                    Err(e) => (0, format!("{e}")),
                };
                out.lock().unwrap().push(answer);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    });
    (seen, t)
}

/// The instances that answered the last `n` requests so far.
fn recent(seen: &Seen, n: usize) -> BTreeSet<String> {
    let s = seen.lock().unwrap();
    s.iter().rev().take(n).map(|a| a.1.clone()).collect()
}

#[test]
fn scale_up_down_and_a_rollout_under_load_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_string();
    let Up {
        child, pids, gw, ..
    } = up(3, &["--policy", "round_robin"], dir.path());
    let stop_loop = Arc::new(AtomicBool::new(false));
    let (seen, looper) = request_loop(gw, stop_loop.clone());
    std::thread::sleep(Duration::from_secs(2));
    let names = |want: &[&str]| want.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        recent(&seen, 30),
        names(&["server-0", "server-1", "server-2"])
    );

    // Bad changes fail at once and change nothing.
    let (ok, _, err) = dtp(&["scale", "0", "--data-dir", &data], dir.path());
    assert!(!ok && err.contains("0"), "{err}");
    let (ok, _, err) = dtp(&["scale", "100", "--data-dir", &data], dir.path());
    assert!(!ok && err.contains("at most 64 endpoints"), "{err}");
    let elsewhere = tempfile::tempdir().unwrap();
    let (ok, _, err) = dtp(
        &[
            "scale",
            "4",
            "--data-dir",
            elsewhere.path().to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!ok && err.contains("no dtp up is running"), "{err}");
    let (ok, _, err) = dtp(
        &["rollout", "--max-unavailable", "3", "--data-dir", &data],
        dir.path(),
    );
    assert!(!ok && err.contains("would stop all 3 servers"), "{err}");

    // 3 -> 5: the new servers answer once healthy.
    let (ok, out, err) = dtp(&["scale", "5", "--data-dir", &data], dir.path());
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("servers    3 -> 5") && out.contains("server-3, server-4"),
        "{out}"
    );
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        recent(&seen, 40),
        names(&["server-0", "server-1", "server-2", "server-3", "server-4"])
    );

    // 5 -> 2: the highest-numbered go, drained first.
    let (ok, out, err) = dtp(&["scale", "2", "--data-dir", &data], dir.path());
    assert!(ok, "{out}{err}");
    assert!(out.contains("servers    5 -> 2"), "{out}");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(recent(&seen, 20), names(&["server-0", "server-1"]));

    // A rollout restarts both, one at a time: the loop never sees a failure.
    let before = seen.lock().unwrap().len();
    let (ok, out, err) = dtp(&["rollout", "--data-dir", &data], dir.path());
    assert!(ok, "{out}{err}");
    assert!(out.contains("stopped    server-0, server-1"), "{out}");
    std::thread::sleep(Duration::from_secs(1));
    stop_loop.store(true, Ordering::Relaxed);
    looper.join().unwrap();
    let all = seen.lock().unwrap().clone();
    assert!(
        all.len() > before + 5,
        "the loop went on during the rollout"
    );
    let failed: Vec<_> = all.iter().filter(|a| a.0 != 200).collect();
    assert!(
        failed.is_empty(),
        "{} of {} failed: {failed:?}",
        failed.len(),
        all.len()
    );
    let mut per: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &all {
        *per.entry(a.1.as_str()).or_default() += 1;
    }
    assert_eq!(per.len(), 5, "every server answered at some point: {per:?}");

    // The whole history verifies: no request completed twice, every assignment the policy's.
    let (ok, out, err) = dtp(&["replay", "--verify"], dir.path());
    assert!(ok, "{out}{err}");
    assert!(out.contains("verify: no violation"), "{out}");
    let (ok, out, _) = dtp(&["--json", "status"], dir.path());
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["host"]["endpoints"].as_array().map(Vec::len),
        Some(2),
        "the Host holds the two servers left: {v}"
    );
    stop(child, &pids);
}

/// The autoscaler's state from the control endpoint of the `dtp up` on `dir`.
fn autoscale_state(dir: &std::path::Path) -> serde_json::Value {
    let c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("control.json")).unwrap()).unwrap();
    let url = format!("{}/autoscale", c["url"].as_str().unwrap());
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async { reqwest::get(url).await.unwrap().json().await.unwrap() })
}

/// Waits until the autoscaler has made `n` decisions (within `limit`); returns them.
fn decisions(dir: &std::path::Path, n: usize, limit: Duration) -> Vec<serde_json::Value> {
    let start = std::time::Instant::now();
    loop {
        let d = autoscale_state(dir)["decisions"]
            .as_array()
            .unwrap()
            .clone();
        if d.len() >= n {
            return d;
        }
        assert!(
            start.elapsed() < limit,
            "{} decisions after {limit:?}: {d:?}",
            d.len()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The roles of the Host's endpoints, in registration order (0 active, 1 standby).
fn roles(dir: &std::path::Path) -> Vec<u64> {
    let (ok, out, err) = dtp(&["--json", "status"], dir);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["host"]["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["role"].as_u64().unwrap())
        .collect()
}

#[test]
fn autoscale_promotes_the_standby_under_load_and_scales_back_after_the_cooldown() {
    let dir = tempfile::tempdir().unwrap();
    let flags = [
        "--standby",
        "1",
        "--autoscale",
        "1..2",
        "--autoscale-target",
        "2",
        "--autoscale-window",
        "2",
        "--autoscale-cooldown",
        "4",
    ];
    let Up {
        child, pids, gw, ..
    } = up(1, &flags, dir.path());
    assert_eq!(
        autoscale_state(dir.path())["decisions"],
        serde_json::json!([])
    );

    // A load step: 48 requests at a time keep requests pending on the Pipe.
    let stop_load = Arc::new(AtomicBool::new(false));
    let loops: Vec<_> = (0..48)
        .map(|_| request_loop(gw, stop_load.clone()))
        .collect();
    let up_at = std::time::Instant::now();
    let d = decisions(dir.path(), 1, Duration::from_secs(20));
    assert_eq!(
        (d[0]["from"].as_u64(), d[0]["to"].as_u64()),
        (Some(1), Some(2)),
        "{d:?}"
    );
    assert!(
        d[0]["reason"]
            .as_str()
            .unwrap()
            .contains("above the target"),
        "{d:?}"
    );
    // The new server takes traffic.
    let seen = loop {
        let names: BTreeSet<String> = loops.iter().flat_map(|(s, _)| recent(s, 20)).collect();
        if names.contains("server-1") {
            break names;
        }
        assert!(
            up_at.elapsed() < Duration::from_secs(40),
            "server-1 never answered: {names:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(seen.contains("server-0"), "{seen:?}");
    let (ok, out, err) = dtp(&["status"], dir.path());
    assert!(ok, "{err}");
    assert!(
        out.contains("autoscale 1..2") && out.contains("1 -> 2 active"),
        "{out}"
    );

    // The load ends: after the cooldown and a quiet window the server goes again.
    stop_load.store(true, Ordering::Relaxed);
    let mut answers = Vec::new();
    for (s, t) in loops {
        t.join().unwrap();
        answers.extend(s.lock().unwrap().clone());
    }
    let failed: Vec<_> = answers.iter().filter(|a| a.0 != 200).collect();
    assert!(
        failed.is_empty(),
        "{} of {} failed: {failed:?}",
        failed.len(),
        answers.len()
    );
    let d = decisions(dir.path(), 2, Duration::from_secs(30));
    assert_eq!(
        (d[1]["from"].as_u64(), d[1]["to"].as_u64()),
        (Some(2), Some(1)),
        "{d:?}"
    );
    assert!(d[1]["reason"].as_str().unwrap().contains("below"), "{d:?}");
    let between = d[1]["at_ms"].as_u64().unwrap() - d[0]["at_ms"].as_u64().unwrap();
    assert!(between >= 4_000, "not before the cooldown: {between} ms");
    assert_eq!(
        roles(dir.path()),
        vec![0],
        "the highest-numbered active server went"
    );
    stop(child, &pids);

    // Bounds the start does not fit are refused at once.
    let other = tempfile::tempdir().unwrap();
    for (bad, why) in [
        ("3..5", "outside --autoscale"),
        ("2", "MIN..MAX"),
        ("0..2", "1 <="),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_dtp"))
            .args(["up", "--replicas", "2", "--autoscale", bad, "--data-dir"])
            .arg(other.path())
            .env("DTP_CONFIG", other.path().join("cli-config.toml"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(why), "{bad}: {err}");
    }
}
