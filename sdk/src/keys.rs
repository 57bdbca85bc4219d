//! Keys in the Sui formats: `suiprivkey1…` (Bech32, as `sui keytool export`) and the Sui CLI's
//! `sui.keystore` (a JSON array of Base64 `flag || private key`), so users keep the keys they have.

use std::path::Path;

use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::simple::SimpleKeypair;
use sui_sdk_types::Address;

use crate::error::{Error, Result};

/// A signing key (Ed25519, Secp256k1 or Secp256r1) and its address.
#[derive(Debug, Clone)]
pub struct Key {
    pair: SimpleKeypair,
}

impl Key {
    /// A fresh Ed25519 key.
    pub fn generate() -> Key {
        Key {
            pair: Ed25519PrivateKey::generate(rand::thread_rng()).into(),
        }
    }

    /// From a fixed 32-byte Ed25519 seed (tests, deterministic demos).
    pub fn from_seed(seed: [u8; 32]) -> Key {
        Key {
            pair: Ed25519PrivateKey::new(seed).into(),
        }
    }

    /// Parses `suiprivkey1…` or a Base64 keystore entry.
    pub fn parse(s: &str) -> Result<Key> {
        let s = s.trim();
        let pair = if s.starts_with("suiprivkey") {
            SimpleKeypair::from_suiprivkey(s)
                .map_err(|e| Error::Key(format!("not a valid suiprivkey string: {e}")))?
        } else {
            SimpleKeypair::from_base64(s).map_err(|e| {
                Error::Key(format!(
                    "expected suiprivkey1… or a Base64 keystore entry: {e}"
                ))
            })?
        };
        Ok(Key { pair })
    }

    /// The key's Sui address.
    pub fn address(&self) -> Address {
        self.pair.verifying_key().derive_address()
    }

    /// `suiprivkey1…`.
    pub fn to_suiprivkey(&self) -> String {
        self.pair.to_suiprivkey().expect("supported schemes encode")
    }

    /// The Base64 form stored in `sui.keystore`.
    pub fn to_base64(&self) -> String {
        self.pair.to_base64()
    }

    /// The key pair, to sign with.
    pub fn signer(&self) -> &SimpleKeypair {
        &self.pair
    }
}

/// Reads every key of a `sui.keystore` file.
pub fn read_keystore(path: &Path) -> Result<Vec<Key>> {
    let err = |reason: String| Error::Keystore {
        path: path.display().to_string(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    let entries: Vec<String> = serde_json::from_str(&text)
        .map_err(|e| err(format!("not a JSON array of strings: {e}")))?;
    entries
        .iter()
        .enumerate()
        .map(|(i, s)| Key::parse(s).map_err(|e| err(format!("entry {i}: {e}"))))
        .collect()
}

/// Writes keys to a `sui.keystore` file (mode 0600 on unix), replacing it atomically.
pub fn write_keystore(path: &Path, keys: &[Key]) -> Result<()> {
    let err = |reason: String| Error::Keystore {
        path: path.display().to_string(),
        reason,
    };
    let entries: Vec<String> = keys.iter().map(Key::to_base64).collect();
    let text = serde_json::to_string_pretty(&entries).expect("strings serialise");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).map_err(|e| err(e.to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| err(e.to_string()))?;
    }
    std::fs::rename(&tmp, path).map_err(|e| err(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suiprivkey_and_base64_round_trip() {
        let k = Key::generate();
        let s = k.to_suiprivkey();
        assert!(s.starts_with("suiprivkey1"));
        assert_eq!(Key::parse(&s).unwrap().address(), k.address());
        assert_eq!(Key::parse(&k.to_base64()).unwrap().address(), k.address());
    }

    #[test]
    fn malformed_keys_are_named() {
        let e = Key::parse("suiprivkey1qqqq").unwrap_err().to_string();
        assert!(e.contains("suiprivkey"), "{e}");
        let e = Key::parse("not base64!").unwrap_err().to_string();
        assert!(e.contains("Base64"), "{e}");
    }

    #[test]
    fn keystore_round_trips_and_bad_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sui.keystore");
        let keys = vec![Key::generate(), Key::from_seed([3; 32])];
        write_keystore(&p, &keys).unwrap();
        let back = read_keystore(&p).unwrap();
        assert_eq!(
            back.iter().map(Key::address).collect::<Vec<_>>(),
            keys.iter().map(Key::address).collect::<Vec<_>>()
        );
        std::fs::write(&p, "{}").unwrap();
        assert!(read_keystore(&p)
            .unwrap_err()
            .to_string()
            .contains("JSON array"));
        std::fs::write(&p, "[\"AAAA\"]").unwrap();
        assert!(read_keystore(&p)
            .unwrap_err()
            .to_string()
            .contains("entry 0"));
    }
}
