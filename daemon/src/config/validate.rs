//! What a loaded configuration must satisfy: every value in range, each refusal naming its field
//! ([`ConfigError`]), checked once at start, before anything connects.

use super::DaemonConfig;

/// The longest `daemon.batch_linger_ms` taken.
const MAX_LINGER_MS: u64 = 1_000;

/// A configuration value that is out of range.
#[derive(Debug, thiserror::Error)]
#[error("invalid config: `{field}` {reason}")]
pub struct ConfigError {
    pub field: String,
    pub reason: String,
}

pub(super) fn bad(field: impl Into<String>, reason: impl Into<String>) -> ConfigError {
    ConfigError {
        field: field.into(),
        reason: reason.into(),
    }
}

impl DaemonConfig {
    /// Checks every value; the first one out of range is the error.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(self.chain.url.starts_with("http://") || self.chain.url.starts_with("https://")) {
            return Err(bad(
                "chain.url",
                format!("must be an http(s) URL, got {:?}", self.chain.url),
            ));
        }
        if self.chain.key.is_none() && self.chain.key_file.is_none() {
            return Err(bad(
                "chain.key",
                "or chain.key_file must be set (the server's signing key)",
            ));
        }
        if self.chain.pipes.is_empty() {
            return Err(bad("chain.pipes", "must list at least one pipe"));
        }
        if let Some(f) = &self.chain.faucet {
            if reqwest::Url::parse(f)
                .map(|u| u.scheme() != "http" && u.scheme() != "https")
                .unwrap_or(true)
            {
                return Err(bad(
                    "chain.faucet",
                    format!("must be an http(s) URL, got {f:?}"),
                ));
            }
        }
        let listeners = [
            ("daemon.admin_listen", self.daemon.admin_listen),
            ("daemon.metrics_listen", self.daemon.metrics_listen),
        ];
        for (field, addr) in listeners {
            if let Some(a) = addr.filter(|a| !a.ip().is_loopback()) {
                if self.daemon.admin_token.is_none() {
                    return Err(bad(
                        field,
                        format!("is {a}, not a loopback address: set daemon.admin_token too (anyone who reaches it could drain this server)"),
                    ));
                }
            }
        }
        if let Some(t) = &self.daemon.admin_token {
            if t.len() < 16 || !t.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(bad(
                    "daemon.admin_token",
                    "must be at least 16 visible ASCII characters",
                ));
            }
        }
        if self.backends.is_empty() {
            return Err(bad("backends", "must list at least one backend"));
        }
        for (i, b) in self.backends.iter().enumerate() {
            if reqwest::Url::parse(&b.url)
                .map(|u| u.scheme() != "http" && u.scheme() != "https")
                .unwrap_or(true)
            {
                return Err(bad(
                    format!("backends[{i}].url"),
                    format!("must be an http(s) URL, got {:?}", b.url),
                ));
            }
            if b.weight == 0 {
                return Err(bad(format!("backends[{i}].weight"), "must be at least 1"));
            }
        }
        let positive = [
            ("balance.tries", self.balance.tries as u64),
            (
                "balance.request_timeout_ms",
                self.balance.request_timeout_ms,
            ),
            (
                "balance.max_response_bytes",
                self.balance.max_response_bytes as u64,
            ),
            ("health.interval_ms", self.health.interval_ms),
            ("health.timeout_ms", self.health.timeout_ms),
            (
                "health.healthy_threshold",
                self.health.healthy_threshold as u64,
            ),
            (
                "health.unhealthy_threshold",
                self.health.unhealthy_threshold as u64,
            ),
            (
                "daemon.heartbeat_interval_ms",
                self.daemon.heartbeat_interval_ms,
            ),
            ("daemon.max_concurrency", self.daemon.max_concurrency as u64),
            ("daemon.batch_max_calls", self.daemon.batch_max_calls as u64),
            (
                "daemon.batches_in_flight",
                self.daemon.batches_in_flight as u64,
            ),
        ];
        for (field, v) in positive {
            if v == 0 {
                return Err(bad(field, "must be at least 1"));
            }
        }
        if self.daemon.batch_linger_ms > MAX_LINGER_MS {
            return Err(bad(
                "daemon.batch_linger_ms",
                format!(
                    "must be at most {MAX_LINGER_MS} (it delays completions, which leases bound)"
                ),
            ));
        }
        self.sweep.validate()?;
        if !self.health.path.starts_with('/') {
            return Err(bad(
                "health.path",
                format!("must start with '/', got {:?}", self.health.path),
            ));
        }
        if !(100..=599).contains(&self.health.expected_status) {
            return Err(bad(
                "health.expected_status",
                "must be an HTTP status (100-599)",
            ));
        }
        Ok(())
    }
}
