//! The servers of a running `dtp up` as a fleet that changes while it serves: each server is a
//! sample backend with its daemon, registered on the Host as `server-<i>`.
//!
//! Every change keeps requests flowing. A server is added by funding a new key, registering it,
//! starting its backend and daemon and waiting until the chain calls it healthy (only then does
//! the policy pick it). A server is taken out by draining it on chain (no new assignment), waiting
//! until it holds no request (at most [`Fleet::drain_deadline`]; then its daemon's SIGTERM releases
//! what is left to its peers), stopping its daemon, unregistering it and stopping its backend. A
//! rollout restarts each server that way (drain, wait empty, stop, start, wait healthy: the
//! daemon resumes itself when it finds its endpoint draining), `max_unavailable` at a time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dtp_protocol::constants::{MAX_ENDPOINTS, ROLE_ACTIVE, ROLE_STANDBY, STATE_DRAINING};
use dtp_protocol::EndpointArgs;
use dtp_sdk::{Client, Key};
use serde::Serialize;

use super::up_deploy::{daemon_config, wait_healthy, ChainRef, Deployment};
use super::up_procs::Child;
use super::up_timings::Timings;

/// One server: its key, its backend and its daemon.
pub struct Server {
    /// `server-<index>` on the Host and the backend's instance name.
    pub index: usize,
    /// The daemon's key (the endpoint's address).
    pub key: Key,
    sample: Child,
    daemon: Child,
}

impl Server {
    /// `server-<index>`.
    pub fn label(&self) -> String {
        format!("server-{}", self.index)
    }
}

/// What a change did.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// Servers before.
    pub before: usize,
    /// Servers after.
    pub after: usize,
    /// Labels of the servers started.
    pub added: Vec<String>,
    /// Labels of the servers taken out (or restarted, for a rollout).
    pub removed: Vec<String>,
}

/// The servers of one `dtp up` and what it needs to start more.
pub struct Fleet {
    pub exe: PathBuf,
    pub data_dir: PathBuf,
    pub url: String,
    pub package: sui_sdk_types::Address,
    pub faucet: Option<String>,
    /// Without a faucet: SUI (MIST) the admin sends a new server's key.
    pub fund: u64,
    pub sweep: Option<(sui_sdk_types::Address, u64)>,
    pub admin: Client,
    pub dep: Deployment,
    pub timings: Timings,
    pub batch_max_calls: u16,
    pub servers: BTreeMap<usize, Server>,
}

impl Fleet {
    /// The longest a server being taken out may take to finish what it holds.
    pub fn drain_deadline(&self) -> Duration {
        Duration::from_millis(2 * self.timings.lease_ms) + Duration::from_secs(5)
    }

    fn chain(&self) -> ChainRef<'_> {
        ChainRef {
            url: &self.url,
            package: self.package,
            faucet: self.faucet.as_deref(),
            sweep: self.sweep,
        }
    }

    /// Starts server `index` with `key` (already registered and funded): its backend, then its
    /// daemon.
    pub async fn start(&self, index: usize, key: Key) -> Result<Server> {
        let name = format!("server-{index}");
        let sample = Child::spawn(
            &self.exe,
            &["sample", "--listen", "127.0.0.1:0", "--name", &name],
            "listening on",
            &name,
        )
        .await?;
        let backend = sample.line.trim_start_matches("listening on ").to_string();
        let cfg = daemon_config(
            &self.data_dir,
            index,
            &self.chain(),
            &key,
            &self.dep,
            &backend,
            &self.timings,
            self.batch_max_calls,
        )?;
        let daemon = Child::spawn(
            &self.exe,
            &["daemon", "--config", &cfg.to_string_lossy()],
            "serving host",
            &format!("daemon-{index}"),
        )
        .await?;
        Ok(Server {
            index,
            key,
            sample,
            daemon,
        })
    }

    /// Waits until the chain calls `s` healthy (the policy picks it only then).
    async fn healthy(&self, s: &Server) -> Result<()> {
        wait_healthy(
            &self.admin,
            self.dep.host,
            std::slice::from_ref(&s.key),
            self.timings.healthy_within,
        )
        .await
    }

    /// Sets the number of servers to `n`: new ones (`server-<next index>`) healthy before this
    /// returns, the highest-numbered ones drained and taken out.
    pub async fn scale(&mut self, n: usize) -> Result<Change> {
        if n < 1 {
            bail!("cannot scale to {n} servers: a deployment needs at least 1");
        }
        let host = self.admin.host(self.dep.host).await?;
        let others = host.endpoints.len().saturating_sub(self.servers.len());
        if n + others > MAX_ENDPOINTS {
            bail!(
                "cannot scale to {n} servers: a Host holds at most {MAX_ENDPOINTS} endpoints ({others} of them are not this deployment's)"
            );
        }
        let before = self.servers.len();
        let mut change = Change {
            before,
            after: before,
            added: Vec::new(),
            removed: Vec::new(),
        };
        while self.servers.len() < n {
            change.added.push(self.add().await?);
        }
        while self.servers.len() > n {
            let last = *self.servers.keys().next_back().expect("more than n >= 1");
            change.removed.push(self.remove(last).await?);
        }
        change.after = self.servers.len();
        Ok(change)
    }

    /// The servers whose endpoints are active (not standby) and the requests pending on the
    /// deployment's Pipes: the load the autoscaler reads.
    pub async fn load(&self) -> Result<(Vec<usize>, u64)> {
        let host = self.admin.host(self.dep.host).await?;
        let active = self
            .servers
            .values()
            .filter(|s| {
                host.endpoint(&s.key.address())
                    .is_some_and(|e| e.role == ROLE_ACTIVE)
            })
            .map(|s| s.index)
            .collect();
        let mut pending = 0;
        for &p in &self.dep.pipes {
            pending += self.admin.pipe(p).await?.pending.size;
        }
        Ok((active, pending))
    }

    /// One more active server: a warm standby promoted if there is one, else a new server.
    pub async fn grow(&mut self) -> Result<String> {
        let host = self.admin.host(self.dep.host).await?;
        let standby = self.servers.values().find_map(|s| {
            host.endpoint(&s.key.address())
                .filter(|e| e.role == ROLE_STANDBY)
                .map(|e| (s.label(), e.clone()))
        });
        if let Some((label, e)) = standby {
            let args = EndpointArgs {
                server: e.server,
                label: e.label,
                region: e.region,
                weight: e.weight,
                max_inflight: e.max_inflight,
                role: ROLE_ACTIVE,
            };
            self.admin
                .update_endpoint(self.dep.host, self.dep.cap, &args)
                .await
                .with_context(|| format!("promoting {label}"))?;
            tracing::info!(server = %label, "standby promoted to active");
            return Ok(format!("{label} (promoted from standby)"));
        }
        self.add().await
    }

    /// One active server fewer: the highest-numbered active one drained and taken out.
    pub async fn shrink(&mut self) -> Result<String> {
        let (active, _) = self.load().await?;
        match active.iter().max() {
            Some(&i) if active.len() > 1 => self.remove(i).await,
            _ => bail!("cannot take out the last active server"),
        }
    }

    /// Adds one server: a new key funded, registered, started, healthy.
    async fn add(&mut self) -> Result<String> {
        let index = self.servers.keys().next_back().map_or(0, |i| i + 1);
        let key = Key::generate();
        let me = key.address();
        match &self.faucet {
            Some(f) => {
                let c = super::up::connect(&self.url, self.package, &key, Some(f)).await?;
                c.request_gas(f)
                    .await
                    .with_context(|| format!("funding the key of server-{index} from {f}"))?;
            }
            None => {
                self.admin
                    .transfer_sui(&[(me, self.fund)])
                    .await
                    .with_context(|| format!("funding the key of server-{index}"))?;
            }
        }
        let args = EndpointArgs {
            server: me,
            label: format!("server-{index}"),
            region: String::new(),
            weight: 1,
            max_inflight: 0,
            role: ROLE_ACTIVE,
        };
        self.admin
            .add_endpoint(self.dep.host, self.dep.cap, &args)
            .await
            .with_context(|| format!("registering server-{index}"))?;
        self.admin.sync().await?;
        let s = self.start(index, key).await?;
        self.healthy(&s).await?;
        let label = s.label();
        tracing::info!(server = %label, "added");
        self.servers.insert(index, s);
        Ok(label)
    }

    /// Drains server `index` on chain and waits (up to the deadline) until it holds nothing.
    async fn drain(&self, index: usize) -> Result<()> {
        let me = self.servers[&index].key.address();
        self.admin
            .set_state(self.dep.host, self.dep.cap, me, STATE_DRAINING)
            .await
            .with_context(|| format!("draining server-{index}"))?;
        let deadline = Instant::now() + self.drain_deadline();
        loop {
            let mut held = 0;
            for &p in &self.dep.pipes {
                held += self
                    .admin
                    .pipe(p)
                    .await?
                    .inflight
                    .get(&me)
                    .copied()
                    .unwrap_or(0);
            }
            if held == 0 {
                return Ok(());
            }
            if Instant::now() > deadline {
                tracing::warn!(
                    server = index,
                    held,
                    "still holding requests at the drain deadline: its daemon releases them"
                );
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Takes server `index` out: drained, emptied, daemon stopped, unregistered, backend stopped.
    async fn remove(&mut self, index: usize) -> Result<String> {
        self.drain(index).await?;
        let s = self.servers.remove(&index).expect("a server of the fleet");
        let label = s.label();
        let me = s.key.address();
        s.daemon.stop(Duration::from_secs(15)).await;
        // The daemon released what it still held: the endpoint holds nothing and can go.
        let mut tries = 0;
        while let Err(e) = self
            .admin
            .remove_endpoint(self.dep.host, self.dep.cap, me)
            .await
        {
            tries += 1;
            if tries >= 10 {
                return Err(e).with_context(|| format!("unregistering {label}"));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        s.sample.stop(Duration::from_secs(5)).await;
        tracing::info!(server = %label, "removed");
        Ok(label)
    }

    /// Restarts every server, `max_unavailable` at a time, each drained and emptied first and
    /// healthy again before the next group starts.
    pub async fn rollout(&mut self, max_unavailable: usize) -> Result<Change> {
        if max_unavailable < 1 {
            bail!("--max-unavailable must be at least 1");
        }
        let all: Vec<usize> = self.servers.keys().copied().collect();
        if max_unavailable >= all.len() {
            bail!(
                "--max-unavailable {max_unavailable} would stop all {} servers at once: at most {}",
                all.len(),
                all.len().saturating_sub(1).max(1)
            );
        }
        let mut change = Change {
            before: all.len(),
            after: all.len(),
            added: Vec::new(),
            removed: Vec::new(),
        };
        for group in all.chunks(max_unavailable) {
            for &i in group {
                self.drain(i).await?;
            }
            let mut keys = Vec::new();
            for &i in group {
                let s = self.servers.remove(&i).expect("a server of the fleet");
                s.daemon.stop(Duration::from_secs(15)).await;
                s.sample.stop(Duration::from_secs(5)).await;
                keys.push((i, s.key));
            }
            for (i, key) in keys {
                let s = self.start(i, key).await?;
                self.healthy(&s).await?;
                change.removed.push(s.label());
                change.added.push(s.label());
                tracing::info!(server = %s.label(), "restarted");
                self.servers.insert(i, s);
            }
        }
        Ok(change)
    }

    /// After a change of the number of servers: the data directory's record of the deployment
    /// no longer matches the Host ([`super::up_deploy::forget`]).
    pub fn forget_recorded(&self) {
        if let Err(e) = super::up_deploy::forget(&self.data_dir, &self.url, self.package) {
            tracing::warn!(error = %e, "cannot forget the recorded deployment");
        }
    }

    /// Every child (backends and daemons), for the summary.
    pub fn children(&self) -> Vec<&Child> {
        self.servers
            .values()
            .flat_map(|s| [&s.sample, &s.daemon])
            .collect()
    }

    /// Stops every server: the daemons first (they drain and release), then the backends.
    pub async fn stop_all(&mut self, grace: Duration) {
        let servers = std::mem::take(&mut self.servers);
        let (daemons, samples): (Vec<Child>, Vec<Child>) =
            servers.into_values().map(|s| (s.daemon, s.sample)).unzip();
        for group in [daemons, samples] {
            futures::future::join_all(group.into_iter().map(|c| c.stop(grace))).await;
        }
    }
}
