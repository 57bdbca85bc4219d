//! Snapshots: the whole state (ledger and held checkpoints) as of a checkpoint, so that the
//! write-ahead log can be cut and a restart loads the snapshot and replays only what came after.
//!
//! The file is `snapshot.bcs` in the data directory: `MAGIC | len: u64 LE | crc32: u32 LE |
//! bcs((checkpoints covered, Ledger, Chain))`. It is written to a temporary file, fsynced, renamed
//! over the old one and the directory fsynced, so a crash leaves either the old snapshot or the new
//! one, never a mix. The log is cut only after that; a crash between the two leaves log records the
//! snapshot already holds, which the node skips on replay ([`covered`]).
//!
//! A snapshot that is present but unreadable is an error, never skipped: the log before it is gone.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::chain::Chain;
use crate::ledger::Ledger;
use crate::wal::Record;

pub const FILE: &str = "snapshot.bcs";
const TMP: &str = "snapshot.bcs.tmp";
const MAGIC: &[u8; 8] = b"DTPSNAP1";

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("snapshot {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("snapshot {path} is unreadable ({reason}); the log before it was cut, so the node will not start without it: restore it from a backup, or move the data directory away to start a new chain")]
    Corrupt { path: PathBuf, reason: String },
}

/// A loaded snapshot: the state after checkpoint `checkpoints - 1`.
pub struct Loaded {
    pub ledger: Ledger,
    pub chain: Chain,
}

/// Writes the snapshot of `ledger` and `chain` durably; returns its size in bytes. The chain must
/// have no unchecked transactions (a snapshot is taken right after a checkpoint).
pub fn write(dir: &Path, ledger: &Ledger, chain: &Chain) -> Result<u64, SnapshotError> {
    debug_assert!(chain.unchecked.is_empty(), "a snapshot closes a checkpoint");
    let payload = bcs::to_bytes(&(chain.len(), ledger, chain)).expect("the state serialises");
    let tmp = dir.join(TMP);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SnapshotError::Io { path, source }
    };
    let mut f = File::create(&tmp).map_err(io(&tmp))?;
    f.write_all(MAGIC).map_err(io(&tmp))?;
    f.write_all(&(payload.len() as u64).to_le_bytes())
        .map_err(io(&tmp))?;
    f.write_all(&crc32fast::hash(&payload).to_le_bytes())
        .map_err(io(&tmp))?;
    f.write_all(&payload).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    drop(f);
    let path = dir.join(FILE);
    std::fs::rename(&tmp, &path).map_err(io(&path))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io(dir))?;
    Ok((MAGIC.len() + 12 + payload.len()) as u64)
}

/// Reads the snapshot in `dir`, if there is one; `retain` is the chain's retention limit.
pub fn read(dir: &Path, retain: Option<u64>) -> Result<Option<Loaded>, SnapshotError> {
    // A temporary file is a snapshot whose write a crash interrupted: the old one stands.
    let _ = std::fs::remove_file(dir.join(TMP));
    let path = dir.join(FILE);
    let mut f = match OpenOptions::new().read(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(SnapshotError::Io { path, source }),
    };
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes)
        .map_err(|source| SnapshotError::Io {
            path: path.clone(),
            source,
        })?;
    let corrupt = |reason: String| SnapshotError::Corrupt {
        path: path.clone(),
        reason,
    };
    let payload = decode_frame(&bytes).map_err(corrupt)?;
    let (covered, ledger, mut chain): (u64, Ledger, Chain) =
        bcs::from_bytes(payload).map_err(|e| corrupt(format!("contents: {e}")))?;
    if covered != chain.len() || chain.latest().is_none() {
        return Err(corrupt(format!(
            "it says it covers {covered} checkpoints but holds {}",
            chain.len()
        )));
    }
    chain.set_retention(retain);
    Ok(Some(Loaded { ledger, chain }))
}

/// The payload of a snapshot file, after its magic, length and checksum are checked.
fn decode_frame(bytes: &[u8]) -> Result<&[u8], String> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or("it does not start with the dtp snapshot marker")?;
    if rest.len() < 12 {
        return Err("it is shorter than its header".into());
    }
    let len = u64::from_le_bytes(rest[..8].try_into().unwrap());
    let crc = u32::from_le_bytes(rest[8..12].try_into().unwrap());
    let payload = &rest[12..];
    if payload.len() as u64 != len {
        return Err(format!(
            "it holds {} bytes where its header says {len}",
            payload.len()
        ));
    }
    if crc32fast::hash(payload) != crc {
        return Err("its checksum does not match".into());
    }
    Ok(payload)
}

/// How many of the log's first records a snapshot covering `checkpoints` checkpoints already
/// holds: everything up to and including the record of checkpoint `checkpoints - 1`, if the log
/// still has it (a crash came between writing the snapshot and cutting the log), else none.
pub fn covered(records: &[Record], checkpoints: u64) -> usize {
    let last = checkpoints.checked_sub(1);
    records
        .iter()
        .position(|r| {
            matches!(r, Record::Checkpoint { sequence_number, .. } if Some(*sequence_number) == last)
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests;
