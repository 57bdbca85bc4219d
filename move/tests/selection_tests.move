/// The pure selection function, policy by policy, with expected values computed independently
/// (blake2b-256 from Python's hashlib for AFFINITY / RANDOM), plus candidates, standby promotion
/// and the two aborts.
#[test_only]
module dtp::selection_tests;

use dtp::config::{Self, HostConfig};
use dtp::endpoint::{Self, Endpoint};
use dtp::selection;
use std::string::String;
use std::unit_test::assert_eq;
use sui::hash::blake2b256;
use sui::vec_map::{Self, VecMap};

const NOW: u64 = 10_000;

/// healthy_threshold 1: one heartbeat makes an endpoint healthy.
fun cfg(): HostConfig { config::new(1_000, 1, 5_000, 3, 64, 10) }

fun ep(server: address, region: vector<u8>, weight: u32, max_inflight: u32, role: u8): Endpoint {
    let mut e = endpoint::new(
        server,
        b"e".to_string(),
        region.to_string(),
        weight,
        max_inflight,
        role,
    );
    e.heartbeat(&cfg(), true, 0, NOW);
    e
}

fun active(server: address): Endpoint { ep(server, b"", 1, 0, endpoint::active()) }

fun weighted(server: address, weight: u32): Endpoint {
    ep(server, b"", weight, 0, endpoint::active())
}

fun abc(): vector<Endpoint> { vector[active(@0x51), active(@0x52), active(@0x53)] }

fun pipe_id(): ID { object::id_from_address(@0xABC) }

fun none(): VecMap<address, u32> { vec_map::empty() }

fun empty(): String { b"".to_string() }

/// `select` with the given policy, rr, key and region; seq 0, attempt 1, no exclusion.
fun pick(
    endpoints: &vector<Endpoint>,
    inflight: &VecMap<address, u32>,
    policy: u8,
    rr: u64,
    key: vector<u8>,
    region: String,
): u64 {
    let (i, standby) = selection::select(
        endpoints,
        &cfg(),
        pipe_id(),
        rr,
        inflight,
        policy,
        NOW,
        &key,
        &region,
        0,
        1,
        option::none(),
    );
    assert!(!standby);
    i
}

/// The chosen indices for rr = from, from + 1, ..., from + count - 1.
fun picks(
    endpoints: &vector<Endpoint>,
    inflight: &VecMap<address, u32>,
    policy: u8,
    from: u64,
    count: u64,
    key: vector<u8>,
    region: String,
): vector<u64> {
    vector::tabulate!(count, |k| pick(endpoints, inflight, policy, from + k, key, region))
}

// === candidates ===

#[test]
fun candidates_filter_and_fall_back_to_standby() {
    let cfg = cfg();
    let mut unhealthy = active(@0x54);
    unhealthy.heartbeat(&cfg, false, 0, NOW);
    let mut draining = active(@0x55);
    draining.set_state(endpoint::draining());
    let endpoints = vector[
        ep(@0x50, b"", 1, 0, endpoint::standby()),
        active(@0x51),
        ep(@0x52, b"", 1, 1, endpoint::active()), // max_inflight 1
        unhealthy,
        draining,
        active(@0x56),
        ep(@0x57, b"", 1, 0, endpoint::standby()),
    ];
    let mut inflight = none();
    let (c, standby) = selection::candidates(&endpoints, &cfg, &inflight, NOW, option::none());
    assert_eq!(c, vector[1, 2, 5]);
    assert!(!standby);
    // At its max_inflight an endpoint is healthy but not selectable.
    inflight.insert(@0x52, 1);
    let (c, _) = selection::candidates(&endpoints, &cfg, &inflight, NOW, option::some(@0x51));
    assert_eq!(c, vector[5]);
    // With every ACTIVE excluded or unselectable, the STANDBY ones are promoted.
    let mut only_standby = endpoints;
    only_standby.remove(5);
    let exclude = option::some(@0x51);
    let (c, standby) = selection::candidates(&only_standby, &cfg, &inflight, NOW, exclude);
    assert_eq!(c, vector[0, 5]);
    assert!(standby);
    // Stale heartbeats: nobody.
    let (c, _) = selection::candidates(&endpoints, &cfg, &inflight, NOW + 1_001, option::none());
    assert!(c.is_empty());
}

#[test]
fun select_reports_standby() {
    let endpoints = vector[
        ep(@0x51, b"", 1, 0, endpoint::standby()),
        ep(@0x52, b"", 1, 0, endpoint::standby()),
    ];
    let (i, standby) = selection::select(
        &endpoints,
        &cfg(),
        pipe_id(),
        1,
        &none(),
        selection::round_robin(),
        NOW,
        &vector[],
        &empty(),
        0,
        1,
        option::none(),
    );
    assert_eq!(i, 1);
    assert!(standby);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun select_with_nobody() {
    let endpoints = vector[active(@0x51)];
    selection::select(
        &endpoints,
        &cfg(),
        pipe_id(),
        0,
        &none(),
        selection::round_robin(),
        NOW,
        &vector[],
        &empty(),
        0,
        1,
        option::some(@0x51),
    );
}

#[test, expected_failure(abort_code = dtp::selection::EInvalidPolicy)]
fun select_with_an_unknown_policy() {
    pick(&abc(), &none(), 6, 0, vector[], empty());
}

// === policies ===

#[test]
fun round_robin_cycles() {
    let policy = selection::round_robin();
    let got = picks(&abc(), &none(), policy, 0, 7, vector[], empty());
    assert_eq!(got, vector[0, 1, 2, 0, 1, 2, 0]);
    assert_eq!(pick(&abc(), &none(), policy, 18_446_744_073_709_551_615, vector[], empty()), 0);
}

#[test]
fun weighted_interleaves_by_weight() {
    let policy = selection::weighted();
    // The example of docs/protocol.md: 5/3/2, stride 7, gives a b a a c b a c b a.
    let endpoints = vector[weighted(@0x51, 5), weighted(@0x52, 3), weighted(@0x53, 2)];
    assert_eq!(
        picks(&endpoints, &none(), policy, 0, 10, vector[], empty()),
        vector[0, 1, 0, 0, 2, 1, 0, 2, 1, 0],
    );
    // rr is reduced mod total first: u64::MAX % 10 == 5.
    assert_eq!(pick(&endpoints, &none(), policy, 18_446_744_073_709_551_615, vector[], empty()), 1);
    // 1/2/3: stride 5 (3 and 4 share a factor with 6), points 0 5 4 3 2 1.
    let endpoints = vector[weighted(@0x51, 1), weighted(@0x52, 2), weighted(@0x53, 3)];
    let got = picks(&endpoints, &none(), policy, 0, 6, vector[], empty());
    assert_eq!(got, vector[0, 2, 2, 2, 1, 1]);
    // Any window of `total` sends hits each endpoint exactly `weight` times.
    let window = picks(&endpoints, &none(), policy, 1_000_003, 6, vector[], empty());
    assert_eq!(window.count!(|i| *i == 0), 1);
    assert_eq!(window.count!(|i| *i == 1), 2);
    assert_eq!(window.count!(|i| *i == 2), 3);
    // A single candidate always wins.
    let got = picks(&vector[weighted(@0x51, 7)], &none(), policy, 0, 3, vector[], empty());
    assert_eq!(got, vector[0, 0, 0]);
}

#[test]
fun weighted_stride_is_the_first_coprime_at_or_above_total_over_phi() {
    assert_eq!(selection::golden(), 0x9E3779B97F4A7C15);
    // Values from an independent Python implementation.
    let totals = vector[1, 2, 3, 4, 5, 6, 10, 100, 64_000_000];
    let strides = vector[1, 1, 1, 3, 3, 5, 7, 61, 39_554_177];
    totals.length().do!(|i| assert_eq!(selection::weighted_stride(totals[i]), strides[i]));
}

#[test]
fun least_inflight_minimises_inflight_per_weight() {
    let policy = selection::least_inflight();
    let endpoints = vector[weighted(@0x51, 1), weighted(@0x52, 2), weighted(@0x53, 1)];
    // Nobody busy: all tie, round robin.
    assert_eq!(picks(&endpoints, &none(), policy, 0, 4, vector[], empty()), vector[0, 1, 2, 0]);
    // 1/1, 2/2, 0/1: the idle one.
    let inflight = vec_map::from_keys_values(vector[@0x51, @0x52], vector[1, 2]);
    assert_eq!(picks(&endpoints, &inflight, policy, 0, 3, vector[], empty()), vector[2, 2, 2]);
    // 2/1, 2/2, 1/1: the last two tie at 1, served round robin in candidate order.
    let inflight = vec_map::from_keys_values(vector[@0x53, @0x51, @0x52], vector[1, 2, 2]);
    assert_eq!(picks(&endpoints, &inflight, policy, 0, 4, vector[], empty()), vector[1, 2, 1, 2]);
    // 1/3 < 1/2: exact comparison, no integer division.
    let endpoints = vector[weighted(@0x51, 2), weighted(@0x52, 3)];
    let inflight = vec_map::from_keys_values(vector[@0x51, @0x52], vector[1, 1]);
    assert_eq!(pick(&endpoints, &inflight, policy, 0, vector[], empty()), 1);
}

#[test]
fun affinity_is_rendezvous_hashing() {
    let policy = selection::affinity();
    // Scores (first 8 bytes of blake2b256(key ++ address), computed with Python's hashlib):
    //   alice: 0x51 344f8f64034120c6, 0x52 d77383f2b92eb2ed, 0x53 4266f9567732a66e
    //   carol: 0x51 26e433fd76bf2f29, 0x52 6c947a7c955cae0e, 0x53 ac6909d818ba7b64
    //   k:     0x51 b8cb48735edb864b, 0x52 5cecbbd1ec632cf9, 0x53 a897cb4d075bec1b
    let all = abc();
    assert_eq!(picks(&all, &none(), policy, 0, 3, b"alice", empty()), vector[1, 1, 1]);
    assert_eq!(pick(&all, &none(), policy, 5, b"carol", empty()), 2);
    assert_eq!(pick(&all, &none(), policy, 5, b"k", empty()), 0);
    // Removing another server keeps a key where it is; removing its server moves only that key.
    let without_51 = vector[active(@0x52), active(@0x53)];
    assert_eq!(pick(&without_51, &none(), policy, 0, b"alice", empty()), 0);
    assert_eq!(pick(&without_51, &none(), policy, 0, b"carol", empty()), 1);
    let without_52 = vector[active(@0x51), active(@0x53)];
    assert_eq!(pick(&without_52, &none(), policy, 0, b"alice", empty()), 1);
    // No key: round robin.
    assert_eq!(picks(&all, &none(), policy, 4, 3, vector[], empty()), vector[1, 2, 0]);
}

#[test]
fun random_hashes_pipe_seq_and_attempt() {
    let policy = selection::random();
    let all = abc();
    // r = be_u64(blake2b256(pipe id ++ le_u64(seq) ++ le_u32(attempt))), values from Python:
    //   (seq 0, attempt 1) d6120ab5e1f7ea80 % 3 = 0; (7, 1) b95372cca7564461 % 3 = 2;
    //   (7, 2) 5b96c7afa1e887d6 % 3 = 1; (123456789, 3) 87cd63dea896222a % 3 = 2.
    let cases = vector[vector[0, 1, 0], vector[7, 1, 2], vector[7, 2, 1], vector[123456789, 3, 2]];
    cases.do!(|case| {
        let (i, _) = selection::select(
            &all,
            &cfg(),
            pipe_id(),
            99, // rr plays no part
            &none(),
            policy,
            NOW,
            &b"ignored",
            &empty(),
            case[0],
            case[1] as u32,
            option::none(),
        );
        assert_eq!(i, case[2]);
    });
}

#[test]
fun region_prefers_the_requested_region() {
    let policy = selection::region();
    let endpoints = vector[
        ep(@0x51, b"eu", 1, 0, endpoint::active()),
        ep(@0x52, b"us", 1, 0, endpoint::active()),
        ep(@0x53, b"eu", 1, 0, endpoint::active()),
    ];
    let eu = b"eu".to_string();
    assert_eq!(picks(&endpoints, &none(), policy, 0, 3, vector[], eu), vector[0, 2, 0]);
    assert_eq!(picks(&endpoints, &none(), policy, 0, 2, vector[], b"us".to_string()), vector[1, 1]);
    // Unknown or no region: everyone, round robin.
    let got = picks(&endpoints, &none(), policy, 0, 3, vector[], b"asia".to_string());
    assert_eq!(got, vector[0, 1, 2]);
    assert_eq!(picks(&endpoints, &none(), policy, 1, 3, vector[], empty()), vector[1, 2, 0]);
}

#[test]
fun be_u64_reads_big_endian() {
    assert_eq!(selection::be_u64(&x"0102030405060708ff"), 0x0102030405060708);
    // blake2b-256("hello") starts with 324dcf027dd4a30a (Python's hashlib).
    assert_eq!(selection::be_u64(&blake2b256(&b"hello")), 0x324dcf027dd4a30a);
}

#[test]
fun policy_constants() {
    assert_eq!(selection::round_robin(), 0);
    assert_eq!(selection::weighted(), 1);
    assert_eq!(selection::least_inflight(), 2);
    assert_eq!(selection::affinity(), 3);
    assert_eq!(selection::random(), 4);
    assert_eq!(selection::region(), 5);
    assert!(selection::is_valid_policy(5) && !selection::is_valid_policy(6));
}
