//! The daemon's configuration: a TOML file (`--config`) with `DTPD_*` environment overrides
//! (`DTPD_CHAIN__URL`, `DTPD_DAEMON__STATE_DIR`, ... : sections and keys joined by `__`).
//! Every field is documented in `docs/daemon.md`; an invalid value fails at start naming the field.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sui_sdk_types::Address;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaemonConfig {
    pub chain: Chain,
    #[serde(default)]
    pub backends: Vec<Backend>,
    #[serde(default)]
    pub balance: Balance,
    #[serde(default)]
    pub health: Health,
    #[serde(default)]
    pub daemon: Runtime,
    #[serde(default)]
    pub sweep: Sweep,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chain {
    /// gRPC URL of the Sui node (the embedded localnet: http://127.0.0.1:9000).
    pub url: String,
    /// The dtp package id.
    pub package: Address,
    /// The server's key: `suiprivkey1…` (or set `key_file`).
    #[serde(default)]
    pub key: Option<String>,
    /// A `sui.keystore` file, or a file holding one `suiprivkey1…` line.
    #[serde(default)]
    pub key_file: Option<PathBuf>,
    /// Which keystore entry (default 0).
    #[serde(default)]
    pub key_index: usize,
    /// The Host this server is an endpoint of.
    pub host: Address,
    /// The Pipes it serves (all of the Host's pipes it should pull from).
    pub pipes: Vec<Address>,
    /// A faucet to ask for gas when the key's balance runs out (localnet, devnet, testnet).
    #[serde(default)]
    pub faucet: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backend {
    /// Base URL of a local backend, e.g. http://127.0.0.1:8081.
    pub url: String,
    #[serde(default = "one")]
    pub weight: u32,
    /// Requests in flight to this backend at most (0 = unbounded).
    #[serde(default)]
    pub max_inflight: u32,
}

/// Off-chain load balancing among the local backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LocalPolicy {
    #[default]
    RoundRobin,
    Weighted,
    LeastInflight,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Balance {
    pub policy: LocalPolicy,
    /// Backends tried per request (next healthy one on a connect error or a 5xx).
    pub tries: u32,
    /// Deadline of one backend call.
    pub request_timeout_ms: u64,
    /// Largest backend response accepted (larger ones complete as failed).
    pub max_response_bytes: usize,
}

impl Default for Balance {
    fn default() -> Self {
        Self {
            policy: LocalPolicy::RoundRobin,
            tries: 3,
            request_timeout_ms: 10_000,
            max_response_bytes: 16_000,
        }
    }
}

/// Active health checks of the backends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Health {
    pub path: String,
    pub interval_ms: u64,
    pub timeout_ms: u64,
    /// Successful checks in a row before a backend is healthy again.
    pub healthy_threshold: u32,
    /// Failed checks in a row before a backend is unhealthy.
    pub unhealthy_threshold: u32,
    pub expected_status: u16,
}

impl Default for Health {
    fn default() -> Self {
        Self {
            path: "/health".into(),
            interval_ms: 1_000,
            timeout_ms: 500,
            healthy_threshold: 2,
            unhealthy_threshold: 2,
            expected_status: 200,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Runtime {
    pub heartbeat_interval_ms: u64,
    /// Delay between takeover ranks: rank r waits r * stagger after a lease expires.
    pub takeover_stagger_ms: u64,
    /// Requests served at once; beyond it new work waits (backpressure).
    pub max_concurrency: usize,
    /// Cursor, lock file.
    pub state_dir: PathBuf,
    /// JSON-RPC admin API (loopback by default); empty string disables it.
    #[serde(deserialize_with = "addr_or_off")]
    pub admin_listen: Option<SocketAddr>,
    /// Prometheus `/metrics`; empty disables it.
    #[serde(deserialize_with = "addr_or_off")]
    pub metrics_listen: Option<SocketAddr>,
    /// Bearer token the admin API and `/metrics` require (`Authorization: Bearer <token>`);
    /// required when either listens on a non-loopback address.
    pub admin_token: Option<String>,
    /// On SIGTERM: time to finish held work before releasing the rest.
    pub shutdown_grace_ms: u64,
    /// When to `claim` a request: only once its lease needs extending (`when_needed`: work done
    /// well within the lease costs one transaction, `complete`) or before serving it (`at_start`:
    /// every request shows a `Claimed` event, at one more transaction and its latency).
    pub claim: ClaimMode,
    /// Most calls (completes, claims, releases, takeovers) of one pipe in one transaction; what
    /// arrives while one is in flight goes in the next (1: every call alone).
    pub batch_max_calls: usize,
    /// Transactions of one pipe's calls in flight at once (1 makes batches larger where a round
    /// trip is short; on a real network it puts a whole round trip between a takeover and its
    /// complete).
    pub batches_in_flight: usize,
    /// A second transaction of a pipe's calls goes out beside one in flight only once that one has
    /// been out this long (0: at once); meanwhile calls gather into it. Short next to a real
    /// network's round trip, long next to a local node's.
    pub batch_overlap_ms: u64,
    /// A complete transaction of a pipe waits at most this long for the completions of requests
    /// still in their backends (0: never): requests served side by side complete in one
    /// transaction. A request served alone never waits, nor does a claim.
    pub batch_linger_ms: u64,
}

/// See [`Runtime::claim`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimMode {
    #[default]
    WhenNeeded,
    AtStart,
}

impl Default for Runtime {
    fn default() -> Self {
        Self {
            heartbeat_interval_ms: 2_000,
            takeover_stagger_ms: 500,
            max_concurrency: 64,
            state_dir: PathBuf::from(".dtp-data/dtpd"),
            admin_listen: Some("127.0.0.1:9184".parse().expect("addr")),
            metrics_listen: Some("127.0.0.1:9185".parse().expect("addr")),
            admin_token: None,
            shutdown_grace_ms: 10_000,
            claim: ClaimMode::WhenNeeded,
            batch_max_calls: 256,
            batches_in_flight: 2,
            batch_overlap_ms: 5,
            batch_linger_ms: 2,
        }
    }
}

fn one() -> u32 {
    1
}

/// A listen address, or `""` for off.
fn addr_or_off<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<SocketAddr>, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.trim()
        .parse()
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("{s:?} is not a listen address (ip:port)")))
}

impl DaemonConfig {
    /// Reads `path` (if given) and the `DTPD_*` environment, then validates.
    pub fn load(path: Option<&Path>) -> anyhow::Result<DaemonConfig> {
        let mut b = config::Config::builder();
        if let Some(p) = path {
            b = b.add_source(
                config::File::from(p)
                    .format(config::FileFormat::Toml)
                    .required(true),
            );
        }
        // Only DTPD_<SECTION>__<KEY> variables: DTPD_CONFIG (the --config flag) and the like are
        // not configuration keys.
        let vars: config::Map<String, String> = std::env::vars()
            .filter(|(k, _)| k.strip_prefix("DTPD_").is_some_and(|r| r.contains("__")))
            .collect();
        b = b.add_source(
            config::Environment::with_prefix("DTPD")
                .prefix_separator("_")
                .separator("__")
                .source(Some(vars))
                .list_separator(",")
                .with_list_parse_key("chain.pipes")
                .try_parsing(true),
        );
        let cfg: DaemonConfig = b.build()?.try_deserialize()?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// The signing key from `chain.key` or `chain.key_file`.
    pub fn key(&self) -> anyhow::Result<dtp_sdk::Key> {
        use anyhow::Context;
        if let Some(k) = &self.chain.key {
            return dtp_sdk::Key::parse(k).context("chain.key");
        }
        let path = self.chain.key_file.as_ref().expect("validated");
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("chain.key_file {}", path.display()))?;
        if text.trim_start().starts_with('[') {
            let keys = dtp_sdk::keys::read_keystore(path)?;
            keys.into_iter().nth(self.chain.key_index).with_context(|| {
                format!(
                    "chain.key_index {} is past the end of {}",
                    self.chain.key_index,
                    path.display()
                )
            })
        } else {
            dtp_sdk::Key::parse(&text).with_context(|| format!("chain.key_file {}", path.display()))
        }
    }
}

mod sweep;
mod validate;
pub use sweep::{Sweep, SWEEP_MIN_KEEP_BUDGETS};
use validate::bad;
pub use validate::ConfigError;

#[cfg(test)]
mod tests;
