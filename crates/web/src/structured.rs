//! Structured data for search engines and social previews: schema.org
//! `NewsArticle` as JSON-LD, with its authors (a desk is an Organization), the
//! publisher, the narration as an `AudioObject`, `speakable` parts and
//! corrections.

use dateline_core::{Article, Contributor, ContributorKind, MediaInfo, Section};
use dateline_store::NarrationRecord;
use dateline_store::editorial::Correction;
use serde_json::{Value, json};

use crate::views::{NarrationView, article_url, contributor_url};

/// What the article page knows, for its JSON-LD.
pub struct ArticleFacts<'a> {
    pub base_url: &'a str,
    pub site_title: &'a str,
    pub article: &'a Article,
    pub section: &'a Section,
    pub lead: Option<&'a MediaInfo>,
    pub contributors: &'a [Contributor],
    pub narration: Option<&'a NarrationRecord>,
    pub corrections: &'a [Correction],
}

/// The `NewsArticle` object.
pub fn news_article(f: &ArticleFacts<'_>) -> Value {
    let a = f.article;
    let base = f.base_url;
    let url = format!("{base}{}", article_url(a.slug.as_str()));
    let published = a.published.as_ref().map(|p| p.timestamp().to_string());
    let modified = a.updated.as_ref().map(|u| u.timestamp().to_string()).or_else(|| published.clone());
    let authors: Vec<Value> = f
        .contributors
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ContributorKind::Person => "Person",
                ContributorKind::Desk => "Organization",
            };
            json!({ "@type": kind, "name": c.name, "url": format!("{base}{}", contributor_url(c.slug.as_str())) })
        })
        .collect();
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "url": url,
        "headline": a.headline,
        "datePublished": published,
        "dateModified": modified,
        "author": authors,
        "publisher": { "@type": "Organization", "name": f.site_title, "url": format!("{base}/") },
        "inLanguage": a.language.as_str(),
        "isAccessibleForFree": true,
        "articleSection": f.section.name,
        // The parts a voice assistant may read aloud: the headline and the key points.
        "speakable": { "@type": "SpeakableSpecification", "cssSelector": [".story__headline", ".summary"] },
    });
    let object = article.as_object_mut().expect("a JSON object literal");
    if let Some(dek) = &a.dek {
        object.insert("description".into(), json!(dek));
    }
    if !a.tags.is_empty() {
        object.insert("keywords".into(), json!(a.tags));
    }
    if let Some(media) = f.lead {
        let mut images = vec![format!("{base}{}", media.url())];
        images.extend(media.variants.iter().rev().map(|v| format!("{base}/media/{}", v.key)));
        object.insert("image".into(), json!(images));
    }
    if let Some(n) = f.narration {
        let view = NarrationView::new(n);
        object.insert(
            "audio".into(),
            json!({
                "@type": "AudioObject",
                "contentUrl": format!("{base}{}", n.audio.url()),
                "encodingFormat": "audio/mpeg",
                "duration": view.duration_iso,
                "contentSize": n.audio.bytes.to_string(),
                "description": "This audio is automated",
            }),
        );
    }
    if !f.corrections.is_empty() {
        let notices: Vec<Value> = f
            .corrections
            .iter()
            .map(|c| json!({ "@type": "CorrectionComment", "text": c.text, "datePublished": c.at.to_string() }))
            .collect();
        object.insert("correction".into(), json!(notices));
    }
    article
}

/// JSON for inside a `<script>` element: nothing in it can close the element
/// or open a comment, whatever the article says.
pub fn script_safe(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_close_the_script_element() {
        let v = json!({ "headline": "</script><script>alert(1)</script> & <!--" });
        let safe = script_safe(&v);
        assert!(!safe.contains('<') && !safe.contains('>'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v, "still the same JSON");
    }
}
