//! `dtp publish`: the compiled-package JSON is checked before anything is sent, and a node that
//! cannot publish (the embedded localnet runs dtp natively) answers with a clear error.

use super::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_checks_its_input_and_reports_the_node_refusal() {
    let net = localnet().await;
    let dtp = Dtp::new(&net);
    dtp.init_funded().await;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"modules\": 3}").unwrap();
    let err = dtp.fails(&["publish", bad.to_str().unwrap()]).await;
    assert!(err.contains("sui move build"), "{err}");
    let err = dtp.fails(&["publish", "/nonexistent.json"]).await;
    assert!(err.contains("/nonexistent.json"), "{err}");
    let good = dir.path().join("dtp.json");
    std::fs::write(
        &good,
        r#"{"modules":["oRzrCwYAAAA="],"dependencies":["0x1","0x2"],"digest":[]}"#,
    )
    .unwrap();
    let err = dtp.fails(&["publish", good.to_str().unwrap()]).await;
    assert!(
        err.contains("only MoveCall"),
        "the localnet has dtp at genesis and refuses Publish: {err}"
    );
    net.stop().await;
}
