//! One article → one narration: the pipeline end to end, sentence by sentence.
//!
//! Sentences are synthesised only when the cache lacks them (so an edit
//! re-synthesises only what changed), then streamed into the MP3 one at a
//! time (so memory does not grow with the article).

use dateline_core::Article;

use crate::assemble::{Assembler, Pause, Span, webvtt};
use crate::cache::{SegmentCache, SegmentKey};
use crate::engine::{Audio, Engine, IpaOverride, VoiceError, VoiceInfo};
use crate::lexicon::Lexicon;
use crate::script::{BlockKind, speakable_script};
use crate::{normalize, sentences};

/// Longest article narrated. Longer ones get a clear error instead of hours
/// of audio: 20,000 words is well over two hours of listening.
pub const MAX_WORDS: usize = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum NarrationError {
    #[error("the article is {words} words; narration is made for articles up to {MAX_WORDS} words")]
    TooLong { words: usize },
    #[error("no sentence could be spoken: {0}")]
    Unspeakable(String),
    #[error(transparent)]
    Voice(#[from] VoiceError),
    #[error("narration cache: {0}")]
    Cache(#[from] std::io::Error),
}

/// A finished narration, ready to store.
#[derive(Debug, Clone)]
pub struct Narrated {
    pub mp3: Vec<u8>,
    pub vtt: String,
    pub duration_ms: u64,
    pub sentences: usize,
    /// How many sentences the engine had to speak (the rest came from the cache).
    pub synthesized: usize,
    /// Sentences the voice could not speak, left out with a warning.
    pub skipped: Vec<String>,
    pub voice: VoiceInfo,
}

/// One sentence on its way to speech.
struct Planned {
    /// As written on the page: the cue text.
    shown: String,
    /// As spoken, after normalisation and respellings.
    spoken: String,
    ipa: Vec<IpaOverride>,
    key: SegmentKey,
    pause_after: Pause,
}

fn block_pause(kind: BlockKind) -> Pause {
    match kind {
        BlockKind::Headline | BlockKind::Heading => Pause::Heading,
        BlockKind::Summary | BlockKind::Paragraph | BlockKind::Quote => Pause::Paragraph,
    }
}

fn plan(
    article: &Article,
    corrections: &[String],
    voice: &VoiceInfo,
    lexicon: &Lexicon,
) -> Result<Vec<Planned>, NarrationError> {
    let script = speakable_script(article, corrections);
    let words: usize = script.iter().map(|b| b.text.split_whitespace().count()).sum();
    if words > MAX_WORDS {
        return Err(NarrationError::TooLong { words });
    }
    let language = article.language.as_str();
    let mut planned = Vec::new();
    for block in &script {
        let sentences = sentences::split(&block.text);
        let last = sentences.len().saturating_sub(1);
        for (i, shown) in sentences.into_iter().enumerate() {
            // The lexicon matches words as authors write them ("FBI", not "F-B-I").
            let applied = lexicon.apply(&shown);
            let spoken = normalize::normalize(&applied.text, language);
            if spoken.trim().is_empty() {
                continue;
            }
            let key = SegmentKey::new(voice, &applied.fingerprint, &spoken);
            let pause_after = if i == last { block_pause(block.kind) } else { Pause::Sentence };
            planned.push(Planned { shown, spoken, ipa: applied.ipa, key, pause_after });
        }
    }
    Ok(planned)
}

/// Narrates `article` (and its `corrections`) with `engine`, reusing and filling `cache`.
pub fn narrate(
    article: &Article,
    corrections: &[String],
    engine: &dyn Engine,
    lexicon: &Lexicon,
    cache: &SegmentCache,
) -> Result<Narrated, NarrationError> {
    let voice = engine.info().clone();
    let planned = plan(article, corrections, &voice, lexicon)?;

    // First pass: speak what the cache lacks, one sentence in memory at a time.
    let mut synthesized = 0;
    let mut skipped = Vec::new();
    let mut spoken_ok = vec![true; planned.len()];
    for (i, p) in planned.iter().enumerate() {
        if cache.contains(&p.key) {
            continue;
        }
        match engine.synthesize(&p.spoken, &p.ipa) {
            Ok(audio) => {
                synthesized += 1;
                cache.put(&p.key, &audio)?;
            }
            Err(e) => {
                tracing::warn!(sentence = %p.shown, error = %e, "sentence left out of the narration");
                skipped.push(p.shown.clone());
                spoken_ok[i] = false;
            }
        }
    }
    if !planned.is_empty() && skipped.len() == planned.len() {
        return Err(NarrationError::Unspeakable(skipped.join(" ")));
    }

    // Second pass: stream every sentence into the MP3 and note where it sits.
    let mut assembler = Assembler::new(voice.sample_rate)?;
    let mut cues: Vec<(Span, String, &str)> = Vec::with_capacity(planned.len());
    for (p, ok) in planned.iter().zip(spoken_ok) {
        if !ok {
            continue;
        }
        let audio =
            cache.get(&p.key).ok_or_else(|| std::io::Error::other("a narration segment vanished from the cache"))?;
        let audio = resample_if_needed(audio, voice.sample_rate)?;
        let span = assembler.add(&audio, p.pause_after)?;
        cues.push((span, format!("s{}", cues.len() + 1), &p.shown));
    }
    let done = assembler.finish()?;
    let cue_refs: Vec<(Span, &str, &str)> = cues.iter().map(|(s, id, t)| (*s, id.as_str(), *t)).collect();
    Ok(Narrated {
        vtt: webvtt(done.sample_rate, &cue_refs),
        duration_ms: done.duration_ms(),
        sentences: cues.len(),
        mp3: done.mp3,
        synthesized,
        skipped,
        voice,
    })
}

/// Segments always come from the same voice; a different rate means the cache was tampered with.
fn resample_if_needed(audio: Audio, rate: u32) -> Result<Audio, VoiceError> {
    if audio.sample_rate == rate {
        Ok(audio)
    } else {
        Err(VoiceError::Synthesis(format!("cached segment at {} Hz, voice at {rate} Hz", audio.sample_rate)))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use dateline_core::markdown::{NoImages, render};
    use dateline_core::{Language, Slug, Status};

    use super::*;

    /// A stand-in voice for pipeline tests: a tone as long as the text, and a call counter.
    /// (The real engines are tested in tests/engines.rs and tests/narration.rs.)
    struct ToneVoice {
        info: VoiceInfo,
        calls: AtomicUsize,
        refuse: Option<&'static str>,
    }

    impl ToneVoice {
        fn new() -> Self {
            let info = VoiceInfo {
                engine: "tone",
                name: "t".into(),
                version: "1".into(),
                language: "en".into(),
                sample_rate: 8_000,
            };
            Self { info, calls: AtomicUsize::new(0), refuse: None }
        }
    }

    impl Engine for ToneVoice {
        fn info(&self) -> &VoiceInfo {
            &self.info
        }

        fn synthesize(&self, sentence: &str, _: &[IpaOverride]) -> Result<Audio, VoiceError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            if self.refuse.is_some_and(|r| sentence.contains(r)) {
                return Err(VoiceError::Synthesis("cannot say that".into()));
            }
            Ok(Audio { sample_rate: 8_000, samples: vec![0.1; sentence.len() * 80] })
        }
    }

    fn article(body: &str) -> Article {
        Article {
            slug: Slug::parse("a").unwrap(),
            language: Language::english(),
            section: Slug::parse("world").unwrap(),
            tags: vec![],
            headline: "Rivers rise".into(),
            dek: None,
            dateline: None,
            summary: vec!["Water rose 40%.".into()],
            lead_image: None,
            body: render(body, &NoImages).unwrap(),
            contributors: vec![Slug::parse("x").unwrap()],
            status: Status::Published,
            published: None,
            updated: None,
        }
    }

    #[test]
    fn narrates_every_sentence_once_with_one_cue_each() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let voice = ToneVoice::new();
        let out =
            narrate(&article("First one. Second one.\n\n# Next\n\nThird."), &[], &voice, &Lexicon::default(), &cache)
                .unwrap();
        assert_eq!((out.sentences, out.synthesized), (6, 6));
        assert_eq!(out.vtt.matches(" --> ").count(), 6);
        assert!(
            out.vtt.contains("\ns1\n00:00:00.000 --> ") && out.vtt.contains("Water rose 40%."),
            "cues show the page's text:\n{}",
            out.vtt
        );
        assert!(out.duration_ms > 0 && !out.mp3.is_empty());
    }

    #[test]
    fn an_edit_resynthesises_only_the_changed_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let voice = ToneVoice::new();
        narrate(&article("One. Two. Three."), &[], &voice, &Lexicon::default(), &cache).unwrap();
        let before = voice.calls.load(Ordering::SeqCst);
        let out = narrate(&article("One. Two, edited. Three."), &[], &voice, &Lexicon::default(), &cache).unwrap();
        assert_eq!(voice.calls.load(Ordering::SeqCst) - before, 1);
        assert_eq!(out.synthesized, 1);
    }

    #[test]
    fn a_lexicon_change_resynthesises_only_sentences_using_the_entry() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let voice = ToneVoice::new();
        let body = "Rain in Nyando. Sun in Kisumu. Wind elsewhere.";
        let (lex1, _) = Lexicon::parse("\"Nyando\" = { say = \"Nyahn-doh\" }").unwrap();
        let (lex2, _) = Lexicon::parse("\"Nyando\" = { say = \"Nyan-doe\" }").unwrap();
        narrate(&article(body), &[], &voice, &lex1, &cache).unwrap();
        assert_eq!(narrate(&article(body), &[], &voice, &lex2, &cache).unwrap().synthesized, 1);
    }

    #[test]
    fn unspeakable_sentences_are_left_out_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let voice = ToneVoice { refuse: Some("Two"), ..ToneVoice::new() };
        let out = narrate(&article("One. Two. Three."), &[], &voice, &Lexicon::default(), &cache).unwrap();
        assert_eq!(out.skipped, ["Two."]);
        assert_eq!(out.sentences, 4);
    }

    #[test]
    fn refuses_overlong_articles_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let long = "word ".repeat(MAX_WORDS + 1);
        let err = narrate(&article(&long), &[], &ToneVoice::new(), &Lexicon::default(), &cache).unwrap_err();
        assert!(err.to_string().contains("narration is made for articles up to 20000 words"), "{err}");
    }
}
