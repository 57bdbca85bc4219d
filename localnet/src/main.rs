//! `dtp-localnet`: runs the embedded localnet in the foreground until Ctrl-C / SIGTERM.

use anyhow::Result;
use clap::Parser;
use dtp_localnet::foreground::{self, LocalnetArgs};

/// mimalloc instead of the system allocator: dtp's services allocate small buffers per message
/// (glibc's malloc and free were ~15% of their CPU under load; docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The dtp embedded localnet: a Sui-gRPC-compatible node (sui.rpc.v2) that runs the dtp package
/// natively, with a faucet. Point the dtp SDK, CLI and daemon at its gRPC URL; the dtp package is
/// at the fixed address printed on start.
#[derive(Parser, Debug)]
#[command(name = "dtp-localnet", version)]
struct Cli {
    #[command(flatten)]
    args: LocalnetArgs,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    foreground::run(Cli::parse().args).await
}
