//! `dtp replay` on a history with takeovers, a release, a dead letter and a cancel: timelines,
//! summary and `--verify`.

use std::time::Duration;

use dtp_protocol::MoveAbort;
use dtp_sdk::{Client, ClientConfig};
use serde_json::Value;
use sui_sdk_types::Address;

use super::common::{actor, addr, localnet, Dtp};
use crate::support::browser;

const LEASE_MS: u64 = 1_000;

async fn expire() {
    tokio::time::sleep(Duration::from_millis(LEASE_MS + 300)).await;
}

fn steps(t: &Value) -> Vec<(String, u64, Address)> {
    t["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let server = s
                .get("to")
                .or(s.get("server"))
                .map(addr)
                .unwrap_or(Address::ZERO);
            (
                s["event"].as_str().unwrap().to_string(),
                s["attempt"].as_u64().unwrap_or(0),
                server,
            )
        })
        .collect()
}

fn step(event: &str, attempt: u64, server: Address) -> (String, u64, Address) {
    (event.to_string(), attempt, server)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replay_shows_and_verifies_takeovers_releases_and_dead_letters() {
    let net = localnet().await;
    let dtp = Dtp::new(&net);
    let admin_addr = dtp.init_funded().await;
    let lease = LEASE_MS.to_string();
    let v = dtp
        .json(&[
            "host",
            "create",
            "--lease-ms",
            &lease,
            "--max-attempts",
            "2",
            "--healthy-threshold",
            "1",
            "--heartbeat-timeout-ms",
            "600000",
        ])
        .await;
    let host = addr(&v["host"]);
    let s1 = actor(&dtp, 21).await;
    let s2 = actor(&dtp, 22).await;
    let (a1, a2) = (s1.address().unwrap(), s2.address().unwrap());
    dtp.ok(&["endpoint", "add", &a1.to_string(), "--label", "s1"])
        .await;
    dtp.ok(&["endpoint", "add", &a2.to_string(), "--label", "s2"])
        .await;
    s1.heartbeat(host, true, 0).await.unwrap();
    s2.heartbeat(host, true, 0).await.unwrap();
    let pipe = addr(
        &dtp.json(&["pipe", "create", "--policy", "round_robin"])
            .await["pipe"],
    );

    // Round robin: seq 0, 2, 4 to s1; 1, 3 to s2.
    for (i, want) in [a1, a2, a1, a2, a1].into_iter().enumerate() {
        let v = dtp.json(&["send", &format!("job {i}")]).await;
        assert_eq!(
            (v["seq"].as_u64(), addr(&v["server"])),
            (Some(i as u64), want)
        );
    }
    // s2 serves its own; s1 releases seq 4 (to s2, which serves it) and never serves 0 and 2.
    for seq in [1, 3] {
        s2.claim(pipe, host, seq, 1).await.unwrap();
        s2.complete(pipe, host, seq, 1, true, b"done".to_vec())
            .await
            .unwrap();
    }
    s1.claim(pipe, host, 4, 1).await.unwrap();
    s1.release(pipe, host, 4, 1).await.unwrap();
    s2.claim(pipe, host, 4, 2).await.unwrap();
    s2.complete(pipe, host, 4, 2, true, b"done".to_vec())
        .await
        .unwrap();
    // s1's leases run out: s2 takes 0 over and completes it; s1's late answer is fenced off.
    expire().await;
    s2.takeover(pipe, host, 0).await.unwrap();
    let err = s1
        .complete(pipe, host, 0, 1, true, vec![])
        .await
        .unwrap_err();
    assert_eq!(err.abort(), Some(MoveAbort::StaleAttempt), "{err}");
    s2.claim(pipe, host, 0, 2).await.unwrap();
    s2.complete(pipe, host, 0, 2, true, b"late but once".to_vec())
        .await
        .unwrap();
    // s2 takes 2 over and stalls too; s1's takeover is the third try of two: dead letter.
    s2.takeover(pipe, host, 2).await.unwrap();
    expire().await;
    s1.takeover(pipe, host, 2).await.unwrap();
    // The sender cancels one more request.
    let keystore = dtp.dir.path().join("sui.keystore");
    let key = dtp_sdk::keys::read_keystore(&keystore).unwrap().remove(0);
    assert_eq!(key.address(), admin_addr);
    let admin = Client::connect(
        ClientConfig::new(dtp.url.clone(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key),
    )
    .await
    .unwrap();
    let a = admin
        .send(pipe, host, b"never mind".to_vec(), vec![], "")
        .await
        .unwrap();
    assert_eq!((a.seq, a.server), (5, a1));
    admin.cancel(pipe, a.seq).await.unwrap();
    // The node's reads (and so `dtp replay`) show the cancel, its checkpoint included.
    admin.sync().await.unwrap();

    let v = dtp.json(&["replay", "--verify"]).await;
    assert_eq!((addr(&v["pipe"]), addr(&v["host"])), (pipe, host));
    let t = v["timelines"].as_array().unwrap();
    assert_eq!(t.len(), 6);
    let status: Vec<_> = t.iter().map(|t| t["status"].as_str().unwrap()).collect();
    assert_eq!(
        status,
        [
            "completed",
            "completed",
            "dead",
            "completed",
            "completed",
            "cancelled"
        ]
    );
    assert_eq!(
        steps(&t[0]),
        [
            step("assigned", 1, a1),
            step("reassigned", 2, a2),
            step("claimed", 2, a2),
            step("completed", 2, a2)
        ]
    );
    assert_eq!(t[0]["steps"][1]["reason"], "expired");
    assert_eq!(
        t[0]["steps"][1]["from"].as_str(),
        Some(a1.to_string().as_str())
    );
    assert_eq!(
        steps(&t[2]),
        [
            step("assigned", 1, a1),
            step("reassigned", 2, a2),
            step("dead_lettered", 2, a2)
        ]
    );
    assert_eq!(
        steps(&t[4]),
        [
            step("assigned", 1, a1),
            step("claimed", 1, a1),
            step("reassigned", 2, a2),
            step("claimed", 2, a2),
            step("completed", 2, a2),
        ]
    );
    assert_eq!(t[4]["steps"][2]["reason"], "released");
    assert_eq!(steps(&t[5])[1].0, "cancelled");
    assert!(t.iter().all(|t| t["from_start"] == true));

    let s = &v["summary"];
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        (
            n("requests"),
            n("completed"),
            n("dead"),
            n("cancelled"),
            n("pending")
        ),
        (6, 4, 1, 1, 0)
    );
    assert_eq!(
        (n("takeovers"), n("releases"), n("dead_letters")),
        (2, 1, 1)
    );
    assert_eq!(s["latency"]["count"], 4);
    assert!(
        s["latency"]["max"].as_u64().unwrap() >= LEASE_MS,
        "seq 0 waited for a lease"
    );
    let server = |a: Address| {
        s["servers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| addr(&x["server"]) == a)
            .unwrap()
            .clone()
    };
    let (x1, x2) = (server(a1), server(a2));
    let c = |x: &Value, k: &str| x[k].as_u64().unwrap();
    assert_eq!(
        (c(&x1, "assigned"), c(&x1, "claimed"), c(&x1, "completed")),
        (4, 1, 0)
    );
    assert_eq!(
        (
            c(&x1, "taken_from"),
            c(&x1, "released"),
            c(&x1, "takeovers")
        ),
        (2, 1, 0)
    );
    assert_eq!(
        (c(&x2, "assigned"), c(&x2, "claimed"), c(&x2, "completed")),
        (5, 4, 4)
    );
    assert_eq!(
        (
            c(&x2, "takeovers"),
            c(&x2, "dead_lettered"),
            c(&x2, "taken_from")
        ),
        (2, 1, 0)
    );
    assert_eq!(x2["latency"]["count"], 4);

    let r = &v["verify"];
    assert_eq!(r["violations"], serde_json::json!([]));
    assert_eq!(r["policy"]["status"], "checked");
    assert_eq!(
        r["policy"]["assignments"],
        6 + 3,
        "6 Assigned and 3 Reassigned"
    );
    // The one refused call: s1's late completion of seq 0, fenced and explained by the takeover.
    let r = &v["refused"];
    assert_eq!(
        (&r["total"], &r["fenced"], &r["fenced_completions"]),
        (&1.into(), &1.into(), &1.into()),
        "{r}"
    );
    assert_eq!(
        r["by_call"],
        serde_json::json!([{"function": "complete", "abort": "EStaleAttempt", "count": 1}])
    );
    assert_eq!(v["unexplained_fences"], serde_json::json!([]));

    // Human output, filters.
    let text = dtp.ok(&["replay", "--verify"]).await;
    println!("{text}");
    assert!(text.contains("verify: no violation"), "{text}");
    assert!(
        text.contains("refused: 1 calls, 1 fenced (1 late completions refused)"),
        "{text}"
    );
    assert!(
        text.contains("6 requests: 4 completed, 0 failed, 1 dead, 1 cancelled"),
        "{text}"
    );
    assert!(
        text.contains("2 takeovers, 1 releases, 1 dead letters"),
        "{text}"
    );
    let text = dtp.ok(&["replay", "--seq", "2"]).await;
    println!("{text}");
    assert!(
        text.contains("request 2 (dead)") && text.contains("dead-lettered"),
        "{text}"
    );
    assert!(
        text.contains("s1 -> s2") || text.contains("s1 (0x"),
        "{text}"
    );
    let v = dtp.json(&["replay", "--server", &a2.to_string()]).await;
    let seqs: Vec<_> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [0, 1, 2, 3, 4]);
    let v = dtp.json(&["replay", "--seq", "4"]).await;
    assert_eq!(v["timelines"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["summary"]["requests"], 6,
        "the summary covers the whole range"
    );

    // The same history as an HTML report, opened in a real browser: the verdict, both servers,
    // the two takeovers and the dead letter marked on the chart, the table searchable by seq.
    let report = dtp.dir.path().join("report.html");
    let o = dtp
        .run(&["replay", "--verify", "--html", report.to_str().unwrap()])
        .await;
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stderr.contains("6 requests, verify: no violation"),
        "{}",
        o.stderr
    );
    let page = format!("file://{}", report.display());
    let dom = browser::dom(&page, Duration::from_secs(2));
    assert!(
        dom.contains("data-ok=\"true\"") && dom.contains("verify: no violation"),
        "{dom}"
    );
    assert_eq!(
        browser::tags_with(&dom, "class=\"takeover\"").len(),
        2,
        "two takeovers marked on the timeline:\n{dom}"
    );
    assert_eq!(browser::tags_with(&dom, "class=\"dead\"").len(), 1, "{dom}");
    assert_eq!(
        browser::tags_with(&dom, "data-seq=").len(),
        6 + 2 + 1,
        "six rows and three markers"
    );
    let taken = browser::tags_with(&dom, "has-takeover");
    assert_eq!(
        taken.len(),
        2,
        "the rows of the requests taken over: {taken:?}"
    );
    assert!(
        dom.contains("takeover s1→s2"),
        "the steps say who took over:\n{dom}"
    );
    for label in ["s1", "s2"] {
        assert!(
            dom.contains(&format!("<span>{label}</span>")),
            "{label} in the server table"
        );
    }
    browser::screenshot(
        &page,
        &browser::artifacts().join("replay-report.png"),
        Duration::from_secs(2),
    );
    // A report that cannot be written names the flag and the file.
    let o = dtp
        .run(&["replay", "--html", "/nonexistent-dir/report.html"])
        .await;
    assert!(!o.ok);
    assert!(
        o.stderr.contains("/nonexistent-dir/report.html (--html)"),
        "{}",
        o.stderr
    );

    // A range that starts after the Host's creation cannot check the assignments.
    let first = v["timelines"][0]["steps"][0]["checkpoint"]
        .as_u64()
        .unwrap();
    let from = first.to_string();
    let o = dtp.run(&["replay", "--verify", "--from", &from]).await;
    assert!(!o.ok);
    assert!(o.stdout.contains("assignments NOT checked"), "{}", o.stdout);
    let err = o.stderr.trim();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("needs the history from the Host's creation") && err.contains("--from 0"),
        "{err}"
    );
    // Without --verify a later start is fine: requests seen mid-way are marked.
    let v = dtp
        .json(&["replay", "--from", &(first + 1).to_string()])
        .await;
    assert_eq!(v["timelines"][0]["from_start"], false);
    net.stop().await;
}
