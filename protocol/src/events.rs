//! Every event of the package (`dtp::events`), laid out as the Move structs so that `bcs` decodes the
//! `contents` of an event read from a Sui node.

use serde::{Deserialize, Serialize};

use crate::config::HostConfig;
use crate::move_types::{Address, ObjectId};

/// The Move module that defines every event struct.
pub const EVENTS_MODULE: &str = "events";

/// The Move type of an event field's Rust type, as `dtp::events` spells it (fully qualified). A field of
/// a type missing here does not compile, so every event keeps a complete Move field list.
macro_rules! move_type {
    (ObjectId) => {
        "sui::object::ID"
    };
    (Address) => {
        "address"
    };
    (String) => {
        "std::string::String"
    };
    (HostConfig) => {
        "dtp::config::HostConfig"
    };
    (Vec<u8>) => {
        "vector<u8>"
    };
    (bool) => {
        "bool"
    };
    (u8) => {
        "u8"
    };
    (u32) => {
        "u32"
    };
    (u64) => {
        "u64"
    };
}

/// The doc of an event field, by its name: a field means the same in every event that has it. A
/// field missing here does not compile, so every field is documented.
macro_rules! field_doc {
    (host) => {
        "The Host."
    };
    (label) => {
        "The human-readable name."
    };
    (admin) => {
        "Who created the Host (and received its HostCap)."
    };
    (server) => {
        "The server (endpoint address) concerned."
    };
    (region) => {
        "The endpoint's region."
    };
    (weight) => {
        "The endpoint's weight."
    };
    (max_inflight) => {
        "The endpoint's limit of pending requests per Pipe (0: unbounded)."
    };
    (role) => {
        "The endpoint's role (`ROLE_ACTIVE` or `ROLE_STANDBY`)."
    };
    (state) => {
        "The endpoint's state (`STATE_UP`, `STATE_DRAINING` or `STATE_DISABLED`)."
    };
    (config) => {
        "The Host's new configuration."
    };
    (healthy) => {
        "True if the endpoint became healthy, false if it stopped being so."
    };
    (pipe) => {
        "The Pipe."
    };
    (policy) => {
        "The selection policy (`Policy` number)."
    };
    (seq) => {
        "The request's sequence number in its Pipe."
    };
    (attempt) => {
        "The attempt (fencing token) concerned."
    };
    (deadline_ms) => {
        "The end of the lease (the chain's clock, ms)."
    };
    (sender) => {
        "Who sent the request."
    };
    (standby) => {
        "True if the server came from the standby tier."
    };
    (payload) => {
        "The request's payload (also kept in the Pipe until the request is finished)."
    };
    (from) => {
        "The server that held the request."
    };
    (to) => {
        "The server that holds it now."
    };
    (reason) => {
        "Why (`REASON_EXPIRED` or `REASON_RELEASED`)."
    };
    (ok) => {
        "True if the backend answered successfully."
    };
    (response) => {
        "The server's answer."
    };
    (latency_ms) => {
        "From the request's creation to its completion (ms)."
    };
}

/// Declares each event struct and, from the same tokens, its Move field list (`FIELDS`), so the two
/// cannot drift; `dtp-tests`' Move parity gate checks the list against `move/sources/events.move`.
macro_rules! events {
    ($( $(#[$doc:meta])* $name:ident { $($field:ident : $ty:ident $(<$arg:ident>)?),* $(,)? } )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
            pub struct $name { $(#[doc = field_doc!($field)] pub $field: $ty $(<$arg>)?),* }

            impl $name {
                /// The Move struct's fields in BCS order: `(name, Move type)`.
                pub const FIELDS: &'static [(&'static str, &'static str)] =
                    &[$((stringify!($field), move_type!($ty $(<$arg>)?))),*];
            }

            impl From<$name> for Event {
                fn from(e: $name) -> Event { Event::$name(e) }
            }
        )*

        /// Any dtp event.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Event { $(#[doc = concat!("A `", stringify!($name), "` event.")] $name($name)),* }

        impl Event {
            /// The Move struct name (`Assigned`), i.e. the last part of the event type.
            pub fn name(&self) -> &'static str {
                match self { $(Event::$name(_) => stringify!($name)),* }
            }

            /// Every event struct name.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Every event struct with its Move fields in BCS order (`FIELDS` of each struct).
            pub const LAYOUTS: &'static [(&'static str, &'static [(&'static str, &'static str)])] =
                &[$((stringify!($name), $name::FIELDS)),*];

            /// BCS of the event struct (the `contents` of a Sui event).
            pub fn to_bcs(&self) -> Vec<u8> {
                match self {
                    $(Event::$name(e) => bcs::to_bytes(e).expect("event serialises")),*
                }
            }

            /// Decode the `contents` of an event whose struct name is `name`.
            /// `Ok(None)` means the name is not a dtp event.
            pub fn from_bcs(name: &str, contents: &[u8]) -> Result<Option<Event>, bcs::Error> {
                match name {
                    $(stringify!($name) => Ok(Some(Event::$name(bcs::from_bytes(contents)?))),)*
                    _ => Ok(None),
                }
            }
        }
    };
}

events! {
    /// A Host and its HostCap were created.
    HostCreated { host: ObjectId, label: String, admin: Address }
    /// A server was registered.
    EndpointAdded { host: ObjectId, server: Address, label: String, region: String, weight: u32, max_inflight: u32, role: u8 }
    /// A server's registration or state changed.
    EndpointUpdated { host: ObjectId, server: Address, label: String, region: String, weight: u32, max_inflight: u32, role: u8, state: u8 }
    /// A server was unregistered.
    EndpointRemoved { host: ObjectId, server: Address }
    /// The Host's configuration was replaced.
    ConfigUpdated { host: ObjectId, config: HostConfig }
    /// Emitted only by a transaction that makes an endpoint cross the healthy line.
    HealthChanged { host: ObjectId, server: Address, healthy: bool }
    /// A Pipe was created.
    PipeCreated { pipe: ObjectId, host: ObjectId, label: String, policy: u8 }
    /// A Pipe's selection policy changed.
    PolicyChanged { pipe: ObjectId, policy: u8 }
    /// A new request (or a redriven one), the server chosen for it and the request's payload (so the
    /// server needs no read to serve it).
    Assigned { pipe: ObjectId, seq: u64, server: Address, attempt: u32, deadline_ms: u64, sender: Address, standby: bool, payload: Vec<u8> }
    /// The assignee claimed the request: it is being served, its lease renewed.
    Claimed { pipe: ObjectId, seq: u64, server: Address, attempt: u32, deadline_ms: u64 }
    /// Takeover (reason EXPIRED) or release (reason RELEASED): `to` now holds `attempt`.
    Reassigned { pipe: ObjectId, seq: u64, from: Address, to: Address, attempt: u32, deadline_ms: u64, reason: u8, standby: bool }
    /// The assignee answered: the request is finished.
    Completed { pipe: ObjectId, seq: u64, server: Address, attempt: u32, ok: bool, response: Vec<u8>, latency_ms: u64 }
    /// The request used up its attempts (`max_attempts`) and moved to the dead table.
    DeadLettered { pipe: ObjectId, seq: u64, server: Address, attempt: u32, reason: u8 }
    /// The sender cancelled the request.
    Cancelled { pipe: ObjectId, seq: u64, sender: Address }
    /// A dead-lettered request went back to pending (a new attempt, a fresh round of tries).
    Redriven { pipe: ObjectId, seq: u64 }
    /// A dead-lettered request was deleted.
    Purged { pipe: ObjectId, seq: u64 }
}

impl Event {
    /// The Pipe this event is about, if it is a pipe event.
    pub fn pipe(&self) -> Option<ObjectId> {
        match self {
            Event::PipeCreated(e) => Some(e.pipe),
            Event::PolicyChanged(e) => Some(e.pipe),
            Event::Assigned(e) => Some(e.pipe),
            Event::Claimed(e) => Some(e.pipe),
            Event::Reassigned(e) => Some(e.pipe),
            Event::Completed(e) => Some(e.pipe),
            Event::DeadLettered(e) => Some(e.pipe),
            Event::Cancelled(e) => Some(e.pipe),
            Event::Redriven(e) => Some(e.pipe),
            Event::Purged(e) => Some(e.pipe),
            _ => None,
        }
    }

    /// The request sequence number this event is about, if any.
    pub fn seq(&self) -> Option<u64> {
        match self {
            Event::Assigned(e) => Some(e.seq),
            Event::Claimed(e) => Some(e.seq),
            Event::Reassigned(e) => Some(e.seq),
            Event::Completed(e) => Some(e.seq),
            Event::DeadLettered(e) => Some(e.seq),
            Event::Cancelled(e) => Some(e.seq),
            Event::Redriven(e) => Some(e.seq),
            Event::Purged(e) => Some(e.seq),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_through_bcs_by_name() {
        let e = Event::Assigned(Assigned {
            pipe: Address::new([3; 32]),
            seq: 7,
            server: Address::new([4; 32]),
            attempt: 2,
            deadline_ms: 99,
            sender: Address::new([5; 32]),
            standby: true,
            payload: b"hello".to_vec(),
        });
        let bytes = e.to_bcs();
        assert_eq!(bytes.len(), 32 + 8 + 32 + 4 + 8 + 32 + 1 + 1 + 5);
        let back = Event::from_bcs(e.name(), &bytes).unwrap().unwrap();
        assert_eq!(back, e);
        assert_eq!(back.seq(), Some(7));
        assert_eq!(Event::from_bcs("Transfer", &bytes).unwrap(), None);
        assert!(Event::from_bcs("Assigned", &bytes[..10]).is_err());
    }

    #[test]
    fn names_are_unique() {
        let mut names = Event::NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Event::NAMES.len());
        assert_eq!(Event::NAMES.len(), 16);
    }

    #[test]
    fn layouts_list_every_event_and_its_fields_in_order() {
        let names: Vec<&str> = Event::LAYOUTS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, Event::NAMES);
        assert_eq!(Assigned::FIELDS.first(), Some(&("pipe", "sui::object::ID")));
        assert_eq!(Assigned::FIELDS.len(), 8);
        assert_eq!(Completed::FIELDS[5], ("response", "vector<u8>"));
        assert_eq!(ConfigUpdated::FIELDS[1].1, "dtp::config::HostConfig");
    }
}
