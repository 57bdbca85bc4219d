//! Conformance vectors: JSON scenarios of package calls with the expected aborts, return values,
//! events and state, run on the Rust twin ([`runner`]) and turned into Move tests ([`move_gen`]).
//!
//! A vector is a list of steps; each step is one transaction by one named actor at one clock time.
//! See `tests/vectors/README.md` for the format.

pub mod model;
pub mod move_gen;
pub mod resolve;
pub mod runner;

use std::path::{Path, PathBuf};

pub use model::{Expect, Step, Vector};

/// `tests/vectors` in the workspace.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// `move/tests/vectors_tests.move` in the workspace.
pub fn generated_move_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../move/tests/vectors_tests.move")
}

/// Loads every `*.json` vector of `dir`, sorted by file name.
pub fn load_all(dir: &Path) -> anyhow::Result<Vec<Vector>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p)?;
            let v: Vector =
                serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            Ok(v)
        })
        .collect()
}
