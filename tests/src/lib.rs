//! # dtp-tests
//!
//! Tests that span crates. [`vectors`] holds the conformance vectors machinery: the JSON scenario
//! model (`tests/vectors/*.json`), the runner that executes them on the Rust twin, and the generator
//! of the equivalent Move tests (`move/tests/vectors/`, a module per vector). [`move_source`] parses the
//! declarations of `move/sources/*.move`; [`parity`] compares them with `dtp-protocol` (the
//! Move/Rust parity gate, `tests/move_parity.rs`).

pub mod move_source;
pub mod parity;
pub mod vectors;
