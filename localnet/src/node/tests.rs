//! The node: a failing log, one node per data directory, added latency.

use std::time::Duration;

use super::*;
use crate::genesis;
use crate::txb;

fn node(dir: &std::path::Path) -> Node {
    Node::start(NodeConfig {
        data_dir: Some(dir.to_path_buf()),
        cadence: Cadence::Immediate,
        retain_checkpoints: None,
        compact_log_bytes: None,
        latency: Default::default(),
    })
    .unwrap()
}

/// A faucet transfer of one coin to `to` (the faucet coin at its current version).
fn transfer(n: &Node, to: u8) -> (Transaction, Vec<UserSignature>) {
    let to = sui_sdk_types::Address::new([to; 32]);
    txb::from_faucet(&n.read().unwrap().ledger, to, 1, 1_000).unwrap()
}

#[tokio::test]
async fn a_failed_log_stops_the_node_and_a_restart_keeps_what_is_durable() {
    let dir = tempfile::tempdir().unwrap();
    let n = node(dir.path());
    let (tx, sigs) = transfer(&n, 1);
    let kept = tx.digest();
    n.submit(tx, sigs).await.unwrap();

    crate::wal::failing::set(&dir.path().join("chain.wal"), true);
    let (tx, sigs) = transfer(&n, 2);
    let lost = tx.digest();
    let err = n.submit(tx, sigs).await.unwrap_err();
    assert!(
        matches!(&err, SubmitError::Unavailable(m) if m.contains("write-ahead log failed")),
        "{err}"
    );
    // Its memory holds a transaction the log does not: nothing may be read or added now.
    let f = n.read().err().expect("reads are refused");
    assert!(f.to_string().contains("injected write failure"), "{f}");
    let (tx, sigs) = any_transfer();
    assert!(matches!(
        n.submit(tx.clone(), sigs).await,
        Err(SubmitError::Unavailable(m)) if m.contains("restart it")
    ));
    assert!(n.simulate(tx).is_err());
    drop(n);

    crate::wal::failing::set(&dir.path().join("chain.wal"), false);
    let n = node(dir.path());
    let st = n.read().unwrap();
    assert!(
        st.chain.txs.contains_key(&kept),
        "the acknowledged one survives"
    );
    assert!(!st.chain.txs.contains_key(&lost), "the failed one is gone");
}

#[tokio::test]
async fn a_data_directory_serves_one_node_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let first = node(dir.path());
    let (tx, sigs) = transfer(&first, 1);
    first.submit(tx, sigs).await.unwrap();
    let log = std::fs::read(dir.path().join("chain.wal")).unwrap();
    let err = Node::start(NodeConfig {
        data_dir: Some(dir.path().to_path_buf()),
        cadence: Cadence::Immediate,
        retain_checkpoints: None,
        compact_log_bytes: None,
        latency: Default::default(),
    })
    .err()
    .expect("a second node on the same directory is refused");
    let msg = err.to_string();
    assert!(msg.contains("in use by another localnet"), "{msg}");
    assert!(
        msg.contains(&dir.path().join("LOCK").display().to_string()),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("chain.wal")).unwrap(),
        log,
        "the refused one wrote nothing"
    );
    // Once the first is gone (its commit thread ends), the directory is free again.
    drop(first);
    let again = node(dir.path());
    assert_eq!(again.read().unwrap().chain.txs.len(), 1);
}

#[tokio::test]
async fn added_latency_delays_effects_and_the_stream_but_not_the_store() {
    let latency = Latency {
        effects: Duration::from_millis(150),
        stream: Duration::from_millis(250),
        reads: Duration::ZERO,
    };
    let n = Node::start(NodeConfig {
        cadence: Cadence::Immediate,
        latency,
        ..NodeConfig::default()
    })
    .unwrap();
    let mut stream = n.subscribe();
    let mut digests = Vec::new();
    for to in 1..=3 {
        let (tx, sigs) = transfer(&n, to);
        let t = Instant::now();
        let c = n.submit(tx, sigs).await.unwrap();
        assert!(t.elapsed() >= latency.effects, "effects waited");
        // Readable at once (the store is ahead of the stream) ...
        let seq = c.checkpoint.expect("immediate cadence");
        assert!(n.read().unwrap().chain.checkpoint(seq).is_some());
        digests.push((seq, c.executed.digest, t));
    }
    // ... and streamed, in order, no sooner than the stream latency after they formed.
    for (seq, digest, submitted) in digests {
        let cp = stream.recv().await.unwrap();
        assert_eq!(cp.summary.sequence_number, seq);
        assert_eq!(cp.transactions[0].digest, digest);
        assert!(submitted.elapsed() >= latency.stream);
    }
}

#[tokio::test]
async fn lagging_reads_trail_the_effects_and_the_stream_waits_for_them() {
    let lag = Duration::from_millis(300);
    let n = Node::start(NodeConfig {
        cadence: Cadence::Immediate,
        latency: Latency::lagging_reads(lag),
        ..NodeConfig::default()
    })
    .unwrap();
    let mut stream = n.subscribe();
    let to = sui_sdk_types::Address::new([1; 32]);
    let (tx, sigs) = transfer(&n, 1);
    let faucet_coin = genesis::faucet_coin_id();
    let before = n.read().unwrap().readable().object(&faucet_coin).unwrap();
    let t = Instant::now();
    let c = n.submit(tx, sigs).await.unwrap();
    assert!(t.elapsed() < lag, "effects are not delayed");
    {
        let st = n.read().unwrap();
        let seq = c.checkpoint.expect("immediate cadence");
        let entry = &st.chain.txs[&c.executed.digest];
        // Executed (live) but not readable: the coin created is not found, the gas coin is at
        // its old version, the owner lists nothing, the transaction and its checkpoint are not
        // found, and the Clock shows the old time.
        assert_eq!(st.ledger.balance(&to), (1_000, 1), "live state has it");
        assert_eq!(st.readable().balance(&to), (0, 0), "reads do not yet");
        assert!(st.readable().owned_by(&to).is_empty());
        let gas = st.readable().object(&faucet_coin).unwrap();
        assert_eq!(gas.version(), before.version(), "old version read back");
        assert!(st.ledger.object(&faucet_coin).unwrap().version() > gas.version());
        assert!(!st.is_readable(entry));
        assert!(st.readable_checkpoint() < seq);
        assert!(st.latest_readable().unwrap().summary.sequence_number < seq);
    }
    // The stream delivers the checkpoint only once its effects are readable.
    let cp = stream.recv().await.unwrap();
    assert!(t.elapsed() >= lag);
    assert_eq!(cp.transactions[0].digest, c.executed.digest);
    let st = n.read().unwrap();
    assert_eq!(st.readable().balance(&to), (1_000, 1));
    assert!(st.is_readable(&st.chain.txs[&c.executed.digest]));
    assert_eq!(
        st.readable().object(&faucet_coin),
        st.ledger.object(&faucet_coin),
        "the view caught up with the live state"
    );
    assert_eq!(st.readable().clock_ms, st.ledger.clock_ms);
}

/// A signed transfer (its gas reference does not matter: it is refused before any check).
fn any_transfer() -> (Transaction, Vec<UserSignature>) {
    let gas = sui_sdk_types::ObjectReference::new(
        genesis::faucet_coin_id(),
        1,
        sui_sdk_types::Digest::ZERO,
    );
    txb::transfer_coins(
        &genesis::faucet_key(),
        &gas,
        sui_sdk_types::Address::ZERO,
        1,
        1,
    )
}
