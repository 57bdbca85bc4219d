//! Calls a package function by name with decoded arguments: the bridge from a MoveCall (or a
//! conformance-vector step) to the twin. The arguments are checked against the schema, decoded
//! into the typed [`Call`] and run ([`Call::run`], in `calls`).

use crate::calls::Call;
use crate::ctx::TxContext;
use crate::error::MoveAbort;
use crate::host::{Host, HostCap};
use crate::pipe::PipeState;
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

impl<'a> CallObjects<'a> {
    /// Every object `f` takes is present (`MissingObject` naming the first that is not).
    pub(crate) fn check(&self, f: &'static Function) -> Result<(), CallError> {
        let missing = |object| CallError::MissingObject {
            function: f.name,
            object,
        };
        if f.takes_host() && self.host.is_none() {
            return Err(missing("Host"));
        }
        if f.takes(Param::Pipe) && self.pipe.is_none() {
            return Err(missing("Pipe"));
        }
        if f.takes(Param::Cap) && self.cap.is_none() {
            return Err(missing("HostCap"));
        }
        Ok(())
    }

    /// The Host (taken: each object goes to one parameter).
    pub(crate) fn host(&mut self) -> Result<&'a mut Host, CallError> {
        self.host.take().ok_or(CallError::MissingObject {
            function: "call",
            object: "Host",
        })
    }

    /// The Pipe (taken).
    pub(crate) fn pipe(&mut self) -> Result<&'a mut PipeState, CallError> {
        self.pipe.take().ok_or(CallError::MissingObject {
            function: "call",
            object: "Pipe",
        })
    }

    /// The HostCap.
    pub(crate) fn cap(&mut self) -> Result<&'a HostCap, CallError> {
        self.cap.ok_or(CallError::MissingObject {
            function: "call",
            object: "HostCap",
        })
    }
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
    objs.check(f)?;
    let call = Call::from_values(f.name, vals).ok_or(CallError::ArgumentCount {
        function: f.name,
        expected: names.len(),
        got: vals.len(),
    })?;
    call.run(objs, now, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::HostConfig;
    use crate::host;
    use crate::move_types::Address;
    use crate::pipe;
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
        for f in FUNCTIONS.iter() {
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
