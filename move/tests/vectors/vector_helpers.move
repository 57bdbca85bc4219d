// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
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
