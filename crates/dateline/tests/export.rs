//! `dateline export` end to end: the fixture (with two pages of World, a
//! narration, images and their variants) exported by the real binary, served
//! by a plain static server (Python's http.server on loopback) and crawled
//! link by link; an edit and an unpublishing exported again; bad folders.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use dateline_import::fixtures;
use sha2::{Digest, Sha256};
use support::{dateline, text};

const BASE: &str = "https://news.example";
/// Articles added to World so that its list has a second page.
const BULK: usize = 22;

/// The fixture plus `BULK` older World stories, imported, with one narration.
struct Site {
    content: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl Site {
    fn new() -> Self {
        let content = fixtures::prepare("good").unwrap();
        for n in 1..=BULK {
            std::fs::write(
                content.path().join(format!("articles/world/bulk-{n:02}.md")),
                format!(
                    "+++\nheadline = \"Archive story {n}\"\nslug = \"bulk-{n:02}\"\nsection = \"world\"\n\
                     published = 2026-10-{n:02}T06:00:00Z\ncontributors = [\"amara-osei\"]\n+++\n\n\
                     Story {n}. See [the flood](/articles/lake-towns-move) and [the river](/sections/pashto).\n"
                ),
            )
            .unwrap();
        }
        let data = tempfile::tempdir().unwrap();
        let site = Site { content, data };
        site.import();
        let config = site.data.path().join("voice.toml");
        std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-gb\"\n").unwrap();
        let out = dateline(&["narrate", "lake-towns-move", "--data", site.d(), "--config", config.to_str().unwrap()]);
        assert!(out.status.success(), "narration failed:\n{}", text(&out));
        site
    }

    fn d(&self) -> &str {
        self.data.path().to_str().unwrap()
    }

    fn import(&self) {
        let out = dateline(&["import", self.content.path().to_str().unwrap(), "--data", self.d()]);
        assert!(out.status.success(), "{}", text(&out));
    }

    /// Runs `dateline export OUT --base-url BASE` and returns what it printed.
    fn export(&self, out: &Path, extra: &[&str]) -> String {
        let mut args = vec!["export", out.to_str().unwrap(), "--data", self.d(), "--base-url", BASE];
        args.extend_from_slice(extra);
        let output = dateline(&args);
        assert!(output.status.success(), "export failed:\n{}", text(&output));
        let printed = text(&output);
        assert!(!printed.contains("warning"), "the export found links that lead nowhere:\n{printed}");
        printed
    }

    /// Rewrites an article file of the content folder, then imports the folder again.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.content.path().join(file);
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(before.contains(from), "{file} has no '{from}'");
        std::fs::write(&path, before.replace(from, to)).unwrap();
        self.import();
    }
}

/// Every file in `out` (relative paths) with its modification time and SHA-256.
fn snapshot(out: &Path) -> BTreeMap<String, (SystemTime, String)> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let rel = path.strip_prefix(out).unwrap().to_str().unwrap().to_owned();
                let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
                let hash: String =
                    Sha256::digest(std::fs::read(&path).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
                files.insert(rel, (mtime, hash));
            }
        }
    }
    files
}

/// A static file server on loopback: `python3 -m http.server`, killed when dropped.
struct StaticServer {
    child: Child,
    base: String,
}

impl StaticServer {
    fn start(root: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        let server = StaticServer { child, base: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(20);
        while status(&format!("{}/", server.base)).0 != 200 {
            assert!(Instant::now() < deadline, "http.server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// GET without following redirects: (status, Location, body).
fn status(url: &str) -> (u16, Option<String>, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    match agent.get(url).call() {
        Ok(mut r) => {
            let location = r.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
            (r.status().as_u16(), location, r.body_mut().with_config().limit(64 << 20).read_to_vec().unwrap())
        }
        Err(_) => (0, None, Vec::new()),
    }
}

/// The values of `href`, `src`, `action` and `srcset` (each URL) in an HTML page.
fn html_links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attr in [" href=\"", " src=\"", " action=\"", " srcset=\""] {
        for (at, _) in html.match_indices(attr) {
            let value = &html[at + attr.len()..];
            let value = value[..value.find('"').unwrap()].replace("&amp;", "&");
            if attr == " srcset=\"" {
                links.extend(value.split(',').filter_map(|c| c.split_whitespace().next()).map(str::to_owned));
            } else {
                links.push(value);
            }
        }
    }
    links
}

/// Absolute links to the site in a feed or sitemap.
fn absolute_links(text: &str) -> Vec<String> {
    text.match_indices(BASE)
        .map(|(at, _)| {
            let rest = &text[at..];
            rest[..rest.find(['"', '<', ' ', '\n', '&', ')', '\\']).unwrap_or(rest.len())].to_owned()
        })
        .collect()
}

/// Crawls the exported site through the static server from every exported
/// page, feed and sitemap; returns the site paths that did not answer 200.
fn broken_links(out: &Path, server: &StaticServer) -> Vec<String> {
    let mut queue: VecDeque<String> = snapshot(out)
        .keys()
        .filter(|p| {
            !p.starts_with('.')
                && (p.ends_with(".html") || p.ends_with(".xml") || p.ends_with(".atom") || p.ends_with(".json"))
        })
        .map(|p| format!("/{}", p.trim_end_matches("index.html")))
        .collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut broken = Vec::new();
    while let Some(path) = queue.pop_front() {
        let (mut code, location, mut body) = status(&format!("{}{path}", server.base));
        // Absolute links in feeds name pages without the slash: plain servers redirect.
        if code == 301 && location.as_deref().is_some_and(|l| l.ends_with('/')) && !path.ends_with('/') {
            (code, _, body) = status(&format!("{}{path}/", server.base));
        }
        if code != 200 {
            broken.push(format!("{path} ({code})"));
            continue;
        }
        let text = String::from_utf8_lossy(&body);
        let links =
            if text.trim_start().starts_with("<!doctype html") { html_links(&text) } else { absolute_links(&text) };
        for link in links {
            let local = match link.strip_prefix(BASE) {
                Some(rest) => rest.to_owned(),
                None if link.starts_with('/') && !link.starts_with("//") => link,
                None => continue,
            };
            let local = local[..local.find(['#', '?']).unwrap_or(local.len())].to_owned();
            if !local.is_empty() && seen.insert(local.clone()) {
                queue.push_back(local);
            }
        }
    }
    broken
}

#[test]
fn exports_a_site_a_static_server_serves_with_no_broken_links() {
    let site = Site::new();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let printed = site.export(&out, &[]);
    let files = snapshot(&out);
    assert!(printed.contains(&format!("{} written, 0 unchanged, 0 removed", files.len() - 1)), "{printed}");

    // Every kind of page and file.
    for file in [
        "index.html",
        "404.html",
        "articles/lake-towns-move/index.html",
        "articles/river-rises-ps/index.html",
        "sections/world/index.html",
        "sections/world/page/2/index.html",
        "sections/world/feed.xml",
        "sections/world/podcast.xml",
        "contributors/amara-osei/index.html",
        "contributors/amara-osei/feed.json",
        "lite/index.html",
        "lite/sections/world/page/2/index.html",
        "lite/articles/lake-towns-move/index.html",
        "feed.xml",
        "feed.atom",
        "feed.json",
        "podcast.xml",
        "robots.txt",
        "sitemap.xml",
        "sitemaps/pages.xml",
        "sitemaps/articles-1.xml",
        "sitemaps/news.xml",
        "search/index.html",
        "search/index.json",
        ".dateline-export.json",
    ] {
        assert!(files.contains_key(file), "{file} was not exported");
    }
    let kinds = |ext: &str| files.keys().filter(|f| f.starts_with("media/") && f.ends_with(ext)).count();
    assert!(kinds(".jpg") + kinds(".png") >= 2 && kinds(".webp") >= 2, "images and variants: {files:?}");
    assert_eq!((kinds(".mp3"), kinds(".vtt")), (1, 1), "the narration and its cues");
    // A web server running as another user can read every file (the data folder keeps media private).
    for file in files.keys() {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join(file)).unwrap().permissions().mode();
        assert_eq!(mode & 0o444, 0o444, "{file} is not readable by all: {mode:o}");
    }
    assert!(files.keys().any(|f| f.starts_with("assets/site.") && f.ends_with(".css")));
    assert!(!files.keys().any(|f| f.contains("draft") || f.contains("unfinished") || f.starts_with("newsroom")));

    // Links work on a plain static server: the crawl finds nothing missing.
    let server = StaticServer::start(&out);
    assert_eq!(broken_links(&out, &server), Vec::<String>::new());
    let (code, _, page) = status(&format!("{}/sections/world/page/2/", server.base));
    let page = String::from_utf8(page).unwrap();
    assert_eq!(code, 200);
    assert!(page.contains("Archive story 1<") && page.contains("href=\"/sections/world/\""), "{page}");
    assert!(page.contains(&format!("rel=\"canonical\" href=\"{BASE}/sections/world/page/2/\"")), "{page}");
    // The search form leads to the static search page, which loads its script and index.
    assert!(page.contains("action=\"/search/\""));
    let search = std::fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(search.contains("<script src=\"/assets/search.") && search.contains("data-index=\"/search/index.json\""));
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("search/index.json")).unwrap()).unwrap();
    let entries = index["articles"].as_array().unwrap();
    assert_eq!(entries.len(), BULK + 3, "every live article, no draft");
    assert!(entries.iter().any(|e| e["h"] == "Lake towns move to higher ground as water keeps rising"
        && e["u"] == "/articles/lake-towns-move/"
        && e["s"] == "World"));
    // The 404 page is a whole page with working links.
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains("href=\"/sections/world/\""), "{not_found}");
    // Text-size links need no server: they lead back to the page, where site.js switches the size.
    let article = std::fs::read_to_string(out.join("articles/lake-towns-move/index.html")).unwrap();
    assert!(!article.contains("/text-size?"));
    assert!(article.contains("href=\"/articles/lake-towns-move/\" data-text-size=\"lg\""), "{article}");

    // Feeds and sitemaps are absolute, on the base URL, and byte for byte what the server sends.
    for file in ["feed.xml", "sitemap.xml", "sitemaps/articles-1.xml", "podcast.xml", "robots.txt"] {
        let body = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(body.contains(&format!("{BASE}/")), "{file} has no absolute links:\n{body}");
        assert!(!body.contains("127.0.0.1"), "{file}");
    }
    let live = support::Server::start_with_env("serve", site.data.path(), &[("DATELINE_BASE_URL", BASE)]);
    for file in ["feed.xml", "feed.atom", "sitemaps/articles-1.xml", "sections/world/podcast.xml"] {
        let (code, body) = support::get(&live.url(&format!("/{file}")));
        assert_eq!(code, 200);
        assert_eq!(body, std::fs::read_to_string(out.join(file)).unwrap(), "{file} differs from the server's");
    }
    // Exporting beside the running server (which holds the search index) works, and gives the same files.
    let beside = tempfile::tempdir().unwrap();
    let again = beside.path().join("site");
    site.export(&again, &[]);
    let manifest = |dir: &Path| std::fs::read_to_string(dir.join(".dateline-export.json")).unwrap();
    assert_eq!(manifest(&again), manifest(&out));
}

#[test]
fn a_second_export_rewrites_only_what_changed_and_removes_what_left() {
    let site = Site::new();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    site.export(&out, &[]);
    // Files the export does not own stay, even inside its folders.
    std::fs::write(out.join("CNAME"), "news.example\n").unwrap();
    std::fs::write(out.join("articles/older/notes.txt"), "mine\n").unwrap();

    // Nothing changed: nothing is written.
    let before = snapshot(&out);
    let printed = site.export(&out, &[]);
    assert!(printed.contains(&format!("0 written, {} unchanged, 0 removed", before.len() - 3)), "{printed}");
    let after = snapshot(&out);
    let touched: Vec<&String> = after.keys().filter(|p| before.get(*p) != after.get(*p)).collect();
    assert!(touched.is_empty() && after.len() == before.len(), "touched: {touched:?}");

    // One edit: exactly the files showing that article's headline are rewritten.
    std::thread::sleep(Duration::from_millis(20));
    site.edit("articles/world/older.md", "Fishermen report record catch", "Fishers report a record catch");
    let printed = site.export(&out, &[]);
    let after = snapshot(&out);
    let rewritten: BTreeSet<&str> =
        after.iter().filter(|(path, stamp)| before.get(*path) != Some(stamp)).map(|(p, _)| p.as_str()).collect();
    let changed_bytes: BTreeSet<&str> = after
        .iter()
        .filter(|(path, (_, hash))| before.get(*path).map(|b| &b.1) != Some(hash))
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(rewritten, changed_bytes, "a file was written with the same bytes");
    let expected: BTreeSet<&str> = [
        ".dateline-export.json",
        "index.html",
        "lite/index.html",
        "articles/older/index.html",
        "lite/articles/older/index.html",
        "sections/world/index.html",
        "lite/sections/world/index.html",
        "contributors/lakeside-desk/index.html",
        "contributors/lakeside-desk/feed.xml",
        "contributors/lakeside-desk/feed.atom",
        "contributors/lakeside-desk/feed.json",
        "sections/world/feed.xml",
        "sections/world/feed.atom",
        "sections/world/feed.json",
        "feed.xml",
        "feed.atom",
        "feed.json",
        "search/index.json",
    ]
    .into();
    assert_eq!(rewritten, expected, "{printed}");
    assert!(
        printed.contains(&format!(
            "{} written, {} unchanged, 0 removed",
            expected.len() - 1,
            before.len() - 3 - (expected.len() - 1)
        )),
        "{printed}"
    );
    let page = std::fs::read_to_string(out.join("articles/older/index.html")).unwrap();
    assert!(page.contains("Fishers report a record catch"));

    // Unpublished: its pages go, the folders they leave empty too; others' files stay.
    site.edit("articles/world/older.md", "tags = [\"fishing\"]", "tags = [\"fishing\"]\ndraft = true");
    let printed = site.export(&out, &[]);
    assert!(printed.contains(", 2 removed"), "{printed}");
    assert!(!out.join("articles/older/index.html").exists());
    assert!(!out.join("lite/articles/older").exists(), "the empty folder is removed");
    assert_eq!(std::fs::read_to_string(out.join("articles/older/notes.txt")).unwrap(), "mine\n");
    assert_eq!(std::fs::read_to_string(out.join("CNAME")).unwrap(), "news.example\n");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("/articles/older/"), "{home}");
}

#[test]
fn bad_folders_are_refused_with_nothing_written() {
    let site = Site::new();
    let dir = tempfile::tempdir().unwrap();
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec!["export", out.to_str().unwrap(), "--data", site.d()];
        args.extend_from_slice(extra);
        dateline(&args)
    };

    // A file, not a folder.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let output = run(&file, &[]);
    assert!(!output.status.success());
    assert!(text(&output).contains("is a file, not a folder"), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");

    // A folder that cannot be made.
    let output = run(&file.join("site"), &[]);
    assert!(!output.status.success());
    assert!(text(&output).contains("cannot write into"), "{}", text(&output));

    // Someone else's folder: refused unless --force, and then their files stay.
    let theirs = dir.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("index.html"), "their home page").unwrap();
    std::fs::write(theirs.join("keep.txt"), "keep").unwrap();
    let output = run(&theirs, &[]);
    assert!(!output.status.success());
    assert!(text(&output).contains("--force"), "{}", text(&output));
    assert_eq!(snapshot(&theirs).len(), 2, "nothing was written");
    let output = run(&theirs, &["--force"]);
    assert!(output.status.success(), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(theirs.join("keep.txt")).unwrap(), "keep");
    assert!(theirs.join(".dateline-export.json").is_file());

    // No data folder: said so, and none is created.
    let missing = dir.path().join("no-data");
    let output = dateline(&["export", dir.path().join("out").to_str().unwrap(), "--data", missing.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(text(&output).contains("no Dateline data folder"), "{}", text(&output));
    assert!(!missing.exists() && !dir.path().join("out").exists());

    // A bad base URL.
    let output = run(&dir.path().join("out"), &["--base-url", "news.example"]);
    assert!(!output.status.success());
    assert!(text(&output).contains("must start with http"), "{}", text(&output));
    assert!(!dir.path().join("out").exists());
}
