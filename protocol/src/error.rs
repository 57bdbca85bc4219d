//! The package's abort codes: one numbered list shared by Move (`#[error(code = N)]`) and Rust.

/// An abort of a dtp function. The numbers are the Move `#[error(code = N)]` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[repr(u16)]
pub enum MoveAbort {
    /// The HostCap does not belong to this Host.
    #[error("ENotAdmin: the HostCap does not belong to this Host")]
    NotAdmin = 1,
    /// The address is not a registered endpoint.
    #[error("ENotEndpoint: the address is not a registered endpoint")]
    NotEndpoint = 2,
    /// An endpoint with this address is already registered.
    #[error("EEndpointExists: an endpoint with this address is already registered")]
    EndpointExists = 3,
    /// The Host already has the maximum number of endpoints.
    #[error("ETooManyEndpoints: the Host already has the maximum number of endpoints")]
    TooManyEndpoints = 4,
    /// A payload, response, key or region is over its limit.
    #[error("EPayloadTooLarge: payload, response, key or region is over its limit")]
    PayloadTooLarge = 5,
    /// No healthy endpoint can take the request.
    #[error("ENoHealthyEndpoint: no healthy endpoint can take the request")]
    NoHealthyEndpoint = 6,
    /// No such request in this Pipe.
    #[error("EUnknownRequest: no such request in this Pipe")]
    UnknownRequest = 7,
    /// The sender is not the request's current server.
    #[error("ENotAssignee: the sender is not the request's current server")]
    NotAssignee = 8,
    /// The attempt number is not the current one (fenced).
    #[error("EStaleAttempt: the attempt number is not the current one (fenced)")]
    StaleAttempt = 9,
    /// The lease has not expired yet.
    #[error("ELeaseNotExpired: the lease has not expired yet")]
    LeaseNotExpired = 10,
    /// The endpoint is still UP: drain or disable it first.
    #[error("EEndpointBusy: the endpoint is still UP; drain or disable it first")]
    EndpointBusy = 11,
    /// Unknown selection policy.
    #[error("EInvalidPolicy: unknown selection policy")]
    InvalidPolicy = 12,
    /// A configuration value or argument is out of range.
    #[error("EInvalidConfig: a configuration value or argument is out of range")]
    InvalidConfig = 13,
    /// The Pipe belongs to another Host.
    #[error("EWrongHost: the Pipe belongs to another Host")]
    WrongHost = 14,
    /// Only the original sender may do this.
    #[error("ENotSender: only the original sender may do this")]
    NotSender = 15,
    /// The Pipe has the maximum number of pending requests.
    #[error("EPipeFull: the Pipe has the maximum number of pending requests")]
    PipeFull = 16,
    /// The sender already holds this request: claim it instead.
    #[error("EAlreadyAssignee: the sender already holds this request; claim it instead")]
    AlreadyAssignee = 17,
}

impl MoveAbort {
    /// Every abort, in code order.
    pub const ALL: [MoveAbort; 17] = [
        MoveAbort::NotAdmin,
        MoveAbort::NotEndpoint,
        MoveAbort::EndpointExists,
        MoveAbort::TooManyEndpoints,
        MoveAbort::PayloadTooLarge,
        MoveAbort::NoHealthyEndpoint,
        MoveAbort::UnknownRequest,
        MoveAbort::NotAssignee,
        MoveAbort::StaleAttempt,
        MoveAbort::LeaseNotExpired,
        MoveAbort::EndpointBusy,
        MoveAbort::InvalidPolicy,
        MoveAbort::InvalidConfig,
        MoveAbort::WrongHost,
        MoveAbort::NotSender,
        MoveAbort::PipeFull,
        MoveAbort::AlreadyAssignee,
    ];

    /// The shared error number (`N` of `#[error(code = N)]`).
    pub const fn code(self) -> u16 {
        self as u16
    }

    /// The Move constant's name, e.g. `EStaleAttempt`.
    pub const fn name(self) -> &'static str {
        match self {
            MoveAbort::NotAdmin => "ENotAdmin",
            MoveAbort::NotEndpoint => "ENotEndpoint",
            MoveAbort::EndpointExists => "EEndpointExists",
            MoveAbort::TooManyEndpoints => "ETooManyEndpoints",
            MoveAbort::PayloadTooLarge => "EPayloadTooLarge",
            MoveAbort::NoHealthyEndpoint => "ENoHealthyEndpoint",
            MoveAbort::UnknownRequest => "EUnknownRequest",
            MoveAbort::NotAssignee => "ENotAssignee",
            MoveAbort::StaleAttempt => "EStaleAttempt",
            MoveAbort::LeaseNotExpired => "ELeaseNotExpired",
            MoveAbort::EndpointBusy => "EEndpointBusy",
            MoveAbort::InvalidPolicy => "EInvalidPolicy",
            MoveAbort::InvalidConfig => "EInvalidConfig",
            MoveAbort::WrongHost => "EWrongHost",
            MoveAbort::NotSender => "ENotSender",
            MoveAbort::PipeFull => "EPipeFull",
            MoveAbort::AlreadyAssignee => "EAlreadyAssignee",
        }
    }

    /// The abort with this shared number.
    pub fn from_code(code: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The abort with this Move constant name (`EStaleAttempt`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// An abort of the fence: the caller acted on a request (attempt) it does not hold now, because
    /// a peer took it over, it was released or reassigned, or it is already finished.
    pub const fn is_fence(self) -> bool {
        matches!(
            self,
            MoveAbort::StaleAttempt | MoveAbort::NotAssignee | MoveAbort::UnknownRequest
        )
    }

    /// Decode a raw Move abort code as a Sui node reports it. Clever-error codes (bit 63 set) carry the
    /// shared number in bits 32..48; plain codes are the number itself.
    pub fn from_abort_code(raw: u64) -> Option<Self> {
        let code = if raw & CLEVER_TAG != 0 {
            (raw >> 32) & 0xffff
        } else {
            raw
        };
        u16::try_from(code).ok().and_then(Self::from_code)
    }

    /// The raw abort code the embedded localnet reports: a clever-error code with line 0 and no
    /// identifier index (it runs no Move bytecode, so it has no source lines).
    pub const fn abort_code(self) -> u64 {
        CLEVER_TAG | ((self as u64) << 32) | 0xffff
    }
}

/// Bit 63 marks a Move 2024 "clever" abort code.
pub const CLEVER_TAG: u64 = 1 << 63;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_dense_and_round_trip() {
        for (i, a) in MoveAbort::ALL.iter().enumerate() {
            assert_eq!(a.code() as usize, i + 1);
            assert_eq!(MoveAbort::from_code(a.code()), Some(*a));
            assert_eq!(MoveAbort::from_name(a.name()), Some(*a));
            assert_eq!(MoveAbort::from_abort_code(a.abort_code()), Some(*a));
            assert_eq!(MoveAbort::from_abort_code(a.code() as u64), Some(*a));
            assert!(a.to_string().starts_with(a.name()));
        }
        assert_eq!(MoveAbort::from_code(0), None);
        assert_eq!(MoveAbort::from_code(18), None);
        assert_eq!(MoveAbort::from_name("ENope"), None);
    }

    #[test]
    fn decodes_a_clever_code_with_a_line_number() {
        // code 9 (EStaleAttempt), line 321, identifier index 4, as the Move compiler packs it.
        let raw = CLEVER_TAG | (9u64 << 32) | (321u64 << 16) | 4;
        assert_eq!(
            MoveAbort::from_abort_code(raw),
            Some(MoveAbort::StaleAttempt)
        );
        assert_eq!(MoveAbort::from_abort_code(CLEVER_TAG | (99u64 << 32)), None);
    }
}
