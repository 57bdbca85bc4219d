//! `localnet/sui-localnet.sh` without a `sui` binary: a clear message and exit 2, for every
//! subcommand that needs it; usage on a bad subcommand.

use std::process::Command;

fn script() -> Command {
    let mut c = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sui-localnet.sh"));
    // A PATH with the basic tools but no `sui`.
    c.env("PATH", "/usr/bin:/bin").env(
        "DTP_SUI_STATE",
        std::env::temp_dir().join("dtp-sui-script-test"),
    );
    c
}

#[test]
fn missing_sui_exits_2_with_a_message() {
    if Command::new("sh")
        .args(["-c", "PATH=/usr/bin:/bin command -v sui"])
        .output()
        .unwrap()
        .status
        .success()
    {
        eprintln!("a sui binary is installed in /usr/bin: this test needs a machine without one");
        return;
    }
    for cmd in ["up", "publish"] {
        let out = script().arg(cmd).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("'sui' CLI is not on PATH"), "{cmd}: {err}");
    }
    let out = script().arg("nonsense").output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stdout).contains("sui-localnet.sh up"));
}
