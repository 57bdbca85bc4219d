//! The fixed Move text of the generated vector tests: the banner every file starts with, the
//! helpers module they share, and the `use` lines of each vector's module.

/// What every generated file starts with.
pub const GENERATED: &str = "\
// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
";

/// The helpers' file name in `move/tests/vectors/`.
pub const HELPERS_FILE: &str = "vector_helpers.move";

/// The helpers every vector's module uses.
pub const HELPERS: &str = "\
#[test_only]
module dtp::vector_helpers;

use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};

/// `n` bytes of `x` (a long payload, written short).
public fun bytes(n: u64): vector<u8> {
    let mut v = vector[];
    n.do!(|_| v.push_back(120u8));
    v
}

public fun id(a: address): ID { object::id_from_address(a) }

/// A scenario and a clock at 0.
public fun start(): (Scenario, Clock) {
    let mut scenario = ts::begin(@0x0);
    let clock = clock::create_for_testing(scenario.ctx());
    (scenario, clock)
}

public fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}
";

/// The `use` lines of a vector's module (what its steps may need).
pub const USES: &str = "\
use dtp::config;
use dtp::events;
use dtp::host::{Self, Host, HostCap};
use dtp::pipe::{Self, Pipe};
use dtp::request;
use dtp::endpoint;
use dtp::vector_helpers::{bytes, id, start, finish};
use sui::clock::{Self, Clock};
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};
";
