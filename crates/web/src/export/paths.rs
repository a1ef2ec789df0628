//! Where each page lives in a static export, and the links that lead there.
//!
//! A static host serves files, so every page becomes a folder with an
//! `index.html` (`/articles/x` → `articles/x/index.html`, linked as
//! `/articles/x/`: plain servers redirect `/dir` to `/dir/`, and linking the
//! slash saves that round trip). Files keep their names (`/feed.xml`,
//! `/media/…`). A query means nothing to a static host, so list pages move
//! into the path (`/sections/x?page=2` → `/sections/x/page/2/`), the search
//! form points at the static search page (which reads `?q=` in the browser),
//! and the text-size links point back at their own page (site.js switches
//! the size without a server).

/// The site's path of the static search page.
pub const SEARCH: &str = "/search/";

/// `/x.css`, `/feed.atom`: a file; `/articles/x`, `/`: a page.
fn is_file(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// A list's page number from a query (`page=3`), when above 1.
fn page_number(query: &str) -> Option<u32> {
    query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("page="))
        .find_map(|n| n.parse::<u32>().ok())
        .filter(|&n| n > 1)
}

/// The static address of the server's `path?query`.
pub fn static_url(path: &str, query: &str) -> String {
    if is_file(path) {
        return path.to_owned();
    }
    let dir = if path.ends_with('/') { path.to_owned() } else { format!("{path}/") };
    match page_number(query) {
        Some(n) => format!("{dir}page/{n}/"),
        None => dir,
    }
}

/// The file in the export (relative to its folder) holding the server's `path?query`.
pub fn file_for(path_and_query: &str) -> String {
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let url = static_url(path, query);
    let file = url.trim_start_matches('/');
    if file.is_empty() || file.ends_with('/') { format!("{file}index.html") } else { file.to_owned() }
}

/// A link found in a page: what the server would answer and how to reach it statically.
#[derive(Debug, PartialEq, Eq)]
enum Link {
    /// A site page or file to export (path and query, no fragment).
    Site { target: String, rewritten: String },
    /// A link the export points elsewhere but does not export (search, text size).
    Redirected(String),
    /// Another site, a fragment, mail: unchanged.
    Other,
}

/// Classifies `href` on the page whose static address is `self_url`.
fn classify(href: &str, base_url: &str, self_url: &str) -> Link {
    let (prefix, local) = match href.strip_prefix(base_url) {
        Some(rest) if rest.starts_with('/') => (base_url, rest),
        _ if href.starts_with('/') && !href.starts_with("//") => ("", href),
        _ => return Link::Other,
    };
    let (rest, fragment) = match local.find('#') {
        Some(at) => local.split_at(at),
        None => (local, ""),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    match path {
        "/text-size" => Link::Redirected(format!("{self_url}{fragment}")),
        "/search" | "/search/" => {
            let q = if query.is_empty() { String::new() } else { format!("?{query}") };
            Link::Redirected(format!("{prefix}{SEARCH}{q}{fragment}"))
        }
        _ if path.starts_with("/newsroom") => Link::Other,
        _ => Link::Site {
            target: if page_number(query).is_some() { format!("{path}?{query}") } else { path.to_owned() },
            rewritten: format!("{prefix}{}{fragment}", static_url(path, query)),
        },
    }
}

fn unescape(value: &str) -> String {
    value.replace("&amp;", "&")
}

fn escape(value: &str) -> String {
    value.replace('&', "&amp;")
}

/// Attributes whose value is one URL, and `srcset` (URLs with widths).
const ATTRIBUTES: [&str; 4] = ["href", "src", "action", "srcset"];

/// Rewrites the links of an HTML page for a static host; returns the page and
/// the site URLs it links to (to export them too).
pub fn rewrite_html(html: &str, base_url: &str, self_url: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len() + 256);
    let mut targets = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("=\"") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let Some(end) = after.find('"') else {
            rest = after;
            break;
        };
        let value = &after[..end];
        let name = before[..at].rsplit(|c: char| c.is_ascii_whitespace()).next().unwrap_or("");
        match ATTRIBUTES.iter().find(|a| name.eq_ignore_ascii_case(a)) {
            Some(&"srcset") => {
                // Media files keep their names: only collect them.
                for candidate in unescape(value).split(',') {
                    if let Some(url) = candidate.split_whitespace().next()
                        && let Link::Site { target, .. } = classify(url, base_url, self_url)
                    {
                        targets.push(target);
                    }
                }
                out.push_str(value);
            }
            Some(_) => match classify(&unescape(value), base_url, self_url) {
                Link::Site { target, rewritten } => {
                    targets.push(target);
                    out.push_str(&escape(&rewritten));
                }
                Link::Redirected(url) => out.push_str(&escape(&url)),
                Link::Other => out.push_str(value),
            },
            None => out.push_str(value),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    (out, targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example";

    #[test]
    fn pages_become_folders_and_files_keep_their_names() {
        for (url, file) in [
            ("/", "index.html"),
            ("/articles/rain", "articles/rain/index.html"),
            ("/lite/", "lite/index.html"),
            ("/sections/world?page=3", "sections/world/page/3/index.html"),
            ("/sections/world?page=1", "sections/world/index.html"),
            ("/sections/world/feed.atom", "sections/world/feed.atom"),
            ("/media/0123abcd.webp", "media/0123abcd.webp"),
            ("/robots.txt", "robots.txt"),
        ] {
            assert_eq!(file_for(url), file, "{url}");
        }
    }

    #[test]
    fn links_lead_to_static_addresses() {
        let html = r#"<a href="/articles/rain#top">x</a><link rel="canonical" href="https://news.example/sections/world?page=2"><a href="/text-size?size=lg&amp;back=%2F">A</a><form action="/search" method="get"><img src="/media/ab.jpg" srcset="/media/ab-480.webp 480w, /media/ab-800.webp 800w"><a href="https://example.org/x">o</a><a href="/sections/world?page=2">next</a>"#;
        let (out, targets) = rewrite_html(html, BASE, "/articles/rain/");
        assert_eq!(
            out,
            r#"<a href="/articles/rain/#top">x</a><link rel="canonical" href="https://news.example/sections/world/page/2/"><a href="/articles/rain/">A</a><form action="/search/" method="get"><img src="/media/ab.jpg" srcset="/media/ab-480.webp 480w, /media/ab-800.webp 800w"><a href="https://example.org/x">o</a><a href="/sections/world/page/2/">next</a>"#
        );
        assert_eq!(
            targets,
            [
                "/articles/rain",
                "/sections/world?page=2",
                "/media/ab.jpg",
                "/media/ab-480.webp",
                "/media/ab-800.webp",
                "/sections/world?page=2"
            ]
        );
    }

    #[test]
    fn other_attributes_and_text_are_left_alone() {
        let html = r#"<p data-x="/articles/y" title="a=&quot;b&quot;">href="/articles/z"</p>"#;
        let (out, targets) = rewrite_html(html, BASE, "/");
        assert_eq!(out, html);
        assert!(targets.is_empty());
    }
}
