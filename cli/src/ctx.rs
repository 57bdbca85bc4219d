//! What every command needs: the settings, the signer from the keystore, a connected client, and
//! the default Host / Pipe / HostCap, with errors that say what to do.

use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use dtp_sdk::keys::read_keystore;
use dtp_sdk::{Client, ClientConfig, Key};
use sui_sdk_types::Address;

use crate::settings::Settings;

pub struct Ctx {
    pub settings: Settings,
    pub json: bool,
    pub timeout: Duration,
}

impl Ctx {
    /// The keys of the keystore (none if the file does not exist).
    pub fn keys(&self) -> Result<Vec<Key>> {
        let path = &self.settings.keystore;
        if !path.exists() {
            return Ok(Vec::new());
        }
        Ok(read_keystore(path)?)
    }

    /// The signing key: `--signer`, else the active address, else the only key.
    pub fn key(&self) -> Result<Key> {
        let keys = self.keys()?;
        let path = self.settings.keystore.display();
        let want = match self.settings.active_address {
            Some(a) => a,
            None if keys.len() == 1 => return Ok(keys[0].clone()),
            None if keys.is_empty() => {
                bail!("no key in {path}: create one with `dtp keys new` (or `dtp init`)")
            }
            None => bail!(
                "{} keys in {path} and no active address: choose one with `dtp keys use <address>`",
                keys.len()
            ),
        };
        keys.into_iter()
            .find(|k| k.address() == want)
            .ok_or_else(|| {
                anyhow!("address {want} has no key in {path}: import it with `dtp keys import`")
            })
    }

    fn client_config(&self) -> ClientConfig {
        // Each command returns only once the node's reads show its writes, so that the next
        // command (a script's next line) sees them, on a Sui fullnode as on the localnet.
        let mut cfg = ClientConfig::new(self.settings.url.clone(), self.settings.package)
            .with_wait_for_reads(true);
        cfg.timeout = self.timeout;
        cfg
    }

    /// A client that can sign (with gas from the signer's coins).
    pub async fn client(&self) -> Result<Client> {
        let key = self.key()?;
        Ok(Client::connect(self.client_config().with_key(key)).await?)
    }

    /// [`Ctx::client`] that asks the configured faucet for gas when its balance runs out.
    pub async fn client_with_faucet(&self) -> Result<Client> {
        let key = self.key()?;
        let faucet = Some(self.settings.faucet_url.clone());
        Ok(Client::connect(self.client_config().with_key(key).with_faucet(faucet)).await?)
    }

    /// A read-only client.
    pub async fn reader(&self) -> Result<Client> {
        Ok(Client::connect(self.client_config()).await?)
    }

    pub fn host(&self, flag: Option<Address>) -> Result<Address> {
        flag.or(self.settings.host).ok_or_else(|| {
            anyhow!("no Host given: pass --host <ID>, set DTP_HOST, or create one with `dtp host create`")
        })
    }

    pub fn pipe(&self, flag: Option<Address>) -> Result<Address> {
        flag.or(self.settings.pipe).ok_or_else(|| {
            anyhow!("no Pipe given: pass --pipe <ID>, set DTP_PIPE, or create one with `dtp pipe create`")
        })
    }

    /// `--cap`, else the signer's HostCap of `host`.
    pub async fn cap(&self, c: &Client, host: Address, flag: Option<Address>) -> Result<Address> {
        if let Some(cap) = flag {
            return Ok(cap);
        }
        let me = c.address()?;
        c.find_cap(host)
            .await
            .context("looking for your HostCap")?
            .ok_or_else(|| {
                anyhow!(
                    "{me} holds no HostCap of Host {host}: only its admin can do this \
                     (sign with the admin's key via --signer, or pass --cap <ID>)"
                )
            })
    }
}

/// Reads a dtp object, turning "not found" and "wrong type" into advice.
pub fn object_error(what: &str, e: dtp_sdk::Error) -> anyhow::Error {
    match e {
        dtp_sdk::Error::NotFound { id } => anyhow!(
            "{what} {id} does not exist on this network: check the id (and --url / --package)"
        ),
        dtp_sdk::Error::WrongType {
            id,
            expected,
            actual,
        } => anyhow!("{id} is a {actual}, not a {expected}: pass the id of a {what}"),
        other => anyhow::Error::new(other).context(format!("reading the {what}")),
    }
}
