//! The tracker: assignments, takeovers and completions; a read request against what it knows;
//! seeding again; when an assignment may be served from its event alone.

use super::*;
use dtp_protocol::events::{Assigned, Completed, Reassigned};

fn a(n: u8) -> Address {
    Address::new([n; 32])
}

#[test]
fn assignments_takeovers_and_completions() {
    let t = Tracker::default();
    let (me, peer, pipe) = (a(1), a(2), a(9));
    let assigned = Event::Assigned(Assigned {
        pipe,
        seq: 0,
        server: peer,
        attempt: 1,
        deadline_ms: 100,
        sender: a(5),
        standby: false,
        payload: b"p".to_vec(),
    });
    assert_eq!(t.apply(&assigned, me), Change::Nothing);
    assert_eq!(t.expired(me, 101).len(), 1);
    assert!(t.expired(me, 100).is_empty());
    let re = Event::Reassigned(Reassigned {
        pipe,
        seq: 0,
        from: peer,
        to: me,
        attempt: 2,
        deadline_ms: 500,
        reason: 0,
        standby: false,
    });
    assert_eq!(
        t.apply(&re, me),
        Change::Mine {
            pipe,
            seq: 0,
            attempt: 2
        }
    );
    // A late replay of the old assignment does not roll the attempt back.
    assert_eq!(t.apply(&assigned, me), Change::Nothing);
    assert_eq!(t.pending.get(&(pipe, 0)).unwrap().attempt, 2);
    assert_eq!(t.mine(me).len(), 1);
    let done = Event::Completed(Completed {
        pipe,
        seq: 0,
        server: me,
        attempt: 2,
        ok: true,
        response: vec![],
        latency_ms: 1,
    });
    t.apply(&done, me);
    assert!(t.pending.is_empty());
}

#[test]
fn a_read_request_updates_unless_we_know_better() {
    let t = Tracker::default();
    let (me, peer, pipe) = (a(1), a(2), a(9));
    let mut r = Request {
        seq: 3,
        sender: a(5),
        key: vec![],
        region: String::new(),
        payload: vec![],
        server: peer,
        attempt: 2,
        tries: 2,
        claimed: true,
        created_ms: 0,
        deadline_ms: 900,
    };
    t.observe(pipe, &r, me);
    assert_eq!(t.expired(me, 901).len(), 1, "a new request is tracked");
    // A renewal read later moves the deadline.
    r.deadline_ms = 2_000;
    t.observe(pipe, &r, me);
    assert!(t.expired(me, 901).is_empty());
    // A lagging read (an older attempt) changes nothing.
    let old = Request {
        attempt: 1,
        server: me,
        deadline_ms: 100,
        ..r.clone()
    };
    t.observe(pipe, &old, me);
    let now = t.pending.get(&(pipe, 3)).unwrap().clone();
    assert_eq!((now.server, now.attempt, now.deadline_ms), (peer, 2, 2_000));
    assert!(t.mine(me).is_empty());
}

#[test]
fn seeding_again_forgets_what_finished_meanwhile() {
    let t = Tracker::default();
    let (me, pipe, other) = (a(1), a(9), a(8));
    let req = |seq: u64| Request {
        seq,
        sender: a(5),
        key: vec![],
        region: String::new(),
        payload: vec![],
        server: me,
        attempt: 1,
        tries: 1,
        claimed: false,
        created_ms: 0,
        deadline_ms: 100,
    };
    t.seed(pipe, &[req(1), req(2)], me);
    t.seed(other, &[req(7)], me);
    // Later: 1 finished, 3 arrived.
    t.seed(pipe, &[req(2), req(3)], me);
    let mut seqs: Vec<(Address, u64)> = t.pending.iter().map(|e| *e.key()).collect();
    seqs.sort();
    assert_eq!(seqs, vec![(other, 7), (pipe, 2), (pipe, 3)]);
}

#[test]
fn an_assignment_is_served_from_its_event_only_while_its_lease_is_ours() {
    let t = Tracker::default();
    let (me, peer, pipe) = (a(1), a(2), a(9));
    let to = |seq: u64, server: Address| {
        Event::Assigned(Assigned {
            pipe,
            seq,
            server,
            attempt: 1,
            deadline_ms: 1_000,
            sender: a(5),
            standby: false,
            payload: format!("p{seq}").into_bytes(),
        })
    };
    t.apply(&to(0, me), me);
    t.apply(&to(1, peer), me);
    let got = t
        .assignment(pipe, 0, 1, me, 500)
        .expect("ours, lease running");
    assert_eq!((got.deadline_ms, &*got.payload), (1_000, &b"p0"[..]));
    assert!(
        t.pending.get(&(pipe, 1)).unwrap().payload.is_none(),
        "a peer's payload is not kept"
    );
    assert!(
        t.assignment(pipe, 1, 1, me, 500).is_none(),
        "a peer's request"
    );
    assert!(
        t.assignment(pipe, 0, 2, me, 500).is_none(),
        "another attempt"
    );
    assert!(
        t.assignment(pipe, 0, 1, me, 1_000).is_none(),
        "the lease runs out: read"
    );
    assert!(t.assignment(pipe, 7, 1, me, 0).is_none(), "unknown: read");
    // Reassigned to us: no payload came with it, so it is read.
    t.apply(
        &Event::Reassigned(Reassigned {
            pipe,
            seq: 1,
            from: peer,
            to: me,
            attempt: 2,
            deadline_ms: 3_000,
            reason: 0,
            standby: false,
        }),
        me,
    );
    assert!(t.assignment(pipe, 1, 2, me, 500).is_none());
    // A claim of ours extends the lease and keeps the payload.
    t.apply(
        &Event::Claimed(dtp_protocol::events::Claimed {
            pipe,
            seq: 0,
            server: me,
            attempt: 1,
            deadline_ms: 5_000,
        }),
        me,
    );
    assert_eq!(
        t.assignment(pipe, 0, 1, me, 2_000).unwrap().deadline_ms,
        5_000
    );
    // A seed keeps the payload the table holds for our requests.
    let r = Request {
        seq: 4,
        sender: a(5),
        key: vec![],
        region: String::new(),
        payload: b"from the table".to_vec(),
        server: me,
        attempt: 3,
        tries: 1,
        claimed: false,
        created_ms: 0,
        deadline_ms: 9_000,
    };
    t.seed(pipe, &[r], me);
    assert_eq!(
        &*t.assignment(pipe, 4, 3, me, 0).unwrap().payload,
        b"from the table"
    );
}
