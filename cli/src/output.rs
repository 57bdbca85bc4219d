//! Printing: aligned tables for people, JSON for scripts, and short forms of ids and times.

use serde::Serialize;
use sui_sdk_types::Address;

/// A table printed with aligned columns.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<const N: usize>(headers: [&str; N]) -> Table {
        Table::with_headers(&headers)
    }

    pub fn with_headers(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self) -> String {
        let width = |i: usize| {
            self.rows
                .iter()
                .filter_map(|r| r.get(i))
                .chain([&self.headers[i]])
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.headers.len()).map(width).collect();
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i + 1 == cells.len() {
                    s.push_str(c);
                } else {
                    let pad = widths[i].saturating_sub(c.chars().count());
                    s.push_str(c);
                    s.push_str(&" ".repeat(pad + 2));
                }
            }
            s.trim_end().to_string()
        };
        let mut out = line(&self.headers);
        for r in &self.rows {
            out.push('\n');
            out.push_str(&line(r));
        }
        out
    }

    pub fn print(&self) {
        say!("{}", self.render());
    }
}

/// Key-value lines, aligned.
pub fn pairs(items: &[(&str, String)]) {
    let w = items.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in items {
        say!("{k:<w$}  {v}");
    }
}

pub fn json<T: Serialize + ?Sized>(v: &T) {
    say!(
        "{}",
        serde_json::to_string_pretty(v).expect("JSON output encodes")
    );
}

/// `0x1234abcd…9f01`: enough to tell servers apart in a table.
pub fn short(a: &Address) -> String {
    let s = a.to_string();
    format!("{}…{}", &s[..10], &s[s.len() - 4..])
}

pub use dtp_sdk::service::now_ms;

/// `HH:MM:SS.mmm` (UTC) of a chain timestamp.
pub fn clock(ms: u64) -> String {
    let day = ms % 86_400_000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        day / 3_600_000,
        day / 60_000 % 60,
        day / 1000 % 60,
        day % 1000
    )
}

/// How long ago `ms` was, or `never` for 0.
pub fn ago(now: u64, ms: u64) -> String {
    if ms == 0 {
        return "never".into();
    }
    let d = now.saturating_sub(ms);
    if d < 1000 {
        format!("{d} ms ago")
    } else if d < 120_000 {
        format!("{:.1} s ago", d as f64 / 1000.0)
    } else {
        format!("{} min ago", d / 60_000)
    }
}

pub fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_and_trim() {
        let mut t = Table::new(["A", "LONGER"]);
        t.row(vec!["wide cell".into(), "x".into()]);
        assert_eq!(t.render(), "A          LONGER\nwide cell  x");
    }

    #[test]
    fn times_and_ids() {
        assert_eq!(clock(3_723_004), "01:02:03.004");
        assert_eq!(ago(5_000, 4_500), "500 ms ago");
        assert_eq!(ago(5_000, 0), "never");
        let s = short(&Address::from_static("0x2"));
        assert!(s.starts_with("0x00000000…") && s.ends_with("0002"), "{s}");
    }
}
