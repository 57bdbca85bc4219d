//! `dtp up --url`: the main job on a Sui network that is not its own. A localnet in this process
//! stands in for the network (reads trail effects by 250 ms, as on a fullnode); the real `dtp up`
//! runs as a child process against its gRPC URL. Requests through its gateway go round robin; a
//! second run on the same data dir reuses the Host and Pipe and gives the daemons no faucet when
//! none was given; without a faucet the admin funds the keys by a transfer, or, unfunded, names
//! its address and the SUI it needs and creates nothing; bad input fails at once.

use crate::common::localnet;
use crate::support::{self, alive, free_port};

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dtp_sdk::{Client, ClientConfig, Key};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};

const PKG: &str = "0x000000000000000000000000000000000000000000000000000000000000d7d7";

fn dtp(args: &[&str], dir: &Path) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_dtp"));
    for (k, _) in std::env::vars() {
        if k.starts_with("DTP_") {
            cmd.env_remove(k);
        }
    }
    cmd.arg("up")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env("HOME", dir)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

/// A running `dtp up`.
struct Up {
    child: tokio::process::Child,
    /// Its summary (stdout up to the ready line).
    summary: String,
    stderr: Arc<Mutex<String>>,
    pids: BTreeMap<String, u32>,
    gw: u16,
}

impl Up {
    fn line(&self, key: &str) -> String {
        self.summary
            .lines()
            .find_map(|l| l.trim().strip_prefix(key).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("no `{key}` line in\n{}", self.summary))
    }
}

fn drain(mut r: impl tokio::io::AsyncRead + Unpin + Send + 'static) -> Arc<Mutex<String>> {
    let out = Arc::new(Mutex::new(String::new()));
    let o = out.clone();
    tokio::spawn(async move {
        let mut buf = [0u8; 4096];
        while let Ok(n) = r.read(&mut buf).await {
            if n == 0 {
                break;
            }
            o.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    out
}

/// Starts `dtp up <args> --data-dir <dir> --listen <free port>` and waits for its ready line.
async fn up(args: &[&str], dir: &Path) -> Up {
    let gw = free_port();
    let mut cmd = dtp(args, dir);
    cmd.args(["--listen", &format!("127.0.0.1:{gw}")]);
    let mut child = cmd.spawn().unwrap();
    let stderr = drain(child.stderr.take().unwrap());
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut summary = String::new();
    let mut pids = BTreeMap::new();
    let wait = async {
        while let Some(l) = lines.next_line().await.unwrap() {
            let parts: Vec<&str> = l.split_whitespace().collect();
            if parts.len() == 3 && parts[1] == "pid" {
                pids.insert(parts[0].to_string(), parts[2].parse().unwrap());
            }
            summary.push_str(&l);
            summary.push('\n');
            if l.starts_with("Ctrl-C stops everything") {
                return true;
            }
        }
        false
    };
    let ready = tokio::time::timeout(Duration::from_secs(90), wait).await;
    assert!(
        matches!(ready, Ok(true)),
        "dtp up was not ready: {}\n{summary}",
        stderr.lock().unwrap()
    );
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    assert_eq!(pids.len(), 6, "3 servers and 3 daemons: {pids:?}");
    Up {
        child,
        summary,
        stderr,
        pids,
        gw,
    }
}

/// SIGINT, then every child of `dtp up` must be gone.
async fn stop(mut u: Up) {
    let pid = u.child.id().unwrap();
    assert!(std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap()
        .success());
    let status = tokio::time::timeout(Duration::from_secs(60), u.child.wait())
        .await
        .expect("dtp up stops within 60 s")
        .unwrap();
    assert!(status.success(), "{}", u.stderr.lock().unwrap());
    tokio::time::sleep(Duration::from_millis(200)).await;
    for (name, pid) in &u.pids {
        assert!(!alive(*pid), "{name} (pid {pid}) is still running");
    }
}

/// Runs `dtp up <args>` expecting it to fail; returns its stderr and how long it took.
async fn fails(args: &[&str], dir: &Path) -> (String, Duration) {
    let t = Instant::now();
    let out = tokio::time::timeout(Duration::from_secs(60), dtp(args, dir).output())
        .await
        .expect("dtp up ends")
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        !out.status.success(),
        "dtp up {args:?} should fail: {stderr}"
    );
    let last = stderr.trim().lines().last().unwrap_or("").to_string();
    assert!(last.starts_with("error: "), "{stderr}");
    (last, t.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn up_on_a_network_serves_round_robin_and_a_second_run_reuses_the_host_and_pipe() {
    let net = localnet().await;
    let (url, faucet) = (net.grpc_url(), net.faucet_url());
    let dir = tempfile::tempdir().unwrap();
    let args = ["--url", &url, "--package", PKG, "--faucet-url", &faucet];
    let first = up(&args, dir.path()).await;
    assert!(
        first.line("network").starts_with(&format!("{url} (chain ")),
        "{}",
        first.summary
    );
    let timings = first.line("timings");
    assert!(
        timings.starts_with("measured rtt ") && timings.contains("lease 4000 ms (measured)"),
        "a fast network gets the network floor: {timings}"
    );
    let cfg = std::fs::read_to_string(dir.path().join("dtpd-0.toml")).unwrap();
    assert!(cfg.contains(&format!("url = \"{url}\"")), "{cfg}");
    assert!(cfg.contains("faucet = "), "a faucet was given: {cfg}");
    assert!(!cfg.contains("[sweep]"), "a faucet pays: no sweep: {cfg}");
    let per = support::get_async(first.gw, 30).await;
    assert_eq!(
        per.values().copied().collect::<Vec<_>>(),
        vec![10, 10, 10],
        "round robin is exactly even: {per:?}"
    );
    let (host, pipe) = (first.line("host"), first.line("pipe"));
    stop(first).await;

    // Again on the same data dir, without a faucet: the keys have gas, the deployment is reused.
    let second = up(&args[..4], dir.path()).await;
    assert_eq!(
        (second.line("host"), second.line("pipe")),
        (host.clone(), pipe),
        "the recorded Host and Pipe are reused"
    );
    let err = second.stderr.lock().unwrap().clone();
    assert!(err.contains("reusing the deployment"), "{err}");
    assert!(err.contains("every key has gas"), "{err}");
    assert!(second.line("network").ends_with("no faucet)"));
    let cfg = std::fs::read_to_string(dir.path().join("dtpd-0.toml")).unwrap();
    assert!(!cfg.contains("faucet"), "no faucet was given: {cfg}");
    // What the servers earn goes back to the gateway, which pays the sends.
    assert!(
        cfg.contains("[sweep]\nto = \"0x") && cfg.contains("above_mist = 5000000000\n"),
        "without a faucet the daemons sweep to the gateway: {cfg}"
    );
    let per = support::get_async(second.gw, 6).await;
    assert_eq!(per.values().copied().collect::<Vec<_>>(), vec![2, 2, 2]);
    stop(second).await;
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("networks.json")).unwrap())
            .unwrap();
    assert_eq!(state.as_array().unwrap().len(), 1, "{state}");
    assert_eq!(state[0]["host"], host.as_str());
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_faucet_the_admin_names_what_it_needs_then_funds_the_keys_itself() {
    let net = localnet().await;
    let url = net.grpc_url();
    let dir = tempfile::tempdir().unwrap();
    let admin = Key::generate();
    let keystore = dir.path().join("sui.keystore");
    dtp_sdk::keys::write_keystore(&keystore, std::slice::from_ref(&admin)).unwrap();
    let data = dir.path().join("up");
    let ks = keystore.to_string_lossy().to_string();
    let args = ["--url", &url, "--package", PKG, "--keystore", &ks];

    // Unfunded: the address and the amount, at once, and nothing on chain.
    let (err, took) = fails(&args, &data).await;
    assert!(took < Duration::from_secs(20), "{took:?}");
    let me = admin.address().to_string();
    assert!(
        err.contains(&format!("the admin key {me} has 0 SUI")),
        "{err}"
    );
    // 7 transactions (measuring, funding, the Host, 3 endpoints, the Pipe) at a budget of
    // 0.05 SUI, and 1 SUI for each of 4 keys.
    assert!(
        err.contains("needs about 4.35 SUI (4350000000 MIST)"),
        "{err}"
    );
    assert!(err.contains("nothing was created on chain"), "{err}");
    assert!(!data.join("networks.json").exists());
    let reader = Client::connect(ClientConfig::new(url.clone(), PKG.parse().unwrap()))
        .await
        .unwrap();
    for k in dtp_sdk::keys::read_keystore(&data.join("keys.keystore")).unwrap() {
        assert!(reader.coins(k.address()).await.unwrap().is_empty());
    }

    // Funded (from the faucet, as a user would from elsewhere): it funds the others and serves.
    let c = Client::connect(ClientConfig::new(url.clone(), PKG.parse().unwrap()).with_key(admin))
        .await
        .unwrap();
    c.request_gas(&net.faucet_url()).await.unwrap();
    let u = up(&args, &data).await;
    let err = u.stderr.lock().unwrap().clone();
    assert!(
        err.contains(
            "the admin sent 4 SUI (4000000000 MIST) to gateway, server-0, server-1, server-2"
        ),
        "{err}"
    );
    assert!(u.line("keys").contains(&me), "{}", u.summary);
    let per = support::get_async(u.gw, 9).await;
    assert_eq!(per.values().copied().collect::<Vec<_>>(), vec![3, 3, 3]);
    stop(u).await;
    net.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_fails_at_once_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let nobody = format!("http://127.0.0.1:{}", free_port());
    let (err, took) = fails(&["--url", &nobody, "--package", PKG], dir.path()).await;
    assert!(
        err.contains(&format!("cannot reach the Sui node at {nobody}")),
        "{err}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");

    let net = localnet().await;
    let url = net.grpc_url();
    let (err, took) = fails(&["--url", &url, "--package", "0x1234"], dir.path()).await;
    assert!(
        err.contains(&format!(
            "package {}",
            "0x1234".parse::<sui_sdk_types::Address>().unwrap()
        )),
        "{err}"
    );
    assert!(err.contains("is not the dtp package"), "{err}");
    assert!(took < Duration::from_secs(10), "{took:?}");

    let (err, _) = fails(&["--url", &url], dir.path()).await;
    assert!(err.contains("--url needs --package"), "{err}");
    let (err, _) = fails(&["--faucet-url", &net.faucet_url()], dir.path()).await;
    assert!(
        err.contains("--faucet-url applies to `dtp up --url"),
        "{err}"
    );
    assert!(!dir.path().join("networks.json").exists());
    net.stop().await;
}
