//! The index on disk: its schema, the one writer, updates and searches.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use jiff::Timestamp;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, DirectoryLock, INDEX_WRITER_LOCK, MmapDirectory};
use tantivy::query::{AllQuery, Query};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, SegmentReader, TantivyDocument, Term};

use crate::analysis::{ALL, Analysis};
use crate::query::{self, Cleaned};
use crate::{Document, SearchError};

/// Memory for the one indexing thread (tantivy's floor is 15 MB).
const WRITER_MEMORY: usize = 20_000_000;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// The text fields of one analysis.
#[derive(Clone, Copy)]
pub(crate) struct TextFields {
    pub headline: Field,
    pub summary: Field,
    pub body: Field,
}

#[derive(Clone)]
pub(crate) struct Fields {
    slug: Field,
    change: Field,
    published: Field,
    analysis: Field,
    pub by_analysis: Vec<(Analysis, TextFields)>,
}

impl Fields {
    fn of(&self, analysis: Analysis) -> Option<TextFields> {
        self.by_analysis.iter().find(|(a, _)| *a == analysis).map(|(_, f)| *f)
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let slug = builder.add_text_field("slug", STRING | STORED);
    let change = builder.add_i64_field("change", NumericOptions::default().set_stored());
    let published = builder.add_i64_field("published", INDEXED | STORED | tantivy::schema::FAST);
    let analysis = builder.add_text_field("analysis", STRING | STORED);
    let by_analysis = ALL
        .into_iter()
        .map(|a| {
            let options = TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(a.name())
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            let mut field = |part: &str| builder.add_text_field(&format!("{part}_{}", a.name()), options.clone());
            (a, TextFields { headline: field("headline"), summary: field("summary"), body: field("body") })
        })
        .collect();
    (builder.build(), Fields { slug, change, published, analysis, by_analysis })
}

/// The search index of one data folder. Only one process may hold it (the
/// writer's lock file): opening it in a second one is [`SearchError::Busy`].
pub struct SearchIndex {
    dir: PathBuf,
    fields: Fields,
    writer: Mutex<IndexWriter>,
    reader: IndexReader,
    /// What the index holds: slug → change number.
    held: Mutex<HashMap<String, i64>>,
}

/// The index's writer lock, held by a process that does not use the index.
pub struct IndexLock {
    _held: DirectoryLock,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The words searched for, as cleaned (empty: nothing searchable was asked).
    pub cleaned: String,
    /// Live articles matching, on all pages.
    pub total: u64,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub slug: String,
    /// Escaped text in which only `<mark>` is markup.
    pub snippet_html: String,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (or starting it afresh when it
    /// was written with another schema: it is rebuilt from the store anyway).
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let io = |e: std::io::Error| SearchError::Io(dir.to_owned(), e);
        std::fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema();
        let index = match Self::existing(dir, &schema) {
            Some(index) => index,
            None => {
                // Empty, or written with another schema or format: the store
                // has everything, so start afresh.
                std::fs::remove_dir_all(dir).map_err(io)?;
                std::fs::create_dir_all(dir).map_err(io)?;
                Index::create_in_dir(dir, schema).map_err(|e| SearchError::Index(dir.to_owned(), e))?
            }
        };
        Self::with_index(dir, index, fields)
    }

    /// Takes the index's writer lock without opening the index, for a process
    /// that must be sure no server holds the data folder (`dateline restore`):
    /// `Busy` while one does, `None` when there is no index folder. The lock
    /// lasts as long as the returned value.
    pub fn lock_unused(dir: &Path) -> Result<Option<IndexLock>, SearchError> {
        if !dir.is_dir() {
            return Ok(None);
        }
        let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Index(dir.to_owned(), e.into()))?;
        match directory.acquire_lock(&INDEX_WRITER_LOCK) {
            Ok(lock) => Ok(Some(IndexLock { _held: lock })),
            Err(LockError::LockBusy) => Err(SearchError::Busy(dir.to_owned())),
            Err(LockError::IoError(e)) => Err(SearchError::Io(dir.to_owned(), std::io::Error::other(e.to_string()))),
        }
    }

    /// An index in memory, filled from the store when first searched: for a
    /// process that must not take the data folder's index from a running
    /// server (`dateline export`).
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        Self::with_index(Path::new("(memory)"), Index::create_in_ram(schema), fields)
    }

    fn with_index(dir: &Path, index: Index, fields: Fields) -> Result<Self, SearchError> {
        for analysis in ALL {
            index.tokenizers().register(analysis.name(), analysis.analyzer());
        }
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => SearchError::Busy(dir.to_owned()),
            other => SearchError::Index(dir.to_owned(), other),
        })?;
        // A commit cut short (kill -9) leaves files meta.json does not name, and
        // the same work after a restart writes the same deletes file again
        // (`<segment>.<opstamp>.del`): tantivy refuses to overwrite it, and no
        // commit would ever succeed. Remove them before the first commit.
        writer.garbage_collect_files().wait().map_err(|e| SearchError::Index(dir.to_owned(), e))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| SearchError::Index(dir.to_owned(), e))?;
        let opened =
            Self { dir: dir.to_owned(), fields, writer: Mutex::new(writer), reader, held: Mutex::new(HashMap::new()) };
        let held = opened.read_held()?;
        *opened.held.lock().unwrap_or_else(|e| e.into_inner()) = held;
        Ok(opened)
    }

    /// The index in `dir`, if there is one this version can use.
    fn existing(dir: &Path, schema: &Schema) -> Option<Index> {
        let directory = MmapDirectory::open(dir).ok()?;
        if !Index::exists(&directory).unwrap_or(false) {
            return None;
        }
        let index = Index::open(directory).ok()?;
        if index.schema() == *schema {
            Some(index)
        } else {
            tracing::warn!(dir = %dir.display(), "the search index has another schema: rebuilding it");
            None
        }
    }

    fn err(&self, e: tantivy::TantivyError) -> SearchError {
        SearchError::Index(self.dir.clone(), e)
    }

    /// Slug → change number of every document, read from the stored fields.
    fn read_held(&self) -> Result<HashMap<String, i64>, SearchError> {
        let searcher = self.reader.searcher();
        let addresses = searcher.search(&AllQuery, &DocSetCollector).map_err(|e| self.err(e))?;
        let mut held = HashMap::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            let slug = doc.get_first(self.fields.slug).and_then(|v| v.as_str()).unwrap_or_default();
            let change = doc.get_first(self.fields.change).and_then(|v| v.as_i64()).unwrap_or_default();
            held.insert(slug.to_owned(), change);
        }
        Ok(held)
    }

    /// What the index holds: slug → change number.
    pub fn held(&self) -> HashMap<String, i64> {
        self.held.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// (Re)indexes `documents` and forgets `removed`, in one commit.
    pub fn update(&self, documents: &[Document], removed: &[String]) -> Result<(), SearchError> {
        if documents.is_empty() && removed.is_empty() {
            return Ok(());
        }
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for slug in removed.iter().chain(documents.iter().map(|d| &d.slug)) {
            writer.delete_term(Term::from_field_text(self.fields.slug, slug));
        }
        self.commit(&mut writer, documents)?;
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        for slug in removed {
            held.remove(slug);
        }
        held.extend(documents.iter().map(|d| (d.slug.clone(), d.change)));
        Ok(())
    }

    /// Replaces everything with `documents`.
    pub fn rebuild(&self, documents: &[Document]) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.delete_all_documents().map_err(|e| self.err(e))?;
        self.commit(&mut writer, documents)?;
        *self.held.lock().unwrap_or_else(|e| e.into_inner()) =
            documents.iter().map(|d| (d.slug.clone(), d.change)).collect();
        Ok(())
    }

    /// Adds the documents and commits; on any failure nothing of it stays.
    fn commit(&self, writer: &mut IndexWriter, documents: &[Document]) -> Result<(), SearchError> {
        let result = documents
            .iter()
            .try_for_each(|d| writer.add_document(self.to_tantivy(d)).map(|_| ()))
            .and_then(|()| writer.commit().map(|_| ()))
            .and_then(|()| self.reader.reload());
        if let Err(e) = result {
            let _ = writer.rollback();
            return Err(self.err(e));
        }
        Ok(())
    }

    fn to_tantivy(&self, d: &Document) -> TantivyDocument {
        let analysis = Analysis::for_language(&d.language);
        let mut doc = TantivyDocument::default();
        doc.add_text(self.fields.slug, &d.slug);
        doc.add_i64(self.fields.change, d.change);
        doc.add_i64(self.fields.published, d.published.as_second());
        doc.add_text(self.fields.analysis, analysis.name());
        if let Some(text) = self.fields.of(analysis) {
            doc.add_text(text.headline, &d.headline);
            for point in &d.summary {
                doc.add_text(text.summary, point);
            }
            doc.add_text(text.body, &d.body);
        }
        doc
    }

    /// The articles live at `now` that contain every word of `text` (in the
    /// headline, summary or body), best first: headline matches weigh most,
    /// then the summary, then the body; equal scores go newest first.
    /// Any text is a valid query: operators and quotes are just punctuation.
    pub fn search(&self, text: &str, now: Timestamp, offset: usize, limit: usize) -> Result<Found, SearchError> {
        let Cleaned { text: cleaned, query: Some(words) } = query::build(text, &self.fields) else {
            return Ok(Found { cleaned: query::clean(text), total: 0, hits: Vec::new() });
        };
        let live = query::live_at(self.fields.published, now, words.box_clone());
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset).tweak_score(move |segment: &SegmentReader| {
            let published = segment.fast_fields().i64("published").ok().map(|c| c.first_or_default_col(0));
            move |doc, score| (score, published.as_ref().map_or(0, |p| p.get_val(doc)))
        });
        let (total, top) = searcher.search(&live, &(Count, top)).map_err(|e| self.err(e))?;
        let mut snippets = Snippets { searcher: &searcher, query: words.as_ref(), generators: HashMap::new() };
        let mut hits = Vec::with_capacity(top.len());
        for (_, address) in top.into_iter().take(limit) {
            hits.push(self.hit(&mut snippets, address)?);
        }
        Ok(Found { cleaned, total: total as u64, hits })
    }

    fn hit(&self, snippets: &mut Snippets<'_>, address: DocAddress) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = snippets.searcher.doc(address).map_err(|e| self.err(e))?;
        let slug = doc.get_first(self.fields.slug).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let analysis = doc
            .get_first(self.fields.analysis)
            .and_then(|v| v.as_str())
            .and_then(Analysis::from_name)
            .unwrap_or(Analysis::Words);
        let Some(text) = self.fields.of(analysis) else {
            return Ok(Hit { slug, snippet_html: String::new() });
        };
        // The body's best passage; else the summary's; else the body's start.
        for field in [text.body, text.summary] {
            let generator = snippets.generator(field).map_err(|e| self.err(e))?;
            let mut snippet = generator.snippet_from_doc(&doc);
            if !snippet.highlighted().is_empty() {
                snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                return Ok(Hit { slug, snippet_html: snippet.to_html() });
            }
        }
        let body = doc.get_first(text.body).and_then(|v| v.as_str()).unwrap_or_default();
        Ok(Hit { slug, snippet_html: dateline_core::markdown::escape_html(&opening(body, SNIPPET_CHARS)) })
    }
}

/// Snippet generators of one search, one per field met.
struct Snippets<'a> {
    searcher: &'a tantivy::Searcher,
    query: &'a dyn Query,
    generators: HashMap<Field, SnippetGenerator>,
}

impl Snippets<'_> {
    fn generator(&mut self, field: Field) -> tantivy::Result<&SnippetGenerator> {
        if !self.generators.contains_key(&field) {
            let mut generator = SnippetGenerator::create(self.searcher, self.query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            self.generators.insert(field, generator);
        }
        Ok(&self.generators[&field])
    }
}

/// The first `max` characters, cut at a space, with an ellipsis when cut.
fn opening(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..cut];
    format!("{}…", head.rfind(char::is_whitespace).map_or(head, |at| &head[..at]).trim_end())
}

#[cfg(test)]
mod tests {
    use dateline_core::Language;

    use super::*;

    fn doc(slug: &str, language: &str, headline: &str, body: &str, published: i64) -> Document {
        Document {
            slug: slug.into(),
            change: 1,
            language: Language::parse(language).unwrap(),
            headline: headline.into(),
            summary: Vec::new(),
            body: body.into(),
            published: Timestamp::from_second(published).unwrap(),
        }
    }

    fn now() -> Timestamp {
        Timestamp::from_second(2_000_000_000).unwrap()
    }

    fn slugs(found: &Found) -> Vec<&str> {
        found.hits.iter().map(|h| h.slug.as_str()).collect()
    }

    #[test]
    fn a_commit_cut_short_does_not_stop_the_next_one() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index.update(&[doc("a", "en", "Ferry", "Boats.", 1), doc("b", "en", "Bridge", "Cars.", 1)], &[]).unwrap();
        drop(index);
        let committed = std::fs::read(dir.path().join("meta.json")).unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index.update(&[], &["a".to_owned()]).unwrap();
        drop(index);
        // As if killed after writing the commit's files but before meta.json.
        std::fs::write(dir.path().join("meta.json"), committed).unwrap();
        let deletes = |dir: &Path| {
            std::fs::read_dir(dir)
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().extension() == Some("del".as_ref()))
                .count()
        };
        assert_eq!(deletes(dir.path()), 1, "the interrupted commit left its deletes file");
        let index = SearchIndex::open(dir.path()).unwrap();
        index.update(&[], &["a".to_owned()]).unwrap();
        assert_eq!(index.search("ferry", now(), 0, 10).unwrap().total, 0);
        assert_eq!(slugs(&index.search("bridge", now(), 0, 10).unwrap()), ["b"]);
    }

    #[test]
    fn stemmed_words_find_articles_and_headlines_rank_first() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index
            .update(
                &[
                    doc("body-old", "en", "Town news", "The election was held. Election day, election night.", 10),
                    doc("body-new", "en", "Town news", "The election was held. Election day, election night.", 20),
                    doc("headline", "en", "Elections called", "Voters will choose a council.", 5),
                    doc("other", "en", "Rain", "Nothing about votes.", 30),
                ],
                &[],
            )
            .unwrap();
        let found = index.search("ELECTIONS", now(), 0, 10).unwrap();
        assert_eq!(found.total, 3);
        // Headline first; then equal scores, newest first.
        assert_eq!(slugs(&found), ["headline", "body-new", "body-old"]);
        assert!(found.hits[1].snippet_html.contains("<mark>election</mark>"), "{:?}", found.hits[1]);
        let page_two = index.search("elections", now(), 2, 2).unwrap();
        assert_eq!((page_two.total, slugs(&page_two)), (3, vec!["body-old"]));
        // Every word must match.
        assert_eq!(index.search("election rain", now(), 0, 10).unwrap().total, 0);
    }

    #[test]
    fn scheduled_articles_wait_and_updates_replace() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        let later = now().as_second() + 60;
        index.update(&[doc("soon", "en", "Harbour opens", "Boats.", later)], &[]).unwrap();
        assert_eq!(index.search("harbour", now(), 0, 10).unwrap().total, 0);
        let after = Timestamp::from_second(later).unwrap();
        assert_eq!(index.search("harbour", after, 0, 10).unwrap().total, 1);
        let mut edited = doc("soon", "en", "Harbour closes", "Storm.", 1);
        edited.change = 2;
        index.update(&[edited], &[]).unwrap();
        assert_eq!(index.search("storm", now(), 0, 10).unwrap().total, 1);
        assert_eq!(index.search("boats", now(), 0, 10).unwrap().total, 0);
        assert_eq!(index.held(), HashMap::from([("soon".to_owned(), 2)]));
        index.update(&[], &["soon".to_owned()]).unwrap();
        assert_eq!(index.search("storm", now(), 0, 10).unwrap().total, 0);
        assert!(index.held().is_empty());
    }

    #[test]
    fn other_scripts_are_found_by_their_words() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index
            .update(
                &[
                    doc("fa", "fa", "سیلاب در شهر", "آب بالا آمد.", 1),
                    doc("ja", "ja", "東京で大雨", "東京の洪水が続いています。", 1),
                    doc("ru", "ru", "Погода", "Сильные дожди в Москве.", 1),
                ],
                &[],
            )
            .unwrap();
        assert_eq!(slugs(&index.search("سیلاب", now(), 0, 10).unwrap()), ["fa"]);
        let flood = index.search("洪水", now(), 0, 10).unwrap();
        assert_eq!(slugs(&flood), ["ja"]);
        assert!(flood.hits[0].snippet_html.contains("<mark>洪水</mark>"), "{:?}", flood.hits[0]);
        // Russian is stemmed: another case of the same word.
        assert_eq!(slugs(&index.search("дождь", now(), 0, 10).unwrap()), ["ru"]);
    }

    #[test]
    fn any_text_is_a_query_and_snippets_are_escaped() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        let body = "Officials found <script>alert(1)</script> in the council's page & fixed it.";
        index.update(&[doc("xss", "en", "Council site", body, 1)], &[]).unwrap();
        let found = index.search("script", now(), 0, 10).unwrap();
        assert_eq!(found.hits[0].snippet_html.matches('<').count(), 4, "{}", found.hits[0].snippet_html);
        assert!(found.hits[0].snippet_html.contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;"));
        assert!(found.hits[0].snippet_html.contains("&amp;"));
        for nasty in ["AND OR NOT", "\"council\" AND (site", "title:council -site +x", "*", "", "\u{0}\u{1b}[2J"] {
            let found = index.search(nasty, now(), 0, 10).unwrap();
            assert!(found.total <= 1, "{nasty}");
        }
        assert_eq!(index.search("title:council", now(), 0, 10).unwrap().total, 0, "title is only a word");
        assert_eq!(index.search("headline:council", now(), 0, 10).unwrap().total, 0, "headline too");
        assert_eq!(index.search("(council) \"site\"", now(), 0, 10).unwrap().total, 1);
        let long = "council ".repeat(1_250);
        assert_eq!(index.search(&long, now(), 0, 10).unwrap().total, 1);
        let nothing = index.search("?!", now(), 0, 10).unwrap();
        assert_eq!((nothing.total, nothing.cleaned.as_str()), (0, "?!"));
    }

    #[test]
    fn an_index_of_another_schema_is_started_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let mut builder = Schema::builder();
        builder.add_text_field("title", tantivy::schema::TEXT);
        drop(Index::create_in_dir(dir.path(), builder.build()).unwrap());
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(index.held().is_empty());
        index.update(&[doc("new", "en", "Fresh start", "Words.", 1)], &[]).unwrap();
        assert_eq!(index.search("fresh", now(), 0, 10).unwrap().total, 1);
    }

    #[test]
    fn the_writer_lock_tells_whether_a_server_holds_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(SearchIndex::lock_unused(&dir.path().join("none")).unwrap().is_none(), "no folder, no server");
        assert!(!dir.path().join("none").exists(), "and none is made");
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(matches!(SearchIndex::lock_unused(dir.path()), Err(SearchError::Busy(_))));
        drop(index);
        let lock = SearchIndex::lock_unused(dir.path()).unwrap();
        assert!(lock.is_some());
        assert!(matches!(SearchIndex::open(dir.path()), Err(SearchError::Busy(_))), "held, no server can start");
        drop(lock);
        assert!(SearchIndex::open(dir.path()).is_ok());
    }

    #[test]
    fn a_second_process_is_refused_and_a_reopened_index_remembers() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index.update(&[doc("kept", "en", "Kept", "Words.", 1)], &[]).unwrap();
        assert!(matches!(SearchIndex::open(dir.path()), Err(SearchError::Busy(_))));
        // A process that only reads (an export) searches in memory beside it.
        let beside = SearchIndex::in_memory().unwrap();
        beside.update(&[doc("kept", "en", "Kept", "Words.", 1)], &[]).unwrap();
        assert_eq!(beside.search("kept", now(), 0, 10).unwrap().total, 1);
        drop(index);
        let again = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(again.held(), HashMap::from([("kept".to_owned(), 1)]));
        again.rebuild(&[]).unwrap();
        assert_eq!(again.search("kept", now(), 0, 10).unwrap().total, 0);
    }
}
