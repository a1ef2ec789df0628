//! Page templates: Jinja syntax (minijinja), embedded in the binary and
//! overridable file by file from a theme folder.

use std::path::PathBuf;
use std::sync::Arc;

use include_dir::{Dir, include_dir};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, ErrorKind, State};

use crate::WebError;
use crate::assets::Assets;
use crate::i18n::{Arg, Messages};

static TEMPLATE_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

pub struct Templates {
    env: Environment<'static>,
}

/// A template name a theme may use: a plain relative path, no way up.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('/') && !name.split('/').any(|part| part == ".." || part.is_empty())
}

/// Escapes what HTML needs escaped and nothing more (minijinja's default also
/// escapes `/`, which bloats every URL and confuses readers of the markup).
fn escape_html(text: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    // Runs of plain text go out whole: this formats every value of every page.
    let mut plain_from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // ASCII bytes are always character boundaries.
        out.write_str(&text[plain_from..at])?;
        out.write_str(entity)?;
        plain_from = at + 1;
    }
    out.write_str(&text[plain_from..])
}

fn html_formatter(out: &mut minijinja::Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if !matches!(state.auto_escape(), minijinja::AutoEscape::Html) || value.is_safe() {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = match value.as_str() {
        Some(s) => escape_html(s, out),
        None if value.is_none() || value.is_undefined() => Ok(()),
        None => escape_html(&value.to_string(), out),
    };
    written.map_err(|e| minijinja::Error::new(ErrorKind::WriteFailure, e.to_string()))
}

impl Templates {
    pub fn new(theme_dir: Option<PathBuf>, assets: Arc<Assets>, messages: Arc<Messages>) -> Self {
        let mut env = Environment::new();
        env.set_formatter(html_formatter);
        env.set_loader(move |name: &str| {
            if !is_safe_name(name) {
                return Ok(None);
            }
            if let Some(dir) = &theme_dir {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(ErrorKind::InvalidOperation, format!("{}: {e}", path.display()))
                    });
                }
            }
            Ok(TEMPLATE_DIR.get_file(name).and_then(|f| f.contents_utf8()).map(str::to_owned))
        });
        env.add_function("asset", move |name: &str| -> Result<String, minijinja::Error> {
            assets.url(name).map(str::to_owned).ok_or_else(|| {
                minijinja::Error::new(ErrorKind::InvalidOperation, format!("no embedded asset named {name}"))
            })
        });
        env.add_function("t", move |state: &State, id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let lang = state.lookup("lang").map(|v| v.to_string()).unwrap_or_else(|| "en".into());
            let mut args = Vec::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                let arg = match value.kind() {
                    ValueKind::Number => Arg::Number(f64::try_from(value.clone()).unwrap_or_default()),
                    _ => Arg::Text(value.to_string()),
                };
                args.push((name, arg));
            }
            Ok(messages.get(&lang, id, &args))
        });
        Self { env }
    }

    /// Compiles every page template, so a broken theme fails at start, not on a reader.
    pub fn check_all(&self) -> Result<(), WebError> {
        for file in TEMPLATE_DIR.files() {
            let Some(name) = file.path().to_str() else {
                continue;
            };
            self.env.get_template(name).map_err(|e| WebError::Setup(format!("template {name}: {e:#}")))?;
        }
        Ok(())
    }

    pub fn render(&self, name: &str, context: Value) -> Result<String, WebError> {
        let template = self.env.get_template(name).map_err(|e| WebError::Template(format!("{e:#}")))?;
        template.render(context).map_err(|e| WebError::Template(format!("{name}: {e:#}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_not_slashes() {
        for (text, escaped) in [
            (r#"/a?b=1&c=<x> "q" 'q'"#, "/a?b=1&amp;c=&lt;x&gt; &quot;q&quot; &#39;q&#39;"),
            ("<Nairobi – Kisumu>", "&lt;Nairobi – Kisumu&gt;"),
            ("Ñandú & ŋ", "Ñandú &amp; ŋ"),
            ("plain", "plain"),
            ("", ""),
        ] {
            let mut out = String::new();
            escape_html(text, &mut out).unwrap();
            assert_eq!(out, escaped);
        }
    }

    #[test]
    fn theme_names_cannot_escape() {
        assert!(is_safe_name("article.html"));
        assert!(is_safe_name("partials/x.html"));
        for bad in ["", "/etc/passwd", "../x.html", "a/../../x", "a//b"] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }
}
