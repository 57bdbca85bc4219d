//! `dtp localnet` runs the embedded node in the foreground; other commands can use it.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};

use super::common::Dtp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn localnet_serves_until_stopped() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_dtp"))
        .args([
            "localnet",
            "--grpc",
            "127.0.0.1:0",
            "--faucet",
            "127.0.0.1:0",
            "--in-memory",
        ])
        .args(["--checkpoint-ms", "20"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut banner = Vec::new();
    while banner.len() < 5 {
        let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("the localnet prints its banner")
            .unwrap()
            .expect("a line");
        banner.push(line);
    }
    assert_eq!(banner[0], "dtp localnet ready");
    let field = |name: &str| {
        banner
            .iter()
            .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_string()))
            .unwrap()
    };
    assert_eq!(
        field("package"),
        dtp_localnet::genesis::DTP_PACKAGE.to_string()
    );
    assert_eq!(field("data"), "in memory");
    let dtp = Dtp::at(field("gRPC"), field("faucet"));
    dtp.init_funded().await;
    let v = dtp.json(&["host", "create"]).await;
    assert!(v["host"].is_string());
    child.kill().await.unwrap();
    let o = dtp.run(&["localnet", "--help"]).await;
    assert!(o.ok && o.stdout.contains("--in-memory") && o.stdout.contains("--checkpoint-ms"));
}
