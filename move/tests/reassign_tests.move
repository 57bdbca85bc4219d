/// Reassignment: release, takeover (stale completion, fencing), dead letter, redrive (attempt
/// stays monotonic) and purge, with every abort path.
#[test_only]
module dtp::reassign_tests;

use dtp::endpoint;
use dtp::events;
use dtp::host::{Host, HostCap};
use dtp::pipe::Pipe;
use dtp::selection;
use dtp::test_helpers::{Self as th, admin, sender, s1, s2, s3, lease};
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

/// A Host with healthy ACTIVE s1 and s2 and a ROUND_ROBIN Pipe; returns the Pipe's id.
fun setup(): (Scenario, Clock, ID) {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::add_healthy(&mut sc, &clock, s2!());
    let pipe_id = th::new_pipe(&mut sc, selection::round_robin());
    (sc, clock, pipe_id)
}

fun take(sc: &mut Scenario, who: address): (Pipe, Host) {
    sc.next_tx(who);
    (sc.take_shared<Pipe>(), sc.take_shared<Host>())
}

fun put(p: Pipe, h: Host) {
    ts::return_shared(p);
    ts::return_shared(h);
}

fun take_admin(sc: &mut Scenario): (Pipe, Host, HostCap) {
    sc.next_tx(admin!());
    (sc.take_shared<Pipe>(), sc.take_shared<Host>(), sc.take_from_sender<HostCap>())
}

fun take_with_other_host(sc: &mut Scenario): (Pipe, Host, HostCap) {
    let other = th::other_host(sc);
    (sc.take_shared<Pipe>(), sc.take_shared_by_id<Host>(other), sc.take_from_sender<HostCap>())
}

fun take_with_wrong_cap(sc: &mut Scenario): (Pipe, Host, HostCap) {
    let ours = th::host_id(sc);
    th::other_host(sc);
    (sc.take_shared<Pipe>(), sc.take_shared_by_id<Host>(ours), sc.take_from_sender<HostCap>())
}

fun put3(sc: &Scenario, p: Pipe, h: Host, cap: HostCap) {
    sc.return_to_sender(cap);
    put(p, h);
}

/// Moves the clock to `t` and makes each of `servers` healthy again at `t`.
fun at(sc: &mut Scenario, clock: &mut Clock, t: u64, servers: vector<address>) {
    clock.set_for_testing(t);
    servers.do!(|s| th::make_healthy(sc, clock, s));
}

/// Sends a request and releases it until it is dead-lettered (s1, s2, s1: attempt 3, tries 3).
fun dead_letter(sc: &mut Scenario, clock: &Clock): u64 {
    let seq = th::send_plain(sc, clock);
    let (a, n) = th::assignment(sc, seq);
    th::release(sc, clock, a, seq, n);
    let (b, n) = th::assignment(sc, seq);
    th::release(sc, clock, b, seq, n);
    let (c, n) = th::assignment(sc, seq);
    th::release(sc, clock, c, seq, n);
    seq
}

// === release ===

#[test]
fun release_reassigns_to_another_endpoint() {
    let (mut sc, clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock); // s1
    let (mut p, h) = take(&mut sc, s1!());
    p.claim(&h, seq, 1, &clock, sc.ctx());
    p.release(&h, seq, 1, &clock, sc.ctx());
    assert_eq!(
        event::events_by_type<events::Reassigned>(),
        vector[events::new_reassigned(pipe_id, seq, s1!(), s2!(), 2, 1_000 + lease!(), 1, false)],
    );
    let r = p.pending_request(seq);
    assert_eq!(r.server(), s2!());
    assert_eq!(r.attempt(), 2);
    assert_eq!(r.tries(), 2);
    assert!(!r.claimed());
    assert_eq!(p.inflight().keys(), vector[s2!()]);
    assert_eq!(p.rr(), 2);
    put(p, h);
    th::finish(sc, clock);
}

#[test]
fun release_falls_back_to_standby() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::add_full(&mut sc, s2!(), b"".to_string(), 1, 0, endpoint::standby());
    th::make_healthy(&mut sc, &clock, s2!());
    let pipe_id = th::new_pipe(&mut sc, selection::round_robin());
    let seq = th::send_plain(&mut sc, &clock);
    th::release(&mut sc, &clock, s1!(), seq, 1);
    assert_eq!(
        event::events_by_type<events::Reassigned>(),
        vector[events::new_reassigned(pipe_id, seq, s1!(), s2!(), 2, 1_000 + lease!(), 1, true)],
    );
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun release_without_another_endpoint() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::new_pipe(&mut sc, selection::round_robin());
    let seq = th::send_plain(&mut sc, &clock);
    th::release(&mut sc, &clock, s1!(), seq, 1);
    th::finish(sc, clock);
}

#[test]
fun release_dead_letters_when_out_of_tries_even_alone() {
    let (mut sc, clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::release(&mut sc, &clock, s1!(), seq, 1); // -> s2, tries 2
    th::release(&mut sc, &clock, s2!(), seq, 2); // -> s1, tries 3
    th::set_state(&mut sc, &clock, s2!(), endpoint::disabled());
    th::release(&mut sc, &clock, s1!(), seq, 3); // out of tries: dead, no selection needed
    assert_eq!(
        event::events_by_type<events::DeadLettered>(),
        vector[events::new_dead_lettered(pipe_id, seq, s1!(), 3, 1)],
    );
    assert!(event::events_by_type<events::Reassigned>().is_empty());
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert!(!p.is_pending(seq) && p.is_dead(seq));
    assert_eq!(p.pending_len(), 0);
    assert_eq!(p.dead_len(), 1);
    assert!(p.inflight().is_empty());
    // Moved unchanged.
    let r = p.dead_request(seq);
    assert_eq!(r.server(), s1!());
    assert_eq!(r.attempt(), 3);
    assert_eq!(r.tries(), 3);
    assert_eq!(r.sender(), sender!());
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun release_wrong_host() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.release(&h, seq, 1, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun release_unknown() {
    let (mut sc, clock, _) = setup();
    th::release(&mut sc, &clock, s1!(), 0, 1);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun release_stale_attempt() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::release(&mut sc, &clock, s1!(), seq, 2);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun release_not_assignee() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    th::release(&mut sc, &clock, s2!(), seq, 1);
    th::finish(sc, clock);
}

// === takeover ===

#[test]
fun takeover_after_the_deadline() {
    let (mut sc, mut clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock); // s1, deadline 6_000
    at(&mut sc, &mut clock, 6_001, vector[s2!()]);
    th::takeover(&mut sc, &clock, s2!(), seq);
    assert_eq!(
        event::events_by_type<events::Reassigned>(),
        vector[events::new_reassigned(pipe_id, seq, s1!(), s2!(), 2, 6_001 + lease!(), 0, false)],
    );
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    let r = p.pending_request(seq);
    assert_eq!(r.server(), s2!());
    assert_eq!(r.attempt(), 2);
    assert_eq!(r.tries(), 2);
    assert_eq!(p.inflight().keys(), vector[s2!()]);
    // takeover does not select.
    assert_eq!(p.rr(), 1);
    ts::return_shared(p);
    th::complete(&mut sc, &clock, s2!(), seq, 2);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    at(&mut sc, &mut clock, 6_001, vector[s2!()]);
    th::takeover(&mut sc, &clock, s2!(), seq);
    // The old assignee wakes up and answers with its (fenced) attempt.
    th::complete(&mut sc, &clock, s1!(), seq, 1);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun old_assignee_cannot_use_the_new_attempt() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    at(&mut sc, &mut clock, 6_001, vector[s2!()]);
    th::takeover(&mut sc, &clock, s2!(), seq);
    th::complete(&mut sc, &clock, s1!(), seq, 2);
    th::finish(sc, clock);
}

#[test]
fun takeover_by_a_standby_or_a_full_endpoint() {
    let (mut sc, mut clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::add_full(&mut sc, s2!(), b"".to_string(), 1, 0, endpoint::standby());
    th::add_full(&mut sc, s3!(), b"".to_string(), 1, 1, endpoint::active());
    let pipe_id = th::new_pipe(&mut sc, selection::round_robin());
    at(&mut sc, &mut clock, 1_000, vector[s2!(), s3!()]);
    let a = th::send_plain(&mut sc, &clock); // rr 0 over [s1, s3] -> s1
    let b = th::send_plain(&mut sc, &clock); // rr 1 -> s3, now full
    at(&mut sc, &mut clock, 6_001, vector[s2!(), s3!()]);
    th::takeover(&mut sc, &clock, s2!(), a);
    assert_eq!(
        event::events_by_type<events::Reassigned>(),
        vector[events::new_reassigned(pipe_id, a, s1!(), s2!(), 2, 6_001 + lease!(), 0, true)],
    );
    // s3 is at its max_inflight (not selectable) but healthy: it may still take over.
    let (sb, _) = th::assignment(&mut sc, b);
    assert_eq!(sb, s3!());
    at(&mut sc, &mut clock, 11_002, vector[s3!()]);
    th::takeover(&mut sc, &clock, s3!(), a);
    let (owner, attempt) = th::assignment(&mut sc, a);
    assert_eq!(owner, s3!());
    assert_eq!(attempt, 3);
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert_eq!(p.inflight_of(s3!()), 2);
    assert_eq!(p.inflight_of(s2!()), 0);
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test]
fun takeover_dead_letters_when_out_of_tries() {
    let (mut sc, mut clock, pipe_id) = setup();
    let seq = th::send_plain(&mut sc, &clock); // s1, tries 1
    at(&mut sc, &mut clock, 6_001, vector[s1!(), s2!()]);
    th::takeover(&mut sc, &clock, s2!(), seq); // tries 2
    at(&mut sc, &mut clock, 11_002, vector[s1!(), s2!()]);
    th::takeover(&mut sc, &clock, s1!(), seq); // tries 3
    at(&mut sc, &mut clock, 16_003, vector[s1!(), s2!()]);
    th::takeover(&mut sc, &clock, s2!(), seq); // out of tries
    assert_eq!(
        event::events_by_type<events::DeadLettered>(),
        vector[events::new_dead_lettered(pipe_id, seq, s1!(), 3, 0)],
    );
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert!(p.is_dead(seq));
    assert!(p.inflight().is_empty());
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun takeover_wrong_host() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    clock.set_for_testing(6_001);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.takeover(&h, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun takeover_unknown() {
    let (mut sc, clock, _) = setup();
    th::takeover(&mut sc, &clock, s2!(), 0);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun takeover_at_the_deadline() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    at(&mut sc, &mut clock, 6_000, vector[s2!()]);
    // The lease is checked before the caller: even a stranger gets ELeaseNotExpired.
    th::takeover(&mut sc, &clock, @0x99, seq);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotEndpoint)]
fun takeover_by_a_stranger() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    clock.set_for_testing(6_001);
    th::takeover(&mut sc, &clock, @0x99, seq);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENoHealthyEndpoint)]
fun takeover_by_an_unhealthy_endpoint() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    clock.set_for_testing(6_001); // s2's heartbeats are stale
    th::takeover(&mut sc, &clock, s2!(), seq);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EAlreadyAssignee)]
fun takeover_by_the_assignee() {
    let (mut sc, mut clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    at(&mut sc, &mut clock, 6_001, vector[s1!()]);
    th::takeover(&mut sc, &clock, s1!(), seq);
    th::finish(sc, clock);
}

// === redrive ===

#[test]
fun redrive_keeps_attempt_monotonic() {
    let (mut sc, mut clock, pipe_id) = setup();
    let seq = dead_letter(&mut sc, &clock); // attempt 3, tries 3, rr 3
    at(&mut sc, &mut clock, 2_000, vector[s1!(), s2!()]);
    let (mut p, h, cap) = take_admin(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    assert_eq!(
        event::events_by_type<events::Redriven>(),
        vector[events::new_redriven(pipe_id, seq)],
    );
    // rr 3 over [s1, s2] -> s2; the Assigned names the original sender and carries the payload.
    assert_eq!(
        event::events_by_type<events::Assigned>(),
        vector[
            events::new_assigned(pipe_id, seq, s2!(), 4, 2_000 + lease!(), sender!(), false, b"payload"),
        ],
    );
    assert!(p.is_pending(seq) && !p.is_dead(seq));
    assert_eq!(p.dead_len(), 0);
    let r = p.pending_request(seq);
    assert_eq!(r.attempt(), 4);
    assert_eq!(r.tries(), 1);
    assert!(!r.claimed());
    assert_eq!(r.created_ms(), 1_000);
    assert_eq!(r.deadline_ms(), 2_000 + lease!());
    assert_eq!(p.inflight_of(s2!()), 1);
    assert_eq!(p.rr(), 4);
    put3(&sc, p, h, cap);

    // A new round of tries; the fencing token keeps going up.
    th::release(&mut sc, &clock, s2!(), seq, 4);
    th::release(&mut sc, &clock, s1!(), seq, 5);
    th::release(&mut sc, &clock, s2!(), seq, 6);
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert!(p.is_dead(seq));
    assert_eq!(p.dead_request(seq).attempt(), 6);
    ts::return_shared(p);
    let (mut p, h, cap) = take_admin(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    assert_eq!(p.pending_request(seq).attempt(), 7);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun redrive_wrong_host() {
    let (mut sc, clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun redrive_wrong_cap() {
    let (mut sc, clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    let (mut p, h, cap) = take_with_wrong_cap(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun redrive_a_pending_request() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h, cap) = take_admin(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun redrive_into_a_full_pipe() {
    let (mut sc, clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    th::max_pending!().do!(|_| { th::send_plain(&mut sc, &clock); });
    let (mut p, h, cap) = take_admin(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun redrive_without_endpoints() {
    let (mut sc, mut clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    clock.set_for_testing(9_000); // every heartbeat is stale
    let (mut p, h, cap) = take_admin(&mut sc);
    p.redrive(&h, &cap, seq, &clock, sc.ctx());
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

// === purge_dead ===

#[test]
fun purge_dead_deletes() {
    let (mut sc, clock, pipe_id) = setup();
    let seq = dead_letter(&mut sc, &clock);
    let (mut p, h, cap) = take_admin(&mut sc);
    p.purge_dead(&h, &cap, seq);
    assert_eq!(event::events_by_type<events::Purged>(), vector[events::new_purged(pipe_id, seq)]);
    assert!(!p.is_dead(seq) && !p.is_pending(seq));
    assert_eq!(p.dead_len(), 0);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun purge_dead_wrong_host() {
    let (mut sc, clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.purge_dead(&h, &cap, seq);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun purge_dead_wrong_cap() {
    let (mut sc, clock, _) = setup();
    let seq = dead_letter(&mut sc, &clock);
    let (mut p, h, cap) = take_with_wrong_cap(&mut sc);
    p.purge_dead(&h, &cap, seq);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun purge_dead_unknown() {
    let (mut sc, clock, _) = setup();
    let seq = th::send_plain(&mut sc, &clock);
    let (mut p, h, cap) = take_admin(&mut sc);
    p.purge_dead(&h, &cap, seq);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}
