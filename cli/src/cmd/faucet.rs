//! `dtp faucet`: ask the faucet (`POST /v2/gas`, as Sui's) for gas coins.

use anyhow::{anyhow, Context, Result};
use clap::Args as ClapArgs;
use sui_rpc::faucet::FaucetClient;
use sui_sdk_types::Address;

use crate::ctx::Ctx;
use crate::output;
use crate::parse;

/// Requests gas coins from the faucet (the embedded localnet's gives 5 coins of 200 SUI).
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Who receives the coins (default: the active address).
    #[arg(value_name = "ADDRESS", value_parser = parse::address)]
    pub address: Option<Address>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let to = match args.address {
        Some(a) => a,
        None => ctx.key()?.address(),
    };
    let url = format!("{}/", ctx.settings.faucet_url.trim_end_matches('/'));
    let faucet = FaucetClient::new(url.as_str())
        .map_err(|e| anyhow!("faucet URL `{}` is not valid: {e}", ctx.settings.faucet_url))?;
    let coins = tokio::time::timeout(ctx.timeout, faucet.request(to))
        .await
        .map_err(|_| anyhow!("the faucet at {} did not answer", ctx.settings.faucet_url))?
        .map_err(|e| {
            anyhow!(
                "the faucet at {} failed: {e} (is it running? check --faucet-url)",
                ctx.settings.faucet_url
            )
        })?;
    // The faucet answers before the node's reads show its transfer: wait, so that the next
    // command (which lists the coins to pay its gas) finds them.
    let reader = ctx.reader().await?;
    let mut digests: Vec<_> = coins.iter().map(|c| c.transfer_tx_digest).collect();
    digests.dedup();
    for d in digests {
        reader
            .wait_for_transaction(d)
            .await
            .with_context(|| format!("waiting for the faucet's transfer {d}"))?;
    }
    let total: u64 = coins.iter().map(|c| c.amount).sum();
    if ctx.json {
        output::json(&serde_json::json!({
            "address": to,
            "coins": coins.iter().map(|c| serde_json::json!({"id": c.id, "amount": c.amount})).collect::<Vec<_>>(),
            "total": total,
        }));
    } else {
        say!(
            "{to} received {} coins, {} SUI in all",
            coins.len(),
            total as f64 / 1e9
        );
    }
    Ok(())
}
