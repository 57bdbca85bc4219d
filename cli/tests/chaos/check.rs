//! The chaos run's verdict, from the chain alone: once nothing is pending, both Pipes' histories
//! (read in one pass) must show 0 requests lost, 0 completed twice, every accepted completion by
//! the current attempt, every assignment one the policy would make, and every fenced call
//! (counted from the chain's refused transactions, late completions apart) on an attempt its
//! sender once held.

use std::time::{Duration, Instant};

use dtp_sdk::replay::{
    refusals, summarize, timelines, unexplained_fences, verify, HistoryRange, Pipes, Status,
};
use dtp_sdk::Client;
use sui_sdk_types::Address;

/// Waits (at most 120 s) until no request is pending in `pipes`.
pub async fn settled(admin: &Client, pipes: &[Address]) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let mut pending = 0;
        for p in pipes {
            pending += admin.pipe(*p).await.map_or(1, |p| p.pending.size);
        }
        if pending == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "requests still pending 120 s after the traffic stopped"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // The state just read may hold transactions no checkpoint holds yet (this localnet reads
    // its live state; a Sui node reads checkpointed state only): the history is read once a
    // checkpoint formed after that read, so it holds them too.
    let seen = admin.latest_checkpoint().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while admin.latest_checkpoint().await.unwrap() <= seen {
        assert!(
            Instant::now() < deadline,
            "no checkpoint formed after {seen}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Checks both Pipes' histories, printing their figures; the requests they accepted in all.
pub async fn histories(admin: &Client, pipes: &[Address]) -> u64 {
    let histories = admin
        .histories(
            &Pipes::Listed(pipes.to_vec()),
            HistoryRange {
                from: 0,
                to: None,
                transactions: true,
            },
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(histories.len(), pipes.len());
    let mut total = 0;
    for (history, pipe) in histories.iter().zip(pipes) {
        let pipe = *pipe;
        assert_eq!(history.pipe, pipe);
        let report = verify(history);
        let tl = timelines(pipe, &history.events);
        let summary = summarize(&tl);
        let refused = history.refused.as_deref().unwrap_or_default();
        let fences = refusals(refused);
        let unexplained = unexplained_fences(refused, &tl);
        let accepted = admin.pipe(pipe).await.unwrap().next_seq;
        total += accepted;
        let lost: Vec<u64> = tl
            .iter()
            .filter(|t| matches!(t.status, Status::Pending))
            .map(|t| t.seq)
            .collect();
        println!(
            "chaos: pipe {pipe}: {accepted} requests accepted, completed {} (failed answers {}), dead-lettered {}, takeovers {}, releases {}, latency p50 {:?} p99 {:?}",
            summary.completed, summary.failed, summary.dead, summary.takeovers, summary.releases, summary.latency.as_ref().map(|l| l.p50), summary.latency.as_ref().map(|l| l.p99)
        );
        println!(
            "chaos: pipe {pipe}: fenced completions {} (fenced calls {}, refused calls {}: {})",
            fences.fenced_completions,
            fences.fenced,
            fences.total,
            fences
                .by_call
                .iter()
                .map(|c| format!("{} {} x{}", c.function, c.abort, c.count))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(accepted > 0, "pipe {pipe} carried requests");
        assert_eq!(
            tl.len() as u64,
            accepted,
            "every accepted request has a history"
        );
        assert!(lost.is_empty(), "lost requests in {pipe}: {lost:?}");
        assert_eq!(
            summary.completed + summary.failed + summary.dead + summary.cancelled,
            accepted,
            "every request is completed (ok or failed) or visibly dead-lettered"
        );
        assert!(report.ok(), "verify {pipe}: {:?}", report.violations);
        assert!(
            unexplained.is_empty(),
            "fenced calls on attempts their sender never held: {unexplained:?}"
        );
    }
    total
}
