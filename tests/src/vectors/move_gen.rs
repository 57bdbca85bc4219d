//! Generates the Move tests of the conformance vectors, one file per vector in
//! `move/tests/vectors/` (`tests/vectors/<name>.json` -> `move/tests/vectors/<name>.move`, module
//! `dtp::<name>_vector`) plus the helpers they share (`vector_helpers.move`): one `#[test]` per
//! vector with every successful step and its checks, and one `#[expected_failure]` test per
//! aborting step that replays the steps before it. Object ids are the ones the twin derived,
//! which equal `test_scenario`'s, so the generated test also proves the id derivation.

use std::fmt::Write;

use dtp_protocol::schema::{Param, Value};
use dtp_protocol::{Address, MoveAbort};

use super::model::Vector;
pub use super::move_templates::HELPERS_FILE;
use super::move_templates::{GENERATED, HELPERS, USES};
use super::resolve::Field;
use super::runner::{ResolvedState, ResolvedStep};

/// One generated Move file: its name in `move/tests/vectors/` and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveFile {
    /// The file's name, `<vector>.move` or [`HELPERS_FILE`].
    pub name: String,
    /// Its Move source.
    pub text: String,
}

/// The module whose `#[error]` constant an abort of `function` is raised with in Move.
pub fn abort_module(function: &str, abort: MoveAbort) -> &'static str {
    match (function, abort) {
        (_, MoveAbort::InvalidConfig) if function == "create_host" || function == "set_config" => {
            "config"
        }
        (_, MoveAbort::NoHealthyEndpoint) if function != "takeover" => "selection",
        _ => dtp_protocol::schema::Function::find(function)
            .map(|f| f.module)
            .unwrap_or("pipe"),
    }
}

fn addr(a: &Address) -> String {
    format!("@{}", a)
}

fn bytes_lit(b: &[u8]) -> String {
    if b.len() > 64 && b.iter().all(|&x| x == b'x') {
        format!("bytes({})", b.len())
    } else {
        format!("x\"{}\"", hex::encode(b))
    }
}

fn value(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::U8(n) => format!("{n}u8"),
        Value::U32(n) => format!("{n}u32"),
        Value::U64(n) => format!("{n}u64"),
        Value::Address(a) => addr(a),
        Value::String(s) => format!("std::string::utf8({})", bytes_lit(s.as_bytes())),
        Value::Bytes(b) => bytes_lit(b),
    }
}

fn field(f: &Field) -> String {
    match f {
        Field::Id(a) => format!("id({})", addr(a)),
        Field::Pure(v) => value(v),
        Field::Config(c) => format!(
            "config::new({}, {}, {}, {}, {}, {})",
            c.heartbeat_timeout_ms,
            c.healthy_threshold,
            c.lease_ms,
            c.max_attempts,
            c.max_payload,
            c.max_pending
        ),
    }
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The body of one step: take objects, call, check, return objects. `code` numbers the asserts.
fn step_body(out: &mut String, s: &ResolvedStep, code: u64, ind: &str) {
    let f = s.function;
    let st = s.state.clone().unwrap_or_default();
    let _ = writeln!(out, "{ind}scenario.next_tx({});", addr(&s.sender));
    let _ = writeln!(out, "{ind}clock.set_for_testing({});", s.at);
    let host_mut = f.takes(Param::Host { mutable: true });
    let host_id = s.host.or(st.host);
    let pipe_id = s.pipe.or(st.pipe);
    if let Some(h) = host_id {
        let m = if host_mut { "mut " } else { "" };
        let _ = writeln!(
            out,
            "{ind}let {m}host = scenario.take_shared_by_id<Host>(id({}));",
            addr(&h)
        );
    }
    if let Some(p) = pipe_id {
        let _ = writeln!(
            out,
            "{ind}let mut pipe = scenario.take_shared_by_id<Pipe>(id({}));",
            addr(&p)
        );
    }
    if let Some((owner, c)) = s.cap {
        let _ = writeln!(
            out,
            "{ind}let cap = scenario.take_from_address_by_id<HostCap>({}, id({}));",
            addr(&owner),
            addr(&c)
        );
    }
    let mut pure = s.args.iter();
    let args: Vec<String> = f
        .params
        .iter()
        .map(|p| match p {
            Param::Host { mutable: true } => "&mut host".to_string(),
            Param::Host { mutable: false } => "&host".to_string(),
            Param::Pipe => "&mut pipe".to_string(),
            Param::Cap => "&cap".to_string(),
            Param::Clock => "clock".to_string(),
            Param::Pure(..) => value(pure.next().expect("arg count")),
        })
        .chain(needs_ctx(f.name).then(|| "scenario.ctx()".to_string()))
        .collect();
    let call = format!("dtp::{}::{}({})", f.module, f.name, args.join(", "));
    match s.returns {
        Some(r) => {
            let _ = writeln!(out, "{ind}let ret = {call};");
            let _ = writeln!(out, "{ind}assert!(ret == {r}, {code});");
        }
        None => {
            let _ = writeln!(out, "{ind}{call};");
        }
    }
    if s.abort.is_none() {
        events_check(out, s, code, ind);
        state_check(out, &st, s.at, code, ind);
    }
    if host_id.is_some() {
        let _ = writeln!(out, "{ind}ts::return_shared(host);");
    }
    if pipe_id.is_some() {
        let _ = writeln!(out, "{ind}ts::return_shared(pipe);");
    }
    if let Some((owner, _)) = s.cap {
        let _ = writeln!(out, "{ind}ts::return_to_address({}, cap);", addr(&owner));
    }
}

/// Every function takes `&mut TxContext` last except the pure admin ones that neither create,
/// emit-with-sender nor read the sender.
fn needs_ctx(name: &str) -> bool {
    !matches!(
        name,
        "add_endpoint"
            | "update_endpoint"
            | "set_state"
            | "remove_endpoint"
            | "set_config"
            | "set_policy"
            | "purge_dead"
    )
}

fn events_check(out: &mut String, s: &ResolvedStep, code: u64, ind: &str) {
    let Some(evs) = &s.events else { return };
    let _ = writeln!(
        out,
        "{ind}assert!(event::num_events() == {}, {code});",
        evs.len()
    );
    let mut names: Vec<&str> = evs.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    names.dedup();
    for n in names {
        let list: Vec<String> = evs
            .iter()
            .filter(|(m, _)| m == n)
            .map(|(_, fs)| {
                format!(
                    "events::new_{}({})",
                    snake(n),
                    fs.iter().map(field).collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{ind}assert!(event::events_by_type<events::{n}>() == vector[{}], {code});",
            list.join(", ")
        );
    }
}

fn state_check(out: &mut String, st: &ResolvedState, now: u64, code: u64, ind: &str) {
    let mut a = |cond: String| {
        let _ = writeln!(out, "{ind}assert!({cond}, {code});");
    };
    if let Some(n) = st.pending {
        a(format!("pipe::pending_len(&pipe) == {n}"));
    }
    if let Some(n) = st.dead {
        a(format!("pipe::dead_len(&pipe) == {n}"));
    }
    if let Some(n) = st.next_seq {
        a(format!("pipe::next_seq(&pipe) == {n}"));
    }
    if let Some(n) = st.endpoints {
        a(format!("host::endpoint_count(&host) == {n}"));
    }
    for (who, n) in &st.inflight {
        a(format!("pipe::inflight_of(&pipe, {}) == {n}", addr(who)));
    }
    for (who, h) in &st.healthy {
        a(format!(
            "endpoint::is_healthy(&host::endpoint(&host, {}), &host::config(&host), {now}) == {h}",
            addr(who)
        ));
    }
    if let Some(r) = &st.request {
        let q = format!("pipe::pending_request(&pipe, {})", r.seq);
        if let Some(v) = r.server {
            a(format!("request::server({q}) == {}", addr(&v)));
        }
        if let Some(v) = r.attempt {
            a(format!("request::attempt({q}) == {v}"));
        }
        if let Some(v) = r.tries {
            a(format!("request::tries({q}) == {v}"));
        }
        if let Some(v) = r.claimed {
            a(format!("request::claimed({q}) == {v}"));
        }
        if let Some(v) = r.deadline_ms {
            a(format!("request::deadline_ms({q}) == {v}"));
        }
    }
}

/// The whole generated Move file for `vectors` (each with its resolved steps).
/// Every file of `move/tests/vectors/`, sorted by name; a vector whose file would be the helpers'
/// is an error naming it.
pub fn generate(vectors: &[(Vector, Vec<ResolvedStep>)]) -> anyhow::Result<Vec<MoveFile>> {
    let mut files = vec![MoveFile {
        name: HELPERS_FILE.to_string(),
        text: format!("{GENERATED}{HELPERS}"),
    }];
    for (v, steps) in vectors {
        let name = format!("{}.move", v.name);
        if name == HELPERS_FILE {
            anyhow::bail!(
                "vector {:?}: the name is taken by the generated helpers",
                v.name
            );
        }
        files.push(MoveFile {
            name,
            text: vector_module(v, steps),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// The module of one vector: its steps as a function, the test that runs them all, and one test
/// per aborting step.
fn vector_module(v: &Vector, steps: &[ResolvedStep]) -> String {
    let name = &v.name;
    let mut out = String::from(GENERATED);
    let _ = writeln!(out, "// {}: {}", name, v.about.replace('\n', " "));
    let _ = writeln!(
        out,
        "#[test_only]\n#[allow(unused_variable, unused_let_mut, unused_mut_ref, unused_use)]\nmodule dtp::{name}_vector;\n\n{USES}"
    );
    let _ = writeln!(
        out,
        "fun run_{name}(scenario: &mut Scenario, clock: &mut Clock, upto: u64) {{"
    );
    for (i, s) in steps.iter().enumerate() {
        let _ = writeln!(out, "    if (upto > {i}) {{");
        if s.abort.is_some() {
            // An aborted transaction changes nothing; keep the transaction numbering.
            let _ = writeln!(out, "        scenario.next_tx({});", addr(&s.sender));
        } else {
            step_body(&mut out, s, 1000 + i as u64, "        ");
        }
        let _ = writeln!(out, "    }};");
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out, "\n#[test]\nfun {name}() {{");
    let _ = writeln!(out, "    let (mut scenario, mut clock) = start();");
    let _ = writeln!(
        out,
        "    run_{name}(&mut scenario, &mut clock, {});",
        steps.len()
    );
    let _ = writeln!(out, "    finish(scenario, clock);\n}}");
    for (i, s) in steps.iter().enumerate() {
        let Some(abort) = s.abort else { continue };
        let module = abort_module(s.function.name, abort);
        let _ = writeln!(
            out,
            "\n#[test, expected_failure(abort_code = dtp::{module}::{})]",
            abort.name()
        );
        let _ = writeln!(out, "fun {name}_step{i}_aborts() {{");
        let _ = writeln!(out, "    let (mut scenario, mut clock) = start();");
        let _ = writeln!(out, "    run_{name}(&mut scenario, &mut clock, {i});");
        let _ = writeln!(out, "    let clock = &mut clock;");
        let _ = writeln!(out, "    let scenario = &mut scenario;");
        step_body(&mut out, s, 2000 + i as u64, "    ");
        let _ = writeln!(out, "    abort 0xdead\n}}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_event_names() {
        assert_eq!(snake("DeadLettered"), "dead_lettered");
        assert_eq!(snake("HostCreated"), "host_created");
    }

    #[test]
    fn each_vector_is_a_module_of_its_own_beside_the_helpers() {
        let v: Vector = serde_json::from_str(
            r#"{"name": "two_hosts", "about": "a\nb", "steps": [
                {"at": 1, "by": "admin", "call": "create_host", "args": {"label": "h"}, "as": "h0"}
            ]}"#,
        )
        .unwrap();
        let steps = super::super::runner::run(&v).unwrap();
        let files = generate(&[(v.clone(), steps.clone())]).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["two_hosts.move", HELPERS_FILE], "sorted by name");
        let text = &files[0].text;
        assert!(text.starts_with(GENERATED), "{text}");
        assert!(text.contains("module dtp::two_hosts_vector;"), "{text}");
        assert!(
            text.contains("// two_hosts: a b\n"),
            "about on one line: {text}"
        );
        assert!(text.contains("use dtp::vector_helpers::{bytes, id, start, finish};"));
        assert!(text.contains("#[test]\nfun two_hosts() {"), "{text}");
        assert!(files[1].text.contains("module dtp::vector_helpers;"));
        let taken = Vector {
            name: "vector_helpers".into(),
            ..v
        };
        let e = generate(&[(taken, steps)]).unwrap_err().to_string();
        assert!(e.contains("vector_helpers") && e.contains("taken"), "{e}");
    }

    #[test]
    fn long_runs_of_x_use_the_helper() {
        assert_eq!(bytes_lit(&[b'x'; 100]), "bytes(100)");
        assert_eq!(bytes_lit(b"hi"), "x\"6869\"");
    }
}
