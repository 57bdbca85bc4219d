//! A localnet in this process, and a `dtp` runner with its own config file, keystore and HOME.

use std::path::PathBuf;
use std::time::Duration;

use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_sdk::{Client, ClientConfig, Key};
use futures::StreamExt;
use serde_json::Value;
use sui_sdk_types::Address;

pub async fn localnet() -> dtp_localnet::Running {
    dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: "127.0.0.1:0".parse().unwrap(),
        faucet: "127.0.0.1:0".parse().unwrap(),
        node: NodeConfig {
            data_dir: None,
            cadence: Cadence::Interval(Duration::from_millis(20)),
            retain_checkpoints: None,
            compact_log_bytes: None,
            // Reads trail effects, as on a Sui fullnode.
            latency: Latency::TESTS,
        },
    })
    .await
    .unwrap()
}

/// The output of one `dtp` run.
pub struct Out {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `dtp` with a config file in a temp dir; the node URLs come from `DTP_URL` and
/// `DTP_FAUCET_URL`.
pub struct Dtp {
    pub dir: tempfile::TempDir,
    pub url: String,
    pub faucet: String,
}

impl Dtp {
    pub fn new(net: &dtp_localnet::Running) -> Dtp {
        Dtp::at(net.grpc_url(), net.faucet_url())
    }

    pub fn at(url: String, faucet: String) -> Dtp {
        Dtp {
            dir: tempfile::tempdir().unwrap(),
            url,
            faucet,
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub async fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Out {
        self.run_env(args, stdin, &[]).await
    }

    /// The `dtp` command with this test's config, chain and HOME (no `DTP_*` of the caller).
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_dtp"));
        for (k, _) in std::env::vars() {
            if k.starts_with("DTP_") {
                cmd.env_remove(k);
            }
        }
        cmd.arg("--config")
            .arg(self.config())
            .args(args)
            .env("HOME", self.dir.path())
            .env("DTP_URL", &self.url)
            .env("DTP_FAUCET_URL", &self.faucet)
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true);
        cmd
    }

    /// Runs with extra environment variables.
    pub async fn run_env(&self, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Out {
        use tokio::io::AsyncWriteExt;
        let mut cmd = self.command(args, env);
        let mut child = cmd.spawn().expect("dtp runs");
        let mut input = child.stdin.take().unwrap();
        if let Some(b) = stdin {
            input.write_all(b).await.unwrap();
        }
        drop(input);
        let out = tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
            .await
            .expect("dtp finishes")
            .unwrap();
        Out {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into(),
            stderr: String::from_utf8_lossy(&out.stderr).into(),
        }
    }

    pub async fn run(&self, args: &[&str]) -> Out {
        self.run_with_stdin(args, None).await
    }

    /// Runs and expects success; returns stdout.
    pub async fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args).await;
        assert!(o.ok, "dtp {args:?} failed: {}{}", o.stderr, o.stdout);
        o.stdout
    }

    /// Runs with `--json` and expects success.
    pub async fn json(&self, args: &[&str]) -> Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        let out = self.ok(&a).await;
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("dtp {args:?}: {e}: {out}"))
    }

    /// Runs and expects a failure with a one-line error; returns it.
    pub async fn fails(&self, args: &[&str]) -> String {
        let o = self.run(args).await;
        assert!(!o.ok, "dtp {args:?} should fail: {}", o.stdout);
        let err = o.stderr.trim().to_string();
        assert_eq!(err.lines().count(), 1, "dtp {args:?}: one line: {err}");
        assert!(err.starts_with("error: "), "{err}");
        err
    }

    /// `dtp init`, a funded admin key: returns its address.
    pub async fn init_funded(&self) -> Address {
        let v = self.json(&["init"]).await;
        let a: Address = v["created_key"].as_str().unwrap().parse().unwrap();
        self.ok(&["faucet"]).await;
        a
    }
}

/// An SDK client with a fixed key, funded by `dtp faucet <address>`.
pub async fn actor(dtp: &Dtp, seed: u8) -> Client {
    let key = Key::from_seed([seed; 32]);
    let a = key.address().to_string();
    let v = dtp.json(&["faucet", &a]).await;
    assert_eq!(v["coins"].as_array().unwrap().len(), 5);
    let cfg = ClientConfig::new(dtp.url.clone(), dtp_localnet::genesis::DTP_PACKAGE).with_key(key);
    Client::connect(cfg).await.unwrap()
}

/// A toy server: claims what is assigned to it and answers with the payload upper-cased.
pub fn serve(c: Client, host: Address, pipe: Address) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let me = c.address().unwrap();
        let from = c.latest_checkpoint().await.unwrap();
        let mut events = Box::pin(c.follow(from));
        while let Some(cp) = events.next().await {
            for e in cp.events {
                let dtp_protocol::Event::Assigned(a) = e.event else {
                    continue;
                };
                if a.server != me || a.pipe != pipe {
                    continue;
                }
                let p = c.pipe(pipe).await.unwrap();
                let req = c.pending(&p, a.seq).await.unwrap().expect("pending");
                let up = req.payload.to_ascii_uppercase();
                c.complete(pipe, host, a.seq, a.attempt, true, up)
                    .await
                    .unwrap();
            }
        }
    })
}

pub fn addr(v: &Value) -> Address {
    v.as_str().expect("an address string").parse().unwrap()
}
