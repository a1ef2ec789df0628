//! Readers' queries are built here from analysed words, never parsed: no
//! operator, quote, field name or length makes an error, only words count.

use std::ops::Bound;

use jiff::Timestamp;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::index::Fields;

/// Longest query taken, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words taken from a query.
const MAX_TERMS: usize = 12;

/// How much a match weighs, by where it is.
const HEADLINE_BOOST: f32 = 4.0;
const SUMMARY_BOOST: f32 = 2.0;

pub(crate) struct Cleaned {
    pub text: String,
    /// `None` when the text has no word to search for.
    pub query: Option<Box<dyn Query>>,
}

/// The query as it is searched: at most [`MAX_QUERY_CHARS`] (a word cut
/// there is left out), control characters as spaces, white space collapsed.
pub fn clean(text: &str) -> String {
    let mut spaced: String =
        text.chars().take(MAX_QUERY_CHARS + 1).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if spaced.chars().count() > MAX_QUERY_CHARS {
        let keep = spaced.rfind(char::is_whitespace).unwrap_or(0);
        spaced.truncate(keep);
    }
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every word must match (in the headline, summary or body) under the
/// analysis of the article's language; a query is analysed every way, since
/// its language is unknown.
pub(crate) fn build(text: &str, fields: &Fields) -> Cleaned {
    let text = clean(text);
    let mut by_analysis: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (analysis, field) in &fields.by_analysis {
        let terms: Vec<String> = analysis.terms(&text).into_iter().take(MAX_TERMS).collect();
        if terms.is_empty() {
            continue;
        }
        let all_words = terms
            .iter()
            .map(|t| {
                let anywhere: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Should, boosted(field.headline, t, HEADLINE_BOOST)),
                    (Occur::Should, boosted(field.summary, t, SUMMARY_BOOST)),
                    (Occur::Should, term(field.body, t)),
                ]));
                (Occur::Must, anywhere)
            })
            .collect();
        by_analysis.push((Occur::Should, Box::new(BooleanQuery::new(all_words))));
    }
    let query = (!by_analysis.is_empty()).then(|| Box::new(BooleanQuery::new(by_analysis)) as Box<dyn Query>);
    Cleaned { text, query }
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

fn boosted(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(term(field, text), boost))
}

/// `query`, among articles published by `now` (scheduled ones wait in the index).
pub(crate) fn live_at(published: Field, now: Timestamp, query: Box<dyn Query>) -> BooleanQuery {
    let until = RangeQuery::new(Bound::Unbounded, Bound::Included(Term::from_field_i64(published, now.as_second())));
    BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, Box::new(until))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_cut_and_cleaned() {
        assert_eq!(clean("  rain\u{0}\u{7}\tflood\n "), "rain flood");
        // A word cut at the limit is left out, not searched for in part.
        let long = clean(&"election ".repeat(1_250));
        assert!(long.len() <= MAX_QUERY_CHARS && long.ends_with(" election"), "{long}");
        assert_eq!(clean(&format!("{} ab", "é".repeat(197))).chars().count(), 200);
        assert_eq!(clean(&"a".repeat(10_000)), "", "one endless word is no word");
    }
}
