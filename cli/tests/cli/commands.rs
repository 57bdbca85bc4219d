//! Every subcommand on a running localnet, checked through its output.

use dtp_sdk::keys::read_keystore;
use dtp_sdk::Key;

use super::common::{actor, addr, localnet, serve, Dtp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn init_and_keys() {
    let net = localnet().await;
    let dtp = Dtp::new(&net);
    let v = dtp.json(&["init"]).await;
    let first = addr(&v["created_key"]);
    let text = std::fs::read_to_string(dtp.config()).unwrap();
    assert!(
        text.contains(&format!("active_address = \"{first}\"")),
        "{text}"
    );
    assert!(text.contains("url = \"http://127.0.0.1:9000\""), "{text}");
    // Re-running keeps the key and the values it was not given.
    let out = dtp
        .ok(&["init", "--faucet-url", "http://127.0.0.1:9999"])
        .await;
    assert!(
        out.contains("wrote") && !out.contains("created a new key"),
        "{out}"
    );
    let text = std::fs::read_to_string(dtp.config()).unwrap();
    assert!(text.contains("http://127.0.0.1:9999") && text.contains(&first.to_string()));
    // Put the faucet back for the rest (DTP_FAUCET_URL overrides the file anyway).
    dtp.ok(&["init", "--faucet-url", &dtp.faucet]).await;

    // DTP_KEYSTORE names the keystore for `init` as for every later command.
    let other = Dtp::new(&net);
    let ks = other.dir.path().join("elsewhere/keys.keystore");
    std::fs::create_dir_all(ks.parent().unwrap()).unwrap();
    let env = [("DTP_KEYSTORE", ks.to_str().unwrap())];
    let o = other.run_env(&["--json", "init"], None, &env).await;
    assert!(o.ok, "{}", o.stderr);
    let made = addr(&serde_json::from_str::<serde_json::Value>(&o.stdout).unwrap()["created_key"]);
    assert!(ks.exists(), "the key is in DTP_KEYSTORE's file");
    assert!(
        !other.dir.path().join("sui.keystore").exists(),
        "not beside the config"
    );
    let o = other.run_env(&["faucet"], None, &env).await;
    assert!(
        o.ok && o.stdout.contains(&made.to_string()),
        "{}{}",
        o.stderr,
        o.stdout
    );

    let v = dtp.json(&["keys", "new"]).await;
    let second = addr(&v["address"]);
    assert_eq!(v["active"], false, "the first key stays active");
    let list = dtp.json(&["keys", "list"]).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(addr(&list[0]["address"]), first);
    assert_eq!(list[0]["active"], true);
    let table = dtp.ok(&["keys", "list"]).await;
    assert!(table.contains(&format!("*  {first}")), "{table}");

    // Export / import round trip (argument and stdin), and `keys use`.
    let exported = dtp.ok(&["keys", "export", &second.to_string()]).await;
    assert!(exported.trim().starts_with("suiprivkey1"));
    assert_eq!(Key::parse(&exported).unwrap().address(), second);
    let other = Key::from_seed([42; 32]);
    let v = dtp.json(&["keys", "import", &other.to_suiprivkey()]).await;
    assert_eq!(addr(&v["address"]), other.address());
    let base64 = Key::from_seed([43; 32]);
    let o = dtp
        .run_with_stdin(
            &["keys", "import", "--activate"],
            Some(base64.to_base64().as_bytes()),
        )
        .await;
    assert!(o.ok, "{}", o.stderr);
    assert!(o.stdout.contains("(active)"), "{}", o.stdout);
    let keystore = read_keystore(&dtp.dir.path().join("sui.keystore")).unwrap();
    assert_eq!(keystore.len(), 4);
    let err = dtp.fails(&["keys", "import", &other.to_suiprivkey()]).await;
    assert!(err.contains("already in"), "{err}");
    dtp.ok(&["keys", "use", &first.to_string()]).await;
    let v = dtp.json(&["keys", "export"]).await;
    assert_eq!(addr(&v["address"]), first);
    let b64 = dtp.ok(&["keys", "export", "--base64"]).await;
    assert_eq!(Key::parse(&b64).unwrap().address(), first);

    // Faucet to the active address and to another one.
    let out = dtp.ok(&["faucet"]).await;
    assert!(
        out.contains(&first.to_string()) && out.contains("5 coins"),
        "{out}"
    );
    let v = dtp.json(&["faucet", &second.to_string()]).await;
    assert_eq!(addr(&v["address"]), second);
    assert_eq!(v["total"], 1_000_000_000_000u64);
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosts_endpoints_pipes_send_and_status() {
    let net = localnet().await;
    let dtp = Dtp::new(&net);
    dtp.init_funded().await;
    let s1 = actor(&dtp, 11).await;
    let s2 = actor(&dtp, 12).await;
    let (a1, a2) = (s1.address().unwrap(), s2.address().unwrap());

    // host create / show / config
    let v = dtp
        .json(&[
            "host",
            "create",
            "--label",
            "demo",
            "--healthy-threshold",
            "1",
        ])
        .await;
    let (host, cap) = (addr(&v["host"]), addr(&v["cap"]));
    assert!(std::fs::read_to_string(dtp.config())
        .unwrap()
        .contains(&host.to_string()));
    let v = dtp.json(&["host", "show"]).await;
    assert_eq!(
        (
            v["label"].as_str(),
            v["config"]["healthy_threshold"].as_u64()
        ),
        (Some("demo"), Some(1))
    );
    let v = dtp
        .json(&[
            "host",
            "config",
            "--lease-ms",
            "4000",
            "--max-attempts",
            "5",
        ])
        .await;
    assert_eq!(
        (v["lease_ms"].as_u64(), v["max_attempts"].as_u64()),
        (Some(4000), Some(5))
    );
    assert_eq!(v["healthy_threshold"], 1, "the others are kept");
    let out = dtp.ok(&["host", "config"]).await;
    assert!(out.contains("lease_ms") && out.contains("4000"), "{out}");
    let v = dtp
        .json(&["host", "create", "--label", "spare", "--no-save"])
        .await;
    assert_ne!(addr(&v["host"]), host);
    assert_eq!(
        addr(&dtp.json(&["host", "show"]).await["id"]),
        host,
        "--no-save kept the default"
    );

    // endpoint add / list / update / drain / disable / up / remove
    let (t1, t2) = (a1.to_string(), a2.to_string());
    dtp.ok(&[
        "endpoint",
        "add",
        &t1,
        "--label",
        "s1",
        "--region",
        "eu",
        "--cap",
        &cap.to_string(),
    ])
    .await;
    dtp.ok(&[
        "endpoint", "add", &t2, "--label", "s2", "--weight", "3", "--role", "standby",
    ])
    .await;
    let list = dtp.json(&["endpoint", "list"]).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[1]["label"].as_str(), list[1]["weight"].as_u64()),
        (Some("s2"), Some(3))
    );
    assert_eq!(
        (list[1]["role_name"].as_str(), list[0]["healthy"].as_bool()),
        (Some("standby"), Some(false))
    );
    dtp.ok(&[
        "endpoint", "update", &t2, "--role", "active", "--label", "two",
    ])
    .await;
    let list = dtp.json(&["endpoint", "list"]).await;
    assert_eq!(
        (list[1]["label"].as_str(), list[1]["weight"].as_u64()),
        (Some("two"), Some(3))
    );
    assert_eq!(list[1]["role"], 0);
    for (cmd, state) in [("drain", 1), ("disable", 2), ("up", 0)] {
        let v = dtp.json(&["endpoint", cmd, &t2]).await;
        assert_eq!(v["server"].as_str(), Some(t2.as_str()));
        assert_eq!(dtp.json(&["endpoint", "list"]).await[1]["state"], state);
    }
    let err = dtp.fails(&["endpoint", "remove", &t2]).await;
    assert!(err.contains("EEndpointBusy"), "{err}");
    dtp.ok(&["endpoint", "disable", &t2]).await;
    let out = dtp.ok(&["endpoint", "remove", &t2]).await;
    assert!(out.contains("removed"), "{out}");
    dtp.ok(&["endpoint", "add", &t2, "--label", "s2"]).await;
    s1.heartbeat(host, true, 7).await.unwrap();
    s2.heartbeat(host, true, 0).await.unwrap();
    // The next command reads the Host: once the node's reads show the heartbeats.
    s1.sync().await.unwrap();
    s2.sync().await.unwrap();
    let table = dtp.ok(&["host", "show"]).await;
    assert!(
        table.contains("HEALTHY") && table.contains("s1") && table.contains("1/1"),
        "{table}"
    );

    // pipe create / show / policy
    let v = dtp
        .json(&[
            "pipe",
            "create",
            "--label",
            "main",
            "--policy",
            "round_robin",
        ])
        .await;
    let pipe = addr(&v["pipe"]);
    assert_eq!(addr(&v["host"]), host);
    let v = dtp.json(&["pipe", "policy", "least-inflight"]).await;
    assert_eq!(v["policy"], "least_inflight");
    dtp.ok(&["pipe", "policy", "round_robin"]).await;
    // Two requests nobody serves: pending, in flight on s1 and s2.
    let r0 = dtp.json(&["send", "zero"]).await;
    let o = dtp
        .run_with_stdin(&["--json", "send", "--key", "k"], Some(b"one"))
        .await;
    assert!(o.ok, "{}", o.stderr);
    let r1: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!((r0["seq"].as_u64(), r1["seq"].as_u64()), (Some(0), Some(1)));
    assert_eq!((addr(&r0["server"]), addr(&r1["server"])), (a1, a2));
    let v = dtp.json(&["pipe", "show", "--requests"]).await;
    assert_eq!(
        (
            v["next_seq"].as_u64(),
            v["pending"].as_u64(),
            v["dead"].as_u64()
        ),
        (Some(2), Some(2), Some(0))
    );
    assert_eq!(v["inflight"][t1.as_str()], 1);
    assert_eq!(v["pending_requests"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["pending_requests"][1]["key"],
        serde_json::json!(b"k".to_vec())
    );
    let text = dtp.ok(&["pipe", "show", "--requests"]).await;
    assert!(
        text.contains("pending requests: 2") && text.contains("dead requests: 0"),
        "{text}"
    );

    // status: health, load, in-flight; pipes with counts.
    let v = dtp.json(&["status"]).await;
    let eps = v["host"]["endpoints"].as_array().unwrap();
    assert_eq!(
        (eps[0]["healthy"].as_bool(), eps[0]["load"].as_u64()),
        (Some(true), Some(7))
    );
    assert_eq!(
        (eps[0]["inflight"].as_u64(), eps[1]["inflight"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(v["pipes"][0]["pending"], 2);
    // drain --wait: s1 holds request 0 and nobody serves it, so the wait gives up naming what is
    // held (the endpoint stays draining); a server holding nothing drains at once and can go.
    let err = dtp
        .fails(&["endpoint", "drain", &t1, "--wait", "--wait-secs", "1"])
        .await;
    assert!(err.contains("still holds 1 request(s) after 1 s"), "{err}");
    assert_eq!(dtp.json(&["endpoint", "list"]).await[0]["state"], 1);
    dtp.ok(&["endpoint", "up", &t1]).await;
    let idle = "0x33";
    dtp.ok(&["endpoint", "add", idle, "--label", "idle"]).await;
    let out = dtp.ok(&["endpoint", "drain", idle, "--wait"]).await;
    assert!(out.contains("draining, holds no request"), "{out}");
    dtp.ok(&["endpoint", "remove", idle]).await;
    let err = dtp.fails(&["endpoint", "drain", idle, "--wait"]).await;
    assert!(err.contains("is not an endpoint of Host"), "{err}");
    // Each server's balance: funded by the faucet, less the gas it spent.
    let funded =
        dtp_localnet::genesis::FAUCET_COINS as u64 * dtp_localnet::genesis::FAUCET_COIN_VALUE;
    for e in eps {
        let gas = e["gas_mist"].as_u64().unwrap();
        assert!(gas > funded / 2 && gas < funded, "{e}");
    }
    let text = dtp.ok(&["status"]).await;
    assert!(
        text.contains("2 endpoints, 2 healthy")
            && text.contains("PENDING")
            && text.contains("GAS_SUI"),
        "{text}"
    );

    // send --wait, served by two toy servers (the pending ones stay as they are).
    let p2 = addr(&dtp.json(&["pipe", "create", "--label", "served"]).await["pipe"]);
    let servers = [serve(s1.clone(), host, p2), serve(s2.clone(), host, p2)];
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let v = dtp.json(&["send", "--wait", "hello"]).await;
    assert_eq!(
        (v["ok"].as_bool(), v["response"].as_str()),
        (Some(true), Some("HELLO"))
    );
    let o = dtp
        .run_with_stdin(&["send", "--wait"], Some(b"from stdin"))
        .await;
    assert!(o.ok, "{}", o.stderr);
    assert_eq!(o.stdout.trim(), "FROM STDIN");
    assert!(o.stderr.contains("answered by"), "{}", o.stderr);
    let v = dtp
        .json(&[
            "status",
            "--pipe",
            &pipe.to_string(),
            "--pipe",
            &p2.to_string(),
        ])
        .await;
    assert_eq!(v["pipes"].as_array().unwrap().len(), 2);
    assert_eq!(
        (
            v["pipes"][1]["next_seq"].as_u64(),
            v["pipes"][1]["pending"].as_u64()
        ),
        (Some(2), Some(0))
    );
    // status --watch: the table drawn again in place, with requests/s per Pipe, until Ctrl-C.
    let watch = dtp
        .command(&["status", "--pipe", &p2.to_string(), "--watch", "1"], &[])
        .spawn()
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(2_600)).await;
    let pid = watch.id().unwrap().to_string();
    assert!(std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let out = tokio::time::timeout(std::time::Duration::from_secs(10), watch.wait_with_output())
        .await
        .expect("--watch stops on Ctrl-C")
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.matches("\x1b[2J").count() >= 2,
        "drawn at least twice: {text}"
    );
    assert!(text.contains("REQ/S") && text.contains("0.0"), "{text}");
    let e = dtp.fails(&["--json", "status", "--watch"]).await;
    assert!(e.contains("--watch") && e.contains("--json"), "{e}");
    for s in servers {
        s.abort();
    }
    net.stop().await;
}
