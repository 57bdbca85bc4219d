//! The tokenizer of [`super`]: identifiers, numbers, byte strings and punctuation, with line
//! numbers; comments (`//`, `///`, `/* */`) and whitespace are skipped.

use anyhow::{bail, Result};

/// One token of Move source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// An identifier or keyword (`public`, `fun`, `u64`, `ENotAdmin`, `_ctx`).
    Ident(String),
    /// A number literal as written (`64`, `1_000_000`, `0x9E37`, `8u64`).
    Number(String),
    /// A byte string (`b"..."` unescaped, `x"..."` as its hex digits) or a plain `"..."`.
    Str(String),
    /// `::` or one punctuation character (`<`, `>`, `&`, `{`, `#`, ...).
    Punct(&'static str),
}

impl std::fmt::Display for Tok {
    /// The token as source text (a string as a quoted Rust literal).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tok::Ident(s) | Tok::Number(s) => f.write_str(s),
            Tok::Str(s) => write!(f, "{s:?}"),
            Tok::Punct(p) => f.write_str(p),
        }
    }
}

/// A token and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Its line in the file.
    pub line: usize,
}

const PUNCT: &str = "<>&{}()[];:,.=#!@*+-/%^|~?$'";

/// Splits `src` into tokens.
pub fn tokenize(src: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            loop {
                match (chars.get(i), chars.get(i + 1)) {
                    (None, _) => bail!("line {start_line}: unterminated block comment"),
                    (Some('/'), Some('*')) => (depth, i) = (depth + 1, i + 2),
                    (Some('*'), Some('/')) => (depth, i) = (depth - 1, i + 2),
                    (Some(ch), _) => {
                        line += usize::from(*ch == '\n');
                        i += 1;
                    }
                }
                if depth == 0 {
                    break;
                }
            }
        } else if (c == 'b' || c == 'x') && next == Some('"') {
            let (text, end) = string(&chars, i + 1, &mut line)?;
            out.push(Token {
                tok: Tok::Str(text),
                line: start_line,
            });
            i = end;
        } else if c == '"' {
            let (text, end) = string(&chars, i, &mut line)?;
            out.push(Token {
                tok: Tok::Str(text),
                line: start_line,
            });
            i = end;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let end = scan(&chars, i, |ch| ch.is_ascii_alphanumeric() || ch == '_');
            out.push(Token {
                tok: Tok::Ident(chars[i..end].iter().collect()),
                line,
            });
            i = end;
        } else if c.is_ascii_digit() {
            let end = scan(&chars, i, |ch| ch.is_ascii_alphanumeric() || ch == '_');
            out.push(Token {
                tok: Tok::Number(chars[i..end].iter().collect()),
                line,
            });
            i = end;
        } else if c == ':' && next == Some(':') {
            out.push(Token {
                tok: Tok::Punct("::"),
                line,
            });
            i += 2;
        } else if let Some(p) = PUNCT.find(c) {
            out.push(Token {
                tok: Tok::Punct(&PUNCT[p..p + 1]),
                line,
            });
            i += 1;
        } else {
            bail!("line {line}: unexpected character {c:?}");
        }
    }
    Ok(out)
}

fn scan(chars: &[char], from: usize, keep: impl Fn(char) -> bool) -> usize {
    let mut end = from;
    while end < chars.len() && keep(chars[end]) {
        end += 1;
    }
    end
}

/// The string starting at the quote `chars[open]`: its text (escapes `\"`, `\\`, `\n` resolved) and
/// the index after the closing quote.
fn string(chars: &[char], open: usize, line: &mut usize) -> Result<(String, usize)> {
    let (mut i, mut text) = (open + 1, String::new());
    loop {
        match chars.get(i) {
            None => bail!("line {line}: unterminated string"),
            Some('"') => return Ok((text, i + 1)),
            Some('\\') => {
                match chars.get(i + 1) {
                    Some('n') => text.push('\n'),
                    Some(&ch) => text.push(ch),
                    None => bail!("line {line}: unterminated string"),
                }
                i += 2;
            }
            Some(&ch) => {
                *line += usize::from(ch == '\n');
                text.push(ch);
                i += 1;
            }
        }
    }
}

/// The value of a Move number literal: underscores and a type suffix (`u8`..`u256`) ignored,
/// `0x` hexadecimal. `None` if it does not fit in a `u128` or is malformed.
pub fn number_value(text: &str) -> Option<u128> {
    let digits: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(hex) = digits.strip_prefix("0x") {
        return u128::from_str_radix(hex, 16).ok();
    }
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let suffix = &digits[end..];
    let typed = ["", "u8", "u16", "u32", "u64", "u128", "u256"].contains(&suffix);
    if !typed {
        return None;
    }
    digits[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        tokenize(src).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn comments_are_skipped_and_lines_counted() {
        let src = "/// doc\nconst /* a /* nested */ b */ X: u8 = 1; // tail\n// x\nfun";
        let t = tokenize(src).unwrap();
        assert_eq!(t[0].tok, Tok::Ident("const".into()));
        assert_eq!(t[0].line, 2);
        assert_eq!(t.last().unwrap().tok, Tok::Ident("fun".into()));
        assert_eq!(t.last().unwrap().line, 4);
        assert_eq!(t.len(), 8);
    }

    #[test]
    fn byte_strings_numbers_and_paths() {
        let t = toks(r#"b"a \"q\" {" x"0aff" 1_000u64 std::string::String"#);
        assert_eq!(t[0], Tok::Str("a \"q\" {".into()));
        assert_eq!(t[1], Tok::Str("0aff".into()));
        assert_eq!(t[2], Tok::Number("1_000u64".into()));
        assert_eq!(t[4], Tok::Punct("::"));
        assert_eq!(t.len(), 8);
    }

    #[test]
    fn generics_close_one_angle_at_a_time() {
        let t = toks("vector<vector<u8>>");
        assert_eq!(t[4], Tok::Ident("u8".into()));
        assert_eq!(t[5], Tok::Punct(">"));
        assert_eq!(t[6], Tok::Punct(">"));
    }

    #[test]
    fn number_values() {
        assert_eq!(number_value("11_400_714_819_323_198_485"), Some(GOLDEN));
        assert_eq!(number_value("0x9E37_79B9_7F4A_7C15"), Some(GOLDEN));
        assert_eq!(number_value("8u64"), Some(8));
        assert_eq!(number_value("8q"), None);
    }

    const GOLDEN: u128 = 0x9E37_79B9_7F4A_7C15;

    #[test]
    fn errors_name_the_line() {
        let err = tokenize("fun\n\"open").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(tokenize("a ` b").is_err());
    }
}
