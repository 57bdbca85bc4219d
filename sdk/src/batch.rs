//! Many package calls in one programmable transaction (PTB): what lets a Pipe carry tens of
//! times more requests per second on Sui, where each transaction pays signatures, consensus and a
//! checkpoint once however many calls it holds.
//!
//! A batch is split to stay within Sui's limits ([`limits`]: commands, transaction bytes,
//! events, gas); a call that alone breaks one is refused before anything is signed, naming the
//! limit. A PTB is atomic: one aborting call aborts them all, and the effects name the aborting
//! command. That call gets its abort and the rest are submitted again without it, so one stale
//! completion never fails its neighbours. A batch that fails for another reason (gas, an object
//! version) is retried as single transactions, so no call is dropped. Each call gets its own
//! result, in order.

use std::collections::HashMap;

use dtp_protocol::calls::Call;
use dtp_protocol::events::Assigned;
use dtp_protocol::Event;
use sui_sdk_types::Address;

use crate::call::{self, Checked, Objects};
use crate::client::{Client, Outcome};
use crate::error::{Error, Result};

/// Sui's limits that shape a batch (Sui 1.60 protocol config).
pub mod limits {
    /// Commands in one programmable transaction.
    pub const MAX_COMMANDS: usize = 1_024;
    /// Bytes of one transaction.
    pub const MAX_TX_BYTES: usize = 128 * 1_024;
    /// Events one transaction may emit.
    pub const MAX_EVENTS: usize = 1_024;
    /// The largest gas budget of one transaction (MIST).
    pub const MAX_GAS_BUDGET: u64 = 50_000_000_000;
    /// Bytes kept free of a transaction for its signature-independent envelope (sender, gas
    /// payment, expiration, object inputs).
    pub const TX_OVERHEAD: usize = 4_096;
}

/// The most events a call can emit (a send: one `Assigned`; a heartbeat: an update and a health
/// change; a release: a reassignment or a dead letter, ...).
fn max_events(c: &Call) -> usize {
    match c {
        Call::Send(_) | Call::Complete(_) | Call::Claim(_) | Call::Cancel(_) => 1,
        _ => 3,
    }
}

/// Bytes a call adds to a transaction: its pure arguments with their length prefixes, and the
/// command with its argument list.
fn size(c: &Checked) -> usize {
    let pure: usize = c.values.iter().map(|v| v.to_bcs().len() + 4).sum();
    pure + 64 + 4 * c.function.params.len()
}

/// One call of a batch, ready to lay out.
struct Item {
    /// Its index in the caller's list.
    index: usize,
    objs: Objects,
    call: Checked,
    events: usize,
}

/// Bytes a call of a batch may store beyond its pure arguments (a pending request's table entry:
/// its `Field` object and the request's fixed fields), for its share of the gas budget.
const CALL_STORAGE_OVERHEAD: u64 = 512;

/// Computation a call of a batch may add to the transaction's (MIST at the reference price).
const CALL_COMPUTATION: u64 = 1_000_000;

/// The gas budget of one call alone: `call::budget`; of a batch: the configured budget once
/// (computation and the shared objects) plus each call's storage and computation allowance, so a
/// batch asks what it may spend, not n budgets (a gas coin must hold the budget).
fn budget_of(base: u64, stored: &[u64]) -> u64 {
    match stored {
        [one] => call::budget(base, *one),
        many => many
            .iter()
            .map(|s| share(*s))
            .fold(base, u64::saturating_add)
            .min(limits::MAX_GAS_BUDGET),
    }
}

/// What one call adds to a batch's budget.
fn share(stored: u64) -> u64 {
    stored
        .saturating_add(CALL_STORAGE_OVERHEAD)
        .saturating_mul(call::STORAGE_MIST_PER_BYTE)
        .saturating_add(CALL_COMPUTATION)
}

/// Splits `items` into groups that each fit one transaction.
fn plan(items: Vec<Item>, base_budget: u64) -> Vec<Vec<Item>> {
    let mut groups: Vec<Vec<Item>> = Vec::new();
    // `gas`: the budget of the open group as a batch (see `budget_of`).
    let (mut bytes, mut events, mut gas) = (0usize, 0usize, 0u64);
    for it in items {
        let (b, e, g) = (size(&it.call), it.events, share(it.call.stored));
        let fits = groups.last().is_some_and(|last| {
            last.len() < limits::MAX_COMMANDS
                && bytes + b <= limits::MAX_TX_BYTES - limits::TX_OVERHEAD
                && events + e <= limits::MAX_EVENTS
                && gas.saturating_add(g) <= limits::MAX_GAS_BUDGET
        });
        if !fits {
            groups.push(Vec::new());
            (bytes, events, gas) = (0, 0, base_budget);
        }
        (bytes, events, gas) = (bytes + b, events + e, gas.saturating_add(g));
        groups.last_mut().expect("pushed").push(it);
    }
    groups
}

/// What one call of a batch came to.
pub type CallResult = Result<Outcome>;

impl Client {
    /// Executes `calls` in as few transactions as Sui's limits allow; returns each call's result
    /// in order: the outcome of the transaction that carried it (shared with its batch-mates),
    /// or its own error.
    pub async fn batch(&self, calls: Vec<(Objects, Call)>) -> Vec<CallResult> {
        let mut results: Vec<Option<CallResult>> = (0..calls.len()).map(|_| None).collect();
        let mut items = Vec::new();
        for (index, (objs, c)) in calls.into_iter().enumerate() {
            let events = max_events(&c);
            match call::check(&c) {
                Ok(call) => items.push(Item {
                    index,
                    objs,
                    call,
                    events,
                }),
                Err(e) => results[index] = Some(Err(e)),
            }
        }
        for group in plan(items, self.config().gas_budget) {
            self.run_group(group, &mut results).await;
        }
        results
            .into_iter()
            .map(|r| r.expect("every call answered"))
            .collect()
    }

    /// Sends requests in batches: each one's `Assigned` event, or its error.
    pub async fn send_batch(
        &self,
        pipe: Address,
        host: Address,
        requests: Vec<dtp_protocol::calls::Send>,
    ) -> Vec<Result<Assigned>> {
        let n = requests.len();
        let calls = requests
            .into_iter()
            .map(|s| (Objects::pipe(pipe, host), Call::Send(s)))
            .collect();
        let results = self.batch(calls).await;
        // A send emits exactly one `Assigned`, in command order: the k-th send of a transaction
        // has its k-th Assigned event.
        let mut taken: HashMap<sui_sdk_types::Digest, usize> = HashMap::new();
        let out: Vec<_> = results
            .into_iter()
            .map(|r| {
                let o = r?;
                let k = taken.entry(o.digest).or_default();
                let a = o
                    .events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Assigned(a) if a.pipe == pipe => Some(a.clone()),
                        _ => None,
                    })
                    .nth(*k);
                *k += 1;
                a.ok_or_else(|| Error::Invalid("a batched send emitted no Assigned event".into()))
            })
            .collect();
        debug_assert_eq!(out.len(), n);
        out
    }

    /// Runs one group as one transaction; an aborting call is answered and the rest run again;
    /// any other failure (gas, an object version, the node) splits the group in halves that run
    /// on their own, down to single calls, so a failing call is found in log2(n) rounds and no
    /// call is dropped.
    async fn run_group(&self, group: Vec<Item>, results: &mut [Option<CallResult>]) {
        let mut todo = vec![group];
        while let Some(mut group) = todo.pop() {
            if group.len() == 1 {
                let it = group.remove(0);
                results[it.index] = Some(self.run_one(&it).await);
                continue;
            }
            match self.execute_group(&group).await {
                Ok(o) => {
                    for it in group.drain(..) {
                        results[it.index] = Some(Ok(o.clone()));
                    }
                }
                Err(Error::Aborted {
                    abort,
                    digest,
                    command: Some(i),
                    ..
                }) if (i as usize) < group.len() => {
                    let it = group.remove(i as usize);
                    tracing::debug!(call = it.call.function.name, %abort, "a batched call aborted; the rest go again");
                    results[it.index] = Some(Err(Error::Aborted {
                        abort,
                        function: it.call.function.name.into(),
                        digest,
                        command: Some(0),
                    }));
                    if !group.is_empty() {
                        todo.push(group);
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, calls = group.len(), "a batch failed; its halves go on their own");
                    let second = group.split_off(group.len() / 2);
                    todo.push(second);
                    todo.push(group);
                }
            }
        }
    }

    /// One call of a batch as its own transaction.
    async fn run_one(&self, it: &Item) -> CallResult {
        self.execute_group(std::slice::from_ref(it)).await
    }

    /// Lays out `group` as one PTB and executes it (the builder adds each object as one input,
    /// shared by every call that takes it, mutable if any call needs it so).
    async fn execute_group(&self, group: &[Item]) -> Result<Outcome> {
        let mut resolved = Vec::with_capacity(group.len());
        for it in group {
            resolved.push(self.resolve(it.call.function, it.objs).await?);
        }
        let stored: Vec<u64> = group.iter().map(|it| it.call.stored).collect();
        let budget = budget_of(self.config().gas_budget, &stored);
        let package = self.package();
        let name = match group {
            [one] => one.call.function.name,
            _ => "batch",
        };
        self.execute_with_budget(name, budget, |b| {
            for (it, objects) in group.iter().zip(resolved) {
                call::move_call(b, package, &it.call, objects);
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dtp_protocol::calls::{Complete, Send};

    fn item(index: usize, call: Call) -> Item {
        Item {
            index,
            objs: Objects::default(),
            events: max_events(&call),
            call: call::check(&call).unwrap(),
        }
    }

    fn send(bytes: usize) -> Call {
        Call::Send(Send {
            payload: vec![0; bytes],
            key: vec![],
            region: String::new(),
        })
    }

    #[test]
    fn groups_stay_within_commands_bytes_and_events() {
        let small: Vec<Item> = (0..2_500).map(|i| item(i, send(8))).collect();
        let sizes: Vec<usize> = plan(small, 50_000_000).iter().map(|g| g.len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 2_500);
        assert!(
            sizes.iter().all(|n| *n <= limits::MAX_COMMANDS),
            "{sizes:?}"
        );
        // 16,000-byte payloads: at most seven fit in 128 KiB with the envelope.
        let big: Vec<Item> = (0..20).map(|i| item(i, send(16_000))).collect();
        let groups = plan(big, 50_000_000);
        for g in &groups {
            let bytes: usize = g.iter().map(|it| size(&it.call)).sum();
            assert!(
                bytes <= limits::MAX_TX_BYTES - limits::TX_OVERHEAD,
                "{bytes}"
            );
        }
        assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), 20);
        assert!(groups.len() >= 3, "{}", groups.len());
        // Calls that may emit three events each: at most 341 per transaction.
        let heavy: Vec<Item> = (0..700)
            .map(|i| {
                item(
                    i,
                    Call::Takeover(dtp_protocol::calls::Takeover { seq: i as u64 }),
                )
            })
            .collect();
        assert!(plan(heavy, 1)
            .iter()
            .all(|g| g.len() * 3 <= limits::MAX_EVENTS));
        // The order of calls is kept across groups.
        let order: Vec<usize> = plan((0..1_500).map(|i| item(i, send(1))).collect(), 1)
            .into_iter()
            .flatten()
            .map(|it| it.index)
            .collect();
        assert_eq!(order, (0..1_500).collect::<Vec<_>>());
        let c = Call::Complete(Complete {
            seq: 1,
            attempt: 1,
            ok: true,
            response: vec![],
        });
        assert_eq!(max_events(&c), 1);
    }

    #[test]
    fn the_budget_of_a_group_stays_under_suis_maximum() {
        // Each 16 KiB send needs ~125,000,000 MIST of storage; 400 of them would be 50 SUI.
        let items: Vec<Item> = (0..400).map(|i| item(i, send(16_000))).collect();
        let groups = plan(items, 50_000_000);
        assert!(groups.len() > 1);
        for g in groups {
            let stored: Vec<u64> = g.iter().map(|it| it.call.stored).collect();
            let gas = budget_of(50_000_000, &stored);
            assert!(gas <= limits::MAX_GAS_BUDGET, "{gas}");
        }
    }

    #[test]
    fn a_batch_asks_what_its_calls_may_spend_not_one_budget_each() {
        // 119 sends of ~150 bytes (the gateway's batch that a 5 SUI coin could not pay when each
        // call asked the whole default budget: 119 x 0.05 SUI = 5.95 SUI).
        let stored = vec![150u64; 119];
        let gas = budget_of(50_000_000, &stored);
        assert!(gas < 1_000_000_000, "{gas} MIST: under 1 SUI");
        // Still enough for what the localnet charges such a batch: computation once, ~530 bytes
        // stored per request at 7,600 MIST.
        assert!(gas > 1_000_000 + 119 * 530 * 7_600, "{gas}");
        // One call alone keeps the single-call budget.
        assert_eq!(budget_of(50_000_000, &[150]), call::budget(50_000_000, 150));
    }
}
