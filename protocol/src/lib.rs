//! # dtp-protocol
//!
//! The protocol of dtp, defined once: the on-chain object layouts, events and abort codes of the
//! `dtp` Move package, and a pure, I/O-free **Rust twin** of the package that executes the same
//! functions with the same checks, events and selection results.
//!
//! Everything here BCS-encodes exactly like the Move structs, so the same types decode objects and
//! events read from a real Sui node. The embedded localnet executes transactions with this twin; the
//! SDK and daemon decode with its types; `replay --verify` recomputes selections with
//! [`selection::select`]. `docs/protocol.md` is the contract both implementations follow.
//!
//! Each function returns `Err(MoveAbort)` exactly where the Move function aborts; the twin checks
//! before it mutates, so an aborted call leaves the objects unchanged (Move gets the same from
//! transaction rollback).
//!
//! Module map: [`config`] (HostConfig), [`endpoint`] (Endpoint and health), [`host`] (Host,
//! HostCap, admin and endpoint calls), [`request`] (Request), [`selection`] (policies), [`pipe`]
//! (Pipe, send/claim/complete/cancel), [`lease`] (release/takeover/redrive/purge), [`events`],
//! [`error`] (abort codes), [`ctx`] (transaction context), [`move_types`] (UID/Table/VecMap layouts).

#![warn(missing_docs)]

// documented with the typed function description (#14 item 1)
#[allow(missing_docs)]
pub mod calls;
pub mod config;
pub mod constants;
pub mod ctx;
pub mod digest;
// documented with the typed function description (#14 item 1)
#[allow(missing_docs)]
pub mod dispatch;
pub mod endpoint;
pub mod envelope;
pub mod error;
pub mod events;
pub mod host;
pub mod lease;
pub mod move_types;
pub mod pipe;
pub mod request;
// documented with the typed function description (#14 item 1)
#[allow(missing_docs)]
pub mod schema;
pub mod selection;

pub use config::HostConfig;
pub use constants::Policy;
pub use ctx::TxContext;
pub use endpoint::Endpoint;
pub use error::MoveAbort;
pub use events::Event;
pub use host::{EndpointArgs, Host, HostCap};
pub use move_types::{Address, ObjectId};
pub use pipe::{Pipe, PipeState};
pub use request::Request;
