//! Calls a package function by name with decoded arguments: the bridge from a MoveCall (or a
//! conformance-vector step) to the twin's typed functions.

use crate::config::HostConfig;
use crate::ctx::TxContext;
use crate::error::MoveAbort;
use crate::host::{self, EndpointArgs, Host, HostCap};
use crate::lease;
use crate::pipe::{self, PipeState};
use crate::schema::{Function, Param, Value};

/// The objects a call uses; each must be present when the function's schema takes it.
#[derive(Default)]
pub struct CallObjects<'a> {
    pub host: Option<&'a mut Host>,
    pub pipe: Option<&'a mut PipeState>,
    pub cap: Option<&'a HostCap>,
}

/// What a successful call produced besides its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallOutput {
    Unit,
    /// `create_host`: the Host to share and the HostCap for the sender.
    HostCreated(Host, HostCap),
    /// `create_pipe`: the Pipe to share.
    PipeCreated(PipeState),
    /// `send`: the new request's sequence number.
    Seq(u64),
}

/// Why a call could not even start (the caller's fault, not a Move abort).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("{function} takes {expected} pure arguments, got {got}")]
    ArgumentCount {
        function: &'static str,
        expected: usize,
        got: usize,
    },
    #[error("{function}: argument `{param}` must be {expected}")]
    ArgumentType {
        function: &'static str,
        param: &'static str,
        expected: &'static str,
    },
    #[error("{function} needs the {object} object")]
    MissingObject {
        function: &'static str,
        object: &'static str,
    },
    #[error(transparent)]
    Abort(#[from] MoveAbort),
}

/// The pure arguments, consumed in order (count and types already checked).
struct Args<'a> {
    vals: std::slice::Iter<'a, Value>,
}

impl<'a> Args<'a> {
    fn next(&mut self) -> Result<&'a Value, CallError> {
        Ok(self.vals.next().expect("count checked"))
    }
}

macro_rules! take {
    ($args:expr, $variant:ident) => {
        match $args.next()? {
            Value::$variant(v) => v.clone(),
            _ => unreachable!("kind checked"),
        }
    };
}

fn config(a: &mut Args) -> Result<HostConfig, CallError> {
    Ok(HostConfig {
        heartbeat_timeout_ms: take!(a, U64),
        healthy_threshold: take!(a, U32),
        lease_ms: take!(a, U64),
        max_attempts: take!(a, U32),
        max_payload: take!(a, U64),
        max_pending: take!(a, U64),
    })
}

fn endpoint_args(a: &mut Args) -> Result<EndpointArgs, CallError> {
    Ok(EndpointArgs {
        server: take!(a, Address),
        label: take!(a, String),
        region: take!(a, String),
        weight: take!(a, U32),
        max_inflight: take!(a, U32),
        role: take!(a, U8),
    })
}

/// Executes `f` with `objs` and the pure arguments `vals` (in parameter order) at clock `now`.
/// Argument errors are found before anything runs; an abort leaves the objects unchanged.
pub fn call(
    f: &'static Function,
    objs: CallObjects,
    vals: &[Value],
    now: u64,
    ctx: &mut TxContext,
) -> Result<CallOutput, CallError> {
    let names: Vec<_> = f.pure_params().collect();
    if names.len() != vals.len() {
        return Err(CallError::ArgumentCount {
            function: f.name,
            expected: names.len(),
            got: vals.len(),
        });
    }
    // Type-check every argument before looking at objects or running anything.
    for ((param, kind), v) in names.iter().zip(vals) {
        if v.kind() != *kind {
            return Err(CallError::ArgumentType {
                function: f.name,
                param,
                expected: kind.move_type(),
            });
        }
    }
    let missing = |object| CallError::MissingObject {
        function: f.name,
        object,
    };
    let CallObjects { host, pipe, cap } = objs;
    let host = if f.takes_host() {
        Some(host.ok_or_else(|| missing("Host"))?)
    } else {
        None
    };
    let pipe = if f.takes(Param::Pipe) {
        Some(pipe.ok_or_else(|| missing("Pipe"))?)
    } else {
        None
    };
    let cap = if f.takes(Param::Cap) {
        Some(cap.ok_or_else(|| missing("HostCap"))?)
    } else {
        None
    };
    let mut a = Args { vals: vals.iter() };
    let (h, p, c) = (host, pipe, cap);
    let out = match f.name {
        "create_host" => {
            let label = take!(a, String);
            let (host, cap) = host::create_host(label, config(&mut a)?, ctx)?;
            CallOutput::HostCreated(host, cap)
        }
        "add_endpoint" => unit(host::add_endpoint(
            h.unwrap(),
            c.unwrap(),
            endpoint_args(&mut a)?,
            ctx,
        ))?,
        "update_endpoint" => unit(host::update_endpoint(
            h.unwrap(),
            c.unwrap(),
            endpoint_args(&mut a)?,
            ctx,
        ))?,
        "set_state" => {
            let (server, state) = (take!(a, Address), take!(a, U8));
            unit(host::set_state(
                h.unwrap(),
                c.unwrap(),
                server,
                state,
                now,
                ctx,
            ))?
        }
        "remove_endpoint" => unit(host::remove_endpoint(
            h.unwrap(),
            c.unwrap(),
            take!(a, Address),
            ctx,
        ))?,
        "set_config" => unit(host::set_config(
            h.unwrap(),
            c.unwrap(),
            config(&mut a)?,
            ctx,
        ))?,
        "heartbeat" => {
            let (ready, load) = (take!(a, Bool), take!(a, U32));
            unit(host::heartbeat(h.unwrap(), ready, load, now, ctx))?
        }
        "drain_self" => unit(host::drain_self(h.unwrap(), now, ctx))?,
        "resume_self" => unit(host::resume_self(h.unwrap(), now, ctx))?,
        "create_pipe" => {
            let (label, policy) = (take!(a, String), take!(a, U8));
            CallOutput::PipeCreated(pipe::create_pipe(
                h.unwrap(),
                c.unwrap(),
                label,
                policy,
                ctx,
            )?)
        }
        "set_policy" => unit(pipe::set_policy(
            p.unwrap(),
            h.unwrap(),
            c.unwrap(),
            take!(a, U8),
            ctx,
        ))?,
        "send" => {
            let (payload, key, region) = (take!(a, Bytes), take!(a, Bytes), take!(a, String));
            CallOutput::Seq(pipe::send(
                p.unwrap(),
                h.unwrap(),
                payload,
                key,
                region,
                now,
                ctx,
            )?)
        }
        "cancel" => unit(pipe::cancel(p.unwrap(), take!(a, U64), ctx))?,
        "claim" => {
            let (seq, attempt) = (take!(a, U64), take!(a, U32));
            unit(pipe::claim(p.unwrap(), h.unwrap(), seq, attempt, now, ctx))?
        }
        "complete" => {
            let (seq, attempt, ok, response) = (
                take!(a, U64),
                take!(a, U32),
                take!(a, Bool),
                take!(a, Bytes),
            );
            unit(pipe::complete(
                p.unwrap(),
                h.unwrap(),
                seq,
                attempt,
                ok,
                response,
                now,
                ctx,
            ))?
        }
        "release" => {
            let (seq, attempt) = (take!(a, U64), take!(a, U32));
            unit(lease::release(
                p.unwrap(),
                h.unwrap(),
                seq,
                attempt,
                now,
                ctx,
            ))?
        }
        "takeover" => unit(lease::takeover(
            p.unwrap(),
            h.unwrap(),
            take!(a, U64),
            now,
            ctx,
        ))?,
        "redrive" => unit(lease::redrive(
            p.unwrap(),
            h.unwrap(),
            c.unwrap(),
            take!(a, U64),
            now,
            ctx,
        ))?,
        "purge_dead" => unit(lease::purge_dead(
            p.unwrap(),
            h.unwrap(),
            c.unwrap(),
            take!(a, U64),
            ctx,
        ))?,
        other => unreachable!("schema function {other} has no dispatch arm"),
    };
    Ok(out)
}

fn unit(r: Result<(), MoveAbort>) -> Result<CallOutput, MoveAbort> {
    r.map(|()| CallOutput::Unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::move_types::Address;
    use crate::schema::FUNCTIONS;

    fn ctx() -> TxContext {
        TxContext::test_scenario(Address::new([1; 32]), 1)
    }

    #[test]
    fn every_schema_function_dispatches() {
        // Each call reaches its twin function: with empty objects of another host it aborts with a
        // Move error (never an argument error, never the unreachable arm).
        let (mut host, cap) =
            host::create_host("h".into(), HostConfig::default(), &mut ctx()).unwrap();
        let other_cap = HostCap {
            id: Address::new([7; 32]),
            host: Address::new([8; 32]),
        };
        let mut pipe = pipe::create_pipe(&host, &cap, "p".into(), 0, &mut ctx()).unwrap();
        for f in FUNCTIONS {
            let vals: Vec<Value> = f
                .pure_params()
                .map(|(_, k)| match k {
                    crate::schema::PureKind::Bool => Value::Bool(true),
                    crate::schema::PureKind::U8 => Value::U8(0),
                    crate::schema::PureKind::U32 => Value::U32(1),
                    crate::schema::PureKind::U64 => Value::U64(1),
                    crate::schema::PureKind::Address => Value::Address(Address::new([2; 32])),
                    crate::schema::PureKind::String => Value::String("x".into()),
                    crate::schema::PureKind::Bytes => Value::Bytes(vec![]),
                })
                .collect();
            let objs = CallObjects {
                host: Some(&mut host),
                pipe: Some(&mut pipe),
                cap: Some(&other_cap),
            };
            match call(f, objs, &vals, 5, &mut ctx()) {
                Ok(_) | Err(CallError::Abort(_)) => {}
                Err(e) => panic!("{}: {e}", f.name),
            }
        }
    }

    #[test]
    fn wrong_counts_types_and_missing_objects_are_reported() {
        let f = Function::find("heartbeat").unwrap();
        let err = call(
            f,
            CallObjects::default(),
            &[Value::Bool(true)],
            0,
            &mut ctx(),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                CallError::ArgumentCount {
                    expected: 2,
                    got: 1,
                    ..
                }
            ),
            "{err}"
        );
        let err = call(
            f,
            CallObjects::default(),
            &[Value::Bool(true), Value::U64(1)],
            0,
            &mut ctx(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "heartbeat: argument `load` must be u32");
        let err = call(
            f,
            CallObjects::default(),
            &[Value::Bool(true), Value::U32(1)],
            0,
            &mut ctx(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "heartbeat needs the Host object");
    }
}
