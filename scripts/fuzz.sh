#!/usr/bin/env bash
# Fuzzes the localnet's transaction decoding and execution with cargo-fuzz (libFuzzer) for a
# bounded time: scripts/fuzz.sh [seconds, default 60]. Installs cargo-fuzz from crates.io if
# needed. cargo-fuzz needs nightly features; on a stable toolchain RUSTC_BOOTSTRAP=1 enables them.
# The test suite always runs a shorter, proptest-driven version (localnet/tests/localnet/fuzz_bounded.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
mkdir -p fuzz/corpus/execute
cd fuzz
cargo fuzz run execute corpus/execute -- -max_total_time="$secs" -rss_limit_mb=4096
