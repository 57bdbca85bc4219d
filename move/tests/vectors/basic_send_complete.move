// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// basic_send_complete: One endpoint: it becomes healthy, receives a request, claims and completes it.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::basic_send_complete_vector;

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

fun run_basic_send_complete(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x"6575"), 1u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1001);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x"6575"), 1u32, 0u32, 0u8)], 1001);
        assert!(host::endpoint_count(&host) == 1, 1001);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == false, 1001);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1002);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"68656c6c6f", x"6b", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 0, 1005);
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"68656c6c6f")], 1005);
        assert!(pipe::pending_len(&pipe) == 1, 1005);
        assert!(pipe::next_seq(&pipe) == 1, 1005);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1005);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1005);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 1, 1005);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1005);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1005);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 7000, 1005);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64)], 1006);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == true, 1006);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 7500, 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"776f726c64", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"776f726c64", 1000u64)], 1007);
        assert!(pipe::pending_len(&pipe) == 0, 1007);
        assert!(pipe::dead_len(&pipe) == 0, 1007);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
}

#[test]
fun basic_send_complete() {
    let (mut scenario, mut clock) = start();
    run_basic_send_complete(&mut scenario, &mut clock, 9);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun basic_send_complete_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_basic_send_complete(&mut scenario, &mut clock, 3);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun basic_send_complete_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_basic_send_complete(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(3000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}
