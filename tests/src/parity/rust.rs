//! The Rust side of the parity checks, as plain data taken from `dtp-protocol` (so that tests can
//! also mutate it), and the table that pairs each mirrored constant with its Move declaration.

use dtp_protocol::constants::{self as c, Policy};
use dtp_protocol::events::{Event, EVENTS_MODULE};
use dtp_protocol::schema::{Param, FUNCTIONS};
use dtp_protocol::MoveAbort;

/// An event struct: its name and `(field, Move type)` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustEvent {
    /// The struct name (`Assigned`).
    pub name: String,
    /// `FIELDS` of the struct.
    pub fields: Vec<(String, String)>,
}

/// A schema function with its parameters rendered as the checks compare them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustFunction {
    /// The Move module (`pipe`).
    pub module: String,
    /// The function name (`send`).
    pub name: String,
    /// Object parameters as their Move reference type, pure ones as `name: type`.
    pub params: Vec<String>,
}

/// A `dtp_protocol::constants` item and the Move constant it mirrors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustConst {
    /// The Rust item (`dtp_protocol::constants::MAX_KEY`).
    pub rust: String,
    /// The Move module declaring the twin (`config`).
    pub module: String,
    /// The Move constant (`MAX_KEY`).
    pub name: String,
    /// Its Move type (`u64`).
    pub move_type: String,
    /// The Rust value.
    pub value: u128,
}

/// Everything of `dtp-protocol` the checks compare with the Move sources.
#[derive(Debug, Clone)]
pub struct RustSide {
    /// `(Rust item, Move name, code)` of every [`MoveAbort`].
    pub errors: Vec<(String, String, u16)>,
    /// The Move module of the events (`events`).
    pub events_module: String,
    /// Every event of [`Event::LAYOUTS`].
    pub events: Vec<RustEvent>,
    /// Every schema function.
    pub functions: Vec<RustFunction>,
    /// Every mirrored constant.
    pub constants: Vec<RustConst>,
    /// The top-level `pub const` names of `protocol/src/constants.rs`.
    pub declared_constants: Vec<String>,
    /// Constants of `protocol/src/constants.rs` with no Move twin (Sui's limits, derived values).
    pub rust_only: Vec<&'static str>,
}

impl RustSide {
    /// The Rust side as `dtp-protocol` declares it; `constants_rs` is the text of
    /// `protocol/src/constants.rs` (for the names of its constants).
    pub fn from_protocol(constants_rs: &str) -> Self {
        RustSide {
            errors: MoveAbort::ALL
                .iter()
                .map(|a| {
                    (
                        format!("dtp_protocol::MoveAbort::{a:?}"),
                        a.name().to_string(),
                        a.code(),
                    )
                })
                .collect(),
            events_module: EVENTS_MODULE.to_string(),
            events: Event::LAYOUTS
                .iter()
                .map(|(name, fields)| RustEvent {
                    name: name.to_string(),
                    fields: fields
                        .iter()
                        .map(|(n, t)| (n.to_string(), t.to_string()))
                        .collect(),
                })
                .collect(),
            functions: FUNCTIONS
                .iter()
                .map(|f| RustFunction {
                    module: f.module.to_string(),
                    name: f.name.to_string(),
                    params: f.params.iter().map(|p| param(*p)).collect(),
                })
                .collect(),
            constants: constant_table(),
            declared_constants: top_level_consts(constants_rs),
            rust_only: vec!["MAX_PURE_ARGUMENT", "MAX_SENDABLE_PAYLOAD"],
        }
    }
}

/// A schema parameter as its Move signature reads once resolved.
fn param(p: Param) -> String {
    match p {
        Param::Host { mutable: true } => "&mut dtp::host::Host".into(),
        Param::Host { mutable: false } => "&dtp::host::Host".into(),
        Param::Pipe => "&mut dtp::pipe::Pipe".into(),
        Param::Cap => "&dtp::host::HostCap".into(),
        Param::Clock => "&sui::clock::Clock".into(),
        Param::Pure(name, kind) => format!("{name}: {}", kind.move_type()),
    }
}

fn row(rust: &str, module: &str, name: &str, move_type: &str, value: u128) -> RustConst {
    RustConst {
        rust: format!("dtp_protocol::constants::{rust}"),
        module: module.into(),
        name: name.into(),
        move_type: move_type.into(),
        value,
    }
}

/// Which Move constant each `dtp_protocol::constants` item mirrors.
fn constant_table() -> Vec<RustConst> {
    let mut rows = vec![
        row(
            "MAX_ENDPOINTS",
            "config",
            "MAX_ENDPOINTS",
            "u64",
            c::MAX_ENDPOINTS as u128,
        ),
        row(
            "MAX_LABEL",
            "config",
            "MAX_LABEL",
            "u64",
            c::MAX_LABEL as u128,
        ),
        row("MAX_KEY", "config", "MAX_KEY", "u64", c::MAX_KEY as u128),
        row(
            "MAX_WEIGHT",
            "config",
            "MAX_WEIGHT",
            "u32",
            c::MAX_WEIGHT.into(),
        ),
        row(
            "MAX_PAYLOAD_LIMIT",
            "config",
            "MAX_PAYLOAD_LIMIT",
            "u64",
            c::MAX_PAYLOAD_LIMIT.into(),
        ),
        row(
            "MAX_PENDING_LIMIT",
            "config",
            "MAX_PENDING_LIMIT",
            "u64",
            c::MAX_PENDING_LIMIT.into(),
        ),
        row(
            "MAX_DURATION_MS",
            "config",
            "MAX_DURATION_MS",
            "u64",
            c::MAX_DURATION_MS.into(),
        ),
        row(
            "MAX_THRESHOLD",
            "config",
            "MAX_THRESHOLD",
            "u32",
            c::MAX_THRESHOLD.into(),
        ),
        row("GOLDEN", "selection", "GOLDEN", "u64", c::GOLDEN.into()),
        row(
            "ROLE_ACTIVE",
            "endpoint",
            "ACTIVE",
            "u8",
            c::ROLE_ACTIVE.into(),
        ),
        row(
            "ROLE_STANDBY",
            "endpoint",
            "STANDBY",
            "u8",
            c::ROLE_STANDBY.into(),
        ),
        row("STATE_UP", "endpoint", "UP", "u8", c::STATE_UP.into()),
        row(
            "STATE_DRAINING",
            "endpoint",
            "DRAINING",
            "u8",
            c::STATE_DRAINING.into(),
        ),
        row(
            "STATE_DISABLED",
            "endpoint",
            "DISABLED",
            "u8",
            c::STATE_DISABLED.into(),
        ),
        row(
            "REASON_EXPIRED",
            "pipe",
            "EXPIRED",
            "u8",
            c::REASON_EXPIRED.into(),
        ),
        row(
            "REASON_RELEASED",
            "pipe",
            "RELEASED",
            "u8",
            c::REASON_RELEASED.into(),
        ),
    ];
    // The policy numbers: `Policy::LeastInflight` is `selection::LEAST_INFLIGHT`.
    rows.extend(Policy::ALL.iter().map(|p| {
        let rust = format!("Policy::{p:?}");
        row(
            &rust,
            "selection",
            &p.name().to_ascii_uppercase(),
            "u8",
            (*p as u8).into(),
        )
    }));
    rows
}

/// The names of the `pub const` items at the top level of a Rust file (not inside an `impl`).
fn top_level_consts(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|l| l.strip_prefix("pub const "))
        .filter_map(|rest| rest.split(':').next())
        .map(|name| name.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rust_side_is_complete() {
        let src = include_str!("../../../protocol/src/constants.rs");
        let rust = RustSide::from_protocol(src);
        assert_eq!(rust.errors.len(), MoveAbort::ALL.len());
        assert_eq!(rust.events.len(), Event::NAMES.len());
        assert_eq!(rust.functions.len(), FUNCTIONS.len());
        assert!(rust.declared_constants.contains(&"MAX_KEY".to_string()));
        assert!(rust
            .declared_constants
            .contains(&"MAX_SENDABLE_PAYLOAD".to_string()));
        assert!(
            !rust.declared_constants.iter().any(|n| n == "ALL"),
            "impl items are not top level"
        );
        let send = rust.functions.iter().find(|f| f.name == "send").unwrap();
        assert_eq!(send.params[0], "&mut dtp::pipe::Pipe");
        assert_eq!(send.params[2], "payload: vector<u8>");
        assert_eq!(send.params[4], "region: std::string::String");
        let region = rust
            .constants
            .iter()
            .find(|r| r.rust.ends_with("Policy::Region"))
            .unwrap();
        assert_eq!((region.name.as_str(), region.value), ("REGION", 5));
    }
}
