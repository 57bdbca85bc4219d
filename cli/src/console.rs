//! Lines for the person at the terminal, on stdout ([`say!`]) or stderr ([`note!`]).
//!
//! `println!` and `eprintln!` panic when their stream is closed. For a long-running command that
//! is fatal at the worst moment: `dtp up` whose terminal went away, or whose log reader died
//! (`dtp up 2>&1 | head`), would panic at its next line (an autoscale step, "stopping") and
//! leave its daemons and servers behind. A line nobody can read is dropped instead; the command
//! goes on, and a short command still exits with its own status.

/// Like `println!`, but a closed or failing stdout drops the line instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `eprintln!`, but a closed or failing stderr drops the line instead of panicking.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
