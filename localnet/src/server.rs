//! Starting and stopping a whole localnet (node, gRPC server, faucet) in this process: what the
//! `dtp-localnet` binary, `dtp up` and the tests use.

use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::node::{Node, NodeConfig, StartError};

#[derive(Debug, Clone)]
pub struct LocalnetConfig {
    /// gRPC listen address (Sui's default is 127.0.0.1:9000; port 0 picks a free one).
    pub grpc: SocketAddr,
    /// Faucet listen address (Sui's default is 127.0.0.1:9123).
    pub faucet: SocketAddr,
    pub node: NodeConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    #[error(transparent)]
    Node(#[from] StartError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// A running localnet. Dropping it does not stop it; call [`Running::stop`].
pub struct Running {
    pub node: Node,
    pub grpc_addr: SocketAddr,
    pub faucet_addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    pub fn grpc_url(&self) -> String {
        format!("http://{}", self.grpc_addr)
    }

    pub fn faucet_url(&self) -> String {
        format!("http://{}", self.faucet_addr)
    }

    /// Stops serving and waits for the servers to finish.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

async fn bind(addr: SocketAddr) -> Result<TcpListener, LaunchError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| LaunchError::Bind { addr, source })
}

/// Replays the log, binds both ports and starts serving.
pub async fn start(cfg: LocalnetConfig) -> Result<Running, LaunchError> {
    let grpc = bind(cfg.grpc).await?;
    let faucet = bind(cfg.faucet).await?;
    let node = Node::start(cfg.node)?;
    let (grpc_addr, faucet_addr) = (
        grpc.local_addr().expect("bound"),
        faucet.local_addr().expect("bound"),
    );
    let (shutdown, rx) = watch::channel(false);
    let until = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|v| *v).await;
    };
    let n = node.clone();
    let r = rx.clone();
    let grpc_task = tokio::spawn(async move {
        if let Err(e) = crate::grpc::serve(n, grpc, r).await {
            tracing::error!(error = %e, "gRPC server failed");
        }
    });
    let app = crate::faucet::router(node.clone());
    let faucet_task = tokio::spawn(async move {
        if let Err(e) = axum::serve(faucet, app)
            .with_graceful_shutdown(until(rx))
            .await
        {
            tracing::error!(error = %e, "faucet server failed");
        }
    });
    tracing::info!(%grpc_addr, %faucet_addr, "localnet serving");
    Ok(Running {
        node,
        grpc_addr,
        faucet_addr,
        shutdown,
        tasks: vec![grpc_task, faucet_task],
    })
}
