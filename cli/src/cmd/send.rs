//! `dtp send`: put a request into a Pipe; with `--wait`, wait for its answer.

use std::io::Read;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use sui_sdk_types::Address;

use super::pipe::read;
use crate::ctx::Ctx;
use crate::output;
use crate::parse;

/// Sends a request. The payload is the argument, or stdin when it is absent or `-`. Prints the
/// assignment (seq, server, attempt, lease deadline); with --wait, the response.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The payload (UTF-8 text; use stdin for bytes).
    pub payload: Option<String>,
    /// The Pipe (default: the configured one).
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub pipe: Option<Address>,
    /// Affinity key: with the AFFINITY policy, requests with one key go to one server.
    #[arg(long)]
    pub key: Option<String>,
    /// Preferred region, for the REGION policy.
    #[arg(long, default_value = "")]
    pub region: String,
    /// Wait until the request is completed, dead-lettered or cancelled, and print the response.
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits, in seconds.
    #[arg(long, default_value_t = 60, value_name = "SECS")]
    pub wait_timeout: u64,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let payload = match args.payload.as_deref() {
        None | Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .context("cannot read the payload from stdin")?;
            b
        }
        Some(p) => p.as_bytes().to_vec(),
    };
    let pipe = ctx.pipe(args.pipe)?;
    let c = ctx.client().await?;
    let host = read(&c, pipe).await?.host;
    let key = args.key.unwrap_or_default().into_bytes();
    if !args.wait {
        let a = c.send(pipe, host, payload, key, &args.region).await?;
        if ctx.json {
            output::json(&serde_json::json!({
                "seq": a.seq, "server": a.server, "attempt": a.attempt,
                "deadline_ms": a.deadline_ms, "standby": a.standby,
            }));
        } else {
            output::pairs(&[
                ("seq", a.seq.to_string()),
                ("server", a.server.to_string()),
                ("attempt", a.attempt.to_string()),
                ("deadline", output::clock(a.deadline_ms)),
            ]);
        }
        return Ok(());
    }
    let timeout = Duration::from_secs(args.wait_timeout);
    let r = c
        .send_and_wait(pipe, host, payload, key, &args.region, timeout)
        .await?;
    let text = String::from_utf8_lossy(&r.response).to_string();
    if ctx.json {
        output::json(&serde_json::json!({
            "seq": r.seq, "server": r.server, "attempt": r.attempt, "ok": r.ok,
            "latency_ms": r.latency_ms, "response": text, "response_hex": hex::encode(&r.response),
        }));
    } else {
        note!(
            "request {} {} by {} (attempt {}, {} ms)",
            r.seq,
            if r.ok { "answered" } else { "FAILED" },
            r.server,
            r.attempt,
            r.latency_ms
        );
        say!("{text}");
    }
    if !r.ok {
        anyhow::bail!("request {} was answered with a failure", r.seq);
    }
    Ok(())
}
