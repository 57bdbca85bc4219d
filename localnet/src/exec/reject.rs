//! Why a transaction was refused before execution. A refused transaction changes nothing and
//! costs no gas; the gRPC layer maps each kind to a status code.

/// The class of a refusal (the gRPC status it maps to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectKind {
    /// Malformed or not allowed input: INVALID_ARGUMENT.
    Invalid,
    /// An input object is not at the referenced version: FAILED_PRECONDITION (Sui: "object not
    /// available for consumption").
    Unavailable,
    /// Something the localnet does not implement: UNIMPLEMENTED.
    Unsupported,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Reject {
    pub kind: RejectKind,
    pub message: String,
}

impl Reject {
    pub fn invalid(message: impl Into<String>) -> Self {
        Self {
            kind: RejectKind::Invalid,
            message: message.into(),
        }
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Self {
            kind: RejectKind::Unavailable,
            message: message.into(),
        }
    }

    pub fn unsupported(message: impl Into<String>) -> Self {
        Self {
            kind: RejectKind::Unsupported,
            message: message.into(),
        }
    }
}

/// `Err(Reject::invalid(..))` unless `cond`.
pub fn ensure(cond: bool, message: impl FnOnce() -> String) -> Result<(), Reject> {
    if cond {
        Ok(())
    } else {
        Err(Reject::invalid(message()))
    }
}
