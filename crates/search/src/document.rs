//! What the index keeps of an article: its words, not its markup.

use dateline_core::{Article, Language};
use jiff::Timestamp;
use pulldown_cmark::{Event, Parser, TagEnd};

/// One published article as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub slug: String,
    /// The store's change number for the article: a different number means reindex.
    pub change: i64,
    pub language: Language,
    pub headline: String,
    /// The dek and the summary's key points.
    pub summary: Vec<String>,
    /// The body as plain text.
    pub body: String,
    /// Publication time: the article is found only once it has passed.
    pub published: Timestamp,
}

impl Document {
    /// The document of a published article; `None` for any other.
    pub fn from_article(article: &Article, change: i64) -> Option<Self> {
        if article.status != dateline_core::article::Status::Published {
            return None;
        }
        let published = article.published.as_ref()?.timestamp();
        Some(Self {
            slug: article.slug.as_str().to_owned(),
            change,
            language: article.language.clone(),
            headline: article.headline.clone(),
            summary: article.dek.iter().chain(&article.summary).cloned().collect(),
            body: plain_text(article.body.markdown()),
            published,
        })
    }
}

/// Markdown's text: words of paragraphs, headings, lists, quotes, code and
/// image descriptions; raw HTML is left out (readers never see it as text).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableCell,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_its_words() {
        let text = plain_text("# Floods\n\nThe *lake* rose,\nagain. `<script>` <b>raw</b>\n\n- one\n- two");
        assert_eq!(text, "Floods\nThe lake rose, again. <script> raw\none\ntwo");
    }
}
