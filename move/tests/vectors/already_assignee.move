// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// already_assignee: EAlreadyAssignee: after its own lease expired the assignee cannot take its request over (it should claim, which still works); health is checked first (unhealthy assignee: ENoHealthyEndpoint).
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::already_assignee_vector;

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

fun run_already_assignee(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1005);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1006);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1011);
        ts::return_shared(host);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 12001u64)], 1013);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1013);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 1, 1013);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1013);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == true, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun already_assignee() {
    let (mut scenario, mut clock) = start();
    run_already_assignee(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun already_assignee_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_already_assignee(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EAlreadyAssignee)]
fun already_assignee_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_already_assignee(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENoHealthyEndpoint)]
fun already_assignee_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_already_assignee(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EAlreadyAssignee)]
fun already_assignee_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_already_assignee(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}
