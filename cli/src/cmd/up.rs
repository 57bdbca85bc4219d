//! `dtp up`: everything on this machine in one command — the embedded localnet, a Host and a Pipe,
//! N sample servers each with a daemon beside it (child processes of this binary), and the HTTP
//! gateway. Ctrl-C stops it all, daemons first (they drain and release), leaving no process behind.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dtp_localnet::node::{Cadence, Latency, NodeConfig};
use dtp_protocol::constants::{ROLE_ACTIVE, ROLE_STANDBY};
use dtp_protocol::{EndpointArgs, HostConfig, Policy};
use dtp_sdk::keys::{read_keystore, write_keystore};
use dtp_sdk::{Client, ClientConfig, Key};
use serde::{Deserialize, Serialize};
use sui_sdk_types::Address;

use super::up_procs::{Child, Children};

/// Start a whole dtp deployment on this machine: localnet, host, pipe, sample servers with their
/// daemons, and the HTTP gateway. Then try `curl localhost:8080/api/instance`.
#[derive(clap::Args, Debug)]
pub struct UpArgs {
    /// Selection policy of the pipe: round_robin, weighted, least_inflight, affinity, random, region.
    #[arg(long, default_value = "round_robin", value_parser = crate::parse::policy)]
    pub policy: Policy,
    /// Sample servers (each with its daemon) taking traffic.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=32))]
    pub replicas: u8,
    /// Warm standby servers: they take traffic only when no active one is healthy.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=16))]
    pub standby: u8,
    /// Where the chain, keys and daemon state live (kept across runs; --fresh wipes it).
    #[arg(long, default_value = ".dtp-data/up")]
    pub data_dir: PathBuf,
    /// Start from an empty chain.
    #[arg(long)]
    pub fresh: bool,
    /// Gateway listen address.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Localnet gRPC listen address.
    #[arg(long, default_value = "127.0.0.1:9000")]
    pub grpc: SocketAddr,
    /// Localnet faucet listen address.
    #[arg(long, default_value = "127.0.0.1:9123")]
    pub faucet: SocketAddr,
    /// Lease of a request (ms): how long before a peer may take over a stalled server's work.
    #[arg(long, default_value_t = 3_000)]
    pub lease_ms: u64,
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
}

/// What `dtp up` created, saved so a restart on the same data directory reuses it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Deployment {
    host: Address,
    cap: Address,
    pipe: Address,
    policy: String,
    servers: usize,
}

fn step(n: usize, total: usize, what: &str) -> Instant {
    eprintln!("[{n}/{total}] {what}");
    Instant::now()
}

/// The keys of the run (admin, gateway, then one per server), created once and kept.
fn keys(dir: &Path, servers: usize) -> Result<Vec<Key>> {
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

pub async fn run(a: UpArgs) -> Result<()> {
    let total = 6;
    if a.fresh && a.data_dir.exists() {
        std::fs::remove_dir_all(&a.data_dir)
            .with_context(|| format!("removing {}", a.data_dir.display()))?;
    }
    std::fs::create_dir_all(&a.data_dir)
        .with_context(|| format!("creating {}", a.data_dir.display()))?;
    let servers = (a.replicas + a.standby) as usize;

    let t = step(1, total, "starting the embedded localnet");
    let net = dtp_localnet::start(dtp_localnet::LocalnetConfig {
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
    eprintln!(
        "      gRPC {} faucet {} ({} ms)",
        net.grpc_url(),
        net.faucet_url(),
        t.elapsed().as_millis()
    );

    let t = step(2, total, "funding keys and deploying the host and pipe");
    let keys = keys(&a.data_dir, servers)?;
    let connect = |k: &Key| {
        Client::connect(
            ClientConfig::new(net.grpc_url(), dtp_localnet::genesis::DTP_PACKAGE)
                .with_key(k.clone())
                // A long run keeps its keys funded from the localnet's faucet.
                .with_faucet(Some(format!("{}/", net.faucet_url()))),
        )
    };
    let faucet = sui_rpc::faucet::FaucetClient::new(format!("{}/", net.faucet_url()))
        .map_err(|e| anyhow::anyhow!("faucet: {e}"))?;
    for k in &keys {
        let c = connect(k).await?;
        if c.coins(k.address()).await?.is_empty() {
            faucet
                .request(k.address())
                .await
                .map_err(|e| anyhow::anyhow!("faucet: {e}"))?;
        }
    }
    let admin = connect(&keys[0]).await?;
    let dep = deploy(&admin, &a, &keys[2..], &a.data_dir).await?;
    eprintln!(
        "      host {} pipe {} ({}, {} ms)",
        dep.host,
        dep.pipe,
        dep.policy,
        t.elapsed().as_millis()
    );

    let t = step(3, total, &format!("starting {servers} sample servers"));
    let exe = std::env::current_exe().context("locating the dtp binary")?;
    let mut children = Children::default();
    let mut backends = Vec::new();
    for i in 0..servers {
        let name = format!("server-{i}");
        let c = Child::spawn(
            &exe,
            &["sample", "--listen", "127.0.0.1:0", "--name", &name],
            "listening on",
            &name,
        )
        .await?;
        backends.push(c.line.trim_start_matches("listening on ").to_string());
        children.push(c);
    }
    eprintln!(
        "      {} ({} ms)",
        backends.join(" "),
        t.elapsed().as_millis()
    );

    let t = step(4, total, &format!("starting {servers} daemons"));
    for (i, b) in backends.iter().enumerate() {
        let faucet = format!("{}/", net.faucet_url());
        let cfg = daemon_config(
            &a.data_dir,
            i,
            &net.grpc_url(),
            &faucet,
            &keys[2 + i],
            &dep,
            b,
        )?;
        let c = Child::spawn(
            &exe,
            &["daemon", "--config", &cfg.to_string_lossy()],
            "serving host",
            &format!("daemon-{i}"),
        )
        .await?;
        children.push(c);
    }
    wait_healthy(
        &admin,
        dep.host,
        &keys[2..2 + a.replicas as usize],
        Duration::from_secs(30),
    )
    .await?;
    eprintln!("      all healthy ({} ms)", t.elapsed().as_millis());

    let t = step(5, total, "starting the gateway");
    let gw_client = connect(&keys[1]).await?;
    let mut gw_cfg = dtp_gateway::GatewayConfig::new(a.listen, dep.host, dep.pipe);
    gw_cfg.metrics_listen = Some(SocketAddr::from(([127, 0, 0, 1], 0)));
    let gw = dtp_gateway::start(gw_client, gw_cfg)
        .await
        .with_context(|| format!("starting the gateway on {}", a.listen))?;
    eprintln!("      {} ({} ms)", gw.url(), t.elapsed().as_millis());

    step(6, total, "ready");
    print_tour(&a, &net, &dep, &gw, &children);
    super::serve::shutdown_signal().await;
    eprintln!("stopping: gateway, daemons (drain and release), servers, localnet");
    gw.stop();
    children.stop_all(Duration::from_secs(10)).await;
    net.stop().await;
    eprintln!("stopped");
    Ok(())
}

async fn deploy(admin: &Client, a: &UpArgs, servers: &[Key], dir: &Path) -> Result<Deployment> {
    let path = dir.join("deployment.json");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let d: Deployment = serde_json::from_str(&text)
            .with_context(|| format!("{} is corrupt; use --fresh", path.display()))?;
        if admin.pipe(d.pipe).await.is_ok()
            && d.servers == servers.len()
            && d.policy == a.policy.name()
        {
            return Ok(d);
        }
        bail!("{} describes another deployment (servers or policy changed); use --fresh to start over", path.display());
    }
    let cfg = HostConfig {
        heartbeat_timeout_ms: 6_000,
        healthy_threshold: 1,
        lease_ms: a.lease_ms,
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
    let pipe = admin.create_pipe(host, cap, "dtp-up", a.policy).await?;
    let d = Deployment {
        host,
        cap,
        pipe,
        policy: a.policy.name().to_string(),
        servers: servers.len(),
    };
    // The daemons and the gateway read what this wrote: only once the node's reads show it.
    admin.sync().await?;
    std::fs::write(&path, serde_json::to_string_pretty(&d)?)?;
    Ok(d)
}

fn daemon_config(
    dir: &Path,
    i: usize,
    url: &str,
    faucet: &str,
    key: &Key,
    d: &Deployment,
    backend: &str,
) -> Result<PathBuf> {
    let state = dir.join(format!("dtpd-{i}"));
    let text = format!(
        "[chain]\nurl = \"{url}\"\npackage = \"{}\"\nkey = \"{}\"\nhost = \"{}\"\npipes = [\"{}\"]\nfaucet = \"{faucet}\"\n\n[[backends]]\nurl = \"{backend}\"\n\n[health]\ninterval_ms = 500\nhealthy_threshold = 1\nunhealthy_threshold = 2\n\n[daemon]\nheartbeat_interval_ms = 1000\ntakeover_stagger_ms = 300\nstate_dir = \"{}\"\nadmin_listen = \"127.0.0.1:0\"\nmetrics_listen = \"127.0.0.1:0\"\nshutdown_grace_ms = 5000\n",
        dtp_localnet::genesis::DTP_PACKAGE,
        key.to_suiprivkey(),
        d.host,
        d.pipe,
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

async fn wait_healthy(admin: &Client, host: Address, keys: &[Key], limit: Duration) -> Result<()> {
    let start = Instant::now();
    loop {
        let h = admin.host(host).await?;
        let now = dtp_localnet::node::now_ms();
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

fn print_tour(
    a: &UpArgs,
    net: &dtp_localnet::Running,
    d: &Deployment,
    gw: &dtp_gateway::Running,
    children: &Children,
) {
    println!();
    println!(
        "dtp is up: {} servers ({} standby), policy {}",
        a.replicas + a.standby,
        a.standby,
        d.policy
    );
    println!("  gateway    {}", gw.url());
    if let Some(m) = gw.metrics_addr {
        println!("  metrics    http://{m}/metrics (gateway)");
    }
    println!(
        "  localnet   {} (faucet {})",
        net.grpc_url(),
        net.faucet_url()
    );
    println!("  host       {}", d.host);
    println!("  pipe       {}", d.pipe);
    for c in children.list() {
        println!("  {:<10} pid {}", c.name, c.pid());
    }
    println!();
    println!("Try:");
    println!(
        "  for i in $(seq 10); do curl -s {}/api/instance; echo; done",
        gw.url()
    );
    println!("  kill -9 <pid of a daemon above>     # its requests are taken over by a peer");
    println!(
        "  dtp --url {} replay --pipe {} --verify",
        net.grpc_url(),
        d.pipe
    );
    println!("Ctrl-C stops everything.");
}
