//! Publishing the dtp package to any Sui network from its compiled form (the JSON that
//! `sui move build --dump-bytecode-as-base64` prints), built and signed by the SDK, so the Sui CLI
//! never needs the user's keys.

use base64::Engine;
use serde::Deserialize;
use sui_sdk_types::{Address, Digest};

use crate::client::{Client, CreatedKind};
use crate::error::{Error, Result};

/// The output of `sui move build --dump-bytecode-as-base64`.
#[derive(Debug, Clone, Deserialize)]
pub struct CompiledPackage {
    /// Base64 bytecode of each module.
    pub modules: Vec<String>,
    /// Ids of the packages it depends on (0x1, 0x2).
    pub dependencies: Vec<Address>,
}

impl CompiledPackage {
    /// Parses the JSON `sui move build --dump-bytecode-as-base64` printed.
    pub fn from_json(text: &str) -> Result<CompiledPackage> {
        let p: CompiledPackage = serde_json::from_str(text).map_err(|e| {
            Error::Invalid(format!(
                "not the JSON of `sui move build --dump-bytecode-as-base64`: {e}"
            ))
        })?;
        if p.modules.is_empty() {
            return Err(Error::Invalid("the compiled package has no modules".into()));
        }
        Ok(p)
    }

    /// The bytecode of each module, decoded.
    pub fn module_bytes(&self) -> Result<Vec<Vec<u8>>> {
        self.modules
            .iter()
            .enumerate()
            .map(|(i, m)| {
                base64::engine::general_purpose::STANDARD
                    .decode(m)
                    .map_err(|e| Error::Invalid(format!("module {i} is not Base64: {e}")))
            })
            .collect()
    }
}

/// What a publish created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The new package's id.
    pub package: Address,
    /// Its `UpgradeCap`.
    pub upgrade_cap: Address,
    /// The publish transaction's digest.
    pub digest: Digest,
}

impl Client {
    /// Publishes `pkg`; the UpgradeCap goes to the signer.
    pub async fn publish(&self, pkg: &CompiledPackage) -> Result<Published> {
        let modules = pkg.module_bytes()?;
        let deps = pkg.dependencies.clone();
        let me = self.address()?;
        let o = self
            .execute("publish", move |b| {
                let cap = b.publish(modules, deps);
                let to = b.pure(&me);
                b.transfer_objects(vec![cap], to);
            })
            .await?;
        let upgrade_cap = o
            .first_created(CreatedKind::OwnedBy(me))
            .ok_or_else(|| Error::Invalid("publish created no UpgradeCap".into()))?;
        let package = o
            .first_created(CreatedKind::Package)
            .ok_or_else(|| Error::Invalid("publish created no package".into()))?;
        Ok(Published {
            package,
            upgrade_cap,
            digest: o.digest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_output_parses_and_bad_input_is_named() {
        let p = CompiledPackage::from_json(
            r#"{"modules":["AQID"],"dependencies":["0x1","0x2"],"digest":[1,2]}"#,
        )
        .unwrap();
        assert_eq!(p.module_bytes().unwrap(), vec![vec![1, 2, 3]]);
        assert!(CompiledPackage::from_json("{}")
            .unwrap_err()
            .to_string()
            .contains("sui move build"));
        assert!(CompiledPackage::from_json(r#"{"modules":[],"dependencies":[]}"#).is_err());
        let bad = CompiledPackage::from_json(r#"{"modules":["!!"],"dependencies":[]}"#).unwrap();
        assert!(bad
            .module_bytes()
            .unwrap_err()
            .to_string()
            .contains("Base64"));
    }
}
