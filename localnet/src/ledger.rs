//! The live state of the chain: every object with its Sui metadata (version, owner, previous
//! transaction, storage rebate) and a typed body. dtp objects are kept as Rust twin values and
//! turned into Sui objects (exact Move BCS layout) when read, so executing a call never
//! re-encodes a whole Pipe table.

use std::collections::{BTreeSet, HashMap};

use dtp_protocol::{Host, HostCap, PipeState, Request};
use serde::{Deserialize, Serialize};
use sui_sdk_types::{Address, Digest, Object, ObjectReference, Owner, StructTag};

use crate::genesis::{self, CLOCK, CLOCK_INITIAL_VERSION};
use crate::objects::{self, move_object};
use dtp_protocol::digest::Salted;

/// Sui metadata of a stored object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub version: u64,
    pub owner: Owner,
    pub previous_transaction: Digest,
    pub storage_rebate: u64,
}

/// What an object is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    Package,
    Clock,
    /// `Coin<SUI>` with its balance.
    Coin(u64),
    Host(Host),
    Cap(HostCap),
    Pipe(Box<PipeState>),
    /// Entry `seq` of a Pipe's `pending` (or `dead`) table: a `dynamic_field::Field` object whose
    /// value lives in the Pipe's twin state.
    Field {
        pipe: Address,
        dead: bool,
        seq: u64,
    },
}

impl Body {
    /// Short type name for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Body::Package => "the dtp package",
            Body::Clock => "0x2::clock::Clock",
            Body::Coin(_) => "0x2::coin::Coin<0x2::sui::SUI>",
            Body::Host(_) => "dtp::host::Host",
            Body::Cap(_) => "dtp::host::HostCap",
            Body::Pipe(_) => "dtp::pipe::Pipe",
            Body::Field { .. } => "0x2::dynamic_field::Field<u64, dtp::request::Request>",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    objects: HashMap<Address, (Meta, Body)>,
    owned: HashMap<Address, BTreeSet<Address>>,
    /// Objects owned by an object (a table's entries), by parent: pages of ListDynamicFields
    /// without a scan of every object.
    children: HashMap<Address, BTreeSet<Address>>,
    /// Time of the last executed transaction (the Clock's timestamp).
    pub clock_ms: u64,
}

impl Ledger {
    /// The genesis state: package, Clock, faucet coin.
    pub fn genesis() -> Self {
        let g = genesis::genesis_digest();
        let mut l = Ledger {
            objects: HashMap::new(),
            owned: HashMap::new(),
            children: HashMap::new(),
            clock_ms: 0,
        };
        let meta = |owner| Meta {
            version: 1,
            owner,
            previous_transaction: g,
            storage_rebate: 0,
        };
        l.insert(genesis::DTP_PACKAGE, meta(Owner::Immutable), Body::Package);
        l.insert(
            CLOCK,
            meta(Owner::Shared(CLOCK_INITIAL_VERSION)),
            Body::Clock,
        );
        l.insert(
            genesis::faucet_coin_id(),
            meta(Owner::Address(genesis::faucet_address())),
            Body::Coin(genesis::FAUCET_SUPPLY),
        );
        l
    }

    pub fn get(&self, id: &Address) -> Option<&(Meta, Body)> {
        self.objects.get(id)
    }

    pub fn get_mut(&mut self, id: &Address) -> Option<&mut (Meta, Body)> {
        self.objects.get_mut(id)
    }

    pub fn contains(&self, id: &Address) -> bool {
        self.objects.contains_key(id)
    }

    /// Stores (or replaces) an object, keeping the owner index.
    pub fn insert(&mut self, id: Address, meta: Meta, body: Body) {
        self.remove(&id);
        match meta.owner {
            Owner::Address(a) => {
                self.owned.entry(a).or_default().insert(id);
            }
            Owner::Object(parent) => {
                self.children.entry(parent).or_default().insert(id);
            }
            _ => {}
        }
        self.objects.insert(id, (meta, body));
    }

    pub fn remove(&mut self, id: &Address) -> Option<(Meta, Body)> {
        let old = self.objects.remove(id)?;
        let index = match old.0.owner {
            Owner::Address(a) => self.owned.get_mut(&a),
            Owner::Object(parent) => self.children.get_mut(&parent),
            _ => None,
        };
        if let Some(set) = index {
            set.remove(id);
        }
        Some(old)
    }

    /// Changes an object's owner, keeping the index.
    pub fn set_owner(&mut self, id: &Address, owner: Owner) {
        if let Some((meta, body)) = self.remove(id) {
            self.insert(*id, Meta { owner, ..meta }, body);
        }
    }

    /// Objects owned by `owner`, in id order.
    pub fn owned_by(&self, owner: &Address) -> Vec<Address> {
        self.owned
            .get(owner)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }

    pub fn pipe(&self, id: &Address) -> Option<&PipeState> {
        match self.objects.get(id) {
            Some((_, Body::Pipe(p))) => Some(p),
            _ => None,
        }
    }

    /// The request behind a table-entry object.
    fn field_request(&self, pipe: &Address, dead: bool, seq: u64) -> Option<&Request> {
        let p = self.pipe(pipe)?;
        if dead {
            p.dead.get(&seq)
        } else {
            p.pending.get(&seq)
        }
    }

    /// The object as a Sui node serves it.
    pub fn object(&self, id: &Address) -> Option<Object> {
        let (meta, body) = self.objects.get(id)?;
        Some(self.materialize(id, meta, body))
    }

    pub fn object_ref(&self, id: &Address) -> Option<ObjectReference> {
        let o = self.object(id)?;
        Some(ObjectReference::new(*id, o.version(), o.bcs_digest()))
    }

    /// The Sui type of an object (`None` for the package).
    pub fn struct_type(body: &Body) -> Option<StructTag> {
        Some(match body {
            Body::Package => return None,
            Body::Clock => objects::clock_type(),
            Body::Coin(_) => StructTag::gas_coin(),
            Body::Host(_) => objects::host_type(),
            Body::Cap(_) => objects::cap_type(),
            Body::Pipe(_) => objects::pipe_type(),
            Body::Field { .. } => objects::field_type(),
        })
    }

    pub fn materialize(&self, id: &Address, meta: &Meta, body: &Body) -> Object {
        let (contents, public_transfer) = match body {
            Body::Package => return objects::package_object(meta.previous_transaction),
            Body::Clock => {
                let mut c = id.as_bytes().to_vec();
                c.extend_from_slice(&self.clock_ms.to_le_bytes());
                (c, false)
            }
            Body::Coin(balance) => (objects::coin_contents(*id, *balance), true),
            Body::Host(h) => (bcs::to_bytes(h).expect("host serialises"), false),
            Body::Cap(c) => (bcs::to_bytes(c).expect("cap serialises"), true),
            Body::Pipe(p) => (bcs::to_bytes(&p.pipe).expect("pipe serialises"), false),
            Body::Field { pipe, dead, seq } => {
                let r = self
                    .field_request(pipe, *dead, *seq)
                    .expect("a field object has its entry");
                (objects::field_contents(*id, *seq, r), false)
            }
        };
        move_object(
            Self::struct_type(body).expect("not a package"),
            public_transfer,
            meta.version,
            contents,
            meta.owner,
            meta.previous_transaction,
            meta.storage_rebate,
        )
    }

    /// Total SUI of `owner`'s coins.
    pub fn balance(&self, owner: &Address) -> (u64, usize) {
        let mut total = 0u64;
        let mut n = 0;
        for id in self.owned_by(owner) {
            if let Some((_, Body::Coin(b))) = self.objects.get(&id) {
                total = total.saturating_add(*b);
                n += 1;
            }
        }
        (total, n)
    }

    /// Dynamic-field children of a table id (for ListDynamicFields).
    /// The objects owned by `table` (its entries) with ids above `after`, in id order.
    pub fn table_children(
        &self,
        table: &Address,
        after: Option<Address>,
    ) -> impl Iterator<Item = Address> + '_ {
        use std::ops::Bound::{Excluded, Unbounded};
        let from = after.map_or(Unbounded, Excluded);
        self.children
            .get(table)
            .into_iter()
            .flat_map(move |set| set.range((from, Unbounded)).copied())
    }

    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// A ledger of these objects at this clock time, its indexes built.
    fn from_objects(objects: Vec<(Address, (Meta, Body))>, clock_ms: u64) -> Ledger {
        let mut l = Ledger {
            objects: HashMap::with_capacity(objects.len()),
            owned: HashMap::new(),
            children: HashMap::new(),
            clock_ms,
        };
        for (id, (meta, body)) in objects {
            l.insert(id, meta, body);
        }
        l
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// A digest of the whole state: the clock, then every object (id, version, owner, previous
    /// transaction, rebate and contents, as BCS) in id order. Equal states have equal digests,
    /// whatever order their objects were inserted in; any change to any object changes it.
    pub fn state_digest(&self) -> Digest {
        let mut ids: Vec<&Address> = self.objects.keys().collect();
        ids.sort();
        let mut h = sui_sdk_types::hash::Hasher::new();
        h.update(self.clock_ms.to_le_bytes());
        for id in ids {
            let object = (id, &self.objects[id]);
            h.update(bcs::to_bytes(&object).expect("an object serialises"));
        }
        h.finalize()
    }
}

/// A snapshot's form of the ledger: the clock and every object (the indexes are rebuilt on load).
impl Serialize for Ledger {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let objects: Vec<(&Address, &(Meta, Body))> = self.objects.iter().collect();
        (self.clock_ms, objects).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Ledger {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ledger, D::Error> {
        let (clock_ms, objects) = <(u64, Vec<(Address, (Meta, Body))>)>::deserialize(d)?;
        Ok(Ledger::from_objects(objects, clock_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genesis_has_the_package_the_clock_and_the_faucet_coin() {
        let l = Ledger::genesis();
        assert!(matches!(
            l.get(&genesis::DTP_PACKAGE),
            Some((_, Body::Package))
        ));
        let clock = l.object(&CLOCK).unwrap();
        assert_eq!(clock.owner(), &Owner::Shared(1));
        let (total, n) = l.balance(&genesis::faucet_address());
        assert_eq!((total, n), (genesis::FAUCET_SUPPLY, 1));
        let coin = l.object(&genesis::faucet_coin_id()).unwrap();
        assert_eq!(coin.object_id(), genesis::faucet_coin_id());
    }

    #[test]
    fn owner_index_follows_transfers_and_removals() {
        let mut l = Ledger::genesis();
        let a = Address::new([1; 32]);
        let id = Address::new([9; 32]);
        let meta = Meta {
            version: 2,
            owner: Owner::Address(a),
            previous_transaction: Digest::new([0; 32]),
            storage_rebate: 0,
        };
        l.insert(id, meta, Body::Coin(5));
        assert_eq!(l.owned_by(&a), vec![id]);
        let b = Address::new([2; 32]);
        l.set_owner(&id, Owner::Address(b));
        assert!(l.owned_by(&a).is_empty());
        assert_eq!(l.balance(&b), (5, 1));
        l.remove(&id);
        assert_eq!(l.balance(&b), (0, 0));
    }

    #[test]
    fn children_index_pages_in_id_order_and_follows_removals() {
        let mut l = Ledger::genesis();
        let (table, other) = (Address::new([7; 32]), Address::new([8; 32]));
        let meta = |owner| Meta {
            version: 2,
            owner,
            previous_transaction: Digest::new([0; 32]),
            storage_rebate: 0,
        };
        for b in [5u8, 3, 9, 1] {
            l.insert(
                Address::new([b; 32]),
                meta(Owner::Object(table)),
                Body::Coin(0),
            );
        }
        l.insert(
            Address::new([4; 32]),
            meta(Owner::Object(other)),
            Body::Coin(0),
        );
        let ids = |l: &Ledger, after: Option<u8>| -> Vec<u8> {
            l.table_children(&table, after.map(|b| Address::new([b; 32])))
                .map(|a| a.as_bytes()[0])
                .collect()
        };
        assert_eq!(ids(&l, None), vec![1, 3, 5, 9]);
        assert_eq!(ids(&l, Some(3)), vec![5, 9], "after excludes the token");
        l.remove(&Address::new([5; 32]));
        l.set_owner(&Address::new([9; 32]), Owner::Object(other));
        assert_eq!(ids(&l, None), vec![1, 3]);
        assert_eq!(l.table_children(&other, None).count(), 2);
        assert_eq!(l.table_children(&Address::ZERO, None).count(), 0);
    }
}
