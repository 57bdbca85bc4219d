//! The daemon's shared state and its start: connect, seed from the chain, then run the follower,
//! the workers, heartbeats, health checks, the watchdog and the admin endpoints.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use dtp_protocol::Host;
use dtp_sdk::{Client, ClientConfig};
use sui_sdk_types::Address;
use tokio::sync::{mpsc, Semaphore};

use crate::backends::Pool;
use crate::config::DaemonConfig;
use crate::metrics::Metrics;
use crate::state::StateDir;
use crate::tracker::Tracker;

/// A request to serve: (pipe, seq, attempt).
pub type Work = (Address, u64, u32);

pub struct Daemon {
    pub cfg: DaemonConfig,
    pub client: Client,
    pub me: Address,
    pub pool: Arc<Pool>,
    pub tracker: Tracker,
    /// The pending table of each served pipe (fixed at the Pipe's creation).
    pub pending_tables: HashMap<Address, Address>,
    pub metrics: Arc<Metrics>,
    pub state: StateDir,
    /// The Host as last read (for health and takeover ranks).
    pub host: Mutex<Option<Host>>,
    /// Draining: no new work is started (it is released); heartbeats say not ready.
    pub draining: AtomicBool,
    /// (pipe, seq, attempt) being served now.
    pub serving: Mutex<HashSet<Work>>,
    /// Takeovers already tried: (pipe, seq, attempt).
    pub tried_takeover: Mutex<HashSet<Work>>,
    /// Our own pending requests not being served, and since when (see `watchdog::retry_own`).
    pub idle_own: Mutex<std::collections::HashMap<Work, std::time::Instant>>,
    pub permits: Arc<Semaphore>,
    pub work: mpsc::Sender<Work>,
    pub cursor: AtomicU64,
    pub last_heartbeat_ms: AtomicU64,
    /// The key's SUI balance as last read (MIST).
    pub gas_balance: AtomicU64,
}

pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
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
        let (tx, rx) = mpsc::channel(cfg.daemon.max_concurrency * 4);
        let d = Arc::new(Daemon {
            permits: Arc::new(Semaphore::new(cfg.daemon.max_concurrency)),
            cfg,
            client,
            me,
            pool,
            tracker: Tracker::default(),
            pending_tables,
            metrics,
            state,
            host: Mutex::new(Some(host)),
            draining: AtomicBool::new(false),
            serving: Mutex::new(HashSet::new()),
            tried_takeover: Mutex::new(HashSet::new()),
            idle_own: Mutex::new(std::collections::HashMap::new()),
            work: tx,
            cursor: AtomicU64::new(0),
            last_heartbeat_ms: AtomicU64::new(0),
            gas_balance: AtomicU64::new(0),
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

    pub fn host_id(&self) -> Address {
        self.cfg.chain.host
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Relaxed)
    }

    pub fn serves(&self, pipe: &Address) -> bool {
        self.cfg.chain.pipes.contains(pipe)
    }

    /// Counts a fenced call by its abort.
    pub fn fenced(&self, reason: &str) {
        self.metrics.fenced.with_label_values(&[reason]).inc();
    }
}
