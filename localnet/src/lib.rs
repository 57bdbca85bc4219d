//! # dtp-localnet
//!
//! The embedded localnet: a single-process chain that serves the subset of Sui's gRPC API
//! (`sui.rpc.v2`) that dtp uses, executes real Sui transactions whose MoveCalls target the dtp
//! package by running the Rust twin ([`dtp_protocol`]), keeps objects in the exact Sui layouts, forms
//! checkpoints, and is durable through a checksummed write-ahead log.
//!
//! Module map: [`genesis`] (fixed ids, gas schedule), [`objects`] (Sui layouts), [`ledger`] (live
//! state), [`exec`] (check / run / effects), [`chain`] (transactions and checkpoints), [`wal`]
//! and [`snapshot`] (durability), [`node`] (commit loop), [`grpc`] (the `sui.rpc.v2` services), [`faucet`],
//! [`server`] (start / stop everything), [`txb`] (transaction helpers).

pub use server::{start, LocalnetConfig, Running};

pub mod chain;
pub mod exec;
pub mod faucet;
pub mod foreground;
#[doc(hidden)]
pub mod fuzz;
pub mod genesis;
pub mod grpc;
pub mod ledger;
pub mod node;
pub mod objects;
pub mod server;
pub mod snapshot;
pub mod txb;
pub mod wal;
