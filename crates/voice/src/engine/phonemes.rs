//! Text → IPA phonemes with eSpeak NG, the way Piper's voices were trained
//! (piper-phonemize), for the `espeak-ng` 1.51 program.
//!
//! piper-phonemize asks eSpeak NG's library for one clause at a time and
//! writes the clause's punctuation back after its phonemes (`,` `:` `;`
//! followed by a space; `.` `!` `?`): the voices learnt pauses from those
//! marks. The program's `--ipa` output drops punctuation, so this module
//! splits the sentence into clauses itself, phonemises them, and puts the
//! punctuation back:
//!
//! ```text
//! "Hello, world."  →  clauses "Hello," + "world."  →  "həlˈoʊ, wˈɜːld."
//! ```
//!
//! All clauses of a sentence go to one `espeak-ng` process (about 10 ms),
//! one clause per input line with an empty line after each. In line mode
//! eSpeak NG answers every input line with one output line per clause it
//! found (an empty line when it found nothing to say), so the empty lines
//! mark where each of our clauses ends. eSpeak NG sometimes splits a clause
//! further (dashes, ellipses, `Mr.`, very long clauses); those parts are
//! joined with a space. If the answer cannot be mapped back unambiguously
//! (a clause whose part is silent, e.g. `hello — ♪`), each clause is asked
//! again on its own, which is always unambiguous. Lines longer than eSpeak
//! NG's 1,000-byte line buffer are never batched (they would be cut
//! mid-word).
//!
//! Words with an [`IpaOverride`] are not sent to eSpeak NG: the clause is
//! split around them, the rest phonemised, and the override's IPA put in
//! the word's place.
//!
//! Language switches (`(en)fˈeɪsbʊk(fr)`) are removed, as piper-phonemize
//! does by default.

use super::process::{self, RunError};
use super::{IpaOverride, VoiceError};

/// A stretch of a sentence that ends at a pause mark (or the sentence end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause<'a> {
    /// The clause's text, its closing punctuation included (eSpeak NG reads
    /// abbreviations better with their full stop).
    pub text: &'a str,
    /// The punctuation put back after the clause's phonemes.
    pub punct: Option<char>,
}

/// Punctuation that ends a clause (the six piper-phonemize puts back).
const PAUSES: [char; 6] = [',', ';', ':', '.', '!', '?'];

/// Characters that may sit between the punctuation and the following
/// space: `He said "no," then…`.
const CLOSERS: [char; 9] = ['"', '\'', '”', '’', ')', ']', '»', '」', '』'];

/// Longest input line given to `espeak-ng` in line mode; its buffer is
/// 1,000 bytes.
const MAX_LINE_BYTES: usize = 900;

/// Splits a sentence into clauses at `, ; : ! ?` (and `.` at the very end)
/// followed by whitespace or the end of the text, as eSpeak NG does: `1,000`
/// and `10:30` stay whole. A full stop inside a sentence (`Mr. Smith`,
/// `e.g. this`, `U.S. troops`) is not a pause: the caller already split
/// the text into sentences. A run of marks (`?!`, `...`) counts as its
/// last mark.
pub fn split_clauses(sentence: &str) -> Vec<Clause<'_>> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !PAUSES.contains(&chars[i].1) {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < chars.len() && PAUSES.contains(&chars[last + 1].1) {
            last += 1;
        }
        let mut after = last + 1;
        while after < chars.len() && CLOSERS.contains(&chars[after].1) {
            after += 1;
        }
        let at_end = chars[after..].iter().all(|(_, c)| c.is_whitespace());
        let mark = chars[last].1;
        let breaks = if mark == '.' { at_end } else { after == chars.len() || chars[after].1.is_whitespace() };
        if breaks {
            let end = chars.get(after).map_or(sentence.len(), |(b, _)| *b);
            let text = sentence[start..end].trim();
            if !text.is_empty() {
                clauses.push(Clause { text, punct: Some(mark) });
            }
            start = end;
        }
        i = after;
    }
    let rest = sentence[start..].trim();
    if !rest.is_empty() {
        clauses.push(Clause { text: rest, punct: None });
    }
    clauses
}

/// A piece of a clause: text for eSpeak NG, or IPA given by an override.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Ipa(&'a str),
}

/// Splits `text` around the override words (case-insensitive, whole words;
/// the longest override wins where several start at the same place).
pub fn split_overrides<'a>(text: &'a str, overrides: &'a [IpaOverride]) -> Vec<Segment<'a>> {
    let usable: Vec<&IpaOverride> =
        overrides.iter().filter(|o| !o.text.trim().is_empty() && !o.ipa.trim().is_empty()).collect();
    if usable.is_empty() {
        return vec![Segment::Text(text)];
    }
    let mut segments = Vec::new();
    let mut last = 0;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i >= last && !prev.is_some_and(char::is_alphanumeric) {
            let best = usable
                .iter()
                .filter_map(|o| match_word_at(text, i, o.text.trim()).map(|end| (end, *o)))
                .max_by_key(|(end, _)| *end);
            if let Some((end, o)) = best {
                if i > last {
                    segments.push(Segment::Text(&text[last..i]));
                }
                segments.push(Segment::Ipa(o.ipa.trim()));
                last = end;
                // Skip to the end of the match.
                while iter.peek().is_some_and(|(j, _)| *j < end) {
                    prev = iter.next().map(|(_, c)| c);
                }
                continue;
            }
        }
        prev = Some(c);
    }
    if last < text.len() {
        segments.push(Segment::Text(&text[last..]));
    }
    segments
}

/// Where `needle` ends if it matches `hay` at byte `start` as whole words
/// (case-insensitive; any whitespace matches any whitespace).
fn match_word_at(hay: &str, start: usize, needle: &str) -> Option<usize> {
    let mut h = hay[start..].char_indices();
    let mut end = start;
    for n in needle.chars() {
        let (i, c) = h.next()?;
        let same = (c.is_whitespace() && n.is_whitespace()) || c.to_lowercase().eq(n.to_lowercase());
        if !same {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    match hay[end..].chars().next() {
        Some(next) if next.is_alphanumeric() => None,
        _ => Some(end),
    }
}

/// eSpeak NG IPA for one voice.
#[derive(Debug, Clone)]
pub struct Phonemizer {
    voice: String,
}

impl Phonemizer {
    /// Checks that `espeak-ng` is installed and knows `voice` (the Piper
    /// config's `espeak.voice`, e.g. `en-us`).
    pub fn new(voice: &str) -> Result<Self, VoiceError> {
        process::check_voice_name(voice)?;
        let phonemizer = Phonemizer { voice: voice.to_string() };
        phonemizer.single("a").map_err(|e| {
            if e.is_unknown_voice() { process::unknown_voice(voice) } else { VoiceError::Load(e.to_string()) }
        })?;
        Ok(phonemizer)
    }

    pub fn voice(&self) -> &str {
        &self.voice
    }

    /// The sentence as IPA with its pause punctuation, e.g. `həlˈoʊ,
    /// wˈɜːld.`; words in `ipa` are replaced by their IPA. Decomposed (NFD)
    /// like piper-phonemize's output. Text with nothing to say gives an
    /// empty string.
    pub fn phonemize(&self, sentence: &str, ipa: &[IpaOverride]) -> Result<String, VoiceError> {
        let sentence = process::sanitize(sentence);
        let clauses = split_clauses(&sentence);

        // Each clause as parts: eSpeak NG requests (by index) and fixed IPA.
        enum Part<'a> {
            Request(usize),
            Ipa(&'a str),
        }
        let mut requests: Vec<&str> = Vec::new();
        let mut plan: Vec<(Vec<Part<'_>>, Option<char>)> = Vec::with_capacity(clauses.len());
        for clause in &clauses {
            let parts = split_overrides(clause.text, ipa)
                .into_iter()
                .filter_map(|segment| match segment {
                    Segment::Ipa(s) => Some(Part::Ipa(s)),
                    Segment::Text(t) if t.trim().is_empty() => None,
                    Segment::Text(t) => {
                        requests.push(t.trim());
                        Some(Part::Request(requests.len() - 1))
                    }
                })
                .collect();
            plan.push((parts, clause.punct));
        }

        let answers = self.batch(&requests).map_err(|e| VoiceError::Synthesis(e.to_string()))?;

        let mut out = String::new();
        for (parts, punct) in plan {
            let words: Vec<String> = parts
                .iter()
                .map(|part| match part {
                    Part::Request(i) => answers.get(*i).cloned().unwrap_or_default(),
                    Part::Ipa(s) => nfd(s),
                })
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                continue;
            }
            out.push_str(&words.join(" "));
            if let Some(p) = punct {
                out.push(p);
            }
            out.push(' ');
        }
        out.truncate(out.trim_end().len());
        Ok(out)
    }

    /// Phonemises several texts with as few processes as possible; one
    /// answer (cleaned, possibly empty) per text.
    fn batch(&self, texts: &[&str]) -> Result<Vec<String>, RunError> {
        let mut answers = vec![String::new(); texts.len()];
        let short: Vec<usize> = (0..texts.len()).filter(|&i| texts[i].len() <= MAX_LINE_BYTES).collect();
        let mut alone: Vec<usize> = (0..texts.len()).filter(|&i| texts[i].len() > MAX_LINE_BYTES).collect();
        if short.len() == 1 {
            alone.extend(&short);
        } else if !short.is_empty() {
            let mut input = String::new();
            for &i in &short {
                input.push_str(texts[i]);
                input.push_str("\n\n");
            }
            let out = process::run(&["-q", "--ipa", "-v", &self.voice], input.as_bytes())?;
            match map_lines(&String::from_utf8_lossy(&out), short.len()) {
                Some(groups) => {
                    for (&i, group) in short.iter().zip(groups) {
                        answers[i] = clean(&group);
                    }
                }
                None => {
                    tracing::debug!(voice = %self.voice, "eSpeak NG lines did not map back to clauses; asking one by one");
                    alone.extend(&short);
                }
            }
        }
        for i in alone {
            answers[i] = self.single(texts[i])?;
        }
        Ok(answers)
    }

    /// One text in its own process, read whole (`--stdin`: no line limit).
    fn single(&self, text: &str) -> Result<String, RunError> {
        let out = process::run(&["-q", "--ipa", "--stdin", "-v", &self.voice], text.as_bytes())?;
        let joined = String::from_utf8_lossy(&out)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(clean(&joined))
    }
}

/// Maps line-mode output back to `n` inputs that were each followed by an
/// empty line. An input's answer is either one empty line (nothing to say)
/// or one or more non-empty lines; then comes the separator's empty line.
/// `None` when the output does not have exactly that shape.
fn map_lines(out: &str, n: usize) -> Option<Vec<String>> {
    let mut lines = out.strip_suffix('\n').unwrap_or(out).split('\n').map(str::trim);
    let mut groups = Vec::with_capacity(n);
    for _ in 0..n {
        let first = lines.next()?;
        if first.is_empty() {
            if !lines.next()?.is_empty() {
                return None;
            }
            groups.push(String::new());
        } else {
            let mut group = vec![first];
            loop {
                let line = lines.next()?;
                if line.is_empty() {
                    break;
                }
                group.push(line);
            }
            groups.push(group.join(" "));
        }
    }
    if lines.next().is_some() {
        return None;
    }
    Some(groups)
}

/// Language switches removed, whitespace collapsed, NFD.
fn clean(ipa: &str) -> String {
    let mut kept = String::with_capacity(ipa.len());
    let mut in_flag = false;
    for c in ipa.chars() {
        match c {
            '(' => in_flag = true,
            ')' if in_flag => in_flag = false,
            _ if in_flag => {}
            _ => kept.push(c),
        }
    }
    nfd(&kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Canonical decomposition of eSpeak NG's IPA output.
///
/// Piper's phoneme ids are for NFD codepoints (`ç` is `c` + U+0327). eSpeak
/// NG 1.51 writes IPA already decomposed except for five precomposed
/// letters, found by scanning its sources: `ç` (the IPA of the mnemonic
/// `C`, table `ipa1` in dictionary.c, used by many languages) and the `ipa`
/// strings `ä ĩ ũ ç` (Japanese) and `õ` (Luxembourgish) in phsource. Those
/// five are decomposed here; this is not a general Unicode normaliser (an
/// IPA override with other precomposed letters keeps them, and the voice
/// skips what it has no id for).
pub fn nfd(ipa: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    ipa.nfd().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(s: &str) -> Vec<(&str, Option<char>)> {
        split_clauses(s).into_iter().map(|c| (c.text, c.punct)).collect()
    }

    #[test]
    fn splits_at_pause_marks() {
        assert_eq!(clauses("Hello, world."), [("Hello,", Some(',')), ("world.", Some('.'))]);
        assert_eq!(
            clauses("One; two: three! Four? five"),
            [("One;", Some(';')), ("two:", Some(':')), ("three!", Some('!')), ("Four?", Some('?')), ("five", None)]
        );
        assert_eq!(clauses("Really?!"), [("Really?!", Some('!'))]);
        assert_eq!(clauses("He said \"no,\" then left."), [("He said \"no,\"", Some(',')), ("then left.", Some('.'))]);
        assert!(clauses("").is_empty());
        assert!(clauses("   ").is_empty());
        assert_eq!(clauses("..."), [("...", Some('.'))]);
    }

    #[test]
    fn numbers_times_and_inner_full_stops_do_not_split() {
        assert_eq!(clauses("It cost 1,000 at 10:30 today"), [("It cost 1,000 at 10:30 today", None)]);
        assert_eq!(clauses("Mr. Smith met e.g. U.S. troops."), [("Mr. Smith met e.g. U.S. troops.", Some('.'))]);
        assert_eq!(clauses("Wait... what?"), [("Wait... what?", Some('?'))]);
        assert_eq!(clauses("It is 3.5 percent. "), [("It is 3.5 percent.", Some('.'))]);
    }

    fn ov(text: &str, ipa: &str) -> IpaOverride {
        IpaOverride { text: text.into(), ipa: ipa.into() }
    }

    #[test]
    fn overrides_match_whole_words_case_insensitively() {
        let o = [ov("nguyen", "ŋwˈɪən"), ov("New York", "nuː jˈɔːk")];
        assert_eq!(
            split_overrides("Mr Nguyen of NEW YORK, not Nguyenville.", &o),
            [
                Segment::Text("Mr "),
                Segment::Ipa("ŋwˈɪən"),
                Segment::Text(" of "),
                Segment::Ipa("nuː jˈɔːk"),
                Segment::Text(", not Nguyenville."),
            ]
        );
        assert_eq!(split_overrides("Nguyen", &o), [Segment::Ipa("ŋwˈɪən")]);
        assert_eq!(split_overrides("xNguyen", &o), [Segment::Text("xNguyen")]);
        assert_eq!(split_overrides("plain", &[]), [Segment::Text("plain")]);
        assert_eq!(split_overrides("plain", &[ov("", "x"), ov("plain", " ")]), [Segment::Text("plain")]);
    }

    #[test]
    fn longest_override_wins() {
        let o = [ov("new", "A"), ov("new york", "B")];
        assert_eq!(split_overrides("new york new", &o), [Segment::Ipa("B"), Segment::Text(" "), Segment::Ipa("A")]);
    }

    #[test]
    fn line_mapping() {
        assert_eq!(map_lines("a\n\nb\nc\n\n\n\n", 3), Some(vec!["a".into(), "b c".into(), String::new()]));
        // A silent part inside a clause makes the shape ambiguous: refused.
        assert_eq!(map_lines("hello\n\n\nworld\n\n", 2), None);
        assert_eq!(map_lines("a\n\n", 2), None);
        assert_eq!(map_lines("a\n\nb\n\n", 1), None);
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("salˈɑm (en)fˈeɪsbʊk(fa)  dˈonjɑ"), "salˈɑm fˈeɪsbʊk dˈonjɑ");
        assert_eq!(clean("ɪç"), "ɪc\u{327}");
    }
}
