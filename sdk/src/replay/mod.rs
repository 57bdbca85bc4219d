//! Replay of a Pipe's history from the chain (or of several Pipes', e.g. the shards of one Host):
//! what happened to every request, per-server numbers, and a verification that the history keeps
//! the protocol's promises.
//!
//! - [`history`]: the Pipe's (and its Host's) events over a checkpoint range, and the dtp
//!   transactions for verification.
//! - [`set`]: several Pipes' histories in one pass, named or every Pipe of a Host.
//! - [`merge`]: several Pipes replayed together: per-Pipe summaries and verifications, merged
//!   timelines, totals.
//! - [`timeline`]: one timeline per request (Assigned -> Claimed -> Reassigned -> Completed /
//!   DeadLettered / Cancelled) with checkpoints, times, servers and attempts.
//! - [`refused`]: the dtp calls the chain refused, above all the fenced ones (late completions).
//! - [`summary`]: outcomes, per-server counts, latency percentiles, takeovers, releases, dead
//!   letters.
//! - [`verify`]: no double completion, no stale completion, and every assignment re-derived by the
//!   policy on a twin rebuilt by re-executing the transactions (`twin`).

pub mod history;
pub mod merge;
pub mod refused;
pub mod set;
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
pub use merge::{merge, PipeReplay, PipeViolation, Replay, VerifyTotal};
pub use refused::{refusals, unexplained_fences, RefusalCount, Refusals, RefusedCall};
pub use set::Pipes;
pub use summary::{summarize, Latency, ServerStats, Summary};
pub use timeline::{timelines, Reason, Status, Step, StepKind, Timeline};
pub use verify::{verify, PolicyCheck, Report, Violation};
