//! What the narrator reads, in order: the headline, the summary bullets,
//! then the body's headings, paragraphs, quotations and list items. Not
//! captions, credits, code, tables or raw HTML: they do not read aloud.

use dateline_core::Article;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The kind of block a piece of text comes from; it sets the pause after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Summary,
    Heading,
    Paragraph,
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The article as it is spoken. Corrections are read right after the
/// headline, as written, so a listener hears them before the story.
pub fn speakable_script(article: &Article, corrections: &[String]) -> Vec<Block> {
    let mut blocks = vec![Block { kind: BlockKind::Headline, text: article.headline.trim().to_owned() }];
    blocks.extend(
        corrections
            .iter()
            .filter(|c| !c.trim().is_empty())
            .map(|c| Block { kind: BlockKind::Paragraph, text: c.trim().to_owned() }),
    );
    blocks.extend(
        article
            .summary
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Block { kind: BlockKind::Summary, text: s.trim().to_owned() }),
    );
    blocks.extend(body_blocks(article.body.markdown()));
    blocks
}

/// Headings, paragraphs, quotations and list items of a Markdown body, as plain text.
pub fn body_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut quote_depth = 0usize;
    // Inside something that is not read aloud (code, tables, images, raw HTML).
    let mut silent_depth = 0usize;
    let flush = |text: &mut String, blocks: &mut Vec<Block>, kind: BlockKind| {
        let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let clean = clean.trim_start_matches(['—', '–', '―', '-']).trim().to_owned();
        if !clean.is_empty() {
            blocks.push(Block { kind, text: clean });
        }
        text.clear();
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. } | Tag::HtmlBlock) => silent_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::Image | TagEnd::HtmlBlock) => {
                silent_depth = silent_depth.saturating_sub(1)
            }
            _ if silent_depth > 0 => {}
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut text, &mut blocks, BlockKind::Heading);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                let kind = if quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
                flush(&mut text, &mut blocks, kind);
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_paragraphs_quotes_and_list_items_only() {
        let md = "Intro with a [link](https://x.org).\n\n# Section\n\n> We left.\n>\n> — Grace, farmer\n\n\
                  ![A boat](boat.jpg \"Caption\")\n\n- one\n- two\n\n```\ncode()\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                  <div>raw html</div>\n\nLast.";
        let blocks = body_blocks(md);
        let got: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Paragraph, "Intro with a link."),
                (BlockKind::Heading, "Section"),
                (BlockKind::Quote, "We left."),
                (BlockKind::Quote, "Grace, farmer"),
                (BlockKind::Paragraph, "one"),
                (BlockKind::Paragraph, "two"),
                (BlockKind::Paragraph, "Last."),
            ]
        );
    }

    #[test]
    fn corrections_are_read_right_after_the_headline() {
        let article = dateline_core::Article {
            slug: dateline_core::Slug::parse("a").unwrap(),
            language: dateline_core::Language::english(),
            section: dateline_core::Slug::parse("world").unwrap(),
            tags: vec![],
            headline: "Rivers rise".into(),
            dek: None,
            dateline: None,
            summary: vec!["Key point.".into()],
            lead_image: None,
            body: dateline_core::markdown::render("Body.", &dateline_core::markdown::NoImages).unwrap(),
            contributors: vec![],
            status: dateline_core::Status::Published,
            published: None,
            updated: None,
        };
        let script = speakable_script(&article, &["An earlier version gave the wrong date.".into()]);
        let texts: Vec<&str> = script.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Rivers rise", "An earlier version gave the wrong date.", "Key point.", "Body."]);
    }

    #[test]
    fn an_empty_body_reads_nothing() {
        assert!(body_blocks("").is_empty());
        assert!(body_blocks("   \n\n").is_empty());
    }
}
