// Pipe administration: create_pipe and set_policy, their events and every abort.
#[test_only]
module dtp::pipe_admin_tests;

use dtp::events;
use dtp::host::{Host, HostCap};
use dtp::pipe::{Self, Pipe};
use dtp::selection;
use dtp::test_helpers::{Self as th, admin, sender, s1, s2, s3, lease};
use dtp::pipe_tests::{bytes, str, setup, take, put, take_with_other_host, take_with_wrong_cap, put3};
use std::string::String;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

#[test]
fun create_pipe_shares_a_pipe() {
    let (mut sc, clock) = th::begin();
    let host_id = th::host_id(&mut sc);
    let h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    pipe::create_pipe(&h, &cap, str(64), selection::region(), sc.ctx());
    // Pipe first, then the two tables: the Pipe is not the last object created.
    let last = sc.ctx().last_created_object_id();
    sc.return_to_sender(cap);
    ts::return_shared(h);
    let created = event::events_by_type<events::PipeCreated>();
    sc.next_tx(admin!());
    let p = sc.take_shared<Pipe>();
    assert!(object::id(&p).to_address() != last);
    assert_eq!(created, vector[events::new_pipe_created(object::id(&p), host_id, str(64), 5)]);
    assert_eq!(p.host_id(), host_id);
    assert_eq!(p.label(), str(64));
    assert_eq!(p.policy(), selection::region());
    assert_eq!(p.next_seq(), 0);
    assert_eq!(p.rr(), 0);
    assert_eq!(p.pending_len(), 0);
    assert_eq!(p.dead_len(), 0);
    assert!(p.inflight().is_empty());
    ts::return_shared(p);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun create_pipe_wrong_cap() {
    let (mut sc, clock) = th::begin();
    let ours = th::host_id(&mut sc);
    th::other_host(&mut sc);
    let h = sc.take_shared_by_id<Host>(ours);
    let cap = sc.take_from_sender<HostCap>();
    // Admin is checked before the policy.
    pipe::create_pipe(&h, &cap, str(1), 6, sc.ctx());
    sc.return_to_sender(cap);
    ts::return_shared(h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun create_pipe_invalid_policy() {
    let (mut sc, clock) = th::begin();
    let h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    // The policy is checked before the label.
    pipe::create_pipe(&h, &cap, str(65), 6, sc.ctx());
    sc.return_to_sender(cap);
    ts::return_shared(h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidConfig)]
fun create_pipe_label_too_long() {
    let (mut sc, clock) = th::begin();
    let h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    pipe::create_pipe(&h, &cap, str(65), 0, sc.ctx());
    sc.return_to_sender(cap);
    ts::return_shared(h);
    th::finish(sc, clock);
}

// === set_policy ===

#[test]
fun set_policy_changes_policy() {
    let (mut sc, clock, pipe_id) = setup();
    let (mut p, h) = take(&mut sc, admin!());
    let cap = sc.take_from_sender<HostCap>();
    p.set_policy(&h, &cap, selection::least_inflight());
    assert_eq!(p.policy(), 2);
    assert_eq!(
        event::events_by_type<events::PolicyChanged>(),
        vector[events::new_policy_changed(pipe_id, 2)],
    );
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun set_policy_wrong_host() {
    let (mut sc, clock, _) = setup();
    let (mut p, h, cap) = take_with_other_host(&mut sc);
    p.set_policy(&h, &cap, 1);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun set_policy_wrong_cap() {
    let (mut sc, clock, _) = setup();
    let (mut p, h, cap) = take_with_wrong_cap(&mut sc);
    p.set_policy(&h, &cap, 1);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun set_policy_invalid() {
    let (mut sc, clock, _) = setup();
    let (mut p, h) = take(&mut sc, admin!());
    let cap = sc.take_from_sender<HostCap>();
    p.set_policy(&h, &cap, 6);
    put3(&sc, p, h, cap);
    th::finish(sc, clock);
}

// === send ===

