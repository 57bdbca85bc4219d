//! The Move/Rust parity checks: `move/sources/*.move` (parsed by [`crate::move_source`]) against
//! what `dtp-protocol` declares. CI cannot compile Move, so this is what keeps the twin honest.
//!
//! What is compared (every difference is one message naming the Move file, line and item, the Rust
//! item, and what differs):
//! - **errors**: every `#[error(code = N)] const EName: vector<u8>` of any module against
//!   [`MoveAbort`](dtp_protocol::MoveAbort) (name and number); every `MoveAbort` must be declared
//!   by at least one module. The messages are not compared (each module words its own).
//! - **events**: every `public struct X has copy, drop` of `dtp::events` against
//!   [`Event::LAYOUTS`](dtp_protocol::events::Event::LAYOUTS): field names, fully qualified Move
//!   types and order (the BCS layout), both ways.
//! - **functions**: [`FUNCTIONS`](dtp_protocol::schema::FUNCTIONS) against the Move signatures,
//!   parameter by parameter. An object parameter compares by type (`&mut dtp::host::Host`,
//!   `&dtp::host::HostCap`, `&sui::clock::Clock`, ...), a pure one by name and Move type;
//!   `TxContext` is ignored. Which Move functions the schema must cover: every callable one
//!   (`public` or `entry`, not `#[test_only]`) that **changes state**, i.e. takes a `&mut`
//!   parameter or a `TxContext`. Read-only getters (only `&` parameters, no `TxContext`) are not
//!   transactions, and the schema leaves them out.
//! - **constants**: every other `const` of any module against the table of
//!   [`RustSide::from_protocol`] (each row a `dtp_protocol::constants` item with its Move module,
//!   name and type), both ways; and every top-level `pub const` of `protocol/src/constants.rs` is in
//!   that table or marked Rust-only.
//!
//! Not compared: function bodies, and object layouts (`Host`, `Pipe`, `Endpoint`, `Request`,
//! `HostConfig`), which the conformance vectors and BCS tests exercise instead.

mod rust;

pub use rust::{RustConst, RustEvent, RustFunction, RustSide};

use std::path::Path;

use anyhow::{Context, Result};

use crate::move_source::{self, Function, Module, Type, Value};

/// One parsed source file.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as shown in messages (`move/sources/pipe.move`).
    pub file: String,
    /// Its parsed declarations.
    pub module: Module,
}

impl Source {
    fn at(&self, line: usize, item: &str) -> String {
        format!(
            "{}:{line}: {}::{}::{item}",
            self.file, self.module.address, self.module.name
        )
    }
}

/// Every `*.move` file of `dir` as `(shown path, text)`, by name; shown paths are `shown_dir/<name>`.
pub fn read_sources(dir: &Path, shown_dir: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "move") {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            out.push((format!("{shown_dir}/{name}"), text));
        }
    }
    out.sort();
    Ok(out)
}

/// Parses every `(shown path, text)`; a parse error names the file.
pub fn parse_sources(files: &[(String, String)]) -> Result<Vec<Source>> {
    files
        .iter()
        .map(|(file, text)| {
            let module = move_source::parse(text).with_context(|| format!("parsing {file}"))?;
            Ok(Source {
                file: file.clone(),
                module,
            })
        })
        .collect()
}

/// The outcome of [`check`]: the differences, and how many Move items of each kind were compared
/// (so a gate that silently compares nothing is visible).
#[derive(Debug, Default)]
pub struct Report {
    /// One message per difference; empty = in step.
    pub drift: Vec<String>,
    /// Error constants compared.
    pub errors: usize,
    /// Event structs compared.
    pub events: usize,
    /// Functions compared with the schema.
    pub functions: usize,
    /// Other constants compared.
    pub constants: usize,
}

/// Compares `sources` with `rust`.
pub fn check(sources: &[Source], rust: &RustSide) -> Report {
    let mut r = Report::default();
    check_errors(sources, rust, &mut r);
    check_events(sources, rust, &mut r);
    check_functions(sources, rust, &mut r);
    check_constants(sources, rust, &mut r);
    r
}

fn check_errors(sources: &[Source], rust: &RustSide, r: &mut Report) {
    for s in sources {
        for c in s.module.constants.iter().filter(|c| c.error_code.is_some()) {
            r.errors += 1;
            let (at, code) = (s.at(c.line, &c.name), c.error_code.unwrap_or_default());
            if c.ty.to_string() != "vector<u8>" {
                r.drift.push(format!(
                    "{at}: an error constant must be a vector<u8>, not {}",
                    c.ty
                ));
            }
            match rust.errors.iter().find(|(_, name, _)| *name == c.name) {
                None => r.drift.push(format!(
                    "{at} (code {code}) has no MoveAbort variant named {}",
                    c.name
                )),
                Some((item, _, n)) if u128::from(*n) != code => {
                    r.drift
                        .push(format!("{at} is code {code}, {item} is code {n}"));
                }
                Some(_) => {}
            }
        }
    }
    for (item, name, code) in &rust.errors {
        let declared = sources.iter().any(|s| {
            s.module
                .constant(name)
                .is_some_and(|c| c.error_code.is_some())
        });
        if !declared {
            r.drift.push(format!(
                "{item} ({name}, code {code}) is declared by no module of move/sources \
                 (no `#[error(code = {code})] const {name}`)"
            ));
        }
    }
}

fn check_events(sources: &[Source], rust: &RustSide, r: &mut Report) {
    let Some(s) = sources.iter().find(|s| s.module.name == rust.events_module) else {
        r.drift.push(format!(
            "no module dtp::{} in move/sources",
            rust.events_module
        ));
        return;
    };
    let is_event = |abilities: &[String]| {
        abilities.len() == 2
            && ["copy", "drop"]
                .iter()
                .all(|a| abilities.iter().any(|b| b == a))
    };
    for st in s
        .module
        .structs
        .iter()
        .filter(|st| st.public && is_event(&st.abilities))
    {
        r.events += 1;
        let at = s.at(st.line, &st.name);
        let Some(ev) = rust.events.iter().find(|e| e.name == st.name) else {
            r.drift.push(format!(
                "{at} is an event with no Rust twin in dtp_protocol::events (no Event::{})",
                st.name
            ));
            continue;
        };
        let moved: Vec<String> = st
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.name, s.module.resolve(&f.ty)))
            .collect();
        let rusts: Vec<String> = ev.fields.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        if let Some(diff) = list_diff("field", &moved, &rusts) {
            r.drift.push(format!(
                "{at} vs dtp_protocol::events::{}::FIELDS: {diff}",
                ev.name
            ));
        }
    }
    for ev in &rust.events {
        if !s
            .module
            .structs
            .iter()
            .any(|st| st.name == ev.name && st.public && is_event(&st.abilities))
        {
            r.drift.push(format!(
                "dtp_protocol::events::{} has no `public struct {} has copy, drop` in {}",
                ev.name, ev.name, s.file
            ));
        }
    }
}

/// Whether the schema must cover `f` (see the module doc).
fn changes_state(m: &Module, f: &Function) -> bool {
    f.is_callable()
        && f.params
            .iter()
            .any(|p| matches!(p.ty, Type::Ref(true, _)) || is_tx_context(m, &p.ty))
}

fn is_tx_context(m: &Module, ty: &Type) -> bool {
    let inner = match m.resolve(ty) {
        Type::Ref(_, inner) => *inner,
        t => t,
    };
    inner.to_string() == "sui::tx_context::TxContext"
}

/// A Move parameter as the schema renders it: an object (reference) by type, a pure one as
/// `name: type`; `None` for the TxContext.
fn move_param(m: &Module, p: &move_source::Field) -> Option<String> {
    let ty = m.resolve(&p.ty);
    match ty {
        _ if is_tx_context(m, &p.ty) => None,
        Type::Ref(..) => Some(ty.to_string()),
        _ => Some(format!("{}: {ty}", p.name)),
    }
}

fn check_functions(sources: &[Source], rust: &RustSide, r: &mut Report) {
    for s in sources {
        let m = &s.module;
        for f in m.functions.iter().filter(|f| changes_state(m, f)) {
            let at = s.at(f.line, &f.name);
            if !rust
                .functions
                .iter()
                .any(|rf| rf.module == m.name && rf.name == f.name)
            {
                r.drift.push(format!(
                    "{at} is a public function that changes state but dtp_protocol::schema::FUNCTIONS has no {}::{}",
                    m.name, f.name
                ));
            }
        }
    }
    for rf in &rust.functions {
        let item = format!(
            "dtp_protocol::schema::FUNCTIONS[\"{}\"] ({}::{})",
            rf.name, rf.module, rf.name
        );
        let Some(s) = sources.iter().find(|s| s.module.name == rf.module) else {
            r.drift.push(format!(
                "{item}: no module dtp::{} in move/sources",
                rf.module
            ));
            continue;
        };
        let Some(f) = s.module.function(&rf.name) else {
            r.drift
                .push(format!("{item} has no function {} in {}", rf.name, s.file));
            continue;
        };
        r.functions += 1;
        let at = s.at(f.line, &f.name);
        if !f.is_callable() {
            r.drift.push(format!(
                "{at} is not callable (not `public` or `entry`), but {item} lists it"
            ));
        }
        let moved: Vec<String> = f
            .params
            .iter()
            .filter_map(|p| move_param(&s.module, p))
            .collect();
        if let Some(diff) = list_diff("param", &moved, &rf.params) {
            r.drift.push(format!("{at} vs {item}: {diff}"));
        }
    }
}

fn check_constants(sources: &[Source], rust: &RustSide, r: &mut Report) {
    for s in sources {
        for c in s.module.constants.iter().filter(|c| c.error_code.is_none()) {
            r.constants += 1;
            let at = s.at(c.line, &c.name);
            let Some(rc) = rust
                .constants
                .iter()
                .find(|rc| rc.module == s.module.name && rc.name == c.name)
            else {
                r.drift.push(format!(
                    "{at} = {} has no twin in dtp_protocol::constants (no row in the parity table)",
                    show(&c.value)
                ));
                continue;
            };
            if c.ty.to_string() != rc.move_type {
                r.drift.push(format!(
                    "{at} is a {}, {} is mirrored as a {}",
                    c.ty, rc.rust, rc.move_type
                ));
            }
            if c.value != Value::Number(rc.value) {
                r.drift.push(format!(
                    "{at} = {}, {} = {}",
                    show(&c.value),
                    rc.rust,
                    rc.value
                ));
            }
        }
    }
    for rc in &rust.constants {
        let module = sources.iter().find(|s| s.module.name == rc.module);
        let file = module.map_or("move/sources", |s| s.file.as_str());
        if module.is_none_or(|s| s.module.constant(&rc.name).is_none()) {
            r.drift.push(format!(
                "{} ({}) has no const {} in {file} (dtp::{})",
                rc.rust, rc.value, rc.name, rc.module
            ));
        }
    }
    for name in &rust.declared_constants {
        let item = format!("dtp_protocol::constants::{name}");
        let mapped = rust.constants.iter().any(|rc| rc.rust == item);
        if !mapped && !rust.rust_only.contains(&name.as_str()) {
            r.drift.push(format!("protocol/src/constants.rs: {item} is neither mirrored from Move nor marked Rust-only"));
        }
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::Bytes(b) => format!("b{b:?}"),
        Value::Expr(e) => e.clone(),
    }
}

/// `None` when equal; else the first difference and both lists.
fn list_diff(what: &str, moved: &[String], rusts: &[String]) -> Option<String> {
    if moved == rusts {
        return None;
    }
    let i = moved.iter().zip(rusts).take_while(|(a, b)| a == b).count();
    let or_none = |v: Option<&String>| v.map_or("nothing".to_string(), |s| format!("`{s}`"));
    Some(format!(
        "{what} {} is {} in Move, {} in Rust\n    Move: ({})\n    Rust: ({})",
        i + 1,
        or_none(moved.get(i)),
        or_none(rusts.get(i)),
        moved.join(", "),
        rusts.join(", ")
    ))
}
