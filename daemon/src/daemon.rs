//! The daemon's shared state and its start: connect, seed from the chain, then run the follower,
//! the workers, heartbeats, health checks, the watchdog and the admin endpoints. Each concern is a
//! small type of its own: [`Work`], the [`ServingSet`] and [`Workers`] (`work`), the [`HostView`],
//! the [`Progress`] it reports, the watchdog's [`watchdog::Memory`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use anyhow::{Context, Result};
use dtp_protocol::calls::Call;
use dtp_protocol::Host;
use dtp_sdk::group_commit::{CallQueue, Coming, GroupConfig};
use dtp_sdk::{Client, ClientConfig, Objects};
use sui_sdk_types::Address;
use tokio::sync::mpsc;

use crate::backends::Pool;
use crate::config::DaemonConfig;
use crate::metrics::Metrics;
use crate::state::StateDir;
use crate::tracker::Tracker;
use crate::watchdog;
pub use crate::work::{ServingGuard, ServingSet, Work, Workers};

/// A running daemon's state, shared by its loops (follower, workers, heartbeats, watchdog, admin).
pub struct Daemon {
    pub(crate) cfg: DaemonConfig,
    pub(crate) client: Client,
    pub(crate) me: Address,
    pub(crate) pool: Arc<Pool>,
    pub(crate) tracker: Tracker,
    /// The pending table of each served pipe (fixed at the Pipe's creation).
    pending_tables: HashMap<Address, Address>,
    pub(crate) metrics: Arc<Metrics>,
    pub(crate) state: StateDir,
    /// The Host as last read (for health, leases and takeover ranks).
    pub(crate) host: HostView,
    /// Draining: no new work is started (it is released); heartbeats say not ready.
    draining: AtomicBool,
    /// The requests being served now.
    pub(crate) serving: ServingSet,
    /// The work queue and the workers.
    pub(crate) workers: Workers,
    /// What the watchdog remembers between its ticks.
    pub(crate) watchdog: watchdog::Memory,
    /// The cursor, the last heartbeat, the gas balance.
    pub(crate) progress: Progress,
    /// Per served pipe, the group commit its completes, claims, releases and takeovers go
    /// through: what arrives while one transaction is in flight goes out in the next.
    commits: HashMap<Address, CallQueue>,
}

/// The Host as last read: its endpoints' health and its config (lease, payload limit).
pub struct HostView(Mutex<Option<Host>>);

impl HostView {
    /// A view of `host`.
    pub fn new(host: Option<Host>) -> Self {
        HostView(Mutex::new(host))
    }

    fn get(&self) -> MutexGuard<'_, Option<Host>> {
        // Nothing panics while holding it; a poisoned lock still holds a whole Host.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the view with `host` as read now.
    pub fn set(&self, host: Host) {
        *self.get() = Some(host);
    }

    /// The Host's lease (ms), if it has been read.
    pub fn lease_ms(&self) -> Option<u64> {
        self.get().as_ref().map(|h| h.config.lease_ms)
    }

    /// The Host's payload limit (bytes), if it has been read.
    pub fn max_payload(&self) -> Option<u64> {
        self.get().as_ref().map(|h| h.config.max_payload)
    }

    /// The state (`STATE_UP`, `STATE_DRAINING`, ...) of endpoint `server`, if it is one.
    pub fn state_of(&self, server: &Address) -> Option<u8> {
        self.get()
            .as_ref()
            .and_then(|h| h.endpoint(server).map(|e| e.state))
    }

    /// The endpoints healthy at `now_ms` by the Host's rule, if it has been read.
    pub fn healthy(&self, now_ms: u64) -> Option<Vec<Address>> {
        self.get().as_ref().map(|h| {
            h.endpoints
                .iter()
                .filter(|e| e.is_healthy(&h.config, now_ms))
                .map(|e| e.server)
                .collect()
        })
    }
}

/// What the daemon reports of its progress (admin status, metrics).
#[derive(Default)]
pub struct Progress {
    cursor: AtomicU64,
    last_heartbeat_ms: AtomicU64,
    gas_balance: AtomicU64,
}

impl Progress {
    /// The last checkpoint whose events are applied.
    pub fn cursor(&self) -> u64 {
        self.cursor.load(Ordering::Relaxed)
    }

    /// Records that the events up to checkpoint `c` are applied.
    pub fn set_cursor(&self, c: u64) {
        self.cursor.store(c, Ordering::Relaxed);
    }

    /// When the last heartbeat landed (ms since the epoch; 0: none yet).
    pub fn last_heartbeat_ms(&self) -> u64 {
        self.last_heartbeat_ms.load(Ordering::Relaxed)
    }

    /// Records a heartbeat that landed at `ms`.
    pub fn heartbeat_at(&self, ms: u64) {
        self.last_heartbeat_ms.store(ms, Ordering::Relaxed);
    }

    /// The key's SUI balance as last read (MIST).
    pub fn gas_balance(&self) -> u64 {
        self.gas_balance.load(Ordering::Relaxed)
    }

    /// Records the key's balance as read now.
    pub fn set_gas_balance(&self, mist: u64) {
        self.gas_balance.store(mist, Ordering::Relaxed);
    }
}

impl Daemon {
    /// Connects and prepares; the returned receiver feeds the workers.
    pub async fn connect(cfg: DaemonConfig) -> Result<(Arc<Daemon>, mpsc::Receiver<Work>)> {
        let state = StateDir::open(&cfg.daemon.state_dir)?;
        let key = cfg.key()?;
        let me = key.address();
        let mut ccfg = ClientConfig::new(cfg.chain.url.clone(), cfg.chain.package)
            .with_key(key)
            .with_faucet(cfg.chain.faucet.clone());
        ccfg.timeout = std::time::Duration::from_secs(30);
        let client = Client::connect(ccfg)
            .await
            .with_context(|| format!("connecting to {}", cfg.chain.url))?;
        // One gas coin per concurrent transaction (workers, heartbeats, takeovers).
        let coins = (cfg.daemon.max_concurrency + 4).min(32);
        client
            .ensure_gas_coins(coins, 5_000_000_000)
            .await
            .context("splitting gas coins")?;
        let host = client.host(cfg.chain.host).await.context("chain.host")?;
        if host.endpoint(&me).is_none() {
            anyhow::bail!(
                "{me} is not an endpoint of host {}; ask the admin to `dtp endpoint add {me}`",
                cfg.chain.host
            );
        }
        let mut pending_tables = HashMap::new();
        for p in &cfg.chain.pipes {
            let pipe = client
                .pipe(*p)
                .await
                .with_context(|| format!("chain.pipes: {p}"))?;
            if pipe.host != cfg.chain.host {
                anyhow::bail!(
                    "chain.pipes: pipe {p} belongs to host {}, not {}",
                    pipe.host,
                    cfg.chain.host
                );
            }
            pending_tables.insert(*p, pipe.pending.id);
        }
        let metrics = Arc::new(Metrics::new());
        let pool = Arc::new(Pool::new(
            &cfg.backends,
            cfg.balance.clone(),
            metrics.clone(),
        ));
        let (workers, rx) = Workers::new(cfg.daemon.max_concurrency);
        let group = GroupConfig {
            max_calls: cfg.daemon.batch_max_calls,
            in_flight: cfg.daemon.batches_in_flight,
            overlap_after: std::time::Duration::from_millis(cfg.daemon.batch_overlap_ms),
            linger: std::time::Duration::from_millis(cfg.daemon.batch_linger_ms),
            ..GroupConfig::default()
        };
        // The tasks end with the daemon (when the last sender, in `commits`, is dropped).
        let commits = cfg
            .chain
            .pipes
            .iter()
            .map(|p| {
                let (client, m) = (client.clone(), metrics.clone());
                let queue = CallQueue::with_runner(group, move |calls| {
                    let (client, m) = (client.clone(), m.clone());
                    async move {
                        let results = client.batch(calls).await;
                        m.record_batch(&results);
                        results
                    }
                });
                (*p, queue.0)
            })
            .collect();
        let d = Arc::new(Daemon {
            serving: ServingSet::new(metrics.inflight.clone()),
            workers,
            cfg,
            client,
            me,
            pool,
            tracker: Tracker::default(),
            pending_tables,
            metrics,
            state,
            host: HostView::new(Some(host)),
            draining: AtomicBool::new(false),
            watchdog: watchdog::Memory::default(),
            progress: Progress::default(),
            commits,
        });
        Ok((d, rx))
    }

    /// Request `seq` of `pipe` as the chain holds it now (`None`: not pending, i.e. finished).
    pub async fn pending_request(
        &self,
        pipe: Address,
        seq: u64,
    ) -> Result<Option<dtp_protocol::Request>, dtp_sdk::Error> {
        let table = match self.pending_tables.get(&pipe) {
            Some(t) => *t,
            None => self.client.pipe(pipe).await?.pending.id,
        };
        self.client.entry(table, seq).await
    }

    /// Executes a call on `pipe` (with this daemon's Host) through the pipe's group commit.
    pub async fn call(
        &self,
        pipe: Address,
        call: impl Into<Call>,
    ) -> Result<dtp_sdk::Outcome, dtp_sdk::Error> {
        self.call_announced(pipe, call, None).await
    }

    /// Announces a call soon to be made on `pipe` (a request's completion, while its backend
    /// serves it): the pipe's next transaction waits for it, at most `daemon.batch_linger_ms`.
    pub fn coming(&self, pipe: Address) -> Option<Coming> {
        self.commits.get(&pipe).map(|g| g.coming())
    }

    /// As [`Daemon::call`], for the call `coming` announced.
    pub async fn call_announced(
        &self,
        pipe: Address,
        call: impl Into<Call>,
        coming: Option<Coming>,
    ) -> Result<dtp_sdk::Outcome, dtp_sdk::Error> {
        let objs = Objects::pipe(pipe, self.host_id());
        match self.commits.get(&pipe) {
            Some(g) => g.call_announced(objs, call, coming).await,
            None => self.client.call(objs, call).await,
        }
    }

    /// This server's address (the daemon's key).
    pub fn me(&self) -> Address {
        self.me
    }

    /// The Host this daemon serves.
    pub fn host_id(&self) -> Address {
        self.cfg.chain.host
    }

    /// True while draining: nothing new is started.
    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Relaxed)
    }

    /// Starts (`true`) or ends draining.
    pub fn set_draining(&self, on: bool) {
        self.draining.store(on, Ordering::Relaxed);
    }

    /// True if `pipe` is one of the pipes this daemon serves.
    pub fn serves(&self, pipe: &Address) -> bool {
        self.cfg.chain.pipes.contains(pipe)
    }

    /// Counts a fenced call by its abort.
    pub fn fenced(&self, reason: &str) {
        self.metrics.fenced.with_label_values(&[reason]).inc();
    }
}
