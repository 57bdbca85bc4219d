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
