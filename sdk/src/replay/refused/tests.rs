use dtp_protocol::schema::Value;
use dtp_protocol::MoveAbort;

use super::super::history::{CheckpointTxs, History};
use super::super::sim::{a, Sim, S1, S2};
use super::super::timeline::timelines;
use super::*;
use crate::stream::CheckpointEvents;

fn done(seq: u64, attempt: u32) -> Vec<Value> {
    vec![
        Value::U64(seq),
        Value::U32(attempt),
        Value::Bool(true),
        Value::Bytes(b"late".to_vec()),
    ]
}

#[test]
fn a_late_completion_is_fenced_and_explained_by_the_takeover() {
    // seq 0 was S1's (attempt 1), then taken over by S2 (attempt 2) and completed.
    let mut sim = Sim::scenario();
    let late = sim.refused(S1, "complete", done(0, 1), Some(MoveAbort::StaleAttempt));
    assert_eq!(late.function, "complete");
    assert_eq!((late.seq, late.attempt), (Some(0), Some(1)));
    assert_eq!((late.pipe, late.host), (Some(sim.pipe()), Some(sim.host())));
    assert_eq!(late.sender, a(S1));
    assert!(late.is_fenced());
    let calls = vec![late];
    let r = refusals(&calls);
    assert_eq!((r.total, r.fenced, r.fenced_completions), (1, 1, 1));
    let h = sim.history();
    let tl = timelines(h.pipe, &h.events);
    assert!(unexplained_fences(&calls, &tl).is_empty());
}

#[test]
fn a_fenced_call_on_work_never_held_is_unexplained() {
    let mut sim = Sim::scenario();
    let calls = vec![
        // seq 1 was only ever S2's.
        sim.refused(S1, "complete", done(1, 1), Some(MoveAbort::NotAssignee)),
        // No attempt 7 of seq 0 ever existed.
        sim.refused(
            S2,
            "claim",
            vec![Value::U64(0), Value::U32(7)],
            Some(MoveAbort::StaleAttempt),
        ),
        // No seq 99.
        sim.refused(
            S1,
            "release",
            vec![Value::U64(99), Value::U32(1)],
            Some(MoveAbort::UnknownRequest),
        ),
        // Explained: S1 held attempt 1 of seq 2 before S2 took it over.
        sim.refused(
            S1,
            "release",
            vec![Value::U64(2), Value::U32(1)],
            Some(MoveAbort::StaleAttempt),
        ),
    ];
    let h = sim.history();
    let tl = timelines(h.pipe, &h.events);
    let odd: Vec<(Option<u64>, &str)> = unexplained_fences(&calls, &tl)
        .into_iter()
        .map(|c| (c.seq, c.function))
        .collect();
    assert_eq!(
        odd,
        vec![
            (Some(1), "complete"),
            (Some(0), "claim"),
            (Some(99), "release")
        ]
    );
    let r = refusals(&calls);
    assert_eq!((r.total, r.fenced, r.fenced_completions), (4, 4, 1));
}

#[test]
fn other_refusals_are_counted_but_not_fenced() {
    let mut sim = Sim::scenario();
    let stranger = 9;
    let calls = vec![
        sim.refused(
            stranger,
            "heartbeat",
            vec![Value::Bool(true), Value::U32(0)],
            Some(MoveAbort::NotEndpoint),
        ),
        sim.refused(
            stranger,
            "heartbeat",
            vec![Value::Bool(true), Value::U32(0)],
            Some(MoveAbort::NotEndpoint),
        ),
        // Out of gas or another failure that is not a dtp abort.
        sim.refused(S1, "complete", done(0, 2), None),
        // A takeover names no attempt: not a fence even when the request is gone.
        sim.refused(
            S1,
            "takeover",
            vec![Value::U64(0)],
            Some(MoveAbort::UnknownRequest),
        ),
    ];
    assert_eq!(calls[0].pipe, None, "a heartbeat touches the Host only");
    assert_eq!(calls[0].host, Some(sim.host()));
    assert!(calls.iter().all(|c| !c.is_fenced()));
    let r = refusals(&calls);
    assert_eq!((r.total, r.fenced, r.fenced_completions), (4, 0, 0));
    let by: Vec<(&str, &str, u64)> = r
        .by_call
        .iter()
        .map(|c| (c.function, c.abort, c.count))
        .collect();
    assert_eq!(
        by,
        vec![
            ("heartbeat", "ENotEndpoint", 2),
            ("complete", "other", 1),
            ("takeover", "EUnknownRequest", 1)
        ]
    );
    let h = sim.history();
    assert!(unexplained_fences(&calls, &timelines(h.pipe, &h.events)).is_empty());
}

#[test]
fn a_transaction_without_a_dtp_call_is_no_refused_call() {
    let mut sim = Sim::scenario();
    let c = sim.refused(S1, "complete", done(0, 1), Some(MoveAbort::StaleAttempt));
    let h = sim.history();
    let tx = &h.transactions.as_ref().unwrap()[0].transaction;
    // The same transaction read against another package calls nothing of it.
    let other = Address::from_static("0xbeef");
    assert_eq!(
        RefusedCall::from_failed(other, 1, c.digest, tx, None, Some(0)),
        None
    );
    // A failing command index that is not a dtp call falls back to the first dtp call.
    let first = RefusedCall::from_failed(h.package, 1, c.digest, tx, None, Some(42)).unwrap();
    assert_eq!(first.function, "create_host");
}

#[test]
fn the_history_keeps_the_refused_calls_of_its_pipe_and_host_only() {
    let mut sim = Sim::scenario();
    let mine = sim.refused(S1, "complete", done(0, 1), Some(MoveAbort::StaleAttempt));
    let hb = sim.refused(
        9,
        "heartbeat",
        vec![Value::Bool(true), Value::U32(0)],
        Some(MoveAbort::NotEndpoint),
    );
    let mut elsewhere = mine.clone();
    elsewhere.pipe = Some(a(0x77));
    let mut other_host = hb.clone();
    other_host.host = Some(a(0x78));
    let mut h: History = sim.history();
    let cp = CheckpointEvents {
        sequence_number: 99,
        timestamp_ms: 0,
        events: vec![],
    };
    h.add(
        cp,
        CheckpointTxs {
            ok: vec![],
            refused: vec![mine.clone(), elsewhere, hb.clone(), other_host],
        },
    );
    assert_eq!(h.refused, Some(vec![mine, hb]));
}
