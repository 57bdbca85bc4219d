//! The histories of several Pipes read in one pass over the checkpoints: Pipes named one by one,
//! or every Pipe of a Host whose creation (`PipeCreated`, which names its Host) is in the range.

use std::collections::HashSet;

use dtp_protocol::Event;
use sui_sdk_types::Address;

use crate::client::Client;
use crate::error::{Error, Result};

use super::history::{History, HistoryRange};

/// Which Pipes to replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pipes {
    /// These Pipes, in this order (each with its own Host).
    Listed(Vec<Address>),
    /// Every Pipe of this Host created in the range read, in the order of their creation.
    OfHost(Address),
}

impl History {
    /// An empty history of `pipe` of `host` over `from..=to`, keeping transactions if `txs`.
    pub(crate) fn empty(
        package: Address,
        (pipe, host): (Address, Address),
        (from, to): (u64, u64),
        txs: bool,
    ) -> Self {
        History {
            package,
            pipe,
            host,
            from,
            to,
            events: Vec::new(),
            transactions: txs.then(Vec::new),
            refused: txs.then(Vec::new),
        }
    }
}

/// The histories being read, and for [`Pipes::OfHost`] what concerns the Host alone so far: a
/// Pipe found later starts from a copy of it (nothing before its creation is about the Pipe).
pub(crate) struct Set {
    pub histories: Vec<History>,
    host_only: Option<History>,
}

impl Set {
    /// A set of the `listed` histories, or (with `discover`) of the Pipes of `discover` found.
    pub(crate) fn new(listed: Vec<History>, discover: Option<History>) -> Set {
        Set {
            histories: listed,
            host_only: discover,
        }
    }

    /// Adds one checkpoint to every history; a Pipe of the Host created in it gets its own first.
    pub(crate) fn add(
        &mut self,
        cp: &crate::stream::CheckpointEvents,
        txs: &super::history::CheckpointTxs,
    ) {
        if let Some(base) = &mut self.host_only {
            for e in &cp.events {
                let Event::PipeCreated(p) = &e.event else {
                    continue;
                };
                if p.host == base.host && self.histories.iter().all(|h| h.pipe != p.pipe) {
                    let mut h = base.clone();
                    h.pipe = p.pipe;
                    self.histories.push(h);
                }
            }
            base.add_from(cp, txs);
        }
        for h in &mut self.histories {
            h.add_from(cp, txs);
        }
    }
}

impl Client {
    /// Reads the histories of `which` over `range` in one pass (each checkpoint fetched once), one
    /// [`History`] per Pipe; `progress` is called after each checkpoint with the number read.
    /// Refused: no Pipe, a Pipe listed twice, a Pipe or Host that does not exist, and a Host none
    /// of whose Pipes was created in the range.
    pub async fn histories(
        &self,
        which: &Pipes,
        range: HistoryRange,
        mut progress: impl FnMut(u64),
    ) -> Result<Vec<History>> {
        let package = self.package();
        let (from, to) = self.history_bounds(range).await?;
        let empty =
            |pipe, host| History::empty(package, (pipe, host), (from, to), range.transactions);
        let mut set = match which {
            Pipes::Listed(pipes) => {
                if pipes.is_empty() {
                    return Err(Error::Invalid("no Pipe to replay".into()));
                }
                let mut seen = HashSet::new();
                let mut listed = Vec::new();
                for &p in pipes {
                    if !seen.insert(p) {
                        return Err(Error::Invalid(format!("pipe {p} is listed twice")));
                    }
                    listed.push(empty(p, self.pipe(p).await?.host));
                }
                Set::new(listed, None)
            }
            Pipes::OfHost(host) => {
                self.host(*host).await?;
                Set::new(Vec::new(), Some(empty(Address::ZERO, *host)))
            }
        };
        let mut done = 0;
        self.each_checkpoint((from, to), range.transactions, |cp, txs| {
            set.add(&cp, &txs);
            done += 1;
            progress(done);
        })
        .await?;
        if let (Pipes::OfHost(host), true) = (which, set.histories.is_empty()) {
            return Err(Error::Invalid(format!(
                "no Pipe of Host {host} was created in checkpoints {from}..={to}: read from a \
                 checkpoint at or before their creation (--from 0), or name the Pipes (--pipe)"
            )));
        }
        Ok(set.histories)
    }
}

#[cfg(test)]
mod tests {
    use super::super::sim::Sim;
    use super::*;

    #[test]
    fn a_pipe_found_later_starts_with_its_hosts_past() {
        let mut sim = Sim::with_pipes(2);
        sim.send_on(1);
        let (host, pipes) = (sim.host(), sim.pipes());
        let discover = History::empty(sim.package(), (Address::ZERO, host), (0, 99), true);
        let mut set = Set::new(Vec::new(), Some(discover));
        for (cp, txs) in sim.checkpoints() {
            set.add(&cp, &txs);
        }
        let found: Vec<Address> = set.histories.iter().map(|h| h.pipe).collect();
        assert_eq!(found, pipes, "both, in the order of their creation");
        for (i, h) in set.histories.iter().enumerate() {
            assert_eq!(h.events, sim.history_of(i).events);
            assert_eq!(h.transactions, sim.history_of(i).transactions);
            assert!(h.has_host_creation());
        }
    }
}
