#!/usr/bin/env bash
# The test command of dtp: what README.md names and .ci/run calls.
# Runs the Rust workspace tests (unit, property, conformance vectors, integration) and the Move
# package check (move/check, which says SKIPPED where no Move toolchain exists).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
move/check
