//! Conformance vectors: JSON scenarios of package calls with the expected aborts, return values,
//! events and state, run on the Rust twin ([`runner`]) and turned into Move tests ([`move_gen`]).
//!
//! A vector is a list of steps; each step is one transaction by one named actor at one clock time.
//! See `tests/vectors/README.md` for the format.

pub mod model;
pub mod move_gen;
mod move_templates;
pub mod resolve;
pub mod runner;

use std::path::{Path, PathBuf};

pub use model::{Expect, Step, Vector};

/// `tests/vectors` in the workspace.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// `move/tests/vectors/` in the workspace: the generated Move tests, nothing else.
pub fn generated_move_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../move/tests/vectors")
}

/// Every `*.move` file of `dir` (the generated tests as they are on disk), by name; none when
/// `dir` does not exist.
pub fn read_generated(dir: &Path) -> anyhow::Result<Vec<move_gen::MoveFile>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for e in entries {
        let path = e?.path();
        if path.extension().is_some_and(|x| x == "move") {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            files.push(move_gen::MoveFile { name, text });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
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
