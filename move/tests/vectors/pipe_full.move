// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// pipe_full: EPipeFull with max_pending 2: a third pending request is refused by send and by redrive (payload size is checked before fullness); a completion makes room again.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::pipe_full_vector;

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

fun run_pipe_full(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 1u32, 1024u64, 2u64, scenario.ctx());
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1003);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1003);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1004);
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1004);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 1u8)], 1005);
        assert!(pipe::pending_len(&pipe) == 0, 1005);
        assert!(pipe::dead_len(&pipe) == 1, 1005);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1005);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1006);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        assert!(pipe::pending_len(&pipe) == 2, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::complete(&mut pipe, &host, 1u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 500u64)], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        assert!(event::events_by_type<events::Redriven>() == vector[events::new_redriven(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64)], 1012);
        assert!(pipe::pending_len(&pipe) == 2, 1012);
        assert!(pipe::dead_len(&pipe) == 0, 1012);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1012);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::complete(&mut pipe, &host, 2u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 500u64)], 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        assert!(pipe::pending_len(&pipe) == 2, 1015);
        assert!(pipe::next_seq(&pipe) == 4, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun pipe_full() {
    let (mut scenario, mut clock) = start();
    run_pipe_full(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun pipe_full_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_pipe_full(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun pipe_full_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_pipe_full(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, bytes(1025), x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun pipe_full_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_pipe_full(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun pipe_full_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_pipe_full(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2500);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}
