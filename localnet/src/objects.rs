//! Sui object layouts of everything the localnet stores: type tags, object contents and the
//! dynamic-field ids of table entries, exactly as Sui lays them out.

use std::collections::BTreeMap;

use dtp_protocol::Request;
use sui_sdk_types::{
    Address, Digest, Identifier, MovePackage, MoveStruct, Object, ObjectData, Owner, StructTag,
    TypeTag,
};

use crate::genesis::DTP_PACKAGE;

fn ident(s: &str) -> Identifier {
    Identifier::new(s).expect("valid identifier")
}

/// `{package}::{module}::{name}`.
pub fn dtp_type(module: &str, name: &str) -> StructTag {
    StructTag::new(DTP_PACKAGE, ident(module), ident(name), vec![])
}

pub fn host_type() -> StructTag {
    dtp_type("host", "Host")
}

pub fn cap_type() -> StructTag {
    dtp_type("host", "HostCap")
}

pub fn pipe_type() -> StructTag {
    dtp_type("pipe", "Pipe")
}

pub fn request_type() -> StructTag {
    dtp_type("request", "Request")
}

/// `0x2::dynamic_field::Field<u64, dtp::request::Request>`: one entry of a Pipe's table.
pub fn field_type() -> StructTag {
    StructTag::new(
        Address::TWO,
        ident("dynamic_field"),
        ident("Field"),
        vec![TypeTag::U64, TypeTag::Struct(Box::new(request_type()))],
    )
}

pub fn clock_type() -> StructTag {
    StructTag::new(Address::TWO, ident("clock"), ident("Clock"), vec![])
}

/// The object id of entry `seq` of the table whose id is `table`
/// (`dynamic_field::hash_type_and_key`).
pub fn table_entry_id(table: Address, seq: u64) -> Address {
    table.derive_dynamic_child_id(&TypeTag::U64, &seq.to_le_bytes())
}

/// BCS of `Field<u64, Request> { id, name: seq, value: request }`.
pub fn field_contents(id: Address, seq: u64, request: &Request) -> Vec<u8> {
    let mut out = id.as_bytes().to_vec();
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend(bcs::to_bytes(request).expect("request serialises"));
    out
}

/// BCS of `Coin<SUI> { id, balance }`.
pub fn coin_contents(id: Address, balance: u64) -> Vec<u8> {
    let mut out = id.as_bytes().to_vec();
    out.extend_from_slice(&balance.to_le_bytes());
    out
}

/// A Move object with the given layout and metadata.
pub fn move_object(
    type_: StructTag,
    public_transfer: bool,
    version: u64,
    contents: Vec<u8>,
    owner: Owner,
    previous_transaction: Digest,
    storage_rebate: u64,
) -> Object {
    let s = MoveStruct::new(type_, public_transfer, version, contents)
        .expect("contents start with an id");
    Object::new(
        ObjectData::Struct(s),
        owner,
        previous_transaction,
        storage_rebate,
    )
}

/// The dtp package object. The localnet runs the package natively, so the module map names the
/// modules but carries no bytecode.
pub fn package_object(previous_transaction: Digest) -> Object {
    let modules: BTreeMap<Identifier, Vec<u8>> = [
        "config",
        "endpoint",
        "events",
        "host",
        "pipe",
        "request",
        "selection",
    ]
    .into_iter()
    .map(|m| (ident(m), Vec::new()))
    .collect();
    let package = MovePackage {
        id: DTP_PACKAGE,
        version: 1,
        modules,
        type_origin_table: Vec::new(),
        linkage_table: BTreeMap::new(),
    };
    Object::new(
        ObjectData::Package(package),
        Owner::Immutable,
        previous_transaction,
        0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_tags_print_as_sui_types() {
        let two = Address::TWO;
        assert_eq!(
            field_type().to_string(),
            format!("{two}::dynamic_field::Field<u64, {DTP_PACKAGE}::request::Request>")
        );
        assert_eq!(
            StructTag::gas_coin().to_string(),
            format!("{two}::coin::Coin<{two}::sui::SUI>")
        );
    }

    #[test]
    fn table_entries_have_distinct_ids_per_table_and_seq() {
        let t1 = Address::new([1; 32]);
        let t2 = Address::new([2; 32]);
        assert_ne!(table_entry_id(t1, 0), table_entry_id(t1, 1));
        assert_ne!(table_entry_id(t1, 0), table_entry_id(t2, 0));
        assert_eq!(table_entry_id(t1, 5), table_entry_id(t1, 5));
    }
}
