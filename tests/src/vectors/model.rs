//! The JSON shape of a conformance vector.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value as Json;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vector {
    /// Identifier (a valid Move function name suffix): `round_robin_even`.
    pub name: String,
    /// What the vector shows.
    pub about: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Clock time in ms; when absent, the previous step's time (the clock never goes back).
    #[serde(default)]
    pub at: Option<u64>,
    /// The actor sending the transaction.
    pub by: String,
    /// A function of the package (see `dtp_protocol::schema::FUNCTIONS`).
    pub call: String,
    /// Arguments by parameter name; objects as `host`, `pipe`, `cap` (names given by `as`).
    #[serde(default)]
    pub args: BTreeMap<String, Json>,
    /// Name for the object(s) this step creates (`create_host`, `create_pipe`).
    #[serde(default, rename = "as")]
    pub name: Option<String>,
    #[serde(default)]
    pub expect: Expect,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The Move error constant the call aborts with (`EStaleAttempt`).
    #[serde(default)]
    pub abort: Option<String>,
    /// `send`'s return value.
    #[serde(default)]
    pub returns: Option<u64>,
    /// The exact events, in order: `[{"Assigned": {...fields}}]`. Absent: not checked.
    #[serde(default)]
    pub events: Option<Vec<BTreeMap<String, BTreeMap<String, Json>>>>,
    /// State after the step.
    #[serde(default)]
    pub state: Option<StateCheck>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateCheck {
    /// Pending requests in the step's pipe.
    pub pending: Option<u64>,
    /// Dead-lettered requests in the step's pipe.
    pub dead: Option<u64>,
    /// In-flight count per actor in the step's pipe.
    pub inflight: Option<BTreeMap<String, u32>>,
    /// Fields of one pending request (`seq` required).
    pub request: Option<RequestCheck>,
    /// Health per actor at the step's time.
    pub healthy: Option<BTreeMap<String, bool>>,
    /// Endpoint count of the step's host.
    pub endpoints: Option<u64>,
    pub next_seq: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestCheck {
    pub seq: u64,
    pub server: Option<String>,
    pub attempt: Option<u32>,
    pub tries: Option<u32>,
    pub claimed: Option<bool>,
    pub deadline_ms: Option<u64>,
}
