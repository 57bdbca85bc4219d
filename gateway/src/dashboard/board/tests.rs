use super::*;
use dtp_protocol::events::{Assigned, Completed, Reassigned};
use dtp_protocol::move_types::{Table, VecMap};
use dtp_protocol::{Endpoint, HostConfig, MoveAbort};
use sui_sdk_types::Digest;

fn a(b: u8) -> Address {
    Address::new([b; 32])
}

const HOST: u8 = 1;
const PIPE: u8 = 2;
const OTHER_PIPE: u8 = 3;

fn host(now: u64) -> Host {
    let mut endpoints = Vec::new();
    for (i, b) in [10u8, 11].into_iter().enumerate() {
        let mut e = Endpoint::new(a(b), format!("server-{i}"), String::new(), 1, 0, 0);
        e.ready = true;
        e.streak = 5;
        // server-0 beat just now; server-1 a minute ago (past any heartbeat timeout).
        e.last_heartbeat_ms = if i == 0 {
            now
        } else {
            now.saturating_sub(60_000)
        };
        endpoints.push(e);
    }
    Host {
        id: a(HOST),
        label: "h".into(),
        config: HostConfig {
            heartbeat_timeout_ms: 5_000,
            healthy_threshold: 1,
            ..HostConfig::default()
        },
        endpoints,
    }
}

fn pipe(id: u8, host: u8) -> Pipe {
    let mut inflight = VecMap::new();
    inflight.insert(a(10), 3);
    Pipe {
        id: a(id),
        host: a(host),
        label: "p".into(),
        policy: 0,
        next_seq: 9,
        rr: 0,
        pending: Table { id: a(40), size: 3 },
        dead: Table { id: a(41), size: 1 },
        inflight,
    }
}

fn at(t: u64, event: impl Into<Event>) -> ChainEvent {
    ChainEvent {
        checkpoint: t / 100,
        timestamp_ms: t,
        tx_digest: Digest::new([1; 32]),
        index: 0,
        event: event.into(),
    }
}

fn completed(pipe: u8, seq: u64, server: u8, ok: bool, latency_ms: u64) -> Completed {
    Completed {
        pipe: a(pipe),
        seq,
        server: a(server),
        attempt: 1,
        ok,
        response: b"boom".to_vec(),
        latency_ms,
    }
}

fn board(now: u64) -> Board {
    let mut b = Board::new(a(HOST), "http://chain");
    b.set_host(host(now));
    b.set_pipe(pipe(PIPE, HOST));
    b
}

#[test]
fn health_follows_the_hosts_rule_at_the_snapshots_time() {
    let now = 1_000_000;
    let s = board(now).snapshot(now);
    let shown: Vec<_> = s
        .servers
        .iter()
        .map(|v| (v.label.as_str(), v.healthy, v.inflight))
        .collect();
    assert_eq!(shown, vec![("server-0", true, 3), ("server-1", false, 0)]);
    // Later, without a new heartbeat, server-0 is unhealthy too.
    let later = board(now).snapshot(now + 6_000);
    assert!(!later.servers[0].healthy);
    assert_eq!(later.servers[0].heartbeat_age_ms, Some(6_000));
    assert_eq!(
        (s.pipes[0].pending, s.pipes[0].dead, s.pipes[0].sent),
        (3, 1, 9)
    );
}

#[test]
fn a_pipe_of_another_host_is_not_shown() {
    let mut b = board(0);
    b.set_pipe(pipe(OTHER_PIPE, 99));
    assert_eq!(b.pipe_ids(), vec![a(PIPE)]);
    let e = at(100, completed(OTHER_PIPE, 1, 10, true, 5));
    assert_eq!(b.is_unknown_pipe(&e.event), Some(a(OTHER_PIPE)));
    b.apply(&e);
    assert_eq!(
        b.snapshot(100).servers[0].completed,
        0,
        "its events are ignored"
    );
}

#[test]
fn completions_give_rates_errors_and_latency() {
    let now = 100_000;
    let mut b = board(now);
    // 20 completions by server-0 within the window, 5 older ones, 2 failures by server-1.
    for i in 0..25u64 {
        let t = if i < 5 { now - 30_000 } else { now - 1_000 };
        b.apply(&at(t, completed(PIPE, i, 10, true, 10 + i)));
    }
    for i in 25..27u64 {
        b.apply(&at(now - 500, completed(PIPE, i, 11, false, 100)));
    }
    let s = b.snapshot(now);
    assert_eq!((s.servers[0].completed, s.servers[0].errors), (25, 0));
    assert_eq!(s.servers[0].rps, 2.0, "20 in the last 10 s");
    assert_eq!((s.servers[1].completed, s.servers[1].errors), (0, 2));
    let l = s.latency.unwrap();
    assert_eq!((l.count, l.min, l.max), (27, 10, 100));
    // Failures are in the feed, newest first, with what the backend said.
    assert_eq!(s.feed.len(), 2);
    assert_eq!((s.feed[0].kind, s.feed[0].seq), ("failed", Some(26)));
    assert_eq!(s.feed[0].detail, "boom");
}

#[test]
fn the_feed_shows_assignments_takeovers_and_fenced_calls_newest_first() {
    let mut b = board(0);
    b.apply(&at(
        100,
        Assigned {
            pipe: a(PIPE),
            seq: 4,
            server: a(10),
            attempt: 1,
            deadline_ms: 3_100,
            sender: a(50),
            standby: false,
            payload: vec![],
        },
    ));
    b.apply(&at(
        3_200,
        Reassigned {
            pipe: a(PIPE),
            seq: 4,
            from: a(10),
            to: a(11),
            attempt: 2,
            deadline_ms: 6_200,
            reason: REASON_EXPIRED,
            standby: false,
        },
    ));
    let fenced = RefusedCall {
        checkpoint: 33,
        digest: Digest::new([2; 32]),
        sender: a(10),
        function: "complete",
        abort: Some(MoveAbort::StaleAttempt),
        pipe: Some(a(PIPE)),
        host: Some(a(HOST)),
        seq: Some(4),
        attempt: Some(1),
    };
    b.apply_refused(&fenced, 3_300);
    // A refusal that is not the fence (out of gas) is not a fenced call.
    b.apply_refused(
        &RefusedCall {
            abort: None,
            ..fenced.clone()
        },
        3_400,
    );
    let feed = b.snapshot(3_500).feed;
    let kinds: Vec<_> = feed.iter().map(|f| (f.kind, f.attempt)).collect();
    assert_eq!(
        kinds,
        vec![
            ("fenced", Some(1)),
            ("takeover", Some(2)),
            ("assigned", Some(1))
        ]
    );
    assert_eq!(feed[1].server, a(11));
    assert_eq!(feed[1].detail, "lease expired on server-0");
    assert!(
        feed[0].detail.contains("complete refused"),
        "{}",
        feed[0].detail
    );
}

#[test]
fn the_feed_keeps_the_latest_entries_only() {
    let mut b = board(0);
    for seq in 0..(FEED_LEN as u64 + 10) {
        b.apply(&at(
            seq,
            Assigned {
                pipe: a(PIPE),
                seq,
                server: a(10),
                attempt: 1,
                deadline_ms: 0,
                sender: a(50),
                standby: false,
                payload: vec![],
            },
        ));
    }
    let feed = b.snapshot(0).feed;
    assert_eq!(feed.len(), FEED_LEN);
    assert_eq!(feed[0].seq, Some(FEED_LEN as u64 + 9));
}

#[test]
fn a_reset_forgets_the_old_chain_but_not_the_host_id() {
    let mut b = board(0);
    b.apply(&at(100, completed(PIPE, 1, 10, true, 5)));
    b.set_error("Host not found");
    b.reset();
    let s = b.snapshot(0);
    assert_eq!(s.host, a(HOST));
    assert!(s.servers.is_empty() && s.pipes.is_empty() && s.error.is_none());
}
