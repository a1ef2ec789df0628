//! The bodies of the `markdown` and `front_matter` fuzz targets.

use std::collections::HashMap;

use dateline_core::front_matter::parse_article;
use dateline_core::markdown::{self, NoImages, ResolvedImage};
use dateline_core::time::parse_time;
use dateline_core::{Language, Slug};

use super::safe_html::unsafe_markup;

/// Renders `text` as an article body (with every image it names resolved,
/// so figures and captions are made, and with none) and sanitises it as raw
/// HTML; panics if anything a browser could run comes out.
pub fn markdown(text: &str) {
    let images: HashMap<String, ResolvedImage> = markdown::image_sources(text)
        .into_iter()
        .map(|src| (src, ResolvedImage { url: "/media/0123456789abcdef.jpg".into(), width: 16, height: 9 }))
        .collect();
    for body in [markdown::render(text, &images), markdown::render(text, &NoImages)].into_iter().flatten() {
        if let Some(problem) = unsafe_markup(body.html()) {
            panic!("unsafe output: {problem}\n{}", body.html());
        }
    }
    let cleaned = markdown::sanitize(text);
    if let Some(problem) = unsafe_markup(&cleaned) {
        panic!("unsafe sanitize output: {problem}\n{cleaned}");
    }
}

/// Reads `text` as the importer reads an article file, short of the store:
/// front matter, slugs, language, times, image references, body. Returns
/// whether the front matter parsed.
pub fn article_file(text: &str) -> bool {
    let Ok(file) = parse_article(text) else { return false };
    let front = file.front;
    for slug in front.slug.iter().chain([&front.section]).chain(&front.contributors) {
        let _ = Slug::parse(slug);
    }
    let _ = Slug::from_text(&front.headline);
    if let Some(tag) = &front.language {
        let _ = Language::parse(tag);
    }
    for time in front.published.iter().chain(&front.updated) {
        let _ = parse_time(&time.text(), &jiff::tz::TimeZone::UTC);
    }
    let _ = markdown::image_sources(&file.body);
    let _ = markdown::render(&file.body, &NoImages);
    true
}
