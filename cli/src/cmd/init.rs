//! `dtp init`: write the config file (creating or updating it) and make sure there is a key.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args as ClapArgs;
use dtp_sdk::keys::{read_keystore, write_keystore};
use dtp_sdk::Key;
use sui_sdk_types::Address;

use crate::output;
use crate::parse;
use crate::settings::{default_config_path, FileConfig, Flags, DEFAULT_FAUCET_URL, DEFAULT_URL};

/// Writes the config file with the global flags given (--url, --faucet-url, --package,
/// --keystore, --signer as the active address) and the defaults for the rest; an existing file
/// keeps the values not given. Creates an Ed25519 key when the keystore has none.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The default Host to save.
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub host: Option<Address>,
    /// The default Pipe to save.
    #[arg(long, value_name = "ID", value_parser = parse::address)]
    pub pipe: Option<Address>,
    /// Do not create a key when the keystore has none.
    #[arg(long)]
    pub no_key: bool,
}

/// The variable that names the keystore for every command (the `config` crate's `DTP_` prefix).
const KEYSTORE_ENV: &str = "DTP_KEYSTORE";

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

pub fn run(config: Option<PathBuf>, flags: &Flags, args: Args, json: bool) -> Result<()> {
    let path = config.unwrap_or_else(default_config_path);
    let mut f = FileConfig::read(&path)?;
    f.url = flags
        .url
        .clone()
        .or(f.url.take())
        .or(Some(DEFAULT_URL.into()));
    f.faucet_url = flags
        .faucet_url
        .clone()
        .or(f.faucet_url.take())
        .or(Some(DEFAULT_FAUCET_URL.into()));
    let package = match flags.package.clone().or(f.package.take()) {
        Some(p) => parse::address_of("package id", &p)?,
        None => dtp_sdk::LOCALNET_PACKAGE,
    };
    f.package = Some(package.to_string());
    // The key goes where every later command looks for it: `--keystore`, else `DTP_KEYSTORE`
    // (as in `Settings::load`), else the file's, else beside the config file.
    let keystore = flags
        .keystore
        .clone()
        .or_else(|| env_path(KEYSTORE_ENV))
        .or(f.keystore.take())
        .unwrap_or_else(|| path.with_file_name("sui.keystore"));
    f.keystore = Some(keystore.clone());
    if let Some(a) = &flags.active_address {
        f.active_address = Some(parse::address_of("--signer", a)?.to_string());
    }
    if let Some(h) = args.host {
        f.host = Some(h.to_string());
    }
    if let Some(p) = args.pipe {
        f.pipe = Some(p.to_string());
    }
    let mut keys = if keystore.exists() {
        read_keystore(&keystore)?
    } else {
        Vec::new()
    };
    let mut created = None;
    if keys.is_empty() && !args.no_key {
        let k = Key::generate();
        created = Some(k.address());
        keys.push(k);
        write_keystore(&keystore, &keys)?;
    }
    if f.active_address.is_none() {
        f.active_address = keys.first().map(|k| k.address().to_string());
    }
    f.write(&path)?;
    if json {
        output::json(&serde_json::json!({
            "config": path,
            "settings": f,
            "created_key": created,
        }));
        return Ok(());
    }
    say!("wrote {}", path.display());
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    output::pairs(&[
        ("url", show(&f.url)),
        ("faucet_url", show(&f.faucet_url)),
        ("package", show(&f.package)),
        ("keystore", keystore.display().to_string()),
        ("active_address", show(&f.active_address)),
        ("host", show(&f.host)),
        ("pipe", show(&f.pipe)),
    ]);
    if let Some(a) = created {
        say!("created a new key {a}; fund it with `dtp faucet`");
    }
    Ok(())
}
