//! `dtp-sample`: the sample backend (see `dtp_daemon::sample`).

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    dtp_daemon::sample::serve(dtp_daemon::sample::SampleArgs::parse()).await
}
