//! A small parser for the subset of Move that `move/sources/*.move` declares at module level:
//! `module`, `use`, attributes, `const`, `struct`, and function signatures (bodies are skipped by
//! brace matching). It is what the Move/Rust parity gate (`tests/move_parity.rs`) reads, since CI
//! cannot compile Move. Anything else at module level (`enum`, `friend`, `use fun`, `spec`) is
//! skipped whole.

mod lex;
mod parse;
#[cfg(test)]
mod tests;

use std::fmt;

pub use lex::{number_value, tokenize, Tok, Token};
pub use parse::parse;

/// A Move type as written, e.g. `&mut Pipe`, `vector<u8>`, `Option<address>`, `(u64, bool)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// A named type with its type arguments: `u64`, `String`, `sui::table::Table<u64, Request>`.
    Path(String, Vec<Type>),
    /// `&T` (`false`) or `&mut T` (`true`).
    Ref(bool, Box<Type>),
    /// A tuple (return types only).
    Tuple(Vec<Type>),
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[Type]| v.iter().map(Type::to_string).collect::<Vec<_>>().join(", ");
        match self {
            Type::Path(name, args) if args.is_empty() => write!(f, "{name}"),
            Type::Path(name, args) => write!(f, "{name}<{}>", list(args)),
            Type::Ref(false, inner) => write!(f, "&{inner}"),
            Type::Ref(true, inner) => write!(f, "&mut {inner}"),
            Type::Tuple(items) => write!(f, "({})", list(items)),
        }
    }
}

/// A constant's value: a number, a byte string, or any other expression (its tokens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number literal.
    Number(u128),
    /// A byte string `b"..."`.
    Bytes(String),
    /// Anything else, as its tokens joined by spaces.
    Expr(String),
}

/// `const NAME: Type = value;`, with its `#[error(code = N)]` if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constant {
    /// The constant's name.
    pub name: String,
    /// Its declared type.
    pub ty: Type,
    /// Its value.
    pub value: Value,
    /// `N` of `#[error(code = N)]`.
    pub error_code: Option<u128>,
    /// The line of `const`.
    pub line: usize,
}

/// A struct field or a function parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The name (`_` for a positional field).
    pub name: String,
    /// The type as written.
    pub ty: Type,
}

/// A struct declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Struct {
    /// The struct's name.
    pub name: String,
    /// Declared `public`.
    pub public: bool,
    /// `has copy, drop` -> `["copy", "drop"]`, in source order.
    pub abilities: Vec<String>,
    /// The fields in declaration (BCS) order.
    pub fields: Vec<Field>,
    /// The line of `struct`.
    pub line: usize,
}

/// Who may call a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// No modifier.
    Private,
    /// `public`.
    Public,
    /// `public(package)` (or the older `public(friend)`).
    Package,
}

/// A function signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The function's name.
    pub name: String,
    /// Its visibility.
    pub visibility: Visibility,
    /// Declared `entry`.
    pub entry: bool,
    /// Marked `#[test_only]` or `#[test]`.
    pub test_only: bool,
    /// The parameters in order.
    pub params: Vec<Field>,
    /// The return type, if any.
    pub ret: Option<Type>,
    /// The line of `fun`.
    pub line: usize,
}

impl Function {
    /// Callable from a transaction or another package: `public` or `entry`, and not test-only.
    pub fn is_callable(&self) -> bool {
        (self.visibility == Visibility::Public || self.entry) && !self.test_only
    }
}

/// One parsed `.move` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    /// The named address (`dtp`).
    pub address: String,
    /// The module name (`pipe`).
    pub name: String,
    /// `use` aliases: `(alias, full path)`, Sui's implicit imports first.
    pub uses: Vec<(String, String)>,
    /// Constants in source order.
    pub constants: Vec<Constant>,
    /// Structs in source order.
    pub structs: Vec<Struct>,
    /// Functions in source order.
    pub functions: Vec<Function>,
}

/// What Sui Move 2024 imports into every module.
const IMPLICIT_USES: [(&str, &str); 7] = [
    ("vector", "std::vector"),
    ("option", "std::option"),
    ("Option", "std::option::Option"),
    ("object", "sui::object"),
    ("ID", "sui::object::ID"),
    ("UID", "sui::object::UID"),
    ("TxContext", "sui::tx_context::TxContext"),
];

impl Module {
    /// A module with no name or items yet, knowing Sui's implicit imports.
    fn with_implicit_uses() -> Self {
        Module {
            address: String::new(),
            name: String::new(),
            uses: IMPLICIT_USES
                .iter()
                .map(|(a, p)| (a.to_string(), p.to_string()))
                .collect(),
            constants: Vec::new(),
            structs: Vec::new(),
            functions: Vec::new(),
        }
    }

    /// The constant `name`.
    pub fn constant(&self, name: &str) -> Option<&Constant> {
        self.constants.iter().find(|c| c.name == name)
    }

    /// The function `name`.
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions.iter().find(|f| f.name == name)
    }

    /// `ty` with every name fully qualified: through the `use` aliases (the last one wins; module
    /// aliases only for a path's head, member aliases only for a plain name), then this module's own
    /// structs (`dtp::pipe::Pipe`); builtins (`u64`, `address`, `vector`) stay.
    pub fn resolve(&self, ty: &Type) -> Type {
        match ty {
            Type::Ref(m, inner) => Type::Ref(*m, Box::new(self.resolve(inner))),
            Type::Tuple(items) => Type::Tuple(items.iter().map(|t| self.resolve(t)).collect()),
            Type::Path(name, args) => {
                let (head, rest) = match name.split_once("::") {
                    Some((head, rest)) => (head, Some(rest)),
                    None => (name.as_str(), None),
                };
                // `addr::module` aliases a module (the head of a path), longer paths a member.
                let is_module = |path: &str| path.matches("::").count() == 1;
                let alias = self
                    .uses
                    .iter()
                    .rev()
                    .find(|(a, p)| a == head && is_module(p) == rest.is_some());
                let full = match (alias, rest) {
                    (Some((_, path)), Some(rest)) => format!("{path}::{rest}"),
                    (Some((_, path)), None) => path.clone(),
                    (None, None) if self.structs.iter().any(|s| s.name == *name) => {
                        format!("{}::{}::{name}", self.address, self.name)
                    }
                    _ => name.clone(),
                };
                Type::Path(full, args.iter().map(|t| self.resolve(t)).collect())
            }
        }
    }
}
