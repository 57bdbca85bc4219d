//! # dtp-sdk
//!
//! The one way to talk to a dtp deployment, on the embedded localnet or on a real Sui network (same
//! code; only the gRPC URL and the package id differ). Built only on the published Sui client
//! crates (`sui-rpc`, `sui-transaction-builder`, `sui-crypto`) and the shared protocol types of
//! `dtp-protocol`.
//!
//! - [`keys`]: keys in Sui's formats (`suiprivkey…`, `sui.keystore`).
//! - [`client`]: connection, package check, gas coins, signing, execution with retries of the same
//!   signed bytes; Move aborts become [`Error::Aborted`] with the typed [`dtp_protocol::MoveAbort`].
//! - [`consistency`]: read-after-write on a Sui fullnode (versions from effects, waiting for a
//!   transaction to be readable, stale objects read again).
//! - [`ops`]: every package function as a typed method, laid out from the shared schema.
//! - [`read`]: typed readers of Host, Pipe, HostCap and the requests in a Pipe's tables.
//! - [`stream`]: dtp events per checkpoint from a cursor, gap-free across reconnects.
//! - [`transfer`]: sending SUI to other addresses in one transaction (funding keys without a
//!   faucet); [`sweep`]: sending a key's balance above a threshold elsewhere (daemons' rebates back
//!   to the gateway).
//! - [`wait`]: send a request and wait for its answer (`send_and_wait`).
//! - [`backoff`]: the one retry delay (exponential, jittered, reset after a success).
//! - [`service`]: what every dtp program shares: `now_ms`, the shutdown signal, tracing set-up,
//!   the Prometheus text of a registry.
//! - [`replay`]: a Pipe's history from the chain: per-request timelines, a summary, and a
//!   verification that re-executes the history on the protocol's twin.

#![warn(missing_docs)]

pub mod backoff;
pub mod batch;
mod call;
pub mod client;
pub mod consistency;
pub mod error;
mod execute;
pub mod gas;
pub mod group_commit;
pub mod keys;
// documented with the typed function description (#14 item 1)
#[allow(missing_docs)]
pub mod ops;

mod outcome;
pub mod publish;
pub mod read;
pub mod replay;
pub mod service;
pub mod stream;
/// Moving a key's SUI above a threshold to another address, from one gas coin.
pub mod sweep;
pub mod transfer;
pub mod upkeep;
pub mod wait;

pub use batch::CallResult;
pub use call::Objects;
pub use client::{Client, ClientConfig, GasUsed, Outcome, DEFAULT_GAS_BUDGET, LOCALNET_PACKAGE};
pub use error::{Error, Result};
pub use keys::Key;
pub use stream::{ChainEvent, CheckpointEvents};
pub use wait::Response;
