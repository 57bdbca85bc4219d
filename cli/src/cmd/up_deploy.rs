//! What `dtp up` deploys and keeps in its data directory: the keys, the Host with its endpoints
//! and its Pipes (created once, then reused: `deployment.json` for the embedded localnet,
//! `networks.json` per URL + package, with the chain id, for `--url`), the daemons' configuration
//! files, and the wait for the servers to become healthy.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dtp_protocol::constants::{ROLE_ACTIVE, ROLE_STANDBY};
use dtp_protocol::{EndpointArgs, HostConfig};
use dtp_sdk::keys::{read_keystore, write_keystore};
use dtp_sdk::{Client, Key};
use serde::{Deserialize, Serialize};
use sui_sdk_types::Address;

use super::up::UpArgs;
use super::up_timings::Timings;

/// What `dtp up` created, saved so a restart on the same data directory reuses it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Deployment {
    pub host: Address,
    pub cap: Address,
    /// The Pipes (`--pipes`); a deployment file from before sharding has one, as `pipe`.
    #[serde(alias = "pipe", deserialize_with = "one_or_many")]
    pub pipes: Vec<Address>,
    pub policy: String,
    pub servers: usize,
}

/// A list of addresses, or the one address older files hold.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Address>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Address),
        Many(Vec<Address>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(a) => vec![a],
        OneOrMany::Many(v) => v,
    })
}

impl Deployment {
    fn matches(&self, a: &UpArgs) -> bool {
        self.servers == (a.replicas + a.standby) as usize
            && self.policy == a.policy.name()
            && self.pipes.len() == a.pipes as usize
    }

    /// What was recorded, to say why it does not match.
    fn describe(&self) -> String {
        format!(
            "{} servers, policy {} and {} pipe(s)",
            self.servers,
            self.policy,
            self.pipes.len()
        )
    }

    /// `pipe <id>` or `pipes <id> <id> …`, for the progress lines.
    pub fn describe_pipes(&self) -> String {
        let ids: Vec<String> = self.pipes.iter().map(Address::to_string).collect();
        match ids.len() {
            1 => format!("pipe {}", ids[0]),
            _ => format!("pipes {}", ids.join(" ")),
        }
    }

    /// `--pipe <id>` for each Pipe: the arguments of `dtp replay`.
    pub fn replay_args(&self) -> String {
        let args: Vec<String> = self.pipes.iter().map(|p| format!("--pipe {p}")).collect();
        args.join(" ")
    }

    /// True when every recorded Pipe is still on chain.
    async fn pipes_exist(&self, admin: &Client) -> Result<bool> {
        for &p in &self.pipes {
            match admin.pipe(p).await {
                Ok(_) => {}
                Err(dtp_sdk::Error::NotFound { .. }) => return Ok(false),
                Err(err) => return Err(err).with_context(|| format!("reading pipe {p}")),
            }
        }
        Ok(true)
    }
}

/// The keys of the run (admin, gateway, then one per server), created once and kept.
pub fn keys(dir: &Path, servers: usize) -> Result<Vec<Key>> {
    let path = dir.join("keys.keystore");
    let mut keys = if path.exists() {
        read_keystore(&path)?
    } else {
        Vec::new()
    };
    if keys.len() < servers + 2 {
        keys.extend((keys.len()..servers + 2).map(|_| Key::generate()));
        write_keystore(&path, &keys)?;
    }
    Ok(keys)
}

/// Creates the Host (with `t`'s lease and heartbeat timeout), one endpoint per server key and
/// the Pipe, and waits until the node's reads show them (the daemons and gateway read them next).
pub async fn create(
    admin: &Client,
    a: &UpArgs,
    servers: &[Key],
    t: &Timings,
) -> Result<Deployment> {
    let cfg = HostConfig {
        heartbeat_timeout_ms: t.heartbeat_timeout_ms,
        healthy_threshold: 1,
        lease_ms: t.lease_ms,
        max_attempts: 5,
        ..HostConfig::default()
    };
    let (host, cap) = admin.create_host("dtp-up", &cfg).await?;
    for (i, k) in servers.iter().enumerate() {
        let role = if i < a.replicas as usize {
            ROLE_ACTIVE
        } else {
            ROLE_STANDBY
        };
        let args = EndpointArgs {
            server: k.address(),
            label: format!("server-{i}"),
            region: String::new(),
            weight: 1 + (i as u32 % 3),
            max_inflight: 0,
            role,
        };
        admin.add_endpoint(host, cap, &args).await?;
    }
    let mut pipes = Vec::new();
    for i in 0..a.pipes {
        let label = match a.pipes {
            1 => "dtp-up".to_string(),
            _ => format!("dtp-up-{i}"),
        };
        pipes.push(admin.create_pipe(host, cap, &label, a.policy).await?);
    }
    admin.sync().await?;
    Ok(Deployment {
        host,
        cap,
        pipes,
        policy: a.policy.name().to_string(),
        servers: servers.len(),
    })
}

/// The embedded localnet's deployment: `deployment.json`, else created.
pub async fn deploy(
    admin: &Client,
    a: &UpArgs,
    servers: &[Key],
    t: &Timings,
) -> Result<Deployment> {
    let path = a.data_dir.join("deployment.json");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let d: Deployment = serde_json::from_str(&text)
            .with_context(|| format!("{} is corrupt; use --fresh", path.display()))?;
        if d.pipes_exist(admin).await.unwrap_or(false) && d.matches(a) {
            return Ok(d);
        }
        bail!(
            "{} describes another deployment ({}: servers, policy or --pipes changed); use --fresh to start over",
            path.display(),
            d.describe()
        );
    }
    let d = create(admin, a, servers, t).await?;
    std::fs::write(&path, serde_json::to_string_pretty(&d)?)?;
    Ok(d)
}

/// A deployment on a network, in `networks.json` (one per URL + package).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NetDeployment {
    pub url: String,
    pub package: Address,
    /// The chain id when it was created: another one means the network was reset.
    pub chain_id: String,
    #[serde(flatten)]
    pub deployment: Deployment,
}

fn networks_path(dir: &Path) -> PathBuf {
    dir.join("networks.json")
}

fn load_networks(dir: &Path) -> Result<Vec<NetDeployment>> {
    let path = networks_path(dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is corrupt (delete it to create new deployments)",
                path.display()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// Records `d`, replacing the entry of its URL + package.
pub fn save_network(dir: &Path, d: &NetDeployment) -> Result<()> {
    let mut all = load_networks(dir)?;
    all.retain(|e| (e.url.as_str(), e.package) != (d.url.as_str(), d.package));
    all.push(d.clone());
    let path = networks_path(dir);
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&all)?)
        .with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))
}

/// Forgets what this data directory recorded for `url` + `package` (`deployment.json` and the
/// `networks.json` entry): after `dtp scale` the Host no longer has the endpoints the record
/// describes, so the next `dtp up` here deploys a new Host instead of reusing it half-right.
pub fn forget(dir: &Path, url: &str, package: Address) -> Result<()> {
    match std::fs::remove_file(dir.join("deployment.json")) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).context("removing deployment.json"),
    }
    let all = load_networks(dir)?;
    if all.iter().any(|e| e.url == url && e.package == package) {
        let rest: Vec<_> = all
            .into_iter()
            .filter(|e| !(e.url == url && e.package == package))
            .collect();
        std::fs::write(networks_path(dir), serde_json::to_string_pretty(&rest)?)
            .context("rewriting networks.json")?;
    }
    Ok(())
}

/// The deployment recorded for `url` + `package` if it is still there on this chain and has
/// the servers and policy asked for; `None` (with a note why) when there is none to reuse.
pub async fn reusable(
    admin: &Client,
    a: &UpArgs,
    url: &str,
    package: Address,
    chain_id: &str,
) -> Result<(Option<Deployment>, Option<String>)> {
    let Some(e) = load_networks(&a.data_dir)?
        .into_iter()
        .find(|e| e.url == url && e.package == package)
    else {
        return Ok((None, None));
    };
    if a.fresh {
        return Ok((None, Some("--fresh: a new Host and Pipe".into())));
    }
    if e.chain_id != chain_id {
        let why = format!(
            "the chain at {url} is {chain_id}, not {} as when the deployment was made (the network was reset): a new one",
            e.chain_id
        );
        return Ok((None, Some(why)));
    }
    if !e.deployment.pipes_exist(admin).await? {
        let why = "a recorded pipe is gone: a new deployment".to_string();
        return Ok((None, Some(why)));
    }
    if !e.deployment.matches(a) {
        bail!(
            "{} records a deployment on {url} with {}; run with those, or add --fresh for a new Host and Pipes (the keys are kept)",
            networks_path(&a.data_dir).display(),
            e.deployment.describe()
        );
    }
    Ok((Some(e.deployment), None))
}

/// Where a daemon finds its chain.
pub struct ChainRef<'a> {
    pub url: &'a str,
    pub package: Address,
    /// Only if one was given: a daemon without one reports running out of gas instead.
    pub faucet: Option<&'a str>,
    /// Without a faucet: the gateway's address and the balance each server keeps; the rest (the
    /// storage rebates its completes earn) is swept back to the gateway (dtpd `[sweep]`).
    pub sweep: Option<(Address, u64)>,
}

#[allow(clippy::too_many_arguments)]
pub fn daemon_config(
    dir: &Path,
    i: usize,
    chain: &ChainRef,
    key: &Key,
    d: &Deployment,
    backend: &str,
    t: &Timings,
    batch_max_calls: u16,
) -> Result<PathBuf> {
    let state = dir.join(format!("dtpd-{i}"));
    let faucet = match chain.faucet {
        Some(f) => format!("faucet = \"{f}\"\n"),
        None => String::new(),
    };
    let sweep = match chain.sweep {
        Some((to, keep)) => format!("\n[sweep]\nto = \"{to}\"\nabove_mist = {keep}\n"),
        None => String::new(),
    };
    let text = format!(
        "[chain]\nurl = \"{}\"\npackage = \"{}\"\nkey = \"{}\"\nhost = \"{}\"\npipes = [{}]\n{faucet}\n[[backends]]\nurl = \"{backend}\"\n\n[health]\ninterval_ms = 500\nhealthy_threshold = 1\nunhealthy_threshold = 2\n\n[daemon]\nheartbeat_interval_ms = {}\ntakeover_stagger_ms = {}\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 5000\nbatch_max_calls = {batch_max_calls}\n{sweep}",
        chain.url,
        chain.package,
        key.to_suiprivkey(),
        d.host,
        d.pipes
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", "),
        t.heartbeat_interval_ms,
        t.takeover_stagger_ms,
        state.display()
    );
    let path = dir.join(format!("dtpd-{i}.toml"));
    std::fs::write(&path, text)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(path)
}

pub async fn wait_healthy(
    admin: &Client,
    host: Address,
    keys: &[Key],
    limit: Duration,
) -> Result<()> {
    let start = Instant::now();
    loop {
        let h = admin.host(host).await?;
        let now = dtp_sdk::service::now_ms();
        let healthy = keys
            .iter()
            .filter(|k| {
                h.endpoint(&k.address())
                    .is_some_and(|e| e.is_healthy(&h.config, now))
            })
            .count();
        if healthy == keys.len() {
            return Ok(());
        }
        if start.elapsed() > limit {
            bail!(
                "only {healthy} of {} servers became healthy within {limit:?}",
                keys.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployments_from_before_sharding_have_one_pipe() {
        let (a, b) = (Address::new([1; 32]), Address::new([2; 32]));
        let old = format!(
            r#"{{"host":"{a}","cap":"{a}","pipe":"{b}","policy":"round_robin","servers":3}}"#
        );
        let d: Deployment = serde_json::from_str(&old).unwrap();
        assert_eq!(d.pipes, vec![b]);
        let text = serde_json::to_string(&d).unwrap();
        assert!(text.contains(r#""pipes":["#), "{text}");
        let net = format!(
            r#"{{"url":"u","package":"{a}","chain_id":"c",{}"#,
            &text[1..]
        );
        let n: NetDeployment = serde_json::from_str(&net).unwrap();
        assert_eq!(n.deployment.pipes, d.pipes);
    }
}
