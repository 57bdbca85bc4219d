// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// affinity_key_stays_on_server: AFFINITY (rendezvous on blake2b256(key ++ bcs(server))): key a lives on s2, b on s3, user-1 on s1, whatever rr is; when s2 turns unhealthy only key a moves (to its second choice s1), and it comes back to s2 when s2 does. A release by s2 excludes it, so key a goes to its second choice s1.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::affinity_key_stays_on_server_vector;

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
