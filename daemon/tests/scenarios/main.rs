//! The daemon's scenarios, one binary (one build, its tests run side by side): each module starts
//! a localnet, daemons (`dtpd` processes) and their backends on loopback and checks what the chain
//! shows. `DTP_TEST_LATENCY=sui` runs them all again at a real Sui network's timings
//! (`scripts/test.sh` does).

mod common;

mod admin_auth;
mod backends_down;
mod backlog;
mod bad_input;
mod batched;
mod claims;
mod fencing;
mod graceful;
mod kill_takeover;
mod restart;
mod spread;
mod sweep;
