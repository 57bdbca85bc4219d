#[test_only]
/// The endpoints' own calls: heartbeat (streak hysteresis, health flips), drain_self, resume_self.
module dtp::endpoint_tests;

use dtp::config;
use dtp::endpoint;
use dtp::events;
use dtp::host::{Self, Host, HostCap};
use dtp::test_helpers::{Self as th, admin, s1, s2, s3};
use std::string::String;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

// === heartbeat ===

#[test]
fun heartbeat_streak_hysteresis() {
    let (mut sc, mut clock) = th::begin();
    th::add(&mut sc, s1!());
    let host_id = th::host_id(&mut sc);

    // First heartbeat: streak 1 < threshold 2, not healthy yet.
    th::beat(&mut sc, &clock, s1!(), true);
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    let e = th::endpoint_of(&mut sc, s1!());
    assert_eq!(e.streak(), 1);
    assert!(e.ready());
    assert_eq!(e.last_heartbeat_ms(), 1_000);
    assert!(!th::healthy(&mut sc, &clock, s1!()));

    // Second timely heartbeat: healthy, and the flip is announced.
    clock.set_for_testing(2_000);
    th::beat(&mut sc, &clock, s1!(), true);
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), true)],
    );
    assert!(th::healthy(&mut sc, &clock, s1!()));

    // The streak is capped at the threshold.
    th::beat(&mut sc, &clock, s1!(), true);
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 2);

    // Healthy up to and including last + timeout, then silently unhealthy.
    clock.set_for_testing(3_000);
    assert!(th::healthy(&mut sc, &clock, s1!()));
    clock.set_for_testing(3_001);
    assert!(!th::healthy(&mut sc, &clock, s1!()));

    // A late heartbeat starts a new streak at 1: still unhealthy, no flip.
    th::beat(&mut sc, &clock, s1!(), true);
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 1);
    assert!(!th::healthy(&mut sc, &clock, s1!()));

    // Exactly at last + timeout counts as timely.
    clock.set_for_testing(4_001);
    th::beat(&mut sc, &clock, s1!(), true);
    assert_eq!(event::events_by_type<events::HealthChanged>().length(), 1);
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 2);

    // Not ready: streak reset, unhealthy at once.
    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.heartbeat(false, 42, &clock, sc.ctx());
    ts::return_shared(h);
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), false)],
    );
    let e = th::endpoint_of(&mut sc, s1!());
    assert_eq!(e.streak(), 0);
    assert!(!e.ready());
    assert_eq!(e.load(), 42);

    // Ready again: the streak restarts from a timely 0 + 1.
    th::beat(&mut sc, &clock, s1!(), true);
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 1);
    th::finish(sc, clock);
}

#[test]
fun heartbeat_streak_follows_a_lowered_threshold() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    3u64.do!(|_| th::beat(&mut sc, &clock, s1!(), true));
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 2);
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_config(&cap, 1_000, 1, 5_000, 3, 64, 10);
    th::give_back(&sc, h, cap);
    th::beat(&mut sc, &clock, s1!(), true);
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 1);
    assert!(th::healthy(&mut sc, &clock, s1!()));
    th::finish(sc, clock);
}

#[test]
fun heartbeat_of_a_draining_endpoint_does_not_make_it_healthy() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    th::set_state(&mut sc, &clock, s1!(), endpoint::draining());
    th::make_healthy(&mut sc, &clock, s1!());
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    assert_eq!(th::endpoint_of(&mut sc, s1!()).streak(), 2);
    assert!(!th::healthy(&mut sc, &clock, s1!()));
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun heartbeat_not_endpoint() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    th::beat(&mut sc, &clock, s2!(), true);
    th::finish(sc, clock);
}

// === drain_self / resume_self ===

#[test]
fun drain_and_resume_self() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    let host_id = th::host_id(&mut sc);

    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.drain_self(&clock, sc.ctx());
    ts::return_shared(h);
    assert_eq!(
        event::events_by_type<events::EndpointUpdated>(),
        vector[events::new_endpoint_updated(host_id, s1!(), th::e_label(), th::str(0), 1, 0, 0, 1)],
    );
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), false)],
    );
    assert_eq!(th::endpoint_of(&mut sc, s1!()).state(), endpoint::draining());

    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.resume_self(&clock, sc.ctx());
    ts::return_shared(h);
    assert_eq!(
        event::events_by_type<events::EndpointUpdated>(),
        vector[events::new_endpoint_updated(host_id, s1!(), th::e_label(), th::str(0), 1, 0, 0, 0)],
    );
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), true)],
    );
    assert!(th::healthy(&mut sc, &clock, s1!()));
    th::finish(sc, clock);
}

#[test]
fun drain_self_keeps_disabled() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    th::set_state(&mut sc, &clock, s1!(), endpoint::disabled());
    let host_id = th::host_id(&mut sc);
    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.drain_self(&clock, sc.ctx());
    ts::return_shared(h);
    assert_eq!(
        event::events_by_type<events::EndpointUpdated>(),
        vector[events::new_endpoint_updated(host_id, s1!(), th::e_label(), th::str(0), 1, 0, 0, 2)],
    );
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    assert_eq!(th::endpoint_of(&mut sc, s1!()).state(), endpoint::disabled());
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun drain_self_not_endpoint() {
    let (mut sc, clock) = th::begin();
    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.drain_self(&clock, sc.ctx());
    ts::return_shared(h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun resume_self_not_endpoint() {
    let (mut sc, clock) = th::begin();
    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.resume_self(&clock, sc.ctx());
    ts::return_shared(h);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun resume_self_disabled() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    th::set_state(&mut sc, &clock, s1!(), endpoint::disabled());
    sc.next_tx(s1!());
    let mut h = sc.take_shared<Host>();
    h.resume_self(&clock, sc.ctx());
    ts::return_shared(h);
    th::finish(sc, clock);
}

