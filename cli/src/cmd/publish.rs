//! `dtp publish`: publish the dtp package to any Sui network from the JSON of
//! `sui move build --dump-bytecode-as-base64`, built and signed by the SDK with your key.

use std::path::PathBuf;

use anyhow::{Context, Result};
use dtp_sdk::publish::CompiledPackage;
use dtp_sdk::{Client, ClientConfig};
use serde_json::json;

use crate::ctx::Ctx;
use crate::output;

/// Publish the dtp package. Compile it first where the Sui CLI is installed:
/// `sui move build --path move --dump-bytecode-as-base64 > dtp.json`, then
/// `dtp --url <fullnode gRPC URL> publish dtp.json`. Prints the new package id (use it as
/// `--package` / DTP_PACKAGE from then on).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The JSON written by `sui move build --dump-bytecode-as-base64` (`-` reads stdin).
    pub bytecode: PathBuf,
}

pub async fn run(ctx: &Ctx, a: Args) -> Result<()> {
    let text = if a.bytecode.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading stdin")?
    } else {
        std::fs::read_to_string(&a.bytecode)
            .with_context(|| format!("reading {}", a.bytecode.display()))?
    };
    let pkg = CompiledPackage::from_json(&text)?;
    let mut cfg = ClientConfig::new(ctx.settings.url.clone(), ctx.settings.package)
        .with_key(ctx.key()?)
        // `dtp host create` right after must find the package.
        .with_wait_for_reads(true);
    cfg.check_package = false;
    cfg.timeout = ctx.timeout;
    cfg.gas_budget = 500_000_000;
    let client = Client::connect(cfg).await?;
    let p = client.publish(&pkg).await?;
    if ctx.json {
        output::json(
            &json!({ "package": p.package.to_string(), "upgrade_cap": p.upgrade_cap.to_string(), "digest": p.digest.to_string() }),
        );
    } else {
        output::pairs(&[
            ("package", p.package.to_string()),
            ("upgrade cap", p.upgrade_cap.to_string()),
            ("transaction", p.digest.to_string()),
        ]);
    }
    Ok(())
}
