#!/usr/bin/env bash
# The test command of dtp: what README.md names and .ci/run calls.
# Runs the Rust workspace tests (unit, property, conformance vectors, integration), the daemon's
# scenarios under Sui-like latency, and the Move package check (move/check, which says SKIPPED where no Move toolchain exists).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
# The daemon scenarios again with a real Sui network's timings (effects ~350 ms, events ~820 ms):
# leases, heartbeats and takeovers must hold there too, not only on the fast localnet.
DTP_TEST_LATENCY=sui cargo test -p dtpd --tests --locked
move/check
