/// The request lifecycle: create / set_policy / send / cancel / claim / complete, with every
/// abort path. Reassignment (release, takeover, dead letter, redrive, purge) is in
/// `reassign_tests`.
#[test_only]
module dtp::pipe_tests;

use dtp::endpoint;
use dtp::events;
use dtp::host::{Host, HostCap};
use dtp::pipe::{Self, Pipe};
use dtp::selection;
use dtp::test_helpers::{Self as th, admin, sender, s1, s2, s3, lease};
use std::string::String;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

public fun bytes(n: u64): vector<u8> {
    let mut v = vector[];
    n.do!(|_| v.push_back(0x61));
    v
}

public fun str(n: u64): String { bytes(n).to_string() }

/// A Host with healthy ACTIVE s1 and s2 and a ROUND_ROBIN Pipe; returns the Pipe's id.
public fun setup(): (Scenario, Clock, ID) {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::add_healthy(&mut sc, &clock, s2!());
    let pipe_id = th::new_pipe(&mut sc, selection::round_robin());
    (sc, clock, pipe_id)
}

/// In a transaction by `who`: the Pipe and the Host.
public fun take(sc: &mut Scenario, who: address): (Pipe, Host) {
    sc.next_tx(who);
    (sc.take_shared<Pipe>(), sc.take_shared<Host>())
}

public fun put(p: Pipe, h: Host) {
    ts::return_shared(p);
    ts::return_shared(h);
}

/// In a transaction by @0xB0B: our Pipe, another Host and that Host's cap.
public fun take_with_other_host(sc: &mut Scenario): (Pipe, Host, HostCap) {
    let other = th::other_host(sc);
    (sc.take_shared<Pipe>(), sc.take_shared_by_id<Host>(other), sc.take_from_sender<HostCap>())
}

/// In a transaction by @0xB0B: our Pipe, our Host and another Host's cap.
public fun take_with_wrong_cap(sc: &mut Scenario): (Pipe, Host, HostCap) {
    let ours = th::host_id(sc);
    th::other_host(sc);
    (sc.take_shared<Pipe>(), sc.take_shared_by_id<Host>(ours), sc.take_from_sender<HostCap>())
}

public fun put3(sc: &Scenario, p: Pipe, h: Host, cap: HostCap) {
    sc.return_to_sender(cap);
    put(p, h);
}

// === create_pipe ===

#[test]
fun send_stores_and_assigns() {
    let (mut sc, clock, pipe_id) = setup();
    let (mut p, h) = take(&mut sc, sender!());
    let seq = p.send(&h, bytes(64), bytes(128), str(64), &clock, sc.ctx());
    assert_eq!(seq, 0);
    let deadline = 1_000 + lease!();
    assert_eq!(
        event::events_by_type<events::Assigned>(),
        vector[events::new_assigned(pipe_id, 0, s1!(), 1, deadline, sender!(), false, bytes(64))],
    );
    let r = p.pending_request(0);
    assert_eq!(r.seq(), 0);
    assert_eq!(r.sender(), sender!());
    assert_eq!(r.key(), bytes(128));
    assert_eq!(r.region(), str(64));
    assert_eq!(r.payload(), bytes(64));
    assert_eq!(r.server(), s1!());
    assert_eq!(r.attempt(), 1);
    assert_eq!(r.tries(), 1);
    assert!(!r.claimed());
    assert_eq!(r.created_ms(), 1_000);
    assert_eq!(r.deadline_ms(), deadline);
    assert_eq!(p.next_seq(), 1);
    assert_eq!(p.rr(), 1);
    assert_eq!(p.pending_len(), 1);
    assert!(p.is_pending(0) && !p.is_dead(0) && !p.is_pending(1));
    assert_eq!(p.inflight_of(s1!()), 1);
    assert_eq!(p.inflight_of(s2!()), 0);
    // The next one goes round robin to s2.
    assert_eq!(p.send(&h, vector[], vector[], str(0), &clock, sc.ctx()), 1);
    assert_eq!(p.pending_request(1).server(), s2!());
    assert_eq!(p.inflight().keys(), vector[s1!(), s2!()]);
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun send_wrong_host() {
    let (mut sc, clock, _) = setup();
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.send(&h, vector[], vector[], str(0), &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun send_payload_too_large() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, sender!());
    p.send(&h, bytes(65), vector[], str(0), &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun send_key_too_long() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, sender!());
    p.send(&h, vector[], bytes(129), str(0), &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun send_region_too_long() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, sender!());
    p.send(&h, vector[], vector[], str(65), &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun send_pipe_full() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, sender!());
    th::max_pending!().do!(|_| { p.send(&h, vector[], vector[], str(0), &clock, sc.ctx()); });
    assert_eq!(p.pending_len(), th::max_pending!());
    p.send(&h, vector[], vector[], str(0), &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun send_without_endpoints() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!()); // registered but never heartbeated
    th::new_pipe(&mut sc, selection::round_robin());
    th::send_plain(&mut sc, &clock);
    th::finish(sc, clock);
}

#[test]
fun send_promotes_standby_only_when_no_active_is_selectable() {
    let (mut sc, mut clock) = th::begin();
    th::add(&mut sc, s1!());
    th::add_full(&mut sc, s2!(), str(0), 1, 0, endpoint::standby());
    th::make_healthy(&mut sc, &clock, s2!());
    let pipe_id = th::new_pipe(&mut sc, selection::round_robin());
    let seq = th::send_plain(&mut sc, &clock);
    assert_eq!(
        event::events_by_type<events::Assigned>(),
        vector[
            events::new_assigned(pipe_id, seq, s2!(), 1, 1_000 + lease!(), sender!(), true, b"payload"),
        ],
    );
    // Once the ACTIVE endpoint is healthy it takes the work again.
    clock.set_for_testing(1_500);
    th::make_healthy(&mut sc, &clock, s1!());
    th::beat(&mut sc, &clock, s2!(), true);
    let seq = th::send_plain(&mut sc, &clock);
    assert_eq!(
        event::events_by_type<events::Assigned>(),
        vector[
            events::new_assigned(pipe_id, seq, s1!(), 1, 1_500 + lease!(), sender!(), false, b"payload"),
        ],
    );
    th::finish(sc, clock);
}

#[test]
fun send_skips_draining_and_full_endpoints() {
    let (mut sc, clock) = th::begin();
    th::add_full(&mut sc, s1!(), str(0), 1, 1, endpoint::active()); // max_inflight 1
    th::add_healthy(&mut sc, &clock, s2!());
    th::add_healthy(&mut sc, &clock, s3!());
    th::make_healthy(&mut sc, &clock, s1!());
    th::new_pipe(&mut sc, selection::round_robin());
    th::set_state(&mut sc, &clock, s3!(), endpoint::draining());
    // rr 0 over [s1, s2] -> s1, which is then full.
    let a = th::send_plain(&mut sc, &clock);
    // rr 1 over [s2] -> s2; rr 2 over [s2] -> s2.
    let b = th::send_plain(&mut sc, &clock);
    let c = th::send_plain(&mut sc, &clock);
    let (sa, _) = th::assignment(&mut sc, a);
    let (sb, _) = th::assignment(&mut sc, b);
    let (sc_, _) = th::assignment(&mut sc, c);
    assert_eq!(vector[sa, sb, sc_], vector[s1!(), s2!(), s2!()]);
    // s1 is free again after its request completes.
    th::complete(&mut sc, &clock, s1!(), a, 1);
    let d = th::send_plain(&mut sc, &clock);
    let (sd, _) = th::assignment(&mut sc, d); // rr 3 over [s1, s2] -> s2
    assert_eq!(sd, s2!());
    let e = th::send_plain(&mut sc, &clock);
    let (se, _) = th::assignment(&mut sc, e); // rr 4 over [s1, s2] -> s1
    assert_eq!(se, s1!());
    th::finish(sc, clock);
}

// === cancel ===

#[test]
fun cancel_removes_the_request() {
    let (mut sc, clock, pipe_id) = setup();
    let a = th::send_plain(&mut sc, &clock); // s1
    let b = th::send_plain(&mut sc, &clock); // s2
    sc.next_tx(sender!());
    let mut p = sc.take_shared<Pipe>();
    p.cancel(a, sc.ctx());
    assert_eq!(
        event::events_by_type<events::Cancelled>(),
        vector[events::new_cancelled(pipe_id, a, sender!())],
    );
    assert!(!p.is_pending(a) && !p.is_dead(a) && p.is_pending(b));
    assert_eq!(p.pending_len(), 1);
    // s1 went back to 0 and left the map.
    assert_eq!(p.inflight_of(s1!()), 0);
    assert_eq!(p.inflight().keys(), vector[s2!()]);
    ts::return_shared(p);
    // A new assignment to s1 appends it at the end.
    let c = th::send_plain(&mut sc, &clock); // rr 2 -> s1
    let (server, _) = th::assignment(&mut sc, c);
    assert_eq!(server, s1!());
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert_eq!(p.inflight().keys(), vector[s2!(), s1!()]);
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun cancel_unknown() {
    let (mut sc, clock, _) = setup();
    sc.next_tx(sender!());
    let mut p = sc.take_shared<Pipe>();
    p.cancel(0, sc.ctx());
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotSender)]
fun cancel_not_sender() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    sc.next_tx(s1!());
    let mut p = sc.take_shared<Pipe>();
    p.cancel(seq, sc.ctx());
    ts::return_shared(p);
    th::finish(sc, clock);
}

// === claim ===

#[test]
fun claim_marks_and_extends() {
    let (mut sc, mut clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    clock.set_for_testing(3_000);
    let (mut p, h) = take(&mut sc, s1!());
    p.claim(&h, seq, 1, &clock, sc.ctx());
    assert_eq!(
        event::events_by_type<events::Claimed>(),
        vector[events::new_claimed(pipe_id, seq, s1!(), 1, 3_000 + lease!())],
    );
    assert!(p.pending_request(seq).claimed());
    assert_eq!(p.pending_request(seq).deadline_ms(), 3_000 + lease!());
    put(p, h);
    // Claiming again (even after the deadline, before anyone took over) extends the lease.
    clock.set_for_testing(20_000);
    let (mut p, h) = take(&mut sc, s1!());
    p.claim(&h, seq, 1, &clock, sc.ctx());
    assert_eq!(p.pending_request(seq).deadline_ms(), 20_000 + lease!());
    assert_eq!(p.pending_request(seq).attempt(), 1);
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun claim_wrong_host() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.claim(&h, seq, 1, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun claim_unknown() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, s1!());
    p.claim(&h, 0, 1, &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun claim_stale_attempt() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    // The attempt is checked before the assignee.
    let (mut p, h) = take(&mut sc, s2!());
    p.claim(&h, seq, 2, &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun claim_not_assignee() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h) = take(&mut sc, s2!());
    p.claim(&h, seq, 1, &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

// === complete ===

#[test]
fun complete_removes_and_reports() {
    let (mut sc, mut clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    clock.set_for_testing(1_250);
    let (mut p, h) = take(&mut sc, s1!());
    p.complete(&h, seq, 1, false, bytes(64), &clock, sc.ctx());
    assert_eq!(
        event::events_by_type<events::Completed>(),
        vector[events::new_completed(pipe_id, seq, s1!(), 1, false, bytes(64), 250)],
    );
    assert!(!p.is_pending(seq) && !p.is_dead(seq));
    assert_eq!(p.pending_len(), 0);
    assert!(p.inflight().is_empty());
    put(p, h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun complete_twice() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::complete(&mut sc, &clock, s1!(), seq, 1);
    th::complete(&mut sc, &clock, s1!(), seq, 1);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun complete_wrong_host() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.complete(&h, seq, 1, true, vector[], &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun complete_stale_attempt() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::complete(&mut sc, &clock, s1!(), seq, 0);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun complete_not_assignee() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::complete(&mut sc, &clock, s2!(), seq, 1);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun complete_response_too_large() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h) = take(&mut sc, s1!());
    p.complete(&h, seq, 1, true, bytes(65), &clock, sc.ctx());
    put(p, h);
    th::finish(sc, clock);
}

// === getters ===

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun pending_request_unknown() {
    let (mut sc, clock, _) = setup();
    let p = sc.take_shared<Pipe>();
    p.pending_request(0);
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun dead_request_unknown() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    p.dead_request(seq);
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test]
fun reason_constants() {
    assert_eq!(pipe::expired(), 0);
    assert_eq!(pipe::released(), 1);
}
