//! Regenerates `move/tests/vectors_tests.move` from `tests/vectors/*.json`.
//! Every vector is first run on the Rust twin; a vector that fails there is not generated.
//! `--check` only reports whether the file is up to date (exit 1 if stale).

use anyhow::{bail, Context, Result};
use dtp_tests::vectors::{self, move_gen, runner};

fn main() -> Result<()> {
    let check = std::env::args().any(|a| a == "--check");
    let all = vectors::load_all(&vectors::vectors_dir())?;
    let mut resolved = Vec::new();
    for v in all {
        let steps = runner::run(&v)?;
        resolved.push((v, steps));
    }
    let text = move_gen::generate(&resolved);
    let path = vectors::generated_move_path();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if check {
        if current != text {
            bail!(
                "{} is stale: run `cargo run -p dtp-tests --bin gen-move-vectors`",
                path.display()
            );
        }
        println!(
            "{} is up to date ({} vectors)",
            path.display(),
            resolved.len()
        );
        return Ok(());
    }
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    println!("wrote {} ({} vectors)", path.display(), resolved.len());
    Ok(())
}
