//! Child processes of the tests (`dtpd`, `dtp-sample`): spawned with a bounded wait for their start
//! line, their stderr kept (for assertions on logs) and echoed through the test's captured output,
//! signalled, waited for, and killed (SIGKILL) when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a process may take to print its start line.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A child process killed (SIGKILL) when dropped.
pub struct Proc {
    pub child: Child,
    pub name: String,
    /// The start line (the first stdout line containing the marker).
    pub line: String,
    log: Arc<Mutex<String>>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proc {
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Sends a signal by name (`KILL`, `TERM`, `STOP`, `CONT`).
    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([format!("-{sig}"), self.pid().to_string()])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill -{sig} {}", self.pid());
    }

    /// Everything the process wrote to stderr so far (its logs, without colours).
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits for the process to exit, at most `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let end = Instant::now() + timeout;
        loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                return s;
            }
            assert!(
                Instant::now() < end,
                "{} did not exit within {timeout:?}; its log:\n{}",
                self.name,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the log contains `needle`, at most `timeout`.
    pub async fn wait_log(&self, needle: &str, timeout: Duration) {
        let end = Instant::now() + timeout;
        while !self.log().contains(needle) {
            assert!(
                Instant::now() < end,
                "{} never logged {needle:?}; its log:\n{}",
                self.name,
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Spawns `cmd` and waits (at most [`START_TIMEOUT`]) for the first stdout line containing `marker`.
pub fn spawn(mut cmd: Command, name: &str, marker: &str) -> Proc {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1");
    let mut child = cmd.spawn().expect("spawn");
    let log = Arc::new(Mutex::new(String::new()));
    let err = BufReader::new(child.stderr.take().unwrap());
    let (l, n) = (log.clone(), name.to_string());
    // Threads spawned from the test thread inherit its output capture: the logs show on failure.
    std::thread::spawn(move || {
        for line in err.lines().map_while(Result::ok) {
            eprintln!("[{n}] {line}");
            let mut l = l.lock().unwrap();
            l.push_str(&line);
            l.push('\n');
        }
    });
    let out = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    // Keeps draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut p = Proc {
        child,
        name: name.to_string(),
        line: String::new(),
        log,
    };
    let end = Instant::now() + START_TIMEOUT;
    loop {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.contains(marker) => {
                p.line = line.trim().to_string();
                return p;
            }
            Ok(_) => {}
            Err(e) => {
                std::thread::sleep(Duration::from_millis(100));
                panic!(
                    "{name} did not print {marker:?} ({e:?}); exit: {:?}; its log:\n{}",
                    p.child.try_wait(),
                    p.log()
                );
            }
        }
    }
}

/// A `dtp-sample` backend: its process and base URL.
pub fn sample(name: &str, delay_ms: u64) -> (Proc, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dtp-sample"));
    cmd.args(["--name", name, "--delay-ms", &delay_ms.to_string()]);
    let p = spawn(cmd, name, "listening on");
    let url = p.line.trim_start_matches("listening on ").to_string();
    (p, url)
}

/// Runs `cmd` to its end (at most `timeout`); returns its status, stdout and stderr.
pub fn run_to_exit(mut cmd: Command, timeout: Duration) -> (ExitStatus, String, String) {
    use std::io::Read;
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1");
    let mut child = cmd.spawn().expect("spawn");
    let end = Instant::now() + timeout;
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            panic!("{cmd:?} did not exit within {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (mut out, mut err) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status, out, err)
}
