//! `dateline backup` and `restore` on the real binary: a backup taken while a
//! server serves and another client writes restores to a consistent newsroom;
//! one taken at rest restores to the same newsroom, down to every public
//! answer, database row and media byte; damaged, cut, foreign or missing
//! files are refused, as is a restore over a running server, and a refused
//! restore changes nothing.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::json;
use sha2::{Digest, Sha256};
use support::api::{add_key, send};
use support::{Server, dateline, get_bytes_with_headers, text};

const BASE_URL: &str = "http://news.example";
const LEXICON: &str = "[words]\nKisumu = \"kee-SOO-moo\"\n";

/// The fixture newsroom, one article narrated by eSpeak NG, a lexicon file.
fn newsroom() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let content = dateline_import::fixtures::prepare("good").unwrap();
    run(&["import", content.path().to_str().unwrap(), "--data", data.to_str().unwrap()]);
    let config = root.path().join("voice.toml");
    std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-gb\"\n").unwrap();
    run(&["narrate", "lake-towns-move", "--data", data.to_str().unwrap(), "--config", config.to_str().unwrap()]);
    std::fs::create_dir_all(data.join("lexicon")).unwrap();
    std::fs::write(data.join("lexicon/en.toml"), LEXICON).unwrap();
    (root, data)
}

fn run(args: &[&str]) -> String {
    let out = dateline(args);
    assert!(out.status.success(), "dateline {args:?} failed:\n{}", text(&out));
    text(&out)
}

fn serve(data: &Path) -> Server {
    Server::start_with_env("serve", data, &[("DATELINE_BASE_URL", BASE_URL)])
}

fn backup(data: &Path, file: &Path) -> String {
    run(&["backup", file.to_str().unwrap(), "--data", data.to_str().unwrap()])
}

fn restore(file: &Path, data: &Path, force: bool) -> std::process::Output {
    let mut args = vec!["restore", file.to_str().unwrap(), "--data", data.to_str().unwrap()];
    if force {
        args.push("--force");
    }
    dateline(&args)
}

/// The whole database as SQL (Python's sqlite3 `iterdump`): every table, every row.
fn dump(data: &Path) -> String {
    let script = "import sqlite3, sys\n\
                  c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n\
                  print('\\n'.join(c.iterdump()))";
    let out = Command::new("python3").args(["-c", script]).arg(data.join("dateline.db")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Asserts two dumps are equal, naming the lines that differ.
fn assert_same_rows(a: &str, b: &str) {
    let (a, b): (BTreeSet<&str>, BTreeSet<&str>) = (a.lines().collect(), b.lines().collect());
    let (only_a, only_b): (Vec<_>, Vec<_>) = (a.difference(&b).collect(), b.difference(&a).collect());
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "rows differ:\n--- original\n{only_a:#?}\n--- restored\n{only_b:#?}"
    );
}

fn count(dump: &str, table: &str) -> usize {
    dump.lines().filter(|l| l.starts_with(&format!("INSERT INTO \"{table}\" "))).count()
}

/// Every file under `dir`: relative path → SHA-256.
fn files(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let sum = format!("{:x}", Sha256::digest(std::fs::read(&path).unwrap()));
                into.insert(path.strip_prefix(root).unwrap().to_string_lossy().into_owned(), sum);
            }
        }
    }
    let mut all = BTreeMap::new();
    walk(dir, dir, &mut all);
    all
}

/// Every public address reachable from the home page, the feeds, the
/// sitemaps and the API: links in pages, feeds and JSON, followed breadth first.
fn public_paths(server: &Server) -> BTreeSet<String> {
    let mut queue: VecDeque<String> = [
        "/",
        "/feed.xml",
        "/atom.xml",
        "/feed.json",
        "/podcast.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/articles",
        "/api/v1/sections",
        "/api/v1/contributors",
        "/search?q=lake",
        "/api/v1/search?q=lake",
    ]
    .map(String::from)
    .into();
    let mut seen = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || path.starts_with("/media/") || path.starts_with("/newsroom") {
            continue;
        }
        assert!(seen.len() < 3000, "the crawl does not end");
        let (_, headers, body) = get_bytes_with_headers(&server.url(&path), &[]);
        let kind = support::header(&headers, "content-type").unwrap_or("");
        if !(kind.contains("html") || kind.contains("xml") || kind.contains("json")) {
            continue;
        }
        for link in links(&String::from_utf8_lossy(&body)) {
            queue.push_back(link);
        }
    }
    seen
}

/// Site-relative links in any text: `href`/`src` values, absolute URLs under the base, JSON strings.
fn links(text: &str) -> Vec<String> {
    let text = text.replace("&amp;", "&").replace(BASE_URL, "");
    let mut found = Vec::new();
    // Attribute values and JSON strings sit between quotes, feed links between tags.
    for piece in text.split(['"', '<', '>']) {
        let piece = piece.trim();
        if piece.starts_with('/') && !piece.starts_with("//") && !piece.contains(char::is_whitespace) {
            found.push(piece.split('#').next().unwrap().to_owned());
        }
    }
    found
}

fn assert_same_answers(a: &Server, b: &Server, paths: &BTreeSet<String>) {
    for path in paths {
        let (status_a, _, body_a) = get_bytes_with_headers(&a.url(path), &[]);
        let (status_b, _, body_b) = get_bytes_with_headers(&b.url(path), &[]);
        assert_eq!(status_a, status_b, "{path}");
        assert!(
            body_a == body_b,
            "{path} differs:\n--- original\n{}\n--- restored\n{}",
            String::from_utf8_lossy(&body_a),
            String::from_utf8_lossy(&body_b)
        );
    }
}

#[test]
fn a_backup_taken_while_serving_and_writing_restores_the_same_newsroom() {
    let (root, data) = newsroom();
    let original = serve(&data);
    let key = add_key(data.to_str().unwrap(), "wire desk", "editor");

    // A wire service files and publishes stories, one after another, while the backup runs.
    let (stop, made) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let writer = {
        let (stop, made, api) = (stop.clone(), made.clone(), original.url("/api/v1/articles"));
        std::thread::spawn(move || {
            for n in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let story = json!({"headline": format!("Wire {n}"), "section": "world",
                                   "body": format!("Report number {n}."), "contributors": ["lakeside-desk"]});
                assert_eq!(send("POST", &api, Some(&key), &story).status, 201);
                let publish = send("POST", &format!("{api}/wire-{n}/publish"), Some(&key), &json!({"revision": 1}));
                assert_eq!(publish.status, 200, "{}", publish.body);
                made.store(n + 1, Ordering::Relaxed);
            }
        })
    };
    while made.load(Ordering::Relaxed) < 2 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // A backup that happened to fall between two writes proves little: take it again until one overlaps.
    let during = root.path().join("during.tar.gz");
    let (mut before, mut after, mut report) = (0, 0, String::new());
    for _ in 0..10 {
        before = made.load(Ordering::Relaxed);
        report = backup(&data, &during);
        after = made.load(Ordering::Relaxed);
        if after > before {
            break;
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert!(after > before, "stories were published while the backup ran ({before} → {after})");
    assert!(report.contains("1 lexicon files"), "{report}");

    // Restored, it is the newsroom of one moment: the stories up to some
    // point, each exactly as the original has it (the last perhaps still a draft).
    let moment = root.path().join("moment");
    let out = restore(&during, &moment, false);
    assert!(out.status.success(), "{}", text(&out));
    let stories = dump(&moment).lines().filter(|l| l.contains("'wire-")).count();
    let at_moment = serve(&moment);
    let mut live = 0;
    for n in 0..after + 1 {
        let path = format!("/api/v1/articles/wire-{n}");
        let (status, _, body) = get_bytes_with_headers(&at_moment.url(&path), &[]);
        let (_, _, then) = get_bytes_with_headers(&original.url(&path), &[]);
        if status == 200 {
            assert_eq!(live, n, "stories before wire-{n} are all there");
            assert!(body == then, "{path} as the original has it");
            live += 1;
        }
    }
    assert!(live >= before && live <= after, "{live} stories live in the backup ({before}…{after} published)");
    assert!(stories > 0);
    drop(at_moment);

    // Taken again with the writer stopped (the server still serving), it restores the same newsroom exactly.
    let rest = root.path().join("rest.tar.gz");
    backup(&data, &rest);
    let copy = root.path().join("copy");
    let out = restore(&rest, &copy, false);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("search index is rebuilt"), "{}", text(&out));
    let restored = serve(&copy);
    let (rows_before, rows_after) = (dump(&data), dump(&copy));
    assert_same_rows(&rows_before, &rows_after);
    // Rows keep their order (tags are listed by rowid); only the schema's triggers and indexes are listed in another.
    let rows = |d: &str| d.lines().filter(|l| l.starts_with("INSERT INTO")).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(rows(&rows_before), rows(&rows_after));
    let counts =
        |d: &str| ["articles", "revisions", "media", "narrations", "users", "library_images"].map(|t| count(d, t));
    assert_eq!(counts(&rows_before), counts(&rows_after));
    let [articles, revisions, _, narrations, ..] = counts(&rows_after);
    assert!(articles >= 4 + live && revisions >= live && narrations == 1, "{:?}", counts(&rows_after));
    assert!(copy.join("search").join("meta.json").is_file(), "the server built a search index");

    let paths = public_paths(&original);
    assert!(paths.len() > 40 && paths.iter().any(|p| p.starts_with("/articles/wire-")), "{paths:?}");
    assert_same_answers(&original, &restored, &paths);

    // Every media byte: on disk, and as served (images, variants, the narration's MP3 and cues).
    let (media_a, media_b) = (files(&data.join("media")), files(&copy.join("media")));
    assert_eq!(media_a, media_b);
    assert!(media_a.keys().any(|k| k.ends_with(".mp3")) && media_a.keys().any(|k| k.ends_with(".webp")), "{media_a:?}");
    for name in media_a.keys() {
        let (status, _, body) = get_bytes_with_headers(&restored.url(&format!("/media/{name}")), &[]);
        assert_eq!(status, 200, "{name}");
        assert_eq!(body, std::fs::read(data.join("media").join(name)).unwrap(), "{name}");
    }
    assert_eq!(std::fs::read_to_string(copy.join("lexicon/en.toml")).unwrap(), LEXICON);

    // Over a running server a restore is refused, even with --force, and nothing changes.
    let files_before = files(&data);
    let out = restore(&rest, &data, true);
    assert!(!out.status.success());
    assert!(text(&out).contains("a Dateline server is using"), "{}", text(&out));
    assert_eq!(files(&data), files_before);
    assert_eq!(dump(&data), rows_before);
}

#[test]
fn damaged_cut_or_foreign_files_are_refused_and_change_nothing() {
    let (root, data) = newsroom();
    let good = root.path().join("good.tar.gz");
    backup(&data, &good);
    let bytes = std::fs::read(&good).unwrap();
    let parent_before: BTreeSet<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();

    // The target: a newsroom with other content, replaced only by a good backup.
    let target = root.path().join("target");
    let content = dateline_import::fixtures::prepare("good").unwrap();
    run(&["import", content.path().to_str().unwrap(), "--data", target.to_str().unwrap()]);
    run(&["breaking", "set", "Other newsroom", "--data", target.to_str().unwrap()]);
    let target_before = files(&target);

    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("cut in half", bytes[..bytes.len() / 2].to_vec(), "cut short"),
        ("cut before gzip's end", bytes[..bytes.len() - 4].to_vec(), "cut short"),
        ("one byte changed", flipped, "damaged"),
        ("not a backup", b"hello, I am a text file\n".to_vec(), "not a gzip-compressed tar file"),
        ("empty", Vec::new(), "not a"),
    ];
    for (what, content, says) in cases {
        let file = root.path().join(format!("{what}.tar.gz"));
        std::fs::write(&file, &content).unwrap();
        let out = restore(&file, &target, true);
        let message = text(&out);
        assert!(!out.status.success(), "{what}: {message}");
        assert!(
            message.contains("is not a usable Dateline backup") && message.contains("is unchanged"),
            "{what}: {message}"
        );
        assert!(message.contains(says) || says == "damaged" && message.contains("cut short"), "{what}: {message}");
        assert_eq!(files(&target), target_before, "{what}: the data folder is unchanged");
        std::fs::remove_file(&file).unwrap();
    }
    let out = restore(&root.path().join("missing.tar.gz"), &target, true);
    assert!(!out.status.success() && text(&out).contains("cannot open the backup"), "{}", text(&out));

    // A non-empty folder needs --force.
    let out = restore(&good, &target, false);
    assert!(!out.status.success() && text(&out).contains("add --force"), "{}", text(&out));
    assert_eq!(files(&target), target_before);
    let parent_after: BTreeSet<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(parent_after.difference(&parent_before).collect::<Vec<_>>(), ["target"], "no temporary folders left");

    // With it, the good backup replaces the folder whole.
    let out = restore(&good, &target, true);
    assert!(out.status.success(), "{}", text(&out));
    assert_same_rows(&dump(&data), &dump(&target));
    assert!(!dump(&target).contains("Other newsroom"));
}
