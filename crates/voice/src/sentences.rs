//! Sentences: the unit of synthesis, caching and follow-along highlighting.
//!
//! Unicode sentence boundaries (UAX #29), then two corrections: a full stop
//! after a known abbreviation or an initial does not end a sentence, and a
//! sentence too long to synthesise well is split at clause boundaries (or, with
//! no punctuation at all, between words).

use unicode_segmentation::UnicodeSegmentation;

/// Longer sentences are split: voices lose their intonation (and some their
/// footing) on very long inputs.
pub const MAX_SENTENCE_CHARS: usize = 300;

/// Words that end with a full stop but rarely end a sentence (compared
/// without the stop, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sr", "Jr", "Gen", "Gov", "Sen", "Rep", "Col", "Capt", "Lt", "Sgt", "Rev",
    "No", "Nos", "Vol", "vs", "e.g", "i.e", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "Mt", "Ft", "fig", "Fig",
];

/// Splits `text` into sentences, trimmed, none empty.
pub fn split(text: &str) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    let mut pending = String::new();
    for piece in text.split_sentence_bounds() {
        pending.push_str(piece);
        if !ends_with_abbreviation(pending.trim_end()) {
            push_trimmed(&mut sentences, &pending);
            pending.clear();
        }
    }
    push_trimmed(&mut sentences, &pending);
    sentences.into_iter().flat_map(|s| split_long(&s)).collect()
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_owned());
    }
}

fn ends_with_abbreviation(text: &str) -> bool {
    let Some(before) = text.strip_suffix('.') else {
        return false;
    };
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    is_initial || ABBREVIATIONS.contains(&word)
}

/// Splits a sentence longer than [`MAX_SENTENCE_CHARS`] at the clause boundary
/// nearest its middle, recursively; without any, between words; without any
/// spaces, between characters.
fn split_long(sentence: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    if chars.len() <= MAX_SENTENCE_CHARS {
        return vec![sentence.to_owned()];
    }
    let middle = chars.len() / 2;
    let nearest = |pred: &dyn Fn(char) -> bool| {
        chars
            .iter()
            .enumerate()
            .filter(|(i, (_, c))| *i > 0 && *i + 1 < chars.len() && pred(*c))
            .min_by_key(|(i, _)| i.abs_diff(middle))
            .map(|(i, _)| i + 1)
    };
    let cut = nearest(&|c| matches!(c, ';' | ':' | ',' | '—' | '–'))
        .or_else(|| nearest(&|c| c.is_whitespace()))
        .unwrap_or(middle);
    let at = chars.get(cut).map(|(b, _)| *b).unwrap_or(sentence.len());
    let (head, tail) = sentence.split_at(at);
    let mut out = split_long(head.trim());
    out.extend(split_long(tail.trim()));
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_ordinary_sentences() {
        assert_eq!(
            split("The river rose. Families fled! Why now? Nobody knows."),
            ["The river rose.", "Families fled!", "Why now?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Amara Osei met Mr. J. K. Otieno at 3.5 km from the U.S. embassy. Then rain."),
            ["Dr. Amara Osei met Mr. J. K. Otieno at 3.5 km from the U.S. embassy.", "Then rain."]
        );
    }

    #[test]
    fn long_sentences_split_at_clauses_then_words() {
        let clause = "the water rose across the plain and the road to the lake was closed";
        let long = format!("{}, {}, {}, {}, {}.", clause, clause, clause, clause, clause);
        let parts = split(&long);
        assert!(parts.len() >= 2, "{parts:?}");
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_SENTENCE_CHARS));
        assert!(parts[0].ends_with(','), "split after a comma: {parts:?}");
        assert_eq!(parts.join(" "), long);

        let no_punctuation = "word ".repeat(400);
        let parts = split(&no_punctuation);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_SENTENCE_CHARS && !p.is_empty()));
        assert_eq!(parts.join(" ").split_whitespace().count(), 400);

        let no_spaces = "x".repeat(2000);
        let parts = split(&no_spaces);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_SENTENCE_CHARS));
        assert_eq!(parts.concat().len(), 2000);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
    }
}
