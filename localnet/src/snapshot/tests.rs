//! Snapshots through the node: taken and the log cut, a restart rebuilding the same state, the
//! crash window between the two, retention, and damaged files.

use std::path::Path;

use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_sdk_types::{Address, Digest};

use super::*;
use crate::node::{Cadence, Node, NodeConfig};
use crate::txb;

fn start(dir: &Path, compact: Option<u64>, retain: Option<u64>) -> Result<Node, String> {
    Node::start(NodeConfig {
        data_dir: Some(dir.to_path_buf()),
        cadence: Cadence::Immediate,
        retain_checkpoints: retain,
        compact_log_bytes: compact,
        latency: Default::default(),
    })
    .map_err(|e| e.to_string())
}

/// `n` faucet transfers, then a Host created by one of their recipients: coins, a shared Host and
/// its owned cap, each transaction in its own checkpoint.
async fn traffic(node: &Node, seed: u8, n: u8) {
    let key = Ed25519PrivateKey::new([seed; 32]);
    let me = key.public_key().derive_address();
    for i in 0..n {
        let to = if i == 0 { me } else { Address::new([i; 32]) };
        let (tx, sigs) =
            txb::from_faucet(&node.read().unwrap().ledger, to, 1, 1_000_000_000).unwrap();
        node.submit(tx, sigs).await.unwrap();
    }
    let gas = {
        let st = node.read().unwrap();
        let coin = st.ledger.owned_by(&me)[0];
        st.ledger.object_ref(&coin).unwrap()
    };
    let mut b = txb::builder(me, &gas, 50_000_000);
    crate::exec::tests::create_host_call(&mut b, "snap", 1);
    let (tx, sigs) = txb::sign(b, &key);
    node.submit(tx, sigs).await.unwrap();
}

/// Everything a restart must rebuild: the ledger (objects and indexes), the chain in its snapshot
/// form (held checkpoints, totals) and the transaction index (digest, checkpoint).
type Image = (Ledger, Vec<u8>, Vec<(Digest, Option<u64>)>);

fn image(node: &Node) -> Image {
    let st = node.read().unwrap();
    let mut txs: Vec<_> = st
        .chain
        .txs
        .iter()
        .map(|(d, t)| (*d, t.checkpoint))
        .collect();
    txs.sort();
    (st.ledger.clone(), bcs::to_bytes(&st.chain).unwrap(), txs)
}

fn log_len(dir: &Path) -> u64 {
    std::fs::metadata(dir.join("chain.wal")).unwrap().len()
}

#[tokio::test]
async fn a_snapshot_cuts_the_log_and_a_restart_rebuilds_the_same_state() {
    let (compacted, plain) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let node = start(compacted.path(), Some(1), None).unwrap();
    let other = start(plain.path(), None, None).unwrap();
    traffic(&node, 1, 6).await;
    traffic(&other, 1, 6).await;
    assert!(compacted.path().join(FILE).exists(), "a snapshot was taken");
    assert!(!plain.path().join(FILE).exists(), "none without compaction");
    assert!(
        log_len(compacted.path()) < log_len(plain.path()),
        "the log was cut: {} bytes against {}",
        log_len(compacted.path()),
        log_len(plain.path())
    );
    let before = image(&node);
    drop(node);

    let node = start(compacted.path(), Some(1), None).unwrap();
    assert!(image(&node) == before, "the same state after the restart");
    // And it goes on from there: versions and checkpoints continue.
    traffic(&node, 2, 2).await;
    let after = image(&node);
    drop(node);
    let node = start(compacted.path(), Some(1), None).unwrap();
    assert!(image(&node) == after);
    assert_eq!(node.read().unwrap().chain.len(), 1 + 7 + 3);
}

#[tokio::test]
async fn a_crash_between_the_snapshot_and_the_log_cut_replays_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let node = start(dir.path(), None, None).unwrap();
    traffic(&node, 1, 3).await;
    // The snapshot is written, then the process dies before the log is cut: the log still holds
    // every record the snapshot covers. Then more traffic lands in the log after it.
    {
        let st = node.read().unwrap();
        write(dir.path(), &st.ledger, &st.chain).unwrap();
    }
    traffic(&node, 2, 2).await;
    let before = image(&node);
    drop(node);

    let node = start(dir.path(), None, None).unwrap();
    assert!(
        image(&node) == before,
        "covered records skipped, later ones replayed"
    );
}

#[tokio::test]
async fn retention_holds_across_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let node = start(dir.path(), Some(1), Some(3)).unwrap();
    traffic(&node, 1, 6).await;
    let (len, lowest) = {
        let st = node.read().unwrap();
        (st.chain.len(), st.chain.lowest())
    };
    assert_eq!((len, lowest), (8, 5));
    let before = image(&node);
    drop(node);
    let node = start(dir.path(), Some(1), Some(3)).unwrap();
    assert!(image(&node) == before);
    // A tighter limit on restart prunes at once.
    drop(node);
    let node = start(dir.path(), Some(1), Some(1)).unwrap();
    let st = node.read().unwrap();
    assert_eq!((st.chain.len(), st.chain.lowest()), (8, 7));
    assert_eq!(
        st.chain.txs.len(),
        1,
        "only the held checkpoint's transaction"
    );
}

#[tokio::test]
async fn a_damaged_snapshot_stops_the_start_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let node = start(dir.path(), Some(1), None).unwrap();
    traffic(&node, 1, 2).await;
    drop(node);
    let path = dir.path().join(FILE);
    let good = std::fs::read(&path).unwrap();
    let damage: [(&str, Vec<u8>); 4] = [
        ("checksum does not match", {
            let mut b = good.clone();
            let last = b.len() - 1;
            b[last] ^= 1;
            b
        }),
        ("where its header says", good[..good.len() - 10].to_vec()),
        ("snapshot marker", b"NOTASNAPSHOT".to_vec()),
        ("shorter than its header", good[..12].to_vec()),
    ];
    for (want, bytes) in damage {
        std::fs::write(&path, &bytes).unwrap();
        let log = std::fs::read(dir.path().join("chain.wal")).unwrap();
        let err = start(dir.path(), Some(1), None).err().expect("refused");
        assert!(err.contains(want), "{want}: {err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "left as it was");
        assert_eq!(std::fs::read(dir.path().join("chain.wal")).unwrap(), log);
    }
    // Restored, it starts again.
    std::fs::write(&path, &good).unwrap();
    start(dir.path(), Some(1), None).unwrap();
}

#[tokio::test]
async fn an_interrupted_snapshot_write_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let node = start(dir.path(), Some(1), None).unwrap();
    traffic(&node, 1, 2).await;
    let before = image(&node);
    drop(node);
    std::fs::write(dir.path().join(TMP), b"half a snap").unwrap();
    let node = start(dir.path(), Some(1), None).unwrap();
    assert!(image(&node) == before);
    assert!(!dir.path().join(TMP).exists(), "the leftover is removed");
}

#[test]
fn covered_counts_records_through_the_last_covered_checkpoint() {
    let tx = || Record::Tx {
        transaction: vec![1],
        signatures: vec![],
        timestamp_ms: 0,
    };
    let cp = |sequence_number| Record::Checkpoint {
        sequence_number,
        timestamp_ms: 0,
        tx_count: 1,
    };
    let log = vec![cp(0), tx(), cp(1), tx(), cp(2), tx()];
    assert_eq!(covered(&log, 2), 3, "through checkpoint 1");
    assert_eq!(covered(&log, 3), 5, "through checkpoint 2");
    assert_eq!(covered(&log, 9), 0, "a cut log starts after the snapshot");
    assert_eq!(covered(&log, 0), 0);
    assert_eq!(covered(&[], 4), 0);
}
