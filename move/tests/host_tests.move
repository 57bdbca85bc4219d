/// Admin functions of the Host (create_host, add / update / remove_endpoint, set_state, set_config)
/// and its getters, with every abort path.
#[test_only]
module dtp::host_tests;

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

// === create_host ===

#[test]
fun create_host_shares_host_and_sends_cap() {
    let mut sc = ts::begin(admin!());
    host::create_host(th::str(64), 1_000, 2, 5_000, 3, 64, 10, sc.ctx());
    // The HostCap is created after the Host.
    let cap_address = sc.ctx().last_created_object_id();
    let created = event::events_by_type<events::HostCreated>();
    sc.next_tx(admin!());
    let h = sc.take_shared<Host>();
    let cap = sc.take_from_sender<HostCap>();
    assert_eq!(object::id(&cap).to_address(), cap_address);
    assert_eq!(cap.cap_host(), object::id(&h));
    assert!(h.is_admin(&cap));
    assert_eq!(created, vector[events::new_host_created(object::id(&h), th::str(64), admin!())]);
    assert_eq!(h.label(), th::str(64));
    assert_eq!(h.config(), config::new(1_000, 2, 5_000, 3, 64, 10));
    assert_eq!(h.endpoint_count(), 0);
    assert!(!h.has_endpoint(s1!()));
    th::give_back(&sc, h, cap);
    sc.end();
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun create_host_label_too_long() {
    let mut sc = ts::begin(admin!());
    host::create_host(th::str(65), 1_000, 2, 5_000, 3, 64, 10, sc.ctx());
    sc.end();
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun create_host_invalid_config() {
    let mut sc = ts::begin(admin!());
    host::create_host(th::str(1), 1_000, 2, 0, 3, 64, 10, sc.ctx());
    sc.end();
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun create_host_payload_over_limit() {
    let mut sc = ts::begin(admin!());
    host::create_host(th::str(1), 1_000, 2, 5_000, 3, 16_385, 10, sc.ctx());
    sc.end();
}

// === add_endpoint ===

#[test]
fun add_endpoint_appends_a_new_unhealthy_endpoint() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(64), th::str(64), 1_000_000, 7, endpoint::standby());
    h.add_endpoint(&cap, s2!(), th::str(0), th::str(0), 1, 0, endpoint::active());
    let host_id = object::id(&h);
    assert_eq!(
        event::events_by_type<events::EndpointAdded>(),
        vector[
            events::new_endpoint_added(host_id, s1!(), th::str(64), th::str(64), 1_000_000, 7, 1),
            events::new_endpoint_added(host_id, s2!(), th::str(0), th::str(0), 1, 0, 0),
        ],
    );
    assert_eq!(h.endpoint_count(), 2);
    assert!(h.has_endpoint(s1!()) && h.has_endpoint(s2!()) && !h.has_endpoint(s3!()));
    assert_eq!(h.endpoints()[0].server(), s1!());
    assert_eq!(h.endpoints()[1].server(), s2!());
    let e = h.endpoint(s1!());
    assert_eq!(e.server(), s1!());
    assert_eq!(e.label(), th::str(64));
    assert_eq!(e.region(), th::str(64));
    assert_eq!(e.weight(), 1_000_000);
    assert_eq!(e.max_inflight(), 7);
    assert_eq!(e.role(), endpoint::standby());
    assert_eq!(e.state(), endpoint::up());
    assert!(!e.ready());
    assert_eq!(e.load(), 0);
    assert_eq!(e.last_heartbeat_ms(), 0);
    assert_eq!(e.streak(), 0);
    assert!(!e.is_healthy(&h.config(), clock.timestamp_ms()));
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun add_endpoint_wrong_cap() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_wrong_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(1), th::str(1), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun add_endpoint_label_too_long() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(65), th::str(1), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun add_endpoint_region_too_long() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(1), th::str(65), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun add_endpoint_zero_weight() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(1), th::str(1), 0, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun add_endpoint_weight_too_large() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(1), th::str(1), 1_000_001, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun add_endpoint_bad_role() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.add_endpoint(&cap, s1!(), th::str(1), th::str(1), 1, 0, 2);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EEndpointExists)]
fun add_endpoint_twice() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    th::add(&mut sc, s1!());
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ETooManyEndpoints)]
fun add_endpoint_over_max() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    64u64.do!(|i| {
        let server = sui::address::from_u256((i + 1) as u256);
        h.add_endpoint(&cap, server, th::str(1), th::str(1), 1, 0, 0);
    });
    assert_eq!(h.endpoint_count(), 64);
    h.add_endpoint(&cap, @0xFFFF, th::str(1), th::str(1), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

// === update_endpoint ===

#[test]
fun update_endpoint_replaces_fields_and_keeps_health() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.update_endpoint(&cap, s1!(), th::str(3), th::str(4), 9, 5, endpoint::standby());
    assert_eq!(
        event::events_by_type<events::EndpointUpdated>(),
        vector[events::new_endpoint_updated(object::id(&h), s1!(), th::str(3), th::str(4), 9, 5, 1, 0)],
    );
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    let e = h.endpoint(s1!());
    assert_eq!(e.label(), th::str(3));
    assert_eq!(e.region(), th::str(4));
    assert_eq!(e.weight(), 9);
    assert_eq!(e.max_inflight(), 5);
    assert_eq!(e.role(), endpoint::standby());
    assert_eq!(e.streak(), th::threshold!());
    assert!(e.ready());
    assert!(e.is_healthy(&h.config(), clock.timestamp_ms()));
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun update_endpoint_wrong_cap() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    let (mut h, cap) = th::host_and_wrong_cap(&mut sc);
    h.update_endpoint(&cap, s1!(), th::str(1), th::str(1), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun update_endpoint_bad_args() {
    let (mut sc, clock) = th::begin();
    // Arguments are checked before presence.
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.update_endpoint(&cap, s1!(), th::str(1), th::str(1), 0, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun update_endpoint_unknown() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.update_endpoint(&cap, s1!(), th::str(1), th::str(1), 1, 0, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

// === set_state ===

#[test]
fun set_state_emits_health_flips() {
    let (mut sc, clock) = th::begin();
    th::add_healthy(&mut sc, &clock, s1!());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    let host_id = object::id(&h);
    h.set_state(&cap, s1!(), endpoint::draining(), &clock);
    assert_eq!(
        event::events_by_type<events::EndpointUpdated>(),
        vector[events::new_endpoint_updated(host_id, s1!(), th::e_label(), th::str(0), 1, 0, 0, 1)],
    );
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), false)],
    );
    th::give_back(&sc, h, cap);

    // DRAINING -> DISABLED: no flip.
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_state(&cap, s1!(), endpoint::disabled(), &clock);
    assert_eq!(event::events_by_type<events::EndpointUpdated>().length(), 1);
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    assert_eq!(h.endpoint(s1!()).state(), endpoint::disabled());
    th::give_back(&sc, h, cap);

    // DISABLED -> UP: healthy again (the streak was kept).
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_state(&cap, s1!(), endpoint::up(), &clock);
    assert_eq!(
        event::events_by_type<events::HealthChanged>(),
        vector[events::new_health_changed(host_id, s1!(), true)],
    );
    th::give_back(&sc, h, cap);
    assert!(th::healthy(&mut sc, &clock, s1!()));
    th::finish(sc, clock);
}

#[test]
fun set_state_on_an_unhealthy_endpoint_does_not_flip() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_state(&cap, s1!(), endpoint::up(), &clock);
    assert_eq!(event::events_by_type<events::EndpointUpdated>().length(), 1);
    assert!(event::events_by_type<events::HealthChanged>().is_empty());
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun set_state_wrong_cap() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    let (mut h, cap) = th::host_and_wrong_cap(&mut sc);
    h.set_state(&cap, s1!(), 1, &clock);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun set_state_out_of_range() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_state(&cap, s1!(), 3, &clock);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun set_state_unknown() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_state(&cap, s1!(), 1, &clock);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

// === remove_endpoint ===

#[test]
fun remove_endpoint_keeps_order() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    th::add(&mut sc, s2!());
    th::add(&mut sc, s3!());
    th::set_state(&mut sc, &clock, s2!(), endpoint::draining());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.remove_endpoint(&cap, s2!());
    assert_eq!(
        event::events_by_type<events::EndpointRemoved>(),
        vector[events::new_endpoint_removed(object::id(&h), s2!())],
    );
    assert_eq!(h.endpoint_count(), 2);
    assert_eq!(h.endpoints()[0].server(), s1!());
    assert_eq!(h.endpoints()[1].server(), s3!());
    assert!(!h.has_endpoint(s2!()));
    th::give_back(&sc, h, cap);
    // A DISABLED endpoint can be removed as well.
    th::set_state(&mut sc, &clock, s1!(), endpoint::disabled());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.remove_endpoint(&cap, s1!());
    assert_eq!(h.endpoint_count(), 1);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun remove_endpoint_wrong_cap() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    let (mut h, cap) = th::host_and_wrong_cap(&mut sc);
    h.remove_endpoint(&cap, s1!());
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun remove_endpoint_unknown() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.remove_endpoint(&cap, s1!());
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::EEndpointBusy)]
fun remove_endpoint_still_up() {
    let (mut sc, clock) = th::begin();
    th::add(&mut sc, s1!());
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.remove_endpoint(&cap, s1!());
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

// === set_config ===

#[test]
fun set_config_replaces_config() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_config(&cap, 7, 1, 8, 9, 16_384, 1_000_000);
    let cfg = config::new(7, 1, 8, 9, 16_384, 1_000_000);
    assert_eq!(h.config(), cfg);
    assert_eq!(
        event::events_by_type<events::ConfigUpdated>(),
        vector[events::new_config_updated(object::id(&h), cfg)],
    );
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun set_config_wrong_cap() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_wrong_cap(&mut sc);
    h.set_config(&cap, 1, 1, 1, 1, 1, 1);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun set_config_invalid() {
    let (mut sc, clock) = th::begin();
    let (mut h, cap) = th::host_and_cap(&mut sc);
    h.set_config(&cap, 1, 1, 1, 1, 1, 0);
    th::give_back(&sc, h, cap);
    th::finish(sc, clock);
}

// === getters ===

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun endpoint_getter_unknown() {
    let (mut sc, clock) = th::begin();
    let h = sc.take_shared<Host>();
    h.endpoint(s1!());
    ts::return_shared(h);
    th::finish(sc, clock);
}

#[test]
fun constants() {
    assert_eq!(endpoint::active(), 0);
    assert_eq!(endpoint::standby(), 1);
    assert_eq!(endpoint::up(), 0);
    assert_eq!(endpoint::draining(), 1);
    assert_eq!(endpoint::disabled(), 2);
}
