//! Validation before execution: signature, gas payment, input objects, and (in `typecheck`) a
//! static type check of every command against the dtp package's schema. Everything that can be
//! refused is refused here, so a refused transaction changes nothing.

use dtp_protocol::schema;
use sui_crypto::simple::SimpleVerifier;
use sui_crypto::Verifier;
use sui_sdk_types::{
    Address, Input, Mutability, Owner, ProgrammableTransaction, SimpleSignature, Transaction,
    TransactionKind, UserSignature,
};

use super::reject::{ensure, Reject};
use crate::genesis::{self, MAX_GAS_BUDGET, REFERENCE_GAS_PRICE};
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
    let functions = super::typecheck::commands(ledger, tx.sender, ptb, &inputs)?;
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
