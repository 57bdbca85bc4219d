//! The chain's history: executed transactions and the checkpoints that group them. Pure data and
//! the rules for forming a checkpoint; the node drives it. With a retention limit, checkpoints
//! older than the last `retain` (and their transactions) are pruned from memory, as a pruning Sui
//! fullnode does; the write-ahead log still holds them.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use sui_sdk_types::{
    CheckpointContents, CheckpointSummary, CheckpointTransactionInfo, Digest, GasCostSummary,
};

use crate::exec::Executed;
use dtp_protocol::digest::Salted;

/// A transaction and the checkpoint that holds it, once there is one.
#[derive(Debug, Clone)]
pub struct TxEntry {
    pub executed: Arc<Executed>,
    pub checkpoint: Option<u64>,
}

/// A formed checkpoint with its transactions, ready to serve and stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub summary: CheckpointSummary,
    pub contents: CheckpointContents,
    pub digest: Digest,
    pub transactions: Vec<Arc<Executed>>,
}

#[derive(Debug, Default)]
pub struct Chain {
    pub txs: HashMap<Digest, TxEntry>,
    /// The checkpoints still held, from [`Chain::lowest`] up.
    checkpoints: VecDeque<Arc<Checkpoint>>,
    /// Sequence number of the first held checkpoint (0 until something is pruned).
    lowest: u64,
    /// Checkpoints to keep (`None`: all).
    retain: Option<u64>,
    chain_id: Option<Digest>,
    /// Checkpoint 0's timestamp: the epoch's start.
    started_ms: Option<u64>,
    /// Executed, not yet in a checkpoint (in execution order).
    pub unchecked: Vec<Arc<Executed>>,
    total_txs: u64,
    rolling_gas: GasCostSummary,
}

impl Chain {
    /// A chain that keeps only its last `retain` checkpoints (`None`: all; at least 1).
    pub fn with_retention(retain: Option<u64>) -> Chain {
        Chain {
            retain: retain.map(|r| r.max(1)),
            ..Chain::default()
        }
    }

    /// Checkpoints formed so far (the next sequence number).
    pub fn len(&self) -> u64 {
        self.lowest + self.checkpoints.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lowest checkpoint still held (older ones are pruned).
    pub fn lowest(&self) -> u64 {
        self.lowest
    }

    /// Checkpoint `seq`, if formed and not pruned.
    pub fn checkpoint(&self, seq: u64) -> Option<&Arc<Checkpoint>> {
        self.checkpoints
            .get(usize::try_from(seq.checked_sub(self.lowest)?).ok()?)
    }

    /// The held checkpoint with this digest.
    pub fn checkpoint_by_digest(&self, d: &Digest) -> Option<&Arc<Checkpoint>> {
        self.checkpoints.iter().find(|c| &c.digest == d)
    }

    pub fn record(&mut self, e: Arc<Executed>) {
        self.txs.insert(
            e.digest,
            TxEntry {
                executed: e.clone(),
                checkpoint: None,
            },
        );
        self.unchecked.push(e);
    }

    pub fn latest(&self) -> Option<&Arc<Checkpoint>> {
        self.checkpoints.back()
    }

    /// Closes a checkpoint over every unchecked transaction (possibly none).
    pub fn form_checkpoint(&mut self, timestamp_ms: u64) -> Arc<Checkpoint> {
        let txs = std::mem::take(&mut self.unchecked);
        let sequence_number = self.len();
        let contents = CheckpointContents::new_v1(
            txs.iter()
                .map(|e| {
                    CheckpointTransactionInfo::new(
                        e.digest,
                        e.effects.bcs_digest(),
                        e.signatures.clone(),
                    )
                })
                .collect(),
        );
        for e in &txs {
            let g = e.effects.gas_summary();
            self.rolling_gas.computation_cost += g.computation_cost;
            self.rolling_gas.storage_cost += g.storage_cost;
            self.rolling_gas.storage_rebate += g.storage_rebate;
            self.rolling_gas.non_refundable_storage_fee += g.non_refundable_storage_fee;
        }
        self.total_txs += txs.len() as u64;
        let timestamp_ms =
            timestamp_ms.max(self.latest().map(|c| c.summary.timestamp_ms).unwrap_or(0));
        let summary = CheckpointSummary {
            epoch: 0,
            sequence_number,
            network_total_transactions: self.total_txs,
            content_digest: contents.bcs_digest(),
            previous_digest: self.latest().map(|c| c.digest),
            epoch_rolling_gas_cost_summary: self.rolling_gas.clone(),
            timestamp_ms,
            checkpoint_commitments: vec![],
            end_of_epoch_data: None,
            version_specific_data: vec![],
        };
        let digest = summary.bcs_digest();
        for e in &txs {
            if let Some(t) = self.txs.get_mut(&e.digest) {
                t.checkpoint = Some(sequence_number);
            }
        }
        let cp = Arc::new(Checkpoint {
            summary,
            contents,
            digest,
            transactions: txs,
        });
        self.chain_id.get_or_insert(digest);
        self.started_ms.get_or_insert(timestamp_ms);
        self.checkpoints.push_back(cp.clone());
        self.prune();
        cp
    }

    /// Drops the checkpoints beyond the retention limit, and their transactions.
    fn prune(&mut self) {
        let Some(retain) = self.retain else { return };
        while self.checkpoints.len() as u64 > retain {
            let Some(old) = self.checkpoints.pop_front() else {
                break;
            };
            for e in &old.transactions {
                self.txs.remove(&e.digest);
            }
            self.lowest += 1;
        }
    }

    /// The chain identifier: the digest of checkpoint 0, as on Sui (kept when 0 is pruned).
    pub fn chain_id(&self) -> Option<Digest> {
        self.chain_id
    }

    /// Checkpoint 0's timestamp (the start of the localnet's only epoch).
    pub fn started_ms(&self) -> Option<u64> {
        self.started_ms
    }

    /// Keeps only the last `retain` checkpoints from now on (`None`: all), pruning at once.
    pub fn set_retention(&mut self, retain: Option<u64>) {
        self.retain = retain.map(|r| r.max(1));
        self.prune();
    }
}

/// What a snapshot keeps of the chain: the held checkpoints (with their transactions), the
/// unchecked transactions and the running totals. The transaction index is rebuilt on load; the
/// retention limit is the loader's to set ([`Chain::set_retention`]).
type ChainImage = (
    u64,
    Option<Digest>,
    Option<u64>,
    u64,
    GasCostSummary,
    VecDeque<Arc<Checkpoint>>,
    Vec<Arc<Executed>>,
);

impl Serialize for Chain {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (
            self.lowest,
            self.chain_id,
            self.started_ms,
            self.total_txs,
            &self.rolling_gas,
            &self.checkpoints,
            &self.unchecked,
        )
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Chain {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Chain, D::Error> {
        let (lowest, chain_id, started_ms, total_txs, rolling_gas, checkpoints, unchecked) =
            ChainImage::deserialize(d)?;
        let mut txs = HashMap::new();
        for cp in &checkpoints {
            for e in &cp.transactions {
                let checkpoint = Some(cp.summary.sequence_number);
                let executed = e.clone();
                txs.insert(
                    e.digest,
                    TxEntry {
                        executed,
                        checkpoint,
                    },
                );
            }
        }
        for e in &unchecked {
            let executed = e.clone();
            txs.insert(
                e.digest,
                TxEntry {
                    executed,
                    checkpoint: None,
                },
            );
        }
        Ok(Chain {
            txs,
            checkpoints,
            lowest,
            retain: None,
            chain_id,
            started_ms,
            unchecked,
            total_txs,
            rolling_gas,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_prunes_old_checkpoints_and_their_transactions() {
        let mut c = Chain::with_retention(Some(3));
        for t in 0..5 {
            c.form_checkpoint(t);
        }
        assert_eq!((c.len(), c.lowest()), (5, 2));
        assert!(c.checkpoint(1).is_none(), "pruned");
        assert_eq!(c.checkpoint(2).unwrap().summary.sequence_number, 2);
        assert_eq!(c.checkpoint(4).unwrap().summary.sequence_number, 4);
        assert!(c.checkpoint(5).is_none(), "not formed yet");
        assert!(c.chain_id().is_some(), "the chain id outlives checkpoint 0");
        let all = Chain::with_retention(None);
        assert_eq!(all.lowest(), 0);
    }
}
