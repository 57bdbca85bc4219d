//! # dtp-gateway
//!
//! Accepts plain HTTP, turns each request into a dtp payload ([`dtp_protocol::envelope`]), sends it
//! to a pipe, waits for its `Completed` event and returns the backend's response with
//! `X-DTP-Server` / `X-DTP-Seq` headers. Several gateways can serve one pipe: a gateway holds no
//! state the others need. [`config`] holds the settings, [`waiters`] the event follower that
//! resolves waiting requests, [`server`] the HTTP handling, [`metrics`] its Prometheus metrics.

pub mod batcher;
pub mod config;
pub mod metrics;
pub mod server;
pub mod waiters;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use dtp_sdk::Client;

pub use config::{GatewayConfig, KeySource};

/// A running gateway.
pub struct Running {
    pub addr: SocketAddr,
    /// Where `/metrics` is served, if it is.
    pub metrics_addr: Option<SocketAddr>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn stop(self) {
        for t in self.tasks {
            t.abort();
        }
    }
}

/// Starts serving: checks the host and pipe, prepares gas coins for concurrent sends, follows the
/// pipe's events and listens on `cfg.listen`.
pub async fn start(client: Client, cfg: GatewayConfig) -> Result<Running> {
    // A client that just created the host or pipe reads them once the node's reads show it.
    client
        .sync()
        .await
        .context("waiting for the client's last transaction")?;
    let host = client.host(cfg.host).await.context("gateway host")?;
    let pipe = client.pipe(cfg.pipe).await.context("gateway pipe")?;
    anyhow::ensure!(
        pipe.host == cfg.host,
        "pipe {} belongs to host {}, not {}",
        cfg.pipe,
        pipe.host,
        cfg.host
    );
    client
        .ensure_gas_coins(16, 5_000_000_000)
        .await
        .context("splitting gas coins for concurrent sends")?;
    let listener = tokio::net::TcpListener::bind(cfg.listen)
        .await
        .with_context(|| format!("listening on {}", cfg.listen))?;
    let addr = listener.local_addr()?;
    let from = client.latest_checkpoint().await? + 1;
    let m = Arc::new(metrics::Metrics::new());
    let (batcher, batching) = batcher::Batcher::start(
        client.clone(),
        cfg.pipe,
        cfg.host,
        cfg.batch,
        m.batch.clone(),
    );
    let g = Arc::new(server::Gateway {
        client: client.clone(),
        batcher,
        // A transaction cannot carry more than MAX_SENDABLE_PAYLOAD, whatever the Host allows.
        max_payload: (host.config.max_payload as usize)
            .min(dtp_protocol::constants::MAX_SENDABLE_PAYLOAD),
        waiters: waiters::Waiters::default(),
        cfg,
    });
    let follower = {
        let g = g.clone();
        tokio::spawn(async move { g.waiters.follow(g.client.clone(), g.cfg.pipe, from).await })
    };
    let mut tasks = vec![batching];
    let metrics_addr = match g.cfg.metrics_listen {
        Some(a) => {
            let l = metrics::bind(a)
                .await
                .with_context(|| format!("metrics listening on {a}"))?;
            let at = l.local_addr()?;
            tasks.push(tokio::spawn(metrics::serve(l, m.clone())));
            tasks.push(tokio::spawn(metrics::watch_gas(client.clone(), m.clone())));
            Some(at)
        }
        None => None,
    };
    let app = axum::Router::new()
        .fallback(server::handle)
        .with_state(g)
        .layer(axum::middleware::from_fn_with_state(m, metrics::track));
    let http = tokio::spawn(async move {
        let svc = app.into_make_service_with_connect_info::<SocketAddr>();
        if let Err(e) = axum::serve(listener, svc).await {
            tracing::error!(error = %e, "gateway server failed");
        }
    });
    tracing::info!(%addr, "gateway listening");
    tasks.extend([follower, http]);
    Ok(Running {
        addr,
        metrics_addr,
        tasks,
    })
}
