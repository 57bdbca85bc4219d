//! The SDK's error type: every failure names what went wrong and, where there is one, what to do.

use dtp_protocol::MoveAbort;
use sui_sdk_types::{Address, Digest};

/// Every failure of the SDK; the message says what went wrong and, where there is one, what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dtp function aborted: the typed error of the package's numbering.
    #[error("{function} aborted with {}: {abort}", abort.name())]
    Aborted {
        /// The abort.
        abort: MoveAbort,
        /// The function called (`pipe::claim`, ...).
        function: String,
        /// The transaction's digest.
        digest: Digest,
        /// The aborting command of the transaction (a batch's call index), as Sui reports it.
        command: Option<u64>,
    },
    /// The transaction failed for a reason that is not a dtp abort (gas, coin balance, ...).
    #[error("transaction {digest} failed: {description}")]
    Failed {
        /// The node's description of the failure.
        description: String,
        /// The transaction's digest.
        digest: Digest,
    },
    /// The node refused the transaction (bad input, stale object, ...); nothing happened.
    #[error("the node refused the transaction: {0}")]
    Rejected(String),
    /// No connection to the node.
    #[error("cannot reach the Sui node at {url}: {reason} (is it running? check the URL)")]
    Unreachable {
        /// The node's URL.
        url: String,
        /// What the transport said.
        reason: String,
    },
    /// The node answered a call with an error status.
    #[error("the node answered {code}: {message}")]
    Rpc {
        /// The gRPC status code.
        code: tonic::Code,
        /// The status message.
        message: String,
    },
    /// No such object on the node.
    #[error("object {id} not found")]
    NotFound {
        /// The object id.
        id: Address,
    },
    /// The object is of another type than the one asked for.
    #[error("object {id} is a {actual}, not a {expected}")]
    WrongType {
        /// The object id.
        id: Address,
        /// The type asked for.
        expected: String,
        /// The object's type.
        actual: String,
    },
    /// The package id does not name the dtp package.
    #[error(
        "package {0} is not the dtp package (no dtp::pipe module there); check the package id"
    )]
    NotDtp(Address),
    /// The signer cannot pay one gas budget.
    #[error(
        "{address} has {balance} MIST, less than one gas budget ({budget} MIST); fund it (on a \
         localnet, devnet or testnet: `dtp faucet`)"
    )]
    NoGas {
        /// The signer's address.
        address: Address,
        /// Its SUI balance (MIST).
        balance: u64,
        /// The gas budget of one transaction (MIST).
        budget: u64,
    },
    /// A checkpoint that is needed is pruned on the node.
    #[error(
        "checkpoint {next} is pruned on this node (the lowest it keeps is {lowest}): the history \
         between cannot be read here"
    )]
    Pruned {
        /// The checkpoint needed.
        next: u64,
        /// The lowest checkpoint the node keeps.
        lowest: u64,
    },
    /// The faucet did not give gas.
    #[error("faucet {url}: {reason}")]
    Faucet {
        /// The faucet's URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// A key that does not parse or cannot sign.
    #[error("invalid key: {0}")]
    Key(String),
    /// A keystore file that cannot be read or written.
    #[error("keystore {path}: {reason}")]
    Keystore {
        /// The keystore's path.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// No answer in time: (how long was waited, for what).
    #[error("timed out after {0:?} waiting for {1}")]
    Timeout(std::time::Duration, String),
    /// An answer of the node that does not decode.
    #[error("cannot decode {what}: {reason}")]
    Decode {
        /// What was decoded.
        what: String,
        /// Why it does not decode.
        reason: String,
    },
    /// The request waited for was dead-lettered.
    #[error("request {seq} was dead-lettered after attempt {attempt}")]
    DeadLettered {
        /// The request's sequence number.
        seq: u64,
        /// Its last attempt.
        attempt: u32,
    },
    /// The request waited for was cancelled.
    #[error("request {seq} was cancelled")]
    Cancelled {
        /// The request's sequence number.
        seq: u64,
    },
    /// An invalid argument, with what is wrong.
    #[error("{0}")]
    Invalid(String),
    /// A queue in front of the chain is full (backpressure); nothing was sent.
    #[error("busy: {0}")]
    Busy(String),
    /// The queue in front of the chain has stopped (its task ended: the process is stopping).
    #[error("stopped: {0}")]
    Stopped(String),
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

/// A result of the SDK.
pub type Result<T, E = Error> = std::result::Result<T, E>;
