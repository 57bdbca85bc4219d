//! The SDK's error type: every failure names what went wrong and, where there is one, what to do.

use dtp_protocol::MoveAbort;
use sui_sdk_types::{Address, Digest};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dtp function aborted: the typed error of the package's numbering.
    #[error("{function} aborted with {}: {abort}", abort.name())]
    Aborted {
        abort: MoveAbort,
        function: String,
        digest: Digest,
    },
    /// The transaction failed for a reason that is not a dtp abort (gas, coin balance, ...).
    #[error("transaction {digest} failed: {description}")]
    Failed { description: String, digest: Digest },
    /// The node refused the transaction (bad input, stale object, ...); nothing happened.
    #[error("the node refused the transaction: {0}")]
    Rejected(String),
    #[error("cannot reach the Sui node at {url}: {reason} (is it running? check the URL)")]
    Unreachable { url: String, reason: String },
    #[error("the node answered {code}: {message}")]
    Rpc { code: tonic::Code, message: String },
    #[error("object {id} not found")]
    NotFound { id: Address },
    #[error("object {id} is a {actual}, not a {expected}")]
    WrongType {
        id: Address,
        expected: String,
        actual: String,
    },
    #[error(
        "package {0} is not the dtp package (no dtp::pipe module there); check the package id"
    )]
    NotDtp(Address),
    #[error(
        "{address} has {balance} MIST, less than one gas budget ({budget} MIST); fund it (on a \
         localnet, devnet or testnet: `dtp faucet`)"
    )]
    NoGas {
        address: Address,
        balance: u64,
        budget: u64,
    },
    #[error(
        "checkpoint {next} is pruned on this node (the lowest it keeps is {lowest}): the history \
         between cannot be read here"
    )]
    Pruned { next: u64, lowest: u64 },
    #[error("faucet {url}: {reason}")]
    Faucet { url: String, reason: String },
    #[error("invalid key: {0}")]
    Key(String),
    #[error("keystore {path}: {reason}")]
    Keystore { path: String, reason: String },
    #[error("timed out after {0:?} waiting for {1}")]
    Timeout(std::time::Duration, String),
    #[error("cannot decode {what}: {reason}")]
    Decode { what: String, reason: String },
    #[error("request {seq} was dead-lettered after attempt {attempt}")]
    DeadLettered { seq: u64, attempt: u32 },
    #[error("request {seq} was cancelled")]
    Cancelled { seq: u64 },
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// The dtp abort behind this error, if it is one (`NotAssignee`, `StaleAttempt`, ...).
    pub fn abort(&self) -> Option<MoveAbort> {
        match self {
            Error::Aborted { abort, .. } => Some(*abort),
            _ => None,
        }
    }

    /// True for errors worth retrying with the same signed bytes (overload, transport).
    pub fn is_transient(&self) -> bool {
        matches!(self, Error::Unreachable { .. })
            || matches!(self, Error::Rpc { code, .. } if matches!(code, tonic::Code::Unavailable | tonic::Code::DeadlineExceeded | tonic::Code::ResourceExhausted | tonic::Code::Aborted))
    }

    pub(crate) fn rpc(s: tonic::Status) -> Error {
        match s.code() {
            tonic::Code::InvalidArgument | tonic::Code::FailedPrecondition => {
                Error::Rejected(s.message().to_string())
            }
            code => Error::Rpc {
                code,
                message: s.message().to_string(),
            },
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
