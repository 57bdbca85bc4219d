//! What a restart costs after the on-disk run: replaying its log, then a snapshot and a restart
//! from it.

use std::time::Instant;

use dtp_localnet::node::Cadence;

/// A node on the on-disk run's data directory (its snapshot, then its log).
fn start_on(data: &std::path::Path) -> dtp_localnet::node::Node {
    dtp_localnet::node::Node::start(dtp_localnet::node::NodeConfig {
        data_dir: Some(data.to_path_buf()),
        cadence: Cadence::Immediate,
        retain_checkpoints: None,
        compact_log_bytes: None,
        latency: Default::default(),
    })
    .expect("the data directory loads")
}

/// A restart replays the on-disk run's log: how long it takes, per logged transaction.
pub fn restart(data: &std::path::Path) {
    let t = Instant::now();
    let node = start_on(data);
    let took = t.elapsed();
    let txs = node.read().expect("readable").chain.txs.len();
    let log = std::fs::metadata(data.join("chain.wal")).map_or(0, |m| m.len());
    println!(
        "restart: replayed {txs} transactions ({:.1} MB of log) in {took:.2?} ({:.0} tx/s)",
        log as f64 / 1e6,
        txs as f64 / took.as_secs_f64()
    );
    from_snapshot(data, node);
}

/// Takes a snapshot of the replayed state and cuts the log (as compaction does), then restarts
/// from the snapshot: the cost of a snapshot and what it saves a restart.
fn from_snapshot(data: &std::path::Path, node: dtp_localnet::node::Node) {
    let t = Instant::now();
    let bytes = {
        let st = node.read().expect("readable");
        dtp_localnet::snapshot::write(data, &st.ledger, &st.chain).expect("the snapshot writes")
    };
    let wrote = t.elapsed();
    drop(node);
    std::fs::OpenOptions::new()
        .write(true)
        .open(data.join("chain.wal"))
        .and_then(|f| f.set_len(0))
        .expect("the log is cut");
    let t = Instant::now();
    let node = start_on(data);
    let took = t.elapsed();
    let txs = node.read().expect("readable").chain.txs.len();
    println!(
        "snapshot: {:.1} MB written in {wrote:.2?}; a restart from it took {took:.2?} ({:.0} tx/s of history)",
        bytes as f64 / 1e6,
        txs as f64 / took.as_secs_f64()
    );
}
