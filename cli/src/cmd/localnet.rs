//! `dtp localnet`: the embedded localnet in the foreground (the same flags as `dtp-localnet`;
//! the code is `dtp_localnet::foreground`).

pub use dtp_localnet::foreground::{run, LocalnetArgs as Args};
