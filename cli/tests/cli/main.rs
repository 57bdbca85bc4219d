//! Integration tests of the `dtp` binary against an embedded localnet started in this process
//! (port 0): every subcommand, its output (`--json` where convenient) and its errors.

mod bad_input;
#[path = "../support/browser.rs"]
mod browser;
mod commands;
mod common;
mod localnet;
mod publish;
mod replay;
