//! Collecting the history of one Pipe from a range of checkpoints: the events of the Pipe and of
//! its Host (with [`Client::checkpoint_events`]), and, for verification, every successful
//! transaction that calls the dtp package, with its clock and the events it emitted, and every
//! dtp call the chain refused (see [`super::refused`]).

use dtp_protocol::Event;
use futures::StreamExt;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Command, Digest, Transaction, TransactionKind};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::stream::{ChainEvent, CheckpointEvents};

use super::refused::RefusedCall;

/// What verification needs of a checkpoint besides its events.
const TX_MASK: &str = "sequence_number,summary.timestamp,transactions.digest,transactions.events,\
                       transactions.transaction.bcs,transactions.effects.status,transactions.timestamp";

/// Checkpoints fetched concurrently (results are still handled in order).
const CONCURRENCY: usize = 8;

/// One successful transaction that calls the dtp package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxRecord {
    /// The checkpoint that includes it.
    pub checkpoint: u64,
    /// Its digest.
    pub digest: Digest,
    /// The transaction's timestamp (the clock of its execution on the embedded localnet).
    pub timestamp_ms: u64,
    /// The transaction itself.
    pub transaction: Transaction,
    /// Every dtp event it emitted, in order (of any Host or Pipe).
    pub events: Vec<Event>,
}

/// The history of one Pipe over a checkpoint range.
#[derive(Debug, Clone)]
pub struct History {
    /// The dtp package.
    pub package: Address,
    /// The Pipe.
    pub pipe: Address,
    /// The Pipe's Host.
    pub host: Address,
    /// The first checkpoint read.
    pub from: u64,
    /// The last checkpoint read (inclusive).
    pub to: u64,
    /// The events of the Pipe and of its Host, in chain order.
    pub events: Vec<ChainEvent>,
    /// The dtp transactions (collected only when asked: verification needs them).
    pub transactions: Option<Vec<TxRecord>>,
    /// The refused dtp calls about the Pipe or its Host (collected with the transactions).
    pub refused: Option<Vec<RefusedCall>>,
}

/// The dtp transactions of one checkpoint: the successful ones and the refused calls.
#[derive(Debug, Clone, Default)]
pub struct CheckpointTxs {
    /// The successful dtp transactions.
    pub ok: Vec<TxRecord>,
    /// The refused dtp calls.
    pub refused: Vec<RefusedCall>,
}

/// Which checkpoints to read, and whether to keep the transactions.
#[derive(Debug, Clone, Copy, Default)]
pub struct HistoryRange {
    /// The first checkpoint to read.
    pub from: u64,
    /// `None`: up to the latest checkpoint.
    pub to: Option<u64>,
    /// Keep the dtp transactions and refused calls too (what verification needs).
    pub transactions: bool,
}

/// True when `e` is about `pipe` or about `host` (its endpoints, config, health).
pub fn concerns(e: &Event, pipe: Address, host: Address) -> bool {
    e.pipe() == Some(pipe) || host_of(e) == Some(host)
}

fn host_of(e: &Event) -> Option<Address> {
    match e {
        Event::HostCreated(e) => Some(e.host),
        Event::EndpointAdded(e) => Some(e.host),
        Event::EndpointUpdated(e) => Some(e.host),
        Event::EndpointRemoved(e) => Some(e.host),
        Event::ConfigUpdated(e) => Some(e.host),
        Event::HealthChanged(e) => Some(e.host),
        _ => None,
    }
}

fn millis(t: Option<&prost_types::Timestamp>) -> u64 {
    t.map(|t| t.seconds as u64 * 1000 + t.nanos as u64 / 1_000_000)
        .unwrap_or(0)
}

fn decode_err(what: &str) -> impl Fn(String) -> Error + '_ {
    move |reason| Error::Decode {
        what: what.to_string(),
        reason,
    }
}

/// True when the transaction has a MoveCall into `package`.
pub(crate) fn calls_package(tx: &Transaction, package: Address) -> bool {
    match &tx.kind {
        TransactionKind::ProgrammableTransaction(p) => p
            .commands
            .iter()
            .any(|c| matches!(c, Command::MoveCall(m) if m.package == package)),
        _ => false,
    }
}

/// The events and the dtp transactions of one checkpoint, from a checkpoint read with [`TX_MASK`].
fn split_checkpoint(
    package: Address,
    cp: &pb::Checkpoint,
) -> Result<(CheckpointEvents, CheckpointTxs)> {
    let seq = cp.sequence_number();
    let ts = millis(cp.summary().timestamp.as_ref());
    let mut events = Vec::new();
    let mut txs = CheckpointTxs::default();
    for t in &cp.transactions {
        let digest: Digest = t
            .digest()
            .parse()
            .map_err(|e| decode_err("transaction digest")(format!("{e}")))?;
        let evs = crate::outcome::proto_events(package, &t.events().events)?;
        for (index, event) in evs.iter().enumerate() {
            events.push(ChainEvent {
                checkpoint: seq,
                timestamp_ms: ts,
                tx_digest: digest,
                index,
                event: event.clone(),
            });
        }
        let status = t.effects().status();
        let transaction = match Transaction::try_from(t.transaction()) {
            Ok(tx) => tx,
            // A kind of transaction these Sui crates do not know cannot be a dtp call the twin
            // must replay, unless it emitted dtp events.
            Err(e) if evs.is_empty() => {
                tracing::warn!(%digest, error = %e, "skipping a transaction that does not decode");
                continue;
            }
            Err(e) => return Err(decode_err("transaction")(format!("{digest}: {e}"))),
        };
        if !status.success() {
            let err = status.error();
            let abort = err.abort_opt().and_then(|a| a.abort_code_opt());
            txs.refused.extend(RefusedCall::from_failed(
                package,
                seq,
                digest,
                &transaction,
                abort,
                err.command_opt(),
            ));
        } else if calls_package(&transaction, package) {
            txs.ok.push(TxRecord {
                checkpoint: seq,
                digest,
                timestamp_ms: millis(t.timestamp.as_ref()),
                transaction,
                events: evs,
            });
        }
    }
    let events = CheckpointEvents {
        sequence_number: seq,
        timestamp_ms: ts,
        events,
    };
    Ok((events, txs))
}

impl Client {
    /// A checkpoint's events, its successful dtp transactions and its refused dtp calls (what
    /// `replay --verify` reads).
    pub async fn checkpoint_transactions(
        &self,
        seq: u64,
    ) -> Result<(CheckpointEvents, CheckpointTxs)> {
        let cp = self.get_checkpoint(seq, TX_MASK).await?;
        split_checkpoint(self.package(), &cp)
    }

    /// The checkpoint range `range` resolves to, checked against the chain.
    pub async fn history_bounds(&self, range: HistoryRange) -> Result<(u64, u64)> {
        // An empty range is the caller's mistake whatever the chain holds: said first.
        if let Some(to) = range.to.filter(|to| range.from > *to) {
            return Err(Error::Invalid(format!(
                "the range is empty: --from {} is after --to {to}",
                range.from
            )));
        }
        let (lowest, latest) = self.checkpoint_range().await?;
        if range.from < lowest {
            return Err(Error::Invalid(format!(
                "checkpoints before {lowest} are pruned on this node (it keeps only recent \
                 history); start at --from {lowest}, or read the history from a node that keeps it"
            )));
        }
        let to = range.to.unwrap_or(latest);
        if to > latest {
            return Err(Error::Invalid(format!(
                "checkpoint {to} does not exist yet (the latest is {latest})"
            )));
        }
        if range.from > to {
            return Err(Error::Invalid(format!(
                "the range is empty: --from {} is after --to {to}",
                range.from
            )));
        }
        Ok((range.from, to))
    }

    /// Reads the history of `pipe` over `range`; `progress` is called after each checkpoint with
    /// the number read so far.
    pub async fn history(
        &self,
        pipe: Address,
        range: HistoryRange,
        progress: impl FnMut(u64),
    ) -> Result<History> {
        let mut all = self
            .histories(&super::Pipes::Listed(vec![pipe]), range, progress)
            .await?;
        Ok(all.remove(0))
    }

    /// Reads checkpoints `from..=to` in order (fetched [`CONCURRENCY`] at a time), each with its
    /// dtp transactions when `with_txs`, handing each to `f`.
    pub(crate) async fn each_checkpoint(
        &self,
        (from, to): (u64, u64),
        with_txs: bool,
        mut f: impl FnMut(CheckpointEvents, CheckpointTxs),
    ) -> Result<()> {
        let mut cps = futures::stream::iter(from..=to)
            .map(|seq| async move {
                if with_txs {
                    self.checkpoint_transactions(seq).await
                } else {
                    Ok((self.checkpoint_events(seq).await?, CheckpointTxs::default()))
                }
            })
            .buffered(CONCURRENCY);
        while let Some(cp) = cps.next().await {
            let (cp, txs) = cp?;
            f(cp, txs);
        }
        Ok(())
    }
}

impl History {
    /// Appends one checkpoint's events and transactions (see [`History::add_from`]).
    pub fn add(&mut self, cp: CheckpointEvents, txs: CheckpointTxs) {
        self.add_from(&cp, &txs)
    }

    /// Appends copies of what concerns the Pipe in one checkpoint: the events and refused calls
    /// about the Pipe or its Host, and the transactions the Pipe's twin executes (calls on the
    /// Host's other Pipes left out).
    pub fn add_from(&mut self, cp: &CheckpointEvents, txs: &CheckpointTxs) {
        let (pipe, host, package) = (self.pipe, self.host, self.package);
        self.events.extend(
            cp.events
                .iter()
                .filter(|e| concerns(&e.event, pipe, host))
                .cloned(),
        );
        if let Some(all) = self.transactions.as_mut() {
            all.extend(
                txs.ok
                    .iter()
                    .filter(|t| super::twin::relevant(&t.transaction, package, pipe, host))
                    .cloned(),
            );
        }
        if let Some(all) = self.refused.as_mut() {
            all.extend(
                txs.refused
                    .iter()
                    .filter(|c| c.pipe == Some(pipe) || (c.pipe.is_none() && c.host == Some(host)))
                    .cloned(),
            );
        }
    }

    /// True when the history includes the creation of the Host (verification needs it).
    pub fn has_host_creation(&self) -> bool {
        let host = self.host;
        let created = |e: &Event| matches!(e, Event::HostCreated(c) if c.host == host);
        match &self.transactions {
            Some(txs) => txs.iter().any(|t| t.events.iter().any(created)),
            None => self.events.iter().any(|e| created(&e.event)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dtp_protocol::events::{Assigned, EndpointRemoved, HostCreated};

    fn a(b: u8) -> Address {
        Address::new([b; 32])
    }

    fn cev(event: Event) -> ChainEvent {
        ChainEvent {
            checkpoint: 1,
            timestamp_ms: 10,
            tx_digest: Digest::new([0; 32]),
            index: 0,
            event,
        }
    }

    #[test]
    fn keeps_only_the_pipe_and_its_host() {
        let mut h = History {
            package: a(9),
            pipe: a(1),
            host: a(2),
            from: 0,
            to: 1,
            events: vec![],
            transactions: None,
            refused: None,
        };
        let assigned = |pipe| {
            Event::Assigned(Assigned {
                pipe,
                seq: 0,
                server: a(5),
                attempt: 1,
                deadline_ms: 1,
                sender: a(6),
                standby: false,
                payload: Vec::new(),
            })
        };
        let events = vec![
            cev(assigned(a(1))),
            cev(assigned(a(3))),
            cev(Event::EndpointRemoved(EndpointRemoved {
                host: a(2),
                server: a(5),
            })),
            cev(Event::HostCreated(HostCreated {
                host: a(4),
                label: "other".into(),
                admin: a(6),
            })),
        ];
        assert!(!h.has_host_creation());
        h.add(
            CheckpointEvents {
                sequence_number: 1,
                timestamp_ms: 10,
                events,
            },
            CheckpointTxs::default(),
        );
        assert_eq!(h.events.len(), 2);
        assert_eq!(h.events[0].event.pipe(), Some(a(1)));
        assert!(!h.has_host_creation());
    }
}
