//! The verifier on histories made in memory: a small chain runs real transactions on the twin, and
//! tampered copies of its history must be flagged.

use dtp_protocol::Event;

use super::sim::{a, tamper, Sim, S1, S2};
use super::*;

#[test]
fn an_honest_history_with_takeovers_and_dead_letters_verifies() {
    let sim = Sim::scenario();
    let h = sim.history();
    let t = timelines(h.pipe, &h.events);
    let status: Vec<_> = t.iter().map(|t| t.status).collect();
    assert_eq!(
        status,
        vec![Status::Completed, Status::Completed, Status::Dead]
    );
    let s = summarize(&t);
    assert_eq!((s.takeovers, s.dead_letters, s.completed), (2, 1, 2));
    let r = verify(&h);
    assert_eq!(r.violations, vec![], "{:#?}", r.violations);
    assert!(r.ok());
    match r.policy {
        PolicyCheck::Checked {
            assignments, calls, ..
        } => {
            assert_eq!(assignments, 5, "3 Assigned and 2 Reassigned");
            assert_eq!(calls, sim.txs.len());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_assigned_event_naming_another_server_is_flagged_with_both_servers() {
    let mut h = Sim::scenario().history();
    tamper(
        &mut h,
        |e| matches!(e, Event::Assigned(x) if x.seq == 2),
        |e| {
            if let Event::Assigned(x) = e {
                x.server = a(S2);
            }
        },
    );
    let r = verify(&h);
    assert!(!r.ok());
    let wrong: Vec<_> = r
        .violations
        .iter()
        .filter(|v| matches!(v, Violation::WrongServer { .. }))
        .collect();
    assert_eq!(wrong.len(), 1, "{:#?}", r.violations);
    match wrong[0] {
        Violation::WrongServer {
            seq,
            event,
            chain,
            twin,
            ..
        } => {
            assert_eq!((*seq, *event, *chain, *twin), (2, "Assigned", a(S2), a(S1)));
        }
        _ => unreachable!(),
    }
    let line = wrong[0].to_string();
    assert!(
        line.contains(&a(S1).to_string()) && line.contains(&a(S2).to_string()),
        "{line}"
    );
}

#[test]
fn a_reassignment_to_the_wrong_server_is_flagged() {
    let mut h = Sim::scenario().history();
    tamper(
        &mut h,
        |e| matches!(e, Event::Reassigned(x) if x.seq == 0),
        |e| {
            if let Event::Reassigned(x) = e {
                x.to = a(S1);
            }
        },
    );
    let r = verify(&h);
    assert!(
        r.violations.iter().any(|v| matches!(
            v,
            Violation::WrongServer { seq: 0, event: "Reassigned", chain, twin, .. }
                if *chain == a(S1) && *twin == a(S2)
        )),
        "{:#?}",
        r.violations
    );
}

#[test]
fn a_duplicate_completion_is_flagged() {
    let mut h = Sim::scenario().history();
    let done = h
        .events
        .iter()
        .find(|e| matches!(&e.event, Event::Completed(c) if c.seq == 1))
        .cloned()
        .unwrap();
    let mut again = done.clone();
    again.checkpoint = h.to + 1;
    h.events.push(again);
    let r = verify(&h);
    assert!(r.violations.iter().any(|v| matches!(
        v,
        Violation::CompletedTwice { seq: 1, first_checkpoint, .. } if *first_checkpoint == done.checkpoint
    )), "{:#?}", r.violations);
    assert!(!r.ok());
}

#[test]
fn a_completion_with_a_stale_attempt_is_flagged() {
    let mut h = Sim::scenario().history();
    tamper(
        &mut h,
        |e| matches!(e, Event::Completed(x) if x.seq == 0),
        |e| {
            if let Event::Completed(x) = e {
                x.attempt = 1;
            }
        },
    );
    let r = verify(&h);
    assert!(
        r.violations.iter().any(|v| matches!(
            v,
            Violation::StaleCompletion {
                seq: 0,
                attempt: 1,
                current: Some(2),
                ..
            }
        )),
        "{:#?}",
        r.violations
    );
}

#[test]
fn a_history_that_starts_after_the_host_was_created_cannot_check_the_policy() {
    let mut h = Sim::scenario().history();
    h.from = 3;
    h.transactions
        .as_mut()
        .unwrap()
        .retain(|t| t.checkpoint >= 3);
    h.events.retain(|e| e.checkpoint >= 3);
    let r = verify(&h);
    assert_eq!(r.violations, vec![]);
    assert!(matches!(
        r.policy,
        PolicyCheck::NotFromCreation { from: 3, .. }
    ));
    assert!(!r.ok());
    let mut h = Sim::scenario().history();
    h.transactions = None;
    assert_eq!(verify(&h).policy, PolicyCheck::NoTransactions);
}
