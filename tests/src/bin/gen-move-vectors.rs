//! Regenerates the Move tests of the conformance vectors (`move/tests/vectors/`, one file per
//! `tests/vectors/*.json`, plus their helpers) and removes generated files whose vector is gone.
//! Every vector is first run on the Rust twin; a vector that fails there is not generated.
//! `--check` only reports whether the directory is up to date (exit 1 if stale).

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
    let want = move_gen::generate(&resolved)?;
    let dir = vectors::generated_move_dir();
    let have = vectors::read_generated(&dir)?;
    if check {
        if have != want {
            bail!(
                "{} is stale: run `cargo run -p dtp-tests --bin gen-move-vectors`",
                dir.display()
            );
        }
        println!(
            "{} is up to date ({} vectors)",
            dir.display(),
            resolved.len()
        );
        return Ok(());
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for old in &have {
        if !want.iter().any(|f| f.name == old.name) {
            let path = dir.join(&old.name);
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    for f in &want {
        let path = dir.join(&f.name);
        std::fs::write(&path, &f.text).with_context(|| format!("writing {}", path.display()))?;
    }
    println!(
        "wrote {} files to {} ({} vectors)",
        want.len(),
        dir.display(),
        resolved.len()
    );
    Ok(())
}
