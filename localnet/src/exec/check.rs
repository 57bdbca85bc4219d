//! Validation before execution: signature, gas payment, input objects, and a static type check of
//! every command against the dtp package's schema. Everything that can be refused is refused
//! here, so a refused transaction changes nothing.

use dtp_protocol::schema::{self, Param, PureKind, Value};
use sui_crypto::simple::SimpleVerifier;
use sui_crypto::Verifier;
use sui_sdk_types::{
    Address, Argument, Command, Input, Mutability, Owner, ProgrammableTransaction, SimpleSignature,
    Transaction, TransactionKind, UserSignature,
};

use super::reject::{ensure, Reject};
use crate::genesis::{self, CLOCK, DTP_PACKAGE, MAX_GAS_BUDGET, REFERENCE_GAS_PRICE};
use crate::ledger::{Body, Ledger};

/// A resolved input.
#[derive(Debug, Clone)]
pub enum In {
    Pure(Vec<u8>),
    /// An object input: id, whether the transaction may mutate it, whether it is owned.
    Object {
        id: Address,
        mutable: bool,
        owned: bool,
    },
}

/// What a command argument is, statically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Pure,
    Object(Address),
    Gas,
    Coin,
    U64,
}

/// A validated transaction, ready to execute.
#[derive(Debug, Clone)]
pub struct Checked {
    pub ptb: ProgrammableTransaction,
    pub inputs: Vec<In>,
    /// The dtp function of each MoveCall command (None for coin commands).
    pub functions: Vec<Option<&'static schema::Function>>,
}

/// Verifies the one signature (Ed25519, Secp256k1 or Secp256r1) and that it is the sender's.
pub fn signature(tx: &Transaction, sigs: &[UserSignature]) -> Result<(), Reject> {
    ensure(sigs.len() == 1, || {
        format!(
            "expected exactly 1 signature (no sponsors on the localnet), got {}",
            sigs.len()
        )
    })?;
    let sig = &sigs[0];
    let UserSignature::Simple(simple) = sig else {
        return Err(Reject::unsupported("only simple signatures (ed25519, secp256k1, secp256r1) are supported; not multisig, zklogin or passkey"));
    };
    let signer = match simple {
        SimpleSignature::Ed25519 { public_key, .. } => public_key.derive_address(),
        SimpleSignature::Secp256k1 { public_key, .. } => public_key.derive_address(),
        SimpleSignature::Secp256r1 { public_key, .. } => public_key.derive_address(),
        _ => return Err(Reject::unsupported("unknown signature scheme")),
    };
    ensure(signer == tx.sender, || {
        format!(
            "the signature is by {signer}, but the sender is {}",
            tx.sender
        )
    })?;
    // What `verify_transaction` checks, with the digest computed in one pass.
    let bytes = bcs::to_bytes(tx).expect("transactions serialise");
    SimpleVerifier
        .verify(&dtp_protocol::digest::signing_digest(&bytes), sig)
        .map_err(|e| Reject::invalid(format!("bad signature: {e}")))
}

/// Checks everything but the signature.
pub fn transaction(ledger: &Ledger, tx: &Transaction) -> Result<Checked, Reject> {
    let TransactionKind::ProgrammableTransaction(ptb) = &tx.kind else {
        return Err(Reject::unsupported(
            "only programmable transactions are supported",
        ));
    };
    gas(ledger, tx)?;
    let inputs = ptb
        .inputs
        .iter()
        .enumerate()
        .map(|(i, input)| resolve_input(ledger, tx.sender, i, input))
        .collect::<Result<Vec<_>, _>>()?;
    let functions = commands(ledger, tx.sender, ptb, &inputs)?;
    Ok(Checked {
        ptb: ptb.clone(),
        inputs,
        functions,
    })
}

fn gas(ledger: &Ledger, tx: &Transaction) -> Result<(), Reject> {
    let g = &tx.gas_payment;
    ensure(g.owner == tx.sender, || {
        format!(
            "gas owner {} is not the sender {} (no sponsors)",
            g.owner, tx.sender
        )
    })?;
    ensure(!g.objects.is_empty(), || {
        "no gas coins in the gas payment".into()
    })?;
    ensure(g.price >= REFERENCE_GAS_PRICE, || {
        format!(
            "gas price {} is below the reference gas price {REFERENCE_GAS_PRICE}",
            g.price
        )
    })?;
    let min = genesis::COMPUTATION_UNITS * g.price;
    ensure((min..=MAX_GAS_BUDGET).contains(&g.budget), || {
        format!(
            "gas budget {} must be between {min} and {MAX_GAS_BUDGET}",
            g.budget
        )
    })?;
    let mut total = 0u64;
    for (i, r) in g.objects.iter().enumerate() {
        ensure(
            !g.objects[..i]
                .iter()
                .any(|o| o.object_id() == r.object_id()),
            || format!("gas coin {} is listed twice", r.object_id()),
        )?;
        let (meta, body) = ledger
            .get(r.object_id())
            .ok_or_else(|| Reject::invalid(format!("gas coin {} does not exist", r.object_id())))?;
        let Body::Coin(balance) = body else {
            return Err(Reject::invalid(format!(
                "gas object {} is {}, not a SUI coin",
                r.object_id(),
                body.describe()
            )));
        };
        ensure(meta.owner == Owner::Address(tx.sender), || {
            format!("gas coin {} is not owned by the sender", r.object_id())
        })?;
        current(ledger, r)?;
        total = total.saturating_add(*balance);
    }
    ensure(total >= g.budget, || {
        format!(
            "gas coins hold {total} MIST, less than the budget {}",
            g.budget
        )
    })
}

/// An owned or immutable reference must name the current version and digest. The refusal is
/// worded as Sui's (`ObjectVersionUnavailableForConsumption`, versions in hex), which clients
/// parse for the current version.
fn current(ledger: &Ledger, r: &sui_sdk_types::ObjectReference) -> Result<(), Reject> {
    let now = ledger.object_ref(r.object_id()).expect("checked present");
    if now.version() != r.version() || now.digest() != r.digest() {
        return Err(Reject::unavailable(format!(
            "Object ID {} Version {:#x} Digest {} is not available for consumption, current version: {:#x}",
            r.object_id(),
            r.version(),
            r.digest(),
            now.version()
        )));
    }
    Ok(())
}

fn resolve_input(ledger: &Ledger, sender: Address, i: usize, input: &Input) -> Result<In, Reject> {
    match input {
        Input::Pure(bytes) => {
            ensure(
                bytes.len() <= dtp_protocol::constants::MAX_PURE_ARGUMENT,
                || {
                    format!(
                        "input {i}: pure argument of {} bytes is over 16 KiB",
                        bytes.len()
                    )
                },
            )?;
            Ok(In::Pure(bytes.clone()))
        }
        Input::ImmutableOrOwned(r) => {
            let id = *r.object_id();
            let (meta, body) = ledger
                .get(&id)
                .ok_or_else(|| Reject::invalid(format!("input {i}: object {id} does not exist")))?;
            match meta.owner {
                Owner::Immutable => {
                    current(ledger, r)?;
                    Ok(In::Object { id, mutable: false, owned: false })
                }
                Owner::Address(a) if a == sender => {
                    current(ledger, r)?;
                    Ok(In::Object { id, mutable: true, owned: true })
                }
                Owner::Shared(_) => Err(Reject::invalid(format!("input {i}: {id} ({}) is shared; pass it as a shared input with its initial shared version", body.describe()))),
                _ => Err(Reject::invalid(format!("input {i}: the sender does not own object {id}"))),
            }
        }
        Input::Shared(s) => {
            let id = s.object_id();
            let (meta, _) = ledger.get(&id).ok_or_else(|| {
                Reject::invalid(format!("input {i}: shared object {id} does not exist"))
            })?;
            let Owner::Shared(initial) = meta.owner else {
                return Err(Reject::invalid(format!(
                    "input {i}: object {id} is not shared"
                )));
            };
            ensure(initial == s.version(), || {
                format!(
                    "input {i}: shared object {id} has initial shared version {initial}, not {}",
                    s.version()
                )
            })?;
            Ok(In::Object {
                id,
                mutable: s.mutability() == Mutability::Mutable,
                owned: false,
            })
        }
        _ => Err(Reject::unsupported(format!(
            "input {i}: only pure, owned and shared inputs are supported"
        ))),
    }
}

/// Static typing of every command; returns the dtp function of each MoveCall.
fn commands(
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
