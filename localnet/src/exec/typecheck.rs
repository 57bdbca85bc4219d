//! The static type check of a transaction's commands: every argument of every command (a dtp
//! MoveCall, SplitCoins, MergeCoins, TransferObjects) has the type its parameter takes, by the
//! dtp package's schema, before anything runs; each refusal names the command and argument.

use dtp_protocol::schema::{self, Param, PureKind, Value};
use sui_sdk_types::{Address, Argument, Command, Owner, ProgrammableTransaction};

use super::check::{In, Ty};
use super::reject::{ensure, Reject};
use crate::genesis::{CLOCK, DTP_PACKAGE};
use crate::ledger::{Body, Ledger};

/// Static typing of every command; returns the dtp function of each MoveCall.
pub(super) fn commands(
    ledger: &Ledger,
    sender: Address,
    ptb: &ProgrammableTransaction,
    inputs: &[In],
) -> Result<Vec<Option<&'static schema::Function>>, Reject> {
    ensure(!ptb.commands.is_empty(), || {
        "the transaction has no commands".into()
    })?;
    ensure(ptb.commands.len() <= 1024, || {
        "more than 1024 commands".into()
    })?;
    let mut results: Vec<Vec<Ty>> = Vec::new();
    let mut functions = Vec::new();
    for (c, cmd) in ptb.commands.iter().enumerate() {
        let arg = |a: &Argument, results: &Vec<Vec<Ty>>| -> Result<Ty, Reject> {
            arg_type(a, inputs, results, c)
        };
        let (out, f) = match cmd {
            Command::MoveCall(call) => {
                ensure(call.package == DTP_PACKAGE, || format!("command {c}: package {} is not the dtp package ({DTP_PACKAGE}); the embedded localnet runs only dtp", call.package))?;
                let f = schema::FUNCTIONS
                    .iter()
                    .find(|f| f.module == call.module.as_str() && f.name == call.function.as_str())
                    .ok_or_else(|| Reject::invalid(format!("command {c}: dtp has no entry function {}::{}", call.module, call.function)))?;
                ensure(call.type_arguments.is_empty(), || format!("command {c}: {} takes no type arguments", f.name))?;
                ensure(call.arguments.len() == f.params.len(), || format!("command {c}: {}::{} takes {} arguments, got {}", f.module, f.name, f.params.len(), call.arguments.len()))?;
                for (k, (a, p)) in call.arguments.iter().zip(f.params).enumerate() {
                    param(ledger, sender, f, k, *p, arg(a, &results)?, inputs, a)?;
                }
                (if f.name == "send" { vec![Ty::U64] } else { vec![] }, Some(f))
            }
            Command::SplitCoins(s) => {
                coin_arg(arg(&s.coin, &results)?, ledger, c)?;
                for a in &s.amounts {
                    pure_of(arg(a, &results)?, a, inputs, PureKind::U64, c)?;
                }
                (vec![Ty::Coin; s.amounts.len()], None)
            }
            Command::MergeCoins(m) => {
                coin_arg(arg(&m.coin, &results)?, ledger, c)?;
                for a in &m.coins_to_merge {
                    let t = arg(a, &results)?;
                    ensure(t != Ty::Gas, || format!("command {c}: the gas coin cannot be merged into another coin"))?;
                    coin_arg(t, ledger, c)?;
                }
                (vec![], None)
            }
            Command::TransferObjects(t) => {
                pure_of(arg(&t.address, &results)?, &t.address, inputs, PureKind::Address, c)?;
                for a in &t.objects {
                    match arg(a, &results)? {
                        // Transferring the gas coin (by value) is how Sui's pay-all-sui works.
                        Ty::Coin | Ty::Gas => {}
                        Ty::Object(id) if matches!(inputs_of(inputs, a), Some(In::Object { owned: true, .. })) => {
                            let body = &ledger.get(&id).expect("resolved").1;
                            ensure(matches!(body, Body::Coin(_) | Body::Cap(_)), || format!("command {c}: {} cannot be transferred", body.describe()))?;
                        }
                        other => return Err(Reject::invalid(format!("command {c}: cannot transfer {other:?}"))),
                    }
                }
                (vec![], None)
            }
            _ => return Err(Reject::unsupported(format!("command {c}: only MoveCall (dtp), SplitCoins, MergeCoins and TransferObjects are supported"))),
        };
        results.push(out);
        functions.push(f);
    }
    Ok(functions)
}

fn inputs_of<'a>(inputs: &'a [In], a: &Argument) -> Option<&'a In> {
    match a {
        Argument::Input(i) => inputs.get(*i as usize),
        _ => None,
    }
}

fn arg_type(a: &Argument, inputs: &[In], results: &[Vec<Ty>], c: usize) -> Result<Ty, Reject> {
    let bad = || Reject::invalid(format!("command {c}: argument {a:?} refers to nothing"));
    match a {
        Argument::Gas => Ok(Ty::Gas),
        Argument::Input(i) => match inputs.get(*i as usize).ok_or_else(bad)? {
            In::Pure(_) => Ok(Ty::Pure),
            In::Object { id, .. } => Ok(Ty::Object(*id)),
        },
        Argument::Result(j) => {
            let r = results.get(*j as usize).ok_or_else(bad)?;
            ensure(r.len() == 1, || {
                format!(
                    "command {c}: Result({j}) has {} values; use NestedResult",
                    r.len()
                )
            })?;
            Ok(r[0].clone())
        }
        Argument::NestedResult(j, k) => results
            .get(*j as usize)
            .and_then(|r| r.get(*k as usize))
            .cloned()
            .ok_or_else(bad),
    }
}

fn coin_arg(t: Ty, ledger: &Ledger, c: usize) -> Result<(), Reject> {
    match t {
        Ty::Gas | Ty::Coin => Ok(()),
        Ty::Object(id) if matches!(ledger.get(&id), Some((_, Body::Coin(_)))) => Ok(()),
        other => Err(Reject::invalid(format!(
            "command {c}: expected a SUI coin, got {other:?}"
        ))),
    }
}

fn pure_of(t: Ty, a: &Argument, inputs: &[In], kind: PureKind, c: usize) -> Result<(), Reject> {
    match (t, inputs_of(inputs, a)) {
        (Ty::Pure, Some(In::Pure(bytes))) => Value::from_bcs("argument", kind, bytes)
            .map(|_| ())
            .map_err(|e| Reject::invalid(format!("command {c}: {e}"))),
        (Ty::U64, _) if kind == PureKind::U64 => Ok(()),
        (other, _) => Err(Reject::invalid(format!(
            "command {c}: expected a {}, got {other:?}",
            kind.move_type()
        ))),
    }
}

#[allow(clippy::too_many_arguments)]
fn param(
    ledger: &Ledger,
    sender: Address,
    f: &schema::Function,
    k: usize,
    p: Param,
    t: Ty,
    inputs: &[In],
    a: &Argument,
) -> Result<(), Reject> {
    let what = |expected: &str, got: &str| {
        Reject::invalid(format!(
            "{}::{} argument {k} must be {expected}, got {got}",
            f.module, f.name
        ))
    };
    let object = |t: &Ty| match t {
        Ty::Object(id) => ledger.get(id).map(|(m, b)| (*id, m.owner, b)),
        _ => None,
    };
    let input = inputs_of(inputs, a);
    match p {
        Param::Pure(name, kind) => match (t, input) {
            (Ty::Pure, Some(In::Pure(bytes))) => Value::from_bcs(name, kind, bytes)
                .map(|_| ())
                .map_err(|e| Reject::invalid(format!("{}::{}: {e}", f.module, f.name))),
            (Ty::U64, _) if kind == PureKind::U64 => Ok(()),
            (other, _) => Err(what(kind.move_type(), &format!("{other:?}"))),
        },
        Param::Clock => match object(&t) {
            Some((id, _, _)) if id == CLOCK => Ok(()),
            _ => Err(what("the Clock (0x6)", &format!("{t:?}"))),
        },
        Param::Host { mutable } => match (object(&t), input) {
            (Some((_, Owner::Shared(_), Body::Host(_))), Some(In::Object { mutable: m, .. })) => {
                ensure(*m || !mutable, || {
                    format!(
                        "{}::{} argument {k}: the Host must be a mutable shared input",
                        f.module, f.name
                    )
                })
            }
            (o, _) => Err(what(
                "a dtp::host::Host (shared)",
                o.map(|o| o.2.describe()).unwrap_or("a non-object"),
            )),
        },
        Param::Pipe => match (object(&t), input) {
            (Some((_, Owner::Shared(_), Body::Pipe(_))), Some(In::Object { mutable: m, .. })) => {
                ensure(*m, || {
                    format!(
                        "{}::{} argument {k}: the Pipe must be a mutable shared input",
                        f.module, f.name
                    )
                })
            }
            (o, _) => Err(what(
                "a dtp::pipe::Pipe (shared, mutable)",
                o.map(|o| o.2.describe()).unwrap_or("a non-object"),
            )),
        },
        Param::Cap => match object(&t) {
            Some((_, Owner::Address(owner), Body::Cap(_))) if owner == sender => Ok(()),
            o => Err(what(
                "a dtp::host::HostCap owned by the sender",
                o.map(|o| o.2.describe()).unwrap_or("a non-object"),
            )),
        },
    }
}
