//! Rust layouts of the Sui framework types that appear inside dtp objects (`UID`, `ID`, `Table`,
//! `VecMap`), so that a dtp object read from a Sui node decodes with plain `bcs`.

use serde::{Deserialize, Serialize};
pub use sui_sdk_types::Address;

/// `sui::object::ID` and `sui::object::UID` are both a single address in BCS.
pub type ObjectId = Address;

/// The header of a `sui::table::Table<K, V>`: its own object id (the parent of the dynamic fields
/// holding the entries) and its length. The entries live in child objects, not in the parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The table's object id (the parent of its entries).
    pub id: ObjectId,
    /// The number of entries.
    pub size: u64,
}

/// `sui::vec_map::VecMap<K, V>`: a vector of entries, in insertion order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VecMap<K, V> {
    /// The entries, in insertion order.
    pub contents: Vec<Entry<K, V>>,
}

/// One key and value of a [`VecMap`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry<K, V> {
    /// The key.
    pub key: K,
    /// The value.
    pub value: V,
}

impl<K: PartialEq, V> VecMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self {
            contents: Vec::new(),
        }
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.contents
            .iter()
            .find(|e| &e.key == key)
            .map(|e| &e.value)
    }

    /// The value of `key` to change, if present.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.contents
            .iter_mut()
            .find(|e| &e.key == key)
            .map(|e| &mut e.value)
    }

    /// Appends; the key must not be present (as `vec_map::insert`).
    pub fn insert(&mut self, key: K, value: V) {
        debug_assert!(self.get(&key).is_none(), "VecMap::insert of a present key");
        self.contents.push(Entry { key, value });
    }

    /// Removes keeping the order of the rest (as `vec_map::remove`).
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let idx = self.contents.iter().position(|e| &e.key == key)?;
        Some(self.contents.remove(idx).value)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.contents.len()
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.contents.is_empty()
    }

    /// The entries as (key, value), in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.contents.iter().map(|e| (&e.key, &e.value))
    }
}

impl<K: PartialEq, V> Default for VecMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vec_map_keeps_insertion_order_on_remove() {
        let mut m = VecMap::new();
        m.insert(1u8, 'a');
        m.insert(2, 'b');
        m.insert(3, 'c');
        assert_eq!(m.remove(&2), Some('b'));
        assert_eq!(m.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(m.remove(&9), None);
        *m.get_mut(&3).unwrap() = 'z';
        assert_eq!(m.get(&3), Some(&'z'));
    }

    #[test]
    fn vec_map_bcs_is_a_vector_of_pairs() {
        let mut m = VecMap::new();
        m.insert(7u8, 9u32);
        let bytes = bcs::to_bytes(&m).unwrap();
        assert_eq!(bytes, vec![1, 7, 9, 0, 0, 0]);
    }
}
