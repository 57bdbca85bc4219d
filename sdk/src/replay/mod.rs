//! Replay of a Pipe's history from the chain: what happened to every request, per-server numbers,
//! and a verification that the history keeps the protocol's promises.
//!
//! - [`history`]: the Pipe's (and its Host's) events over a checkpoint range, and the dtp
//!   transactions for verification.
//! - [`timeline`]: one timeline per request (Assigned -> Claimed -> Reassigned -> Completed /
//!   DeadLettered / Cancelled) with checkpoints, times, servers and attempts.
//! - [`refused`]: the dtp calls the chain refused, above all the fenced ones (late completions).
//! - [`summary`]: outcomes, per-server counts, latency percentiles, takeovers, releases, dead
//!   letters.
//! - [`verify`]: no double completion, no stale completion, and every assignment re-derived by the
//!   policy on a twin rebuilt by re-executing the transactions (`twin`).

pub mod history;
pub mod refused;
pub mod summary;
pub mod timeline;
mod twin;
pub mod verify;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod sim;
#[cfg(test)]
mod tests;

pub use history::{CheckpointTxs, History, HistoryRange, TxRecord};
pub use refused::{refusals, unexplained_fences, RefusalCount, Refusals, RefusedCall};
pub use summary::{summarize, Latency, ServerStats, Summary};
pub use timeline::{timelines, Reason, Status, Step, StepKind, Timeline};
pub use verify::{verify, PolicyCheck, Report, Violation};
