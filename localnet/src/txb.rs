//! Small helpers to build and sign transactions against a ledger: the faucet's transfers and the
//! localnet's own tests use them.

use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::SuiSigner;
use sui_sdk_types::{Address, ObjectReference, Transaction, UserSignature};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

use crate::genesis::REFERENCE_GAS_PRICE;

/// A transaction builder with `sender`, one gas coin and a budget, at the reference gas price.
pub fn builder(sender: Address, gas: &ObjectReference, budget: u64) -> TransactionBuilder {
    let mut b = TransactionBuilder::new();
    b.set_sender(sender);
    b.add_gas_objects([ObjectInput::owned(
        *gas.object_id(),
        gas.version(),
        *gas.digest(),
    )]);
    b.set_gas_budget(budget);
    b.set_gas_price(REFERENCE_GAS_PRICE);
    b
}

/// Builds and signs.
pub fn sign(b: TransactionBuilder, key: &Ed25519PrivateKey) -> (Transaction, Vec<UserSignature>) {
    let tx = b.try_build().expect("complete transaction");
    let sig = key.sign_transaction(&tx).expect("signing");
    (tx, vec![sig])
}

/// The faucet's transfer of `count` coins of `value` to `to`, paid with the faucet coin at its
/// version in `ledger` (`None` if the faucet coin is gone).
pub fn from_faucet(
    ledger: &crate::ledger::Ledger,
    to: Address,
    count: usize,
    value: u64,
) -> Option<(Transaction, Vec<UserSignature>)> {
    let gas = ledger.object_ref(&crate::genesis::faucet_coin_id())?;
    Some(transfer_coins(
        &crate::genesis::faucet_key(),
        &gas,
        to,
        count,
        value,
    ))
}

/// The faucet transfer: split `count` coins of `value` off the gas coin and send them to `to`.
pub fn transfer_coins(
    key: &Ed25519PrivateKey,
    gas: &ObjectReference,
    to: Address,
    count: usize,
    value: u64,
) -> (Transaction, Vec<UserSignature>) {
    let from = key.public_key().derive_address();
    let mut b = builder(from, gas, 10_000_000);
    let amounts = (0..count).map(|_| b.pure(&value)).collect();
    let g = b.gas();
    let coins = b.split_coins(g, amounts);
    let to = b.pure(&to);
    b.transfer_objects(coins, to);
    sign(b, key)
}
