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
    !name.is_empty()
        && !name.starts_with('/')
        && !name.split('/').any(|part| part == ".." || part.is_empty())
}

impl Templates {
    pub fn new(theme_dir: Option<PathBuf>, assets: Arc<Assets>, messages: Arc<Messages>) -> Self {
        let mut env = Environment::new();
        env.set_loader(move |name: &str| {
            if !is_safe_name(name) {
                return Ok(None);
            }
            if let Some(dir) = &theme_dir {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            ErrorKind::InvalidOperation,
                            format!("{}: {e}", path.display()),
                        )
                    });
                }
            }
            Ok(TEMPLATE_DIR
                .get_file(name)
                .and_then(|f| f.contents_utf8())
                .map(str::to_owned))
        });
        env.add_function(
            "asset",
            move |name: &str| -> Result<String, minijinja::Error> {
                assets.url(name).map(str::to_owned).ok_or_else(|| {
                    minijinja::Error::new(
                        ErrorKind::InvalidOperation,
                        format!("no embedded asset named {name}"),
                    )
                })
            },
        );
        env.add_function(
            "t",
            move |state: &State, id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let lang = state
                    .lookup("lang")
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "en".into());
                let mut args = Vec::new();
                for name in kwargs.args() {
                    let value: Value = kwargs.get(name)?;
                    let arg = match value.kind() {
                        ValueKind::Number => {
                            Arg::Number(f64::try_from(value.clone()).unwrap_or_default())
                        }
                        _ => Arg::Text(value.to_string()),
                    };
                    args.push((name, arg));
                }
                Ok(messages.get(&lang, id, &args))
            },
        );
        Self { env }
    }

    /// Compiles every page template, so a broken theme fails at start, not on a reader.
    pub fn check_all(&self) -> Result<(), WebError> {
        for file in TEMPLATE_DIR.files() {
            let Some(name) = file.path().to_str() else {
                continue;
            };
            self.env
                .get_template(name)
                .map_err(|e| WebError::Setup(format!("template {name}: {e:#}")))?;
        }
        Ok(())
    }

    pub fn render(&self, name: &str, context: Value) -> Result<String, WebError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| WebError::Template(format!("{e:#}")))?;
        template
            .render(context)
            .map_err(|e| WebError::Template(format!("{name}: {e:#}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_cannot_escape() {
        assert!(is_safe_name("article.html"));
        assert!(is_safe_name("partials/x.html"));
        for bad in ["", "/etc/passwd", "../x.html", "a/../../x", "a//b"] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }
}
