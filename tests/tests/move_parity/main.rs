//! The Move/Rust parity gate: `move/sources/*.move` against `dtp-protocol` (errors, events, entry
//! functions, constants; the rules are in `dtp_tests::parity`). CI cannot compile Move, so any drift
//! between the package and its Rust twin fails here.
//!
//! The gate proves itself: the same checks run on mutated copies of the sources (in memory) and on a
//! mutated Rust side, and every mutation must be reported with the file, the Move item, the Rust item
//! and what differs.

use std::path::Path;

use dtp_tests::parity::{self, RustSide};

mod constants;
mod errors_events;
mod functions;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn sources() -> Vec<(String, String)> {
    parity::read_sources(&root().join("move/sources"), "move/sources").expect("sources read")
}

fn rust() -> RustSide {
    let src = std::fs::read_to_string(root().join("protocol/src/constants.rs")).unwrap();
    RustSide::from_protocol(&src)
}

fn drift(files: &[(String, String)], rust: &RustSide) -> Vec<String> {
    let sources = parity::parse_sources(files).unwrap_or_else(|e| panic!("{e:#}"));
    parity::check(&sources, rust).drift
}

/// The sources with the first `from` after `anchor` in `file` replaced by `to`; panics unless both
/// are found, so a mutation never silently becomes a no-op when the sources change.
fn mutate(file: &str, anchor: &str, from: &str, to: &str) -> Vec<(String, String)> {
    let mut files = sources();
    let (_, text) = files
        .iter_mut()
        .find(|(f, _)| f.ends_with(file))
        .expect(file);
    let start = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor:?} not in {file}"));
    let at = start
        + text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("{from:?} not after {anchor:?}"));
    text.replace_range(at..at + from.len(), to);
    files
}

/// Asserts that one message contains every needle.
fn assert_reported(drift: &[String], needles: &[&str]) {
    let hit = drift.iter().any(|m| needles.iter().all(|n| m.contains(n)));
    assert!(
        hit,
        "no message contains all of {needles:?}; got:\n{}",
        drift.join("\n")
    );
}

#[test]
fn move_sources_match_the_rust_twin() {
    let sources = parity::parse_sources(&sources()).unwrap_or_else(|e| panic!("{e:#}"));
    let report = parity::check(&sources, &rust());
    assert!(
        report.drift.is_empty(),
        "Move/Rust drift:\n{}",
        report.drift.join("\n")
    );
    // Not vacuous: every kind of item was found and compared.
    assert!(
        report.errors >= dtp_protocol::MoveAbort::ALL.len(),
        "{report:?}"
    );
    assert_eq!(
        report.events,
        dtp_protocol::Event::NAMES.len(),
        "{report:?}"
    );
    assert_eq!(
        report.functions,
        dtp_protocol::schema::FUNCTIONS.len(),
        "{report:?}"
    );
    assert_eq!(report.constants, rust().constants.len(), "{report:?}");
}
