#[test_only]
module dtp::config_tests;

use dtp::config;
use std::unit_test::assert_eq;

#[test]
fun new_and_getters() {
    let c = config::new(1, 2, 3, 4, 5, 6);
    assert_eq!(c.heartbeat_timeout_ms(), 1);
    assert_eq!(c.healthy_threshold(), 2);
    assert_eq!(c.lease_ms(), 3);
    assert_eq!(c.max_attempts(), 4);
    assert_eq!(c.max_payload(), 5);
    assert_eq!(c.max_pending(), 6);
    // The upper limits are inclusive.
    let c = config::new(31_536_000_000, 100, 31_536_000_000, 100, 16_384, 1_000_000);
    assert_eq!(c.heartbeat_timeout_ms(), config::max_duration_ms());
    assert_eq!(c.healthy_threshold(), config::max_threshold());
    assert_eq!(c.lease_ms(), config::max_duration_ms());
    assert_eq!(c.max_attempts(), config::max_threshold());
    assert_eq!(c.max_payload(), config::max_payload_limit());
    assert_eq!(c.max_pending(), config::max_pending_limit());
}

#[test]
fun limits() {
    assert_eq!(config::max_endpoints(), 64);
    assert_eq!(config::max_label(), 64);
    assert_eq!(config::max_key(), 128);
    assert_eq!(config::max_weight(), 1_000_000);
    assert_eq!(config::max_payload_limit(), 16_384);
    assert_eq!(config::max_pending_limit(), 1_000_000);
    assert_eq!(config::max_duration_ms(), 31_536_000_000);
    assert_eq!(config::max_threshold(), 100);
    let mut label = b"".to_string();
    64u64.do!(|_| label.append_utf8(b"a"));
    assert!(config::is_label_ok(&label));
    label.append_utf8(b"a");
    assert!(!config::is_label_ok(&label));
    assert!(config::is_valid(1, 1, 1, 1, 1, 1));
    assert!(!config::is_valid(0, 1, 1, 1, 1, 1));
}

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_heartbeat_timeout() { config::new(0, 1, 1, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun heartbeat_timeout_over_limit() { config::new(31_536_000_001, 1, 1, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun threshold_over_limit() { config::new(1, 101, 1, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun lease_over_limit() { config::new(1, 1, 31_536_000_001, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun attempts_over_limit() { config::new(1, 1, 1, 101, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_threshold() { config::new(1, 0, 1, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_lease() { config::new(1, 1, 0, 1, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_attempts() { config::new(1, 1, 1, 0, 1, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_payload() { config::new(1, 1, 1, 1, 0, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun payload_over_limit() { config::new(1, 1, 1, 1, 16_385, 1); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun zero_pending() { config::new(1, 1, 1, 1, 1, 0); }

#[test, expected_failure(abort_code = dtp::config::EInvalidConfig)]
fun pending_over_limit() { config::new(1, 1, 1, 1, 1, 1_000_001); }
