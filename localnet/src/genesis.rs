//! What exists before the first transaction: the dtp package at a fixed address, the Clock at
//! `0x6`, and the faucet's coin. Also the fixed numbers of this chain (gas schedule, limits).

use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_sdk_types::{Address, Digest};

/// Where the embedded localnet has the dtp package (no publish step is needed).
pub const DTP_PACKAGE: Address =
    Address::from_static("0x000000000000000000000000000000000000000000000000000000000000d7d7");
/// The Clock shared object, as on Sui.
pub const CLOCK: Address = Address::from_static("0x6");
/// The Clock's initial shared version, as on Sui.
pub const CLOCK_INITIAL_VERSION: u64 = 1;
/// Chain name reported by GetServiceInfo.
pub const CHAIN_NAME: &str = "dtp-localnet";
/// Server name reported by GetServiceInfo.
pub const SERVER_NAME: &str = "dtp-localnet";

/// Reference gas price (MIST per computation unit), as on a Sui localnet.
pub const REFERENCE_GAS_PRICE: u64 = 1_000;
/// Computation units charged per transaction, whatever it does (the schedule is flat).
pub const COMPUTATION_UNITS: u64 = 1_000;
/// Storage fee per byte of object written (MIST), close to what Sui 1.60 charges.
pub const STORAGE_PRICE_PER_BYTE: u64 = 7_600;
/// Share of an overwritten or deleted object's storage fee given back (per cent).
pub const STORAGE_REBATE_PERCENT: u64 = 99;
/// Largest accepted transaction (BCS bytes), as on Sui.
pub const MAX_TX_BYTES: usize = 128 * 1024;
/// Largest gas budget accepted (MIST), as on Sui.
pub const MAX_GAS_BUDGET: u64 = 50_000_000_000;

/// The faucet's genesis coin holds this much (1e9 SUI).
pub const FAUCET_SUPPLY: u64 = 1_000_000_000_000_000_000;
/// Coins sent per faucet request and the value of each (5 x 200 SUI, as Sui's local faucet).
pub const FAUCET_COINS: usize = 5;
pub const FAUCET_COIN_VALUE: u64 = 200_000_000_000;

/// The faucet's signing key: fixed, so the faucet coin survives restarts. It only ever holds
/// localnet gas.
pub fn faucet_key() -> Ed25519PrivateKey {
    Ed25519PrivateKey::new([0xfa; 32])
}

pub fn faucet_address() -> Address {
    faucet_key().public_key().derive_address()
}

/// The faucet's genesis coin id.
pub fn faucet_coin_id() -> Address {
    Address::derive_id(genesis_digest(), 0)
}

/// The "transaction" that created the genesis objects.
pub fn genesis_digest() -> Digest {
    Digest::new([0xd7; 32])
}
