//! Settings, layered with the `config` crate: defaults (the embedded localnet), the TOML config
//! file, `DTP_*` environment variables, then flags. Only `dtp init` and the commands that save a
//! default (`host create`, `pipe create`, `keys new|import|use`) write the file, and they write only
//! what the file had plus their change, never the environment or flags of the moment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sui_sdk_types::Address;

use crate::parse;

pub const DEFAULT_URL: &str = "http://127.0.0.1:9000";
pub const DEFAULT_FAUCET_URL: &str = "http://127.0.0.1:9123";

/// The settings a config file gives, at its top level and in each profile (all optional; missing
/// ones take the defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// gRPC URL of the Sui node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faucet_url: Option<String>,
    /// The dtp package id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// The sui.keystore file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keystore: Option<PathBuf>,
    /// The address that signs by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_address: Option<String>,
    /// The default Host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The default Pipe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipe: Option<String>,
    /// The control endpoint of the running `dtp up` these settings describe (its profile sets
    /// it): `dtp status` shows its autoscaling decisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
}

/// The config file: the settings at its top level, the active profile, and named profiles of
/// the same settings (e.g. `up`, which `dtp up` writes and activates while it runs). It derefs to
/// its top-level settings (`f.url`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileConfig {
    /// The top-level settings.
    #[serde(flatten)]
    pub values: Profile,
    /// The active profile (or `DTP_PROFILE`): its values apply over the ones above.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Named sets of settings.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Profile>,
}

impl std::ops::Deref for FileConfig {
    type Target = Profile;
    fn deref(&self) -> &Profile {
        &self.values
    }
}

impl std::ops::DerefMut for FileConfig {
    fn deref_mut(&mut self) -> &mut Profile {
        &mut self.values
    }
}

impl FileConfig {
    /// The file alone (no environment); empty if it does not exist.
    pub fn read(path: &Path) -> Result<FileConfig> {
        if !path.exists() {
            return Ok(FileConfig::default());
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the config file {}", path.display()))?;
        toml::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "the config file {} is not valid: {} (fix it, or delete it and run `dtp init`)",
                path.display(),
                e.message()
            )
        })
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let text = toml::to_string(self).context("cannot encode the config")?;
        let text = format!("# dtp CLI settings (`dtp init` writes this file)\n{text}");
        std::fs::write(path, text)
            .with_context(|| format!("cannot write the config file {}", path.display()))
    }

    /// Reads the file, applies `change`, writes it back.
    pub fn update(path: &Path, change: impl FnOnce(&mut FileConfig)) -> Result<()> {
        let mut f = FileConfig::read(path)?;
        change(&mut f);
        f.write(path)
    }
}

/// The resolved settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config_path: PathBuf,
    pub url: String,
    pub faucet_url: String,
    pub package: Address,
    pub keystore: PathBuf,
    pub active_address: Option<Address>,
    pub host: Option<Address>,
    pub pipe: Option<Address>,
    /// The control endpoint of a running `dtp up` (from its profile).
    pub control: Option<String>,
}

/// Values given as flags (they win over everything).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub url: Option<String>,
    pub faucet_url: Option<String>,
    pub package: Option<String>,
    pub keystore: Option<PathBuf>,
    pub active_address: Option<String>,
}

/// `~/.config/dtp/config.toml`.
pub fn default_config_path() -> PathBuf {
    dirs::home_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(".config/dtp/config.toml")
}

impl Settings {
    pub fn load(config_path: Option<PathBuf>, flags: &Flags) -> Result<Settings> {
        let config_path = config_path.unwrap_or_else(default_config_path);
        // Read the file once by itself, for a clear message if it is broken.
        let file = FileConfig::read(&config_path)?;
        // The active profile goes over the file's top level, under the environment and flags.
        let active = std::env::var("DTP_PROFILE")
            .ok()
            .filter(|p| !p.is_empty())
            .or(file.profile.clone());
        let profile = match &active {
            Some(name) => {
                let p = file.profiles.get(name).ok_or_else(|| {
                    anyhow::anyhow!(
                        "profile `{name}` is not in {} (profiles there: {})",
                        config_path.display(),
                        match file.profiles.is_empty() {
                            true => "none".to_string(),
                            false => file.profiles.keys().cloned().collect::<Vec<_>>().join(", "),
                        }
                    )
                })?;
                toml::to_string(p).context("cannot encode the profile")?
            }
            None => String::new(),
        };
        let default_keystore = config_path
            .parent()
            .unwrap_or(Path::new("."))
            .join("sui.keystore");
        let mut b = config::Config::builder()
            .set_default("url", DEFAULT_URL)?
            .set_default("faucet_url", DEFAULT_FAUCET_URL)?
            .set_default("package", dtp_sdk::LOCALNET_PACKAGE.to_string())?
            .set_default("keystore", default_keystore.display().to_string())?
            .add_source(
                config::File::from(config_path.as_path())
                    .format(config::FileFormat::Toml)
                    .required(false),
            )
            .add_source(config::File::from_str(&profile, config::FileFormat::Toml))
            .add_source(config::Environment::with_prefix("DTP").try_parsing(false));
        let keystore = flags.keystore.as_ref().map(|p| p.display().to_string());
        for (key, value) in [
            ("url", &flags.url),
            ("faucet_url", &flags.faucet_url),
            ("package", &flags.package),
            ("keystore", &keystore),
            ("active_address", &flags.active_address),
        ] {
            b = b.set_override_option(key, value.clone())?;
        }
        let raw: Profile = b
            .build()
            .and_then(|c| c.try_deserialize())
            .with_context(|| format!("cannot load settings ({})", config_path.display()))?;
        let opt = |what: &str, v: Option<String>| -> Result<Option<Address>> {
            v.filter(|s| !s.trim().is_empty())
                .map(|s| parse::address_of(what, &s))
                .transpose()
        };
        Ok(Settings {
            url: raw.url.unwrap_or_else(|| DEFAULT_URL.into()),
            faucet_url: raw.faucet_url.unwrap_or_else(|| DEFAULT_FAUCET_URL.into()),
            package: parse::address_of("package id", raw.package.as_deref().unwrap_or(""))?,
            keystore: raw.keystore.unwrap_or(default_keystore),
            active_address: opt("active address", raw.active_address)?,
            host: opt("host id", raw.host)?,
            pipe: opt("pipe id", raw.pipe)?,
            control: raw.control.filter(|c| !c.trim().is_empty()),
            config_path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_round_trips_and_omits_unset_fields() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c/config.toml");
        let f = FileConfig {
            values: Profile {
                url: Some("http://x:1".into()),
                host: Some("0x1".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        f.write(&p).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("url = \"http://x:1\"") && !text.contains("pipe"));
        assert_eq!(FileConfig::read(&p).unwrap(), f);
        std::fs::write(&p, "url = [").unwrap();
        let e = FileConfig::read(&p).unwrap_err().to_string();
        assert!(e.contains("not valid") && e.contains("dtp init"), "{e}");
    }

    #[test]
    fn the_active_profile_goes_over_the_file_and_under_flags() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        let mut f = FileConfig {
            values: Profile {
                url: Some("http://file:1".into()),
                host: Some("0x1".into()),
                ..Default::default()
            },
            profile: Some("up".into()),
            ..Default::default()
        };
        f.profiles.insert(
            "up".into(),
            Profile {
                url: Some("http://up:9".into()),
                pipe: Some("0x2".into()),
                ..Default::default()
            },
        );
        f.write(&p).unwrap();
        let s = Settings::load(Some(p.clone()), &Flags::default()).unwrap();
        assert_eq!(s.url, "http://up:9");
        assert_eq!(
            s.host,
            Some(Address::from_static("0x1")),
            "kept from the top level"
        );
        assert_eq!(s.pipe, Some(Address::from_static("0x2")));
        let flags = Flags {
            url: Some("http://flag:1".into()),
            ..Default::default()
        };
        assert_eq!(
            Settings::load(Some(p.clone()), &flags).unwrap().url,
            "http://flag:1"
        );
        f.profile = Some("gone".into());
        f.write(&p).unwrap();
        let e = Settings::load(Some(p), &Flags::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("profile `gone`") && e.contains("profiles there: up"),
            "{e}"
        );
    }

    #[test]
    fn flags_win_and_defaults_point_at_the_localnet() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        FileConfig {
            values: Profile {
                url: Some("http://file:1".into()),
                faucet_url: Some("http://file:2".into()),
                ..Default::default()
            },
            ..Default::default()
        }
        .write(&p)
        .unwrap();
        let flags = Flags {
            url: Some("http://flag:1".into()),
            ..Default::default()
        };
        let s = Settings::load(Some(p.clone()), &flags).unwrap();
        assert_eq!(s.url, "http://flag:1");
        assert_eq!(s.faucet_url, "http://file:2");
        assert_eq!(s.package, dtp_sdk::LOCALNET_PACKAGE);
        assert_eq!(s.keystore, dir.path().join("sui.keystore"));
        let bad = Flags {
            package: Some("0xzz".into()),
            ..Default::default()
        };
        let e = Settings::load(Some(p), &bad).unwrap_err().to_string();
        assert!(e.contains("package id") && e.contains("0xzz"), "{e}");
    }
}
