//! The embedded localnet's integration tests, one binary (one build, its tests run side by side):
//! each module talks to a started localnet through Sui's own client crates.

mod common;

mod backfill;
mod bad_input;
mod bad_input_calls;
mod dtp_flow;
mod durability;
mod dynamic_fields;
mod fidelity;
mod fuzz_bounded;
mod grpc_web;
mod masks;
mod simulate_resolve;
mod sui_script;
