//! The conformance vectors on the Rust twin, and the generated Move tests kept in step with them.

use dtp_tests::vectors::{self, move_gen, runner};

#[test]
fn every_vector_passes_on_the_rust_twin() {
    let all = vectors::load_all(&vectors::vectors_dir()).expect("vectors load");
    assert!(all.len() >= 30, "at least 30 vectors, found {}", all.len());
    let mut failures = Vec::new();
    for v in &all {
        if let Err(e) = runner::run(v) {
            failures.push(format!("{e:#}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn vector_names_are_unique_move_identifiers() {
    let all = vectors::load_all(&vectors::vectors_dir()).unwrap();
    let mut names: Vec<&str> = all.iter().map(|v| v.name.as_str()).collect();
    for n in &names {
        assert!(
            n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{n}"
        );
    }
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate vector names");
}

#[test]
fn generated_move_tests_are_up_to_date() {
    let all = vectors::load_all(&vectors::vectors_dir()).unwrap();
    let resolved: Vec<_> = all
        .into_iter()
        .map(|v| {
            let steps = runner::run(&v).unwrap_or_else(|e| panic!("{e:#}"));
            (v, steps)
        })
        .collect();
    let want = move_gen::generate(&resolved).unwrap();
    let have = vectors::read_generated(&vectors::generated_move_dir()).unwrap();
    let names = |fs: &[move_gen::MoveFile]| fs.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&have),
        names(&want),
        "move/tests/vectors/ holds other files than the vectors give: run `cargo run -p dtp-tests --bin gen-move-vectors`"
    );
    for (h, w) in have.iter().zip(&want) {
        assert!(
            h.text == w.text,
            "move/tests/vectors/{} is stale: run `cargo run -p dtp-tests --bin gen-move-vectors`",
            h.name
        );
    }
}
