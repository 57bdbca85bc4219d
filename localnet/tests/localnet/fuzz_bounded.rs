//! A bounded fuzz run in the test suite: mutations (bit flips, truncations, splices, random bytes)
//! of valid signed dtp transactions go through the localnet's decoding and execution. Nothing may
//! panic, a refused transaction changes nothing, and the valid seeds still execute. The same entry
//! point is the cargo-fuzz target in `fuzz/` (scripts/fuzz.sh runs it longer).

use dtp_localnet::fuzz::{encode, execute_bytes};
use dtp_localnet::genesis::{self, DTP_PACKAGE};
use dtp_localnet::ledger::Ledger;
use dtp_localnet::txb;
use proptest::prelude::*;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_transaction_builder::Function;

/// Valid signed transactions on a fresh ledger: a faucet transfer and a create_host.
fn seeds() -> Vec<Vec<u8>> {
    let l = Ledger::genesis();
    let gas = l.object_ref(&genesis::faucet_coin_id()).unwrap();
    let key = genesis::faucet_key();
    let (t1, s1) = txb::transfer_coins(
        &key,
        &gas,
        Ed25519PrivateKey::new([1; 32])
            .public_key()
            .derive_address(),
        2,
        1_000,
    );
    let mut b = txb::builder(key.public_key().derive_address(), &gas, 50_000_000);
    let args = vec![
        b.pure(&"h".to_string()),
        b.pure(&10_000u64),
        b.pure(&1u32),
        b.pure(&5_000u64),
        b.pure(&3u32),
        b.pure(&1024u64),
        b.pure(&100u64),
    ];
    b.move_call(
        Function::new(
            DTP_PACKAGE,
            "host".parse().unwrap(),
            "create_host".parse().unwrap(),
        ),
        args,
    );
    let (t2, s2) = txb::sign(b, &key);
    vec![encode(&t1, &s1[0]), encode(&t2, &s2[0])]
}

#[test]
fn the_seeds_execute() {
    for s in seeds() {
        assert!(execute_bytes(&mut Ledger::genesis(), &s));
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Random(Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 1..=255u8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(i, v)| Mutation::Insert(i, v)),
        1 => prop::collection::vec(any::<u8>(), 0..512).prop_map(Mutation::Random),
    ]
}

fn apply(mut d: Vec<u8>, m: &Mutation) -> Vec<u8> {
    match m {
        Mutation::Flip(i, b) if !d.is_empty() => {
            let n = d.len();
            d[*i % n] ^= b;
        }
        Mutation::Truncate(i) if !d.is_empty() => d.truncate(*i % d.len()),
        Mutation::Insert(i, v) => {
            let at = *i % (d.len() + 1);
            d.splice(at..at, v.iter().copied());
        }
        Mutation::Random(v) => return v.clone(),
        _ => {}
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_transactions_never_panic_and_refusals_change_nothing(which in 0..2usize, muts in prop::collection::vec(mutation(), 1..4)) {
        let seed = seeds()[which].clone();
        let data = muts.iter().fold(seed, apply);
        let mut l = Ledger::genesis();
        execute_bytes(&mut l, &data);
    }
}
