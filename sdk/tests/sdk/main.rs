//! The SDK's integration tests, one binary (one build, its tests run side by side): each module
//! drives a started localnet through `dtp-sdk`.

mod common;

mod batch;
mod gas_coins;
mod gas_per_request;
mod gas_table;
mod retention;
mod sdk_flow;
mod takeover_scenario;
mod transfer;
