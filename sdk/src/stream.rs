//! The dtp event stream: checkpoints from a cursor, gap-free across reconnects. It works on every
//! Sui network because it only uses what a Sui 1.60 node serves: SubscribeCheckpoints for the live
//! tail and GetCheckpoint to backfill, with the checkpoint sequence number as the cursor.

use std::time::Duration;

use dtp_protocol::Event;
use futures::{Stream, StreamExt};
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest};
use tokio::sync::mpsc;

use crate::backoff::Backoff;
use crate::client::Client;
use crate::error::{Error, Result};

/// What the stream asks of each checkpoint: its number and time, and of each transaction its
/// digest and its events' types and contents (nothing else is converted or sent).
const MASK: &str = "sequence_number,summary.timestamp,transactions.digest,\
    transactions.events.events.event_type,transactions.events.events.contents";

/// The first and the longest delay before reconnecting the stream.
const RECONNECT_FIRST: Duration = Duration::from_millis(100);
const RECONNECT_MAX: Duration = Duration::from_secs(5);

/// How one connection of [`Client::follow`] ended.
enum Ended {
    /// The receiver is gone: stop.
    Gone,
    /// An error; `connected`: the subscription had come up first (a successful reconnect).
    Failed { connected: bool, error: Error },
}

/// What follows a connection's end: `None` to stop, else the delay before reconnecting. A
/// connection that came up starts the backoff again, so one long outage does not slow every
/// later reconnect.
fn reconnect_delay(ended: Ended, next: u64, backoff: &mut Backoff) -> Option<Duration> {
    match ended {
        Ended::Gone => None,
        Ended::Failed {
            error: e @ Error::Pruned { .. },
            ..
        } => {
            tracing::error!(error = %e, "the checkpoint stream ends");
            None
        }
        Ended::Failed { connected, error } => {
            if connected {
                backoff.reset();
            }
            tracing::warn!(%error, next, "checkpoint stream interrupted; reconnecting");
            Some(backoff.next_delay())
        }
    }
}

/// One dtp event with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEvent {
    /// The checkpoint that includes it.
    pub checkpoint: u64,
    /// The checkpoint's timestamp (ms).
    pub timestamp_ms: u64,
    /// The transaction that emitted it.
    pub tx_digest: Digest,
    /// Position of the event in its transaction.
    pub index: usize,
    /// The event.
    pub event: Event,
}

/// Every dtp event of one checkpoint (possibly none): persist `sequence_number` as the cursor once
/// they are handled, and resume from `sequence_number + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointEvents {
    /// The checkpoint's sequence number (the cursor).
    pub sequence_number: u64,
    /// The checkpoint's timestamp (ms).
    pub timestamp_ms: u64,
    /// Its dtp events, in order.
    pub events: Vec<ChainEvent>,
}

fn to_events(package: Address, cp: &pb::Checkpoint) -> Result<CheckpointEvents> {
    let seq = cp.sequence_number();
    let ts = cp
        .summary()
        .timestamp
        .map(|t| t.seconds as u64 * 1000 + t.nanos as u64 / 1_000_000)
        .unwrap_or(0);
    let mut events = Vec::new();
    for t in &cp.transactions {
        let digest: Digest = t.digest().parse().map_err(|e| Error::Decode {
            what: "transaction digest".into(),
            reason: format!("{e}"),
        })?;
        for (index, event) in crate::outcome::proto_events(package, &t.events().events)?
            .into_iter()
            .enumerate()
        {
            events.push(ChainEvent {
                checkpoint: seq,
                timestamp_ms: ts,
                tx_digest: digest,
                index,
                event,
            });
        }
    }
    Ok(CheckpointEvents {
        sequence_number: seq,
        timestamp_ms: ts,
        events,
    })
}

impl Client {
    /// The latest checkpoint sequence number.
    pub async fn latest_checkpoint(&self) -> Result<u64> {
        Ok(self.checkpoint_range().await?.1)
    }

    /// The checkpoints the node holds: (lowest available, latest). A pruning node has dropped
    /// those below the lowest.
    pub async fn checkpoint_range(&self) -> Result<(u64, u64)> {
        let info = self
            .rpc()
            .ledger_client()
            .get_service_info(pb::GetServiceInfoRequest::default())
            .await
            .map_err(Error::rpc)?
            .into_inner();
        Ok((info.lowest_available_checkpoint(), info.checkpoint_height()))
    }

    /// Checkpoint `seq`, with the fields of `mask`.
    pub(crate) async fn get_checkpoint(&self, seq: u64, mask: &str) -> Result<pb::Checkpoint> {
        let req = pb::GetCheckpointRequest::by_sequence_number(seq)
            .with_read_mask(FieldMask::from_str(mask));
        Ok(self
            .rpc()
            .ledger_client()
            .get_checkpoint(req)
            .await
            .map_err(Error::rpc)?
            .into_inner()
            .checkpoint
            .unwrap_or_default())
    }

    /// The dtp events of checkpoint `seq`.
    pub async fn checkpoint_events(&self, seq: u64) -> Result<CheckpointEvents> {
        to_events(self.package(), &self.get_checkpoint(seq, MASK).await?)
    }

    /// Checkpoints from `from` on, in order, each exactly once, forever: backfills what it missed
    /// and reconnects on errors (with backoff). The stream ends when dropped, or when the next
    /// checkpoint is pruned on the node (it fell behind a pruning node's history: it cannot go on
    /// without a gap; start again from what is current).
    pub fn follow(&self, from: u64) -> impl Stream<Item = CheckpointEvents> + Send + 'static {
        let (tx, rx) = mpsc::channel(256);
        let client = self.clone();
        tokio::spawn(async move {
            let mut next = from;
            let mut backoff = Backoff::new(RECONNECT_FIRST, RECONNECT_MAX);
            loop {
                let ended = client.follow_once(&mut next, &tx).await;
                match reconnect_delay(ended, next, &mut backoff) {
                    Some(delay) => tokio::time::sleep(delay).await,
                    None => return,
                }
            }
        });
        tokio_stream::wrappers::ReceiverStream::new(rx)
    }

    /// Subscribe, backfill up to the live tail, then follow it, until an error or until the
    /// receiver is gone.
    async fn follow_once(&self, next: &mut u64, tx: &mpsc::Sender<CheckpointEvents>) -> Ended {
        let req =
            pb::SubscribeCheckpointsRequest::default().with_read_mask(FieldMask::from_str(MASK));
        let live = match self
            .rpc()
            .subscription_client()
            .subscribe_checkpoints(req)
            .await
        {
            Ok(live) => live.into_inner(),
            Err(s) => {
                return Ended::Failed {
                    connected: false,
                    error: Error::rpc(s),
                }
            }
        };
        match self.backfill_and_tail(live, next, tx).await {
            Ok(()) => Ended::Gone,
            Err(error) => Ended::Failed {
                connected: true,
                error,
            },
        }
    }

    /// [`Client::follow_once`] once subscribed. `Ok(())` when the receiver is gone.
    async fn backfill_and_tail(
        &self,
        mut live: tonic::Streaming<pb::SubscribeCheckpointsResponse>,
        next: &mut u64,
        tx: &mpsc::Sender<CheckpointEvents>,
    ) -> Result<()> {
        let (lowest, latest) = self.checkpoint_range().await?;
        if *next < lowest {
            return Err(Error::Pruned {
                next: *next,
                lowest,
            });
        }
        while *next <= latest {
            let cp = self.checkpoint_events(*next).await?;
            if tx.send(cp).await.is_err() {
                return Ok(());
            }
            *next += 1;
        }
        while let Some(msg) = live.next().await {
            let msg = msg.map_err(Error::rpc)?;
            let seq = msg
                .cursor
                .unwrap_or_else(|| msg.checkpoint().sequence_number());
            if seq < *next {
                continue;
            }
            while *next < seq {
                let cp = self.checkpoint_events(*next).await?;
                if tx.send(cp).await.is_err() {
                    return Ok(());
                }
                *next += 1;
            }
            let cp = to_events(self.package(), msg.checkpoint())?;
            if tx.send(cp).await.is_err() {
                return Ok(());
            }
            *next = seq + 1;
        }
        Err(Error::Rpc {
            code: tonic::Code::Unavailable,
            message: "the checkpoint stream ended".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn down(connected: bool) -> Ended {
        Ended::Failed {
            connected,
            error: Error::Rpc {
                code: tonic::Code::Unavailable,
                message: "down".into(),
            },
        }
    }

    #[test]
    fn a_reconnect_that_came_up_starts_the_backoff_again() {
        let mut b = Backoff::new(RECONNECT_FIRST, RECONNECT_MAX);
        // A long outage: every connection attempt fails; the delays reach the cap.
        let mut last = Duration::ZERO;
        for _ in 0..10 {
            last = reconnect_delay(down(false), 7, &mut b).expect("reconnects");
        }
        assert!(last >= RECONNECT_MAX / 2, "capped delays: {last:?}");
        // Then the node is back: the subscription comes up, and later drops again.
        let after = reconnect_delay(down(true), 7, &mut b).expect("reconnects");
        assert!(
            after <= RECONNECT_FIRST,
            "{after:?}: the backoff was not reset"
        );
        // A failure of that reconnect backs off from the start again, not from the cap.
        let then = reconnect_delay(down(false), 7, &mut b).expect("reconnects");
        assert!(then <= 2 * RECONNECT_FIRST, "{then:?}");
    }

    #[test]
    fn the_stream_stops_when_pruned_or_unwanted() {
        let mut b = Backoff::new(RECONNECT_FIRST, RECONNECT_MAX);
        assert_eq!(reconnect_delay(Ended::Gone, 1, &mut b), None);
        let pruned = Ended::Failed {
            connected: true,
            error: Error::Pruned { next: 1, lowest: 5 },
        };
        assert_eq!(reconnect_delay(pruned, 1, &mut b), None);
    }
}
