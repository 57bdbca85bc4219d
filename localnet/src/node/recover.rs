//! Starting on a data directory: its lock (one node per directory), the snapshot, and the replay
//! of the log after it.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sui_sdk_types::{Transaction, UserSignature};

use super::commit::Compaction;
use super::{NodeConfig, StartError, State};
use crate::chain::Chain;
use crate::exec;
use crate::ledger::Ledger;
use crate::snapshot;
use crate::wal::{Record, Wal};

/// What a start found in its data directory.
pub(super) struct Opened {
    pub state: State,
    pub wal: Wal,
    pub compaction: Option<Compaction>,
    /// Held by the commit thread for the node's life.
    pub lock: File,
}

/// Takes the data directory's lock, loads the snapshot (if any) and replays the log after it.
pub(super) fn open(dir: &Path, config: &NodeConfig) -> Result<Opened, StartError> {
    std::fs::create_dir_all(dir).map_err(|source| StartError::DataDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let lock = lock_data_dir(dir)?;
    let mut state = State::new(
        Ledger::genesis(),
        Chain::with_retention(config.retain_checkpoints),
    );
    let loaded = snapshot::read(dir, config.retain_checkpoints)?;
    let from_snapshot = loaded.is_some();
    if let Some(s) = loaded {
        tracing::info!(
            checkpoints = s.chain.len(),
            objects = s.ledger.len(),
            "loaded the snapshot"
        );
        state = State::new(s.ledger, s.chain);
    }
    let (wal, records, tail) = Wal::open(&dir.join("chain.wal"))?;
    if tail.cut_bytes > 0 {
        tracing::warn!(
            cut_bytes = tail.cut_bytes,
            "cut a torn tail off the write-ahead log"
        );
    }
    let skip = match from_snapshot {
        true => snapshot::covered(&records, state.chain.len()),
        false => 0,
    };
    replay(&mut state, &records, skip)?;
    tracing::info!(
        records = records.len() - skip,
        checkpoints = state.chain.len(),
        "replayed the write-ahead log"
    );
    let compaction = config.compact_log_bytes.map(|min| Compaction {
        dir: dir.to_path_buf(),
        min,
        last: std::fs::metadata(dir.join(snapshot::FILE)).map_or(0, |m| m.len()),
    });
    Ok(Opened {
        state,
        wal,
        compaction,
        lock,
    })
}

/// How long a start waits for the data directory's lock: a node of this process that was just
/// dropped releases it when its commit thread ends.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Takes the data directory's lock (held by the commit thread for the node's life): two nodes
/// appending to one log would corrupt it.
fn lock_data_dir(dir: &Path) -> Result<File, StartError> {
    let path = dir.join("LOCK");
    let file = File::create(&path).map_err(|source| StartError::DataDir {
        path: path.clone(),
        source,
    })?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10))
            }
            Err(std::fs::TryLockError::WouldBlock) => return Err(StartError::Locked { path }),
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StartError::DataDir { path, source })
            }
        }
    }
}

fn decode_record_tx(
    transaction: &[u8],
    signatures: &[Vec<u8>],
) -> Result<(Transaction, Vec<UserSignature>), String> {
    let tx = bcs::from_bytes(transaction).map_err(|e| format!("transaction: {e}"))?;
    let sigs = signatures
        .iter()
        .map(|s| UserSignature::from_bytes(s).map_err(|e| format!("signature: {e}")))
        .collect::<Result<_, _>>()?;
    Ok((tx, sigs))
}

/// Replays the log's records after the first `skip` (which a snapshot already holds).
fn replay(state: &mut State, records: &[Record], skip: usize) -> Result<(), StartError> {
    for (index, r) in records.iter().enumerate().skip(skip) {
        let fail = |reason: String| StartError::Replay { index, reason };
        match r {
            Record::Tx {
                transaction,
                signatures,
                timestamp_ms,
            } => {
                let (tx, sigs) = decode_record_tx(transaction, signatures).map_err(fail)?;
                // Its signatures were checked before it was logged, and the record's checksum
                // holds: verifying them again would double the time a restart takes.
                let e = exec::execute_verified(&mut state.ledger, tx, sigs, *timestamp_ms)
                    .map_err(|e| fail(e.to_string()))?;
                state.chain.record(Arc::new(e));
            }
            Record::Checkpoint {
                sequence_number,
                timestamp_ms,
                tx_count,
            } => {
                if state.chain.unchecked.len() as u64 != *tx_count
                    || state.chain.len() != *sequence_number
                {
                    return Err(fail(format!(
                        "checkpoint {sequence_number} does not match the replayed history"
                    )));
                }
                state.chain.form_checkpoint(*timestamp_ms);
            }
        }
    }
    Ok(())
}
