//! Entry point for fuzzing the localnet's transaction decoding and execution (the `fuzz/` target
//! and the bounded property test call it): arbitrary bytes must never panic the node, and a
//! refused transaction must change nothing (the whole state's digest is compared, not only its
//! size: a refusal that changed an object's contents would be caught).

use sui_sdk_types::{Transaction, UserSignature};

use crate::exec;
use crate::ledger::Ledger;

/// Decodes `data` as `u16 LE length of the transaction || transaction BCS || signature bytes` and
/// executes it against `ledger`. Returns whether it executed. Panics if a refused transaction
/// changed the state.
pub fn execute_bytes(ledger: &mut Ledger, data: &[u8]) -> bool {
    if data.len() < 2 {
        return false;
    }
    let n = u16::from_le_bytes([data[0], data[1]]) as usize;
    let rest = &data[2..];
    let (tx_bytes, sig_bytes) = rest.split_at(n.min(rest.len()));
    let Ok(tx) = bcs::from_bytes::<Transaction>(tx_bytes) else {
        return false;
    };
    let sigs = match UserSignature::from_bytes(sig_bytes) {
        Ok(s) => vec![s],
        Err(_) => vec![],
    };
    let state_before = ledger.state_digest();
    let clock_before = ledger.clock_ms;
    match exec::execute(ledger, tx, sigs, clock_before + 1) {
        Ok(_) => true,
        Err(reject) => {
            assert_eq!(
                ledger.state_digest(),
                state_before,
                "a refused transaction changed the ledger ({reject:?})"
            );
            false
        }
    }
}

/// Encodes a transaction and its signature the way [`execute_bytes`] reads them (seed inputs).
pub fn encode(tx: &Transaction, sig: &UserSignature) -> Vec<u8> {
    let t = bcs::to_bytes(tx).expect("serialises");
    let mut out = (t.len() as u16).to_le_bytes().to_vec();
    out.extend(t);
    out.extend(sig.to_bytes());
    out
}

#[cfg(test)]
mod tests {
    use sui_sdk_types::{Address, Digest, Owner};

    use crate::genesis;
    use crate::ledger::{Body, Ledger, Meta};

    #[test]
    fn the_state_digest_sees_any_change_and_not_the_insertion_order() {
        let l = Ledger::genesis();
        let d = l.state_digest();
        assert_eq!(Ledger::genesis().state_digest(), d);
        // The same objects inserted in either order.
        let coin = |n: u8| {
            let meta = Meta {
                version: 2,
                owner: Owner::Address(Address::new([n; 32])),
                previous_transaction: Digest::new([0; 32]),
                storage_rebate: 0,
            };
            (Address::new([n + 10; 32]), meta, Body::Coin(n as u64))
        };
        let (mut ab, mut ba) = (l.clone(), l.clone());
        for (id, meta, body) in [coin(1), coin(2)] {
            ab.insert(id, meta, body);
        }
        for (id, meta, body) in [coin(2), coin(1)] {
            ba.insert(id, meta, body);
        }
        assert_eq!(ab.state_digest(), ba.state_digest());
        assert_ne!(ab.state_digest(), d);
        // Contents, version, owner and the clock each change it; the object count stays.
        let id = genesis::faucet_coin_id();
        let mut contents = l.clone();
        contents.get_mut(&id).unwrap().1 = Body::Coin(genesis::FAUCET_SUPPLY - 1);
        let mut version = l.clone();
        version.get_mut(&id).unwrap().0.version += 1;
        let mut owner = l.clone();
        owner.set_owner(&id, Owner::Address(Address::new([4; 32])));
        let mut clock = l.clone();
        clock.clock_ms += 1;
        for changed in [contents, version, owner, clock] {
            assert_eq!(changed.len(), l.len());
            assert_ne!(changed.state_digest(), d);
        }
    }
}
