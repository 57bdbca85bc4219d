//! `dtp`: the command-line tool of dtp. Every command reads the layered settings (defaults, the
//! TOML config file, `DTP_*` environment variables, flags), talks to the chain through `dtp-sdk`,
//! prints a table (or JSON with `--json`) and exits non-zero with a one-line error on failure.

#[macro_use]
mod console;

mod cmd;
mod ctx;
mod output;
mod parse;
mod settings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: dtp's services allocate small buffers per message
/// (glibc's malloc and free were ~15% of their CPU under load; docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// dtp: a decentralised load balancer on Sui. Manage keys, Hosts, endpoints and Pipes, send
/// requests, watch the status and replay (and verify) a Pipe's history.
///
/// Settings come from the config file (`dtp init` writes it; default ~/.config/dtp/config.toml),
/// then `DTP_*` environment variables (DTP_URL, DTP_FAUCET_URL, DTP_PACKAGE, DTP_KEYSTORE,
/// DTP_ACTIVE_ADDRESS, DTP_HOST, DTP_PIPE), then flags. The defaults point at the embedded
/// localnet (`dtp localnet`).
#[derive(Parser, Debug)]
#[command(name = "dtp", version, propagate_version = true)]
pub struct Cli {
    /// Config file to read and write.
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        env = "DTP_CONFIG",
        value_name = "PATH"
    )]
    pub config: Option<PathBuf>,
    /// gRPC URL of the Sui node (default http://127.0.0.1:9000, the embedded localnet).
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        value_name = "URL"
    )]
    pub url: Option<String>,
    /// Faucet URL (default http://127.0.0.1:9123).
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        value_name = "URL"
    )]
    pub faucet_url: Option<String>,
    /// The dtp package id (default: the embedded localnet's).
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        value_name = "ID"
    )]
    pub package: Option<String>,
    /// The sui.keystore file holding your keys.
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        value_name = "PATH"
    )]
    pub keystore: Option<PathBuf>,
    /// Sign with this address of the keystore instead of the active one.
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        value_name = "ADDRESS"
    )]
    pub signer: Option<String>,
    /// Print JSON instead of tables (for scripts).
    #[arg(help_heading = "Global options", long, global = true)]
    pub json: bool,
    /// Deadline of each call to the node, in seconds.
    #[arg(
        help_heading = "Global options",
        long,
        global = true,
        default_value_t = 30,
        value_name = "SECS"
    )]
    pub timeout: u64,
    /// More logs on stderr (-v info, -vv debug, -vvv trace).
    #[arg(help_heading = "Global options", short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write the config file (and create a key if the keystore has none).
    Init(cmd::init::Args),
    /// Manage the keys of the keystore (sui.keystore format).
    #[command(subcommand)]
    Keys(cmd::keys::Keys),
    /// Ask the faucet for gas coins.
    Faucet(cmd::faucet::Args),
    /// Run the embedded localnet in the foreground (Ctrl-C stops it).
    Localnet(cmd::localnet::Args),
    /// Create and inspect Hosts (endpoint registries).
    #[command(subcommand)]
    Host(cmd::host::HostCmd),
    /// Register and manage a Host's endpoints (servers).
    #[command(subcommand)]
    Endpoint(cmd::endpoint::EndpointCmd),
    /// Create and inspect Pipes (request queues).
    #[command(subcommand)]
    Pipe(cmd::pipe::PipeCmd),
    /// Send a request into a Pipe (payload from the argument or stdin).
    Send(cmd::send::Args),
    /// Endpoints with health, load and in-flight requests; Pipes with pending and dead counts.
    Status(cmd::status::Args),
    /// Replay a Pipe's history: per-request timelines, a summary, and `--verify`.
    Replay(cmd::replay::Args),
    /// Change the number of servers of a running `dtp up` (drained and stopped, or started).
    Scale(cmd::scale::ScaleArgs),
    /// Restart every server of a running `dtp up` one at a time, with no request lost.
    Rollout(cmd::scale::RolloutArgs),
    /// Serve the live dashboard of a Host (servers, Pipes, a feed of events, latency).
    Dashboard(cmd::dashboard::Args),
    /// Publish the dtp package to a Sui network (from `sui move build --dump-bytecode-as-base64`).
    Publish(cmd::publish::Args),
    /// Serve plain HTTP through a Pipe (the HTTP gateway).
    Gateway(cmd::serve::GatewayArgs),
    /// Start everything on this machine: localnet, host, pipe, sample servers with daemons, gateway.
    ///
    /// On a real Sui network (a Sui localnet, devnet, testnet) instead of the embedded localnet:
    /// `dtp up --url <gRPC URL> --package <dtp package id>`. The keys come from --data-dir; the
    /// admin's from --keystore if given (--signer, else the active address of the client.yaml
    /// beside it, else its first key). With --faucet-url, keys without gas ask the faucet (and the
    /// daemons and gateway keep it to refill); without, the admin sends the gateway and server keys
    /// --fund-sui each in one transaction, or, if it cannot pay, dtp up names its address and the
    /// SUI it needs and exits (--wait-funds: waits for them). The Host, endpoints and Pipe are
    /// created once and reused (networks.json in the data dir, per URL and package, with the chain
    /// id); the lease, heartbeats and timeouts fit the network's latency, measured at start unless
    /// --lease-ms is given.
    Up(cmd::up::UpArgs),
    /// Run a daemon (dtpd) from a config file; `dtp up` starts these.
    #[command(hide = true)]
    Daemon(cmd::serve::DaemonArgs),
    /// Run the sample HTTP backend; `dtp up` starts these.
    #[command(hide = true)]
    Sample(dtp_daemon::sample::SampleArgs),
}

/// The async runtime's threads: `TOKIO_WORKER_THREADS` (tokio's own variable) if set to a
/// positive number, else 2. `dtp up` runs its daemons and sample servers with 1: they share the
/// machine with the chain and the gateway, and a second thread there costs more in cross-thread
/// wake-ups than it adds (docs/benchmarks.md, session 8).
fn worker_threads() -> usize {
    std::env::var("TOKIO_WORKER_THREADS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(2)
}

fn init_tracing(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    dtp_sdk::service::init_tracing(level);
}

/// A clap error on one line: its message lines before the usage, joined.
fn one_line_usage_error(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
        .collect();
    let msg = lines.join(" ");
    let msg = msg.strip_prefix("error: ").unwrap_or(&msg);
    format!("error: {msg} (see --help)")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
                || matches!(
                    e.kind(),
                    ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                )
            {
                let _ = e.print();
                return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
            }
            note!("{}", one_line_usage_error(&e));
            return ExitCode::from(2);
        }
    };
    init_tracing(cli.verbose);
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(worker_threads())
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            note!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(cmd::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            note!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}
