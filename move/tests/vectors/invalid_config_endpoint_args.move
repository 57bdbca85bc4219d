// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// invalid_config_endpoint_args: EInvalidConfig for endpoint arguments (weight 0 or > 1000000, role 2, label or region over 64 bytes) in add_endpoint and update_endpoint (checked before presence), set_state with state 3 (checked before presence), and a pipe label over 64 bytes; the bounds themselves are accepted.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::invalid_config_endpoint_args_vector;

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

fun run_invalid_config_endpoint_args(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
    };
    if (upto > 5) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 1000000u32, 4294967295u32, 1u8);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 1000000u32, 4294967295u32, 1u8)], 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 8) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 13) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 14) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 16) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xda51b84fd04642b7196bd07a33eb761f7b929cacde35bb56a0f6394a5508b1ea), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 0u8)], 1016);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 17) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u8, clock);
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 1000000u32, 4294967295u32, 1u8, 2u8)], 1017);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun invalid_config_endpoint_args() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 18);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step1_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 1);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 0u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step2_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 2);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1000001u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 3);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 2u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(bytes(65)), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(bytes(65)), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 0u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1000001u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 2u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(bytes(65)), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(bytes(65)), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007839, std::string::utf8(x"7839"), std::string::utf8(x""), 0u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 3u8, clock);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun invalid_config_endpoint_args_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007839, 3u8, clock);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EInvalidConfig)]
fun invalid_config_endpoint_args_step15_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_endpoint_args(&mut scenario, &mut clock, 15);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::create_pipe(&host, &cap, std::string::utf8(bytes(65)), 0u8, scenario.ctx());
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}
