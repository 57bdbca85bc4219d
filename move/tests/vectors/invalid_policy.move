// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// invalid_policy: EInvalidPolicy: create_pipe and set_policy with a policy above REGION (5); the policy is checked before the label.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::invalid_policy_vector;

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

fun run_invalid_policy(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1000);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"68"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1000);
    };
    if (upto > 1) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 5u8, scenario.ctx());
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 5u8)], 1004);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 5) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::set_policy(&mut pipe, &host, &cap, 1u8);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PolicyChanged>() == vector[events::new_policy_changed(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f), 1u8)], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun invalid_policy() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 8);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun invalid_policy_step1_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 1);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"6c"), 6u8, scenario.ctx());
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun invalid_policy_step2_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 2);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"6c"), 255u8, scenario.ctx());
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun invalid_policy_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 3);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::create_pipe(&host, &cap, std::string::utf8(bytes(65)), 6u8, scenario.ctx());
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun invalid_policy_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::set_policy(&mut pipe, &host, &cap, 6u8);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidPolicy)]
fun invalid_policy_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_policy(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x8fac4aefdc1ae21c00f745605297041e0f39667844068e3757d587c8039d1e3f));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::set_policy(&mut pipe, &host, &cap, 200u8);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}
