// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// not_admin_other_hosts_cap: ENotAdmin: every admin function of host h0 (add/update/set_state/remove/set_config/create_pipe/set_policy/redrive/purge_dead) rejects the HostCap of another host h1, checked first; h0's own cap works.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::not_admin_other_hosts_cap_vector;

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

fun run_not_admin_other_hosts_cap(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1000);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"68"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1000);
    };
    if (upto > 1) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"6831"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1001);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97), std::string::utf8(x"6831"), @0x000000000000000000000000000000000000000000000000000061646d696e32)], 1001);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1003);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1003);
        ts::return_shared(host);
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1004);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 5) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 6) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 7) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 8) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 9) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 10) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 11) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 14) {
        scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8)], 1015);
        assert!(host::endpoint_count(&host) == 2, 1015);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun not_admin_other_hosts_cap() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun not_admin_other_hosts_cap_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun not_admin_other_hosts_cap_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 5u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun not_admin_other_hosts_cap_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u8, clock);
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun not_admin_other_hosts_cap_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331);
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotAdmin)]
fun not_admin_other_hosts_cap_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 1u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun not_admin_other_hosts_cap_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"6c"), 4u8, scenario.ctx());
    ts::return_shared(host);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun not_admin_other_hosts_cap_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::set_policy(&mut pipe, &host, &cap, 4u8);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun not_admin_other_hosts_cap_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAdmin)]
fun not_admin_other_hosts_cap_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_admin_other_hosts_cap(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x000000000000000000000000000000000000000000000000000061646d696e32);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x000000000000000000000000000000000000000000000000000061646d696e32, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x000000000000000000000000000000000000000000000000000061646d696e32, cap);
    abort 0xdead
}
