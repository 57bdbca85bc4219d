//! # dtpd
//!
//! The daemon beside each server. It follows the chain's dtp events ([`follow`]), keeps the pending
//! requests of its pipes ([`tracker`]), serves the ones assigned to it ([`serve`]) through its
//! local backends ([`backends`], with active [`health`] checks), heartbeats on chain
//! ([`heartbeat`]), takes over peers' expired requests ([`watchdog`]), sends the gas it earns above a threshold
//! back to whoever pays the sends ([`sweep`]), and exposes an admin
//! JSON-RPC API and Prometheus metrics ([`admin`], [`metrics`]). [`run`] ties it together with a
//! graceful shutdown; [`config`] is the TOML + environment configuration; [`state`] the lock and
//! cursor of its state directory; [`daemon`] the shared state, [`work`] the serving set and the
//! workers.

pub mod admin;
pub mod backends;
pub mod config;
pub mod daemon;
pub mod follow;
pub mod health;
pub mod heartbeat;
pub mod metrics;
pub mod run;
pub mod sample;
pub mod serve;
pub mod state;
pub mod sweep;
pub mod tracker;
pub mod watchdog;
pub mod work;
