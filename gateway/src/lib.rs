//! # dtp-gateway
//!
//! Accepts plain HTTP, turns each request into a dtp payload ([`dtp_protocol::envelope`]), sends it
//! to one of its pipes (K pipes of one Host: [`pipes`] picks one, by the affinity key's hash or the
//! least loaded), waits for its `Completed` event and returns the backend's response with
//! `X-DTP-Pipe` / `X-DTP-Seq` / `X-DTP-Server` headers. Several gateways can serve the same pipes:
//! a gateway holds no state the others need. [`config`] holds the settings, [`batcher`] groups a
//! pipe's sends into transactions, [`waiters`] the event follower that resolves waiting requests,
//! [`server`] the HTTP handling, [`metrics`] its Prometheus metrics, [`admission`] the rate limits
//! and the bound on waiting requests checked before anything is sent, [`access_log`] one line per
//! request, [`tls`] HTTPS termination, [`listen`] the listener and its slow-client timeouts; [`dashboard`]
//! the live page its metrics listener serves beside `/metrics`.

pub mod access_log;
pub mod admission;
pub mod batcher;
pub mod config;
pub mod dashboard;
pub mod listen;
pub mod metrics;
pub mod pipes;
pub mod server;
pub mod tls;
pub mod waiters;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use dtp_sdk::Client;

pub use config::{GatewayConfig, KeySource};

/// A running gateway.
pub struct Running {
    /// Where HTTP is served.
    pub addr: SocketAddr,
    /// Where `/metrics` is served, if it is.
    pub metrics_addr: Option<SocketAddr>,
    /// True if it serves HTTPS.
    pub tls: bool,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Running {
    /// `http://<addr>`, or `https://localhost:<port>` with TLS (the name its certificate has).
    pub fn url(&self) -> String {
        match self.tls {
            false => format!("http://{}", self.addr),
            true if self.addr.ip().is_loopback() => {
                format!("https://localhost:{}", self.addr.port())
            }
            true => format!("https://{}", self.addr),
        }
    }

    /// Stops serving (the listener, the batchers, the event follower).
    pub fn stop(self) {
        for t in self.tasks {
            t.abort();
        }
    }
}

/// Starts serving: checks the host and that every pipe is one of its own, prepares gas coins for
/// concurrent sends, follows the pipes' events and listens on `cfg.listen`.
pub async fn start(client: Client, cfg: GatewayConfig) -> Result<Running> {
    // A client that just created the host or pipe reads them once the node's reads show it.
    client
        .sync()
        .await
        .context("waiting for the client's last transaction")?;
    anyhow::ensure!(
        cfg.admission.max_waiting >= 1,
        "max_waiting must be at least 1 (requests waiting in the gateway)"
    );
    // The certificate first: a bad pair fails the start before anything else is done.
    let tls = match &cfg.tls {
        Some(files) => Some((tls::load(files).await?, files.clone())),
        None => None,
    };
    let host = client.host(cfg.host).await.context("gateway host")?;
    check_pipes(&client, &cfg).await?;
    let senders = cfg.pipes.len() * cfg.batch.in_flight.max(1);
    client
        .ensure_gas_coins(senders.max(16), 5_000_000_000)
        .await
        .context("splitting gas coins for concurrent sends")?;
    let listener = tokio::net::TcpListener::bind(cfg.listen)
        .await
        .with_context(|| format!("listening on {}", cfg.listen))?;
    let addr = listener.local_addr()?;
    let from = client.latest_checkpoint().await? + 1;
    let m = Arc::new(metrics::Metrics::new());
    let (pipes, batching) =
        pipes::Pipes::start(&client, cfg.host, &cfg.pipes, cfg.batch, |p| m.batch(p));
    let g = Arc::new(server::Gateway {
        client: client.clone(),
        pipes,
        // A transaction cannot carry more than MAX_SENDABLE_PAYLOAD, whatever the Host allows.
        max_payload: (host.config.max_payload as usize)
            .min(dtp_protocol::constants::MAX_SENDABLE_PAYLOAD),
        waiters: waiters::Waiters::default(),
        cfg,
    });
    let follower = {
        let g = g.clone();
        let pipes: HashSet<_> = g.cfg.pipes.iter().copied().collect();
        tokio::spawn(async move { g.waiters.follow(g.client.clone(), pipes, from).await })
    };
    let mut tasks = batching;
    let metrics_addr = match g.cfg.metrics_listen {
        Some(a) => {
            let l = metrics::bind(a)
                .await
                .with_context(|| format!("metrics listening on {a}"))?;
            let at = l.local_addr()?;
            let (dashboard, feed) =
                dashboard::start(client.clone(), g.cfg.host, g.cfg.pipes.clone());
            tasks.push(feed);
            tasks.push(tokio::spawn(metrics::serve(l, m.clone(), dashboard)));
            tasks.push(tokio::spawn(metrics::watch_gas(client.clone(), m.clone())));
            Some(at)
        }
        None => None,
    };
    let n_pipes = g.pipes.len();
    let admission = Arc::new(admission::Admission::new(
        &g.cfg.admission,
        g.cfg.key_source.clone(),
        m.refused.clone(),
    ));
    {
        let a = admission.clone();
        tasks.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                a.forget_idle_clients();
            }
        }));
    }
    let timeouts = listen::Timeouts {
        read: g.cfg.read_timeout,
        write: g.cfg.write_timeout,
    };
    // Outermost first when a request arrives: metrics, access log, admission, the handler.
    let access_log = g.cfg.access_log;
    let mut app = axum::Router::new()
        .fallback(server::handle)
        .with_state(g)
        .layer(axum::middleware::from_fn_with_state(
            admission,
            admission::admit,
        ));
    if access_log {
        app = app.layer(axum::middleware::from_fn(access_log::log));
    }
    let app = app.layer(axum::middleware::from_fn_with_state(m, metrics::track));
    let svc = app.into_make_service_with_connect_info::<SocketAddr>();
    let is_tls = tls.is_some();
    let rustls = match tls {
        Some((config, files)) => {
            tasks.push(tokio::spawn(tls::watch(config.clone(), files)));
            Some(config)
        }
        None => None,
    };
    let http = tokio::spawn(async move {
        if let Err(e) = listen::serve(listener, svc, rustls, timeouts).await {
            tracing::error!(error = %e, "gateway server failed");
        }
    });
    tracing::info!(%addr, pipes = n_pipes, "gateway listening");
    tasks.extend([follower, http]);
    Ok(Running {
        addr,
        metrics_addr,
        tls: is_tls,
        tasks,
    })
}

/// At least one pipe, none twice, each an existing Pipe of `cfg.host`: the error names the first
/// that is not.
async fn check_pipes(client: &Client, cfg: &GatewayConfig) -> Result<()> {
    anyhow::ensure!(
        !cfg.pipes.is_empty(),
        "the gateway needs at least one pipe of host {}",
        cfg.host
    );
    let mut seen = HashSet::new();
    for &p in &cfg.pipes {
        anyhow::ensure!(seen.insert(p), "pipe {p} is listed twice");
        let pipe = client
            .pipe(p)
            .await
            .with_context(|| format!("gateway pipe {p}"))?;
        anyhow::ensure!(
            pipe.host == cfg.host,
            "pipe {p} belongs to host {}, not {}: every pipe of a gateway must be of its host",
            pipe.host,
            cfg.host
        );
    }
    Ok(())
}
