//! The Grafana dashboard cannot drift from the code: every `dtp_*` / `dtpd_*` metric its queries
//! name (docs/ops/grafana-dashboard.json) exists in the `/metrics` output of a running gateway or
//! daemon after a few requests, and every panel has a query.

use std::collections::BTreeSet;
use std::time::Duration;

use dtp_gateway::GatewayConfig;

use crate::common::*;

/// The metric names a PromQL expression uses (identifiers starting with `dtp_` or `dtpd_`).
fn metric_names(expr: &str) -> Vec<String> {
    expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|t| t.starts_with("dtp_") || t.starts_with("dtpd_"))
        .map(str::to_string)
        .collect()
}

/// True if `text` (Prometheus exposition) has a sample of `name`.
fn exposes(text: &str, name: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_metric_the_dashboard_queries_exists() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/ops/grafana-dashboard.json"
    );
    let dash: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .expect("the dashboard is JSON");
    let panels = dash["panels"].as_array().expect("panels");
    assert!(!panels.is_empty());
    let mut wanted = BTreeSet::new();
    for p in panels {
        let targets = p["targets"].as_array().unwrap();
        assert!(!targets.is_empty(), "panel {} has no query", p["title"]);
        for t in targets {
            let names = metric_names(t["expr"].as_str().unwrap());
            assert!(
                !names.is_empty(),
                "{}: a query without a dtp metric",
                p["title"]
            );
            wanted.extend(names);
        }
    }

    let d = one_server_with_metrics().await;
    let mut cfg = GatewayConfig::new("127.0.0.1:0".parse().unwrap(), d.host, d.pipe);
    cfg.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
    let gw = dtp_gateway::start(d.admin.clone(), cfg).await.unwrap();
    for i in 0..3 {
        let r = reqwest::get(format!("{}/api/x?i={i}", gw.url()))
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    // The gateway's gas balance is read at start; the daemon's every 10 heartbeats (the first at once).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let get = |addr: std::net::SocketAddr| async move {
        reqwest::get(format!("http://{addr}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let text = get(gw.metrics_addr.unwrap()).await + &get(d.daemon_metrics.unwrap()).await;
    let missing: Vec<_> = wanted.iter().filter(|m| !exposes(&text, m)).collect();
    assert!(
        missing.is_empty(),
        "the dashboard queries metrics nothing exposes: {missing:?}"
    );
    // A name that does not exist is caught (the check is not vacuous).
    assert!(!exposes(&text, "dtpd_no_such_metric_total"));
    gw.stop();
    d.net.stop().await;
}
