//! The write-ahead log: an append-only file of checksummed records, written and fsynced before a
//! transaction is acknowledged. A record is `len: u32 LE | crc32(payload): u32 LE | payload`
//! with `payload = bcs(Record)`. On open, reading stops at the first record that is short or
//! fails its checksum, and the file is cut there: a torn tail (a crash mid-write) is dropped and
//! everything before it is kept.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One logged event of the chain. Replaying the records in order rebuilds the exact state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Record {
    /// An executed transaction: its BCS, its signatures' BCS and the clock time it ran at.
    Tx {
        transaction: Vec<u8>,
        signatures: Vec<Vec<u8>>,
        timestamp_ms: u64,
    },
    /// A checkpoint closing the `tx_count` transactions executed since the previous one.
    Checkpoint {
        sequence_number: u64,
        timestamp_ms: u64,
        tx_count: u64,
    },
}

/// Largest accepted record (a transaction is at most 128 KiB).
const MAX_RECORD: u32 = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum WalError {
    #[error("write-ahead log {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub struct Wal {
    file: File,
    path: PathBuf,
    buf: Vec<u8>,
    /// Bytes durable in the file.
    len: u64,
}

impl Wal {
    /// Opens (or creates) the log, returning it and every whole record in it. A torn tail is cut.
    pub fn open(path: &Path) -> Result<(Wal, Vec<Record>, TailReport), WalError> {
        let io = |source| WalError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let (records, good) = read_records(BufReader::new(&mut file)).map_err(io)?;
        let report = TailReport {
            cut_bytes: len - good,
        };
        if good < len {
            file.set_len(good).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        Ok((
            Wal {
                file,
                path: path.to_path_buf(),
                buf: Vec::new(),
                len: good,
            },
            records,
            report,
        ))
    }

    /// Buffers a record; nothing is durable until [`Wal::sync`].
    pub fn append(&mut self, r: &Record) {
        let payload = bcs::to_bytes(r).expect("records serialise");
        self.buf
            .extend_from_slice(&(payload.len() as u32).to_le_bytes());
        self.buf
            .extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        self.buf.extend_from_slice(&payload);
    }

    /// Writes the buffered records and fsyncs: one sync for a whole group of transactions.
    pub fn sync(&mut self) -> Result<(), WalError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let io = |source| WalError::Io {
            path: self.path.clone(),
            source,
        };
        #[cfg(test)]
        if failing::is(&self.path) {
            return Err(io(std::io::Error::other("injected write failure")));
        }
        self.file.write_all(&self.buf).map_err(io)?;
        self.file.sync_data().map_err(io)?;
        self.len += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Bytes durable in the log.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Empties the log (a snapshot holds everything in it); nothing may be buffered.
    pub fn reset(&mut self) -> Result<(), WalError> {
        debug_assert!(self.buf.is_empty(), "reset after a sync");
        let io = |source| WalError::Io {
            path: self.path.clone(),
            source,
        };
        self.file.set_len(0).map_err(io)?;
        self.file.sync_all().map_err(io)?;
        self.len = 0;
        Ok(())
    }
}

/// What opening the log found at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TailReport {
    /// Bytes of a torn or corrupt tail that were cut (0 when the log ended cleanly).
    pub cut_bytes: u64,
}

/// Reads whole records; returns them and the byte offset after the last good one.
fn read_records(mut r: impl Read) -> std::io::Result<(Vec<Record>, u64)> {
    let mut out = Vec::new();
    let mut good = 0u64;
    loop {
        let mut head = [0u8; 8];
        if !read_full(&mut r, &mut head)? {
            break;
        }
        let len = u32::from_le_bytes(head[..4].try_into().unwrap());
        let crc = u32::from_le_bytes(head[4..].try_into().unwrap());
        if len > MAX_RECORD {
            break;
        }
        let mut payload = vec![0u8; len as usize];
        if !read_full(&mut r, &mut payload)? || crc32fast::hash(&payload) != crc {
            break;
        }
        let Ok(rec) = bcs::from_bytes::<Record>(&payload) else {
            break;
        };
        out.push(rec);
        good += 8 + len as u64;
    }
    Ok((out, good))
}

/// Fills `buf`; false if the input ended first.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => return Ok(false),
            k => n += k,
        }
    }
    Ok(true)
}

/// Test hook: logs at these paths fail to write (a full or broken disk).
#[cfg(test)]
pub(crate) mod failing {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    static PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    pub fn set(path: &Path, failing: bool) {
        let mut p = PATHS.lock().unwrap();
        p.retain(|x| x != path);
        if failing {
            p.push(path.to_path_buf());
        }
    }

    pub fn is(path: &Path) -> bool {
        PATHS.lock().unwrap().iter().any(|x| x == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(n: u8) -> Record {
        Record::Tx {
            transaction: vec![n; 40],
            signatures: vec![vec![n; 5]],
            timestamp_ms: n as u64,
        }
    }

    #[test]
    fn records_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal");
        let (mut w, recs, _) = Wal::open(&path).unwrap();
        assert!(recs.is_empty());
        w.append(&tx(1));
        w.append(&Record::Checkpoint {
            sequence_number: 0,
            timestamp_ms: 5,
            tx_count: 1,
        });
        w.sync().unwrap();
        drop(w);
        let (_, recs, tail) = Wal::open(&path).unwrap();
        assert_eq!(
            recs,
            vec![
                tx(1),
                Record::Checkpoint {
                    sequence_number: 0,
                    timestamp_ms: 5,
                    tx_count: 1
                }
            ]
        );
        assert_eq!(tail.cut_bytes, 0);
    }

    #[test]
    fn a_torn_tail_is_cut_at_the_last_whole_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal");
        let (mut w, _, _) = Wal::open(&path).unwrap();
        w.append(&tx(1));
        w.append(&tx(2));
        w.sync().unwrap();
        drop(w);
        let full = std::fs::metadata(&path).unwrap().len();
        // Cut the second record in half, as a crash during write would.
        let f = OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(full - 20).unwrap();
        drop(f);
        let (mut w, recs, tail) = Wal::open(&path).unwrap();
        assert_eq!(recs, vec![tx(1)]);
        assert!(tail.cut_bytes > 0);
        // Appending after the cut yields a clean log.
        w.append(&tx(3));
        w.sync().unwrap();
        drop(w);
        let (_, recs, tail) = Wal::open(&path).unwrap();
        assert_eq!(recs, vec![tx(1), tx(3)]);
        assert_eq!(tail.cut_bytes, 0);
    }

    #[test]
    fn a_corrupt_record_ends_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal");
        let (mut w, _, _) = Wal::open(&path).unwrap();
        w.append(&tx(1));
        w.append(&tx(2));
        w.sync().unwrap();
        drop(w);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0xff;
        std::fs::write(&path, &bytes).unwrap();
        let (_, recs, tail) = Wal::open(&path).unwrap();
        assert_eq!(recs, vec![tx(1)]);
        assert!(tail.cut_bytes > 0);
    }
}
