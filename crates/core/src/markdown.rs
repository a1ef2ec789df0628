//! Article bodies: Markdown in, sanitised HTML out.
//!
//! Dateline's conventions on top of CommonMark:
//! - `#` in a body is a section heading (`<h2>`): the page's `<h1>` is the headline.
//! - A paragraph holding only an image becomes a `<figure>`; the image title
//!   (`![alt](file.jpg "caption")`) becomes its caption.
//! - A block quote whose last paragraph starts with a dash (`— Name, role`)
//!   becomes a quotation with attribution: `<figure class="quote">`.
//!
//! Whatever the Markdown holds, including raw HTML, the output passes through
//! one ammonia policy ([`sanitize`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::{Body, Problems};

/// An inline image the body may show, resolved to its stored form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// Maps an image reference written in Markdown to a stored image.
pub trait ImageResolver {
    fn resolve(&self, src: &str) -> Option<ResolvedImage>;
}

/// For bodies that may hold no images.
pub struct NoImages;

impl ImageResolver for NoImages {
    fn resolve(&self, _: &str) -> Option<ResolvedImage> {
        None
    }
}

impl ImageResolver for HashMap<String, ResolvedImage> {
    fn resolve(&self, src: &str) -> Option<ResolvedImage> {
        self.get(src).cloned()
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Every image reference in `markdown`, in order of first appearance.
pub fn image_sources(markdown: &str) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for event in Parser::new_ext(markdown, options()) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event
            && !seen.iter().any(|s| s == dest_url.as_ref())
        {
            seen.push(dest_url.into_string());
        }
    }
    seen
}

/// Renders an article body. Fails, naming every problem, when an image is not
/// resolvable or lacks alt text.
pub fn render(markdown: &str, images: &dyn ImageResolver) -> Result<Body, Problems> {
    let mut problems = Problems::new();
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).map(shift_heading).collect();
    replace_images(&mut events, images, &mut problems);
    attribute_quotes(&mut events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    problems.into_result(Body::new_rendered(markdown.to_owned(), sanitize(&raw)))
}

/// Cleans any HTML to Dateline's policy: text structure, links, images; no
/// scripts, styles, event handlers, frames or unsafe URL schemes.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// The same HTML as the lite edition shows it: no images (a captioned
/// figure keeps its caption), and every link's address passed through
/// `link`, which may rewrite it or, returning `None`, drop it (keeping the
/// link's text). The result is still cleaned to the [`sanitize`] policy.
pub fn text_only<F>(html: &str, link: F) -> String
where
    F: Fn(&str) -> Option<String> + Send + Sync + 'static,
{
    let mut b = policy();
    b.rm_tags(["img"]).attribute_filter(move |element, attribute, value| match (element, attribute) {
        ("a", "href") => link(value).map(Cow::Owned),
        _ => Some(Cow::Borrowed(value)),
    });
    b.clean(html).to_string()
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(policy);

fn policy() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "a",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "code",
        "pre",
        "br",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "sup",
        "sub",
        "abbr",
        "cite",
        "q",
        "s",
        "del",
        "ins",
    ])
    .add_tag_attributes("a", ["href", "title", "hreflang"])
    .add_tag_attributes("img", ["src", "alt", "width", "height", "loading", "decoding"])
    .add_tag_attributes("abbr", ["title"])
    .add_tag_attributes("ol", ["start"])
    .add_tag_attributes("th", ["scope"])
    .add_allowed_classes("figure", ["quote", "inline-image"])
    .clean_content_tags(["script", "style"].into_iter().collect())
    .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
    .url_relative(ammonia::UrlRelative::PassThrough)
    .link_rel(Some("noopener noreferrer"))
    .strip_comments(true);
    b
}

/// The headline is the page's only `<h1>`: body headings start at `<h2>`.
fn shift_heading(event: Event) -> Event {
    fn down(level: HeadingLevel) -> HeadingLevel {
        match level {
            HeadingLevel::H1 => HeadingLevel::H2,
            HeadingLevel::H2 => HeadingLevel::H3,
            HeadingLevel::H3 => HeadingLevel::H4,
            HeadingLevel::H4 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        }
    }
    match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: down(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(down(level))),
        other => other,
    }
}

/// `text` made safe to stand as HTML text or in a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Replaces each image's events with one `<img>` carrying its stored size;
/// a paragraph that holds only an image becomes a captioned `<figure>`.
fn replace_images(events: &mut Vec<Event>, images: &dyn ImageResolver, problems: &mut Problems) {
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &events[i] else {
            i += 1;
            continue;
        };
        let (src, title) = (dest_url.to_string(), title.to_string());
        let end = (i..events.len()).find(|&j| matches!(events[j], Event::End(TagEnd::Image))).unwrap_or(i);
        let alt: String = events[i + 1..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        if alt.trim().is_empty() {
            problems.add("body", format!("image '{src}' needs alt text: write ![what it shows]({src})"));
        }
        let img = match images.resolve(&src) {
            Some(r) => format!(
                r#"<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" decoding="async">"#,
                escape_html(&r.url),
                escape_html(alt.trim()),
                r.width,
                r.height
            ),
            None => {
                problems.add("body", format!("image '{src}' was not found: put the file in the content folder"));
                String::new()
            }
        };
        let alone = i > 0
            && matches!(events[i - 1], Event::Start(Tag::Paragraph))
            && matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph)));
        if alone {
            let caption = if title.trim().is_empty() {
                String::new()
            } else {
                format!("<figcaption>{}</figcaption>", escape_html(title.trim()))
            };
            let figure = format!(r#"<figure class="inline-image">{img}{caption}</figure>"#);
            events.splice(i - 1..=end + 1, [Event::Html(CowStr::from(figure))]);
        } else {
            events.splice(i..=end, [Event::InlineHtml(CowStr::from(img))]);
            i += 1;
        }
    }
}

/// Turns `> quote` + `> — Name` into a quotation with a visible attribution.
fn attribute_quotes(events: &mut [Event]) {
    let mut open: Vec<usize> = Vec::new();
    for j in 0..events.len() {
        match &events[j] {
            Event::Start(Tag::BlockQuote(_)) => open.push(j),
            Event::End(TagEnd::BlockQuote(_)) => {
                let Some(start) = open.pop() else { continue };
                if let Some(p) = attribution_paragraph(events, start, j) {
                    events[start] = Event::Html(r#"<figure class="quote"><blockquote>"#.into());
                    events[p] = Event::Html("</blockquote><figcaption>".into());
                    events[j - 1] = Event::Html("</figcaption>".into());
                    events[j] = Event::Html("</figure>".into());
                }
            }
            _ => {}
        }
    }
}

/// The index of the quote's last paragraph when it starts with a dash and
/// something is quoted before it.
fn attribution_paragraph(events: &[Event], start: usize, end: usize) -> Option<usize> {
    if !matches!(events.get(end - 1), Some(Event::End(TagEnd::Paragraph))) {
        return None;
    }
    let p = (start + 1..end - 1).rev().find(|&k| matches!(events[k], Event::Start(Tag::Paragraph)))?;
    let nested = events[p..end].iter().any(|e| matches!(e, Event::Start(Tag::BlockQuote(_))));
    let dash = matches!(&events[p + 1], Event::Text(t) if t.starts_with(['—', '–', '―']));
    (p > start + 1 && dash && !nested).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, &NoImages).unwrap().html().to_owned()
    }

    fn images() -> HashMap<String, ResolvedImage> {
        HashMap::from([(
            "images/boat.jpg".to_owned(),
            ResolvedImage { url: "/media/abc.jpg".into(), width: 1200, height: 675 },
        )])
    }

    #[test]
    fn renders_paragraphs_headings_lists_links() {
        let out = html("# Section\n\nText with [a link](https://example.org/x).\n\n- one\n- two\n");
        assert!(out.contains("<h2>Section</h2>"), "{out}");
        assert!(out.contains(r#"<a href="https://example.org/x" rel="noopener noreferrer">a link</a>"#), "{out}");
        assert!(out.contains("<ul>\n<li>one</li>"), "{out}");
    }

    #[test]
    fn removes_scripts_handlers_javascript_urls_and_styles() {
        let hostile = [
            "<script>alert(1)</script>",
            r#"<img src="x.png" onerror="alert(2)">"#,
            "[click](javascript:alert(3))",
            r#"<a href="JaVaScRiPt:alert(4)">x</a>"#,
            "<style>body{display:none}</style>",
            r#"<p style="background:url(javascript:alert(5))">styled</p>"#,
            r#"<iframe src="https://evil.example"></iframe>"#,
            r#"<svg onload="alert(6)"></svg>"#,
            r#"<img src="data:text/html;base64,PHNjcmlwdD4=">"#,
        ]
        .join("\n\n");
        let out = html(&hostile).to_lowercase();
        for banned in
            ["<script", "alert(", "onerror", "javascript:", "<style", "style=", "<iframe", "<svg", "onload", "data:"]
        {
            assert!(!out.contains(banned), "{banned} survived in {out}");
        }
        assert!(out.contains("styled"));
    }

    #[test]
    fn quotes_get_their_attribution() {
        let out = html("> The water came at night.\n>\n> — Grace Atieno, farmer\n");
        assert_eq!(
            out.trim(),
            "<figure class=\"quote\"><blockquote>\n<p>The water came at night.</p>\n</blockquote><figcaption>— Grace Atieno, farmer</figcaption></figure>"
        );
        let plain = html("> Just a quote.\n");
        assert!(plain.starts_with("<blockquote>"), "{plain}");
    }

    #[test]
    fn lone_images_become_captioned_figures() {
        let body =
            render("![A boat on a flooded road](images/boat.jpg \"Boats replaced buses.\")\n", &images()).unwrap();
        assert_eq!(
            body.html().trim(),
            r#"<figure class="inline-image"><img src="/media/abc.jpg" alt="A boat on a flooded road" width="1200" height="675" loading="lazy" decoding="async"><figcaption>Boats replaced buses.</figcaption></figure>"#
        );
        let inline = render("See ![a boat](images/boat.jpg) here.", &images()).unwrap();
        assert!(inline.html().starts_with("<p>See <img"), "{}", inline.html());
    }

    #[test]
    fn images_must_exist_and_have_alt_text() {
        let problems = render("![](images/boat.jpg)\n\n![x](missing.png)", &images()).unwrap_err();
        let text = problems.to_string();
        assert!(text.contains("'images/boat.jpg' needs alt text"), "{text}");
        assert!(text.contains("'missing.png' was not found"), "{text}");
    }

    #[test]
    fn the_text_only_version_drops_images_and_rewrites_links() {
        let md = "See ![a boat](images/boat.jpg) [here](/articles/x) and [there](/search?q=x).\n\n\
                  ![A boat](images/boat.jpg \"Boats replaced buses.\")\n";
        let body = render(md, &images()).unwrap();
        let out = text_only(body.html(), |href| href.strip_prefix("/articles/").map(|s| format!("/lite/articles/{s}")));
        assert_eq!(
            out.trim(),
            "<p>See  <a href=\"/lite/articles/x\" rel=\"noopener noreferrer\">here</a> and \
             <a rel=\"noopener noreferrer\">there</a>.</p>\n\
             <figure class=\"inline-image\"><figcaption>Boats replaced buses.</figcaption></figure>"
        );
    }

    #[test]
    fn lists_image_sources_once() {
        assert_eq!(image_sources("![a](x.png) ![b](y.jpg) ![c](x.png)"), ["x.png", "y.jpg"]);
    }
}
