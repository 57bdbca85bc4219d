//! The transaction context of one call into the twin: sender, fresh object ids, emitted events.
//!
//! It plays the role of Move's `TxContext` plus the event log of the transaction. Object ids are
//! derived exactly as Sui derives them (`blake2b256(0xf1 || tx_digest || count_le)`), so an executor
//! that supplies the real transaction digest gets the ids a Sui validator would give.

use sui_sdk_types::Digest;

use crate::events::Event;
use crate::move_types::{Address, ObjectId};

/// The context of one call into the twin (Move's `TxContext` and the transaction's events).
#[derive(Debug, Clone)]
pub struct TxContext {
    sender: Address,
    digest: Digest,
    ids_created: u64,
    events: Vec<Event>,
}

impl TxContext {
    /// The context of a transaction by `sender` whose digest is `digest`.
    pub fn new(sender: Address, digest: Digest) -> Self {
        Self {
            sender,
            digest,
            ids_created: 0,
            events: Vec::new(),
        }
    }

    /// The context Move's `test_scenario` gives transaction number `txn_number`: its digest is
    /// `bcs(txn_number)` zero-padded to 32 bytes. The conformance vectors use this so that object
    /// ids (and so the RANDOM policy) agree with the generated Move tests.
    pub fn test_scenario(sender: Address, txn_number: u64) -> Self {
        let mut d = [0u8; 32];
        d[..8].copy_from_slice(&txn_number.to_le_bytes());
        Self::new(sender, Digest::new(d))
    }

    /// The transaction's sender.
    pub fn sender(&self) -> Address {
        self.sender
    }

    /// The transaction's digest (the seed of the ids it creates).
    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// A new object id (Move's `object::new`).
    pub fn fresh_id(&mut self) -> ObjectId {
        let id = Address::derive_id(self.digest, self.ids_created);
        self.ids_created += 1;
        id
    }

    /// How many object ids this transaction has created.
    pub fn ids_created(&self) -> u64 {
        self.ids_created
    }

    pub(crate) fn emit(&mut self, event: impl Into<Event>) {
        self.events.push(event.into());
    }

    /// The events emitted so far, in order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Takes the events emitted so far, leaving none.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }
}
