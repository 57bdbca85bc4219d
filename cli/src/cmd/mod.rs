//! One module per subcommand; [`run`] builds the context and dispatches.

pub mod dashboard;
pub mod edge;
pub mod endpoint;
pub mod faucet;
pub mod host;
pub mod init;
pub mod keys;
pub mod localnet;
pub mod pipe;
pub mod publish;
pub mod replay;
mod replay_html;
mod replay_view;
pub mod scale;
pub mod send;
pub mod serve;
pub mod status;
pub mod up;
mod up_autoscale;
mod up_control;
mod up_deploy;
mod up_fleet;
mod up_net;
mod up_procs;
mod up_profile;
mod up_timings;

use std::time::Duration;

use anyhow::Result;

use crate::ctx::Ctx;
use crate::settings::{Flags, Settings};
use crate::{Cli, Command};

pub async fn run(cli: Cli) -> Result<()> {
    // These need no settings (and must start even with a broken config file).
    match cli.command {
        Command::Localnet(args) => return localnet::run(args).await,
        Command::Up(args) => {
            let flags = up_net::NetFlags {
                url: cli.url,
                package: cli.package,
                faucet_url: cli.faucet_url,
                keystore: cli.keystore,
                signer: cli.signer,
                config: cli
                    .config
                    .unwrap_or_else(crate::settings::default_config_path),
            };
            return up::run(args, flags).await;
        }
        Command::Daemon(args) => return serve::daemon(args).await,
        Command::Sample(args) => return serve::sample(args).await,
        Command::Scale(args) => return scale::scale(args, cli.json).await,
        Command::Rollout(args) => return scale::rollout(args, cli.json).await,
        _ => {}
    }
    let flags = Flags {
        url: cli.url,
        faucet_url: cli.faucet_url,
        package: cli.package,
        keystore: cli.keystore,
        active_address: cli.signer,
    };
    if let Command::Init(args) = cli.command {
        return init::run(cli.config, &flags, args, cli.json);
    }
    let settings = Settings::load(cli.config, &flags)?;
    let ctx = Ctx {
        settings,
        json: cli.json,
        timeout: Duration::from_secs(cli.timeout.max(1)),
    };
    match cli.command {
        Command::Init(_)
        | Command::Localnet(_)
        | Command::Up(_)
        | Command::Daemon(_)
        | Command::Sample(_)
        | Command::Scale(_)
        | Command::Rollout(_) => unreachable!("handled above"),
        Command::Gateway(g) => serve::gateway(&ctx, g).await,
        Command::Publish(p) => publish::run(&ctx, p).await,
        Command::Keys(k) => keys::run(&ctx, k),
        Command::Faucet(a) => faucet::run(&ctx, a).await,
        Command::Host(h) => host::run(&ctx, h).await,
        Command::Endpoint(e) => endpoint::run(&ctx, e).await,
        Command::Pipe(p) => pipe::run(&ctx, p).await,
        Command::Send(s) => send::run(&ctx, s).await,
        Command::Status(s) => status::run(&ctx, s).await,
        Command::Replay(r) => replay::run(&ctx, r).await,
        Command::Dashboard(d) => dashboard::run(&ctx, d).await,
    }
}
