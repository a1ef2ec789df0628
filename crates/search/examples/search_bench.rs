//! Index time and query latency for N generated English articles (default
//! 5,000 of ~400 words): one commit, then 500 searches of one to three
//! words. Prints a Markdown section for docs/BENCHMARKS.md (bench/search.py
//! puts it there). Bounded: a temporary folder, no network.

#![allow(clippy::unwrap_used)] // A benchmark that cannot set up should fail loudly.

use std::time::Instant;

use dateline_core::Language;
use dateline_search::{Document, SearchIndex};
use jiff::Timestamp;

const WORDS: &[&str] = &[
    "water",
    "council",
    "election",
    "harbour",
    "ferry",
    "market",
    "school",
    "road",
    "bridge",
    "rain",
    "flood",
    "river",
    "farmers",
    "prices",
    "budget",
    "hospital",
    "doctors",
    "teachers",
    "festival",
    "music",
    "library",
    "railway",
    "station",
    "storm",
    "drought",
    "harvest",
    "fishermen",
    "minister",
    "court",
    "judge",
    "police",
    "village",
    "town",
    "city",
    "coast",
    "mountain",
    "forest",
    "energy",
    "solar",
    "power",
    "strike",
    "workers",
    "port",
    "exports",
    "coffee",
    "tea",
    "cotton",
    "cattle",
    "voters",
    "mayor",
];
const FILLER: &[&str] = &["the", "a", "of", "and", "in", "on", "to", "was", "were", "said", "after", "before"];

/// A small deterministic generator: the same articles on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }

    fn text(&mut self, words: usize) -> String {
        (0..words)
            .map(|i| if i % 3 == 0 { WORDS[self.next(WORDS.len())] } else { FILLER[self.next(FILLER.len())] })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn main() {
    let count: usize = std::env::args().nth(1).map(|n| n.parse().unwrap()).unwrap_or(5_000);
    let mut rng = Lcg(7);
    let documents: Vec<Document> = (0..count)
        .map(|i| Document {
            slug: format!("article-{i}"),
            change: 1,
            language: Language::english(),
            headline: rng.text(9),
            summary: vec![rng.text(20), rng.text(15)],
            body: rng.text(400),
            published: Timestamp::from_second(1_700_000_000 + i as i64 * 60).unwrap(),
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let started = Instant::now();
    index.update(&documents, &[]).unwrap();
    let indexing = started.elapsed();
    let bytes: u64 = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();

    let now = Timestamp::now();
    let mut latencies = Vec::new();
    let mut results = 0;
    for i in 0..500 {
        let query = (0..1 + i % 3).map(|_| WORDS[rng.next(WORDS.len())]).collect::<Vec<_>>().join(" ");
        let started = Instant::now();
        results += index.search(&query, now, 0, 20).unwrap().hits.len();
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];

    let one_edit = Instant::now();
    let mut edited = documents[0].clone();
    edited.change = 2;
    index.update(&[edited], &[]).unwrap();
    let edit = one_edit.elapsed();

    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "<!-- search:start -->\n## Search\n\n\
         Command: `make bench-search` — {cores} cores, dev profile (tantivy at opt-level 2), \
         {count} generated English articles of ~430 words.\n\n\
         | measure | figure |\n|---|---|\n\
         | indexing all, one commit | {:.1} s ({:.0} articles/s) |\n\
         | index size on disk | {:.1} MB |\n\
         | one edited article re-indexed (commit included) | {:.0} ms |\n\
         | search, 1–3 words, first page of 20 with snippets: median | {:.2} ms |\n\
         | … 95th percentile | {:.2} ms |\n\
         | … slowest of 500 | {:.2} ms |\n\
         <!-- search:end -->",
        indexing.as_secs_f64(),
        count as f64 / indexing.as_secs_f64(),
        bytes as f64 / 1e6,
        edit.as_secs_f64() * 1000.0,
        at(0.5),
        at(0.95),
        at(1.0),
    );
    assert!(results > 0, "the queries found something");
}
