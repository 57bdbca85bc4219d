//! `dtp replay --html FILE`: the replay as one self-contained page. The data is the same JSON as
//! `dtp --json replay` (with the servers' labels), embedded in the page; the page's script
//! (`cli/assets/report.js`) draws the charts as SVG: requests over time coloured by server with
//! takeovers and dead letters marked, a latency histogram, the per-server table, the verify
//! verdict and the requests searchable by seq. No network: it opens from a file anywhere.

use std::path::Path;

use anyhow::{Context, Result};

const PAGE: &str = include_str!("../../assets/report.html");
const SCRIPT: &str = include_str!("../../assets/report.js");

/// The page for `data`. `<` is written as `\u003c` in the JSON (the same value), so no string
/// from the chain can close the script element it sits in.
pub fn render(data: &serde_json::Value) -> String {
    let json = serde_json::to_string(data)
        .expect("a JSON value serialises")
        .replace('<', "\\u003c");
    PAGE.replacen("__DTP_SCRIPT__", SCRIPT, 1)
        .replacen("__DTP_DATA__", &json, 1)
}

/// Writes the page for `data` to `path`.
pub fn write(path: &Path, data: &serde_json::Value) -> Result<()> {
    std::fs::write(path, render(data))
        .with_context(|| format!("writing the report to {} (--html)", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_is_embedded_once_and_cannot_close_its_script() {
        let data = serde_json::json!({"label": "</script><script>alert(1)</script>", "n": 1});
        let page = render(&data);
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "only the page's own two"
        );
        let start = page.find("type=\"application/json\">").unwrap() + 24;
        let end = start + page[start..].find("</script>").unwrap();
        let back: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(back, data, "the embedded JSON is the same value");
        assert!(!page.contains("__DTP_"), "every placeholder is filled");
        assert!(page.contains("function timeline()"), "the script is inline");
    }
}
