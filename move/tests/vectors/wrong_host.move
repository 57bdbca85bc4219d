// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// wrong_host: EWrongHost: a Pipe of host h0 used with host h1 (where the same server is a healthy endpoint) aborts in send, claim, complete, release, takeover, set_policy, redrive and purge_dead, before any other check.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::wrong_host_vector;

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
