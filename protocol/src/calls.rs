//! The package's functions, described once.
//!
//! Every entry function of the `dtp` package is one row of the table at the bottom of this file:
//! its Move module and name, the objects it takes (in Move order), its pure parameters as typed
//! Rust fields, and the twin function that executes it. Everything else derives from that row:
//!
//! - a typed call struct per function (`Send { payload, key, region }`, ...) and the [`Call`]
//!   enum over them, which the SDK builds transactions (and batches) from;
//! - the schema as data ([`crate::schema::FUNCTIONS`]), which the localnet checks MoveCalls
//!   against, the vector tool generates Move tests from and the parity gate compares with the
//!   Move sources;
//! - the twin's dispatch ([`Call::run`]; [`crate::dispatch::call`] decodes a MoveCall's BCS
//!   arguments into a [`Call`] first).
//!
//! A new function is one new row; a row whose fields do not fit its twin function, or a caller
//! that builds a call with the wrong arguments, fails to compile.

use crate::config::HostConfig;
use crate::ctx::TxContext;
use crate::dispatch::{CallError, CallObjects, CallOutput};
use crate::error::MoveAbort;
use crate::host::{self, EndpointArgs};
use crate::lease;
use crate::move_types::Address;
use crate::pipe;
use crate::schema::{Function, Param, PureKind, Value};

/// A Rust type that fills one or more pure parameters of a package function, in Move order.
pub trait PureArgs: Sized {
    /// Appends the Move parameters this value fills; `name` is its field's name.
    fn params(name: &'static str, out: &mut Vec<Param>);
    /// Appends its values, in parameter order.
    fn push(&self, out: &mut Vec<Value>);
    /// Takes its values from `vals`; `None` if one is missing or of another kind.
    fn take(vals: &mut std::slice::Iter<'_, Value>) -> Option<Self>;
}

macro_rules! scalar {
    ($t:ty, $kind:ident) => {
        impl PureArgs for $t {
            fn params(name: &'static str, out: &mut Vec<Param>) {
                out.push(Param::Pure(name, PureKind::$kind));
            }
            fn push(&self, out: &mut Vec<Value>) {
                out.push(Value::$kind(self.clone()));
            }
            fn take(vals: &mut std::slice::Iter<'_, Value>) -> Option<Self> {
                match vals.next()? {
                    Value::$kind(v) => Some(v.clone()),
                    _ => None,
                }
            }
        }
    };
}

scalar!(bool, Bool);
scalar!(u8, U8);
scalar!(u32, U32);
scalar!(u64, U64);
scalar!(Address, Address);
scalar!(String, String);
scalar!(Vec<u8>, Bytes);

/// A struct passed to Move as its fields, one pure parameter each (Move has no struct
/// arguments: `create_host(label, heartbeat_timeout_ms, ...)`). The field types are restated so
/// the parameters' kinds are known; a wrong one does not compile.
macro_rules! flattened {
    ($t:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        impl PureArgs for $t {
            fn params(_: &'static str, out: &mut Vec<Param>) {
                $(<$ty as PureArgs>::params(stringify!($field), out);)*
            }
            fn push(&self, out: &mut Vec<Value>) {
                $(self.$field.push(out);)*
            }
            fn take(vals: &mut std::slice::Iter<'_, Value>) -> Option<Self> {
                Some($t { $($field: <$ty as PureArgs>::take(vals)?,)* })
            }
        }
    };
}

flattened!(HostConfig {
    heartbeat_timeout_ms: u64,
    healthy_threshold: u32,
    lease_ms: u64,
    max_attempts: u32,
    max_payload: u64,
    max_pending: u64,
});
flattened!(EndpointArgs {
    server: Address,
    label: String,
    region: String,
    weight: u32,
    max_inflight: u32,
    role: u8,
});

macro_rules! object_param {
    (HostMut) => {
        Param::Host { mutable: true }
    };
    (Host) => {
        Param::Host { mutable: false }
    };
    (Pipe) => {
        Param::Pipe
    };
    (Cap) => {
        Param::Cap
    };
}

macro_rules! calls {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident: $module:ident::$name:ident ($($obj:ident),*) { $($field:ident: $ty:ty),* $(,)? }
            $(+ $clock:ident)? => |$o:ident, $a:ident, $now:ident, $ctx:ident| $body:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct $variant {
                $(#[allow(missing_docs)] pub $field: $ty,)*
            }

            impl From<$variant> for Call {
                fn from(c: $variant) -> Call {
                    Call::$variant(c)
                }
            }
        )*

        /// One call of a package function, with its typed arguments.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Call {
            $($(#[doc = $doc])* $variant($variant),)*
        }

        /// The schema rows, in table order.
        pub(crate) fn describe() -> Vec<Function> {
            vec![$({
                #[allow(unused_mut)]
                let mut params: Vec<Param> = vec![$(object_param!($obj)),*];
                $(<$ty as PureArgs>::params(stringify!($field), &mut params);)*
                $(let _ = stringify!($clock); params.push(Param::Clock);)?
                Function {
                    module: stringify!($module),
                    name: stringify!($name),
                    params: params.leak(),
                }
            }),*]
        }

        impl Call {
            /// The Move name of the function this calls.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Call::$variant(_) => stringify!($name),)*
                }
            }

            /// The pure arguments, in parameter order.
            pub fn values(&self) -> Vec<Value> {
                #[allow(unused_mut)]
                let mut out = Vec::new();
                match self {
                    $(Call::$variant(_c) => { $(_c.$field.push(&mut out);)* })*
                }
                out
            }

            /// The call of function `name` with these pure arguments (`None`: no such function,
            /// or arguments that do not fit it).
            pub(crate) fn from_values(name: &str, vals: &[Value]) -> Option<Call> {
                #[allow(unused_mut, unused_variables)]
                let mut it = vals.iter();
                let call = match name {
                    $(stringify!($name) => Call::$variant($variant {
                        $($field: <$ty as PureArgs>::take(&mut it)?,)*
                    }),)*
                    _ => return None,
                };
                it.next().is_none().then_some(call)
            }

            #[allow(unused_variables, unused_mut)]
            fn run_twin(
                self,
                objs: CallObjects<'_>,
                now: u64,
                ctx: &mut TxContext,
            ) -> Result<CallOutput, CallError> {
                match self {
                    $(Call::$variant($a) => {
                        // The row's own names for the objects, the clock and the context.
                        let mut $o = objs;
                        let $now = now;
                        let $ctx = ctx;
                        $body
                    })*
                }
            }
        }
    };
}

fn unit(r: Result<(), MoveAbort>) -> Result<CallOutput, CallError> {
    Ok(r.map(|()| CallOutput::Unit)?)
}

impl Call {
    /// The function this calls, as the schema describes it.
    pub fn function(&self) -> &'static Function {
        Function::find(self.name()).expect("every call is described")
    }

    /// Executes the call on the twin with `objs` at clock `now`. A missing object is found
    /// before anything runs; an abort leaves the objects unchanged.
    pub fn run(
        self,
        objs: CallObjects<'_>,
        now: u64,
        ctx: &mut TxContext,
    ) -> Result<CallOutput, CallError> {
        objs.check(self.function())?;
        self.run_twin(objs, now, ctx)
    }
}

calls! {
    /// Registers a Host (shared) and sends its HostCap to the sender.
    CreateHost: host::create_host() { label: String, config: HostConfig }
        => |o, a, now, ctx| {
            let (h, c) = host::create_host(a.label, a.config, ctx)?;
            Ok(CallOutput::HostCreated(h, c))
        };
    /// Adds an endpoint (admin).
    AddEndpoint: host::add_endpoint(HostMut, Cap) { endpoint: EndpointArgs }
        => |o, a, now, ctx| unit(host::add_endpoint(o.host()?, o.cap()?, a.endpoint, ctx));
    /// Changes an endpoint's label, region, weight, cap and role (admin).
    UpdateEndpoint: host::update_endpoint(HostMut, Cap) { endpoint: EndpointArgs }
        => |o, a, now, ctx| unit(host::update_endpoint(o.host()?, o.cap()?, a.endpoint, ctx));
    /// Sets an endpoint's state: up, draining or disabled (admin).
    SetState: host::set_state(HostMut, Cap) { server: Address, state: u8 } + Clock
        => |o, a, now, ctx| unit(host::set_state(o.host()?, o.cap()?, a.server, a.state, now, ctx));
    /// Removes an endpoint that holds no work (admin).
    RemoveEndpoint: host::remove_endpoint(HostMut, Cap) { server: Address }
        => |o, a, now, ctx| unit(host::remove_endpoint(o.host()?, o.cap()?, a.server, ctx));
    /// Replaces the Host's configuration (admin).
    SetConfig: host::set_config(HostMut, Cap) { config: HostConfig }
        => |o, a, now, ctx| unit(host::set_config(o.host()?, o.cap()?, a.config, ctx));
    /// An endpoint reports itself alive (ready or not) with its load.
    Heartbeat: host::heartbeat(HostMut) { ready: bool, load: u32 } + Clock
        => |o, a, now, ctx| unit(host::heartbeat(o.host()?, a.ready, a.load, now, ctx));
    /// An endpoint stops taking new work.
    DrainSelf: host::drain_self(HostMut) {} + Clock
        => |o, a, now, ctx| unit(host::drain_self(o.host()?, now, ctx));
    /// An endpoint takes new work again.
    ResumeSelf: host::resume_self(HostMut) {} + Clock
        => |o, a, now, ctx| unit(host::resume_self(o.host()?, now, ctx));
    /// Creates a Pipe (shared) on a Host (admin).
    CreatePipe: pipe::create_pipe(Host, Cap) { label: String, policy: u8 }
        => |o, a, now, ctx| {
            let p = pipe::create_pipe(o.host()?, o.cap()?, a.label, a.policy, ctx)?;
            Ok(CallOutput::PipeCreated(p))
        };
    /// Changes a Pipe's selection policy (admin).
    SetPolicy: pipe::set_policy(Pipe, Host, Cap) { policy: u8 }
        => |o, a, now, ctx| unit(pipe::set_policy(o.pipe()?, o.host()?, o.cap()?, a.policy, ctx));
    /// Sends a request: the Pipe picks a server and emits `Assigned`.
    Send: pipe::send(Pipe, Host) { payload: Vec<u8>, key: Vec<u8>, region: String } + Clock
        => |o, a, now, ctx| {
            let seq = pipe::send(o.pipe()?, o.host()?, a.payload, a.key, a.region, now, ctx)?;
            Ok(CallOutput::Seq(seq))
        };
    /// The sender withdraws a request nobody has claimed.
    Cancel: pipe::cancel(Pipe) { seq: u64 }
        => |o, a, now, ctx| unit(pipe::cancel(o.pipe()?, a.seq, ctx));
    /// The assignee claims (or extends) its lease on a request.
    Claim: pipe::claim(Pipe, Host) { seq: u64, attempt: u32 } + Clock
        => |o, a, now, ctx| unit(pipe::claim(o.pipe()?, o.host()?, a.seq, a.attempt, now, ctx));
    /// The assignee answers a request (fenced by its attempt).
    Complete: pipe::complete(Pipe, Host) { seq: u64, attempt: u32, ok: bool, response: Vec<u8> } + Clock
        => |o, a, now, ctx| unit(pipe::complete(
            o.pipe()?, o.host()?, a.seq, a.attempt, a.ok, a.response, now, ctx,
        ));
    /// The assignee gives a request back to be reassigned.
    Release: pipe::release(Pipe, Host) { seq: u64, attempt: u32 } + Clock
        => |o, a, now, ctx| unit(lease::release(o.pipe()?, o.host()?, a.seq, a.attempt, now, ctx));
    /// A peer takes over a request whose lease expired.
    Takeover: pipe::takeover(Pipe, Host) { seq: u64 } + Clock
        => |o, a, now, ctx| unit(lease::takeover(o.pipe()?, o.host()?, a.seq, now, ctx));
    /// Sends a dead-lettered request round again (admin).
    Redrive: pipe::redrive(Pipe, Host, Cap) { seq: u64 } + Clock
        => |o, a, now, ctx| unit(lease::redrive(o.pipe()?, o.host()?, o.cap()?, a.seq, now, ctx));
    /// Deletes a dead-lettered request (admin).
    PurgeDead: pipe::purge_dead(Pipe, Host, Cap) { seq: u64 }
        => |o, a, now, ctx| unit(lease::purge_dead(o.pipe()?, o.host()?, o.cap()?, a.seq, ctx));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::FUNCTIONS;

    #[test]
    fn values_decode_back_into_the_same_call() {
        let calls: Vec<Call> = vec![
            CreateHost {
                label: "h".into(),
                config: HostConfig::default(),
            }
            .into(),
            Complete {
                seq: 3,
                attempt: 2,
                ok: true,
                response: vec![1, 2],
            }
            .into(),
            DrainSelf {}.into(),
        ];
        for c in calls {
            let vals = c.values();
            assert_eq!(vals.len(), c.function().pure_params().count());
            assert_eq!(Call::from_values(c.name(), &vals), Some(c.clone()));
        }
        assert_eq!(Call::from_values("send", &[]), None, "missing arguments");
        assert_eq!(Call::from_values("no_such", &[]), None);
        let mut extra = Cancel { seq: 1 }.into_call().values();
        extra.push(Value::U8(0));
        assert_eq!(Call::from_values("cancel", &extra), None, "one too many");
    }

    #[test]
    fn the_table_gives_every_function_once_with_clock_last() {
        assert_eq!(FUNCTIONS.len(), 19);
        for f in FUNCTIONS.iter() {
            let clock = f.params.iter().position(|p| *p == Param::Clock);
            assert!(clock.is_none_or(|i| i == f.params.len() - 1), "{}", f.name);
        }
        let send = Function::find("send").unwrap();
        let names: Vec<_> = send.pure_params().map(|(n, _)| n).collect();
        assert_eq!(names, ["payload", "key", "region"]);
        let create = Function::find("create_host").unwrap();
        assert_eq!(
            create.pure_params().count(),
            7,
            "label and six config fields"
        );
    }

    impl Cancel {
        fn into_call(self) -> Call {
            self.into()
        }
    }
}
