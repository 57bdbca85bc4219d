// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::vectors_tests;

use dtp::config;
use dtp::events;
use dtp::host::{Self, Host, HostCap};
use dtp::pipe::{Self, Pipe};
use dtp::request;
use dtp::endpoint;
use sui::clock::{Self, Clock};
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

fun bytes(n: u64): vector<u8> {
    let mut v = vector[];
    n.do!(|_| v.push_back(120u8));
    v
}

fun id(a: address): ID { object::id_from_address(a) }

// affinity_empty_key_round_robin: AFFINITY with an empty key is ROUND_ROBIN (C[rr % n]); a keyed send in between still advances rr (rr 4 -> s2).
fun run_affinity_empty_key_round_robin(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 3u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 3u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"61", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun affinity_empty_key_round_robin() {
    let (mut scenario, mut clock) = start();
    run_affinity_empty_key_round_robin(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

// affinity_key_stays_on_server: AFFINITY (rendezvous on blake2b256(key ++ bcs(server))): key a lives on s2, b on s3, user-1 on s1, whatever rr is; when s2 turns unhealthy only key a moves (to its second choice s1), and it comes back to s2 when s2 does. A release by s2 excludes it, so key a goes to its second choice s1.
fun run_affinity_key_stays_on_server(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 3u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 3u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"61", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"62", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"757365722d31", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"61", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"62", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"757365722d31", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1014);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 2500) == false, 1014);
        ts::return_shared(host);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"61", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"62", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 7, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"757365722d31", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 8, 1017);
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 8u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 18) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1018);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1018);
        ts::return_shared(host);
    };
    if (upto > 19) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"61", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 9, 1019);
        assert!(event::num_events() == 1, 1019);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 9u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1019);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 20) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"62", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 10, 1020);
        assert!(event::num_events() == 1, 1020);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 10u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1020);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 21) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"757365722d31", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 11, 1021);
        assert!(event::num_events() == 1, 1021);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 11u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1021);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 5, 1021);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 3, 1021);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 4, 1021);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 22) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 9u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1022);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 9u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u32, 8000u64, 1u8, false)], 1022);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 6, 1022);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1022);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 4, 1022);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun affinity_key_stays_on_server() {
    let (mut scenario, mut clock) = start();
    run_affinity_key_stays_on_server(&mut scenario, &mut clock, 23);
    finish(scenario, clock);
}

// already_assignee: EAlreadyAssignee: after its own lease expired the assignee cannot take its request over (it should claim, which still works); health is checked first (unhealthy assignee: ENoHealthyEndpoint).
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

// basic_send_complete: One endpoint: it becomes healthy, receives a request, claims and completes it.
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

// cancel_request: cancel by the original sender removes a pending request, claimed or not (Cancelled, inflight -1); the assignee can no longer complete it; seq numbers are not reused.
fun run_cancel_request(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1005);
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1005);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Cancelled>() == vector[events::new_cancelled(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74)], 1006);
        assert!(pipe::pending_len(&pipe) == 1, 1006);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1006);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::claim(&mut pipe, &host, 1u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64)], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::cancel(&mut pipe, 1u64, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Cancelled>() == vector[events::new_cancelled(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74)], 1009);
        assert!(pipe::pending_len(&pipe) == 0, 1009);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1009);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        assert!(pipe::next_seq(&pipe) == 3, 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun cancel_request() {
    let (mut scenario, mut clock) = start();
    run_cancel_request(&mut scenario, &mut clock, 12);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun cancel_request_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_cancel_request(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun cancel_request_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_cancel_request(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::complete(&mut pipe, &host, 1u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// claim_extends_lease: claim sets deadline = now + lease_ms and calling it again extends it; takeover before or at the deadline is ELeaseNotExpired (now must be > deadline_ms), one ms later it succeeds.
fun run_claim_extends_lease(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 8000u64)], 1007);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == true, 1007);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 8000, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7600);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 12600u64)], 1009);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 1, 1009);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1009);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == true, 1009);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 12600, 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(10000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1011);
        ts::return_shared(host);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(10000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(12601);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 17601u64, 0u8, false)], 1014);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007332, 1014);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1014);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1014);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1014);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 17601, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun claim_extends_lease() {
    let (mut scenario, mut clock) = start();
    run_claim_extends_lease(&mut scenario, &mut clock, 15);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun claim_extends_lease_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_claim_extends_lease(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(7500);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun claim_extends_lease_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_claim_extends_lease(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(8001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun claim_extends_lease_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_claim_extends_lease(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(12600);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// dead_letter_after_max_attempts: max_attempts 3: after two takeovers (tries 3) the next takeover finds tries + 1 > max_attempts and moves the request unchanged to dead (DeadLettered with the last server and attempt, reason expired; the transaction succeeds), inflight released.
fun run_dead_letter_after_max_attempts(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 12001u64, 0u8, false)], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1008);
        ts::return_shared(host);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(12002);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(12002);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007331, 3u32, 17002u64, 0u8, false)], 1010);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1010);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 3, 1010);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 3, 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(17003);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 3u32, 0u8)], 1011);
        assert!(pipe::pending_len(&pipe) == 0, 1011);
        assert!(pipe::dead_len(&pipe) == 1, 1011);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1011);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
}

#[test]
fun dead_letter_after_max_attempts() {
    let (mut scenario, mut clock) = start();
    run_dead_letter_after_max_attempts(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun dead_letter_after_max_attempts_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_dead_letter_after_max_attempts(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(17003);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 3u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun dead_letter_after_max_attempts_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_dead_letter_after_max_attempts(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(17003);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// drain_self_resume_self: drain_self sets DRAINING (EndpointUpdated, HealthChanged false): no new work, but the endpoint still completes what it holds; resume_self sets UP again (HealthChanged true); on an UP endpoint it only emits EndpointUpdated.
fun run_drain_self_resume_self(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::drain_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1007);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1007);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2000) == false, 1007);
        ts::return_shared(host);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::drain_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1011);
        ts::return_shared(host);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 500u64)], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::resume_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1013);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1013);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1013);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2500) == true, 1013);
        ts::return_shared(host);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::resume_self(&mut host, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1014);
        ts::return_shared(host);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 3, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun drain_self_resume_self() {
    let (mut scenario, mut clock) = start();
    run_drain_self_resume_self(&mut scenario, &mut clock, 17);
    finish(scenario, clock);
}

// endpoint_busy: EEndpointBusy: an UP endpoint (healthy or not) cannot be removed; once DRAINING or DISABLED it can, and it is then no longer an endpoint.
fun run_endpoint_busy(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u8, clock);
        assert!(event::num_events() == 2, 1006);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::EndpointRemoved>() == vector[events::new_endpoint_removed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331)], 1007);
        assert!(host::endpoint_count(&host) == 1, 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u8, clock);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1009);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::EndpointRemoved>() == vector[events::new_endpoint_removed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332)], 1010);
        assert!(host::endpoint_count(&host) == 0, 1010);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun endpoint_busy() {
    let (mut scenario, mut clock) = start();
    run_endpoint_busy(&mut scenario, &mut clock, 11);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::EEndpointBusy)]
fun endpoint_busy_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_endpoint_busy(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EEndpointBusy)]
fun endpoint_busy_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_endpoint_busy(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun endpoint_busy_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_endpoint_busy(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

// endpoint_exists: EEndpointExists: a server can be registered once (args are checked before presence: a bad weight for an existing server is EInvalidConfig).
fun run_endpoint_exists(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8)], 1004);
        assert!(host::endpoint_count(&host) == 2, 1004);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun endpoint_exists() {
    let (mut scenario, mut clock) = start();
    run_endpoint_exists(&mut scenario, &mut clock, 5);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::EEndpointExists)]
fun endpoint_exists_step2_aborts() {
    let (mut scenario, mut clock) = start();
    run_endpoint_exists(&mut scenario, &mut clock, 2);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6f74686572"), std::string::utf8(x""), 2u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EInvalidConfig)]
fun endpoint_exists_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_endpoint_exists(&mut scenario, &mut clock, 3);
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

// health_late_heartbeat_restarts_streak: heartbeat_timeout_ms 10000, threshold 3: a heartbeat exactly timeout after the previous one is still timely (keeps the streak); one after the endpoint timed out (23001 > 13000 + 10000) restarts the streak at 1, so two more are needed and only the third emits HealthChanged.
fun run_health_late_heartbeat_restarts_streak(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 3u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1002);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1003);
        ts::return_shared(host);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(13000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 13000) == true, 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(23000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 28000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 23000) == true, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(23001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1009);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 23001) == false, 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(24000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 24000) == false, 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(25000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1011);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 25000) == true, 1011);
        ts::return_shared(host);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(25000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 30000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun health_late_heartbeat_restarts_streak() {
    let (mut scenario, mut clock) = start();
    run_health_late_heartbeat_restarts_streak(&mut scenario, &mut clock, 13);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun health_late_heartbeat_restarts_streak_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_late_heartbeat_restarts_streak(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(23001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// health_ready_false: heartbeat(ready = false) makes an endpoint unhealthy at once (streak 0, HealthChanged false) and it gets no new work; ready again (threshold 1) makes it healthy; an unhealthy assignee can still complete its request.
fun run_health_ready_false(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 7u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2000) == false, 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 2000) == true, 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 3u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 2u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 0u64)], 1013);
        assert!(pipe::pending_len(&pipe) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun health_ready_false() {
    let (mut scenario, mut clock) = start();
    run_health_ready_false(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

// health_streak_capped_across_set_config: The streak is min(streak + 1, healthy_threshold) at each heartbeat: after the threshold drops from 3 to 1 one heartbeat caps the streak at 1, so raising the threshold to 2 makes s1 unhealthy (set_config emits only ConfigUpdated) until one more heartbeat (HealthChanged).
fun run_health_streak_capped_across_set_config(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 3u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1002);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1003);
        ts::return_shared(host);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::ConfigUpdated>() == vector[events::new_config_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), config::new(10000, 1, 5000, 3, 1024, 100))], 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 3000) == true, 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(4000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 4000) == true, 1007);
        ts::return_shared(host);
    };
    if (upto > 8) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(4000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_config(&mut host, &cap, 10000u64, 2u32, 5000u64, 3u32, 1024u64, 100u64);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::ConfigUpdated>() == vector[events::new_config_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), config::new(10000, 2, 5000, 3, 1024, 100))], 1008);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 4000) == false, 1008);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(5000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 5000) == true, 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(5000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 10000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun health_streak_capped_across_set_config() {
    let (mut scenario, mut clock) = start();
    run_health_streak_capped_across_set_config(&mut scenario, &mut clock, 12);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun health_streak_capped_across_set_config_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_streak_capped_across_set_config(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(4000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// health_threshold_hysteresis: healthy_threshold 3: an endpoint is selectable only after 3 timely ready heartbeats in a row; HealthChanged is emitted exactly on the flips (3rd heartbeat, ready=false, 3rd heartbeat again), the streak is capped so further heartbeats emit nothing.
fun run_health_threshold_hysteresis(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 3u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1002);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1003);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == false, 1003);
        ts::return_shared(host);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1004);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2000) == false, 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 3000) == true, 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(4000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1008);
        ts::return_shared(host);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(5000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(6000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 6000) == false, 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(8000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1013);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 8000) == true, 1013);
        ts::return_shared(host);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(8000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 13000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun health_threshold_hysteresis() {
    let (mut scenario, mut clock) = start();
    run_health_threshold_hysteresis(&mut scenario, &mut clock, 15);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun health_threshold_hysteresis_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_threshold_hysteresis(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun health_threshold_hysteresis_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_threshold_hysteresis(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(6000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// health_timeout_no_event: An endpoint that stops heartbeating is healthy up to last + heartbeat_timeout_ms (inclusive) and unselectable after, with no event (sends then only emit Assigned); a late heartbeat makes it healthy again (threshold 1, HealthChanged); a timed-out endpoint cannot take over.
fun run_health_timeout_no_event(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(5000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(11000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 16000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 11000) == true, 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 11000) == true, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(11001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 16001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 11001) == false, 1008);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 11001) == true, 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(11001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 16001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(15000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 20000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(15001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1012);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 15001) == true, 1012);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 15001) == false, 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(15001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 20001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(16001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1015);
        ts::return_shared(host);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(16001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 21001u64, 0u8, false)], 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 4, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun health_timeout_no_event() {
    let (mut scenario, mut clock) = start();
    run_health_timeout_no_event(&mut scenario, &mut clock, 17);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun health_timeout_no_event_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_timeout_no_event(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(15001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENoHealthyEndpoint)]
fun health_timeout_no_event_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_health_timeout_no_event(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(16001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// heartbeat_at_time_zero: last_heartbeat_ms = 0 means never heartbeated: a heartbeat at clock 0 leaves last_heartbeat_ms 0, so the next one (at 1) is not timely and restarts the streak at 1; with threshold 2 the endpoint becomes healthy only at the third heartbeat.
fun run_heartbeat_at_time_zero(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(0);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 2u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1000);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"68"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1000);
    };
    if (upto > 1) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(0);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(0);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1002);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1002);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(0);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1003);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 0) == false, 1003);
        ts::return_shared(host);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1004);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1) == false, 1004);
        ts::return_shared(host);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2) == true, 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 5002u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun heartbeat_at_time_zero() {
    let (mut scenario, mut clock) = start();
    run_heartbeat_at_time_zero(&mut scenario, &mut clock, 8);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun heartbeat_at_time_zero_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_heartbeat_at_time_zero(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(1);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e05));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// invalid_config_create_host: EInvalidConfig from create_host: each config value at 0 and one above its maximum (heartbeat_timeout_ms and lease_ms > 31536000000, healthy_threshold and max_attempts > 100, max_payload > 16384, max_pending > 1000000), a label over 64 bytes; every value exactly at its bounds (1 and the maximum, label 64 bytes) is accepted.
fun run_invalid_config_create_host(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
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
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), 31536000000u64, 100u32, 31536000000u64, 100u32, 16384u64, 1000000u64, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0x74f85741675f7baef14e08453937783ee74e9b2e21ae15218a8a79be47faa899), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1014);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x""), 1u64, 1u32, 1u64, 1u32, 1u64, 1u64, scenario.ctx());
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0x7ecc9dfbb33c2d22b7b392858dd0481c1f2a39f6bc77dc3ddf5e5a48a9024f76), std::string::utf8(x""), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1015);
    };
}

#[test]
fun invalid_config_create_host() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step0_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 0);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 0u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step1_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 1);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 31536000001u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step2_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 2);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 0u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 3);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 101u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 0u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 31536000001u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 0u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 101u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 0u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 16385u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 0u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 1000001u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(bytes(65)), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_create_host_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_create_host(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    dtp::host::create_host(std::string::utf8(bytes(65)), 10000u64, 1u32, 5000u64, 3u32, 0u64, 100u64, scenario.ctx());
    abort 0xdead
}

// invalid_config_endpoint_args: EInvalidConfig for endpoint arguments (weight 0 or > 1000000, role 2, label or region over 64 bytes) in add_endpoint and update_endpoint (checked before presence), set_state with state 3 (checked before presence), and a pipe label over 64 bytes; the bounds themselves are accepted.
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

// invalid_config_set_config: EInvalidConfig from set_config: each config value at 0 and one above its maximum is refused and changes nothing; the maxima and the minima are accepted (ConfigUpdated). Raising healthy_threshold to 100 makes s1 (streak 1) unhealthy without a HealthChanged: set_config emits only ConfigUpdated.
fun run_invalid_config_set_config(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 5) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
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
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_config(&mut host, &cap, 31536000000u64, 100u32, 31536000000u64, 100u32, 16384u64, 1000000u64);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::ConfigUpdated>() == vector[events::new_config_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), config::new(31536000000, 100, 31536000000, 100, 16384, 1000000))], 1015);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == false, 1015);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 16) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_config(&mut host, &cap, 1u64, 1u32, 1u64, 1u32, 1u64, 1u64);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::ConfigUpdated>() == vector[events::new_config_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), config::new(1, 1, 1, 1, 1, 1))], 1016);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun invalid_config_set_config() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 17);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step3_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 3);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 0u64, 1u32, 5000u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 31536000001u64, 1u32, 5000u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 0u32, 5000u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 101u32, 5000u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 0u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 31536000001u64, 3u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 0u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 101u32, 1024u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 3u32, 0u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 3u32, 16385u64, 100u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 3u32, 1024u64, 0u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun invalid_config_set_config_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_invalid_config_set_config(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_config(&mut host, &cap, 10000u64, 1u32, 5000u64, 3u32, 1024u64, 1000001u64);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

// invalid_policy: EInvalidPolicy: create_pipe and set_policy with a policy above REGION (5); the policy is checked before the label.
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

// least_inflight_ties_round_robin: LEAST_INFLIGHT with equal weights: the least loaded wins and ties (in endpoint order) are broken by rr: rr1 with s2,s3 tied picks s3 (1 % 2), not the first of the tie.
fun run_least_inflight_ties_round_robin(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 2u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 2u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 1, 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2100);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 100u64)], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2100);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7100u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2100);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 7, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7100u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun least_inflight_ties_round_robin() {
    let (mut scenario, mut clock) = start();
    run_least_inflight_ties_round_robin(&mut scenario, &mut clock, 17);
    finish(scenario, clock);
}

// least_inflight_weight_scaling: LEAST_INFLIGHT compares inflight/weight by cross-multiplication: with weights 1 and 3, s2 takes 3 requests for each of s1's (s1 s2 s2 s2 s1 s2 s2 s2 s1 s2); exact ties (3/3 vs 1/1) go to T[rr % |T|].
fun run_least_inflight_weight_scaling(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 3u32, 0u32, 0u8);
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
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 2u8, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 2u8)], 1005);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 3, 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 7, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 8, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 8u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 3, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 6, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 9, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 9u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 3, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 7, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun least_inflight_weight_scaling() {
    let (mut scenario, mut clock) = start();
    run_least_inflight_weight_scaling(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

// max_inflight_cap: max_inflight caps the pending requests of an endpoint in a Pipe: a full endpoint is healthy but not selectable (rr skips it), all full is ENoHealthyEndpoint, a completion frees a slot. takeover does not select, so a full endpoint may still take an expired request over (s1 ends above its cap) and is then skipped by selection.
fun run_max_inflight_cap(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 1u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 2u32, 0u8);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1008);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 500u64)], 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 2500) == true, 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 2500) == true, 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 1u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, true, x"72", 500u64)], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 2u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u32, 12001u64, 0u8, false)], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 12001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun max_inflight_cap() {
    let (mut scenario, mut clock) = start();
    run_max_inflight_cap(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun max_inflight_cap_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_max_inflight_cap(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// no_healthy_endpoint: ENoHealthyEndpoint: send with no healthy endpoint, release when the releaser is the only healthy one (it is excluded), takeover by a registered but unhealthy endpoint; once s2 is healthy it can take over and release back to s1.
fun run_no_healthy_endpoint(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1006);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 12001u64, 0u8, false)], 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1010);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1010);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007332, 1010);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1010);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1010);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1010);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 12001, 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::release(&mut pipe, &host, 0u64, 2u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007331, 3u32, 12001u64, 1u8, false)], 1011);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1011);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 3, 1011);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 3, 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun no_healthy_endpoint() {
    let (mut scenario, mut clock) = start();
    run_no_healthy_endpoint(&mut scenario, &mut clock, 12);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun no_healthy_endpoint_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_no_healthy_endpoint(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun no_healthy_endpoint_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_no_healthy_endpoint(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENoHealthyEndpoint)]
fun no_healthy_endpoint_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_no_healthy_endpoint(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// not_admin_other_hosts_cap: ENotAdmin: every admin function of host h0 (add/update/set_state/remove/set_config/create_pipe/set_policy/redrive/purge_dead) rejects the HostCap of another host h1, checked first; h0's own cap works.
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

// not_assignee: ENotAssignee: claim / complete / release of the current attempt by anyone but the assignee; the attempt is checked first (a wrong attempt by a non-assignee is EStaleAttempt).
fun run_not_assignee(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64)], 1012);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == true, 1012);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 7500, 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun not_assignee() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 13);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun not_assignee_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun not_assignee_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun not_assignee_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun not_assignee_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun not_assignee_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_assignee(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 2u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// not_endpoint: ENotEndpoint: heartbeat / drain_self / resume_self by an unregistered sender, update_endpoint / set_state / remove_endpoint of an unknown server, and takeover by a non-endpoint (after the lease check: at the deadline it is ELeaseNotExpired).
fun run_not_endpoint(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1003);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1003);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 4) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1013);
        assert!(host::endpoint_count(&host) == 1, 1013);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 7001) == true, 1013);
        ts::return_shared(host);
    };
}

#[test]
fun not_endpoint() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 4);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::drain_self(&mut host, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::resume_self(&mut host, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007839, std::string::utf8(x"7839"), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007839, 1u8, clock);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun not_endpoint_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007839);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun not_endpoint_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    clock.set_for_testing(7000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotEndpoint)]
fun not_endpoint_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_endpoint(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007839);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// not_sender_cancel: ENotSender: only the original sender may cancel (not another client, the assignee or the admin).
fun run_not_sender_cancel(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000636c69656e7432);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Cancelled>() == vector[events::new_cancelled(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74)], 1008);
        assert!(pipe::pending_len(&pipe) == 0, 1008);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1008);
        ts::return_shared(pipe);
    };
}

#[test]
fun not_sender_cancel() {
    let (mut scenario, mut clock) = start();
    run_not_sender_cancel(&mut scenario, &mut clock, 9);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ENotSender)]
fun not_sender_cancel_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_sender_cancel(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000636c69656e7432);
    clock.set_for_testing(2000);
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotSender)]
fun not_sender_cancel_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_sender_cancel(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotSender)]
fun not_sender_cancel_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_not_sender_cancel(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
    ts::return_shared(pipe);
    abort 0xdead
}

// payload_too_large: EPayloadTooLarge: payload over max_payload (1024), key over MAX_KEY (128), region over MAX_LABEL (64), response over max_payload; exactly at each limit is accepted.
fun run_payload_too_large(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, bytes(1024), bytes(128), std::string::utf8(x"78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, bytes(1024))], 1007);
        assert!(pipe::pending_len(&pipe) == 1, 1007);
        assert!(pipe::next_seq(&pipe) == 1, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2100);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, bytes(1024), clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, bytes(1024), 100u64)], 1009);
        assert!(pipe::pending_len(&pipe) == 0, 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun payload_too_large() {
    let (mut scenario, mut clock) = start();
    run_payload_too_large(&mut scenario, &mut clock, 10);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun payload_too_large_step4_aborts() {
    let (mut scenario, mut clock) = start();
    run_payload_too_large(&mut scenario, &mut clock, 4);
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

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun payload_too_large_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_payload_too_large(&mut scenario, &mut clock, 5);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"70", bytes(129), std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun payload_too_large_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_payload_too_large(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(bytes(65)), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPayloadTooLarge)]
fun payload_too_large_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_payload_too_large(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, bytes(1025), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// pipe_full: EPipeFull with max_pending 2: a third pending request is refused by send and by redrive (payload size is checked before fullness); a completion makes room again.
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

// purge_dead: purge_dead deletes a dead request for good (Purged); a pending request cannot be purged, and a purged one can no longer be purged or redriven.
fun run_purge_dead(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 1u32, 1024u64, 100u64, scenario.ctx());
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1005);
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1005);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 1u8)], 1006);
        assert!(pipe::pending_len(&pipe) == 1, 1006);
        assert!(pipe::dead_len(&pipe) == 1, 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 8) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Purged>() == vector[events::new_purged(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64)], 1008);
        assert!(pipe::pending_len(&pipe) == 1, 1008);
        assert!(pipe::dead_len(&pipe) == 0, 1008);
        assert!(pipe::next_seq(&pipe) == 2, 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
}

#[test]
fun purge_dead() {
    let (mut scenario, mut clock) = start();
    run_purge_dead(&mut scenario, &mut clock, 12);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun purge_dead_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_purge_dead(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 1u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun purge_dead_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_purge_dead(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun purge_dead_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_purge_dead(&mut scenario, &mut clock, 10);
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

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun purge_dead_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_purge_dead(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// random_reproducible: RANDOM picks C[be_u64(blake2b256(bcs(pipe) ++ bcs(seq) ++ bcs(attempt))) % n]: reproducible from (pipe id, seq, attempt) and independent of rr; after a release the new attempt (2) and the smaller candidate set (releaser excluded) give a new draw. Values computed by the twin and checked to be candidates.
fun run_random_reproducible(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 4u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 4u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 4, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 0, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 7000u64, 1u8, false)], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 4, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 1, 1014);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007333, 1014);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1014);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun random_reproducible() {
    let (mut scenario, mut clock) = start();
    run_random_reproducible(&mut scenario, &mut clock, 15);
    finish(scenario, clock);
}

// redrive_after_dead_letter: max_attempts 2, dead-lettering by release (checked before selection, so it works with no other healthy endpoint); redrive by the admin emits Redriven then Assigned with the original sender, attempt keeps rising (3, then 5 after a second round) while tries restarts at 1; redrive selects (ENoHealthyEndpoint when nobody is healthy).
fun run_redrive_after_dead_letter(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 2u32, 1024u64, 100u64, scenario.ctx());
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
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 7000u64, 1u8, false)], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1008);
        ts::return_shared(host);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::release(&mut pipe, &host, 0u64, 2u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 1u8)], 1009);
        assert!(pipe::pending_len(&pipe) == 0, 1009);
        assert!(pipe::dead_len(&pipe) == 1, 1009);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1010);
        ts::return_shared(host);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1013);
        ts::return_shared(host);
    };
    if (upto > 14) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 3u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        assert!(event::events_by_type<events::Redriven>() == vector[events::new_redriven(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64)], 1014);
        assert!(pipe::pending_len(&pipe) == 1, 1014);
        assert!(pipe::dead_len(&pipe) == 0, 1014);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1014);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 3, 1014);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1014);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1014);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 8000, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::release(&mut pipe, &host, 0u64, 3u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 4u32, 8000u64, 1u8, false)], 1015);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 4, 1015);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::release(&mut pipe, &host, 0u64, 4u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 4u32, 1u8)], 1016);
        assert!(pipe::dead_len(&pipe) == 1, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1017);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 5u32, 8000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1017);
        assert!(event::events_by_type<events::Redriven>() == vector[events::new_redriven(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64)], 1017);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 5, 1017);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 18) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 5u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1018);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 5u32, true, x"72", 1000u64)], 1018);
        assert!(pipe::pending_len(&pipe) == 0, 1018);
        assert!(pipe::dead_len(&pipe) == 0, 1018);
        assert!(pipe::next_seq(&pipe) == 1, 1018);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun redrive_after_dead_letter() {
    let (mut scenario, mut clock) = start();
    run_redrive_after_dead_letter(&mut scenario, &mut clock, 19);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun redrive_after_dead_letter_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_redrive_after_dead_letter(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

// redrive_keeps_key_and_region: max_attempts 1: a release dead-letters at once; redrive keeps the request's region (us) and created_ms, so REGION at rr 2 picks s2 (the fallback C[2 % 2] would be s1) and the latency counts from the original send.
fun run_redrive_keeps_key_and_region(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
    if (upto > 0) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        dtp::host::create_host(std::string::utf8(x"68"), 10000u64, 1u32, 5000u64, 1u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1000);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"68"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1000);
    };
    if (upto > 1) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x"6575"), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x"7573"), 1u32, 0u32, 0u8);
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
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 5u8, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 5u8)], 1005);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"7573"), clock, scenario.ctx());
        assert!(ret == 0, 1006);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1006);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::DeadLettered>() == vector[events::new_dead_lettered(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 1u8)], 1007);
        assert!(pipe::pending_len(&pipe) == 0, 1007);
        assert!(pipe::dead_len(&pipe) == 1, 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 1, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 2, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        assert!(event::events_by_type<events::Redriven>() == vector[events::new_redriven(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64)], 1009);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007332, 1009);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1009);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 1, 1009);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1009);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 7500, 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 2u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, true, x"72", 500u64)], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun redrive_keeps_key_and_region() {
    let (mut scenario, mut clock) = start();
    run_redrive_keeps_key_and_region(&mut scenario, &mut clock, 11);
    finish(scenario, clock);
}

// region_preference_and_fallback: REGION: round robin (by rr) inside the healthy endpoints of the request's region; an empty region, a region without endpoints, or one whose endpoints are all unhealthy falls back to round robin over all candidates. A release keeps the request's region: eu without the releaser s1 is [s3].
fun run_region_preference_and_fallback(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x"7573"), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x"6575"), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 5u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 5u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"7573"), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6170"), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1014);
        ts::return_shared(host);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"7573"), clock, scenario.ctx());
        assert!(ret == 6, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x"6575"), clock, scenario.ctx());
        assert!(ret == 7, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 3, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 3, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 7000u64, 1u8, false)], 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 4, 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun region_preference_and_fallback() {
    let (mut scenario, mut clock) = start();
    run_region_preference_and_fallback(&mut scenario, &mut clock, 18);
    finish(scenario, clock);
}

// release_excludes_releaser: release reassigns by the policy with exclude = the releaser (rr 4 over [s1, s3] gives s1, where rr 4 over all three would give the releaser s2 back): Reassigned reason released, attempt and tries + 1, unclaimed; release advances rr.
fun run_release_excludes_releaser(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::claim(&mut pipe, &host, 1u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7500u64)], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 1u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u32, 7500u64, 1u8, false)], 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 3, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 1, 1013);
        assert!(request::server(pipe::pending_request(&pipe, 1)) == @0x0000000000000000000000000000000000000000000000000000000000007331, 1013);
        assert!(request::attempt(pipe::pending_request(&pipe, 1)) == 2, 1013);
        assert!(request::tries(pipe::pending_request(&pipe, 1)) == 2, 1013);
        assert!(request::claimed(pipe::pending_request(&pipe, 1)) == false, 1013);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 1)) == 7500, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 1u64, 2u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007333, 3u32, 7500u64, 1u8, false)], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1014);
        assert!(request::server(pipe::pending_request(&pipe, 1)) == @0x0000000000000000000000000000000000000000000000000000000000007333, 1014);
        assert!(request::attempt(pipe::pending_request(&pipe, 1)) == 3, 1014);
        assert!(request::tries(pipe::pending_request(&pipe, 1)) == 3, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun release_excludes_releaser() {
    let (mut scenario, mut clock) = start();
    run_release_excludes_releaser(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

// remove_endpoint: remove_endpoint (once not UP) drops the endpoint keeping the others' order (rr continues over [s1, s3]); its pending work stays assigned: it may still complete it, or it expires and is taken over.
fun run_remove_endpoint(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u8, clock);
        assert!(event::num_events() == 2, 1011);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1011);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1011);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::EndpointRemoved>() == vector[events::new_endpoint_removed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332)], 1012);
        assert!(host::endpoint_count(&host) == 2, 1012);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(3000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::complete(&mut pipe, &host, 1u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, true, x"72", 1000u64)], 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u8, clock);
        assert!(event::num_events() == 2, 1017);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1017);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1017);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 18) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(3000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331);
        assert!(event::num_events() == 1, 1018);
        assert!(event::events_by_type<events::EndpointRemoved>() == vector[events::new_endpoint_removed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331)], 1018);
        assert!(host::endpoint_count(&host) == 1, 1018);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 19) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1019);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 12001u64, 0u8, false)], 1019);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1019);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1019);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 20) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::takeover(&mut pipe, &host, 2u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1020);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 12001u64, 0u8, false)], 1020);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1020);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 3, 1020);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun remove_endpoint() {
    let (mut scenario, mut clock) = start();
    run_remove_endpoint(&mut scenario, &mut clock, 21);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::EEndpointBusy)]
fun remove_endpoint_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_remove_endpoint(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ENotEndpoint)]
fun remove_endpoint_step15_aborts() {
    let (mut scenario, mut clock) = start();
    run_remove_endpoint(&mut scenario, &mut clock, 15);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(2000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
    ts::return_shared(host);
    abort 0xdead
}

// resume_self_disabled_not_admin: resume_self on a DISABLED endpoint aborts ENotAdmin (only the admin re-enables); drain_self keeps DISABLED (EndpointUpdated, no health change); after the admin sets UP, drain_self / resume_self work.
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

// round_robin_even: ROUND_ROBIN over 3 healthy endpoints: C[rr % 3] gives s1 s2 s3 s1 s2 s3 (exactly 2 each); rr counts selections, not load, so a completion does not change the order (7th send: rr 6 -> s1).
fun run_round_robin_even(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        assert!(pipe::pending_len(&pipe) == 6, 1013);
        assert!(pipe::next_seq(&pipe) == 6, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1013);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::complete(&mut pipe, &host, 1u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, true, x"72", 500u64)], 1014);
        assert!(pipe::pending_len(&pipe) == 5, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2500);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7500u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        assert!(pipe::pending_len(&pipe) == 6, 1015);
        assert!(pipe::next_seq(&pipe) == 7, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 3, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1015);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun round_robin_even() {
    let (mut scenario, mut clock) = start();
    run_round_robin_even(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

// set_config_updates: set_config replaces the whole config (ConfigUpdated, no HealthChanged even though s1 with streak 1 is now below healthy_threshold 2); the new threshold, lease_ms, max_payload and max_pending apply to the next calls.
fun run_set_config_updates(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1003);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1003);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_config(&mut host, &cap, 20000u64, 2u32, 1000u64, 5u32, 10u64, 3u64);
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::ConfigUpdated>() == vector[events::new_config_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), config::new(20000, 2, 1000, 5, 10, 3))], 1004);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == false, 1004);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"68656c6c6f776f726c64", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 3000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"68656c6c6f776f726c64")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 3000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 3000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
}

#[test]
fun set_config_updates() {
    let (mut scenario, mut clock) = start();
    run_set_config_updates(&mut scenario, &mut clock, 13);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::selection::ENoHealthyEndpoint)]
fun set_config_updates_step5_aborts() {
    let (mut scenario, mut clock) = start();
    run_set_config_updates(&mut scenario, &mut clock, 5);
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
fun set_config_updates_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_set_config_updates(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::send(&mut pipe, &host, x"68656c6c6f20776f726c64", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EPipeFull)]
fun set_config_updates_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_set_config_updates(&mut scenario, &mut clock, 11);
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

#[test, expected_failure(abort_code = dtp::pipe::ENotEndpoint)]
fun set_config_updates_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_set_config_updates(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(3001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x1611edd9a9d42dbcd9ae773ffa22be0f6017b00590959dd5c767e4efcd34cd0b));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// set_policy_changes: set_policy (PolicyChanged) switches the policy for the next selection while rr keeps counting: least_inflight at rr 1 picks s3 among the idle s2, s3; weighted 1/1/1 (stride 1) at rr 2 picks s3; round_robin at rr 3 picks s1.
fun run_set_policy_changes(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::set_policy(&mut pipe, &host, &cap, 2u8);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::PolicyChanged>() == vector[events::new_policy_changed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u8)], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::set_policy(&mut pipe, &host, &cap, 1u8);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::PolicyChanged>() == vector[events::new_policy_changed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u8)], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::set_policy(&mut pipe, &host, &cap, 0u8);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::PolicyChanged>() == vector[events::new_policy_changed(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u8)], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun set_policy_changes() {
    let (mut scenario, mut clock) = start();
    run_set_policy_changes(&mut scenario, &mut clock, 15);
    finish(scenario, clock);
}

// set_state_transitions: set_state by the admin: UP -> DRAINING and DISABLED -> UP flip health (HealthChanged), DRAINING -> DISABLED and UP -> UP do not; heartbeats of a DISABLED endpoint do not make it healthy; UP again after its heartbeat timed out is not healthy (no HealthChanged).
fun run_set_state_transitions(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u8, clock);
        assert!(event::num_events() == 2, 1006);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1007);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1007);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 8) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 2u8, clock);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1008);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 0u8, clock);
        assert!(event::num_events() == 2, 1010);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1010);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1010);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, 0u8, clock);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1011);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u8, clock);
        assert!(event::num_events() == 2, 1013);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1013);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1013);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 0, 1014);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 2000) == false, 1014);
        ts::return_shared(host);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(12001);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, 0u8, clock);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 0u8)], 1015);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 12001) == false, 1015);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
}

#[test]
fun set_state_transitions() {
    let (mut scenario, mut clock) = start();
    run_set_state_transitions(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

// stale_completion_after_takeover: EStaleAttempt (fencing): after s2 takes over (attempt 2) the late complete / claim / release of s1 with attempt 1 abort; s1 with attempt 2 is ENotAssignee; s2's answer (ok = false: a final, failed answer) completes it once.
fun run_stale_completion_after_takeover(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 12001u64, 0u8, false)], 1009);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1009);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1009);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007332, 1009);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1009);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1009);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1009);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 12001, 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7100);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 2u32, false, x"6661696c6564", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, false, x"6661696c6564", 5100u64)], 1014);
        assert!(pipe::pending_len(&pipe) == 0, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 0, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
}

#[test]
fun stale_completion_after_takeover() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 16);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 2u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 0u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EStaleAttempt)]
fun stale_completion_after_takeover_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::ENotAssignee)]
fun stale_completion_after_takeover_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 2u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun stale_completion_after_takeover_step15_aborts() {
    let (mut scenario, mut clock) = start();
    run_stale_completion_after_takeover(&mut scenario, &mut clock, 15);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7100);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// standby_promotion: STANDBY endpoints get work only when no ACTIVE one is selectable (unhealthy or at max_inflight), with standby = true in Assigned / Reassigned, round robin among them; a takeover by a standby endpoint is marked standby too.
fun run_standby_promotion(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 2u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 1u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 1u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, false)], 1009);
        ts::return_shared(host);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, true, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, true, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1012);
        ts::return_shared(host);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, true, x"70")], 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 2, 1014);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 1, 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::release(&mut pipe, &host, 2u64, 1u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007332, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 7000u64, 1u8, true)], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007333, 2u32, 12001u64, 0u8, true)], 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 1, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1016);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 3, 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1017);
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 12001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun standby_promotion() {
    let (mut scenario, mut clock) = start();
    run_standby_promotion(&mut scenario, &mut clock, 18);
    finish(scenario, clock);
}

// takeover_after_expiry: After the deadline (now > deadline_ms) a healthy endpoint takes the request over: Reassigned with reason expired, attempt 2, tries 2, a new lease, unclaimed, inflight moved; takeover does not select, so rr is untouched (the next send is rr 1 -> s2).
fun run_takeover_after_expiry(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Reassigned>() == vector[events::new_reassigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 12001u64, 0u8, false)], 1008);
        assert!(pipe::pending_len(&pipe) == 1, 1008);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 0, 1008);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1008);
        assert!(request::server(pipe::pending_request(&pipe, 0)) == @0x0000000000000000000000000000000000000000000000000000000000007332, 1008);
        assert!(request::attempt(pipe::pending_request(&pipe, 0)) == 2, 1008);
        assert!(request::tries(pipe::pending_request(&pipe, 0)) == 2, 1008);
        assert!(request::claimed(pipe::pending_request(&pipe, 0)) == false, 1008);
        assert!(request::deadline_ms(pipe::pending_request(&pipe, 0)) == 12001, 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::claim(&mut pipe, &host, 0u64, 2u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Claimed>() == vector[events::new_claimed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, 12001u64)], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 12001u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(8000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 2u32, true, x"646f6e65", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 2u32, true, x"646f6e65", 6000u64)], 1011);
        assert!(pipe::pending_len(&pipe) == 1, 1011);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 1, 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun takeover_after_expiry() {
    let (mut scenario, mut clock) = start();
    run_takeover_after_expiry(&mut scenario, &mut clock, 12);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::ELeaseNotExpired)]
fun takeover_after_expiry_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_takeover_after_expiry(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(7000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// too_many_endpoints: ETooManyEndpoints: a host holds MAX_ENDPOINTS = 64; the 65th is refused (a duplicate is still EEndpointExists, checked first); after removing one there is room for one more.
fun run_too_many_endpoints(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006531, std::string::utf8(x"6531"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006532, std::string::utf8(x"6532"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006533, std::string::utf8(x"6533"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 4) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006534, std::string::utf8(x"6534"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 5) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006535, std::string::utf8(x"6535"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006536, std::string::utf8(x"6536"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006537, std::string::utf8(x"6537"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006538, std::string::utf8(x"6538"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006539, std::string::utf8(x"6539"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653130, std::string::utf8(x"653130"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653131, std::string::utf8(x"653131"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653132, std::string::utf8(x"653132"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 13) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653133, std::string::utf8(x"653133"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 14) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653134, std::string::utf8(x"653134"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653135, std::string::utf8(x"653135"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 16) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653136, std::string::utf8(x"653136"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 17) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653137, std::string::utf8(x"653137"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 18) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653138, std::string::utf8(x"653138"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 19) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653139, std::string::utf8(x"653139"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 20) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653230, std::string::utf8(x"653230"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 21) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653231, std::string::utf8(x"653231"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 22) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653232, std::string::utf8(x"653232"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 23) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653233, std::string::utf8(x"653233"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 24) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653234, std::string::utf8(x"653234"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 25) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653235, std::string::utf8(x"653235"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 26) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653236, std::string::utf8(x"653236"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 27) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653237, std::string::utf8(x"653237"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 28) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653238, std::string::utf8(x"653238"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 29) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653239, std::string::utf8(x"653239"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 30) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653330, std::string::utf8(x"653330"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 31) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653331, std::string::utf8(x"653331"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 32) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653332, std::string::utf8(x"653332"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 33) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653333, std::string::utf8(x"653333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 34) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653334, std::string::utf8(x"653334"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 35) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653335, std::string::utf8(x"653335"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 36) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653336, std::string::utf8(x"653336"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 37) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653337, std::string::utf8(x"653337"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 38) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653338, std::string::utf8(x"653338"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 39) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653339, std::string::utf8(x"653339"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 40) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653430, std::string::utf8(x"653430"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 41) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653431, std::string::utf8(x"653431"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 42) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653432, std::string::utf8(x"653432"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 43) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653433, std::string::utf8(x"653433"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 44) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653434, std::string::utf8(x"653434"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 45) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653435, std::string::utf8(x"653435"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 46) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653436, std::string::utf8(x"653436"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 47) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653437, std::string::utf8(x"653437"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 48) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653438, std::string::utf8(x"653438"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 49) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653439, std::string::utf8(x"653439"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 50) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653530, std::string::utf8(x"653530"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 51) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653531, std::string::utf8(x"653531"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 52) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653532, std::string::utf8(x"653532"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 53) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653533, std::string::utf8(x"653533"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 54) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653534, std::string::utf8(x"653534"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 55) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653535, std::string::utf8(x"653535"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 56) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653536, std::string::utf8(x"653536"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 57) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653537, std::string::utf8(x"653537"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 58) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653538, std::string::utf8(x"653538"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 59) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653539, std::string::utf8(x"653539"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 60) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653630, std::string::utf8(x"653630"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 61) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653631, std::string::utf8(x"653631"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 62) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653632, std::string::utf8(x"653632"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 63) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653633, std::string::utf8(x"653633"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 64) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653634, std::string::utf8(x"653634"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        assert!(host::endpoint_count(&host) == 64, 1064);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 65) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 66) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 67) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653634, 2u8, clock);
        assert!(event::num_events() == 1, 1067);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000653634, std::string::utf8(x"653634"), std::string::utf8(x""), 1u32, 0u32, 0u8, 2u8)], 1067);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 68) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::remove_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653634);
        assert!(event::num_events() == 1, 1068);
        assert!(event::events_by_type<events::EndpointRemoved>() == vector[events::new_endpoint_removed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000653634)], 1068);
        assert!(host::endpoint_count(&host) == 63, 1068);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 69) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653635, std::string::utf8(x"653635"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1069);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000653635, std::string::utf8(x"653635"), std::string::utf8(x""), 1u32, 0u32, 0u8)], 1069);
        assert!(host::endpoint_count(&host) == 64, 1069);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 70) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
}

#[test]
fun too_many_endpoints() {
    let (mut scenario, mut clock) = start();
    run_too_many_endpoints(&mut scenario, &mut clock, 71);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::host::ETooManyEndpoints)]
fun too_many_endpoints_step65_aborts() {
    let (mut scenario, mut clock) = start();
    run_too_many_endpoints(&mut scenario, &mut clock, 65);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653635, std::string::utf8(x"653635"), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::EEndpointExists)]
fun too_many_endpoints_step66_aborts() {
    let (mut scenario, mut clock) = start();
    run_too_many_endpoints(&mut scenario, &mut clock, 66);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000006531, std::string::utf8(x"6531"), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::host::ETooManyEndpoints)]
fun too_many_endpoints_step70_aborts() {
    let (mut scenario, mut clock) = start();
    run_too_many_endpoints(&mut scenario, &mut clock, 70);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000653636, std::string::utf8(x"653636"), std::string::utf8(x""), 1u32, 0u32, 0u8);
    ts::return_shared(host);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

// unknown_request: EUnknownRequest: claim / complete / release / takeover / cancel of a seq that is not pending (never sent, or already completed), redrive / purge_dead of a seq that is not dead (even if pending).
fun run_unknown_request(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 11) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 15) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 0u64)], 1017);
        assert!(pipe::pending_len(&pipe) == 0, 1017);
        assert!(pipe::dead_len(&pipe) == 0, 1017);
        assert!(pipe::next_seq(&pipe) == 1, 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 18) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 19) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    };
}

#[test]
fun unknown_request() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 20);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step6_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 6);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step8_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 8);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(1000);
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::cancel(&mut pipe, 0u64, scenario.ctx());
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(1000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step15_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 15);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step16_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 16);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::claim(&mut pipe, &host, 1u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step18_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 18);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EUnknownRequest)]
fun unknown_request_step19_aborts() {
    let (mut scenario, mut clock) = start();
    run_unknown_request(&mut scenario, &mut clock, 19);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
    dtp::pipe::takeover(&mut pipe, &host, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

// update_endpoint_keeps_health: update_endpoint replaces label, region, weight, max_inflight and role and keeps health and state (EndpointUpdated carries the current state, no HealthChanged); a role change to standby takes effect in selection at once.
fun run_update_endpoint_keeps_health(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 0u8);
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 0u8, 0u8)], 1006);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == true, 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 1u8);
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 1u8, 0u8)], 1007);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007331), &host::config(&host), 1000) == true, 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::set_state(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u8, clock);
        assert!(event::num_events() == 2, 1009);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 1u32, 0u32, 0u8, 1u8)], 1009);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, false)], 1009);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 10) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 2u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 2u32, 0u32, 0u8, 1u8)], 1010);
        assert!(endpoint::is_healthy(&host::endpoint(&host, @0x0000000000000000000000000000000000000000000000000000000000007332), &host::config(&host), 2000) == false, 1010);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, true, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::update_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 0u8);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::EndpointUpdated>() == vector[events::new_endpoint_updated(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"6e6577"), std::string::utf8(x"6575"), 7u32, 3u32, 0u8, 0u8)], 1012);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun update_endpoint_keeps_health() {
    let (mut scenario, mut clock) = start();
    run_update_endpoint_keeps_health(&mut scenario, &mut clock, 14);
    finish(scenario, clock);
}

// weighted_5_3_2_interleaved: WEIGHTED with weights 5/3/2: total 10, stride = smallest k >= floor(10*GOLDEN/2^64) = 6 coprime with 10 = 7; points (rr*7)%10 = 0 7 4 1 8 5 2 9 6 3 give s1 s2 s1 s1 s3 s2 s1 s3 s2 s1 (5/3/2 exactly), and the 11th and 12th sends start the next window (points 0, 7).
fun run_weighted_5_3_2_interleaved(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 5u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 3u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 2u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 1u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 1u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1014);
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1014);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 7, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007333, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 8, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 8u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 9, 1017);
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 9u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1017);
        assert!(pipe::pending_len(&pipe) == 10, 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 5, 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 3, 1017);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 18) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 10, 1018);
        assert!(event::num_events() == 1, 1018);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 10u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1018);
        assert!(pipe::pending_len(&pipe) == 11, 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 6, 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 3, 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 2, 1018);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 19) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 11, 1019);
        assert!(event::num_events() == 1, 1019);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 11u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1019);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun weighted_5_3_2_interleaved() {
    let (mut scenario, mut clock) = start();
    run_weighted_5_3_2_interleaved(&mut scenario, &mut clock, 20);
    finish(scenario, clock);
}

// weighted_large_weights: WEIGHTED near MAX_WEIGHT: weights 1000000/999999/1 give total 2000000 and stride floor(2000000 * GOLDEN / 2^64) = 1236067 (coprime), points 0 1236067 472134 1708201 944268 180335 -> s1 s2 s1 s2 s1 s1; with s3 unhealthy the total is 1999999 and rr 6..9 give points 1416405 652473 1888540 1124608 -> s2 s1 s2 s2.
fun run_weighted_large_weights(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1000000u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 2) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007332, std::string::utf8(x"7332"), std::string::utf8(x""), 999999u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 3) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007333, std::string::utf8(x"7333"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007332);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007332, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, true)], 1006);
        ts::return_shared(host);
    };
    if (upto > 7) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 1u8, scenario.ctx());
        assert!(event::num_events() == 1, 1007);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 1u8)], 1007);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 1, 1009);
        assert!(event::num_events() == 1, 1009);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 1u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1009);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 2, 1010);
        assert!(event::num_events() == 1, 1010);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 2u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1010);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 3, 1011);
        assert!(event::num_events() == 1, 1011);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 3u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1011);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 12) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 4, 1012);
        assert!(event::num_events() == 1, 1012);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 4u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1012);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 13) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 5, 1013);
        assert!(event::num_events() == 1, 1013);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 5u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1013);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 14) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007333);
        clock.set_for_testing(2000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        dtp::host::heartbeat(&mut host, false, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1014);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), @0x0000000000000000000000000000000000000000000000000000000000007333, false)], 1014);
        ts::return_shared(host);
    };
    if (upto > 15) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 6, 1015);
        assert!(event::num_events() == 1, 1015);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 6u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1015);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 16) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 7, 1016);
        assert!(event::num_events() == 1, 1016);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 7u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1016);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 8, 1017);
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 8u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 18) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 9, 1018);
        assert!(event::num_events() == 1, 1018);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0xbbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241), 9u64, @0x0000000000000000000000000000000000000000000000000000000000007332, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007331) == 5, 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007332) == 5, 1018);
        assert!(pipe::inflight_of(&pipe, @0x0000000000000000000000000000000000000000000000000000000000007333) == 0, 1018);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun weighted_large_weights() {
    let (mut scenario, mut clock) = start();
    run_weighted_large_weights(&mut scenario, &mut clock, 19);
    finish(scenario, clock);
}

// wrong_host: EWrongHost: a Pipe of host h0 used with host h1 (where the same server is a healthy endpoint) aborts in send, claim, complete, release, takeover, set_policy, redrive and purge_dead, before any other check.
fun run_wrong_host(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {
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
        dtp::host::create_host(std::string::utf8(x"6831"), 10000u64, 1u32, 5000u64, 3u32, 1024u64, 100u64, scenario.ctx());
        assert!(event::num_events() == 1, 1001);
        assert!(event::events_by_type<events::HostCreated>() == vector[events::new_host_created(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97), std::string::utf8(x"6831"), @0x00000000000000000000000000000000000000000000000000000061646d696e)], 1001);
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
        let mut host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
        dtp::host::add_endpoint(&mut host, &cap, @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8);
        assert!(event::num_events() == 1, 1004);
        assert!(event::events_by_type<events::EndpointAdded>() == vector[events::new_endpoint_added(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97), @0x0000000000000000000000000000000000000000000000000000000000007331, std::string::utf8(x"7331"), std::string::utf8(x""), 1u32, 0u32, 0u8)], 1004);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 5) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(1000);
        let mut host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
        dtp::host::heartbeat(&mut host, true, 0u32, clock, scenario.ctx());
        assert!(event::num_events() == 1, 1005);
        assert!(event::events_by_type<events::HealthChanged>() == vector[events::new_health_changed(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97), @0x0000000000000000000000000000000000000000000000000000000000007331, true)], 1005);
        ts::return_shared(host);
    };
    if (upto > 6) {
        scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
        clock.set_for_testing(1000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
        dtp::pipe::create_pipe(&host, &cap, std::string::utf8(x"70"), 0u8, scenario.ctx());
        assert!(event::num_events() == 1, 1006);
        assert!(event::events_by_type<events::PipeCreated>() == vector[events::new_pipe_created(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8), id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3), std::string::utf8(x"70"), 0u8)], 1006);
        ts::return_shared(host);
        ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    };
    if (upto > 7) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    };
    if (upto > 8) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
        clock.set_for_testing(2000);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
        let ret = dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
        assert!(ret == 0, 1008);
        assert!(event::num_events() == 1, 1008);
        assert!(event::events_by_type<events::Assigned>() == vector[events::new_assigned(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, 7000u64, @0x0000000000000000000000000000000000000000000000000000636c69656e74, false, x"70")], 1008);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
    if (upto > 9) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 10) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 11) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
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
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    };
    if (upto > 17) {
        scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
        clock.set_for_testing(7001);
        let host = scenario.take_shared_by_id<Host>(id(@0xd726ecf6f7036ee3557cd6c7b93a49b231070e8eecada9cfa157e40e3f02e5d3));
        let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
        dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
        assert!(event::num_events() == 1, 1017);
        assert!(event::events_by_type<events::Completed>() == vector[events::new_completed(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8), 0u64, @0x0000000000000000000000000000000000000000000000000000000000007331, 1u32, true, x"72", 5001u64)], 1017);
        assert!(pipe::pending_len(&pipe) == 0, 1017);
        ts::return_shared(host);
        ts::return_shared(pipe);
    };
}

#[test]
fun wrong_host() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 18);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step7_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 7);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000636c69656e74);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    dtp::pipe::send(&mut pipe, &host, x"70", x"", std::string::utf8(x""), clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step9_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 9);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    dtp::pipe::claim(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step10_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 10);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    dtp::pipe::complete(&mut pipe, &host, 0u64, 1u32, true, x"72", clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step11_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 11);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    dtp::pipe::release(&mut pipe, &host, 0u64, 1u32, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step12_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 12);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::set_policy(&mut pipe, &host, &cap, 4u8);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step13_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 13);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x63d9a65220318469fb169034d8a011eae3f014fed2a1f8c006183e2ece3c3975));
    dtp::pipe::set_policy(&mut pipe, &host, &cap, 4u8);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step14_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 14);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::redrive(&mut pipe, &host, &cap, 0u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step15_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 15);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x00000000000000000000000000000000000000000000000000000061646d696e);
    clock.set_for_testing(2000);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    let cap = scenario.take_from_address_by_id<HostCap>(@0x00000000000000000000000000000000000000000000000000000061646d696e, id(@0x01c5e4703d8ab941c77c53ac590c7764b9e6f197cd1bb6692613a1d3df9a2564));
    dtp::pipe::purge_dead(&mut pipe, &host, &cap, 0u64);
    ts::return_shared(host);
    ts::return_shared(pipe);
    ts::return_to_address(@0x00000000000000000000000000000000000000000000000000000061646d696e, cap);
    abort 0xdead
}

#[test, expected_failure(abort_code = dtp::pipe::EWrongHost)]
fun wrong_host_step16_aborts() {
    let (mut scenario, mut clock) = start();
    run_wrong_host(&mut scenario, &mut clock, 16);
    let clock = &mut clock;
    let scenario = &mut scenario;
    scenario.next_tx(@0x0000000000000000000000000000000000000000000000000000000000007331);
    clock.set_for_testing(7001);
    let host = scenario.take_shared_by_id<Host>(id(@0xdba72804cc9504a82bbaa13ed4a83a0e2c6219d7e45125cf57fd10cbab957a97));
    let mut pipe = scenario.take_shared_by_id<Pipe>(id(@0x3545e4579801a352350fbdef9cfe1130e3c8c662c571f6535501f996395d5dc8));
    dtp::pipe::takeover(&mut pipe, &host, 5u64, clock, scenario.ctx());
    ts::return_shared(host);
    ts::return_shared(pipe);
    abort 0xdead
}

fun start(): (Scenario, Clock) {
    let mut scenario = ts::begin(@0x0);
    let clock = clock::create_for_testing(scenario.ctx());
    (scenario, clock)
}

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}
