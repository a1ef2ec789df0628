//! UI strings from Fluent catalogs (`locales/<lang>/*.ftl`), embedded in the
//! binary. Another language is a folder of files, not a code change; a
//! message missing in one language falls back to English.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};
use unic_langid::LanguageIdentifier;

use crate::WebError;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
const FALLBACK: &str = "en";

/// A value passed to a message: text or a number (numbers choose plural forms).
pub enum Arg {
    Text(String),
    Number(f64),
}

pub struct Messages {
    /// Primary language subtag → its bundle.
    bundles: HashMap<String, FluentBundle<FluentResource>>,
}

impl Messages {
    pub fn embedded() -> Result<Self, WebError> {
        let mut bundles = HashMap::new();
        for dir in LOCALES.dirs() {
            let Some(lang) = dir.path().to_str() else {
                continue;
            };
            let id: LanguageIdentifier =
                lang.parse().map_err(|_| WebError::Setup(format!("locales/{lang}: not a language tag")))?;
            let rtl = matches!(id.character_direction(), unic_langid::CharacterDirection::RTL);
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks keep mixed-direction text in order; they only help right-to-left pages.
            bundle.set_use_isolating(rtl);
            for file in dir.files() {
                let source = file.contents_utf8().unwrap_or_default().to_owned();
                let resource = FluentResource::try_new(source)
                    .map_err(|(_, errors)| WebError::Setup(format!("{}: {errors:?}", file.path().display())))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| WebError::Setup(format!("{}: {errors:?}", file.path().display())))?;
            }
            bundles.insert(lang.to_owned(), bundle);
        }
        if !bundles.contains_key(FALLBACK) {
            return Err(WebError::Setup("locales/en is missing".into()));
        }
        Ok(Self { bundles })
    }

    /// The message `id` in `lang` (or English), with `args` filled in. A
    /// missing message shows its id, so a gap is visible rather than silent.
    pub fn get(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
        let primary = lang.split('-').next().unwrap_or(lang);
        let bundle = [primary, FALLBACK].into_iter().filter_map(|l| self.bundles.get(l)).find(|b| b.has_message(id));
        let Some(bundle) = bundle else {
            tracing::warn!(id, lang, "missing UI message");
            return id.to_owned();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.clone())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "UI message formatted with errors");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_english_messages_with_arguments_and_plurals() {
        let m = Messages::embedded().unwrap();
        assert_eq!(m.get("en", "skip-to-content", &[]), "Skip to main content");
        assert_eq!(m.get("en-GB", "by-line", &[("names", Arg::Text("Amara Osei".into()))]), "By Amara Osei");
        let one = m.get("en", "search-results", &[("count", Arg::Number(1.0)), ("query", Arg::Text("x".into()))]);
        assert!(one.starts_with("One article"), "{one}");
    }

    #[test]
    fn falls_back_to_english_and_shows_missing_ids() {
        let m = Messages::embedded().unwrap();
        assert_eq!(m.get("ps", "skip-to-content", &[]), "Skip to main content");
        assert_eq!(m.get("en", "no-such-message", &[]), "no-such-message");
    }
}
