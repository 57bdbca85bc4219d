//! The human-readable output of `dtp replay`.

use std::collections::HashMap;

use dtp_sdk::replay::{PolicyCheck, Reason, Replay, Step, StepKind, Summary, Timeline};
use sui_sdk_types::Address;

use crate::output::{self, Table};

pub struct View<'a> {
    pub replay: &'a Replay,
    pub labels: &'a HashMap<Address, String>,
}

impl View<'_> {
    /// A server as `label (0x1234…abcd)`.
    fn name(&self, a: &Address) -> String {
        match self.labels.get(a).filter(|l| !l.is_empty()) {
            Some(l) => format!("{l} ({})", output::short(a)),
            None => output::short(a),
        }
    }

    /// More than one Pipe: the tables name the Pipe of each request.
    fn several(&self) -> bool {
        self.replay.pipes.len() > 1
    }

    pub fn header(&self) {
        let r = self.replay;
        let mut pairs = Vec::new();
        for p in &r.pipes {
            pairs.push(("pipe", p.pipe.to_string()));
        }
        let mut hosts: Vec<Address> = r.pipes.iter().map(|p| p.host).collect();
        hosts.sort_unstable();
        hosts.dedup();
        for h in hosts {
            pairs.push(("host", h.to_string()));
        }
        pairs.push((
            "range",
            format!("checkpoints {}..={} ({} events)", r.from, r.to, r.events),
        ));
        output::pairs(&pairs);
        say!();
    }

    pub fn timelines(&self, shown: &[&Timeline], steps: bool) {
        if shown.is_empty() {
            say!("no request matches\n");
            return;
        }
        let mut cols = vec![
            "SEQ", "STATUS", "ATTEMPT", "SERVER", "STEPS", "LATENCY", "FIRST", "LAST",
        ];
        if self.several() {
            cols.insert(0, "PIPE");
        }
        let mut t = Table::with_headers(&cols);
        for tl in shown {
            let seq = match tl.from_start {
                true => tl.seq.to_string(),
                false => format!("{}*", tl.seq),
            };
            let mut row = Vec::new();
            if self.several() {
                row.push(output::short(&tl.pipe));
            }
            row.extend([
                seq,
                tl.status.name().into(),
                tl.attempt.to_string(),
                tl.server.map(|s| self.name(&s)).unwrap_or_default(),
                tl.steps.len().to_string(),
                tl.latency_ms()
                    .map(|l| format!("{l} ms"))
                    .unwrap_or_else(|| "-".into()),
                tl.steps
                    .first()
                    .map(|s| output::clock(s.timestamp_ms))
                    .unwrap_or_default(),
                tl.steps
                    .last()
                    .map(|s| output::clock(s.timestamp_ms))
                    .unwrap_or_default(),
            ]);
            t.row(row);
        }
        t.print();
        if shown.iter().any(|t| !t.from_start) {
            say!("* seen from the middle: the range starts after it was sent");
        }
        say!();
        if steps {
            for tl in shown {
                match self.several() {
                    true => say!(
                        "request {} of pipe {} ({})",
                        tl.seq,
                        output::short(&tl.pipe),
                        tl.status.name()
                    ),
                    false => say!("request {} ({})", tl.seq, tl.status.name()),
                }
                self.steps(&tl.steps).print();
                say!();
            }
        }
    }

    fn steps(&self, steps: &[Step]) -> Table {
        let mut t = Table::new(["CHECKPOINT", "TIME", "EVENT", "ATTEMPT", "DETAIL"]);
        for s in steps {
            let (event, detail) = match &s.kind {
                StepKind::Assigned {
                    server, standby, ..
                } => (
                    "assigned",
                    format!(
                        "{}{}",
                        self.name(server),
                        if *standby { " (standby)" } else { "" }
                    ),
                ),
                StepKind::Claimed { server, .. } => ("claimed", self.name(server)),
                StepKind::Reassigned {
                    from, to, reason, ..
                } => (
                    "reassigned",
                    format!(
                        "{} -> {} ({})",
                        self.name(from),
                        self.name(to),
                        match reason {
                            Reason::Expired => "takeover: lease expired",
                            Reason::Released => "released",
                        }
                    ),
                ),
                StepKind::Completed {
                    server,
                    ok,
                    latency_ms,
                } => (
                    "completed",
                    format!(
                        "{} {} in {latency_ms} ms",
                        self.name(server),
                        if *ok { "ok" } else { "FAILED" }
                    ),
                ),
                StepKind::DeadLettered { server, reason } => (
                    "dead-lettered",
                    format!(
                        "at {} (after {})",
                        self.name(server),
                        match reason {
                            Reason::Expired => "a takeover",
                            Reason::Released => "a release",
                        }
                    ),
                ),
                StepKind::Cancelled { sender } => {
                    ("cancelled", format!("by {}", output::short(sender)))
                }
                StepKind::Redriven => ("redriven", String::new()),
                StepKind::Purged => ("purged", String::new()),
            };
            t.row(vec![
                s.checkpoint.to_string(),
                output::clock(s.timestamp_ms),
                event.into(),
                s.attempt.map(|a| a.to_string()).unwrap_or_default(),
                detail,
            ]);
        }
        t
    }

    /// Each Pipe's counts (with several), then the totals and the per-server table.
    pub fn summary(&self) {
        if self.several() {
            for p in &self.replay.pipes {
                say!("pipe {}: {}", output::short(&p.pipe), counts(&p.summary));
            }
        }
        let s = &self.replay.summary;
        let total = if self.several() { "total" } else { "summary" };
        say!("{total}: {}", counts(s));
        say!(
            "{:w$}{} takeovers, {} releases, {} dead letters, {} redrives",
            "",
            s.takeovers,
            s.releases,
            s.dead_letters,
            s.redrives,
            w = total.len() + 2
        );
        if let Some(l) = &s.latency {
            say!(
                "latency: p50 {} ms, p90 {} ms, p99 {} ms, max {} ms ({} completions)",
                l.p50,
                l.p90,
                l.p99,
                l.max,
                l.count
            );
        }
        if s.servers.is_empty() {
            say!();
            return;
        }
        say!();
        let mut t = Table::new([
            "SERVER",
            "ASSIGNED",
            "CLAIMED",
            "COMPLETED",
            "FAILED",
            "TAKEOVERS",
            "TAKEN_FROM",
            "RELEASED",
            "DEAD",
            "P50",
            "P99",
        ]);
        for x in &s.servers {
            let p = |f: fn(&dtp_sdk::replay::Latency) -> u64| {
                x.latency
                    .as_ref()
                    .map(|l| format!("{} ms", f(l)))
                    .unwrap_or_else(|| "-".into())
            };
            t.row(vec![
                self.name(&x.server),
                x.assigned.to_string(),
                x.claimed.to_string(),
                x.completed.to_string(),
                x.failed.to_string(),
                x.takeovers.to_string(),
                x.taken_from.to_string(),
                x.released.to_string(),
                x.dead_lettered.to_string(),
                p(|l| l.p50),
                p(|l| l.p99),
            ]);
        }
        t.print();
        say!();
    }

    /// The verification: each Pipe's (with several), then the total and every violation.
    pub fn report(&self) {
        let Some(total) = &self.replay.verify else {
            return;
        };
        if self.several() {
            for p in &self.replay.pipes {
                if let Some(r) = &p.verify {
                    let pipe = output::short(&p.pipe);
                    let n = r.violations.len();
                    say!(
                        "verify: pipe {pipe}: {}, {n} violation(s)",
                        policy(&r.policy)
                    );
                }
            }
        }
        match self.several() {
            true => say!("verify: in total: {}", policy(&total.policy)),
            false => say!("verify: {}", policy(&total.policy)),
        }
        if total.violations.is_empty() {
            let pipes = match self.replay.pipes.len() {
                1 => String::new(),
                n => format!(" on {n} pipes"),
            };
            say!("verify: no violation{pipes} (no double completion, no stale completion, no wrong assignment)");
        } else {
            say!("verify: {} violation(s):", total.violations.len());
            for v in &total.violations {
                match self.several() {
                    true => say!("  - pipe {}: {}", output::short(&v.pipe), v.violation),
                    false => say!("  - {}", v.violation),
                }
            }
        }
    }

    /// The calls the chain refused; fenced calls that the history does not explain are listed.
    pub fn refused(&self) {
        let Some(r) = &self.replay.refused else {
            return;
        };
        say!(
            "refused: {} calls, {} fenced ({} late completions refused)",
            r.total,
            r.fenced,
            r.fenced_completions
        );
        for c in &r.by_call {
            say!("  {:>6}  {} {}", c.count, c.function, c.abort);
        }
        for c in &self.replay.unexplained_fences {
            say!(
                "  note: {} of seq {} attempt {} by {} (tx {}) was fenced, but it never held that attempt",
                c.function,
                c.seq.map(|s| s.to_string()).unwrap_or_default(),
                c.attempt.map(|s| s.to_string()).unwrap_or_default(),
                self.name(&c.sender),
                c.digest
            );
        }
    }
}

/// `N requests: … completed, … pending`.
fn counts(s: &Summary) -> String {
    format!(
        "{} requests: {} completed, {} failed, {} dead, {} cancelled, {} purged, {} pending",
        s.requests, s.completed, s.failed, s.dead, s.cancelled, s.purged, s.pending
    )
}

/// What the assignment check did.
fn policy(p: &PolicyCheck) -> String {
    match p {
        PolicyCheck::Checked {
            transactions,
            calls,
            assignments,
        } => format!(
            "re-executed {calls} calls of {transactions} transactions; {assignments} assignments \
             compared with the policy"
        ),
        PolicyCheck::NotFromCreation { from, .. } => format!(
            "assignments NOT checked: the history starts at checkpoint {from}, after the Host's \
             creation (rerun with --from 0)"
        ),
        PolicyCheck::NoTransactions => "assignments not checked".into(),
    }
}
