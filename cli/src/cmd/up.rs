//! `dtp up`: everything on this machine in one command — the embedded localnet, a Host and its K
//! Pipes (`--pipes`), N sample servers each with a daemon beside it (child processes of this binary), and the HTTP
//! gateway. Ctrl-C stops it all, daemons first (they drain and release), leaving no process behind.
//! With `--url`, the same on a real Sui network instead of the embedded localnet (`up_net`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_protocol::{HostConfig, Policy};
use dtp_sdk::{Client, ClientConfig, Key};
use sui_sdk_types::Address;

use super::up_deploy::{self as deploy, NetDeployment};
use super::up_net::{self as net, NetFlags};
use super::up_procs::{self as procs, Job};
use super::up_timings::{self as timings, Timings};

#[derive(clap::Args, Debug)]
pub struct UpArgs {
    /// Selection policy of the pipe: round_robin, weighted, least_inflight, affinity, random, region.
    #[arg(long, default_value = "round_robin", value_parser = crate::parse::policy)]
    pub policy: Policy,
    /// Sample servers (each with its daemon) taking traffic.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=32))]
    pub replicas: u8,
    /// Pipes created on the Host (K, 1-64): the gateway spreads its sends over them (a request
    /// with an affinity key always to the same one) and every daemon serves all of them. Each Pipe
    /// is one shared object sequenced on its own, so on Sui more Pipes carry more requests.
    #[arg(long, default_value_t = 1, value_name = "K", value_parser = clap::value_parser!(u8).range(1..=64))]
    pub pipes: u8,
    /// Warm standby servers: they take traffic only when no active one is healthy.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=16))]
    pub standby: u8,
    /// Where the chain, keys and daemon state live (kept across runs; --fresh wipes it, but not
    /// with --url).
    #[arg(long, default_value = ".dtp-data/up")]
    pub data_dir: PathBuf,
    /// Start from an empty chain. With --url: create a new Host and Pipe instead of reusing the
    /// recorded ones (the data dir, whose keys may hold SUI, is kept).
    #[arg(long)]
    pub fresh: bool,
    /// Gateway listen address.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Localnet gRPC listen address (embedded localnet only).
    #[arg(long, default_value = "127.0.0.1:9000")]
    pub grpc: SocketAddr,
    /// Localnet faucet listen address (embedded localnet only).
    #[arg(long, default_value = "127.0.0.1:9123")]
    pub faucet: SocketAddr,
    /// Lease of a request (ms): how long before a peer may take over a stalled server's work.
    /// Default: 3000 on the embedded localnet; with --url, derived from the network's measured
    /// latency (at least 4000), and heartbeats and timeouts from the lease.
    #[arg(long)]
    pub lease_ms: Option<u64>,
    /// Keep only the last N checkpoints in the localnet (a long run's memory and disk stay
    /// bounded: the localnet snapshots its state and cuts its log every 64 MiB of log; `dtp
    /// replay` then reads only that far back). Default: all.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub retain_checkpoints: Option<u64>,
    /// Run the localnet with a real Sui network's timings (effects ~350 ms, events ~820 ms after
    /// a transaction, a checkpoint every 250 ms) to see the deployment as it would behave there;
    /// pair it with `--lease-ms 4000` or more.
    #[arg(long)]
    pub sui_latency: bool,
    /// Most calls per transaction: the gateway's sends and each daemon's completes are group
    /// committed (what arrives while a transaction is in flight goes in the next, up to this
    /// many); 1 sends every call in its own transaction (no batching).
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub batch_max_calls: u16,
    /// Gateways, each with its own key, on consecutive ports from --listen's; they share the
    /// Pipes and each answers only its own requests.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=8))]
    pub gateways: u8,
    /// With --url and no --faucet-url: SUI the admin key sends to each gateway and server key
    /// holding less than half of it (in one transaction, topping it up to this).
    #[arg(long, default_value = "1", value_name = "SUI", value_parser = net::parse_sui)]
    pub fund_sui: u64,
    /// With --url and no --faucet-url: when the admin key cannot pay, wait (polling every 5 s)
    /// until its address is funded instead of failing.
    #[arg(long)]
    pub wait_funds: bool,
    /// Autoscale between MIN and MAX active servers (e.g. 2..5): one more when the requests
    /// pending per active server stay above --autoscale-target for --autoscale-window (a warm
    /// standby promoted first), one fewer when they stay below a quarter of it; a cooldown after
    /// each change. Decisions are logged and shown by `dtp status`.
    #[arg(long, value_name = "MIN..MAX", value_parser = super::up_autoscale::parse_bounds)]
    pub autoscale: Option<super::up_autoscale::Bounds>,
    /// Pending requests per active server above which --autoscale adds one.
    #[arg(long, default_value_t = 8.0, value_name = "N", requires = "autoscale", value_parser = super::up_autoscale::parse_target)]
    pub autoscale_target: f64,
    /// Seconds the load must stay past a threshold before --autoscale acts.
    #[arg(long, default_value_t = 10, value_name = "SECS", requires = "autoscale", value_parser = clap::value_parser!(u64).range(1..))]
    pub autoscale_window: u64,
    /// Seconds after a change before --autoscale makes the next.
    #[arg(
        long,
        default_value_t = 30,
        value_name = "SECS",
        requires = "autoscale"
    )]
    pub autoscale_cooldown: u64,
    /// Serve the gateway over HTTPS with a new local CA and a localhost certificate it signed
    /// (written to <data-dir>/tls; the tour shows `curl --cacert <data-dir>/tls/ca.pem ...`).
    #[arg(long, conflicts_with = "tls_cert")]
    pub tls_self_signed: bool,
    /// The gateway's TLS, rate limits, admission and access log.
    #[command(flatten)]
    pub edge: super::edge::EdgeArgs,
}

pub(super) fn step(n: usize, total: usize, what: &str) -> Instant {
    note!("[{n}/{total}] {what}");
    Instant::now()
}

pub async fn run(a: UpArgs, flags: NetFlags) -> Result<()> {
    if let Some(b) = a.autoscale {
        super::up_autoscale::check(b, a.replicas as usize)?;
    }
    if flags.url.is_some() {
        return network(a, flags).await;
    }
    flags.check_embedded()?;
    if a.wait_funds {
        bail!("--wait-funds applies to `dtp up --url` only");
    }
    embedded(a, &flags).await
}

async fn embedded(a: UpArgs, flags: &NetFlags) -> Result<()> {
    let total = 6;
    if a.fresh && a.data_dir.exists() {
        std::fs::remove_dir_all(&a.data_dir)
            .with_context(|| format!("removing {}", a.data_dir.display()))?;
    }
    std::fs::create_dir_all(&a.data_dir)
        .with_context(|| format!("creating {}", a.data_dir.display()))?;
    let servers = (a.replicas + a.standby) as usize;

    let t = step(1, total, "starting the embedded localnet");
    let node = dtp_localnet::start(dtp_localnet::LocalnetConfig {
        grpc: a.grpc,
        faucet: a.faucet,
        node: NodeConfig {
            data_dir: Some(a.data_dir.join("localnet")),
            cadence: match a.sui_latency {
                true => Cadence::Interval(std::time::Duration::from_millis(250)),
                false => Cadence::Immediate,
            },
            retain_checkpoints: a.retain_checkpoints,
            compact_log_bytes: NodeConfig::default_compaction(a.retain_checkpoints),
            latency: match a.sui_latency {
                true => Latency::SUI,
                false => Latency::default(),
            },
        },
    })
    .await
    .context(
        "starting the localnet (is another one running on these ports? see --grpc/--faucet)",
    )?;
    note!(
        "      gRPC {} faucet {} ({} ms)",
        node.grpc_url(),
        node.faucet_url(),
        t.elapsed().as_millis()
    );

    let t = step(2, total, "funding keys and deploying the host and pipe");
    let keys = deploy::keys(&a.data_dir, servers + a.gateways as usize - 1)?;
    let faucet_url = format!("{}/", node.faucet_url());
    let package = dtp_localnet::genesis::DTP_PACKAGE;
    let faucet = sui_rpc::faucet::FaucetClient::new(faucet_url.clone())
        .map_err(|e| anyhow::anyhow!("faucet: {e}"))?;
    for k in &keys {
        let c = connect(&node.grpc_url(), package, k, Some(&faucet_url)).await?;
        if c.coins(k.address()).await?.is_empty() {
            faucet
                .request(k.address())
                .await
                .map_err(|e| anyhow::anyhow!("faucet: {e}"))?;
        }
    }
    let admin = connect(&node.grpc_url(), package, &keys[0], Some(&faucet_url)).await?;
    let timings = Timings::embedded(a.lease_ms.unwrap_or(3_000));
    let dep = deploy::deploy(&admin, &a, &keys[2..2 + servers], &timings).await?;
    note!(
        "      host {} {} ({}, {} ms)",
        dep.host,
        dep.describe_pipes(),
        dep.policy,
        t.elapsed().as_millis()
    );
    let job = Job {
        chain_lines: vec![format!(
            "localnet   {} (faucet {})",
            node.grpc_url(),
            node.faucet_url()
        )],
        replay: format!(
            "dtp --url {} replay {} --verify",
            node.grpc_url(),
            dep.replay_args()
        ),
        url: node.grpc_url(),
        package,
        faucet: Some(faucet_url),
        admin,
        keys,
        dep,
        timings,
        stopping: "stopping: gateway, daemons (drain and release), servers, localnet",
    };
    let keystore = a.data_dir.join("keys.keystore");
    procs::serve(&a, job, &flags.config, &keystore).await?;
    node.stop().await;
    note!("stopped");
    Ok(())
}

async fn network(a: UpArgs, flags: NetFlags) -> Result<()> {
    let total = 6;
    if a.sui_latency || a.retain_checkpoints.is_some() {
        bail!(
            "--sui-latency and --retain-checkpoints apply to the embedded localnet, not to --url"
        );
    }
    std::fs::create_dir_all(&a.data_dir)
        .with_context(|| format!("creating {}", a.data_dir.display()))?;
    let servers = (a.replicas + a.standby) as usize;
    let url = flags.url.clone().expect("--url");

    let t = step(1, total, &format!("connecting to {url}"));
    let keys = deploy::keys(&a.data_dir, servers + a.gateways as usize - 1)?;
    let admin_key = net::admin_key(&flags, &keys[0])?;
    let n = net::connect(&flags, admin_key.clone()).await?;
    note!(
        "      chain {} package {} ({} ms)",
        n.chain_id,
        n.package,
        t.elapsed().as_millis()
    );

    let t = step(
        2,
        total,
        "funding keys, measuring the network, deploying the host and pipe",
    );
    let (reuse, note) = deploy::reusable(&n.admin, &a, &n.url, n.package, &n.chain_id).await?;
    if let Some(note) = note {
        note!("      {note}");
    }
    let admin_txs = u64::from(a.lease_ms.is_none())
        + match &reuse {
            None => servers as u64 + 1 + u64::from(a.pipes),
            Some(_) => u64::from(a.lease_ms.is_some()),
        };
    let mut others = vec![("gateway".to_string(), keys[1].clone())];
    others.extend((0..servers).map(|i| (format!("server-{i}"), keys[2 + i].clone())));
    others.extend(
        (1..a.gateways as usize).map(|g| (format!("gateway-{g}"), keys[1 + servers + g].clone())),
    );
    let funded = net::fund(
        &n,
        &others,
        &net::Funding {
            admin_txs,
            fund: a.fund_sui,
            wait: a.wait_funds,
        },
    )
    .await?;
    note!("      {funded}");
    let measured = match a.lease_ms {
        None => Some(timings::measure(&n.admin).await?),
        Some(_) => None,
    };
    let mut timings = Timings::network(a.lease_ms, measured);
    if timings.lease_ms < timings::MIN_NETWORK_LEASE_MS {
        note!(
            "      warning: a lease below {} ms on a real network has even fast work claimed (docs/sui.md)",
            timings::MIN_NETWORK_LEASE_MS
        );
    }
    let dep = match reuse {
        Some(d) => {
            let h = n.admin.host(d.host).await.context("reading the Host")?;
            let want = (timings.lease_ms, timings.heartbeat_timeout_ms);
            if a.lease_ms.is_some() && want != (h.config.lease_ms, h.config.heartbeat_timeout_ms) {
                let cfg = HostConfig {
                    lease_ms: want.0,
                    heartbeat_timeout_ms: want.1,
                    ..h.config
                };
                n.admin
                    .set_config(d.host, d.cap, &cfg)
                    .await
                    .context("setting the Host's lease (--lease-ms)")?;
            } else {
                timings = timings.for_host(h.config.lease_ms, h.config.heartbeat_timeout_ms);
            }
            note!("      reusing the deployment recorded in networks.json");
            d
        }
        None => {
            let d = deploy::create(&n.admin, &a, &keys[2..2 + servers], &timings).await?;
            deploy::save_network(
                &a.data_dir,
                &NetDeployment {
                    url: n.url.clone(),
                    package: n.package,
                    chain_id: n.chain_id.clone(),
                    deployment: d.clone(),
                },
            )?;
            d
        }
    };
    // The daemons and the gateway read what the admin wrote: only once the node's reads show it.
    n.admin.sync().await?;
    note!(
        "      host {} {} ({}, {} ms)",
        dep.host,
        dep.describe_pipes(),
        dep.policy,
        t.elapsed().as_millis()
    );
    note!("      {}", timings.describe());
    let from_keystore = match &flags.keystore {
        Some(p) => format!(", from {}", p.display()),
        None => String::new(),
    };
    let job = Job {
        chain_lines: vec![
            format!(
                "network    {} (chain {}, {})",
                n.url,
                n.chain_id,
                match &n.faucet {
                    Some(f) => format!("faucet {f}"),
                    None => "no faucet".into(),
                }
            ),
            format!("package    {}", n.package),
            format!("timings    {}", timings.describe()),
            format!(
                "keys       {} (admin {}{from_keystore})",
                a.data_dir.join("keys.keystore").display(),
                admin_key.address()
            ),
        ],
        replay: format!(
            "dtp --url {} --package {} replay {} --verify",
            n.url,
            n.package,
            dep.replay_args()
        ),
        url: n.url,
        package: n.package,
        faucet: n.faucet,
        admin: n.admin,
        keys,
        dep,
        timings,
        stopping: "stopping: gateway, daemons (drain and release), servers",
    };
    let keystore = flags
        .keystore
        .clone()
        .unwrap_or_else(|| a.data_dir.join("keys.keystore"));
    procs::serve(&a, job, &flags.config, &keystore).await
}

pub(super) async fn connect(
    url: &str,
    package: Address,
    k: &Key,
    faucet: Option<&str>,
) -> Result<Client> {
    Client::connect(
        ClientConfig::new(url, package)
            .with_key(k.clone())
            // A long run keeps its keys funded from the faucet, if there is one.
            .with_faucet(faucet.map(str::to_string)),
    )
    .await
    .with_context(|| format!("connecting to {url}"))
}
