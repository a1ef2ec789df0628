//! Where links on lite pages lead: site pages to their lite twins, other
//! sites and media files unchanged, and nowhere for site pages the lite
//! edition has no twin of (the link's text stays).

use super::HOME;

/// The lite twin of the full page at `full_url` (`/`, `/sections/x`,
/// `/articles/x`), on page `page` of its list.
pub fn twin(full_url: &str, page: u32) -> String {
    format!("/lite{}", with_page(full_url, page))
}

/// `url` on page `page` of its list (the first page has no `?page=`).
pub fn with_page(url: &str, page: u32) -> String {
    if page > 1 { format!("{url}?page={page}") } else { url.to_owned() }
}

/// Where `href`, found in an article or the breaking strip, should lead from a
/// lite page; `base_url` is the site's own address (absolute links to it are
/// treated as site paths). `None`: the site page has no lite twin.
pub fn lite_href(href: &str, base_url: &str) -> Option<String> {
    let own = href.strip_prefix(base_url).filter(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']));
    let path = match own {
        Some("") => "/",
        Some(rest) if !rest.starts_with('/') => return Some(format!("{HOME}{rest}")),
        Some(rest) => rest,
        // Other sites, fragments, mail, and relative links (which resolve
        // under /lite/ just as they do outside it).
        None if !href.starts_with('/') || href.starts_with("//") => return Some(href.to_owned()),
        None => href,
    };
    let route = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let segments: Vec<&str> = route.split('/').skip(1).collect();
    match segments.as_slice() {
        [""] => Some(format!("/lite{path}")),
        ["lite", ..] | ["media", _] => Some(path.to_owned()),
        ["articles" | "sections", slug] if !slug.is_empty() => Some(format!("/lite{path}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example";

    #[test]
    fn site_pages_lead_to_their_lite_twins() {
        for (href, lite) in [
            ("/", "/lite/"),
            ("/articles/rain", "/lite/articles/rain"),
            ("/articles/rain#shelters", "/lite/articles/rain#shelters"),
            ("/sections/world?page=2", "/lite/sections/world?page=2"),
            ("https://news.example/articles/rain", "/lite/articles/rain"),
            ("https://news.example", "/lite/"),
            ("https://news.example?x", "/lite/?x"),
            ("/lite/articles/rain", "/lite/articles/rain"),
            ("/media/0123abcd.mp3", "/media/0123abcd.mp3"),
        ] {
            assert_eq!(lite_href(href, BASE).as_deref(), Some(lite), "{href}");
        }
    }

    #[test]
    fn other_sites_stay_and_pages_without_a_twin_are_not_linked() {
        for href in ["https://example.org/notice", "//cdn.example/x", "mailto:desk@news.example", "#notes", "other"] {
            assert_eq!(lite_href(href, BASE).as_deref(), Some(href));
        }
        assert_eq!(
            lite_href("https://news.example.org/articles/x", BASE).as_deref(),
            Some("https://news.example.org/articles/x")
        );
        for href in
            ["/contributors/amara", "/search?q=rain", "/newsroom/", "/articles/", "/articles/a/b", "/podcast.xml"]
        {
            assert_eq!(lite_href(href, BASE), None, "{href}");
        }
    }

    #[test]
    fn twins_keep_the_page_of_a_list() {
        assert_eq!(twin("/", 1), "/lite/");
        assert_eq!(twin("/sections/world", 3), "/lite/sections/world?page=3");
        assert_eq!(twin("/articles/rain", 1), "/lite/articles/rain");
    }
}
