//! The leases and timeouts of `dtp up`: fixed on the embedded localnet; on a network (`--url`)
//! derived from what is measured at start (GetServiceInfo round trips, one transaction's
//! submit -> effects and submit -> readable) unless `--lease-ms` is given.

use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use dtp_sdk::Client;
use sui_rpc::proto::sui::rpc::v2 as pb;

/// What was measured at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    /// Median of a few GetServiceInfo round trips.
    pub rtt: Duration,
    /// A transaction's submit -> effects.
    pub effects: Duration,
    /// The same transaction's submit -> readable (`wait_for_transaction`).
    pub readable: Duration,
}

/// Times three GetServiceInfo round trips and one real transaction (the admin sends its gas
/// coin to itself: it changes nothing but the coin's version and costs one computation fee).
pub async fn measure(admin: &Client) -> Result<Measured> {
    let mut rtts = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        admin
            .rpc()
            .ledger_client()
            .get_service_info(pb::GetServiceInfoRequest::default())
            .await
            .map_err(|s| anyhow!("GetServiceInfo: {}", s.message()))?;
        rtts.push(t.elapsed());
    }
    rtts.sort();
    let me = admin.address()?;
    let t = Instant::now();
    let out = admin
        .execute("probe", |b| {
            let g = b.gas();
            let to = b.pure(&me);
            b.transfer_objects(vec![g], to);
        })
        .await
        .context("the measuring transaction")?;
    let effects = t.elapsed();
    admin
        .wait_for_transaction(out.digest)
        .await
        .context("waiting for the measuring transaction")?;
    Ok(Measured {
        rtt: rtts[1],
        effects,
        readable: t.elapsed(),
    })
}

/// The leases and timeouts of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timings {
    /// The Host's lease.
    pub lease_ms: u64,
    /// The Host's heartbeat timeout and the daemons' heartbeat interval.
    pub heartbeat_timeout_ms: u64,
    pub heartbeat_interval_ms: u64,
    /// The daemons' delay between peers' takeovers of one request.
    pub takeover_stagger_ms: u64,
    /// How long a request may take through the gateway (then 504).
    pub gateway_timeout: Duration,
    /// How long `dtp up` waits for the servers to become healthy.
    pub healthy_within: Duration,
    pub measured: Option<Measured>,
    /// Where the lease came from.
    pub source: String,
}

fn round_up(ms: u128, to: u64) -> u64 {
    (ms as u64).div_ceil(to) * to
}

/// The smallest lease on a real network (`docs/sui.md`: below it even fast work is claimed).
pub const MIN_NETWORK_LEASE_MS: u64 = 4_000;

impl Timings {
    /// The embedded localnet's fixed timings (a fast chain).
    pub fn embedded(lease_ms: u64) -> Timings {
        Timings {
            lease_ms,
            heartbeat_timeout_ms: 6_000,
            heartbeat_interval_ms: 1_000,
            takeover_stagger_ms: 300,
            gateway_timeout: Duration::from_secs(30),
            healthy_within: Duration::from_secs(30),
            measured: None,
            source: "embedded localnet".into(),
        }
    }

    /// Timings for a network: the lease is `--lease-ms`, else four times a transaction's
    /// submit -> effects + submit -> readable (an assignment reaches the daemon about when the
    /// send is readable, and its claim or completion must land within half the lease, with room
    /// for jitter), at least [`MIN_NETWORK_LEASE_MS`], at most a minute, in steps of 500 ms.
    /// Heartbeats every half lease (1-10 s), timing out after three missed plus two reads'
    /// delays; takeovers staggered by two effects' delays; the gateway waits three leases and
    /// ten reads' delays (at least 30 s). Unmeasured delays count as a Sui network's (~1 s).
    pub fn network(lease_ms: Option<u64>, m: Option<Measured>) -> Timings {
        let readable = m.map_or(1_000, |m| m.readable.as_millis());
        let effects = m.map_or(500, |m| m.effects.as_millis());
        let (lease_ms, source) = match lease_ms {
            Some(l) => (l, "--lease-ms".to_string()),
            None => (
                round_up(4 * (readable + effects), 500).clamp(MIN_NETWORK_LEASE_MS, 60_000),
                "measured".to_string(),
            ),
        };
        let heartbeat_interval_ms = (lease_ms / 2).clamp(1_000, 10_000) / 100 * 100;
        let heartbeat_timeout_ms = round_up(3 * heartbeat_interval_ms as u128 + 2 * readable, 500);
        Timings {
            lease_ms,
            heartbeat_timeout_ms,
            heartbeat_interval_ms,
            takeover_stagger_ms: round_up(2 * effects, 100).clamp(300, 5_000),
            gateway_timeout: Duration::from_millis(
                (3 * lease_ms + 10 * readable as u64).max(30_000),
            ),
            healthy_within: Duration::from_millis((3 * heartbeat_timeout_ms).max(30_000)),
            measured: m,
            source,
        }
    }

    /// The same, for a Host that already exists with `lease_ms` and `heartbeat_timeout_ms`:
    /// heartbeats often enough for its timeout.
    pub fn for_host(mut self, lease_ms: u64, heartbeat_timeout_ms: u64) -> Timings {
        if (lease_ms, heartbeat_timeout_ms) != (self.lease_ms, self.heartbeat_timeout_ms) {
            let wanted = Timings::network(Some(lease_ms), self.measured);
            self.gateway_timeout = wanted.gateway_timeout;
            self.lease_ms = lease_ms;
            self.heartbeat_timeout_ms = heartbeat_timeout_ms;
            self.heartbeat_interval_ms = wanted
                .heartbeat_interval_ms
                .min(heartbeat_timeout_ms / 3 / 100 * 100)
                .max(500);
            self.healthy_within = Duration::from_millis((3 * heartbeat_timeout_ms).max(30_000));
            self.source = "the existing Host's".into();
        }
        self
    }

    /// One line for the summary: what was measured and what was chosen.
    pub fn describe(&self) -> String {
        let measured = match &self.measured {
            Some(m) => format!(
                "measured rtt {:.1} ms, effects {} ms, readable {} ms; ",
                m.rtt.as_secs_f64() * 1e3,
                m.effects.as_millis(),
                m.readable.as_millis()
            ),
            None => String::new(),
        };
        format!(
            "{measured}lease {} ms ({}), heartbeat every {} ms (timeout {} ms), takeover stagger {} ms, gateway timeout {} s",
            self.lease_ms,
            self.source,
            self.heartbeat_interval_ms,
            self.heartbeat_timeout_ms,
            self.takeover_stagger_ms,
            self.gateway_timeout.as_secs()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(effects: u64, readable: u64) -> Measured {
        Measured {
            rtt: Duration::from_millis(1),
            effects: Duration::from_millis(effects),
            readable: Duration::from_millis(readable),
        }
    }

    #[test]
    fn a_fast_network_still_gets_the_network_floor() {
        let t = Timings::network(None, Some(ms(5, 300)));
        assert_eq!(t.lease_ms, 4_000);
        assert_eq!(t.heartbeat_interval_ms, 2_000);
        assert_eq!(t.heartbeat_timeout_ms, 7_000);
        assert_eq!(t.takeover_stagger_ms, 300);
        assert_eq!(t.gateway_timeout, Duration::from_secs(30));
    }

    #[test]
    fn a_sui_like_network_gets_a_longer_lease() {
        // Latency::SUI: effects ~350 ms, readable ~820 ms after submit.
        let t = Timings::network(None, Some(ms(350, 820)));
        assert_eq!(t.lease_ms, 5_000);
        assert_eq!(t.heartbeat_interval_ms, 2_500);
        assert_eq!(t.heartbeat_timeout_ms, 9_500);
        assert_eq!(t.takeover_stagger_ms, 700);
        // A slow one: capped at a minute.
        let t = Timings::network(None, Some(ms(9_000, 20_000)));
        assert_eq!(t.lease_ms, 60_000);
        assert_eq!(t.heartbeat_interval_ms, 10_000);
        assert_eq!(t.takeover_stagger_ms, 5_000);
        assert!(t.gateway_timeout >= Duration::from_secs(180));
    }

    #[test]
    fn a_given_lease_is_kept_and_an_existing_host_wins() {
        let t = Timings::network(Some(2_000), None);
        assert_eq!((t.lease_ms, t.source.as_str()), (2_000, "--lease-ms"));
        let h = Timings::network(None, Some(ms(5, 300))).for_host(8_000, 15_000);
        assert_eq!((h.lease_ms, h.heartbeat_timeout_ms), (8_000, 15_000));
        assert_eq!(h.heartbeat_interval_ms, 4_000);
        let same = Timings::network(None, Some(ms(5, 300)));
        assert_eq!(same.clone().for_host(4_000, 7_000), same);
    }
}
