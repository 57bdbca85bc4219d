//! Integration tests of the `dtp` binary, one module per scenario, in one test binary (one link;
//! the scenarios run side by side): every subcommand against an embedded localnet started in this
//! process (port 0), its output (`--json` where convenient) and its errors (`commands`,
//! `bad_input`, `localnet`, `publish`, `replay`); whole `dtp up` deployments as a user runs them
//! (`up`, `dashboard`, `scale`; `up_net`: `dtp up --url` against a localnet of this process); the
//! localnet driven by the official TypeScript SDK (`ts_sdk`). `support` is what the `dtp up`
//! scenarios share with the chaos run (`cli/tests/chaos/`).

mod bad_input;
mod commands;
mod common;
mod dashboard;
mod localnet;
mod publish;
mod replay;
mod scale;
#[path = "../support/mod.rs"]
mod support;
mod ts_sdk;
mod up;
mod up_net;
