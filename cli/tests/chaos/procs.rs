//! Child processes of the chaos run (all `dtp` subcommands), restartable, killed on drop.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Proc {
    pub name: String,
    args: Vec<String>,
    ready: String,
    child: Option<Child>,
    pub stopped: bool,
}

impl Proc {
    pub fn new(name: &str, args: Vec<String>, ready: &str) -> Proc {
        Proc {
            name: name.into(),
            args,
            ready: ready.into(),
            child: None,
            stopped: false,
        }
    }

    /// Starts (or restarts) the process and waits for its ready line.
    pub fn start(&mut self) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dtp"))
            .args(&self.args)
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let mut line = String::new();
            let n = out.read_line(&mut line).unwrap_or(0);
            assert!(n > 0, "{} exited before it was ready", self.name);
            if line.contains(&self.ready) {
                break;
            }
            assert!(Instant::now() < deadline, "{} not ready in 60 s", self.name);
        }
        std::thread::spawn(move || for _ in out.lines() {});
        self.child = Some(child);
        self.stopped = false;
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().map(|c| c.id()).unwrap_or(0)
    }

    pub fn signal(&mut self, sig: &str) {
        let ok = Command::new("kill")
            .args([format!("-{sig}"), self.pid().to_string()])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "kill -{sig} {}", self.name);
        if sig == "STOP" {
            self.stopped = true;
        }
        if sig == "CONT" {
            self.stopped = false;
        }
    }

    /// SIGKILL and reap.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if self.stopped {
            let _ = Command::new("kill")
                .args(["-CONT", &self.pid().to_string()])
                .status();
        }
        self.kill();
    }
}

pub fn path(p: &std::path::Path) -> String {
    PathBuf::from(p).to_string_lossy().to_string()
}
