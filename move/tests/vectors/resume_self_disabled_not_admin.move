// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// resume_self_disabled_not_admin: resume_self on a DISABLED endpoint aborts ENotAdmin (only the admin re-enables); drain_self keeps DISABLED (EndpointUpdated, no health change); after the admin sets UP, drain_self / resume_self work.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::resume_self_disabled_not_admin_vector;

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

fun run_resume_self_disabled_not_admin(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1000);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"68"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1000);
    };
    if (upto > 1) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1002);
        ts::return_shared(host);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u8, clock);
        assert!(event::num_events() == 2, 1003);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1003);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1003);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::drain_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1005);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == false, 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 0u8, clock);
        assert!(event::num_events() == 2, 1007);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1007);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::drain_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1008);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1008);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1008);
        ts::return_shared(host);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::resume_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1009);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1009);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2000) == true, 1009);
        ts::return_shared(host);
    };
}

#[test]
fun resume_self_disabled_not_admin() {
    let (mut scenario, mut clock) = start();
    run_resume_self_disabled_not_admin(&mut scenario, &mut clock, 10);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun resume_self_disabled_not_admin_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_resume_self_disabled_not_admin(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::resume_self(&mut host, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun resume_self_disabled_not_admin_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_resume_self_disabled_not_admin(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::resume_self(&mut host, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}
