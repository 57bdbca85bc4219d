//! `dtp up --url`: the main job on any Sui network (a Sui localnet, devnet, testnet). Connecting
//! (the package must be dtp), funding the keys (the faucet, or one transfer from the admin key,
//! or a clear "fund this address with that much" when the admin is short), measuring the
//! network's latency, and the leases and timeouts derived from it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use dtp_sdk::keys::read_keystore;
use dtp_sdk::{Client, ClientConfig, Key};
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::Address;

/// The gas budget of every transaction (the SDK's default), the unit of the funding estimates.
pub const BUDGET: u64 = 50_000_000;
const MIST_PER_SUI: u64 = 1_000_000_000;

/// The global flags `dtp up` reads (defined once on the command line, see `main`).
#[derive(Debug, Default, Clone)]
pub struct NetFlags {
    pub url: Option<String>,
    pub package: Option<String>,
    pub faucet_url: Option<String>,
    pub keystore: Option<PathBuf>,
    pub signer: Option<String>,
    /// The CLI config file, where `dtp up` records its deployment as the `up` profile.
    pub config: PathBuf,
}

impl NetFlags {
    /// Flags that mean something only on a network, refused without `--url`.
    pub fn check_embedded(&self) -> Result<()> {
        for (set, name) in [
            (self.package.is_some(), "--package"),
            (self.faucet_url.is_some(), "--faucet-url"),
            (self.keystore.is_some(), "--keystore"),
            (self.signer.is_some(), "--signer"),
        ] {
            if set {
                bail!("{name} applies to `dtp up --url <gRPC URL> --package <id>` only (without --url, dtp up runs its own localnet)");
            }
        }
        Ok(())
    }
}

/// A connected network.
pub struct Network {
    pub url: String,
    pub package: Address,
    pub chain_id: String,
    /// The faucet's base URL (`http://…/`), if one was given.
    pub faucet: Option<String>,
    /// The admin's client (creates the Host, endpoints and Pipe).
    pub admin: Client,
}

/// The admin key: `--signer`, else the keystore's active address (`active_address` of the Sui
/// CLI's `client.yaml` beside it), else its first key; without `--keystore`, the data dir's.
pub fn admin_key(flags: &NetFlags, own: &Key) -> Result<Key> {
    let Some(path) = &flags.keystore else {
        return Ok(own.clone());
    };
    let keys = read_keystore(path).with_context(|| format!("--keystore {}", path.display()))?;
    let want = match &flags.signer {
        Some(s) => Some(crate::parse::address_of("--signer", s)?),
        None => active_address(path),
    };
    match want {
        Some(a) => keys
            .into_iter()
            .find(|k| k.address() == a)
            .ok_or_else(|| anyhow!("address {a} has no key in {}", path.display())),
        None => keys
            .into_iter()
            .next()
            .ok_or_else(|| anyhow!("--keystore {} holds no key", path.display())),
    }
}

/// `active_address` of the `client.yaml` next to a `sui.keystore`, if there is one.
fn active_address(keystore: &Path) -> Option<Address> {
    let text = std::fs::read_to_string(keystore.parent()?.join("client.yaml")).ok()?;
    text.lines().find_map(|l| {
        let v = l.trim().strip_prefix("active_address:")?;
        v.trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .parse()
            .ok()
    })
}

/// Connects as `admin`: the node must answer and `--package` must be the dtp package.
pub async fn connect(flags: &NetFlags, admin: Key) -> Result<Network> {
    let url = flags.url.clone().expect("--url");
    let Some(package) = &flags.package else {
        bail!("--url needs --package: the id of the dtp package on that network (`dtp publish` prints it)");
    };
    let package = crate::parse::address_of("--package", package)?;
    let faucet = match &flags.faucet_url {
        Some(f) if f.starts_with("http://") || f.starts_with("https://") => {
            Some(format!("{}/", f.trim_end_matches('/')))
        }
        Some(f) => bail!("--faucet-url `{f}` is not an http(s) URL"),
        None => None,
    };
    let mut cfg = ClientConfig::new(url.clone(), package).with_key(admin);
    cfg.timeout = Duration::from_secs(20);
    let admin = Client::connect(cfg)
        .await
        .with_context(|| format!("connecting to {url} (package {package})"))?;
    let info = admin
        .rpc()
        .ledger_client()
        .get_service_info(pb::GetServiceInfoRequest::default())
        .await
        .map_err(|s| anyhow!("{url}: GetServiceInfo: {}", s.message()))?
        .into_inner();
    Ok(Network {
        url,
        package,
        chain_id: info.chain_id().to_string(),
        faucet,
        admin,
    })
}

/// `1.5 SUI (1500000000 MIST)`.
pub fn sui(mist: u64) -> String {
    let frac = format!("{:09}", mist % MIST_PER_SUI);
    let frac = frac.trim_end_matches('0');
    let whole = mist / MIST_PER_SUI;
    match frac.is_empty() {
        true => format!("{whole} SUI ({mist} MIST)"),
        false => format!("{whole}.{frac} SUI ({mist} MIST)"),
    }
}

/// Parses `--fund-sui` (SUI, up to 9 decimals) into MIST.
pub fn parse_sui(s: &str) -> Result<u64, String> {
    let bad = || format!("expected an amount of SUI such as 1 or 0.5, got {s:?}");
    let (whole, frac) = s.trim().split_once('.').unwrap_or((s.trim(), ""));
    if frac.len() > 9 || (whole.is_empty() && frac.is_empty()) {
        return Err(bad());
    }
    let w: u64 = match whole {
        "" => 0,
        w => w.parse().map_err(|_| bad())?,
    };
    let f: u64 = match frac {
        "" => 0,
        f => format!("{f:0<9}").parse().map_err(|_| bad())?,
    };
    w.checked_mul(MIST_PER_SUI)
        .and_then(|m| m.checked_add(f))
        .filter(|m| *m > 0)
        .ok_or_else(bad)
}

/// What funding the keys takes: the admin's own transactions, and the other keys below half of
/// `fund` each (topped up to `fund`).
pub struct Funding {
    pub admin_txs: u64,
    pub fund: u64,
    pub wait: bool,
}

/// Funds the keys: with a faucet, asks it for every key that lacks gas; without one, sends the
/// other keys what they lack from the admin in one transaction, and fails (or waits, `--wait-funds`)
/// naming the admin's address and the amount when the admin cannot pay it. Nothing is written
/// on chain before the admin is known to be able to pay. Returns a line of what was done.
pub async fn fund(net: &Network, others: &[(String, Key)], f: &Funding) -> Result<String> {
    let admin = &net.admin;
    let me = admin.address()?;
    let own = f.admin_txs * BUDGET;
    let mut short = Vec::new();
    for (name, k) in others {
        let b = admin.balance(k.address()).await?;
        if b < f.fund / 2 {
            short.push((name.clone(), k, f.fund - b));
        }
    }
    if let Some(url) = &net.faucet {
        let mut asked = Vec::new();
        if admin.balance(me).await? < own {
            admin
                .request_gas(url)
                .await
                .with_context(|| format!("asking the faucet for the admin {me}"))?;
            asked.push("admin".to_string());
        }
        for (name, k, _) in &short {
            let c = Client::connect(
                ClientConfig::new(net.url.clone(), net.package).with_key((*k).clone()),
            )
            .await
            .with_context(|| format!("connecting as {name}"))?;
            c.request_gas(url)
                .await
                .with_context(|| format!("asking the faucet for {name} {}", k.address()))?;
            asked.push(name.clone());
        }
        return Ok(match asked.is_empty() {
            true => "every key has gas".into(),
            false => format!("faucet funded {}", asked.join(", ")),
        });
    }
    let sent: u64 = short.iter().map(|s| s.2).sum();
    let txs = f.admin_txs + u64::from(!short.is_empty());
    let need = txs * BUDGET + sent;
    let mut have = admin.balance(me).await?;
    if have < need {
        let names: Vec<&str> = short.iter().map(|s| s.0.as_str()).collect();
        let why = format!(
            "the admin key {me} has {} and needs about {}: {} for its {txs} transactions (a gas budget of {} each){}; send SUI to {me} and run again (or add --wait-funds), or give a --faucet-url; nothing was created on chain",
            sui(have),
            sui(need),
            sui(txs * BUDGET),
            sui(BUDGET),
            match names.is_empty() {
                true => String::new(),
                false => format!(
                    " and {} to fund {} ({}) up to {} each",
                    sui(sent),
                    names.len(),
                    names.join(", "),
                    sui(f.fund)
                ),
            },
        );
        if !f.wait {
            bail!(why);
        }
        note!("      waiting for funds: {why}");
        while have < need {
            tokio::time::sleep(Duration::from_secs(5)).await;
            have = admin.balance(me).await?;
        }
        admin.refresh_gas().await?;
    }
    if short.is_empty() {
        return Ok("every key has gas".into());
    }
    let to: Vec<(Address, u64)> = short.iter().map(|s| (s.1.address(), s.2)).collect();
    admin
        .transfer_sui(&to)
        .await
        .context("funding the keys from the admin")?;
    Ok(format!(
        "the admin sent {} to {}",
        sui(sent),
        short
            .iter()
            .map(|s| s.0.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_of_sui() {
        assert_eq!(sui(4_350_000_000), "4.35 SUI (4350000000 MIST)");
        assert_eq!(sui(2 * MIST_PER_SUI), "2 SUI (2000000000 MIST)");
        assert_eq!(sui(0), "0 SUI (0 MIST)");
        assert_eq!(parse_sui("1"), Ok(MIST_PER_SUI));
        assert_eq!(parse_sui("0.05"), Ok(50_000_000));
        assert_eq!(parse_sui(".5"), Ok(500_000_000));
        assert!(parse_sui("0").is_err());
        assert!(parse_sui("1.0000000001").is_err());
        assert!(parse_sui("x").is_err());
    }
}
