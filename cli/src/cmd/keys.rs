//! `dtp keys`: the keystore (the Sui CLI's `sui.keystore` format; keys as `suiprivkey1…`).

use std::io::Read;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use dtp_sdk::keys::write_keystore;
use dtp_sdk::Key;
use sui_sdk_types::Address;

use crate::ctx::Ctx;
use crate::output::{self, Table};
use crate::parse;
use crate::settings::FileConfig;

#[derive(Subcommand, Debug)]
pub enum Keys {
    /// Generate an Ed25519 key and add it to the keystore (it becomes the active one if there
    /// was none).
    New {
        /// Make it the active address.
        #[arg(long)]
        activate: bool,
    },
    /// List the keystore's addresses (`*` marks the active one).
    List,
    /// Add a key: `suiprivkey1…` (as `sui keytool export` prints) or a Base64 keystore entry;
    /// `-` or nothing reads it from stdin.
    Import {
        #[arg(value_name = "KEY")]
        key: Option<String>,
        /// Make it the active address.
        #[arg(long)]
        activate: bool,
    },
    /// Print a key as `suiprivkey1…` (default: the active one). Keep it secret.
    Export {
        #[arg(value_name = "ADDRESS", value_parser = parse::address)]
        address: Option<Address>,
        /// Print the Base64 `sui.keystore` entry instead.
        #[arg(long)]
        base64: bool,
    },
    /// Make an address of the keystore the active one (saved in the config file).
    Use {
        #[arg(value_name = "ADDRESS", value_parser = parse::address)]
        address: Address,
    },
}

pub fn run(ctx: &Ctx, cmd: Keys) -> Result<()> {
    let s = &ctx.settings;
    match cmd {
        Keys::New { activate } => add(ctx, Key::generate(), activate),
        Keys::Import { key, activate } => {
            let text = match key.as_deref() {
                None | Some("-") => {
                    let mut t = String::new();
                    std::io::stdin()
                        .read_to_string(&mut t)
                        .context("cannot read the key from stdin")?;
                    t
                }
                Some(k) => k.to_string(),
            };
            let key = Key::parse(&text)
                .context("cannot import the key (give suiprivkey1… or a Base64 keystore entry)")?;
            add(ctx, key, activate)
        }
        Keys::List => {
            let keys = ctx.keys()?;
            let active = ctx.key().ok().map(|k| k.address());
            if ctx.json {
                let v: Vec<_> = keys
                    .iter()
                    .map(|k| serde_json::json!({"address": k.address(), "active": Some(k.address()) == active}))
                    .collect();
                output::json(&v);
                return Ok(());
            }
            if keys.is_empty() {
                say!(
                    "no keys in {} (create one with `dtp keys new`)",
                    s.keystore.display()
                );
                return Ok(());
            }
            let mut t = Table::new(["", "ADDRESS"]);
            for k in &keys {
                let mark = if Some(k.address()) == active { "*" } else { "" };
                t.row(vec![mark.into(), k.address().to_string()]);
            }
            t.print();
            Ok(())
        }
        Keys::Export { address, base64 } => {
            let key = match address {
                None => ctx.key()?,
                Some(a) => ctx
                    .keys()?
                    .into_iter()
                    .find(|k| k.address() == a)
                    .with_context(|| format!("{a} has no key in {}", s.keystore.display()))?,
            };
            if ctx.json {
                output::json(&serde_json::json!({
                    "address": key.address(), "suiprivkey": key.to_suiprivkey(),
                    "base64": key.to_base64(),
                }));
            } else if base64 {
                say!("{}", key.to_base64());
            } else {
                say!("{}", key.to_suiprivkey());
            }
            Ok(())
        }
        Keys::Use { address } => {
            if !ctx.keys()?.iter().any(|k| k.address() == address) {
                bail!(
                    "{address} has no key in {}: import it first with `dtp keys import`",
                    s.keystore.display()
                );
            }
            activate_address(ctx, address)?;
            if ctx.json {
                output::json(&serde_json::json!({ "active_address": address }));
            } else {
                say!("active address: {address}");
            }
            Ok(())
        }
    }
}

fn activate_address(ctx: &Ctx, a: Address) -> Result<()> {
    FileConfig::update(&ctx.settings.config_path, |f| {
        f.active_address = Some(a.to_string())
    })
}

fn add(ctx: &Ctx, key: Key, activate: bool) -> Result<()> {
    let mut keys = ctx.keys()?;
    let a = key.address();
    let path = &ctx.settings.keystore;
    if keys.iter().any(|k| k.address() == a) {
        bail!("{a} is already in {}", path.display());
    }
    keys.push(key);
    write_keystore(path, &keys)?;
    let active = activate || ctx.settings.active_address.is_none();
    if active {
        activate_address(ctx, a)?;
    }
    if ctx.json {
        output::json(&serde_json::json!({"address": a, "active": active, "keystore": path}));
    } else {
        say!("{a}{}", if active { " (active)" } else { "" });
    }
    Ok(())
}
