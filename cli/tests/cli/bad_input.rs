//! Bad input gives a one-line error that says what was wrong and what to do.

use sui_sdk_types::Address;

use super::common::{actor, addr, localnet, Dtp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_named_in_one_line() {
    let net = localnet().await;
    let dtp = Dtp::new(&net);

    // Nothing configured yet.
    let err = dtp.fails(&["host", "show"]).await;
    assert!(
        err.contains("no Host given") && err.contains("dtp host create"),
        "{err}"
    );
    let err = dtp.fails(&["send", "x"]).await;
    assert!(err.contains("no Pipe given"), "{err}");
    let err = dtp.fails(&["faucet"]).await;
    assert!(
        err.contains("no key in") && err.contains("dtp keys new"),
        "{err}"
    );

    dtp.init_funded().await;
    let host = addr(
        &dtp.json(&["host", "create", "--healthy-threshold", "1"])
            .await["host"],
    );
    let pipe = addr(&dtp.json(&["pipe", "create"]).await["pipe"]);
    let (h, p) = (host.to_string(), pipe.to_string());

    // Unknown ids and objects of the wrong type.
    let nobody = Address::new([0x5a; 32]).to_string();
    let err = dtp.fails(&["host", "show", "--host", &nobody]).await;
    assert!(
        err.contains("does not exist") && err.contains(&nobody),
        "{err}"
    );
    let err = dtp.fails(&["host", "show", "--host", &p]).await;
    assert!(err.contains("::pipe::Pipe, not a dtp::host::Host"), "{err}");
    let err = dtp.fails(&["pipe", "show", "--pipe", &h]).await;
    assert!(
        err.contains("not a dtp::pipe::Pipe") && err.contains("pass the id of a Pipe"),
        "{err}"
    );
    let err = dtp.fails(&["replay", "--pipe", &nobody]).await;
    assert!(err.contains("does not exist"), "{err}");
    let err = dtp.fails(&["status", "--pipe", &h]).await;
    assert!(err.contains("not a dtp::pipe::Pipe"), "{err}");

    // Malformed addresses and keys.
    let err = dtp.fails(&["endpoint", "add", "0xnothex"]).await;
    assert!(
        err.contains("'0xnothex'") && err.contains("not a Sui address"),
        "{err}"
    );
    let err = dtp.fails(&["host", "show", "--host", "12"]).await;
    assert!(err.contains("not a Sui address"), "{err}");
    let err = dtp.fails(&["keys", "import", "suiprivkey1qqqq"]).await;
    assert!(
        err.contains("cannot import the key") && err.contains("suiprivkey"),
        "{err}"
    );
    let err = dtp.fails(&["keys", "import", "not base64!"]).await;
    assert!(err.contains("Base64"), "{err}");
    let err = dtp.fails(&["keys", "use", &nobody]).await;
    assert!(
        err.contains("has no key") && err.contains("dtp keys import"),
        "{err}"
    );
    let err = dtp.fails(&["--signer", &nobody, "faucet"]).await;
    assert!(err.contains("has no key"), "{err}");
    let err = dtp.fails(&["pipe", "policy", "fastest"]).await;
    assert!(
        err.contains("unknown policy `fastest`") && err.contains("round_robin"),
        "{err}"
    );

    // Unreachable node, a package that is not dtp, a malformed package id.
    let err = dtp
        .fails(&["--url", "http://127.0.0.1:1", "host", "show"])
        .await;
    assert!(
        err.contains("cannot reach the Sui node at http://127.0.0.1:1"),
        "{err}"
    );
    let err = dtp.fails(&["--package", "0x2", "host", "show"]).await;
    assert!(
        err.contains("not the dtp package") && err.contains("check the package id"),
        "{err}"
    );
    let err = dtp.fails(&["--package", "nothex", "host", "show"]).await;
    assert!(
        err.contains("package id `nothex` is not a Sui address"),
        "{err}"
    );
    let err = dtp
        .fails(&["--faucet-url", "http://127.0.0.1:1", "faucet"])
        .await;
    assert!(err.contains("faucet at http://127.0.0.1:1"), "{err}");

    // Out-of-range values and refused operations.
    let err = dtp.fails(&["host", "create", "--lease-ms", "0"]).await;
    assert!(
        err.contains("invalid host config: lease_ms must be between"),
        "{err}"
    );
    let err = dtp.fails(&["send", "nobody is healthy"]).await;
    assert!(err.contains("ENoHealthyEndpoint"), "{err}");
    let err = dtp.fails(&["endpoint", "update", &nobody]).await;
    assert!(err.contains("is not an endpoint of Host"), "{err}");
    let err = dtp.fails(&["replay", "--to", "999999999"]).await;
    assert!(err.contains("does not exist yet"), "{err}");
    let err = dtp.fails(&["replay", "--from", "5", "--to", "2"]).await;
    assert!(err.contains("the range is empty"), "{err}");

    // Someone without the HostCap.
    let other = actor(&dtp, 77).await;
    let key = dtp_sdk::Key::from_seed([77; 32]);
    dtp.ok(&["keys", "import", &key.to_suiprivkey()]).await;
    let who = other.address().unwrap().to_string();
    let err = dtp
        .fails(&["--signer", &who, "endpoint", "add", &who])
        .await;
    assert!(
        err.contains("holds no HostCap") && err.contains("only its admin"),
        "{err}"
    );

    // A broken config file.
    std::fs::write(dtp.config(), "url = [").unwrap();
    let err = dtp.fails(&["status"]).await;
    assert!(
        err.contains("is not valid") && err.contains("dtp init"),
        "{err}"
    );
    net.stop().await;
}
