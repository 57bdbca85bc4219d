//! Digests as Sui computes them: Blake2b-256 of a type's salt (`"Object::"`,
//! `"TransactionData::"`, …) followed by the value's BCS. `sui-sdk-types` streams the BCS into
//! the hasher one primitive at a time (an address is 32 one-byte updates), which made digests a
//! sixth of the commit loop's time; here the BCS is written out first and hashed in one pass.
//! Same bytes, same digest (tested against `sui-sdk-types` for every type used).

use serde::Serialize;
use sui_sdk_types::hash::Hasher;
use sui_sdk_types::{
    CheckpointContents, CheckpointSummary, Digest, Object, Transaction, TransactionEffects,
    TransactionEvents,
};

/// A type Sui digests with a salt.
pub trait Salted: Serialize {
    /// What is hashed before the value's BCS.
    const SALT: &'static str;

    /// The value's digest.
    fn digest_fast(&self) -> Digest {
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

impl Salted for Object {
    const SALT: &'static str = "Object::";
}
impl Salted for Transaction {
    const SALT: &'static str = "TransactionData::";
}
impl Salted for TransactionEffects {
    const SALT: &'static str = "TransactionEffects::";
}
impl Salted for TransactionEvents {
    const SALT: &'static str = "TransactionEvents::";
}
impl Salted for CheckpointSummary {
    const SALT: &'static str = "CheckpointSummary::";
}
impl Salted for CheckpointContents {
    const SALT: &'static str = "CheckpointContents::";
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use sui_sdk_types::{Address, Event, Identifier, StructTag};

    use super::*;
    use crate::chain::Chain;
    use crate::genesis;
    use crate::ledger::Ledger;
    use crate::txb;

    #[test]
    fn every_digest_is_the_one_sui_sdk_types_computes() {
        let mut l = Ledger::genesis();
        let gas = l.object_ref(&genesis::faucet_coin_id()).unwrap();
        let to = Address::new([9; 32]);
        let (tx, sigs) = txb::transfer_coins(&genesis::faucet_key(), &gas, to, 2, 1_000_000_000);
        assert_eq!(tx.digest_fast(), tx.digest(), "transaction");
        let e = crate::exec::execute_verified(&mut l, tx, sigs, 1_000).unwrap();
        assert_eq!(e.effects.digest_fast(), e.effects.digest(), "effects");
        let mut objects = l.owned_by(&to);
        objects.extend([genesis::faucet_coin_id(), Address::from_static("0x6")]);
        for id in objects {
            let o = l.object(&id).expect("exists");
            assert_eq!(o.digest_fast(), o.digest(), "object {id}");
        }
        let mut chain = Chain::with_retention(None);
        chain.record(Arc::new(e));
        let cp = chain.form_checkpoint(2_000);
        assert_eq!(cp.summary.digest_fast(), cp.summary.digest(), "summary");
        assert_eq!(cp.contents.digest_fast(), cp.contents.digest(), "contents");
        let event = Event {
            package_id: genesis::DTP_PACKAGE,
            module: Identifier::new("pipe").unwrap(),
            sender: to,
            type_: StructTag::new(
                genesis::DTP_PACKAGE,
                Identifier::new("pipe").unwrap(),
                Identifier::new("Assigned").unwrap(),
                vec![],
            ),
            contents: vec![1, 2, 3],
        };
        let events = TransactionEvents(vec![event.clone(), event]);
        assert_eq!(events.digest_fast(), events.digest(), "events");
    }
}
