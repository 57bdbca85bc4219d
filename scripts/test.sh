#!/usr/bin/env bash
# The test command of dtp: what README.md names and .ci/run calls.
# Runs the Rust workspace tests (unit, property, conformance vectors, integration), the daemon's
# scenarios under Sui-like latency, and the Move package check (move/check, which says SKIPPED where no Move toolchain exists).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
# The daemon scenarios again with a real Sui network's timings (effects ~350 ms, events ~820 ms):
# leases, heartbeats and takeovers must hold there too, not only on the fast localnet.
# The same build as above: `--workspace` keeps the feature set (`-p dtpd` would recompile the SDK,
# the daemon and the localnet), and `--test scenarios` picks the daemon's scenarios binary
# (daemon/tests/scenarios/: every scenario is a module of it, so none is left out of this pass).
DTP_TEST_LATENCY=sui cargo test --workspace --locked --test scenarios
move/check
