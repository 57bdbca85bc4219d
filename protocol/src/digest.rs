//! Digests as Sui computes them: Blake2b-256 of a type's salt (`"Object::"`,
//! `"TransactionData::"`, …) followed by the value's BCS, and the digest a transaction's
//! signature signs (its intent, then its BCS). `sui-sdk-types` streams the BCS into the hasher
//! one primitive at a time (an address is 32 one-byte updates), which made digests a sixth of
//! the localnet's commit loop and a part of every signature; here the BCS is written out first
//! and hashed in one pass. Same bytes, same digest (tested against `sui-sdk-types`).

use serde::Serialize;
use sui_sdk_types::hash::Hasher;
use sui_sdk_types::{
    CheckpointContents, CheckpointSummary, Digest, Object, SigningDigest, Transaction,
    TransactionEffects, TransactionEvents,
};

/// A type Sui digests with a salt.
pub trait Salted: Serialize {
    /// What is hashed before the value's BCS.
    const SALT: &'static str;

    /// The value's digest.
    fn bcs_digest(&self) -> Digest {
        of_bcs(Self::SALT, &bcs::to_bytes(self).expect("BCS of a Sui type"))
    }
}

/// The digest of a value of salt `salt` whose BCS is `bytes`.
pub fn of_bcs(salt: &str, bytes: &[u8]) -> Digest {
    let mut h = Hasher::new();
    h.update(salt);
    h.update(bytes);
    h.finalize()
}

/// The digest of the transaction whose BCS is `tx_bcs`.
pub fn transaction(tx_bcs: &[u8]) -> Digest {
    of_bcs(<Transaction as Salted>::SALT, tx_bcs)
}

/// What the signature of a transaction whose BCS is `tx_bcs` signs: Blake2b-256 of the
/// transaction-data intent (`[0, 0, 0]`: scope, version, app id) and the BCS.
pub fn signing_digest(tx_bcs: &[u8]) -> SigningDigest {
    let mut h = Hasher::new();
    h.update([0u8, 0, 0]);
    h.update(tx_bcs);
    h.finalize().into_inner()
}

/// Each type's salt: the name Sui's own code gives the type (a transaction is
/// `TransactionData`), then `::`.
macro_rules! salted {
    ($($ty:ident => $salt:literal),* $(,)?) => {
        $(impl Salted for $ty {
            const SALT: &'static str = $salt;
        })*
    };
}

salted! {
    Object => "Object::",
    Transaction => "TransactionData::",
    TransactionEffects => "TransactionEffects::",
    TransactionEvents => "TransactionEvents::",
    CheckpointSummary => "CheckpointSummary::",
    CheckpointContents => "CheckpointContents::",
}

#[cfg(test)]
mod tests {
    use super::*;
    use sui_sdk_types::{
        Address, Argument, Command, Event, GasPayment, Identifier, Input, MoveCall,
        ProgrammableTransaction, StructTag, TransactionExpiration, TransactionKind,
    };

    fn transaction() -> Transaction {
        let package = Address::new([7; 32]);
        Transaction {
            kind: TransactionKind::ProgrammableTransaction(ProgrammableTransaction {
                inputs: vec![Input::Pure(vec![1, 2, 3])],
                commands: vec![Command::MoveCall(MoveCall {
                    package,
                    module: Identifier::new("pipe").unwrap(),
                    function: Identifier::new("send").unwrap(),
                    type_arguments: vec![],
                    arguments: vec![Argument::Input(0)],
                })],
            }),
            sender: Address::new([1; 32]),
            gas_payment: GasPayment {
                objects: vec![],
                owner: Address::new([1; 32]),
                price: 1_000,
                budget: 50_000_000,
            },
            expiration: TransactionExpiration::None,
        }
    }

    #[test]
    fn a_transaction_digests_and_signs_as_sui_sdk_types_says() {
        let tx = transaction();
        assert_eq!(tx.bcs_digest(), tx.digest());
        let bytes = bcs::to_bytes(&tx).unwrap();
        assert_eq!(super::transaction(&bytes), tx.digest());
        assert_eq!(signing_digest(&bytes), tx.signing_digest());
        let event = Event {
            package_id: Address::new([7; 32]),
            module: Identifier::new("pipe").unwrap(),
            sender: Address::new([1; 32]),
            type_: StructTag::new(
                Address::new([7; 32]),
                Identifier::new("pipe").unwrap(),
                Identifier::new("Assigned").unwrap(),
                vec![],
            ),
            contents: vec![1, 2, 3],
        };
        let events = TransactionEvents(vec![event.clone(), event]);
        assert_eq!(events.bcs_digest(), events.digest());
    }
}
