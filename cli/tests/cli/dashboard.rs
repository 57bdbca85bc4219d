//! The live dashboard in a real browser (headless Chromium): the page `dtp up` serves on the
//! gateway's metrics listener lists the three servers as healthy with the assignments of the
//! requests sent; a daemon killed with SIGKILL turns its server unhealthy on the page within the
//! Host's heartbeat timeout; `dtp dashboard --host` of a Host that does not exist answers with a
//! page that says so. Screenshots are kept under the target directory.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::browser::{self, tags_with};
use crate::support::*;

/// What the page shows for the server labelled `label`: `healthy`, `unhealthy`, or absent.
fn health_of(dom: &str, label: &str) -> Option<String> {
    let needle = format!("data-label=\"{label}\"");
    let tag = tags_with(dom, &needle).into_iter().next()?;
    let at = tag.find("data-health=\"")? + 13;
    Some(tag[at..].split('"').next()?.to_string())
}

#[test]
fn the_dashboard_shows_the_servers_health_live_and_a_missing_host_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let Up {
        child,
        mut pids,
        gw,
        metrics,
        grpc,
        ..
    } = up(3, &["--policy", "round_robin"], dir.path());
    let url = metrics.replace("/metrics", "/dashboard");
    let per = get(gw, 9);
    assert_eq!(per.values().sum::<usize>(), 9);

    let wait = Duration::from_secs(4);
    let dom = browser::dom(&url, wait);
    for i in 0..3 {
        assert_eq!(
            health_of(&dom, &format!("server-{i}")).as_deref(),
            Some("healthy"),
            "server-{i} is listed as healthy:\n{dom}"
        );
    }
    assert!(
        dom.contains("data-state=\"ok\""),
        "no error on the page:\n{dom}"
    );
    let state: serde_json::Value = tokio::runtime::Runtime::new().unwrap().block_on(async {
        reqwest::get(url.replace("/dashboard", "/dashboard/state"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    assert_eq!(state["pipes"].as_array().unwrap().len(), 1, "{state}");
    let timeout = state["heartbeat_timeout_ms"]
        .as_u64()
        .expect("the Host's timeout");
    let shots = browser::artifacts();
    browser::screenshot(&url, &shots.join("dashboard-healthy.png"), wait);

    // Requests sent while the page is open show in its feed.
    get(gw, 6);
    let dom = browser::dom(&url, wait);
    assert!(
        !tags_with(&dom, "data-kind=\"assigned\"").is_empty(),
        "the feed shows assignments:\n{dom}"
    );

    // SIGKILL daemon-0: its heartbeats stop, and within the heartbeat timeout the page says so.
    let victim = pids.remove("daemon-0").unwrap();
    assert!(Command::new("kill")
        .args(["-9", &victim.to_string()])
        .status()
        .unwrap()
        .success());
    let killed = Instant::now();
    loop {
        let dom = browser::dom(&url, Duration::from_secs(2));
        if health_of(&dom, "server-0").as_deref() == Some("unhealthy") {
            assert_eq!(health_of(&dom, "server-1").as_deref(), Some("healthy"));
            break;
        }
        assert!(
            killed.elapsed() < Duration::from_millis(timeout) + Duration::from_secs(8),
            "server-0 still shown healthy {:?} after its daemon died (heartbeat timeout {timeout} ms):\n{dom}",
            killed.elapsed()
        );
    }
    browser::screenshot(&url, &shots.join("dashboard-unhealthy.png"), wait);

    // A Host that does not exist: the page says so instead of staying blank.
    let missing = format!("0x{}", "ab".repeat(32));
    let mut dash = Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args(["--url", &format!("http://127.0.0.1:{grpc}"), "dashboard"])
        .args(["--host", &missing, "--listen", "127.0.0.1:0"])
        .env("DTP_CONFIG", dir.path().join("cli-config.toml"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The reader is kept until the dashboard stops: it prints more after its URL.
    let mut out = BufReader::new(dash.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let page = line
        .strip_prefix("dashboard")
        .map(str::trim)
        .unwrap_or_else(|| panic!("dtp dashboard prints its URL first: {line:?}"))
        .to_string();
    let dom = browser::dom(&page, wait);
    browser::screenshot(&page, &shots.join("dashboard-missing-host.png"), wait);
    let _ = dash.kill();
    let _ = dash.wait();
    drop(out);
    assert!(
        dom.contains("data-state=\"error\"") && dom.contains("does not exist"),
        "a missing Host is named on the page:\n{dom}"
    );
    assert!(dom.contains(&missing), "{dom}");
    stop(child, &pids);
}
