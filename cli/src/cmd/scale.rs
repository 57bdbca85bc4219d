//! `dtp scale N` and `dtp rollout`: changes to the servers of a running `dtp up`, through its
//! control endpoint (`<data-dir>/control.json`, see `up_control`). Each prints what changed and
//! fails, changing nothing, when the change cannot be made (below 1, past the Host's endpoint
//! limit) or no `dtp up` runs on that data directory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use serde_json::{json, Value};

use super::up_control::{self, ControlFile};

/// Change the number of servers of a running `dtp up`. Scaling up registers new servers
/// (`server-<n>`) and starts their backends and daemons; they take traffic once healthy. Scaling
/// down drains the highest-numbered servers on chain, waits until they hold no request (at most
/// two leases; then their daemons release what is left to peers), unregisters and stops them. No
/// request fails or is lost on the way.
#[derive(ClapArgs, Debug)]
pub struct ScaleArgs {
    /// The number of servers wanted (at least 1).
    #[arg(value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub replicas: u16,
    /// The data directory of the `dtp up` to change.
    #[arg(long, default_value = ".dtp-data/up")]
    pub data_dir: PathBuf,
}

/// Restart every server of a running `dtp up` one at a time (for a new binary or config): drain,
/// wait until it holds nothing, stop, start, wait until healthy, and on to the next. No request
/// fails or is lost on the way.
#[derive(ClapArgs, Debug)]
pub struct RolloutArgs {
    /// Servers restarted at once (fewer than there are).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub max_unavailable: u16,
    /// The data directory of the `dtp up` to restart.
    #[arg(long, default_value = ".dtp-data/up")]
    pub data_dir: PathBuf,
}

/// The control endpoint of the `dtp up` running on `data_dir`.
fn control(data_dir: &Path) -> Result<ControlFile> {
    let path = up_control::path(data_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "no dtp up is running on {} (no {}): start one with `dtp up --data-dir {}`",
            data_dir.display(),
            path.display(),
            data_dir.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    serde_json::from_str(&text).with_context(|| format!("{} is corrupt", path.display()))
}

async fn post(data_dir: &Path, what: &str, body: Value) -> Result<Value> {
    let c = control(data_dir)?;
    // A change waits for servers to drain and start: minutes, not the usual seconds.
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(600))
        .build()?;
    let r = http
        .post(format!("{}/{what}", c.url))
        .json(&body)
        .send()
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "the dtp up of {} (pid {}) does not answer at {}: is it still running? ({e})",
                data_dir.display(),
                c.pid,
                c.url
            )
        })?;
    let ok = r.status().is_success();
    let v: Value = r.json().await.context("the control endpoint's answer")?;
    if !ok {
        bail!("{}", v["error"].as_str().unwrap_or("refused"));
    }
    Ok(v)
}

fn print(v: &Value, json: bool) {
    if json {
        crate::output::json(v);
        return;
    }
    let list = |k: &str| {
        v[k].as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    say!("servers    {} -> {}", v["before"], v["after"]);
    if !list("added").is_empty() {
        say!("started    {}", list("added"));
    }
    if !list("removed").is_empty() {
        say!("stopped    {}", list("removed"));
    }
}

pub async fn scale(a: ScaleArgs, json: bool) -> Result<()> {
    let v = post(&a.data_dir, "scale", json!({ "replicas": a.replicas })).await?;
    print(&v, json);
    Ok(())
}

pub async fn rollout(a: RolloutArgs, json: bool) -> Result<()> {
    let v = post(
        &a.data_dir,
        "rollout",
        json!({ "max_unavailable": a.max_unavailable }),
    )
    .await?;
    print(&v, json);
    Ok(())
}
