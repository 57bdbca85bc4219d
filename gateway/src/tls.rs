//! TLS termination: the gateway serves HTTPS (HTTP/2 and HTTP/1.1, chosen by ALPN) with rustls,
//! through `axum-server`. The certificate chain and key are PEM files; they are read again on
//! SIGHUP or when either file changes, and the new pair is used for new connections while open
//! ones keep theirs (no connection is dropped). A pair that does not load (missing, unreadable,
//! not PEM, a key that does not match the certificate) is refused at start naming the file, and
//! on reload it is logged and the pair in use is kept.
//!
//! [`self_signed`] makes a local CA and a `localhost` / `127.0.0.1` certificate it signed (rcgen),
//! for `dtp up --tls-self-signed` and tests: clients trust the CA file (`curl --cacert`).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use axum_server::tls_rustls::RustlsConfig;

/// The certificate chain and private key files (PEM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// `cert_file`: the certificate chain, leaf first.
    pub cert: PathBuf,
    /// `key_file`: the private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
}

/// Why a certificate pair cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// A file cannot be read.
    #[error("tls {field} {path}: {source}")]
    Unreadable {
        /// `cert_file` or `key_file`.
        field: &'static str,
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The files read but do not make a usable certificate and key.
    #[error("tls cert_file {cert} with key_file {key}: {reason}")]
    Invalid {
        /// The certificate file.
        cert: PathBuf,
        /// The key file.
        key: PathBuf,
        /// What rustls said (no certificate, no key, the key does not match, ...).
        reason: String,
    },
    /// A certificate could not be generated.
    #[error("generating a self-signed certificate: {0}")]
    Generate(#[from] rcgen::Error),
}

/// What a file holds and when it last changed.
fn read(field: &'static str, path: &Path) -> Result<Vec<u8>, TlsError> {
    std::fs::read(path).map_err(|source| TlsError::Unreadable {
        field,
        path: path.to_path_buf(),
        source,
    })
}

/// Reads and checks a pair: the rustls configuration to serve it.
async fn config_of(files: &TlsFiles) -> Result<RustlsConfig, TlsError> {
    let cert = read("cert_file", &files.cert)?;
    let key = read("key_file", &files.key)?;
    let invalid = |reason: String| TlsError::Invalid {
        cert: files.cert.clone(),
        key: files.key.clone(),
        reason,
    };
    if !String::from_utf8_lossy(&cert).contains("-----BEGIN CERTIFICATE-----") {
        return Err(invalid("cert_file holds no PEM certificate".into()));
    }
    RustlsConfig::from_pem(cert, key)
        .await
        .map_err(|e| invalid(e.to_string()))
}

/// Loads `files` for serving (the error names the file or the mismatch).
pub async fn load(files: &TlsFiles) -> Result<RustlsConfig, TlsError> {
    config_of(files).await
}

/// Reloads `files` into `config` now: `Ok` if the new pair is in use.
pub async fn reload(config: &RustlsConfig, files: &TlsFiles) -> Result<(), TlsError> {
    config.reload_from_config(config_of(files).await?.get_inner());
    Ok(())
}

/// How often the files' modification times are looked at.
const POLL: Duration = Duration::from_secs(1);

fn mtimes(files: &TlsFiles) -> (Option<SystemTime>, Option<SystemTime>) {
    let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    (m(&files.cert), m(&files.key))
}

/// Reloads on SIGHUP and whenever a file's modification time changes; runs until aborted.
pub async fn watch(config: RustlsConfig, files: TlsFiles) {
    #[cfg(unix)]
    let mut hup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
    let mut seen = mtimes(&files);
    let mut tick = tokio::time::interval(POLL);
    loop {
        #[cfg(unix)]
        let why = tokio::select! {
            _ = tick.tick() => None,
            Some(()) = async { match hup.as_mut() { Some(h) => h.recv().await, None => std::future::pending().await } } => Some("SIGHUP"),
        };
        #[cfg(not(unix))]
        let why = {
            tick.tick().await;
            None
        };
        let now = mtimes(&files);
        let why = match why {
            Some(w) => w,
            None if now != seen => "the files changed",
            None => continue,
        };
        seen = now;
        match reload(&config, &files).await {
            Ok(()) => {
                tracing::info!(reason = why, cert = %files.cert.display(), "TLS certificate reloaded")
            }
            Err(e) => {
                tracing::warn!(reason = why, error = %e, "TLS certificate not reloaded; the one in use stays")
            }
        }
    }
}

/// Files written by [`self_signed`].
#[derive(Debug, Clone)]
pub struct SelfSigned {
    /// The certificate and key to serve.
    pub files: TlsFiles,
    /// The CA certificate clients trust (`curl --cacert`).
    pub ca: PathBuf,
}

/// Writes a new local CA and a certificate for `localhost` and `127.0.0.1` signed by it into
/// `dir` (`ca.pem`, `cert.pem`, `key.pem`; the key readable by the owner only).
pub fn self_signed(dir: &Path) -> Result<SelfSigned, TlsError> {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    };
    let write = |name: &str, text: String| -> Result<PathBuf, TlsError> {
        let path = dir.join(name);
        std::fs::create_dir_all(dir)
            .and_then(|_| std::fs::write(&path, text))
            .map_err(|source| TlsError::Unreadable {
                field: "cert_file",
                path: path.clone(),
                source,
            })?;
        Ok(path)
    };
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "dtp local CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_key = KeyPair::generate()?;
    let ca_cert = ca.self_signed(&ca_key)?;
    let issuer = Issuer::new(ca, ca_key);
    let mut leaf = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])?;
    leaf.distinguished_name
        .push(DnType::CommonName, "localhost");
    let leaf_key = KeyPair::generate()?;
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer)?;
    let ca_path = write("ca.pem", ca_cert.pem())?;
    let cert = write("cert.pem", leaf_cert.pem())?;
    let key = write("key.pem", leaf_key.serialize_pem())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600));
    }
    Ok(SelfSigned {
        files: TlsFiles { cert, key },
        ca: ca_path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_generated_pair_loads_and_bad_pairs_name_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let a = self_signed(&dir.path().join("a")).unwrap();
        load(&a.files).await.expect("the generated pair serves");
        let b = self_signed(&dir.path().join("b")).unwrap();

        let missing = TlsFiles {
            cert: dir.path().join("nope.pem"),
            key: a.files.key.clone(),
        };
        let e = load(&missing).await.unwrap_err().to_string();
        assert!(e.contains("cert_file") && e.contains("nope.pem"), "{e}");

        let mismatched = TlsFiles {
            cert: a.files.cert.clone(),
            key: b.files.key.clone(),
        };
        let e = load(&mismatched).await.unwrap_err().to_string();
        assert!(e.contains("key_file") && e.contains("b/key.pem"), "{e}");

        let not_pem = dir.path().join("junk.pem");
        std::fs::write(&not_pem, "hello").unwrap();
        let junk = TlsFiles {
            cert: not_pem,
            key: a.files.key.clone(),
        };
        let e = load(&junk).await.unwrap_err().to_string();
        assert!(e.contains("no PEM certificate"), "{e}");

        // A failed reload keeps the pair in use.
        let config = load(&a.files).await.unwrap();
        let before = config.get_inner();
        assert!(reload(&config, &mismatched).await.is_err());
        assert!(std::sync::Arc::ptr_eq(&before, &config.get_inner()));
        reload(&config, &b.files).await.unwrap();
        assert!(!std::sync::Arc::ptr_eq(&before, &config.get_inner()));
    }
}
