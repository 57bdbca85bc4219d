//! Parsing user input (addresses, policies, roles) with messages that say what was expected.

use anyhow::{bail, Result};
use dtp_protocol::constants::{ROLE_ACTIVE, ROLE_STANDBY};
use dtp_protocol::Policy;
use sui_sdk_types::Address;

/// A Sui address or object id: `0x` and 1 to 64 hex digits.
pub fn address_of(what: &str, s: &str) -> Result<Address> {
    let t = s.trim();
    let hex = t.strip_prefix("0x").unwrap_or("");
    if hex.is_empty() || hex.len() > 64 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!("{what} `{s}` is not a Sui address: expected 0x followed by 1 to 64 hex digits");
    }
    match t.parse() {
        Ok(a) => Ok(a),
        Err(e) => bail!("{what} `{s}` is not a Sui address: {e}"),
    }
}

/// For clap: an address argument.
pub fn address(s: &str) -> Result<Address, String> {
    address_of("value", s)
        .map_err(|_| "not a Sui address: expected 0x followed by 1 to 64 hex digits".to_string())
}

/// For clap: a policy by name or number.
pub fn policy(s: &str) -> Result<Policy, String> {
    let p = match s.parse::<u8>() {
        Ok(n) => Policy::from_u8(n),
        Err(_) => Policy::from_name(s),
    };
    p.ok_or_else(|| {
        let names: Vec<_> = Policy::ALL.iter().map(|p| p.name()).collect();
        format!("unknown policy `{s}`: use one of {}", names.join(", "))
    })
}

/// For clap: `active` or `standby`.
pub fn role(s: &str) -> Result<u8, String> {
    match s.to_ascii_lowercase().as_str() {
        "active" | "0" => Ok(ROLE_ACTIVE),
        "standby" | "1" => Ok(ROLE_STANDBY),
        _ => Err(format!("unknown role `{s}`: use active or standby")),
    }
}

pub fn role_name(role: u8) -> &'static str {
    if role == ROLE_STANDBY {
        "standby"
    } else {
        "active"
    }
}

pub fn state_name(state: u8) -> &'static str {
    match state {
        0 => "up",
        1 => "draining",
        2 => "disabled",
        _ => "?",
    }
}

pub fn policy_name(policy: u8) -> String {
    Policy::from_u8(policy)
        .map(|p| p.name().to_string())
        .unwrap_or_else(|| format!("unknown ({policy})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_with_a_clear_message() {
        assert_eq!(address("0x2").unwrap(), Address::from_static("0x2"));
        let e = address("0xnothex").unwrap_err();
        assert!(e.contains("hex digits"), "{e}");
        assert!(address("12").is_err());
        assert!(address(&format!("0x{}", "1".repeat(65))).is_err());
        let e = address_of("host id", "x").unwrap_err().to_string();
        assert!(e.starts_with("host id `x` is not a Sui address"), "{e}");
    }

    #[test]
    fn policies_and_roles_by_name_or_number() {
        assert_eq!(policy("least-inflight").unwrap(), Policy::LeastInflight);
        assert_eq!(policy("4").unwrap(), Policy::Random);
        assert!(policy("fastest").unwrap_err().contains("round_robin"));
        assert_eq!(role("Standby").unwrap(), ROLE_STANDBY);
        assert!(role("boss").is_err());
        assert_eq!((state_name(1), role_name(0)), ("draining", "active"));
    }
}
