//! `dtp dashboard`: the live dashboard (`dtp_gateway::dashboard`) of any Host on any network,
//! served on a local port: the same page the gateway serves on its metrics listener.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use sui_sdk_types::Address;

use crate::ctx::Ctx;
use crate::parse;

/// Serve the live dashboard of a Host: its servers (health, role, state, load, in flight,
/// requests/s, errors), its Pipes (pending, dead), a feed of assignments, takeovers and fenced
/// calls, latency percentiles. Open the printed URL in a browser; Ctrl-C stops it.
///
/// It reads the chain only while a page is open. A Host that does not exist is shown as such on
/// the page (the command still serves, so a fixed id or a restarted chain shows up once there).
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The Host (default: the configured one, e.g. the one `dtp up` started).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub host: Option<Address>,
    /// Pipes of the Host to show from the start (repeatable; default: the configured one). Any
    /// other Pipe of the Host shows once an event names it.
    #[arg(long = "pipe", value_name = "ID", value_parser = parse::address)]
    pub pipes: Vec<Address>,
    /// Where to serve it.
    #[arg(long, default_value = "127.0.0.1:8091")]
    pub listen: SocketAddr,
}

pub async fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let host = ctx.host(a.host)?;
    let mut pipes = a.pipes;
    if pipes.is_empty() {
        pipes.extend(ctx.pipe(None).ok());
    }
    let client = ctx.reader().await?;
    let (app, feed) = dtp_gateway::dashboard::start(client, host, pipes);
    let l = tokio::net::TcpListener::bind(a.listen)
        .await
        .with_context(|| format!("listening on {} (--listen)", a.listen))?;
    let at = l.local_addr()?;
    // Both lines in one write: a reader that takes the first and goes (`dtp dashboard | head -1`)
    // is no reason to stop serving (see `console`).
    say!("dashboard  http://{at}/dashboard\nhost       {host}");
    // Not a graceful shutdown: the event streams of open pages never end by themselves.
    tokio::select! {
        r = std::future::IntoFuture::into_future(axum::serve(l, app)) => r.context("serving the dashboard")?,
        _ = dtp_sdk::service::shutdown_signal() => {}
    }
    feed.abort();
    Ok(())
}
