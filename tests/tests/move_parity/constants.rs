//! Mutations of constants, and of the Rust side (both directions of every check).

use super::{assert_reported, drift, mutate, rust, sources};

#[test]
fn constant_changes_are_reported() {
    let d = drift(
        &mutate(
            "config.move",
            "",
            "const MAX_KEY: u64 = 128;",
            "const MAX_KEY: u64 = 256;",
        ),
        &rust(),
    );
    assert_reported(
        &d,
        &[
            "move/sources/config.move:",
            "dtp::config::MAX_KEY = 256",
            "dtp_protocol::constants::MAX_KEY = 128",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");

    let policy = mutate(
        "selection.move",
        "",
        "const REGION: u8 = 5;",
        "const REGION: u8 = 6;",
    );
    assert_reported(
        &drift(&policy, &rust()),
        &[
            "move/sources/selection.move:",
            "dtp::selection::REGION = 6",
            "constants::Policy::Region = 5",
        ],
    );

    let retyped = mutate(
        "config.move",
        "",
        "const MAX_WEIGHT: u32",
        "const MAX_WEIGHT: u64",
    );
    assert_reported(
        &drift(&retyped, &rust()),
        &[
            "dtp::config::MAX_WEIGHT is a u64",
            "constants::MAX_WEIGHT is mirrored as a u32",
        ],
    );

    let renamed = mutate(
        "endpoint.move",
        "",
        "const DRAINING: u8",
        "const DRAINED: u8",
    );
    let d = drift(&renamed, &rust());
    assert_reported(
        &d,
        &[
            "move/sources/endpoint.move:",
            "dtp::endpoint::DRAINED = 1 has no twin in dtp_protocol::constants",
        ],
    );
    assert_reported(&d, &["dtp_protocol::constants::STATE_DRAINING (1) has no const DRAINING in move/sources/endpoint.move"]);
}

#[test]
fn rust_side_changes_are_reported_too() {
    let files = sources();
    let mut r = rust();
    r.errors.retain(|(_, name, _)| name != "EWrongHost");
    assert_reported(
        &drift(&files, &r),
        &[
            "move/sources/pipe.move:",
            "dtp::pipe::EWrongHost (code 14) has no MoveAbort variant",
        ],
    );

    let mut r = rust();
    r.functions.retain(|f| f.name != "cancel");
    assert_reported(
        &drift(&files, &r),
        &[
            "dtp::pipe::cancel is a public function that changes state",
            "no pipe::cancel",
        ],
    );

    let mut r = rust();
    r.events.retain(|e| e.name != "Purged");
    assert_reported(
        &drift(&files, &r),
        &["dtp::events::Purged is an event with no Rust twin"],
    );

    let mut r = rust();
    r.declared_constants.push("MAX_RETRIES".into());
    assert_reported(
        &drift(&files, &r),
        &["protocol/src/constants.rs: dtp_protocol::constants::MAX_RETRIES is neither mirrored"],
    );
}
