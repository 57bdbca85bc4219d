//! Gateway settings.

use std::net::SocketAddr;
use std::time::Duration;

use sui_sdk_types::Address;

/// Where the affinity key of a request comes from (sticky sessions for the AFFINITY policy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// No affinity key.
    None,
    /// A request header, e.g. `X-DTP-Key`.
    Header(String),
    /// A cookie, e.g. `session`.
    Cookie(String),
    /// The client's IP address.
    ClientIp,
}

impl std::str::FromStr for KeySource {
    type Err = String;

    /// `none`, `ip`, `header:<name>` or `cookie:<name>`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s.split_once(':') {
            None if s == "none" => Ok(KeySource::None),
            None if s == "ip" => Ok(KeySource::ClientIp),
            Some(("header", n)) if !n.is_empty() => Ok(KeySource::Header(n.to_string())),
            Some(("cookie", n)) if !n.is_empty() => Ok(KeySource::Cookie(n.to_string())),
            _ => Err(format!(
                "key source must be none, ip, header:<name> or cookie:<name>, got {s:?}"
            )),
        }
    }
}

/// Everything a gateway needs to start.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// Where plain HTTP is served.
    pub listen: SocketAddr,
    /// The Host every pipe belongs to.
    pub host: Address,
    /// The Pipes sends are spread over (at least one, all of `host`; see [`crate::pipes`]).
    pub pipes: Vec<Address>,
    /// Where the affinity key comes from.
    pub key_source: KeySource,
    /// Header naming the preferred region (REGION policy), e.g. `X-DTP-Region`.
    pub region_header: Option<String>,
    /// How long a request may take end to end before 504.
    pub timeout: Duration,
    /// How long a client may take to send its request: the headers (else the connection is
    /// closed) and the body (else 408).
    pub read_timeout: Duration,
    /// How long a write of a response may wait for a client that does not read before its
    /// connection is closed ([`crate::listen`]).
    pub write_timeout: Duration,
    /// Where Prometheus `/metrics` is served (its own listener: the gateway's passes every path
    /// to the pipe); `None`: not served.
    pub metrics_listen: Option<SocketAddr>,
    /// How sends are grouped into transactions (adaptive group commit).
    pub batch: crate::batcher::BatchConfig,
    /// Rate limits and the bound on waiting requests ([`crate::admission`]).
    pub admission: crate::admission::AdmissionConfig,
    /// One structured line per request (target `dtp_gateway::access`, level info).
    pub access_log: bool,
    /// Serve HTTPS with this certificate and key instead of plain HTTP ([`crate::tls`]).
    pub tls: Option<crate::tls::TlsFiles>,
}

impl GatewayConfig {
    /// A gateway of one Pipe, with the default settings.
    pub fn new(listen: SocketAddr, host: Address, pipe: Address) -> Self {
        Self::with_pipes(listen, host, vec![pipe])
    }

    /// A gateway spreading its sends over `pipes` of `host`, with the default settings.
    pub fn with_pipes(listen: SocketAddr, host: Address, pipes: Vec<Address>) -> Self {
        Self {
            listen,
            host,
            pipes,
            key_source: KeySource::Header("x-dtp-key".into()),
            region_header: Some("x-dtp-region".into()),
            timeout: Duration::from_secs(30),
            read_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            metrics_listen: None,
            batch: crate::batcher::BatchConfig {
                max_queued: 4_096,
                ..Default::default()
            },
            admission: Default::default(),
            access_log: false,
            tls: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_sources_parse() {
        assert_eq!("ip".parse::<KeySource>(), Ok(KeySource::ClientIp));
        assert_eq!(
            "header:X-User".parse::<KeySource>(),
            Ok(KeySource::Header("X-User".into()))
        );
        assert_eq!(
            "cookie:sid".parse::<KeySource>(),
            Ok(KeySource::Cookie("sid".into()))
        );
        assert!("header:".parse::<KeySource>().is_err());
        assert!("magic".parse::<KeySource>().is_err());
    }
}
