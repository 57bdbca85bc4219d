//! The live dashboard: one page that shows a Host as it is now. Its servers (health by the Host's
//! own rule, role, state, load, requests in flight, requests/s and errors), its Pipes (pending,
//! dead, sent), a feed of the latest assignments, takeovers, releases, dead letters and fenced
//! calls, and latency percentiles.
//!
//! The page (`GET /dashboard`) and its script are embedded in the binary: it works without the
//! internet. The page comes with the current snapshot in it (JSON, [`board::Snapshot`]; a first
//! view waits up to 3 s for the first read of the chain), so it shows the Host at once, before
//! any script fetch; then it listens to `GET /dashboard/events`, a server-sent event stream
//! pushing the snapshot every second. `GET /dashboard/state` is the snapshot alone.
//! Every viewer reads the one [`Board`], which one loop ([`feed`]) fills from the chain while
//! someone watches. The gateway serves it on its metrics listener; `dtp dashboard --host` serves
//! it for any Host on any network.

pub mod board;
pub mod feed;

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::State;
use axum::http::header;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use dtp_sdk::service::now_ms;
use dtp_sdk::Client;
use futures::Stream;
use sui_sdk_types::Address;

pub use board::{Board, Snapshot};

/// The page.
const PAGE: &str = include_str!("../../assets/dashboard.html");
/// Its script.
const SCRIPT: &str = include_str!("../../assets/dashboard.js");

/// Between two snapshots pushed to a viewer.
const PUSH_EVERY: Duration = Duration::from_secs(1);
/// A dashboard nobody asked for this long stops reading the chain.
const WATCHED_FOR_MS: u64 = 30_000;

/// How recent the last read must be for a page to be served without waiting for a new one.
const FRESH_MS: u64 = 1_500;
/// The longest a page waits for a fresh read.
const FRESH_WAIT: Duration = Duration::from_secs(3);

/// One dashboard: its board, when it was last viewed, and when the chain was last read.
#[derive(Debug)]
pub struct Dashboard {
    board: Mutex<Board>,
    viewed_ms: AtomicU64,
    /// When the feed last read the Host (ms), sent to pages waiting for a fresh read.
    read_ms: tokio::sync::watch::Sender<u64>,
}

impl Dashboard {
    /// A dashboard of `host` on the chain at `chain` (its URL, shown on the page).
    pub fn new(host: Address, chain: impl Into<String>) -> Arc<Dashboard> {
        Arc::new(Dashboard {
            board: Mutex::new(Board::new(host, chain)),
            viewed_ms: AtomicU64::new(0),
            read_ms: tokio::sync::watch::Sender::new(0),
        })
    }

    /// The board (never held across an await).
    pub fn lock(&self) -> MutexGuard<'_, Board> {
        self.board.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Someone looks now.
    pub fn touch(&self) {
        self.viewed_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// Someone looked within the last 30 s.
    pub fn watched(&self) -> bool {
        now_ms() < self.viewed_ms.load(Ordering::Relaxed) + WATCHED_FOR_MS
    }

    /// The feed read the Host (and Pipes) just now, or found it could not.
    pub fn mark_read(&self) {
        self.read_ms.send_replace(now_ms());
    }

    /// Waits (at most [`FRESH_WAIT`]) until the board was read within the last [`FRESH_MS`].
    pub async fn fresh(&self) {
        let mut rx = self.read_ms.subscribe();
        let _ = tokio::time::timeout(FRESH_WAIT, rx.wait_for(|&t| now_ms() < t + FRESH_MS)).await;
    }

    /// What the page shows now.
    pub fn snapshot(&self) -> Snapshot {
        self.lock().snapshot(now_ms())
    }
}

/// Starts the dashboard of `host` (showing `pipes` and any other Pipe of it its events name):
/// the loop that reads the chain while someone watches, and the routes that serve it.
pub fn start(
    client: Client,
    host: Address,
    pipes: Vec<Address>,
) -> (axum::Router, tokio::task::JoinHandle<()>) {
    let d = Dashboard::new(host, client.config().url.clone());
    let task = tokio::spawn(feed::run(client, d.clone(), pipes));
    (routes(d), task)
}

/// `/dashboard` (the page), `/dashboard/app.js`, `/dashboard/state` (JSON) and
/// `/dashboard/events` (server-sent events); `/` redirects to the page.
pub fn routes(d: Arc<Dashboard>) -> axum::Router {
    axum::Router::new()
        .route("/", get(|| async { Redirect::temporary("/dashboard") }))
        .route("/dashboard", get(page))
        .route("/dashboard/", get(page))
        .route("/dashboard/app.js", get(script))
        .route("/dashboard/state", get(state))
        .route("/dashboard/events", get(events))
        .with_state(d)
}

/// The page with `snapshot` in it. `<` is written `\u003c` (the same JSON), so no string from
/// the chain can close the script element it sits in.
pub fn render(snapshot: &Snapshot) -> String {
    let json = serde_json::to_string(snapshot)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c");
    PAGE.replacen("__DTP_INITIAL__", &json, 1)
}

async fn page(State(d): State<Arc<Dashboard>>) -> impl IntoResponse {
    d.touch();
    d.fresh().await;
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        render(&d.snapshot()),
    )
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SCRIPT,
    )
}

async fn state(State(d): State<Arc<Dashboard>>) -> axum::Json<Snapshot> {
    d.touch();
    axum::Json(d.snapshot())
}

async fn events(
    State(d): State<Arc<Dashboard>>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    d.touch();
    let stream = futures::stream::unfold(d, |d| async move {
        tokio::time::sleep(PUSH_EVERY).await;
        d.touch();
        let json = serde_json::to_string(&d.snapshot()).unwrap_or_else(|_| "{}".into());
        Some((Ok(SseEvent::default().event("state").data(json)), d))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_in_the_page_cannot_close_its_script() {
        let d = Dashboard::new(Address::new([1; 32]), "</script><script>alert(1)</script>");
        let page = render(&d.snapshot());
        assert!(!page.contains("alert(1)</script>"), "escaped");
        let open = "id=\"dtp-initial\" type=\"application/json\">";
        let start = page.find(open).unwrap() + open.len();
        let end = start + page[start..].find("</script>").unwrap();
        let v: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(v["chain"], "</script><script>alert(1)</script>");
    }

    #[tokio::test]
    async fn the_page_its_script_its_state_and_its_events_are_served() {
        let d = Dashboard::new(Address::new([1; 32]), "http://chain");
        assert!(!d.watched(), "nobody looked yet");
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let at = l.local_addr().unwrap();
        let app = routes(d.clone());
        tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
        let get =
            |p: &'static str| async move { reqwest::get(format!("http://{at}{p}")).await.unwrap() };
        // Nothing reads this board: the page waits for a fresh read, then comes as it is.
        let started = std::time::Instant::now();
        let page = get("/dashboard").await;
        assert!(started.elapsed() >= FRESH_WAIT, "it waited for a read");
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains("/dashboard/app.js"));
        assert!(!html.contains("__DTP_"), "the snapshot is in the page");
        assert!(d.watched(), "a page view wakes the reader");
        d.mark_read();
        let started = std::time::Instant::now();
        get("/dashboard").await;
        assert!(
            started.elapsed() < FRESH_WAIT,
            "a fresh board is served at once"
        );
        // The event stream pushes the same snapshot.
        let mut events = get("/dashboard/events").await;
        let mut text = String::new();
        while !text.contains("\n\n") {
            let chunk = events.chunk().await.unwrap().expect("the stream goes on");
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
        assert!(text.starts_with("event: state\ndata: {"), "{text}");
        assert!(text.contains("\"chain\":\"http://chain\""), "{text}");
        let js = get("/dashboard/app.js").await;
        assert!(js.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript"));
        let s: serde_json::Value = get("/dashboard/state").await.json().await.unwrap();
        assert_eq!(s["host"], Address::new([1; 32]).to_string());
        assert_eq!(s["chain"], "http://chain");
        assert!(s["servers"].as_array().unwrap().is_empty());
    }
}
