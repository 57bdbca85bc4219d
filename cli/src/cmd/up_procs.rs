//! Child processes of `dtp up`: started from this binary, watched for their "ready" line, stopped
//! with SIGTERM (daemons first, so they drain and release) and killed if they linger. Children are
//! killed when dropped, so no process outlives `dtp up`.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

pub struct Child {
    pub name: String,
    /// The ready line it printed.
    pub line: String,
    proc: tokio::process::Child,
}

impl Child {
    /// Starts `exe args…` and waits (up to 30 s) for a stdout line containing `ready`.
    pub async fn spawn(exe: &Path, args: &[&str], ready: &str, name: &str) -> Result<Child> {
        let mut proc = Command::new(exe)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        let mut lines = BufReader::new(proc.stdout.take().expect("piped")).lines();
        let wait = async {
            while let Some(l) = lines.next_line().await? {
                if l.contains(ready) {
                    return Ok::<_, std::io::Error>(Some(l));
                }
            }
            Ok(None)
        };
        let line = match tokio::time::timeout(Duration::from_secs(30), wait).await {
            Ok(Ok(Some(l))) => l,
            Ok(Ok(None)) => bail!("{name} exited before it was ready (see its log above)"),
            Ok(Err(e)) => bail!("{name}: {e}"),
            Err(_) => bail!("{name} was not ready within 30 s"),
        };
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Child {
            name: name.to_string(),
            line,
            proc,
        })
    }

    pub fn pid(&self) -> u32 {
        self.proc.id().unwrap_or(0)
    }

    fn terminate(&self) {
        #[cfg(unix)]
        if let Some(pid) = self.proc.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
    }
}

#[derive(Default)]
pub struct Children {
    list: Vec<Child>,
}

impl Children {
    pub fn push(&mut self, c: Child) {
        self.list.push(c);
    }

    pub fn list(&self) -> &[Child] {
        &self.list
    }

    /// SIGTERM to the daemons, then the rest, each group given `grace` before SIGKILL.
    pub async fn stop_all(mut self, grace: Duration) {
        let (daemons, others): (Vec<Child>, Vec<Child>) = self
            .list
            .drain(..)
            .partition(|c| c.name.starts_with("daemon"));
        for group in [daemons, others] {
            for c in &group {
                c.terminate();
            }
            for mut c in group {
                if tokio::time::timeout(grace, c.proc.wait()).await.is_err() {
                    let _ = c.proc.kill().await;
                }
            }
        }
    }
}
