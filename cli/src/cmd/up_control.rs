//! The control endpoint of a running `dtp up`: how `dtp scale` and `dtp rollout` reach it. An
//! HTTP listener on loopback (a free port), recorded with the process id in
//! `<data-dir>/control.json` while `dtp up` runs and removed when it stops.
//!
//! - `GET /fleet`: the servers (`[{"label", "address"}]`).
//! - `POST /scale {"replicas": N}`: [`Fleet::scale`]; the answer is the change.
//! - `POST /rollout {"max_unavailable": K}`: [`Fleet::rollout`].
//! - `GET /autoscale`: `{"enabled": false}`, or the rule and the latest decisions.
//!
//! One change at a time (the fleet is behind a lock); a request that cannot be done (below 1, past
//! the Host's endpoint limit) gets `400 {"error": ...}` and changes nothing.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tokio::sync::Mutex;

use super::up_autoscale::{Log, Rule};
use super::up_fleet::Fleet;

/// What the control endpoint serves.
#[derive(Clone)]
struct Shared {
    fleet: Arc<Mutex<Fleet>>,
    autoscale: Option<(Rule, Log)>,
}

/// What `control.json` holds.
#[derive(Debug, Serialize, Deserialize)]
pub struct ControlFile {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// The `dtp up` process.
    pub pid: u32,
}

/// The control file's path in a data directory.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("control.json")
}

/// A running control endpoint; dropping it removes `control.json` and stops serving.
pub struct Control {
    pub addr: SocketAddr,
    file: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Control {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_file(&self.file);
    }
}

#[derive(Deserialize)]
struct ScaleReq {
    replicas: usize,
}

#[derive(Deserialize)]
struct RolloutReq {
    #[serde(default = "one")]
    max_unavailable: usize,
}

fn one() -> usize {
    1
}

type Answer = (StatusCode, Json<Value>);

fn answer(r: Result<super::up_fleet::Change>) -> Answer {
    match r {
        Ok(c) => (StatusCode::OK, Json(json!(c))),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("{e:#}") })),
        ),
    }
}

async fn fleet(State(sh): State<Shared>) -> Json<Value> {
    let f = sh.fleet.lock().await;
    let servers: Vec<Value> = f
        .servers
        .values()
        .map(|s| json!({ "label": s.label(), "address": s.key.address() }))
        .collect();
    Json(json!({ "servers": servers }))
}

async fn scale(State(sh): State<Shared>, Json(r): Json<ScaleReq>) -> Answer {
    let mut f = sh.fleet.lock().await;
    let out = f.scale(r.replicas).await;
    if out.as_ref().is_ok_and(|c| c.before != c.after) {
        f.forget_recorded();
    }
    answer(out)
}

async fn rollout(State(sh): State<Shared>, Json(r): Json<RolloutReq>) -> Answer {
    answer(sh.fleet.lock().await.rollout(r.max_unavailable).await)
}

async fn autoscale(State(sh): State<Shared>) -> Json<Value> {
    let Some((rule, log)) = &sh.autoscale else {
        return Json(json!({ "enabled": false }));
    };
    let decisions = log.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Json(json!({
        "enabled": true,
        "min": rule.bounds.min,
        "max": rule.bounds.max,
        "target": rule.target,
        "window_secs": rule.window.as_secs(),
        "cooldown_secs": rule.cooldown.as_secs(),
        "decisions": decisions,
    }))
}

/// Serves the control endpoint of `fleet` (and of its autoscaler, if there is one) and records it
/// in `<data_dir>/control.json`.
pub async fn start(
    servers: Arc<Mutex<Fleet>>,
    scaler: Option<(Rule, Log)>,
    data_dir: &Path,
) -> Result<Control> {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .context("the control endpoint's listener")?;
    let addr = l.local_addr()?;
    let app = axum::Router::new()
        .route("/fleet", get(fleet))
        .route("/scale", post(scale))
        .route("/rollout", post(rollout))
        .route("/autoscale", get(autoscale))
        .with_state(Shared {
            fleet: servers,
            autoscale: scaler,
        });
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(l, app).await {
            tracing::error!(error = %e, "the control endpoint failed");
        }
    });
    let file = path(data_dir);
    let record = ControlFile {
        url: format!("http://{addr}"),
        pid: std::process::id(),
    };
    std::fs::write(&file, serde_json::to_string_pretty(&record)?)
        .with_context(|| format!("writing {}", file.display()))?;
    Ok(Control { addr, file, task })
}
