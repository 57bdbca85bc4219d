// GENERATED from tests/vectors/*.json by `cargo run -p dtp-tests --bin gen-move-vectors`.
// Do not edit: change the vectors and regenerate. `cargo test` fails while this file is stale.
// invalid_config_create_host: EInvalidConfig from create_host: each config value at 0 and one above its maximum (heartbeat_timeout_ms and lease_ms > 31536000000, healthy_threshold and max_attempts > 100, max_payload > 16384, max_pending > 1000000), a label over 64 bytes; every value exactly at its bounds (1 and the maximum, label 64 bytes) is accepted.
#[test_only]
#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]
module dtp::invalid_config_create_host_vector;

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
