//! What every long-running dtp program shares (the daemon, the gateway, the `dtp` binary): the
//! wall clock in milliseconds, the shutdown signal, the tracing set-up and the Prometheus text of
//! a metrics registry. (The localnet keeps its own clock and signal: it must not depend on the SDK.)

/// Milliseconds since the Unix epoch (0 if the clock is before it), the unit of the chain's clock.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut s) = signal(SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Logs to stderr at `default_filter` (e.g. `"info"`), unless `RUST_LOG` says otherwise.
pub fn init_tracing(default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

/// The Prometheus text exposition of every metric in `registry` (what `/metrics` serves).
pub fn render_metrics(registry: &prometheus::Registry) -> String {
    use prometheus::Encoder;
    let mut buf = Vec::new();
    prometheus::TextEncoder::new()
        .encode(&registry.gather(), &mut buf)
        .expect("the text encoder writes to a Vec");
    String::from_utf8(buf).expect("the text format is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_registry_in_the_text_format() {
        let r = prometheus::Registry::new();
        let c = prometheus::IntCounter::new("dtp_test_total", "a test counter").unwrap();
        r.register(Box::new(c.clone())).unwrap();
        c.inc_by(3);
        let text = render_metrics(&r);
        assert!(
            text.contains("# HELP dtp_test_total a test counter"),
            "{text}"
        );
        assert!(text.contains("dtp_test_total 3"), "{text}");
    }

    #[test]
    fn now_is_after_2024() {
        assert!(now_ms() > 1_704_067_200_000);
    }
}
