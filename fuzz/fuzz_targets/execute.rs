//! cargo-fuzz target: arbitrary bytes through the localnet's transaction decoding and execution
//! (`dtp_localnet::fuzz::execute_bytes`). Run with `scripts/fuzz.sh [seconds]`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut ledger = dtp_localnet::ledger::Ledger::genesis();
    dtp_localnet::fuzz::execute_bytes(&mut ledger, data);
});
