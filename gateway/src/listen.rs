//! The gateway's listener: plain HTTP or HTTPS ([`crate::tls`]), both through `axum-server`, with
//! the protections against slow clients every public edge needs. A client that holds a connection
//! without finishing its request headers (slowloris) is cut after `read_timeout` (hyper's header
//! read timeout; a slow body gets 408 in [`crate::server`]); one that stops reading its responses
//! (pipelining requests and never draining the socket) is cut once a write has waited
//! `write_timeout` (the socket is wrapped in a write timeout under TLS); a TLS handshake that does
//! not finish within `read_timeout` is dropped. Either way only that connection goes; the gateway
//! and its other clients are not held up.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::time::Duration;

use axum_server::accept::Accept;
use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};
use tokio::net::TcpStream;
use tokio_io_timeout::TimeoutStream;

/// How long a client may leave the gateway waiting.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// To send the request headers (and finish a TLS handshake).
    pub read: Duration,
    /// For a write of the response to make progress (a client that does not read).
    pub write: Duration,
}

/// A TCP stream whose writes fail with `TimedOut` after waiting too long.
pub type Guarded = Pin<Box<TimeoutStream<TcpStream>>>;

/// Wraps each accepted socket in a write timeout (before TLS, so it bounds the raw socket).
#[derive(Debug, Clone, Copy)]
pub struct WriteTimeout(pub Duration);

impl<S: Send + 'static> Accept<TcpStream, S> for WriteTimeout {
    type Stream = Guarded;
    type Service = S;
    type Future = std::future::Ready<io::Result<(Guarded, S)>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        let _ = stream.set_nodelay(true);
        let mut s = TimeoutStream::new(stream);
        s.set_write_timeout(Some(self.0));
        std::future::ready(Ok((Box::pin(s), service)))
    }
}

/// What an `axum` app becomes to be served here.
pub type MakeService =
    axum::extract::connect_info::IntoMakeServiceWithConnectInfo<axum::Router, SocketAddr>;

/// Serves `svc` on `listener` until the task is aborted: HTTPS when `tls` is given.
pub async fn serve(
    listener: tokio::net::TcpListener,
    svc: MakeService,
    tls: Option<RustlsConfig>,
    t: Timeouts,
) -> io::Result<()> {
    let listener = listener.into_std()?;
    let acceptor = WriteTimeout(t.write);
    match tls {
        None => {
            let mut server = axum_server::from_tcp(listener)?.acceptor(acceptor);
            server.http_builder().http1().header_read_timeout(t.read);
            server.serve(svc).await
        }
        Some(config) => {
            let tls = RustlsAcceptor::new(config)
                .handshake_timeout(t.read)
                .acceptor(acceptor);
            let mut server = axum_server::from_tcp(listener)?.acceptor(tls);
            server.http_builder().http1().header_read_timeout(t.read);
            server.serve(svc).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    /// A peer that never reads: the write waits, then fails with `TimedOut` instead of forever.
    #[tokio::test]
    async fn a_write_nobody_reads_times_out() {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let peer = TcpStream::connect(l.local_addr().unwrap()).await.unwrap();
        let (s, _) = l.accept().await.unwrap();
        let (mut s, ()) = WriteTimeout(Duration::from_millis(300))
            .accept(s, ())
            .await
            .unwrap();
        let chunk = vec![7u8; 1 << 20];
        let started = std::time::Instant::now();
        let err = loop {
            if let Err(e) = s.write_all(&chunk).await {
                break e;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "never blocked");
        };
        assert_eq!(err.kind(), io::ErrorKind::TimedOut, "{err}");
        drop(peer);
    }
}
