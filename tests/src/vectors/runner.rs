//! Runs a vector on the Rust twin, checks every expectation, and returns the resolved steps (ids,
//! values, expected events) that the Move generator turns into the same test.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context, Result};
use dtp_protocol::dispatch::{self, CallError, CallObjects, CallOutput};
use dtp_protocol::schema::{Function, Param, Value};
use dtp_protocol::{Address, Event, Host, HostCap, MoveAbort, ObjectId, PipeState, TxContext};

use super::model::{StateCheck, Step, Vector};
use super::resolve::{self, actor, Field};

/// A step with every name resolved, as both implementations must run it.
#[derive(Debug, Clone)]
pub struct ResolvedStep {
    /// Scenario transaction number (step index + 1; transaction 0 creates the clock).
    pub txn: u64,
    pub at: u64,
    pub sender: Address,
    pub function: &'static Function,
    pub host: Option<ObjectId>,
    pub pipe: Option<ObjectId>,
    /// The HostCap used: (owner, id).
    pub cap: Option<(Address, ObjectId)>,
    pub args: Vec<Value>,
    pub abort: Option<MoveAbort>,
    pub returns: Option<u64>,
    /// Expected events: (struct name, fields in order).
    pub events: Option<Vec<(String, Vec<Field>)>>,
    pub state: Option<ResolvedState>,
}

#[derive(Debug, Clone, Default)]
pub struct ResolvedState {
    /// The objects the checks read.
    pub host: Option<ObjectId>,
    pub pipe: Option<ObjectId>,
    pub pending: Option<u64>,
    pub dead: Option<u64>,
    pub inflight: Vec<(Address, u32)>,
    pub request: Option<ResolvedRequest>,
    pub healthy: Vec<(Address, bool)>,
    pub endpoints: Option<u64>,
    pub next_seq: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct ResolvedRequest {
    pub seq: u64,
    pub server: Option<Address>,
    pub attempt: Option<u32>,
    pub tries: Option<u32>,
    pub claimed: Option<bool>,
    pub deadline_ms: Option<u64>,
}

#[derive(Default)]
struct World {
    hosts: BTreeMap<String, Host>,
    caps: BTreeMap<String, (Address, HostCap)>,
    pipes: BTreeMap<String, PipeState>,
    host_order: Vec<String>,
    pipe_order: Vec<String>,
    ids: BTreeMap<String, ObjectId>,
}

impl World {
    fn pick(&self, step: &Step, key: &str, order: &[String]) -> Result<String> {
        match step.args.get(key) {
            Some(j) => j
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| anyhow!("`{key}` must name an object")),
            None => order
                .first()
                .cloned()
                .ok_or_else(|| anyhow!("no {key} created yet")),
        }
    }
}

/// Runs `v` on the twin; `Err` names the first step that did not behave as expected.
pub fn run(v: &Vector) -> Result<Vec<ResolvedStep>> {
    let mut w = World::default();
    let mut now = 0u64;
    let mut out = Vec::new();
    for (i, step) in v.steps.iter().enumerate() {
        let r = run_step(&mut w, &mut now, i, step).with_context(|| {
            format!(
                "vector `{}` step {} ({} by {})",
                v.name, i, step.call, step.by
            )
        })?;
        out.push(r);
    }
    Ok(out)
}

fn run_step(w: &mut World, now: &mut u64, i: usize, step: &Step) -> Result<ResolvedStep> {
    if let Some(at) = step.at {
        if at < *now {
            bail!("clock goes back from {now} to {at}");
        }
        *now = at;
    }
    let f = Function::find(&step.call).ok_or_else(|| anyhow!("unknown function {}", step.call))?;
    let sender = actor(&step.by)?;
    let args = resolve::pure_args(f, &step.args)?;
    let host_name = f
        .takes_host()
        .then(|| w.pick(step, "host", &w.host_order))
        .transpose()?;
    let pipe_name = f
        .takes(Param::Pipe)
        .then(|| w.pick(step, "pipe", &w.pipe_order))
        .transpose()?;
    let cap_name = if f.takes(Param::Cap) {
        Some(match step.args.get("cap") {
            Some(j) => j
                .as_str()
                .ok_or_else(|| anyhow!("`cap` must name a host"))?
                .to_string(),
            None => host_name
                .clone()
                .ok_or_else(|| anyhow!("no host for the cap"))?,
        })
    } else {
        None
    };
    let host_id = host_name
        .as_ref()
        .map(|n| {
            w.ids
                .get(n)
                .copied()
                .ok_or_else(|| anyhow!("unknown host {n}"))
        })
        .transpose()?;
    let pipe_id = pipe_name
        .as_ref()
        .map(|n| {
            w.ids
                .get(n)
                .copied()
                .ok_or_else(|| anyhow!("unknown pipe {n}"))
        })
        .transpose()?;
    let cap = cap_name
        .as_ref()
        .map(|n| {
            w.caps
                .get(n)
                .cloned()
                .ok_or_else(|| anyhow!("no cap of host {n}"))
        })
        .transpose()?;

    let expected_abort = step
        .expect
        .abort
        .as_deref()
        .map(|n| MoveAbort::from_name(n).ok_or_else(|| anyhow!("unknown abort {n}")))
        .transpose()?;

    let mut ctx = TxContext::test_scenario(sender, i as u64 + 1);
    let mut host = host_name.as_ref().map(|n| w.hosts[n].clone());
    let mut pipe = pipe_name.as_ref().map(|n| w.pipes[n].clone());
    let objs = CallObjects {
        host: host.as_mut(),
        pipe: pipe.as_mut(),
        cap: cap.as_ref().map(|(_, c)| c),
    };
    let result = dispatch::call(f, objs, &args, *now, &mut ctx);
    let mut returns = None;
    match (result, expected_abort) {
        (Err(CallError::Abort(got)), Some(want)) if got == want => {
            if !ctx.events().is_empty() {
                bail!("aborted call left events behind");
            }
            // The objects were cloned; an abort must not have changed the clones either.
            if host.as_ref() != host_name.as_ref().map(|n| &w.hosts[n])
                || pipe.as_ref() != pipe_name.as_ref().map(|n| &w.pipes[n])
            {
                bail!("{} changed objects before aborting", want.name());
            }
        }
        (Err(CallError::Abort(got)), want) => bail!(
            "aborted with {} but expected {:?}",
            got.name(),
            want.map(|w| w.name())
        ),
        (Err(e), _) => bail!("bad call: {e}"),
        (Ok(_), Some(want)) => bail!("succeeded but expected abort {}", want.name()),
        (Ok(output), None) => {
            match output {
                CallOutput::HostCreated(h, c) => {
                    let name = step
                        .name
                        .clone()
                        .ok_or_else(|| anyhow!("create_host needs `as`"))?;
                    w.ids.insert(name.clone(), h.id);
                    w.hosts.insert(name.clone(), h);
                    w.caps.insert(name.clone(), (sender, c));
                    w.host_order.push(name);
                }
                CallOutput::PipeCreated(p) => {
                    let name = step
                        .name
                        .clone()
                        .ok_or_else(|| anyhow!("create_pipe needs `as`"))?;
                    w.ids.insert(name.clone(), p.id());
                    w.pipes.insert(name.clone(), p);
                    w.pipe_order.push(name);
                }
                CallOutput::Seq(s) => returns = Some(s),
                CallOutput::Unit => {}
            }
            if let (Some(n), Some(h)) = (&host_name, host) {
                w.hosts.insert(n.clone(), h);
            }
            if let (Some(n), Some(p)) = (&pipe_name, pipe) {
                w.pipes.insert(n.clone(), p);
            }
        }
    }
    if step.expect.returns.is_some() && step.expect.returns != returns {
        bail!("returned {returns:?}, expected {:?}", step.expect.returns);
    }

    // For create steps the new object is the step's host / pipe in event defaults.
    let ev_host = host_id.or_else(|| {
        (f.name == "create_host")
            .then(|| step.name.as_ref().and_then(|n| w.ids.get(n).copied()))
            .flatten()
    });
    let ev_pipe = pipe_id.or_else(|| {
        (f.name == "create_pipe")
            .then(|| step.name.as_ref().and_then(|n| w.ids.get(n).copied()))
            .flatten()
    });
    let events = match &step.expect.events {
        None => None,
        Some(list) => {
            let mut want = Vec::new();
            for e in list {
                let (name, fields) = e
                    .iter()
                    .next()
                    .filter(|_| e.len() == 1)
                    .ok_or_else(|| anyhow!("an event is {{\"Name\": {{fields}}}}"))?;
                let fields = resolve::event(name, fields, &w.ids, ev_host, ev_pipe)?;
                want.push((name.clone(), fields));
            }
            let got = ctx.events();
            let want_events: Vec<Event> = want
                .iter()
                .map(|(n, f)| {
                    Event::from_bcs(n, &resolve::fields_bcs(f)).map(|e| e.expect("known event"))
                })
                .collect::<Result<_, _>>()
                .context("expected event does not match the Rust layout")?;
            if got != want_events.as_slice() {
                bail!("events differ\n  got:  {got:?}\n  want: {want_events:?}");
            }
            Some(want)
        }
    };
    let state = match &step.expect.state {
        None => None,
        Some(s) => {
            let h = host_name
                .as_ref()
                .or(w.host_order.first())
                .map(|n| &w.hosts[n]);
            let p = pipe_name
                .as_ref()
                .or(w.pipe_order.first())
                .map(|n| &w.pipes[n]);
            Some(check_state(s, h, p, *now)?)
        }
    };
    Ok(ResolvedStep {
        txn: i as u64 + 1,
        at: *now,
        sender,
        function: f,
        host: host_id,
        pipe: pipe_id,
        cap: cap.map(|(owner, c)| (owner, c.id)),
        args,
        abort: expected_abort,
        returns: step.expect.returns,
        events,
        state,
    })
}

fn check_state(
    s: &StateCheck,
    host: Option<&Host>,
    pipe: Option<&PipeState>,
    now: u64,
) -> Result<ResolvedState> {
    let mut r = ResolvedState {
        pending: s.pending,
        dead: s.dead,
        endpoints: s.endpoints,
        next_seq: s.next_seq,
        ..Default::default()
    };
    let need_pipe = || pipe.ok_or_else(|| anyhow!("state check needs a pipe"));
    let need_host = || host.ok_or_else(|| anyhow!("state check needs a host"));
    let pipe_needed = s.pending.is_some()
        || s.dead.is_some()
        || s.next_seq.is_some()
        || s.inflight.is_some()
        || s.request.is_some();
    let host_needed = s.endpoints.is_some() || s.healthy.is_some();
    r.pipe = if pipe_needed {
        Some(need_pipe()?.id())
    } else {
        None
    };
    r.host = if host_needed {
        Some(need_host()?.id)
    } else {
        None
    };
    let eq = |what: &str, got: u64, want: Option<u64>| match want {
        Some(w) if w != got => Err(anyhow!("{what} is {got}, expected {w}")),
        _ => Ok(()),
    };
    if s.pending.is_some() || s.dead.is_some() || s.next_seq.is_some() {
        let p = need_pipe()?;
        eq("pending", p.pending.len() as u64, s.pending)?;
        eq("dead", p.dead.len() as u64, s.dead)?;
        eq("next_seq", p.pipe.next_seq, s.next_seq)?;
    }
    if let Some(n) = s.endpoints {
        eq("endpoints", need_host()?.endpoints.len() as u64, Some(n))?;
    }
    for (name, want) in s.inflight.iter().flatten() {
        let a = actor(name)?;
        eq(
            &format!("inflight of {name}"),
            need_pipe()?.inflight_of(&a) as u64,
            Some(*want as u64),
        )?;
        r.inflight.push((a, *want));
    }
    for (name, want) in s.healthy.iter().flatten() {
        let a = actor(name)?;
        let h = need_host()?;
        let got = h
            .endpoint(&a)
            .ok_or_else(|| anyhow!("{name} is not an endpoint"))?
            .is_healthy(&h.config, now);
        if got != *want {
            bail!("{name} healthy is {got}, expected {want}");
        }
        r.healthy.push((a, *want));
    }
    if let Some(q) = &s.request {
        let req = need_pipe()?
            .pending
            .get(&q.seq)
            .ok_or_else(|| anyhow!("request {} is not pending", q.seq))?;
        let server = q.server.as_deref().map(actor).transpose()?;
        if server.is_some_and(|s| s != req.server) {
            bail!(
                "request {} is on {}, expected {:?}",
                q.seq,
                req.server,
                q.server
            );
        }
        eq("attempt", req.attempt as u64, q.attempt.map(u64::from))?;
        eq("tries", req.tries as u64, q.tries.map(u64::from))?;
        eq("deadline_ms", req.deadline_ms, q.deadline_ms)?;
        if q.claimed.is_some_and(|c| c != req.claimed) {
            bail!("request {} claimed is {}", q.seq, req.claimed);
        }
        r.request = Some(ResolvedRequest {
            seq: q.seq,
            server,
            attempt: q.attempt,
            tries: q.tries,
            claimed: q.claimed,
            deadline_ms: q.deadline_ms,
        });
    }
    Ok(r)
}
