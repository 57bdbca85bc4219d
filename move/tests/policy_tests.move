/// Each of the six policies end to end through `pipe::send` (the Pipe feeds `rr`, `inflight`,
/// its id, seq and attempt into the selection).
#[test_only]
module dtp::policy_tests;

use dtp::endpoint;
use dtp::pipe::Pipe;
use dtp::selection;
use dtp::test_helpers::{Self as th, admin, sender, s1, s2, s3};
use std::string::String;
use std::unit_test::assert_eq;
use sui::bcs;
use sui::clock::Clock;
use sui::hash::blake2b256;
use sui::test_scenario::{Self as ts, Scenario};

/// s1, s2, s3 healthy with the given weights and regions, and a Pipe with `policy`.
fun setup(policy: u8, weights: vector<u32>, regions: vector<vector<u8>>): (Scenario, Clock) {
    let (mut sc, clock) = th::begin();
    let servers = vector[s1!(), s2!(), s3!()];
    servers.length().do!(|i| {
        let region = regions[i].to_string();
        th::add_full(&mut sc, servers[i], region, weights[i], 0, endpoint::active());
        th::make_healthy(&mut sc, &clock, servers[i]);
    });
    th::new_pipe(&mut sc, policy);
    (sc, clock)
}

fun plain(policy: u8): (Scenario, Clock) { setup(policy, vector[1, 1, 1], vector[b"", b"", b""]) }

/// Sends `n` requests with `key` and `region`; returns their servers.
fun send_n(
    sc: &mut Scenario,
    clock: &Clock,
    n: u64,
    key: vector<u8>,
    region: String,
): vector<address> {
    vector::tabulate!(n, |_| {
        let seq = th::send(sc, clock, sender!(), key, region);
        let (server, _) = th::assignment(sc, seq);
        server
    })
}

fun none(): String { b"".to_string() }

#[test]
fun round_robin() {
    let (mut sc, clock) = plain(selection::round_robin());
    let got = send_n(&mut sc, &clock, 4, vector[], none());
    assert_eq!(got, vector[s1!(), s2!(), s3!(), s1!()]);
    th::finish(sc, clock);
}

#[test]
fun weighted() {
    let (mut sc, clock) = setup(selection::weighted(), vector[5, 3, 2], vector[b"", b"", b""]);
    let got = send_n(&mut sc, &clock, 10, vector[], none());
    let (a, b, c) = (s1!(), s2!(), s3!());
    assert_eq!(got, vector[a, b, a, a, c, b, a, c, b, a]);
    th::finish(sc, clock);
}

#[test]
fun least_inflight() {
    let no_region = vector[b"", b"", b""];
    let (mut sc, clock) = setup(selection::least_inflight(), vector[1, 2, 1], no_region);
    // inflight 0/1 0/2 0/1 -> tie, rr 0 -> s1; then 1/1 0/2 0/1 -> tie of s2, s3, rr 1 -> s3;
    // then 1/1 0/2 1/1 -> s2; then 1/1 1/2 1/1 -> s2 (1/2 is lowest).
    let got = send_n(&mut sc, &clock, 4, vector[], none());
    assert_eq!(got, vector[s1!(), s3!(), s2!(), s2!()]);
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert_eq!(p.inflight().keys(), vector[s1!(), s3!(), s2!()]);
    assert_eq!(p.inflight_of(s2!()), 2);
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test]
fun affinity() {
    let (mut sc, clock) = plain(selection::affinity());
    // Winners from the scores in selection_tests: alice -> s2, carol -> s3, k -> s1.
    assert_eq!(send_n(&mut sc, &clock, 3, b"alice", none()), vector[s2!(), s2!(), s2!()]);
    assert_eq!(send_n(&mut sc, &clock, 2, b"carol", none()), vector[s3!(), s3!()]);
    assert_eq!(send_n(&mut sc, &clock, 1, b"k", none()), vector[s1!()]);
    // Without a key: round robin on the shared counter (rr is 6 now).
    assert_eq!(send_n(&mut sc, &clock, 2, vector[], none()), vector[s1!(), s2!()]);
    // alice's server drains: only alice moves, to its second best (s3).
    th::set_state(&mut sc, &clock, s2!(), endpoint::draining());
    assert_eq!(send_n(&mut sc, &clock, 1, b"alice", none()), vector[s3!()]);
    assert_eq!(send_n(&mut sc, &clock, 1, b"k", none()), vector[s1!()]);
    th::finish(sc, clock);
}

#[test]
fun random() {
    let (mut sc, clock) = plain(selection::random());
    let got = send_n(&mut sc, &clock, 5, vector[], none());
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    let servers = vector[s1!(), s2!(), s3!()];
    got.length().do!(|seq| {
        let mut data = object::id(&p).to_bytes();
        data.append(bcs::to_bytes(&seq));
        data.append(x"01000000"); // attempt 1, little-endian u32
        let r = selection::be_u64(&blake2b256(&data));
        assert_eq!(got[seq], servers[r % 3]);
    });
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test]
fun region() {
    let (mut sc, clock) = setup(selection::region(), vector[1, 1, 1], vector[b"eu", b"us", b"eu"]);
    let eu = b"eu".to_string();
    assert_eq!(send_n(&mut sc, &clock, 3, vector[], eu), vector[s1!(), s3!(), s1!()]);
    assert_eq!(send_n(&mut sc, &clock, 1, vector[], b"us".to_string()), vector[s2!()]);
    // rr 4 over everyone.
    assert_eq!(send_n(&mut sc, &clock, 1, vector[], none()), vector[s2!()]);
    assert_eq!(send_n(&mut sc, &clock, 1, vector[], b"asia".to_string()), vector[s3!()]);
    th::finish(sc, clock);
}

#[test]
fun set_policy_takes_effect_on_the_next_send() {
    let (mut sc, clock) = setup(selection::round_robin(), vector[1, 1, 1], vector[b"", b"us", b""]);
    assert_eq!(send_n(&mut sc, &clock, 1, vector[], b"us".to_string()), vector[s1!()]);
    sc.next_tx(admin!());
    let mut p = sc.take_shared<Pipe>();
    let h = sc.take_shared<dtp::host::Host>();
    let cap = sc.take_from_sender<dtp::host::HostCap>();
    p.set_policy(&h, &cap, selection::region());
    sc.return_to_sender(cap);
    ts::return_shared(h);
    ts::return_shared(p);
    assert_eq!(send_n(&mut sc, &clock, 1, vector[], b"us".to_string()), vector[s2!()]);
    th::finish(sc, clock);
}
