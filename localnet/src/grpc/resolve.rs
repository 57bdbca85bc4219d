//! Resolution of a partial transaction for SimulateTransaction, as a Sui fullnode does it
//! (`sui-rpc-api`'s `simulate/resolve`): what `@mysten/sui`'s `Transaction.build` sends when the
//! caller gave object ids only. A programmable transaction may leave `kind.kind` unset; an object
//! input may give only its id, and gets its kind, version and digest (owned or immutable) or its
//! initial shared version and mutability (shared: mutable if any use takes it by `&mut` or by
//! value) from the chain. Only dtp package calls can be typed here (the localnet runs no other
//! Move code); literal (untyped pure) inputs are refused with a message.

use dtp_protocol::schema::{Function, Param};
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Owner};
use tonic::Status;

use pb::argument::ArgumentKind;
use pb::command::Command;
use pb::input::{InputKind, Mutability};
use pb::transaction_kind::{Data, Kind};

use crate::genesis::DTP_PACKAGE;
use crate::ledger::Ledger;

/// Completes `t` in place against `ledger` (what reads see); a fully resolved transaction or one
/// given as BCS is left as it is.
pub(super) fn resolve(ledger: &Ledger, t: &mut pb::Transaction) -> Result<(), Status> {
    if t.bcs.is_some() {
        return Ok(());
    }
    let Some(kind) = t.kind.as_mut() else {
        return Ok(());
    };
    let Some(Data::ProgrammableTransaction(ptb)) = kind.data.as_mut() else {
        return Ok(());
    };
    if kind.kind.is_none() {
        kind.kind = Some(Kind::ProgrammableTransaction as i32);
    }
    for i in 0..ptb.inputs.len() {
        let input = &ptb.inputs[i];
        if input.literal.is_some() {
            return Err(Status::invalid_argument(format!(
                "input {i} is an untyped literal; the dtp localnet resolves object inputs only: \
                 give pure inputs as BCS bytes"
            )));
        }
        let unresolved = input.kind.is_none() && input.pure.is_none() && input.object_id.is_some();
        if unresolved {
            let uses = mutable_use(&ptb.commands, i as u32)?;
            resolve_object(ledger, &mut ptb.inputs[i], i, uses)?;
        }
    }
    Ok(())
}

/// Fills an object input given by id (and optionally version / digest) from its owner.
fn resolve_object(
    ledger: &Ledger,
    input: &mut pb::Input,
    i: usize,
    mutable: bool,
) -> Result<(), Status> {
    let field = format!("transaction.kind.programmable_transaction.inputs[{i}].object_id");
    let id = super::convert::address(&field, input.object_id.as_deref())?;
    let (meta, _) = ledger
        .get(&id)
        .ok_or_else(|| Status::not_found(format!("object {id} not found")))?;
    match meta.owner {
        Owner::Address(_) | Owner::Immutable => {
            let r = ledger.object_ref(&id).expect("the object exists");
            if input.version.is_some_and(|v| v != r.version()) {
                return Err(Status::invalid_argument(format!(
                    "provided version of {id} doesn't match, provided: {:?} actual: {}",
                    input.version,
                    r.version()
                )));
            }
            let digest = r.digest().to_string();
            if input.digest.as_ref().is_some_and(|d| *d != digest) {
                return Err(Status::invalid_argument(format!(
                    "provided digest of {id} doesn't match, provided: {:?} actual: {digest}",
                    input.digest
                )));
            }
            input.kind = Some(InputKind::ImmutableOrOwned as i32);
            input.version = Some(r.version());
            input.digest = Some(digest);
        }
        Owner::Shared(initial)
        | Owner::ConsensusAddress {
            start_version: initial,
            ..
        } => {
            input.kind = Some(InputKind::Shared as i32);
            input.version = Some(initial);
            input.mutable = Some(mutable);
            input.mutability = Some(if mutable {
                Mutability::Mutable
            } else {
                Mutability::Immutable
            } as i32);
        }
        _ => {
            return Err(Status::invalid_argument(format!(
                "object {id} is object owned and cannot be used as an input"
            )))
        }
    }
    Ok(())
}

/// True when some command takes input `i` by `&mut` or by value; a dtp call says so by its
/// parameter, the built-in commands (transfer, split, merge, vector) always do.
fn mutable_use(commands: &[pb::Command], i: u32) -> Result<bool, Status> {
    let is_input =
        |a: &pb::Argument| a.kind == Some(ArgumentKind::Input as i32) && a.input == Some(i);
    let mut mutable = false;
    for c in commands {
        match &c.command {
            Some(Command::MoveCall(call)) => {
                let f = dtp_function(call)?;
                for (j, a) in call.arguments.iter().enumerate() {
                    if is_input(a) {
                        mutable |= match f.params.get(j) {
                            Some(Param::Host { mutable }) => *mutable,
                            Some(Param::Clock) => false,
                            _ => true,
                        };
                    }
                }
            }
            Some(Command::TransferObjects(t)) => {
                mutable |= t.objects.iter().any(is_input);
            }
            Some(Command::SplitCoins(s)) => mutable |= s.coin.as_ref().is_some_and(is_input),
            Some(Command::MergeCoins(m)) => {
                mutable |=
                    m.coin.as_ref().is_some_and(is_input) || m.coins_to_merge.iter().any(is_input);
            }
            Some(Command::MakeMoveVector(v)) => mutable |= v.elements.iter().any(is_input),
            _ => {}
        }
    }
    Ok(mutable)
}

/// The dtp entry function a MoveCall names, or why its inputs cannot be typed here.
fn dtp_function(call: &pb::MoveCall) -> Result<&'static Function, Status> {
    let package: Option<Address> = call.package.as_deref().and_then(|p| p.parse().ok());
    let (module, name) = (call.module(), call.function());
    Function::find(name)
        .filter(|f| package == Some(DTP_PACKAGE) && f.module == module)
        .ok_or_else(|| {
            Status::invalid_argument(format!(
                "cannot resolve the inputs of {}::{module}::{name}: the dtp localnet knows the \
                 signatures of the dtp package ({DTP_PACKAGE}) only",
                call.package()
            ))
        })
}
