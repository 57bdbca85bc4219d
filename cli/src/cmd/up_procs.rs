//! Child processes of `dtp up`: started from this binary, watched for their "ready" line, stopped
//! with SIGTERM (daemons first, so they drain and release) and killed if they linger. Children are
//! killed when dropped, so no process outlives `dtp up`. [`serve`] is the half of `dtp up` common
//! to the embedded localnet and `--url`: sample servers, daemons, gateway, summary, Ctrl-C.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use dtp_sdk::{Client, Key};
use sui_sdk_types::Address;

use super::up::UpArgs;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

pub struct Child {
    pub name: String,
    /// The ready line it printed.
    pub line: String,
    proc: tokio::process::Child,
}

impl Child {
    /// Starts `exe args…` (one runtime thread: see `worker_threads` in main.rs) and waits (up to
    /// 30 s) for a stdout line containing `ready`.
    pub async fn spawn(exe: &Path, args: &[&str], ready: &str, name: &str) -> Result<Child> {
        let mut proc = Command::new(exe)
            .args(args)
            .env("TOKIO_WORKER_THREADS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        let mut lines = BufReader::new(proc.stdout.take().expect("piped")).lines();
        let wait = async {
            while let Some(l) = lines.next_line().await? {
                if l.contains(ready) {
                    return Ok::<_, std::io::Error>(Some(l));
                }
            }
            Ok(None)
        };
        let line = match tokio::time::timeout(Duration::from_secs(30), wait).await {
            Ok(Ok(Some(l))) => l,
            Ok(Ok(None)) => bail!("{name} exited before it was ready (see its log above)"),
            Ok(Err(e)) => bail!("{name}: {e}"),
            Err(_) => bail!("{name} was not ready within 30 s"),
        };
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Child {
            name: name.to_string(),
            line,
            proc,
        })
    }

    pub fn pid(&self) -> u32 {
        self.proc.id().unwrap_or(0)
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace`.
    pub async fn stop(mut self, grace: Duration) {
        self.terminate();
        if tokio::time::timeout(grace, self.proc.wait()).await.is_err() {
            let _ = self.proc.kill().await;
        }
    }

    fn terminate(&self) {
        #[cfg(unix)]
        if let Some(pid) = self.proc.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
    }
}

/// Everything but the chain: what the common half of `dtp up` runs on.
pub struct Job {
    pub url: String,
    pub package: Address,
    /// The faucet's base URL, if there is one (given to the daemons and gateway).
    pub faucet: Option<String>,
    pub admin: Client,
    /// The data dir's keys: admin, gateway, then one per server.
    pub keys: Vec<Key>,
    pub dep: super::up_deploy::Deployment,
    pub timings: super::up_timings::Timings,
    /// Summary lines about the chain.
    pub chain_lines: Vec<String>,
    /// How to replay the pipes.
    pub replay: String,
    pub stopping: &'static str,
}

/// Steps 3 to 6: sample servers, daemons, gateway, the summary; then Ctrl-C stops them.
pub async fn serve(a: &UpArgs, j: Job, cli_config: &Path, keystore: &Path) -> Result<()> {
    let total = 6;
    let servers = (a.replicas + a.standby) as usize;
    let t = super::up::step(
        3,
        total,
        &format!("starting {servers} sample servers and their daemons"),
    );
    let exe = std::env::current_exe().context("locating the dtp binary")?;
    let mut fleet = super::up_fleet::Fleet {
        exe,
        data_dir: a.data_dir.clone(),
        url: j.url.clone(),
        package: j.package,
        faucet: j.faucet.clone(),
        fund: a.fund_sui,
        // A network without a faucet: what the servers earn goes back to the gateway that pays.
        sweep: j.faucet.is_none().then(|| {
            let least = dtp_sdk::DEFAULT_GAS_BUDGET * dtp_daemon::config::SWEEP_MIN_KEEP_BUDGETS;
            (j.keys[1].address(), a.fund_sui.max(least))
        }),
        admin: j.admin.clone(),
        dep: j.dep.clone(),
        timings: j.timings.clone(),
        batch_max_calls: a.batch_max_calls,
        servers: Default::default(),
    };
    for i in 0..servers {
        let s = fleet.start(i, j.keys[2 + i].clone()).await?;
        fleet.servers.insert(i, s);
    }
    note!("      started ({} ms)", t.elapsed().as_millis());
    let t = super::up::step(4, total, "waiting until the servers are healthy");
    super::up_deploy::wait_healthy(
        &j.admin,
        j.dep.host,
        &j.keys[2..2 + a.replicas as usize],
        j.timings.healthy_within,
    )
    .await?;
    note!("      all healthy ({} ms)", t.elapsed().as_millis());

    let t = super::up::step(5, total, "starting the gateway");
    let ca = match a.tls_self_signed {
        true => Some(dtp_gateway::tls::self_signed(&a.data_dir.join("tls"))?),
        false => None,
    };
    // Gateway g listens on --listen's port + g with its own key: the first the data dir's
    // gateway key, the others the keys after the servers'.
    let mut gws = Vec::new();
    for g in 0..a.gateways as usize {
        let key = match g {
            0 => &j.keys[1],
            _ => &j.keys[1 + servers + g],
        };
        let listen = SocketAddr::new(a.listen.ip(), a.listen.port().saturating_add(g as u16));
        let client = super::up::connect(&j.url, j.package, key, j.faucet.as_deref()).await?;
        let mut cfg =
            dtp_gateway::GatewayConfig::with_pipes(listen, j.dep.host, j.dep.pipes.clone());
        cfg.metrics_listen = Some(SocketAddr::from(([127, 0, 0, 1], 0)));
        cfg.timeout = j.timings.gateway_timeout;
        cfg.batch.max_calls = a.batch_max_calls.into();
        a.edge.apply(&mut cfg);
        if let Some(made) = &ca {
            cfg.tls = Some(made.files.clone());
        }
        let gw = dtp_gateway::start(client, cfg)
            .await
            .with_context(|| format!("starting the gateway on {listen}"))?;
        note!("      {} ({} ms)", gw.url(), t.elapsed().as_millis());
        gws.push(gw);
    }
    let ca = ca.map(|c| c.ca);

    super::up::step(6, total, "ready");
    let fleet = std::sync::Arc::new(tokio::sync::Mutex::new(fleet));
    let autoscale = a.autoscale.map(|bounds| {
        let rule = super::up_autoscale::Rule {
            bounds,
            target: a.autoscale_target,
            window: Duration::from_secs(a.autoscale_window),
            cooldown: Duration::from_secs(a.autoscale_cooldown),
        };
        (rule, super::up_autoscale::Log::default())
    });
    let control = super::up_control::start(fleet.clone(), autoscale.clone(), &a.data_dir).await?;
    let autoscaler = autoscale
        .map(|(rule, log)| tokio::spawn(super::up_autoscale::run(fleet.clone(), rule, log)));
    let profile = crate::settings::Profile {
        url: Some(j.url.clone()),
        faucet_url: j.faucet.clone(),
        package: Some(j.package.to_string()),
        keystore: Some(std::path::absolute(keystore).unwrap_or_else(|_| keystore.to_path_buf())),
        active_address: j.admin.address().ok().map(|a| a.to_string()),
        host: Some(j.dep.host.to_string()),
        pipe: j.dep.pipes.first().map(|p| p.to_string()),
        control: Some(format!("http://{}", control.addr)),
    };
    let active = match super::up_profile::activate(cli_config, profile) {
        Ok(a) => {
            say!(
                "The CLI config ({}) points at this deployment while it runs (profile `{}`): `dtp status`, `dtp replay --verify` need no ids.",
                cli_config.display(),
                super::up_profile::NAME
            );
            Some(a)
        }
        Err(e) => {
            note!("warning: {e:#} (the CLI keeps its settings)");
            None
        }
    };
    print_tour(a, &j, &gws, &*fleet.lock().await, &control, ca.as_deref());
    super::serve::shutdown_signal().await;
    // No change starts once stopping has begun; one under way finishes first (the lock).
    drop(control);
    if let Some(t) = autoscaler {
        t.abort();
    }
    let mut fleet = fleet.lock().await;
    if let Some(Err(e)) = active.map(|a| a.restore()) {
        note!("warning: {e:#}");
    }
    note!("{}", j.stopping);
    for gw in gws {
        gw.stop();
    }
    fleet.stop_all(Duration::from_secs(10)).await;
    Ok(())
}

fn print_tour(
    a: &UpArgs,
    j: &Job,
    gws: &[dtp_gateway::Running],
    fleet: &super::up_fleet::Fleet,
    control: &super::up_control::Control,
    ca: Option<&std::path::Path>,
) {
    say!();
    say!(
        "dtp is up: {} servers ({} standby), policy {}, {} pipe(s)",
        a.replicas + a.standby,
        a.standby,
        j.dep.policy,
        j.dep.pipes.len()
    );
    for gw in gws {
        say!("  gateway    {}", gw.url());
        if let Some(m) = gw.metrics_addr {
            say!("  metrics    http://{m}/metrics (gateway)");
            say!("  dashboard  http://{m}/dashboard");
        }
    }
    for l in &j.chain_lines {
        say!("  {l}");
    }
    say!("  host       {}", j.dep.host);
    for p in &j.dep.pipes {
        say!("  pipe       {p}");
    }
    say!(
        "  control    http://{} (dtp scale, dtp rollout)",
        control.addr
    );
    for c in fleet.children() {
        say!("  {:<10} pid {}", c.name, c.pid());
    }
    say!();
    say!("Try:");
    let curl = match ca {
        Some(ca) => format!("curl -s --cacert {}", ca.display()),
        None => "curl -s".into(),
    };
    say!(
        "  for i in $(seq 10); do {curl} {}/api/instance; echo; done",
        gws[0].url()
    );
    say!("  kill -9 <pid of a daemon above>     # its requests are taken over by a peer");
    say!(
        "  dtp scale 5 --data-dir {0}; dtp rollout --data-dir {0}   # servers added, restarted one at a time",
        a.data_dir.display()
    );
    say!("  {}", j.replay);
    say!("Ctrl-C stops everything.");
}
