/// Shared fixtures for the hand-written tests: a Host with a known config, endpoints made healthy
/// by heartbeats, a Pipe, and one-line wrappers running each call in its own transaction.
#[test_only]
module dtp::test_helpers;

use dtp::endpoint::Endpoint;
use dtp::host::{Self, Host, HostCap};
use dtp::pipe::{Self, Pipe};
use std::string::String;
use sui::clock::{Self, Clock};
use std::unit_test::assert_eq;
use sui::test_scenario::{Self as ts, Scenario};

public macro fun admin(): address { @0xAD }

public macro fun sender(): address { @0x5E }

public macro fun s1(): address { @0x51 }

public macro fun s2(): address { @0x52 }

public macro fun s3(): address { @0x53 }

// The standard config.
public macro fun timeout(): u64 { 1_000 }

public macro fun threshold(): u32 { 2 }

public macro fun lease(): u64 { 5_000 }

public macro fun attempts(): u32 { 3 }

public macro fun max_payload(): u64 { 64 }

public macro fun max_pending(): u64 { 10 }

/// A scenario whose first transaction (by `admin`) created a Host with the standard config, and a
/// Clock at 1_000 ms.
public fun begin(): (Scenario, Clock) {
    let mut sc = ts::begin(admin!());
    host::create_host(
        b"h".to_string(),
        timeout!(),
        threshold!(),
        lease!(),
        attempts!(),
        max_payload!(),
        max_pending!(),
        sc.ctx(),
    );
    let mut clock = clock::create_for_testing(sc.ctx());
    clock.set_for_testing(1_000);
    sc.next_tx(admin!());
    (sc, clock)
}

public fun finish(sc: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    sc.end();
}

/// `add_endpoint` by the admin (label "e", weight 1, unbounded, ACTIVE, no region).
public fun add(sc: &mut Scenario, server: address) {
    add_full(sc, server, b"".to_string(), 1, 0, dtp::endpoint::active());
}

public fun add_full(
    sc: &mut Scenario,
    server: address,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
) {
    sc.next_tx(admin!());
    let mut h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    h.add_endpoint(&cap, server, b"e".to_string(), region, weight, max_inflight, role);
    sc.return_to_sender(cap);
    ts::return_shared(h);
}

/// One heartbeat of `server` at the clock's time.
public fun beat(sc: &mut Scenario, clock: &Clock, server: address, ready: bool) {
    sc.next_tx(server);
    let mut h = sc.take_shared<Host>();
    h.heartbeat(ready, 0, clock, sc.ctx());
    ts::return_shared(h);
}

/// `threshold` timely ready heartbeats: `server` is healthy afterwards.
public fun make_healthy(sc: &mut Scenario, clock: &Clock, server: address) {
    threshold!().do!(|_| beat(sc, clock, server, true));
}

/// An ACTIVE, healthy endpoint.
public fun add_healthy(sc: &mut Scenario, clock: &Clock, server: address) {
    add(sc, server);
    make_healthy(sc, clock, server);
}

public fun set_state(sc: &mut Scenario, clock: &Clock, server: address, state: u8) {
    sc.next_tx(admin!());
    let mut h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    h.set_state(&cap, server, state, clock);
    sc.return_to_sender(cap);
    ts::return_shared(h);
}

/// Creates a Pipe with `policy` and returns its id.
public fun new_pipe(sc: &mut Scenario, policy: u8): ID {
    sc.next_tx(admin!());
    let h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    pipe::create_pipe(&h, &cap, b"p".to_string(), policy, sc.ctx());
    sc.return_to_sender(cap);
    ts::return_shared(h);
    sc.next_tx(admin!());
    ts::most_recent_id_shared<Pipe>().destroy_some()
}

/// `send` by `sender` with a payload, returning the seq.
public fun send(
    sc: &mut Scenario,
    clock: &Clock,
    from: address,
    key: vector<u8>,
    region: String,
): u64 {
    sc.next_tx(from);
    let mut p = sc.take_shared<Pipe>();
    let h = sc.take_shared<Host>();
    let seq = p.send(&h, b"payload", key, region, clock, sc.ctx());
    ts::return_shared(p);
    ts::return_shared(h);
    seq
}

public fun send_plain(sc: &mut Scenario, clock: &Clock): u64 {
    send(sc, clock, sender!(), vector[], b"".to_string())
}

/// The current assignee and attempt of pending request `seq`.
public fun assignment(sc: &mut Scenario, seq: u64): (address, u32) {
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    let r = p.pending_request(seq);
    let (server, attempt) = (r.server(), r.attempt());
    ts::return_shared(p);
    (server, attempt)
}

public fun release(sc: &mut Scenario, clock: &Clock, by: address, seq: u64, attempt: u32) {
    sc.next_tx(by);
    let mut p = sc.take_shared<Pipe>();
    let h = sc.take_shared<Host>();
    p.release(&h, seq, attempt, clock, sc.ctx());
    ts::return_shared(p);
    ts::return_shared(h);
}

public fun takeover(sc: &mut Scenario, clock: &Clock, by: address, seq: u64) {
    sc.next_tx(by);
    let mut p = sc.take_shared<Pipe>();
    let h = sc.take_shared<Host>();
    p.takeover(&h, seq, clock, sc.ctx());
    ts::return_shared(p);
    ts::return_shared(h);
}

public fun complete(sc: &mut Scenario, clock: &Clock, by: address, seq: u64, attempt: u32) {
    sc.next_tx(by);
    let mut p = sc.take_shared<Pipe>();
    let h = sc.take_shared<Host>();
    p.complete(&h, seq, attempt, true, b"ok", clock, sc.ctx());
    ts::return_shared(p);
    ts::return_shared(h);
}

/// Creates a second Host (and HostCap) owned by @0xB0B, for wrong-host / wrong-cap tests, and
/// returns its id.
public fun other_host(sc: &mut Scenario): ID {
    sc.next_tx(@0xB0B);
    host::create_host(
        b"other".to_string(),
        timeout!(),
        threshold!(),
        lease!(),
        attempts!(),
        max_payload!(),
        max_pending!(),
        sc.ctx(),
    );
    sc.next_tx(@0xB0B);
    ts::most_recent_id_shared<Host>().destroy_some()
}

/// The id of the (most recently created) Host; starts a transaction by the admin.
public fun host_id(sc: &mut Scenario): ID {
    sc.next_tx(admin!());
    ts::most_recent_id_shared<Host>().destroy_some()
}

/// The label `add` gives.
public fun e_label(): String { b"e".to_string() }

public fun str(n: u64): String {
    let mut v = vector[];
    n.do!(|_| v.push_back(0x61));
    v.to_string()
}

/// In a transaction by @0xB0B: our Host and the HostCap of another Host.
public fun host_and_wrong_cap(sc: &mut Scenario): (Host, HostCap) {
    let ours = host_id(sc);
    other_host(sc);
    (sc.take_shared_by_id<Host>(ours), sc.take_from_sender<HostCap>())
}

/// In a transaction by the admin: the Host and its HostCap.
public fun host_and_cap(sc: &mut Scenario): (Host, HostCap) {
    sc.next_tx(admin!());
    (sc.take_shared<Host>(), sc.take_from_sender<HostCap>())
}

public fun give_back(sc: &Scenario, h: Host, cap: HostCap) {
    sc.return_to_sender(cap);
    ts::return_shared(h);
}

public fun endpoint_of(sc: &mut Scenario, server: address): Endpoint {
    sc.next_tx(admin!());
    let h = sc.take_shared<Host>();
    let e = h.endpoint(server);
    ts::return_shared(h);
    e
}

/// Whether `server` is healthy at the clock's time (checked through both getters).
public fun healthy(sc: &mut Scenario, clock: &Clock, server: address): bool {
    sc.next_tx(admin!());
    let h = sc.take_shared<Host>();
    let ok = h.endpoint(server).is_healthy(&h.config(), clock.timestamp_ms());
    assert_eq!(ok, h.is_healthy(server, clock.timestamp_ms()));
    ts::return_shared(h);
    ok
}
