//! The gateway's edge settings as flags, shared by `dtp gateway` and `dtp up`: TLS, rate limits,
//! the bound on waiting requests, the slow-client timeouts, the access log (`dtp_gateway::admission`, `tls`, `access_log`).

use std::num::NonZeroU32;
use std::path::PathBuf;

use dtp_gateway::admission::{Limit, RateKey};
use dtp_gateway::tls::TlsFiles;
use dtp_gateway::GatewayConfig;

/// Flags of the gateway's edge.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct EdgeArgs {
    /// Serve HTTPS with this certificate chain (PEM, leaf first); needs --tls-key. Reloaded on
    /// SIGHUP or when the file changes.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The private key of --tls-cert (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Requests per second each client may make (token bucket; over it: 429 with Retry-After,
    /// nothing sent to the chain).
    #[arg(long, value_name = "PER_SECOND", value_parser = positive)]
    pub rate_limit: Option<NonZeroU32>,
    /// Requests a client may make at once (the bucket's size; default: --rate-limit).
    #[arg(long, value_name = "N", value_parser = positive, requires = "rate_limit")]
    pub rate_burst: Option<NonZeroU32>,
    /// What a client is for --rate-limit: ip, or affinity (the request's affinity key, else its IP).
    #[arg(long, default_value = "ip", value_parser = rate_key)]
    pub rate_key: RateKey,
    /// A limit for a path prefix, shared by all clients: PREFIX=PER_SECOND (repeatable; the
    /// longest matching prefix applies).
    #[arg(long = "route-limit", value_name = "PREFIX=PER_SECOND", value_parser = route_limit)]
    pub route_limits: Vec<(String, NonZeroU32)>,
    /// Requests per second for the whole gateway.
    #[arg(long, value_name = "PER_SECOND", value_parser = positive)]
    pub global_rate_limit: Option<NonZeroU32>,
    /// Requests waiting in the gateway at most (in flight + queued); past it, 503 at once.
    #[arg(long, default_value_t = 4_096, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_waiting: u32,
    /// Seconds a client may take to send its request headers (else its connection is closed)
    /// and its body (else 408) [default: 10].
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub read_timeout: Option<u64>,
    /// Seconds a response may wait for a client that does not read it before its connection is
    /// closed [default: 10].
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub write_timeout: Option<u64>,
    /// Log one line per request (method, path, status, pipe, seq, server, latency) at info.
    #[arg(long)]
    pub access_log: bool,
}

impl EdgeArgs {
    /// Puts these settings into `cfg`.
    pub fn apply(&self, cfg: &mut GatewayConfig) {
        if let (Some(cert), Some(key)) = (&self.tls_cert, &self.tls_key) {
            cfg.tls = Some(TlsFiles {
                cert: cert.clone(),
                key: key.clone(),
            });
        }
        let a = &mut cfg.admission;
        a.per_client = self.rate_limit.map(|r| Limit {
            per_second: r,
            burst: self.rate_burst.unwrap_or(r),
        });
        a.rate_key = self.rate_key;
        a.routes = self
            .route_limits
            .iter()
            .map(|(p, r)| (p.clone(), Limit::per_second(*r)))
            .collect();
        a.global = self.global_rate_limit.map(Limit::per_second);
        a.max_waiting = self.max_waiting as usize;
        cfg.access_log = self.access_log;
        if let Some(t) = self.read_timeout {
            cfg.read_timeout = std::time::Duration::from_secs(t);
        }
        if let Some(t) = self.write_timeout {
            cfg.write_timeout = std::time::Duration::from_secs(t);
        }
    }
}

fn positive(s: &str) -> Result<NonZeroU32, String> {
    s.parse::<NonZeroU32>()
        .map_err(|_| format!("`{s}` is not a whole number of at least 1"))
}

fn rate_key(s: &str) -> Result<RateKey, String> {
    match s {
        "ip" => Ok(RateKey::Ip),
        "affinity" => Ok(RateKey::Affinity),
        _ => Err(format!("`{s}` is not a rate key: use ip or affinity")),
    }
}

fn route_limit(s: &str) -> Result<(String, NonZeroU32), String> {
    let (prefix, rate) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not PREFIX=PER_SECOND"))?;
    if !prefix.starts_with('/') {
        return Err(format!("the prefix `{prefix}` must start with /"));
    }
    Ok((prefix.to_string(), positive(rate)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_bad_values_name_the_problem() {
        assert_eq!(positive("5").unwrap().get(), 5);
        assert!(positive("0").unwrap_err().contains("at least 1"));
        assert_eq!(
            route_limit("/api=10").unwrap(),
            ("/api".into(), NonZeroU32::new(10).unwrap())
        );
        assert!(route_limit("api=10")
            .unwrap_err()
            .contains("must start with /"));
        assert!(route_limit("/api")
            .unwrap_err()
            .contains("PREFIX=PER_SECOND"));
        assert!(route_limit("/api=0").unwrap_err().contains("at least 1"));
        assert!(rate_key("cookie").unwrap_err().contains("ip or affinity"));
    }

    #[test]
    fn apply_fills_the_gateway_config() {
        let a = EdgeArgs {
            rate_limit: NonZeroU32::new(10),
            rate_burst: NonZeroU32::new(20),
            route_limits: vec![("/slow".into(), NonZeroU32::new(1).unwrap())],
            max_waiting: 7,
            access_log: true,
            write_timeout: Some(3),
            ..EdgeArgs::default()
        };
        let mut cfg = GatewayConfig::new(
            "127.0.0.1:0".parse().unwrap(),
            sui_sdk_types::Address::ZERO,
            sui_sdk_types::Address::ZERO,
        );
        a.apply(&mut cfg);
        let l = cfg.admission.per_client.unwrap();
        assert_eq!((l.per_second.get(), l.burst.get()), (10, 20));
        assert_eq!(cfg.admission.routes.len(), 1);
        assert_eq!(cfg.write_timeout, std::time::Duration::from_secs(3));
        assert_eq!(
            cfg.read_timeout,
            std::time::Duration::from_secs(10),
            "default kept"
        );
        assert_eq!(cfg.admission.max_waiting, 7);
        assert!(cfg.access_log && cfg.tls.is_none());
    }
}
