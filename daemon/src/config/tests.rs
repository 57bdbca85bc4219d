//! The daemon configuration's parsing, defaults and validation.

use super::*;

const GOOD: &str = r#"
[chain]
url = "http://127.0.0.1:9000"
package = "0xd7d7"
key = "x"
host = "0x1"
pipes = ["0x2"]

[[backends]]
url = "http://127.0.0.1:8081"
"#;

fn parse(text: &str) -> Result<DaemonConfig, String> {
    let c: DaemonConfig = config::Config::builder()
        .add_source(config::File::from_str(text, config::FileFormat::Toml))
        .build()
        .and_then(|c| c.try_deserialize())
        .map_err(|e| e.to_string())?;
    c.validate().map_err(|e| e.to_string())?;
    Ok(c)
}

#[test]
fn an_admin_listener_off_loopback_needs_a_token() {
    let e = parse(&format!(
        "{GOOD}\n[daemon]\nadmin_listen = \"0.0.0.0:9184\"\n"
    ))
    .unwrap_err();
    assert!(
        e.contains("daemon.admin_listen") && e.contains("admin_token"),
        "{e}"
    );
    let e = parse(&format!(
        "{GOOD}\n[daemon]\nmetrics_listen = \"10.0.0.5:9185\"\n"
    ))
    .unwrap_err();
    assert!(e.contains("daemon.metrics_listen"), "{e}");
    let e = parse(&format!("{GOOD}\n[daemon]\nadmin_token = \"short\"\n")).unwrap_err();
    assert!(e.contains("daemon.admin_token") && e.contains("16"), "{e}");
    let ok = parse(&format!(
        "{GOOD}\n[daemon]\nadmin_listen = \"0.0.0.0:9184\"\nadmin_token = \"0123456789abcdef\"\n"
    ))
    .unwrap();
    assert_eq!(ok.daemon.admin_token.as_deref(), Some("0123456789abcdef"));
}

#[test]
fn a_minimal_config_gets_defaults() {
    let c = parse(GOOD).unwrap();
    assert_eq!(c.backends[0].weight, 1);
    assert_eq!(c.balance.policy, LocalPolicy::RoundRobin);
    assert_eq!(c.health.path, "/health");
    assert_eq!(c.daemon.max_concurrency, 64);
    assert_eq!(c.daemon.claim, ClaimMode::WhenNeeded);
    assert!(c.daemon.admin_listen.is_some());
    assert_eq!(c.chain.faucet, None);
    let f = GOOD.replace(
        "pipes = [\"0x2\"]",
        "pipes = [\"0x2\"]\nfaucet = \"http://127.0.0.1:9123/\"",
    );
    assert_eq!(
        parse(&f).unwrap().chain.faucet.as_deref(),
        Some("http://127.0.0.1:9123/")
    );
    let off = parse(&format!("{GOOD}\n[daemon]\nadmin_listen = \"\"\n")).unwrap();
    assert_eq!(off.daemon.admin_listen, None, "empty turns it off");
}

#[test]
fn invalid_values_name_their_field() {
    let cases = [
        (
            GOOD.replace("http://127.0.0.1:9000", "ftp://x"),
            "chain.url",
        ),
        (
            GOOD.replace("pipes = [\"0x2\"]", "pipes = []"),
            "chain.pipes",
        ),
        (
            GOOD.replace("url = \"http://127.0.0.1:8081\"", "url = \"nope\""),
            "backends[0].url",
        ),
        (format!("{GOOD}weight = 0\n"), "backends[0].weight"),
        (
            format!("{GOOD}\n[health]\npath = \"health\"\n"),
            "health.path",
        ),
        (format!("{GOOD}\n[balance]\ntries = 0\n"), "balance.tries"),
        (GOOD.replace("key = \"x\"\n", ""), "chain.key"),
        (
            GOOD.replace(
                "pipes = [\"0x2\"]",
                "pipes = [\"0x2\"]\nfaucet = \"127.0.0.1:9123\"",
            ),
            "chain.faucet",
        ),
        (
            format!("{GOOD}\n[daemon]\nclaim = \"sometimes\"\n"),
            "daemon.claim",
        ),
        (
            format!("{GOOD}\n[sweep]\nto = \"0x5\"\nabove_mist = 1000\n"),
            "sweep.above_mist",
        ),
        (
            format!("{GOOD}\n[sweep]\nto = \"0x5\"\ninterval_ms = 0\n"),
            "sweep.interval_ms",
        ),
        (format!("{GOOD}\n[sweep]\nto = \"nobody\"\n"), "sweep.to"),
        (
            format!("{GOOD}\n[daemon]\nbatch_linger_ms = 60000\n"),
            "daemon.batch_linger_ms",
        ),
    ];
    for (text, field) in cases {
        let e = parse(&text).unwrap_err();
        assert!(e.contains(field), "{field}: {e}");
    }
    let e = parse(&format!("{GOOD}\n[daemon]\nbogus = 1\n")).unwrap_err();
    assert!(e.contains("bogus"), "{e}");
    let e = parse(&GOOD.replace("0xd7d7", "not-an-address")).unwrap_err();
    assert!(
        e.contains("package") || e.contains("address") || e.contains("hex"),
        "{e}"
    );
}
