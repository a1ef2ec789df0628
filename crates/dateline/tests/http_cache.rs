//! HTTP caching on the real binary: validators and 304s, precompressed
//! answers, Cache-Control per kind, and the page cache made fresh at once by
//! an edit in the newsroom or a change from another process.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::io::Read;

use support::newsroom::{PASSWORD, newsroom_with_content, sign_in};
use support::{dateline, get, get_bytes_with_headers, get_with_headers, header, text};

#[test]
fn pages_carry_validators_and_a_matching_etag_gets_304() {
    let (_data, server) = newsroom_with_content();
    let url = server.url("/articles/lake-towns-move");
    let (status, headers, body) = get_with_headers(&url, &[]);
    assert_eq!(status, 200);
    let etag = header(&headers, "etag").unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    assert!(header(&headers, "last-modified").unwrap().ends_with(" GMT"));
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"), "pages carry the breaking strip");
    assert!(header(&headers, "vary").unwrap().contains("Accept-Encoding"));

    let (status, again, empty) = get_with_headers(&url, &[("If-None-Match", &etag)]);
    assert_eq!((status, empty.as_str()), (304, ""), "nothing to send again");
    assert_eq!(header(&again, "etag"), Some(etag.as_str()));
    let (status, _, same) = get_with_headers(&url, &[("If-None-Match", "\"something-else\"")]);
    assert_eq!((status, same), (200, body));

    for (path, control) in [
        ("/feed.xml", "public, max-age=300"),
        ("/sitemap.xml", "public, max-age=300"),
        ("/robots.txt", "public, max-age=3600"),
    ] {
        let (status, headers, _) = get_with_headers(&server.url(path), &[]);
        assert_eq!((status, header(&headers, "cache-control")), (200, Some(control)), "{path}");
        assert!(header(&headers, "etag").is_some(), "{path}");
    }
    let (_, newsroom, _) = get_with_headers(&server.url("/newsroom/sign-in"), &[]);
    assert_eq!(header(&newsroom, "cache-control"), Some("no-store"), "the newsroom is never stored");
    assert!(header(&newsroom, "etag").is_none());
}

#[test]
fn kept_answers_carry_the_same_security_headers_as_the_first() {
    let (_data, server) = newsroom_with_content();
    const SECURITY: [&str; 4] =
        ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"];
    for path in ["/articles/lake-towns-move", "/lite/articles/lake-towns-move"] {
        let url = server.url(path);
        let (status, first, _) = get_with_headers(&url, &[("Accept-Encoding", "gzip")]);
        assert_eq!(status, 200, "{path}");
        let (_, kept, _) = get_with_headers(&url, &[]);
        let etag = header(&first, "etag").unwrap().to_owned();
        let (status, not_modified, _) = get_with_headers(&url, &[("If-None-Match", &etag)]);
        assert_eq!(status, 304, "{path}");
        for name in SECURITY {
            let sent = header(&first, name);
            assert!(sent.is_some(), "{path}: the first answer has no {name}");
            assert_eq!(header(&kept, name), sent, "{path}: {name} of a kept answer");
            assert_eq!(header(&not_modified, name), sent, "{path}: {name} of a 304");
        }
        assert_eq!(header(&kept, "content-type"), header(&first, "content-type"), "{path}");
        assert_eq!(header(&not_modified, "content-type"), None, "{path}: a 304 has no body to type");
    }
    let site = get_with_headers(&server.url("/articles/lake-towns-move"), &[]).1;
    let lite = get_with_headers(&server.url("/lite/articles/lake-towns-move"), &[]).1;
    assert_ne!(
        header(&site, "content-security-policy"),
        header(&lite, "content-security-policy"),
        "the lite page keeps its own policy"
    );
}

#[test]
fn answers_come_compressed_as_the_client_asks() {
    let (_data, server) = newsroom_with_content();
    let url = server.url("/articles/lake-towns-move");
    let (_, _, plain) = get_bytes_with_headers(&url, &[]);
    let (_, headers, br) = get_bytes_with_headers(&url, &[("Accept-Encoding", "gzip, deflate, br")]);
    assert_eq!(header(&headers, "content-encoding"), Some("br"));
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut &br[..], &mut unpacked).unwrap();
    assert_eq!(unpacked, plain, "brotli reads back as the page");
    assert!(br.len() * 3 < plain.len(), "{} bytes from {}", br.len(), plain.len());

    let (_, headers, gz) = get_bytes_with_headers(&url, &[("Accept-Encoding", "gzip")]);
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut unpacked).unwrap();
    assert_eq!(unpacked, plain, "gzip reads back as the page");
}

#[test]
fn an_edit_makes_its_page_lists_and_feeds_fresh_at_once() {
    let (data, server) = newsroom_with_content();
    let article = server.url("/articles/older");
    // Everything that shows the article is rendered, and so kept.
    let (_, _, before) = get_with_headers(&article, &[]);
    let etag_before = get_with_headers(&article, &[]).1.into_iter().find(|(k, _)| k == "etag").unwrap().1;
    for path in ["/", "/sections/world", "/feed.xml", "/sitemaps/articles-1.xml"] {
        assert_eq!(get(&server.url(path)).0, 200);
    }
    assert!(before.contains("Fishermen report record catch before the storm"));

    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let form = eda.get(&server.url("/newsroom/articles/older"));
    let csrf = form.field("csrf").unwrap();
    let revision = form.field("revision").unwrap();
    let mut fields = support::newsroom::article_fields(
        &csrf,
        &revision,
        "save",
        "Fishermen report a record catch, then the storm",
        "The boats came home full on Tuesday.",
    );
    fields.retain(|(k, _)| !matches!(*k, "slug" | "contributors"));
    fields.extend([("slug", "older"), ("contributors", "lakeside-desk")]);
    let saved = eda.post(&server.url("/newsroom/articles/older"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);

    let (_, headers, after) = get_with_headers(&article, &[("If-None-Match", &etag_before)]);
    assert!(after.contains("Fishermen report a record catch, then the storm"), "the page is fresh at once");
    assert_ne!(header(&headers, "etag"), Some(etag_before.as_str()));
    for path in ["/", "/sections/world", "/feed.xml"] {
        assert!(get(&server.url(path)).1.contains("Fishermen report a record catch, then the storm"), "{path}");
    }

    // A change from another process (the CLI), too.
    let strip = dateline(&[
        "breaking",
        "set",
        "Roads closed around the lake",
        "--until",
        "1h",
        "--data",
        data.path().to_str().unwrap(),
    ]);
    assert!(strip.status.success(), "{}", text(&strip));
    support::within_a_second("the strip on a kept page", || get(&article).1.contains("Roads closed around the lake"));
}
