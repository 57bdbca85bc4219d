//! The chain's history: executed transactions and the checkpoints that group them. Pure data and
//! the rules for forming a checkpoint; the node drives it.

use std::collections::HashMap;
use std::sync::Arc;

use sui_sdk_types::{
    CheckpointContents, CheckpointSummary, CheckpointTransactionInfo, Digest, GasCostSummary,
};

use crate::exec::Executed;

/// A transaction and the checkpoint that holds it, once there is one.
#[derive(Debug, Clone)]
pub struct TxEntry {
    pub executed: Arc<Executed>,
    pub checkpoint: Option<u64>,
}

/// A formed checkpoint with its transactions, ready to serve and stream.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    pub summary: CheckpointSummary,
    pub contents: CheckpointContents,
    pub digest: Digest,
    pub transactions: Vec<Arc<Executed>>,
}

#[derive(Debug, Default)]
pub struct Chain {
    pub txs: HashMap<Digest, TxEntry>,
    pub checkpoints: Vec<Arc<Checkpoint>>,
    /// Executed, not yet in a checkpoint (in execution order).
    pub unchecked: Vec<Arc<Executed>>,
    total_txs: u64,
    rolling_gas: GasCostSummary,
}

impl Chain {
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
        self.checkpoints.last()
    }

    /// Closes a checkpoint over every unchecked transaction (possibly none).
    pub fn form_checkpoint(&mut self, timestamp_ms: u64) -> Arc<Checkpoint> {
        let txs = std::mem::take(&mut self.unchecked);
        let sequence_number = self.checkpoints.len() as u64;
        let contents = CheckpointContents::new_v1(
            txs.iter()
                .map(|e| {
                    CheckpointTransactionInfo::new(
                        e.digest,
                        e.effects.digest(),
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
            content_digest: contents.digest(),
            previous_digest: self.latest().map(|c| c.digest),
            epoch_rolling_gas_cost_summary: self.rolling_gas.clone(),
            timestamp_ms,
            checkpoint_commitments: vec![],
            end_of_epoch_data: None,
            version_specific_data: vec![],
        };
        let digest = summary.digest();
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
        self.checkpoints.push(cp.clone());
        cp
    }

    /// The chain identifier: the digest of checkpoint 0, as on Sui.
    pub fn chain_id(&self) -> Option<Digest> {
        self.checkpoints.first().map(|c| c.digest)
    }
}
