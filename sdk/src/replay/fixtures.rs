//! Event fixtures for the replay unit tests.

use dtp_protocol::events::{Assigned, Claimed, Completed, DeadLettered, Reassigned};
use dtp_protocol::Event;
use sui_sdk_types::{Address, Digest};

use crate::stream::ChainEvent;

pub fn a(b: u8) -> Address {
    Address::new([b; 32])
}

pub const PIPE: u8 = 1;

pub fn at(checkpoint: u64, event: impl Into<Event>) -> ChainEvent {
    ChainEvent {
        checkpoint,
        timestamp_ms: checkpoint * 100,
        tx_digest: Digest::new([checkpoint as u8; 32]),
        index: 0,
        event: event.into(),
    }
}

pub fn assigned(seq: u64, server: u8) -> Assigned {
    Assigned {
        pipe: a(PIPE),
        seq,
        server: a(server),
        attempt: 1,
        deadline_ms: 500,
        sender: a(9),
        standby: false,
        payload: Vec::new(),
    }
}

pub fn reassigned(seq: u64, from: u8, to: u8, attempt: u32, reason: u8) -> Reassigned {
    Reassigned {
        pipe: a(PIPE),
        seq,
        from: a(from),
        to: a(to),
        attempt,
        deadline_ms: 900,
        reason,
        standby: false,
    }
}

pub fn completed(seq: u64, server: u8, attempt: u32, latency_ms: u64) -> Completed {
    Completed {
        pipe: a(PIPE),
        seq,
        server: a(server),
        attempt,
        ok: true,
        response: vec![],
        latency_ms,
    }
}

/// seq 0: assigned to 2, taken over by 3, completed by 3. seq 1: assigned to 3, claimed,
/// released to 2, dead-lettered. seq 2 (another pipe) is ignored.
pub fn sample() -> Vec<ChainEvent> {
    let mut other = assigned(2, 2);
    other.pipe = a(7);
    vec![
        at(1, assigned(0, 2)),
        at(1, assigned(1, 3)),
        at(1, other),
        at(
            2,
            Claimed {
                pipe: a(PIPE),
                seq: 1,
                server: a(3),
                attempt: 1,
                deadline_ms: 600,
            },
        ),
        at(3, reassigned(0, 2, 3, 2, 0)),
        at(3, reassigned(1, 3, 2, 2, 1)),
        at(4, completed(0, 3, 2, 350)),
        at(
            5,
            DeadLettered {
                pipe: a(PIPE),
                seq: 1,
                server: a(2),
                attempt: 2,
                reason: 0,
            },
        ),
    ]
}
