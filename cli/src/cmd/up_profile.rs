//! `dtp up` leaves the CLI pointed at what it started: while it runs, the CLI config has a profile
//! `up` (the chain's URL and faucet, the package, the Host and first Pipe, the keystore with the
//! admin key as the signer) and it is the active one, so `dtp status`, `dtp send`, `dtp replay
//! --verify` and the other commands need no ids. On exit the profile that was active before is
//! active again; the `up` profile stays in the file (`profile = "up"` brings it back).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::settings::{FileConfig, Profile};

/// The profile's name.
pub const NAME: &str = "up";

/// The profile made active by [`activate`]; [`Active::restore`] gives the previous one back.
pub struct Active {
    path: PathBuf,
    previous: Option<String>,
}

/// Writes `profile` as `up` into the CLI config at `path` and makes it the active one.
pub fn activate(path: &Path, profile: Profile) -> Result<Active> {
    let mut previous = None;
    FileConfig::update(path, |f| {
        // A run that was killed left `up` active: there is nothing older to give back.
        previous = f.profile.take().filter(|p| p != NAME);
        f.profiles.insert(NAME.into(), profile);
        f.profile = Some(NAME.into());
    })
    .with_context(|| {
        format!(
            "recording the deployment in the CLI config {}",
            path.display()
        )
    })?;
    Ok(Active {
        path: path.to_path_buf(),
        previous,
    })
}

impl Active {
    /// Makes the profile that was active before `dtp up` active again.
    pub fn restore(self) -> Result<()> {
        FileConfig::update(&self.path, |f| {
            if f.profile.as_deref() == Some(NAME) {
                f.profile = self.previous.clone();
            }
        })
        .with_context(|| format!("restoring the CLI config {}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activation_keeps_the_file_and_restore_gives_the_old_profile_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut f = FileConfig {
            values: Profile {
                url: Some("http://mine:1".into()),
                ..Default::default()
            },
            profile: Some("prod".into()),
            ..Default::default()
        };
        f.profiles.insert("prod".into(), Profile::default());
        f.write(&path).unwrap();
        let p = Profile {
            host: Some("0x5".into()),
            ..Default::default()
        };
        let active = activate(&path, p.clone()).unwrap();
        let now = FileConfig::read(&path).unwrap();
        assert_eq!(now.profile.as_deref(), Some(NAME));
        assert_eq!(now.profiles[NAME], p);
        assert_eq!(
            now.url.as_deref(),
            Some("http://mine:1"),
            "the rest is kept"
        );
        active.restore().unwrap();
        let after = FileConfig::read(&path).unwrap();
        assert_eq!(after.profile.as_deref(), Some("prod"));
        assert!(after.profiles.contains_key(NAME), "up stays for later");
        // A killed run left `up` active: the next one restores to none, not to `up` again.
        activate(&path, p.clone()).unwrap();
        let again = activate(&path, p).unwrap();
        again.restore().unwrap();
        assert_eq!(FileConfig::read(&path).unwrap().profile, None);
    }
}
