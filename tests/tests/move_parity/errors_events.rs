//! Mutations of error constants and event structs.

use super::{assert_reported, drift, mutate, rust};

#[test]
fn a_changed_or_renamed_error_code_is_reported() {
    let d = drift(
        &mutate("pipe.move", "", "#[error(code = 9)]", "#[error(code = 19)]"),
        &rust(),
    );
    assert_reported(
        &d,
        &[
            "move/sources/pipe.move:",
            "dtp::pipe::EStaleAttempt is code 19",
            "MoveAbort::StaleAttempt is code 9",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");

    let d = drift(
        &mutate("pipe.move", "", "const EPipeFull:", "const EPipeIsFull:"),
        &rust(),
    );
    assert_reported(
        &d,
        &[
            "move/sources/pipe.move:",
            "dtp::pipe::EPipeIsFull",
            "no MoveAbort variant named EPipeIsFull",
        ],
    );
    assert_reported(
        &d,
        &["MoveAbort::PipeFull", "EPipeFull", "declared by no module"],
    );

    let d = drift(
        &mutate("host.move", "const ENotEndpoint", "vector<u8>", "u64"),
        &rust(),
    );
    assert_reported(
        &d,
        &[
            "move/sources/host.move:",
            "dtp::host::ENotEndpoint",
            "must be a vector<u8>, not u64",
        ],
    );
}

#[test]
fn event_field_changes_are_reported() {
    let swapped = mutate(
        "events.move",
        "public struct Claimed",
        "attempt: u32,\n    deadline_ms: u64,",
        "deadline_ms: u64,\n    attempt: u32,",
    );
    let d = drift(&swapped, &rust());
    assert_reported(
        &d,
        &[
            "move/sources/events.move:",
            "dtp::events::Claimed vs dtp_protocol::events::Claimed::FIELDS",
            "field 4 is `deadline_ms: u64` in Move, `attempt: u32` in Rust",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");

    let retyped = mutate(
        "events.move",
        "public struct Completed",
        "latency_ms: u64",
        "latency_ms: u32",
    );
    assert_reported(
        &drift(&retyped, &rust()),
        &[
            "dtp::events::Completed",
            "field 7 is `latency_ms: u32` in Move, `latency_ms: u64` in Rust",
        ],
    );

    let added = mutate(
        "events.move",
        "public struct Purged",
        "seq: u64,",
        "seq: u64,\n    at_ms: u64,",
    );
    assert_reported(
        &drift(&added, &rust()),
        &[
            "dtp::events::Purged",
            "field 3 is `at_ms: u64` in Move, nothing in Rust",
        ],
    );

    let new_event = mutate(
        "events.move",
        "",
        "public(package) fun emit_host",
        "public struct Paused has copy, drop { pipe: ID }\n\npublic(package) fun emit_host",
    );
    assert_reported(
        &drift(&new_event, &rust()),
        &[
            "move/sources/events.move:",
            "dtp::events::Paused is an event with no Rust twin",
        ],
    );

    let dropped = mutate(
        "events.move",
        "",
        "public struct Redriven has copy, drop",
        "public struct Redriven has drop",
    );
    assert_reported(&drift(&dropped, &rust()), &["dtp_protocol::events::Redriven has no `public struct Redriven has copy, drop` in move/sources/events.move"]);
}
