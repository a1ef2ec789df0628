//! How text becomes terms, per language: Unicode words, lower-cased, then
//! the Snowball stemmer where tantivy has one for the language. Scripts
//! written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) have
//! no words to split on, so their runs become overlapping pairs of
//! characters: a query of two or more characters finds them anywhere.

use dateline_core::Language;
use tantivy::tokenizer::{
    Language as Stemmed, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use unicode_segmentation::UnicodeSegmentation;

/// Longer "words" (base64, URLs glued together) are not worth indexing.
const MAX_TERM_BYTES: usize = 60;

/// One way of analysing text; each has its own fields in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analysis {
    Stem(Stemmed),
    /// Lower-cased words (and pairs for unspaced scripts), no stemming.
    Words,
}

/// Every analysis, in field order.
pub const ALL: [Analysis; 19] = [
    Analysis::Stem(Stemmed::English),
    Analysis::Stem(Stemmed::Arabic),
    Analysis::Stem(Stemmed::Danish),
    Analysis::Stem(Stemmed::Dutch),
    Analysis::Stem(Stemmed::Finnish),
    Analysis::Stem(Stemmed::French),
    Analysis::Stem(Stemmed::German),
    Analysis::Stem(Stemmed::Greek),
    Analysis::Stem(Stemmed::Hungarian),
    Analysis::Stem(Stemmed::Italian),
    Analysis::Stem(Stemmed::Norwegian),
    Analysis::Stem(Stemmed::Portuguese),
    Analysis::Stem(Stemmed::Romanian),
    Analysis::Stem(Stemmed::Russian),
    Analysis::Stem(Stemmed::Spanish),
    Analysis::Stem(Stemmed::Swedish),
    Analysis::Stem(Stemmed::Tamil),
    Analysis::Stem(Stemmed::Turkish),
    Analysis::Words,
];

impl Analysis {
    /// The analysis for an article's language: its stemmer, or plain words.
    pub fn for_language(language: &Language) -> Self {
        let stemmed = match language.primary() {
            "en" => Stemmed::English,
            "ar" => Stemmed::Arabic,
            "da" => Stemmed::Danish,
            "nl" => Stemmed::Dutch,
            "fi" => Stemmed::Finnish,
            "fr" => Stemmed::French,
            "de" => Stemmed::German,
            "el" => Stemmed::Greek,
            "hu" => Stemmed::Hungarian,
            "it" => Stemmed::Italian,
            "no" | "nb" | "nn" => Stemmed::Norwegian,
            "pt" => Stemmed::Portuguese,
            "ro" => Stemmed::Romanian,
            "ru" => Stemmed::Russian,
            "es" => Stemmed::Spanish,
            "sv" => Stemmed::Swedish,
            "ta" => Stemmed::Tamil,
            "tr" => Stemmed::Turkish,
            _ => return Analysis::Words,
        };
        Analysis::Stem(stemmed)
    }

    /// The tokenizer's name, also the suffix of the analysis's field names.
    pub fn name(self) -> &'static str {
        match self {
            Analysis::Stem(language) => match language {
                Stemmed::English => "en",
                Stemmed::Arabic => "ar",
                Stemmed::Danish => "da",
                Stemmed::Dutch => "nl",
                Stemmed::Finnish => "fi",
                Stemmed::French => "fr",
                Stemmed::German => "de",
                Stemmed::Greek => "el",
                Stemmed::Hungarian => "hu",
                Stemmed::Italian => "it",
                Stemmed::Norwegian => "no",
                Stemmed::Portuguese => "pt",
                Stemmed::Romanian => "ro",
                Stemmed::Russian => "ru",
                Stemmed::Spanish => "es",
                Stemmed::Swedish => "sv",
                Stemmed::Tamil => "ta",
                Stemmed::Turkish => "tr",
            },
            Analysis::Words => "words",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        ALL.into_iter().find(|a| a.name() == name)
    }

    pub fn analyzer(self) -> TextAnalyzer {
        let base =
            TextAnalyzer::builder(WordTokenizer).filter(RemoveLongFilter::limit(MAX_TERM_BYTES)).filter(LowerCaser);
        match self {
            Analysis::Stem(language) => base.filter(Stemmer::new(language)).build(),
            Analysis::Words => base.build(),
        }
    }

    /// The terms `text` gives, each once, in order.
    pub fn terms(self, text: &str) -> Vec<String> {
        let mut analyzer = self.analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut terms: Vec<String> = Vec::new();
        while stream.advance() {
            let term = &stream.token().text;
            if !terms.contains(term) {
                terms.push(term.clone());
            }
        }
        terms
    }
}

/// Whether a character belongs to a script written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x2FFFF // CJK extensions B–F
    )
}

/// Unicode words (UAX #29, so marks stay with their letters in Devanagari,
/// Arabic and the rest); runs of unspaced scripts as overlapping pairs.
#[derive(Clone, Default)]
pub struct WordTokenizer;

pub struct WordStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        WordStream { tokens: tokens(text).into_iter(), current: Token::default() }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

fn tokens(text: &str) -> Vec<Token> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // The current run of unspaced segments, as byte ranges.
    let mut run: Vec<(usize, usize)> = Vec::new();
    for (at, segment) in text.split_word_bound_indices() {
        if segment.chars().next().is_some_and(unspaced) {
            run.push((at, at + segment.len()));
            continue;
        }
        end_run(&mut spans, &mut run);
        // UAX #29 keeps "title:storm" (as Swedish "k:a") and "snake_case" one
        // word; readers expect their parts to be found.
        let mut from = at;
        for piece in segment.split([':', '_']) {
            if piece.chars().any(char::is_alphanumeric) {
                spans.push((from, from + piece.len()));
            }
            from += piece.len() + 1;
        }
    }
    end_run(&mut spans, &mut run);
    spans
        .into_iter()
        .enumerate()
        .map(|(position, (from, to))| Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_owned(),
            position_length: 1,
        })
        .collect()
}

/// A run of one character is a term; a longer one gives its overlapping pairs.
fn end_run(spans: &mut Vec<(usize, usize)>, run: &mut Vec<(usize, usize)>) {
    match run.len() {
        0 => {}
        1 => spans.push(run[0]),
        _ => spans.extend(run.windows(2).map(|w| (w[0].0, w[1].1))),
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(text: &str) -> Vec<String> {
        Analysis::Stem(Stemmed::English).terms(text)
    }

    #[test]
    fn english_words_are_stemmed_and_lower_cased() {
        assert_eq!(english("Elections"), english("election"));
        assert_eq!(english("Flooding floods"), vec!["flood"]);
        // What the Snowball stemmer does, not what a dictionary would.
        assert_eq!(english("running runs"), vec!["run"]);
        assert_ne!(english("ran"), english("run"));
    }

    #[test]
    fn operators_and_punctuation_are_only_words_or_nothing() {
        assert_eq!(english(r#"+rain -"flood" (title:storm) AND"#), vec!["rain", "flood", "titl", "storm", "and"]);
        assert!(english("\"\" () - + * ~ ^ : \u{0}").is_empty());
        assert_eq!(english("__xss(1) snake_case"), vec!["xss", "1", "snake", "case"]);
    }

    #[test]
    fn scripts_with_marks_keep_whole_words() {
        // Devanagari vowel signs are marks, not letters: the word stays whole.
        assert_eq!(Analysis::Words.terms("बाढ़ का पानी"), vec!["बाढ़", "का", "पानी"]);
        assert_eq!(Analysis::Words.terms("Москва ПОГОДА"), vec!["москва", "погода"]);
        assert_eq!(Analysis::Words.terms("سیلاب شهر"), vec!["سیلاب", "شهر"]);
    }

    #[test]
    fn unspaced_scripts_become_pairs() {
        assert_eq!(Analysis::Words.terms("東京の洪水"), vec!["東京", "京の", "の洪", "洪水"]);
        assert_eq!(Analysis::Words.terms("水"), vec!["水"]);
        // A run ends at a space or a Latin word.
        assert_eq!(Analysis::Words.terms("洪水 2026 大雨"), vec!["洪水", "2026", "大雨"]);
    }

    #[test]
    fn languages_pick_their_stemmer_or_words() {
        let analysis = |tag: &str| Analysis::for_language(&Language::parse(tag).unwrap());
        assert_eq!(analysis("en-GB"), Analysis::Stem(Stemmed::English));
        assert_eq!(analysis("fr"), Analysis::Stem(Stemmed::French));
        assert_eq!(analysis("ps"), Analysis::Words);
        assert_eq!(analysis("zh"), Analysis::Words);
        for a in ALL {
            assert_eq!(Analysis::from_name(a.name()), Some(a));
        }
    }
}
