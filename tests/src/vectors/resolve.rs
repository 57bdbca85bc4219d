//! Turns a step's JSON into typed values: actor names into addresses, object names into ids,
//! defaults for omitted arguments, and expected events into field values.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context, Result};
use dtp_protocol::constants::{
    Policy, REASON_EXPIRED, REASON_RELEASED, ROLE_ACTIVE, ROLE_STANDBY, STATE_DISABLED,
    STATE_DRAINING, STATE_UP,
};
use dtp_protocol::schema::{Function, PureKind, Value};
use dtp_protocol::{Address, Event, HostConfig, ObjectId};
use serde_json::Value as Json;

/// The config a vector's `create_host` gets for every parameter it does not name.
pub const VECTOR_CONFIG: HostConfig = HostConfig {
    heartbeat_timeout_ms: 10_000,
    healthy_threshold: 1,
    lease_ms: 5_000,
    max_attempts: 3,
    max_payload: 1_024,
    max_pending: 100,
};

/// An actor's address: its name's bytes, right-aligned (`s1` is `0x…7331`). `0x…` is taken as is.
pub fn actor(name: &str) -> Result<Address> {
    if let Some(hex) = name.strip_prefix("0x") {
        return Address::from_hex(format!("0x{hex:0>64}"))
            .map_err(|e| anyhow!("address {name}: {e}"));
    }
    if name.is_empty()
        || name.len() > 32
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        bail!("actor name `{name}` must be 1-32 ASCII letters, digits or _");
    }
    let mut b = [0u8; 32];
    b[32 - name.len()..].copy_from_slice(name.as_bytes());
    Ok(Address::new(b))
}

/// A resolved field of an expected event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Id(ObjectId),
    Pure(Value),
    Config(HostConfig),
}

#[derive(Debug, Clone, Copy)]
pub enum FieldKind {
    Id,
    Pure(PureKind),
    Config,
}

/// Field names and kinds of every event, in struct order: derived from the protocol's event
/// layouts (`Event::LAYOUTS`, the same tokens as the structs), so a new field cannot be missed.
pub fn event_fields(name: &str) -> Option<Vec<(&'static str, FieldKind)>> {
    let (_, fields) = Event::LAYOUTS.iter().find(|(n, _)| *n == name)?;
    let pure = [
        PureKind::Bool,
        PureKind::U8,
        PureKind::U32,
        PureKind::U64,
        PureKind::Address,
        PureKind::String,
        PureKind::Bytes,
    ];
    fields
        .iter()
        .map(|&(field, ty)| {
            let kind = match ty {
                "sui::object::ID" => FieldKind::Id,
                "dtp::config::HostConfig" => FieldKind::Config,
                _ => FieldKind::Pure(*pure.iter().find(|k| k.move_type() == ty)?),
            };
            Some((field, kind))
        })
        .collect()
}

/// Named symbols (`round_robin`, `standby`, `draining`, `expired`) for u8 arguments.
fn symbol(param: &str, s: &str) -> Option<u8> {
    match param {
        "policy" => Policy::from_name(s).map(|p| p as u8),
        "role" => match s {
            "active" => Some(ROLE_ACTIVE),
            "standby" => Some(ROLE_STANDBY),
            _ => None,
        },
        "state" => match s {
            "up" => Some(STATE_UP),
            "draining" => Some(STATE_DRAINING),
            "disabled" => Some(STATE_DISABLED),
            _ => None,
        },
        "reason" => match s {
            "expired" => Some(REASON_EXPIRED),
            "released" => Some(REASON_RELEASED),
            _ => None,
        },
        _ => None,
    }
}

/// Bytes from `"text"`, `{"hex": "00ff"}` or `{"repeat": N}` (N times `x`).
fn bytes(j: &Json) -> Result<Vec<u8>> {
    match j {
        Json::String(s) => Ok(s.as_bytes().to_vec()),
        Json::Object(m) if m.contains_key("hex") => {
            let h = m["hex"]
                .as_str()
                .ok_or_else(|| anyhow!("hex must be a string"))?;
            hex::decode(h).context("bad hex")
        }
        Json::Object(m) if m.contains_key("repeat") => {
            let n = m["repeat"]
                .as_u64()
                .ok_or_else(|| anyhow!("repeat must be a number"))?;
            Ok(vec![b'x'; n as usize])
        }
        _ => bail!("bytes must be a string, {{\"hex\": ..}} or {{\"repeat\": n}}, got {j}"),
    }
}

/// A JSON argument as a pure value of `kind`.
pub fn value(param: &str, kind: PureKind, j: &Json) -> Result<Value> {
    let num = || {
        j.as_u64()
            .ok_or_else(|| anyhow!("`{param}` must be a number, got {j}"))
    };
    Ok(match kind {
        PureKind::Bool => Value::Bool(
            j.as_bool()
                .ok_or_else(|| anyhow!("`{param}` must be a bool"))?,
        ),
        PureKind::U8 => match j.as_str() {
            Some(s) => {
                Value::U8(symbol(param, s).ok_or_else(|| anyhow!("`{param}`: unknown name {s}"))?)
            }
            None => Value::U8(u8::try_from(num()?)?),
        },
        PureKind::U32 => Value::U32(u32::try_from(num()?)?),
        PureKind::U64 => Value::U64(num()?),
        PureKind::Address => Value::Address(actor(
            j.as_str()
                .ok_or_else(|| anyhow!("`{param}` must name an actor"))?,
        )?),
        PureKind::String => Value::String(
            j.as_str()
                .ok_or_else(|| anyhow!("`{param}` must be a string"))?
                .to_string(),
        ),
        PureKind::Bytes => Value::Bytes(bytes(j)?),
    })
}

/// The default of an omitted argument, if it has one.
fn default_arg(f: &Function, param: &str, args: &BTreeMap<String, Json>) -> Option<Json> {
    let c = VECTOR_CONFIG;
    Some(match (f.name, param) {
        (_, "heartbeat_timeout_ms") => c.heartbeat_timeout_ms.into(),
        (_, "healthy_threshold") => c.healthy_threshold.into(),
        (_, "lease_ms") => c.lease_ms.into(),
        (_, "max_attempts") => c.max_attempts.into(),
        (_, "max_payload") => c.max_payload.into(),
        (_, "max_pending") => c.max_pending.into(),
        ("add_endpoint" | "update_endpoint", "label") => args.get("server")?.clone(),
        (_, "label") => "l".into(),
        (_, "region") => "".into(),
        (_, "weight") => 1.into(),
        (_, "max_inflight") => 0.into(),
        (_, "role") => "active".into(),
        ("create_pipe", "policy") => "round_robin".into(),
        (_, "payload") => "p".into(),
        (_, "key") => "".into(),
        ("heartbeat", "ready") => true.into(),
        ("heartbeat", "load") => 0.into(),
        ("complete", "ok") => true.into(),
        ("complete", "response") => "r".into(),
        (_, "attempt") => 1.into(),
        _ => return None,
    })
}

/// The pure arguments of a step, in parameter order.
pub fn pure_args(f: &Function, args: &BTreeMap<String, Json>) -> Result<Vec<Value>> {
    for k in args.keys() {
        let known =
            f.pure_params().any(|(n, _)| n == k) || ["host", "pipe", "cap"].contains(&k.as_str());
        if !known {
            bail!("{} has no parameter `{k}`", f.name);
        }
    }
    f.pure_params()
        .map(|(param, kind)| {
            let j = match args.get(param) {
                Some(j) => j.clone(),
                None => default_arg(f, param, args)
                    .ok_or_else(|| anyhow!("{}: missing `{param}`", f.name))?,
            };
            value(param, kind, &j)
        })
        .collect()
}

/// Resolves one expected event. `ids` maps object names to ids; `host`/`pipe` fields default to
/// the step's objects.
pub fn event(
    name: &str,
    fields: &BTreeMap<String, Json>,
    ids: &BTreeMap<String, ObjectId>,
    step_host: Option<ObjectId>,
    step_pipe: Option<ObjectId>,
) -> Result<Vec<Field>> {
    let spec = event_fields(name).ok_or_else(|| anyhow!("unknown event {name}"))?;
    for k in fields.keys() {
        if !spec.iter().any(|(n, _)| n == k) {
            bail!("event {name} has no field `{k}`");
        }
    }
    spec.iter()
        .map(|(field, kind)| {
            let j = fields.get(*field);
            Ok(match kind {
                FieldKind::Id => {
                    let default = if *field == "pipe" {
                        step_pipe
                    } else {
                        step_host
                    };
                    match j {
                        Some(Json::String(n)) => {
                            Field::Id(*ids.get(n).ok_or_else(|| anyhow!("unknown object {n}"))?)
                        }
                        Some(other) => bail!("{name}.{field} must name an object, got {other}"),
                        None => Field::Id(
                            default.ok_or_else(|| anyhow!("{name}.{field} needs a value"))?,
                        ),
                    }
                }
                FieldKind::Pure(k) => {
                    let j = j.ok_or_else(|| anyhow!("event {name} is missing `{field}`"))?;
                    Field::Pure(value(field, *k, j)?)
                }
                FieldKind::Config => {
                    let m = j
                        .and_then(|j| j.as_object())
                        .ok_or_else(|| anyhow!("{name}.config must be an object"))?;
                    let get = |k: &str, d: u64| m.get(k).and_then(|v| v.as_u64()).unwrap_or(d);
                    let c = VECTOR_CONFIG;
                    Field::Config(HostConfig {
                        heartbeat_timeout_ms: get("heartbeat_timeout_ms", c.heartbeat_timeout_ms),
                        healthy_threshold: get("healthy_threshold", c.healthy_threshold as u64)
                            as u32,
                        lease_ms: get("lease_ms", c.lease_ms),
                        max_attempts: get("max_attempts", c.max_attempts as u64) as u32,
                        max_payload: get("max_payload", c.max_payload),
                        max_pending: get("max_pending", c.max_pending),
                    })
                }
            })
        })
        .collect()
}

/// BCS of an event's fields in order: what the Rust event struct must decode from.
pub fn fields_bcs(fields: &[Field]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in fields {
        match f {
            Field::Id(id) => out.extend_from_slice(id.as_bytes()),
            Field::Pure(v) => out.extend(v.to_bcs()),
            Field::Config(c) => out.extend(bcs::to_bytes(c).expect("config serialises")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_are_readable_addresses() {
        assert_eq!(
            actor("s1")
                .unwrap()
                .to_hex()
                .trim_start_matches("0x")
                .trim_start_matches('0'),
            "7331"
        );
        assert!(actor("bad name").is_err());
        assert_eq!(
            actor("0x2a").unwrap(),
            Address::from_hex(format!("0x{:0>64}", "2a")).unwrap()
        );
    }

    #[test]
    fn arguments_get_defaults_and_symbols() {
        let f = Function::find("add_endpoint").unwrap();
        let args: BTreeMap<String, Json> =
            serde_json::from_str(r#"{"server":"s1","role":"standby"}"#).unwrap();
        let v = pure_args(f, &args).unwrap();
        assert_eq!(
            v[1],
            Value::String("s1".into()),
            "label defaults to the server name"
        );
        assert_eq!(v[5], Value::U8(ROLE_STANDBY));
        let bad: BTreeMap<String, Json> =
            serde_json::from_str(r#"{"server":"s1","wieght":2}"#).unwrap();
        assert!(pure_args(f, &bad)
            .unwrap_err()
            .to_string()
            .contains("wieght"));
    }
}
