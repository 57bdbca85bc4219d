use super::*;

const SAMPLE: &str = r#"
/// Doc of the module, with `code` and { braces }.
module dtp::sample;

use dtp::config::{Self, HostConfig as Config};
use std::string::String;
use sui::{clock::Clock, table::{Self, Table}};
use fun config::max_key as u64.key_limit;

// === Errors ===

#[error(code = 7)]
const EUnknownRequest: vector<u8> =
    b"no such request { \" }";
const LIMIT: u64 = 1_000u64; /* trailing */
const MASK: u64 = 1 << 63;

/// A queue.
public struct Queue<phantom T: store> has key {
    id: UID,
    items: Table<u64, vector<Option<u64>>>,
    /// Doc on a field.
    cfg: Config,
}

public struct Seen has copy, drop { seq: u64, who: address }
public struct Pair(u64, bool) has copy, drop;
public enum Kind has drop { A, B { x: u64 } }

public fun push(q: &mut Queue<u8>, mut n: u64, label: String, clock: &Clock, ctx: &mut TxContext): u64 {
    if (n > 0) { n = n - 1 };
    let _ = b"}";
    n
}

public(package) fun inner(): (address, bool) { (@0x1, true) }

entry fun poke(_ctx: &TxContext) {}

#[test_only]
public fun new_seen(seq: u64, who: address): Seen { Seen { seq, who } }

native fun hash(data: &vector<u8>): vector<u8>;
"#;

fn sample() -> Module {
    parse(SAMPLE).unwrap()
}

fn names(fields: &[Field]) -> Vec<String> {
    fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect()
}

#[test]
fn module_and_uses() {
    let m = sample();
    assert_eq!((m.address.as_str(), m.name.as_str()), ("dtp", "sample"));
    let alias = |a: &str| {
        m.uses
            .iter()
            .rev()
            .find(|(x, _)| x == a)
            .map(|(_, p)| p.as_str())
    };
    assert_eq!(alias("config"), Some("dtp::config"));
    assert_eq!(alias("Config"), Some("dtp::config::HostConfig"));
    assert_eq!(alias("String"), Some("std::string::String"));
    assert_eq!(alias("Clock"), Some("sui::clock::Clock"));
    assert_eq!(alias("table"), Some("sui::table"));
    assert_eq!(alias("Table"), Some("sui::table::Table"));
    assert_eq!(alias("TxContext"), Some("sui::tx_context::TxContext"));
}

#[test]
fn constants_with_error_codes_and_values() {
    let m = sample();
    let e = m.constant("EUnknownRequest").unwrap();
    assert_eq!(e.error_code, Some(7));
    assert_eq!(e.ty.to_string(), "vector<u8>");
    assert_eq!(e.value, Value::Bytes("no such request { \" }".into()));
    assert_eq!(e.line, 13);
    let limit = m.constant("LIMIT").unwrap();
    assert_eq!(
        (limit.value.clone(), limit.error_code),
        (Value::Number(1000), None)
    );
    assert_eq!(
        m.constant("MASK").unwrap().value,
        Value::Expr("1 < < 63".into())
    );
    assert_eq!(m.constants.len(), 3);
}

#[test]
fn structs_keep_field_order_and_nested_generics() {
    let m = sample();
    let q = &m.structs[0];
    assert_eq!((q.name.as_str(), q.public), ("Queue", true));
    assert_eq!(q.abilities, ["key"]);
    assert_eq!(
        names(&q.fields),
        [
            "id: UID",
            "items: Table<u64, vector<Option<u64>>>",
            "cfg: Config"
        ]
    );
    let seen = &m.structs[1];
    assert_eq!(seen.abilities, ["copy", "drop"]);
    assert_eq!(names(&seen.fields), ["seq: u64", "who: address"]);
    let pair = &m.structs[2];
    assert_eq!((pair.name.as_str(), pair.abilities.len()), ("Pair", 2));
    assert_eq!(names(&pair.fields), ["_: u64", "_: bool"]);
    assert_eq!(m.structs.len(), 3, "the enum is skipped");
}

#[test]
fn function_signatures_visibility_and_bodies_skipped() {
    let m = sample();
    let push = m.function("push").unwrap();
    assert!(push.is_callable());
    assert_eq!(
        names(&push.params),
        [
            "q: &mut Queue<u8>",
            "n: u64",
            "label: String",
            "clock: &Clock",
            "ctx: &mut TxContext"
        ]
    );
    assert_eq!(push.ret.as_ref().unwrap().to_string(), "u64");
    let inner = m.function("inner").unwrap();
    assert_eq!(inner.visibility, Visibility::Package);
    assert!(!inner.is_callable());
    assert_eq!(inner.ret.as_ref().unwrap().to_string(), "(address, bool)");
    let poke = m.function("poke").unwrap();
    assert!(poke.entry && poke.is_callable());
    assert!(m.function("new_seen").unwrap().test_only);
    assert!(!m.function("new_seen").unwrap().is_callable());
    assert_eq!(
        m.function("hash").unwrap().params[0].ty.to_string(),
        "&vector<u8>"
    );
    assert_eq!(m.functions.len(), 5);
}

#[test]
fn types_resolve_through_uses_and_own_structs() {
    let m = sample();
    let resolved = |f: &str, i: usize| m.resolve(&m.function(f).unwrap().params[i].ty).to_string();
    assert_eq!(resolved("push", 0), "&mut dtp::sample::Queue<u8>");
    assert_eq!(resolved("push", 2), "std::string::String");
    assert_eq!(resolved("push", 3), "&sui::clock::Clock");
    assert_eq!(resolved("push", 4), "&mut sui::tx_context::TxContext");
    let items = m.resolve(&m.structs[0].fields[1].ty).to_string();
    assert_eq!(
        items,
        "sui::table::Table<u64, vector<std::option::Option<u64>>>"
    );
    let cfg = m.resolve(&m.structs[0].fields[2].ty).to_string();
    assert_eq!(cfg, "dtp::config::HostConfig");
    let path = Type::Path("config::HostConfig".into(), vec![]);
    assert_eq!(m.resolve(&path).to_string(), "dtp::config::HostConfig");
}

#[test]
fn the_old_block_module_form_parses() {
    let m = parse("module a::b { const X: u8 = 1; public fun f(x: u8) {} }").unwrap();
    assert_eq!(m.name, "b");
    assert_eq!(m.constants.len(), 1);
    assert_eq!(m.functions.len(), 1);
}

#[test]
fn errors_name_the_line() {
    let err = parse("module a::b;\n\nconst X u8 = 1;")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("line 3") && err.contains("expected `:`"),
        "{err}"
    );
    let err = parse("module a::b;\npublic fun f(x: u8 {}")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 2"), "{err}");
    assert!(parse("const X: u8 = 1;").is_err(), "no module");
}

#[test]
fn every_package_source_parses() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../move/sources");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        let m = parse(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(m.address, "dtp");
        assert!(!m.functions.is_empty(), "{}", path.display());
    }
}
