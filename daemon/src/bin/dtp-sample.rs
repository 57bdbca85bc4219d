//! `dtp-sample`: the sample backend (see `dtp_daemon::sample`).

use clap::Parser;

/// mimalloc instead of the system allocator: dtp's services allocate small buffers per message
/// (glibc's malloc and free were ~15% of their CPU under load; docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    dtp_daemon::sample::serve(dtp_daemon::sample::SampleArgs::parse()).await
}
