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
# the daemon and the localnet), and `--test` picks the daemon's integration tests by name.
daemon_tests=(admin_auth backends_down backlog batched claims daemon_bad_input fencing graceful kill_takeover restart spread sweep)
for f in daemon/tests/*.rs; do
  name=$(basename "$f" .rs)
  [[ $name == bad_input ]] && name=daemon_bad_input # its [[test]] name in daemon/Cargo.toml
  if [[ ! " ${daemon_tests[*]} " =~ " $name " ]]; then
    echo "scripts/test.sh: $f is not in daemon_tests (the Sui-latency pass)" >&2
    exit 1
  fi
done
DTP_TEST_LATENCY=sui cargo test --workspace --locked "${daemon_tests[@]/#/--test=}"
move/check
