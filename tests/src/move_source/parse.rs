//! The recursive-descent parser of [`super`]: module-level items only; function bodies and
//! unknown items are skipped by bracket matching.

use anyhow::{anyhow, bail, Result};

use super::lex::{number_value, tokenize, Tok, Token};
use super::{Constant, Field, Function, Module, Struct, Type, Value, Visibility};

/// Parses one Move source file.
pub fn parse(src: &str) -> Result<Module> {
    let mut p = Parser {
        toks: tokenize(src)?,
        pos: 0,
    };
    let mut m = Module::with_implicit_uses();
    while p.pos < p.toks.len() {
        p.item(&mut m)
            .map_err(|e| anyhow!("line {}: {e}", p.line()))?;
    }
    if m.name.is_empty() {
        bail!("no `module` declaration");
    }
    Ok(m)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
}

/// `#[error(code = N)]` and `#[test_only]` / `#[test]` of the next item.
#[derive(Default)]
struct Attrs {
    error_code: Option<u128>,
    test_only: bool,
}

impl Parser {
    fn line(&self) -> usize {
        let last = self.toks.last().map_or(1, |t| t.line);
        self.toks.get(self.pos).map_or(last, |t| t.line)
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn next(&mut self) -> Result<Tok> {
        let t = self
            .peek()
            .cloned()
            .ok_or_else(|| anyhow!("unexpected end of file"))?;
        self.pos += 1;
        Ok(t)
    }

    fn is(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::Punct(q)) if *q == p)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(i)) if i == w)
    }

    fn eat(&mut self, p: &str) -> bool {
        let hit = self.is(p) || self.is_word(p);
        self.pos += usize::from(hit);
        hit
    }

    fn expect(&mut self, p: &str) -> Result<()> {
        match self.next()? {
            Tok::Punct(q) if q == p => Ok(()),
            Tok::Ident(i) if i == p => Ok(()),
            t => bail!("expected `{p}`, found {t:?}"),
        }
    }

    fn ident(&mut self) -> Result<String> {
        match self.next()? {
            Tok::Ident(i) => Ok(i),
            t => bail!("expected an identifier, found {t:?}"),
        }
    }

    /// `a::b::c` joined by `::`.
    fn path(&mut self) -> Result<String> {
        let mut path = self.ident()?;
        while self.is("::")
            && matches!(
                self.toks.get(self.pos + 1).map(|t| &t.tok),
                Some(Tok::Ident(_))
            )
        {
            self.pos += 1;
            path = format!("{path}::{}", self.ident()?);
        }
        Ok(path)
    }

    /// Skips a balanced `open ... close` group starting at the current `open`.
    fn skip_group(&mut self, open: &str, close: &str) -> Result<()> {
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Tok::Punct(p) if p == open => depth += 1,
                Tok::Punct(p) if p == close => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }

    /// Skips an unknown item: up to a `;` or through its `{ ... }` block.
    fn skip_item(&mut self) -> Result<()> {
        while !self.eat(";") {
            if self.is("{") {
                return self.skip_group("{", "}");
            }
            self.next()?;
        }
        Ok(())
    }

    fn attrs(&mut self) -> Result<Attrs> {
        let mut attrs = Attrs::default();
        while self.eat("#") {
            let start = self.pos;
            self.skip_group("[", "]")?;
            let body: Vec<Tok> = self.toks[start + 1..self.pos - 1]
                .iter()
                .map(|t| t.tok.clone())
                .collect();
            match body.as_slice() {
                [Tok::Ident(e), Tok::Punct("("), Tok::Ident(c), Tok::Punct("="), Tok::Number(n), Tok::Punct(")")]
                    if e == "error" && c == "code" =>
                {
                    attrs.error_code =
                        Some(number_value(n).ok_or_else(|| anyhow!("bad error code {n}"))?);
                }
                [Tok::Ident(t), ..] if t == "test_only" || t == "test" => attrs.test_only = true,
                _ => {}
            }
        }
        Ok(attrs)
    }

    fn item(&mut self, m: &mut Module) -> Result<()> {
        let attrs = self.attrs()?;
        if self.eat("}") {
            return Ok(()); // the end of a `module x::y { ... }` block
        }
        if self.eat("module") {
            let path = self.path()?;
            let (address, name) = path
                .split_once("::")
                .ok_or_else(|| anyhow!("module `{path}` has no address"))?;
            (m.address, m.name) = (address.to_string(), name.to_string());
            return if self.eat("{") {
                Ok(())
            } else {
                self.expect(";")
            };
        }
        if self.eat("const") {
            let c = self.constant(attrs.error_code)?;
            m.constants.push(c);
            return Ok(());
        }
        let mut visibility = Visibility::Private;
        let mut entry = false;
        loop {
            if self.eat("public") {
                visibility = Visibility::Public;
                if self.is("(") {
                    self.skip_group("(", ")")?;
                    visibility = Visibility::Package;
                }
            } else if self.eat("entry") {
                entry = true;
            } else if !(self.eat("native") || self.eat("macro")) {
                break;
            }
        }
        if self.is_word("use")
            && !matches!(self.toks.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Ident(f)) if f == "fun")
        {
            self.pos += 1;
            self.use_tree(&[], &mut m.uses)?;
            return self.expect(";");
        }
        if self.is_word("struct") {
            let s = self.structure(visibility == Visibility::Public)?;
            m.structs.push(s);
        } else if self.is_word("fun") {
            let line = self.line();
            self.pos += 1;
            let f = self.function(visibility, entry, attrs.test_only, line)?;
            m.functions.push(f);
        } else {
            self.skip_item()?;
        }
        Ok(())
    }

    /// `a::b::C`, `a::b as c`, `a::b::{Self, C as D, e::F}`: adds `(alias, full path)` pairs.
    fn use_tree(&mut self, prefix: &[String], uses: &mut Vec<(String, String)>) -> Result<()> {
        let mut path = prefix.to_vec();
        path.push(self.ident()?);
        while self.eat("::") {
            if self.eat("{") {
                while !self.eat("}") {
                    self.use_tree(&path, uses)?;
                    self.eat(",");
                }
                return Ok(());
            }
            path.push(self.ident()?);
        }
        let is_self = path.last().is_some_and(|s| s == "Self");
        if is_self {
            path.pop();
        }
        let alias = if self.eat("as") {
            self.ident()?
        } else {
            path.last().cloned().unwrap_or_default()
        };
        uses.push((alias, path.join("::")));
        Ok(())
    }

    fn constant(&mut self, error_code: Option<u128>) -> Result<Constant> {
        let line = self.line();
        let name = self.ident()?;
        self.expect(":")?;
        let ty = self.ty()?;
        self.expect("=")?;
        let start = self.pos;
        while !self.is(";") {
            self.next()?;
        }
        let value = match &self.toks[start..self.pos] {
            [Token {
                tok: Tok::Number(n),
                ..
            }] => Value::Number(number_value(n).ok_or_else(|| anyhow!("bad number {n}"))?),
            [Token {
                tok: Tok::Str(s), ..
            }] => Value::Bytes(s.clone()),
            other => Value::Expr(
                other
                    .iter()
                    .map(|t| t.tok.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        self.expect(";")?;
        Ok(Constant {
            name,
            ty,
            value,
            error_code,
            line,
        })
    }

    fn structure(&mut self, public: bool) -> Result<Struct> {
        let line = self.line();
        self.expect("struct")?;
        let name = self.ident()?;
        if self.is("<") {
            self.skip_group("<", ">")?;
        }
        let mut abilities = self.abilities()?;
        let mut fields = Vec::new();
        if self.eat("(") {
            while !self.eat(")") {
                fields.push(Field {
                    name: "_".into(),
                    ty: self.ty()?,
                });
                self.eat(",");
            }
            abilities.extend(self.abilities()?);
            self.expect(";")?;
        } else if self.eat("{") {
            while !self.eat("}") {
                fields.push(self.field()?);
                self.eat(",");
            }
        } else {
            self.expect(";")?;
        }
        Ok(Struct {
            name,
            public,
            abilities,
            fields,
            line,
        })
    }

    fn abilities(&mut self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        if self.eat("has") {
            out.push(self.ident()?);
            while self.eat(",") {
                out.push(self.ident()?);
            }
        }
        Ok(out)
    }

    /// `[mut] name: Type`.
    fn field(&mut self) -> Result<Field> {
        self.eat("mut");
        let name = self.ident()?;
        self.expect(":")?;
        Ok(Field {
            name,
            ty: self.ty()?,
        })
    }

    fn function(
        &mut self,
        visibility: Visibility,
        entry: bool,
        test_only: bool,
        line: usize,
    ) -> Result<Function> {
        let name = self.ident()?;
        if self.is("<") {
            self.skip_group("<", ">")?;
        }
        self.expect("(")?;
        let mut params = Vec::new();
        while !self.eat(")") {
            params.push(self.field()?);
            self.eat(",");
        }
        let ret = if self.eat(":") {
            Some(self.ty()?)
        } else {
            None
        };
        if !self.eat(";") {
            if !self.is("{") {
                bail!("expected the body of `{name}`");
            }
            self.skip_group("{", "}")?;
        }
        Ok(Function {
            name,
            visibility,
            entry,
            test_only,
            params,
            ret,
            line,
        })
    }

    fn ty(&mut self) -> Result<Type> {
        if self.eat("&") {
            let mutable = self.eat("mut");
            return Ok(Type::Ref(mutable, Box::new(self.ty()?)));
        }
        if self.eat("(") {
            let mut items = Vec::new();
            while !self.eat(")") {
                items.push(self.ty()?);
                self.eat(",");
            }
            return Ok(Type::Tuple(items));
        }
        let name = self.path()?;
        let mut args = Vec::new();
        if self.eat("<") {
            while !self.eat(">") {
                args.push(self.ty()?);
                self.eat(",");
            }
        }
        Ok(Type::Path(name, args))
    }
}
