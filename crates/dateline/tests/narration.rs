//! Narration end to end, with the real engines: eSpeak NG (the `espeak-ng`
//! program) and the Piper neural voice (ONNX Runtime), as `make setup`
//! installs them. These tests never skip: a missing engine is a failure.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use dateline_import::fixtures;
use dateline_store::{SqliteStore, Store};
use support::{Server, dateline, dateline_with_env, get, text};

const SLUG: &str = "lake-towns-move";

/// A data folder with the fixture imported, and a config that picks the voice.
fn newsroom(voice: &str) -> (tempfile::TempDir, String) {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", data.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let config = data.path().join("test.toml");
    std::fs::write(&config, format!("[voice.languages]\nen = \"{voice}\"\n")).unwrap();
    (data, config.to_str().unwrap().to_owned())
}

fn narrate(data: &Path, config: &str, slug: &str) -> String {
    let out = dateline(&["narrate", slug, "--data", data.to_str().unwrap(), "--config", config]);
    assert!(out.status.success(), "narration failed:\n{}", text(&out));
    text(&out)
}

/// Decodes an MP3 completely: (sample rate, samples).
fn decode_mp3(bytes: &[u8]) -> (u32, usize) {
    let mut decoder = minimp3::Decoder::new(bytes);
    let (mut rate, mut samples) = (0, 0);
    loop {
        match decoder.next_frame() {
            Ok(frame) => {
                assert_eq!(frame.channels, 1, "mono");
                rate = frame.sample_rate as u32;
                samples += frame.data.len();
            }
            Err(minimp3::Error::Eof) => break,
            Err(e) => panic!("the MP3 does not decode: {e:?}"),
        }
    }
    (rate, samples)
}

/// Cue start and end times in seconds.
fn cues(vtt: &str) -> Vec<(f64, f64)> {
    let seconds = |t: &str| {
        let parts: Vec<f64> = t.trim().split(':').map(|p| p.parse().unwrap()).collect();
        parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]
    };
    vtt.lines().filter_map(|l| l.split_once(" --> ")).map(|(a, b)| (seconds(a), seconds(b))).collect()
}

async fn check_narration(data: &Path, expect_voice: &str) {
    let store = SqliteStore::open(data).await.unwrap();
    let n = store.narration(SLUG).await.unwrap().expect("the article has a narration");
    assert!(n.voice.starts_with(expect_voice), "voice {}", n.voice);
    let mp3 = std::fs::read(store.media_files().path(&n.audio.key).unwrap()).unwrap();
    let vtt = std::fs::read_to_string(store.media_files().path(&n.cues.key).unwrap()).unwrap();
    let (rate, samples) = decode_mp3(&mp3);
    let decoded = samples as f64 / rate as f64;
    let stored = n.duration_ms as f64 / 1000.0;
    assert!((decoded - stored).abs() / stored < 0.02, "decoded {decoded:.2} s vs the segments' {stored:.2} s");
    assert!(vtt.starts_with("WEBVTT"));
    let cues = cues(&vtt);
    assert_eq!(cues.len() as u32, n.sentences, "one cue per sentence");
    // Headline, 3 summary bullets and the body's sentences.
    assert!(cues.len() >= 12, "{} cues:\n{vtt}", cues.len());
    for pair in cues.windows(2) {
        assert!(pair[0].0 < pair[0].1 && pair[0].1 <= pair[1].0, "cues in order, not overlapping: {pair:?}");
    }
    assert!(cues.last().unwrap().1 <= stored + 0.001, "cues inside the audio");
    assert!(vtt.contains("Lake towns move to higher ground as water keeps rising"), "cues carry the page's text");
    assert!(vtt.contains("Water rose 40 cm in a week."), "summary read");
}

#[tokio::test(flavor = "multi_thread")]
async fn espeak_ng_narrates_an_article_end_to_end() {
    let (data, config) = newsroom("espeak:en-gb");
    narrate(data.path(), &config, SLUG);
    check_narration(data.path(), "espeak").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_neural_voice_narrates_an_article_end_to_end() {
    let (data, config) = newsroom("piper:en_US-joe-medium");
    let report = narrate(data.path(), &config, SLUG);
    assert!(!report.contains("eSpeak"), "{report}");
    check_narration(data.path(), "piper en_US-joe-medium").await;
}

#[test]
fn editing_one_sentence_synthesises_exactly_one_segment() {
    let (data, config) = newsroom("espeak:en-gb");
    let first = narrate(data.path(), &config, SLUG);
    assert!(first.contains(" spoken now"), "{first}");

    // The same content again: everything from the cache.
    let again = narrate(data.path(), &config, SLUG);
    assert!(again.contains("(0 spoken now"), "{again}");

    // Edit one sentence of the body and import the folder again.
    let content = fixtures::prepare("good").unwrap();
    let file = content.path().join("articles/world/flood.md");
    let edited = std::fs::read_to_string(&file).unwrap().replace(
        "Families loaded boats with mattresses and goats.",
        "Families loaded boats with mattresses, goats and radios.",
    );
    std::fs::write(&file, edited).unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", data.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let after = narrate(data.path(), &config, SLUG);
    assert!(after.contains("(1 spoken now"), "exactly one engine call for one edited sentence: {after}");
}

#[test]
fn a_narration_job_killed_mid_way_completes_after_restart() {
    let (data, config) = newsroom("piper:en_US-joe-medium");
    let db = data.path().join("dateline.db");
    let env = [("DATELINE_WORKERS", "1"), ("DATELINE_CONFIG", config.as_str())];
    let server = Server::start_with_env("serve", data.path(), &env);
    // Wait until a job is running (import queued one per published article), then kill -9.
    let deadline = Instant::now() + Duration::from_secs(60);
    let running = loop {
        let out = dateline(&["jobs", "--data", data.path().to_str().unwrap()]);
        let listing = text(&out);
        if listing.contains(" running ") {
            break listing;
        }
        assert!(Instant::now() < deadline, "no job started running:\n{listing}");
        std::thread::sleep(Duration::from_millis(20));
    };
    server.kill_9();
    assert!(db.exists());

    let server = Server::start_with_env("serve", data.path(), &env);
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        let listing = text(&dateline(&["jobs", "--data", data.path().to_str().unwrap()]));
        let pending = listing.lines().any(|l| l.contains(" queued ") || l.contains(" running "));
        if !pending {
            // Only the Pashto article fails: no installed voice reads Pashto.
            let failed: Vec<&str> = listing.lines().filter(|l| l.contains(" failed ")).collect();
            assert!(failed.len() == 1 && failed[0].contains("river-rises-ps"), "{listing}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "jobs did not finish after the restart:\n{listing}\n(killed while:\n{running})"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    // Every published article now has its player, pointing at files that exist.
    for slug in ["lake-towns-move", "older"] {
        let (status, html) = get(&server.url(&format!("/articles/{slug}")));
        assert_eq!(status, 200);
        let src = html
            .split("<audio")
            .nth(1)
            .and_then(|a| a.split("src=\"").nth(1))
            .unwrap_or_else(|| panic!("{slug} has no player"));
        let src = &src[..src.find('"').unwrap()];
        assert_eq!(get(&server.url(src)).0, 200, "{slug}: {src}");
        // Audio is served as is (never gzipped) and seekable with Range requests.
        let ranged = [("Range", "bytes=1000-1999"), ("Accept-Encoding", "gzip")];
        let (status, headers, _) = support::get_with_headers(&server.url(src), &ranged);
        assert_eq!(status, 206, "{slug}: range request");
        assert_eq!(support::header(&headers, "content-encoding"), None);
        assert_eq!(support::header(&headers, "content-type"), Some("audio/mpeg"));
    }
}

#[test]
fn a_language_without_a_voice_fails_clearly_and_the_page_keeps_no_player() {
    // eSpeak NG has no Pashto voice, and no neural one is installed for it.
    let (data, config) = newsroom("espeak:en-gb");
    let out = dateline_with_env(
        &["narrate", "river-rises-ps", "--data", data.path().to_str().unwrap(), "--config", &config],
        &[],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("river-rises-ps: not narrated: no voice reads ps"), "{}", text(&out));
    let server = Server::start("serve", data.path());
    let (_, html) = get(&server.url("/articles/river-rises-ps"));
    assert!(!html.contains("<audio"), "no dead player");
}

/// Synthesised sentences in the segment cache.
fn cached_segments(data: &Path) -> usize {
    walk(&data.join("narration-cache"))
}

fn walk(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        usize::from(e.path().extension().is_some_and(|x| x == "wav"))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Waits until no job is queued or running.
fn wait_for_jobs(data: &Path, seconds: u64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let listing = text(&dateline(&["jobs", "--data", data.to_str().unwrap()]));
        if !listing.lines().any(|l| l.contains(" queued ") || l.contains(" running ")) {
            return;
        }
        assert!(Instant::now() < deadline, "jobs still pending after {seconds} s:\n{listing}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_lexicon_change_renarrates_only_the_sentences_using_it_and_the_feeds_list_the_audio() {
    let (data, config) = newsroom("espeak:en-gb");
    let env = [("DATELINE_WORKERS", "1"), ("DATELINE_CONFIG", config.as_str())];
    let server = Server::start_with_env("serve", data.path(), &env);
    wait_for_jobs(data.path(), 120);
    let (_, before) = get(&server.url(&format!("/articles/{SLUG}")));
    let segments = cached_segments(data.path());
    assert!(segments > 10, "{segments} segments");

    // "Atieno" appears in exactly one spoken sentence (the quote's attribution).
    std::fs::create_dir_all(data.path().join("lexicon")).unwrap();
    std::fs::write(data.path().join("lexicon/en.toml"), "\"Atieno\" = { say = \"Ah-tee-EH-no\" }\n").unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while cached_segments(data.path()) == segments {
        assert!(Instant::now() < deadline, "the lexicon change was not picked up");
        std::thread::sleep(Duration::from_millis(200));
    }
    wait_for_jobs(data.path(), 120);
    assert_eq!(cached_segments(data.path()), segments + 1, "exactly one sentence spoken again");
    let (_, after) = get(&server.url(&format!("/articles/{SLUG}")));
    let audio = |html: &str| {
        html.split("<audio").nth(1).and_then(|a| a.split("src=\"").nth(1)).map(|s| s[..s.find('"').unwrap()].to_owned())
    };
    assert_ne!(audio(&before), audio(&after), "the page switched to the new narration");

    // Podcast feeds: site-wide and per section, narrated articles only.
    let (status, feed) = get(&server.url("/podcast.xml"));
    assert_eq!(status, 200);
    assert!(feed.contains("xmlns:itunes=") && feed.contains("<itunes:category text=\"News\""), "{feed}");
    assert_eq!(feed.matches("<item>").count(), 2, "the two narrated English articles:\n{feed}");
    assert!(feed.contains(r#"type="audio/mpeg""#) && feed.contains("<itunes:duration>00:0"), "{feed}");
    assert!(feed.contains(&format!("<enclosure url=\"{}", server.url("/media/"))), "absolute enclosure URLs:\n{feed}");
    let (_, world) = get(&server.url("/sections/world/podcast.xml"));
    assert_eq!(world.matches("<item>").count(), 2);
    let (_, pashto) = get(&server.url("/sections/pashto/podcast.xml"));
    assert_eq!(pashto.matches("<item>").count(), 0, "no voice for Pashto, so no episodes");
    assert_eq!(get(&server.url("/sections/nope/podcast.xml")).0, 404);
}
