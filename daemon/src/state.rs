//! The state directory: a single-instance lock and the persisted checkpoint cursor.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Holds the lock on the state directory while alive.
pub struct StateDir {
    path: PathBuf,
    _lock: File,
}

impl StateDir {
    /// Creates the directory if needed and takes its lock; fails if another dtpd holds it.
    pub fn open(path: &Path) -> Result<StateDir> {
        std::fs::create_dir_all(path)
            .with_context(|| format!("creating state directory {}", path.display()))?;
        let lock_path = path.join("dtpd.lock");
        let lock = File::create(&lock_path)
            .with_context(|| format!("creating {}", lock_path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => bail!(
                "another dtpd is running with state directory {} (lock {} is held)",
                path.display(),
                lock_path.display()
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", lock_path.display()))
            }
        }
        Ok(StateDir {
            path: path.to_path_buf(),
            _lock: lock,
        })
    }

    /// The last fully handled checkpoint, if any.
    pub fn cursor(&self) -> Result<Option<u64>> {
        let p = self.path.join("cursor");
        match std::fs::read_to_string(&p) {
            Ok(s) => Ok(Some(s.trim().parse().with_context(|| {
                format!("{} is not a checkpoint number", p.display())
            })?)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("reading {}", p.display())),
        }
    }

    /// Persists the cursor atomically (write + rename).
    pub fn save_cursor(&self, seq: u64) -> Result<()> {
        let p = self.path.join("cursor");
        let tmp = self.path.join("cursor.tmp");
        std::fs::write(&tmp, seq.to_string())
            .with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &p).with_context(|| format!("renaming to {}", p.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_persists_and_the_lock_is_exclusive() {
        let dir = tempfile::tempdir().unwrap();
        let s = StateDir::open(dir.path()).unwrap();
        assert_eq!(s.cursor().unwrap(), None);
        s.save_cursor(42).unwrap();
        assert_eq!(s.cursor().unwrap(), Some(42));
        let e = StateDir::open(dir.path()).err().unwrap().to_string();
        assert!(e.contains("another dtpd"), "{e}");
        drop(s);
        let s = StateDir::open(dir.path()).unwrap();
        assert_eq!(s.cursor().unwrap(), Some(42));
        std::fs::write(dir.path().join("cursor"), "garbage").unwrap();
        assert!(s.cursor().is_err());
    }
}
