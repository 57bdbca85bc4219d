//! A real browser for the tests of dtp's pages: Debian's headless Chromium (`.ci/run` installs
//! the `chromium` package; `CHROMIUM` names another binary). [`dom`] is the document after the
//! page's scripts ran (`--dump-dom`), [`screenshot`] a PNG of it. Each call is a fresh browser
//! with its own throw-away profile, so nothing carries over between calls.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The Chromium binary: `$CHROMIUM`, else the first of the usual names on `PATH`.
pub fn binary() -> PathBuf {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "headless_shell",
    ] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "these tests render pages in headless Chromium: install it (`apt-get install chromium`, \
         as .ci/run does) or set CHROMIUM to its binary"
    );
}

/// Chromium, headless, in a sandbox-free throw-away profile, loading `url` and giving its scripts
/// `wait` (of virtual time: timers and network replies) before it is read.
fn chromium(profile: &Path, wait: Duration) -> Command {
    let mut c = Command::new(binary());
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--no-first-run",
        "--hide-scrollbars",
        "--mute-audio",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--timeout={}", wait.as_millis()));
    c
}

fn run(mut c: Command, what: &str) -> String {
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("running Chromium ({what}): {e}"));
    assert!(
        out.status.success(),
        "Chromium failed ({what}): {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The DOM of `url` once its scripts had `wait` to run.
pub fn dom(url: &str, wait: Duration) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut c = chromium(profile.path(), wait);
    c.arg("--dump-dom").arg(url);
    run(c, url)
}

/// A PNG of `url` (1280 x 900) once its scripts had `wait` to run, saved at `to`.
pub fn screenshot(url: &str, to: &Path, wait: Duration) {
    let profile = tempfile::tempdir().unwrap();
    let mut c = chromium(profile.path(), wait);
    c.arg(format!("--screenshot={}", to.display()))
        .arg("--window-size=1280,900")
        .arg(url);
    run(c, url);
    let png =
        std::fs::read(to).unwrap_or_else(|e| panic!("no screenshot at {}: {e}", to.display()));
    assert!(png.starts_with(b"\x89PNG"), "{} is not a PNG", to.display());
}

/// Where the tests leave their screenshots (kept after the run, under the target directory).
pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The `<tag ...>` opening tags of `html` that contain `needle` (a crude but sufficient reader of
/// the attributes the pages set for tests: `data-health="healthy"`, `class="takeover"`); the
/// contents of `<script>` and `<style>` elements are skipped.
pub fn tags_with<'a>(html: &'a str, needle: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.contains(needle) && tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(tag);
        }
        for raw in ["script", "style"] {
            if tag == raw || tag.starts_with(&format!("{raw} ")) {
                let close = format!("</{raw}>");
                rest = rest.find(&close).map_or("", |j| &rest[j + close.len()..]);
            }
        }
    }
    out
}
