//! The entry points of the dtp package as data: module, name and parameters in Move order,
//! derived from the typed description in [`crate::calls`].
//!
//! One table serves every consumer: the SDK builds MoveCalls from it, the embedded localnet checks a
//! MoveCall's arguments against it before executing it with [`crate::dispatch`], and the conformance
//! vector tool generates Move tests from it.

use serde::{Deserialize, Serialize};

use crate::move_types::Address;

use PureKind as K;

/// The type of a pure (BCS value) argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PureKind {
    Bool,
    U8,
    U32,
    U64,
    Address,
    /// `std::string::String` (UTF-8 checked).
    String,
    /// `vector<u8>`.
    Bytes,
}

impl PureKind {
    /// The Move type, as in a signature.
    pub const fn move_type(self) -> &'static str {
        match self {
            PureKind::Bool => "bool",
            PureKind::U8 => "u8",
            PureKind::U32 => "u32",
            PureKind::U64 => "u64",
            PureKind::Address => "address",
            PureKind::String => "std::string::String",
            PureKind::Bytes => "vector<u8>",
        }
    }
}

/// One parameter of an entry function (the trailing `&mut TxContext` is implicit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// The shared Host, by `&mut` or by `&`.
    Host {
        mutable: bool,
    },
    /// The shared Pipe, always `&mut`.
    Pipe,
    /// `&HostCap`, an owned object.
    Cap,
    /// `&Clock` at `0x6`.
    Clock,
    Pure(&'static str, PureKind),
}

/// An entry function of the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Function {
    pub module: &'static str,
    pub name: &'static str,
    pub params: &'static [Param],
}

impl Function {
    /// The pure parameters, in order.
    pub fn pure_params(&self) -> impl Iterator<Item = (&'static str, PureKind)> + '_ {
        self.params.iter().filter_map(|p| match p {
            Param::Pure(n, k) => Some((*n, *k)),
            _ => None,
        })
    }

    pub fn takes(&self, p: Param) -> bool {
        self.params.contains(&p)
    }

    pub fn takes_host(&self) -> bool {
        self.params.iter().any(|p| matches!(p, Param::Host { .. }))
    }

    pub fn find(name: &str) -> Option<&'static Function> {
        FUNCTIONS.iter().find(|f| f.name == name)
    }
}

/// Every entry function of the package, derived from the table in [`crate::calls`].
pub static FUNCTIONS: std::sync::LazyLock<Vec<Function>> =
    std::sync::LazyLock::new(crate::calls::describe);

/// A pure argument's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Bool(bool),
    U8(u8),
    U32(u32),
    U64(u64),
    Address(Address),
    String(String),
    Bytes(Vec<u8>),
}

/// A pure argument that is not what the parameter needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("argument `{param}` must be a BCS {expected}: {reason}")]
pub struct BadArgument {
    pub param: &'static str,
    pub expected: &'static str,
    pub reason: String,
}

impl Value {
    pub fn kind(&self) -> PureKind {
        match self {
            Value::Bool(_) => K::Bool,
            Value::U8(_) => K::U8,
            Value::U32(_) => K::U32,
            Value::U64(_) => K::U64,
            Value::Address(_) => K::Address,
            Value::String(_) => K::String,
            Value::Bytes(_) => K::Bytes,
        }
    }

    pub fn to_bcs(&self) -> Vec<u8> {
        let r = match self {
            Value::Bool(v) => bcs::to_bytes(v),
            Value::U8(v) => bcs::to_bytes(v),
            Value::U32(v) => bcs::to_bytes(v),
            Value::U64(v) => bcs::to_bytes(v),
            Value::Address(v) => bcs::to_bytes(v),
            Value::String(v) => bcs::to_bytes(v),
            Value::Bytes(v) => bcs::to_bytes(v),
        };
        r.expect("pure values serialise")
    }

    /// Decodes a pure argument for parameter `param` of kind `kind`; all bytes must be used.
    pub fn from_bcs(
        param: &'static str,
        kind: PureKind,
        bytes: &[u8],
    ) -> Result<Value, BadArgument> {
        let bad = |reason: String| BadArgument {
            param,
            expected: kind.move_type(),
            reason,
        };
        let v = match kind {
            K::Bool => bcs::from_bytes(bytes).map(Value::Bool),
            K::U8 => bcs::from_bytes(bytes).map(Value::U8),
            K::U32 => bcs::from_bytes(bytes).map(Value::U32),
            K::U64 => bcs::from_bytes(bytes).map(Value::U64),
            K::Address => bcs::from_bytes(bytes).map(Value::Address),
            K::Bytes => bcs::from_bytes(bytes).map(Value::Bytes),
            K::String => {
                let raw: Vec<u8> = bcs::from_bytes(bytes).map_err(|e| bad(e.to_string()))?;
                let s = String::from_utf8(raw).map_err(|_| bad("not valid UTF-8".into()))?;
                Ok(Value::String(s))
            }
        };
        v.map_err(|e| bad(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_function_has_a_module() {
        let mut names: Vec<_> = FUNCTIONS.iter().map(|f| f.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FUNCTIONS.len());
        assert_eq!(FUNCTIONS.len(), 19);
        assert!(FUNCTIONS
            .iter()
            .all(|f| f.module == "host" || f.module == "pipe"));
        assert_eq!(Function::find("send").unwrap().pure_params().count(), 3);
    }

    #[test]
    fn values_round_trip_and_bad_bytes_are_named() {
        let vals = [
            Value::Bool(true),
            Value::U8(2),
            Value::U32(3),
            Value::U64(4),
            Value::Address(Address::new([9; 32])),
            Value::String("é".into()),
            Value::Bytes(vec![1, 2]),
        ];
        for v in vals {
            assert_eq!(Value::from_bcs("x", v.kind(), &v.to_bcs()).unwrap(), v);
        }
        let err = Value::from_bcs("weight", K::U32, &[1, 2]).unwrap_err();
        assert_eq!(err.param, "weight");
        assert!(err.to_string().contains("u32"), "{err}");
        let not_utf8 = bcs::to_bytes(&vec![0xffu8]).unwrap();
        let err = Value::from_bcs("label", K::String, &not_utf8).unwrap_err();
        assert!(err.to_string().contains("UTF-8"));
        assert!(Value::from_bcs("ok", K::Bool, &[2]).is_err());
        assert!(
            Value::from_bcs("seq", K::U64, &[0; 9]).is_err(),
            "trailing bytes"
        );
    }
}
