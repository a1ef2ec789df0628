//! English: numbers, dates, times, money, units, abbreviations and
//! initialisms written out as a newsreader says them.
//!
//! The text is cut into tokens (words, digit runs, single punctuation marks,
//! each knowing whether a space came before it); at each token the rules are
//! tried in order and the first that matches consumes one or more tokens and
//! says what they read as. Every rule looks at a few tokens around it, so the
//! whole pass is linear in the length of the text.
//!
//! Choices a newsroom may want to know (tables in `tables.rs`):
//!
//! - **Years.** A four-digit number without a thousands separator or a
//!   decimal is a year when it follows a year word ("in", "since", "by", a
//!   month… see [`YEAR_CONTEXT`]) and lies in 1000–2099, or, with no such
//!   word, when it lies in 1100–2099 and is not followed by a unit, a
//!   percentage, a currency or a counted noun ("1500 people", see
//!   [`COUNTED_NOUNS`]) nor preceded by "page", "No." and the like. News
//!   copy writes counts of a thousand or more with a comma ("1,500"), so a
//!   bare four-digit number is nearly always a year. A year reads in pairs:
//!   "nineteen eighty-four", "twenty twenty-six", but "two thousand and five".
//! - **Times.** As written: the 24-hour clock stays 24-hour ("16:10" →
//!   "sixteen ten", "16:00" → "sixteen hundred"), whole hours up to twelve
//!   are "o'clock", "a.m."/"pm" are read "a-m"/"p-m".
//! - **Dates.** Written order is kept ("23 November" → "the twenty-third of
//!   November", "November 23" → "November twenty-third"). All-numeric dates
//!   are day first ("23/11/2026"), month first for `en-US`, and are read in
//!   the region's order. "9/11"-style pairs without a year are two numbers.
//! - **Initialisms** are spelled with [`LETTER_JOINER`] ("F-B-I"); an
//!   all-capital word of four or more letters that English could pronounce
//!   ("NATO", "UNESCO") is read as a word and title-cased ("Nato").
//! - **Sentence ends are sacred.** A rule that swallows an abbreviation's
//!   full stop puts one back when the sentence ends there, and nothing here
//!   writes a full stop inside a sentence. A number or symbol that starts a
//!   sentence is capitalised ("Forty people…"), so the sentence splitter
//!   still sees the sentence begin.

use super::common::is_domain;
use super::numbers::{
    cardinal, cardinal_digits, decimal, digit_by_digit, expand_two_digit_year, ordinal, plural_of, year,
};
use super::tables::*;

/// Normalises English text that has already been through `common::clean`.
/// `month_first` reads all-numeric dates month first (American English).
pub fn normalize(text: &str, month_first: bool) -> String {
    let en = English { s: text, t: tokenize(text), month_first };
    en.run()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    /// Byte offset in the text.
    start: usize,
    /// Whitespace came before this token.
    space: bool,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Letters (of any script) and marks; ASCII digits are numbers, and
/// fraction characters ("½") are read apart.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_ascii_digit() && !FRACTION_CHARS.iter().any(|(f, _, _)| *f == c)) || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(s.len() / 3);
    let mut space = false;
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while let Some(&(i, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            Kind::Num
        } else if is_word_char(c) {
            while let Some(&(i, d)) = it.peek() {
                let after = i + d.len_utf8();
                let inner_apostrophe = is_apostrophe(d) && s[after..].chars().next().is_some_and(is_word_char);
                if !(is_word_char(d) || inner_apostrophe) {
                    break;
                }
                end = after;
                it.next();
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        toks.push(Tok { kind, text: &s[start..end], start, space });
        space = false;
    }
    toks
}

/// A rule's result: it consumed `len` tokens, which read as `text`.
struct Hit {
    len: usize,
    text: String,
    /// The text is a number, time, date or amount: a dash after it may be a range.
    numeric: bool,
}

fn hit(len: usize, text: impl Into<String>) -> Option<Hit> {
    Some(Hit { len, text: text.into(), numeric: false })
}

fn num_hit(len: usize, text: impl Into<String>) -> Option<Hit> {
    Some(Hit { len, text: text.into(), numeric: true })
}

/// A number as written: digits before the point (thousands separators
/// removed), digits after it, and any further dotted parts ("17.4.1").
#[derive(Debug, Clone)]
struct Lit {
    int: String,
    frac: Option<String>,
    more: Vec<String>,
    grouped: bool,
    /// Index of the token after the number.
    end: usize,
}

impl Lit {
    fn value(&self) -> Option<u64> {
        if self.int.len() > 18 { None } else { self.int.parse().ok() }
    }

    fn is_integer(&self) -> bool {
        self.frac.is_none() && self.more.is_empty()
    }

    fn is_one(&self) -> bool {
        self.is_integer() && self.value() == Some(1)
    }

    fn say(&self) -> String {
        let mut words = match &self.frac {
            Some(f) => decimal(&self.int, f),
            None if self.int.len() > 1 && self.int.starts_with('0') => digit_by_digit(&self.int, "oh"),
            None => cardinal_digits(&self.int),
        };
        for part in &self.more {
            words.push_str(" point ");
            words.push_str(&cardinal_digits(part));
        }
        words
    }
}

#[derive(Default)]
struct Out {
    buf: String,
    last_replaced: bool,
    pending_space: bool,
}

fn is_quote_or_bracket(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '(' | ')' | '[' | ']')
}

impl Out {
    fn push(&mut self, text: &str, space: bool, replaced: bool) {
        if text.is_empty() {
            self.pending_space |= space;
            self.last_replaced |= replaced;
            return;
        }
        // Said words never run into the next word: "4G" → "four G".
        let touching = (replaced || self.last_replaced)
            && self.buf.chars().last().is_some_and(char::is_alphanumeric)
            && text.chars().next().is_some_and(char::is_alphanumeric);
        if (space || self.pending_space || touching) && !self.buf.is_empty() && !self.buf.ends_with(' ') {
            self.buf.push(' ');
        }
        self.buf.push_str(text);
        self.last_replaced = replaced;
        self.pending_space = false;
    }

    fn at_sentence_start(&self) -> bool {
        let before = self.buf.trim_end_matches(|c: char| c.is_whitespace() || is_quote_or_bracket(c));
        before.is_empty() || before.ends_with(['.', '!', '?'])
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

fn month_name(word: &str) -> Option<&'static str> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(name, _)| *name)
}

fn month_abbreviation(word: &str) -> Option<&'static str> {
    MONTHS.iter().find(|(_, abbrs)| abbrs.contains(&word)).map(|(name, _)| *name)
}

/// The name of month `m` (1–12).
fn month_of(m: u64) -> &'static str {
    MONTHS.get((m as usize).wrapping_sub(1)).map(|(n, _)| *n).unwrap_or("")
}

fn spell(letters: &str) -> String {
    letters.chars().map(String::from).collect::<Vec<_>>().join(LETTER_JOINER)
}

fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    capitalise(&lower)
}

/// Could an all-capital word be read as an English word? Vowels (Y after the
/// first letter counts), consonant clusters a word may start or end with,
/// at most three consonants together inside.
fn pronounceable(word: &str) -> bool {
    if word.len() < 4 {
        return false;
    }
    let is_vowel = |i: usize, c: char| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U') || (c == 'Y' && i > 0);
    let chars: Vec<char> = word.chars().collect();
    if !chars.iter().enumerate().any(|(i, &c)| is_vowel(i, c)) {
        return false;
    }
    // Runs of consonants and vowels.
    let mut runs: Vec<(bool, String)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let v = is_vowel(i, c);
        match runs.last_mut() {
            Some((kind, run)) if *kind == v => run.push(c),
            _ => runs.push((v, c.to_string())),
        }
    }
    let last = runs.len() - 1;
    runs.iter().enumerate().all(|(i, (vowel, run))| {
        let n = run.len();
        if *vowel {
            return n == 1 || (n == 2 && VOWEL_PAIRS.contains(&run.as_str()));
        }
        if n == 1 {
            return true;
        }
        let head = &run[..2];
        let tail = &run[n - 2..];
        if i == 0 {
            n == 2 && ONSETS.contains(&run.as_str())
                || n == 3 && ["STR", "SCR", "SPR", "SPL", "THR", "SHR"].contains(&run.as_str())
        } else if i == last {
            n == 2 && CODAS.contains(&run.as_str())
        } else {
            n == 2 || n == 3 && (CODAS.contains(&head) || ONSETS.contains(&tail))
        }
    })
}

/// Value of a Roman numeral of I, V and X only (1–39), if `word` is one,
/// written the usual way.
fn roman_value(word: &str) -> Option<u64> {
    if word.len() < 2 || !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value_of = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u64> = word.chars().map(value_of).collect();
    let mut total = 0;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > v) { total -= v as i64 } else { total += v as i64 }
    }
    let total = u64::try_from(total).ok().filter(|t| (1..=39).contains(t))?;
    // Only the canonical spelling ("IV", not "IIII" or "VX").
    let canonical = {
        let tens = "X".repeat((total / 10) as usize);
        let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][(total % 10) as usize];
        format!("{tens}{ones}")
    };
    (canonical == word).then_some(total)
}

struct English<'a> {
    s: &'a str,
    t: Vec<Tok<'a>>,
    month_first: bool,
}

impl<'a> English<'a> {
    fn run(&self) -> String {
        let mut out = Out::default();
        let mut numeric_end: Option<usize> = None;
        let mut i = 0;
        while i < self.t.len() {
            let tok = self.t[i];
            match self.rule(i, numeric_end) {
                Some(h) if h.len > 0 => {
                    let starts_lower = tok.text.chars().next().is_some_and(char::is_lowercase);
                    let text = if out.at_sentence_start() && !starts_lower { capitalise(&h.text) } else { h.text };
                    out.push(&text, tok.space, true);
                    numeric_end = h.numeric.then_some(i + h.len);
                    i += h.len;
                }
                _ => {
                    out.push(tok.text, tok.space, false);
                    i += 1;
                }
            }
        }
        out.buf
    }

    fn rule(&self, i: usize, numeric_end: Option<usize>) -> Option<Hit> {
        match self.t[i].kind {
            Kind::Num => self.number(i),
            Kind::Word => self.word(i),
            Kind::Punct => self.punct(i, numeric_end),
        }
    }

    // ---- token helpers -------------------------------------------------

    fn tok(&self, j: usize) -> Option<&Tok<'a>> {
        self.t.get(j)
    }

    /// Token `j` exists and touches the token before it.
    fn adj(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| !t.space)
    }

    /// Token `j` exists and has a space before it.
    fn spaced(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.space)
    }

    fn num(&self, j: usize) -> Option<&'a str> {
        self.tok(j).filter(|t| t.kind == Kind::Num).map(|t| t.text)
    }

    fn word_at(&self, j: usize) -> Option<&'a str> {
        self.tok(j).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn is_punct(&self, j: usize, c: char) -> bool {
        self.tok(j).is_some_and(|t| t.kind == Kind::Punct && t.text.starts_with(c))
    }

    fn punct_char(&self, j: usize) -> Option<char> {
        self.tok(j).filter(|t| t.kind == Kind::Punct).and_then(|t| t.text.chars().next())
    }

    /// A small number (1–2 digits) at `j`, with its value.
    fn small(&self, j: usize) -> Option<u64> {
        self.num(j).filter(|n| n.len() <= 2).and_then(|n| n.parse().ok())
    }

    /// The word before token `i` (skipping an abbreviation's full stop), lower-cased.
    fn prev_word(&self, i: usize) -> Option<String> {
        let mut j = i.checked_sub(1)?;
        if self.is_punct(j, '.') && j > 0 && !self.t[j].space && self.t[j - 1].kind == Kind::Word {
            j -= 1;
        }
        self.word_at(j).map(str::to_lowercase)
    }

    /// Whether one of the (up to) four words before token `i` is in `table`.
    fn recent_word_in(&self, i: usize, table: &[&str]) -> bool {
        (i.saturating_sub(4)..i).any(|j| self.word_at(j).is_some_and(|w| table.contains(&w.to_lowercase().as_str())))
    }

    /// "a $5 bill", "a 10 km race": after "a"/"an" and before a noun, the
    /// unit or currency is an adjective and stays singular.
    fn adjectival(&self, start: usize, end: usize) -> bool {
        matches!(self.prev_word(start).as_deref(), Some("a" | "an"))
            && self.next_word(end).is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    }

    /// The word after a space at `j`, if any.
    fn next_word(&self, j: usize) -> Option<&'a str> {
        self.word_at(j).filter(|_| self.spaced(j))
    }

    fn counted_after(&self, j: usize) -> bool {
        self.next_word(j).is_some_and(|w| COUNTED_NOUNS.contains(&w.to_lowercase().as_str()))
    }

    /// If the text at token `i` starts with `written` (ending on a token
    /// boundary, not in the middle of a word), the index after it.
    fn match_str(&self, i: usize, written: &str) -> Option<usize> {
        let start = self.tok(i)?.start;
        if !self.s[start..].starts_with(written) {
            return None;
        }
        let end = start + written.len();
        let last_is_word = written.chars().last().is_some_and(|c| is_word_char(c) || c.is_ascii_digit());
        let next_is_word = self.s[end..].chars().next().is_some_and(|c| is_word_char(c) || c.is_ascii_digit());
        if last_is_word && next_is_word {
            return None;
        }
        let mut j = i;
        while j < self.t.len() && self.t[j].start < end {
            j += 1;
        }
        (j > i && self.t[j - 1].end() == end).then_some(j)
    }

    /// Whether a full stop just before token `j` ends the sentence: the
    /// text ends, or a capitalised word follows (for `strict`, a word that
    /// usually starts a sentence: "the U.S. President" goes on).
    fn stop_ends_sentence(&self, j: usize, strict: bool) -> bool {
        let mut k = j;
        while self.adj(k) && matches!(self.punct_char(k), Some('"' | '\'' | '”' | '’' | '»' | ')' | ']')) {
            k += 1;
        }
        let Some(t) = self.tok(k) else { return true };
        if !t.space {
            return false;
        }
        match t.kind {
            Kind::Word if SENTENCE_STARTERS.contains(&t.text) => true,
            Kind::Word => !strict && is_capitalised(t.text) && !is_all_caps(t.text),
            Kind::Punct if matches!(t.text, "“" | "\"" | "‘") => {
                !strict && self.word_at(k + 1).is_some_and(is_capitalised)
            }
            _ => false,
        }
    }

    fn stop(&self, j: usize, strict: bool) -> &'static str {
        if self.stop_ends_sentence(j, strict) { "." } else { "" }
    }

    // ---- numbers -------------------------------------------------------

    /// The number starting at Num token `i`.
    fn lit(&self, i: usize) -> Option<Lit> {
        let first = self.num(i)?;
        let mut int = first.to_owned();
        let mut j = i + 1;
        let mut grouped = false;
        if first.len() <= 3 {
            while self.is_punct(j, ',')
                && self.adj(j)
                && self.adj(j + 1)
                && self.num(j + 1).is_some_and(|g| g.len() == 3)
            {
                int.push_str(self.t[j + 1].text);
                j += 2;
                grouped = true;
            }
        }
        let mut frac = None;
        let mut more = Vec::new();
        if self.is_punct(j, '.')
            && self.adj(j)
            && self.adj(j + 1)
            && let Some(f) = self.num(j + 1)
        {
            frac = Some(f.to_owned());
            j += 2;
            while self.is_punct(j, '.') && self.adj(j) && self.adj(j + 1) {
                let Some(part) = self.num(j + 1) else { break };
                more.push(part.to_owned());
                j += 2;
            }
        }
        Some(Lit { int, frac, more, grouped, end: j })
    }

    fn number(&self, i: usize) -> Option<Hit> {
        self.numeric_date(i)
            .or_else(|| self.time(i))
            .or_else(|| self.score(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.ordinal_suffix(i))
            .or_else(|| self.phone(i, i, ""))
            .or_else(|| self.fraction(i))
            .or_else(|| self.decade(i, i))
            .or_else(|| self.quantity(i, i, None))
    }

    /// "23/11/2026", "23.11.2026", "23-11-2026", "2026-11-23".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let a = self.num(i)?;
        let sep = self.punct_char(i + 1).filter(|c| matches!(c, '/' | '.' | '-'))?;
        if !(self.adj(i + 1) && self.adj(i + 2) && self.adj(i + 3) && self.adj(i + 4)) {
            return None;
        }
        let b = self.num(i + 2)?;
        if self.punct_char(i + 3) != Some(sep) {
            return None;
        }
        let c = self.num(i + 4)?;
        // Not part of something longer ("1.2.3.4", "1/2/3/4").
        if self.adj(i + 5)
            && (self.num(i + 5).is_some() || self.punct_char(i + 5) == Some(sep) && self.num(i + 6).is_some())
        {
            return None;
        }
        let parse = |s: &str| s.parse::<u64>().ok();
        let (d, m, y) = if a.len() == 4 && sep == '-' && b.len() == 2 && c.len() == 2 {
            (parse(c)?, parse(b)?, parse(a)?)
        } else if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || sep == '/' && c.len() == 2) {
            let (first, second) = (parse(a)?, parse(b)?);
            let (mut d, mut m) = if self.month_first { (second, first) } else { (first, second) };
            if m > 12 && d <= 12 {
                std::mem::swap(&mut d, &mut m);
            }
            let y = parse(c)?;
            (d, m, if c.len() == 2 { expand_two_digit_year(y) } else { y })
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let text = if self.month_first {
            format!("{} {}, {}", month_of(m), ordinal(d), year(y))
        } else {
            format!("the {} of {}, {}", ordinal(d), month_of(m), year(y))
        };
        num_hit(5, text)
    }

    /// "a.m." and the like at `j` (touching or after a space): the letter,
    /// the index after it, and the full stop to put back.
    fn am_pm(&self, j: usize) -> Option<(&'static str, usize, &'static str)> {
        AM_PM.iter().find_map(|(written, letter)| {
            let end = self.match_str(j, written)?;
            let stop = if written.ends_with('.') { self.stop(end, false) } else { "" };
            Some((*letter, end, stop))
        })
    }

    fn clock(h: u64, m: u64, s: Option<u64>, am_pm: Option<&str>) -> String {
        let minutes = |m: u64| match m {
            0 => String::new(),
            1..=9 => format!(" oh {}", cardinal(m)),
            _ => format!(" {}", cardinal(m)),
        };
        let mut text = match am_pm {
            Some(letter) => {
                let hour = match h {
                    0 => 12,
                    13.. => h - 12,
                    _ => h,
                };
                format!("{}{} {letter}{LETTER_JOINER}m", cardinal(hour), minutes(m))
            }
            None if m == 0 && s.is_none() => match h {
                0 | 24 => "midnight".to_owned(),
                1..=12 => format!("{} o'clock", cardinal(h)),
                _ => format!("{} hundred", cardinal(h)),
            },
            None => format!("{}{}", cardinal(h), if m == 0 { " hundred".to_owned() } else { minutes(m) }),
        };
        if let Some(s) = s {
            text.push_str(&if s == 0 { " hundred".to_owned() } else { minutes(s) });
        }
        text
    }

    /// "08:30", "9.30am", "9am", "9 a.m.", "16:10:05"; "3:1" as a ratio.
    fn time(&self, i: usize) -> Option<Hit> {
        let hour_digits = self.num(i).filter(|n| n.len() <= 2)?;
        let h: u64 = hour_digits.parse().ok()?;
        let minutes_at = |j: usize| self.num(j).filter(|n| n.len() == 2).and_then(|n| n.parse::<u64>().ok());
        if self.is_punct(i + 1, ':') && self.adj(i + 1) && self.adj(i + 2) {
            if let Some(m) = minutes_at(i + 2).filter(|&m| m <= 59 && h <= 24) {
                let mut j = i + 3;
                let mut secs = None;
                if self.is_punct(j, ':')
                    && self.adj(j)
                    && self.adj(j + 1)
                    && let Some(s) = minutes_at(j + 1).filter(|&s| s <= 59)
                {
                    secs = Some(s);
                    j += 2;
                }
                let (letter, end, stop) = match self.am_pm(j).filter(|_| h <= 12) {
                    Some((l, e, s)) => (Some(l), e, s),
                    None => (None, j, ""),
                };
                return num_hit(end - i, format!("{}{stop}", Self::clock(h, m, secs, letter)));
            }
            // "3:1": a ratio.
            let other = self.num(i + 2)?;
            if self.adj(i + 3) && self.num(i + 3).is_some() {
                return None;
            }
            return num_hit(3, format!("{} to {}", cardinal(h), cardinal_digits(other)));
        }
        if self.is_punct(i + 1, '.') && self.adj(i + 1) && self.adj(i + 2) {
            let m = minutes_at(i + 2).filter(|&m| m <= 59)?;
            if self.adj(i + 3) && self.is_punct(i + 3, '.') && self.num(i + 4).is_some() {
                return None;
            }
            if let Some((letter, end, stop)) = self.am_pm(i + 3).filter(|_| (1..=12).contains(&h)) {
                return num_hit(end - i, format!("{}{stop}", Self::clock(h, m, None, Some(letter))));
            }
            // "at 9.30": a time when nothing else follows the figures.
            let timed = self.prev_word(i).is_some_and(|w| matches!(w.as_str(), "at" | "until" | "till"));
            let followed = self.tok(i + 3).is_some_and(|t| !t.space && t.kind != Kind::Punct || t.text == "%")
                || self.next_word(i + 3).is_some_and(|w| UNITS.iter().any(|(u, _, _)| *u == w));
            if timed && h <= 24 && !followed {
                return num_hit(3, Self::clock(h, m, None, None));
            }
            return None;
        }
        if (1..=12).contains(&h) {
            let (letter, end, stop) = self.am_pm(i + 1)?;
            return num_hit(end - i, format!("{}{stop}", Self::clock(h, 0, None, Some(letter))));
        }
        None
    }

    /// "won 3-1" → "three one", "a 2-2 draw" → "two all", "1-0" → "one nil".
    fn score(&self, i: usize) -> Option<Hit> {
        let a = self.small(i)?;
        if !matches!(self.punct_char(i + 1), Some('-' | '–')) || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let b = self.small(i + 2)?;
        if self.adj(i + 3) && self.tok(i + 3).is_some_and(|t| t.kind != Kind::Punct || t.text == "-") {
            return None;
        }
        let before = self.recent_word_in(i, SCORE_BEFORE);
        let after = self.next_word(i + 3).is_some_and(|w| SCORE_AFTER.contains(&w.to_lowercase().as_str()));
        if !(before || after) {
            return None;
        }
        let goals = |n: u64| {
            if n == 0 { "nil".to_owned() } else { cardinal(n) }
        };
        let text = if a == b { format!("{} all", cardinal(a)) } else { format!("{} {}", goals(a), goals(b)) };
        num_hit(3, text)
    }

    /// An ordinal suffix touching token `j` ("st", "nd"…): the index after it.
    fn ordinal_suffix_at(&self, j: usize) -> Option<usize> {
        let w = self.word_at(j).filter(|_| self.adj(j))?;
        matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th").then_some(j + 1)
    }

    /// A month name or abbreviation after a space at `j`: (month, index
    /// after it, whether a full stop was consumed).
    fn month_at(&self, j: usize) -> Option<(&'static str, usize, bool)> {
        let w = self.next_word(j)?;
        if let Some(name) = month_name(w) {
            return Some((name, j + 1, false));
        }
        let name = month_abbreviation(w)?;
        if self.is_punct(j + 1, '.') && self.adj(j + 1) {
            Some((name, j + 2, true))
        } else {
            Some((name, j + 1, false))
        }
    }

    /// A year after a month or day at `j` (", 2026" or " 2026"): the words
    /// and the index after it.
    fn year_after(&self, j: usize) -> Option<(String, usize)> {
        let k = if self.is_punct(j, ',') && self.adj(j) { j + 1 } else { j };
        let digits = self.num(k).filter(|n| n.len() == 4 && self.spaced(k))?;
        if self.adj(k + 1) && self.tok(k + 1).is_some_and(|t| t.kind != Kind::Punct || t.text == "%") {
            return None;
        }
        if self.is_punct(k + 1, ',') && self.adj(k + 1) && self.num(k + 2).is_some() && self.adj(k + 2) {
            return None;
        }
        let y: u64 = digits.parse().ok().filter(|y| (1000..=2099).contains(y))?;
        Some((year(y), k + 1))
    }

    /// "23 November 2026", "23rd Nov", "23–24 November".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let d = self.small(i).filter(|d| (1..=31).contains(d))?;
        let mut j = self.ordinal_suffix_at(i + 1).unwrap_or(i + 1);
        let mut second = None;
        if matches!(self.punct_char(j), Some('-' | '–'))
            && self.adj(j)
            && self.adj(j + 1)
            && let Some(d2) = self.small(j + 1).filter(|d| (1..=31).contains(d))
        {
            second = Some(d2);
            j = self.ordinal_suffix_at(j + 2).unwrap_or(j + 2);
        }
        let (month, mut end, dotted) = self.month_at(j)?;
        let the = if self.prev_word(i).as_deref() == Some("the") { "" } else { "the " };
        let mut text = match second {
            None => format!("{the}{} of {month}", ordinal(d)),
            Some(d2) => format!("{the}{} to the {} of {month}", ordinal(d), ordinal(d2)),
        };
        if let Some((y, e)) = self.year_after(end) {
            text.push_str(", ");
            text.push_str(&y);
            end = e;
        } else if dotted {
            text.push_str(self.stop(end, false));
        }
        num_hit(end - i, text)
    }

    /// "21st" → "twenty-first".
    fn ordinal_suffix(&self, i: usize) -> Option<Hit> {
        let end = self.ordinal_suffix_at(i + 1)?;
        let n: u64 = self.num(i)?.parse().ok()?;
        num_hit(end - i, ordinal(n))
    }

    /// "0722 123 456" (a leading zero), "call 999" or "+254 722 123456"
    /// (`start` at the plus): read digit by digit, a pause between groups.
    fn phone(&self, start: usize, i: usize, prefix: &str) -> Option<Hit> {
        let first = self.num(i)?;
        let dialled = self.prev_word(i).is_some_and(|w| matches!(w.as_str(), "call" | "dial" | "text"));
        if prefix.is_empty() && !(first.len() >= 2 && first.starts_with('0') || dialled && first.len() >= 3) {
            return None;
        }
        if matches!(self.punct_char(i + 1), Some('.' | ',' | ':' | '/')) && self.adj(i + 1) && self.num(i + 2).is_some()
        {
            return None;
        }
        let mut groups = vec![digit_by_digit(first, "oh")];
        let mut j = i + 1;
        while let Some(g) = self.num(j).filter(|g| (2..=8).contains(&g.len()) && self.spaced(j)) {
            groups.push(digit_by_digit(g, "oh"));
            j += 1;
        }
        if !prefix.is_empty() && groups.len() < 2 {
            return None;
        }
        num_hit(j - start, format!("{prefix}{}", groups.join(", ")))
    }

    /// "1/2" → "one half"; "9/11" → "nine eleven", "24/7" → "twenty-four seven".
    fn fraction(&self, i: usize) -> Option<Hit> {
        let a = self.num(i)?;
        if !(self.is_punct(i + 1, '/') && self.adj(i + 1) && self.adj(i + 2)) {
            return None;
        }
        let b = self.num(i + 2)?;
        if self.adj(i + 3) && (self.is_punct(i + 3, '/') || self.num(i + 3).is_some()) {
            return None;
        }
        let written = format!("{a}/{b}");
        let season = a.len() == 4 && b.len() == 2 && a.parse::<u64>().is_ok_and(|y| (1100..=2099).contains(&y));
        let text = match FRACTIONS.iter().find(|(w, _)| *w == written) {
            Some((_, said)) => (*said).to_owned(),
            // "the 2024/25 season", as a range.
            None if season => format!("{} to {}", year(a.parse().unwrap_or(0)), cardinal_digits(b)),
            None => format!("{} {}", cardinal_digits(a), cardinal_digits(b)),
        };
        num_hit(3, text)
    }

    /// "1980s" → "nineteen eighties", "’80s" (`start` at the apostrophe) → "eighties".
    fn decade(&self, start: usize, i: usize) -> Option<Hit> {
        let digits = self.num(i)?;
        let mut j = i + 1;
        if self.adj(j) && self.punct_char(j).is_some_and(is_apostrophe) {
            j += 1;
        }
        if !(self.adj(j) && self.word_at(j) == Some("s")) {
            return None;
        }
        let n: u64 = digits.parse().ok()?;
        let words = if digits.len() == 4 && (1000..=2099).contains(&n) { year(n) } else { cardinal(n) };
        num_hit(j + 1 - start, plural_of(&words))
    }

    /// A scale after an amount at `j`: "m", "bn" (touching) or "million" (spaced).
    fn scale(&self, j: usize, money: bool) -> Option<(&'static str, usize)> {
        let w = self.word_at(j)?;
        if self.adj(j) {
            let (_, word, ambiguous) = SCALE_SUFFIXES.iter().find(|(s, _, _)| *s == w)?;
            let counted = || self.counted_after(j + 1) || self.recent_word_in(j.saturating_sub(1), MILLION_CONTEXT);
            return (!ambiguous || money || counted()).then_some((*word, j + 1));
        }
        SCALE_WORDS.iter().find(|s| **s == w).map(|s| (*s, j + 1))
    }

    /// A unit after an amount at `j`: (singular, plural, index after).
    fn unit(&self, j: usize) -> Option<(&'static str, &'static str, usize)> {
        let mut best: Option<(usize, &'static str, &'static str, usize)> = None;
        let mut consider = |written: &'static str, one, many, end| {
            if best.is_none_or(|(len, ..)| written.len() > len) {
                best = Some((written.len(), one, many, end));
            }
        };
        for (written, one, many) in UNITS {
            if let Some(end) = self.match_str(j, written) {
                consider(written, one, many, end);
            }
        }
        if self.adj(j) {
            for (written, one, many) in ATTACHED_UNITS {
                if let Some(end) = self.match_str(j, written) {
                    consider(written, one, many, end);
                }
            }
        }
        best.map(|(_, one, many, end)| (one, many, end))
    }

    /// A currency code or sign after an amount at `j` ("30 USD", "30€").
    fn currency_after(&self, j: usize) -> Option<(Currency, usize)> {
        let t = self.tok(j)?;
        match t.kind {
            Kind::Word if t.space => CURRENCY_CODES.iter().find(|(c, _)| *c == t.text).map(|(_, cur)| (*cur, j + 1)),
            Kind::Punct => CURRENCY_SIGNS.iter().find(|(c, _)| *c == t.text).map(|(_, cur)| (*cur, j + 1)),
            _ => None,
        }
    }

    fn is_year(&self, start: usize, lit: &Lit, next: usize) -> bool {
        if lit.grouped || !lit.is_integer() || lit.int.len() != 4 {
            return false;
        }
        let Some(v) = lit.value() else { return false };
        let prev = self.prev_word(start);
        let prev = prev.as_deref();
        if prev.is_some_and(|w| NUMBER_CONTEXT.contains(&w)) {
            return false;
        }
        let after_month = start > 0 && self.word_at(start - 1).and_then(month_name).is_some();
        if prev.is_some_and(|w| YEAR_CONTEXT.contains(&w)) || after_month {
            return (1000..=2099).contains(&v);
        }
        (1100..=2099).contains(&v) && !self.counted_after(next)
    }

    /// An amount, perhaps signed ("minus"/"plus" from `sign`), with what
    /// follows it: scale, percentage, unit, currency, pence; else a year or
    /// a cardinal. `start` is the first token (the sign), `i` the digits.
    fn quantity(&self, start: usize, i: usize, sign: Option<&str>) -> Option<Hit> {
        let lit = self.lit(i)?;
        let mut words = lit.say();
        let mut j = lit.end;
        let mut one = lit.is_one();
        // "1,000th"
        if let (Some(end), Some(v), true) = (self.ordinal_suffix_at(j), lit.value(), lit.is_integer()) {
            return num_hit(end - start, ordinal(v));
        }
        if let Some((_, _, after)) =
            FRACTION_CHARS.iter().find(|(c, _, _)| self.adj(j) && self.punct_char(j) == Some(*c))
        {
            words = format!("{words} {after}");
            j += 1;
            one = false;
        }
        let scale = self.scale(j, false);
        if let Some((s, e)) = scale {
            words = format!("{words} {s}");
            j = e;
            one = false;
        }
        let signed = |w: String| match sign {
            Some(s) => format!("{s} {w}"),
            None => w,
        };
        if self.is_punct(j, '%') {
            return num_hit(j + 1 - start, signed(format!("{words} per cent")));
        }
        if let Some((unit_one, unit_many, end)) = self.unit(j) {
            let unit = if one || self.adjectival(start, end) { unit_one } else { unit_many };
            return num_hit(end - start, signed(format!("{words} {unit}")));
        }
        // "a 1.2-km stretch" → "one point two-kilometre".
        if self.is_punct(j, '-')
            && self.adj(j)
            && self.adj(j + 1)
            && let Some((unit_one, _, end)) = self.unit(j + 1)
        {
            return num_hit(end - start, signed(format!("{words}-{unit_one}")));
        }
        if let Some((cur, end)) = self.currency_after(j) {
            let adjective = self.adjectival(start, end);
            return num_hit(end - start, signed(self.money_words(cur, &lit, scale.map(|s| s.0), adjective)));
        }
        if scale.is_none() && lit.is_integer() && self.adj(j) && self.word_at(j) == Some("p") {
            let pence = if one { "penny" } else { "pence" };
            return num_hit(j + 1 - start, signed(format!("{words} {pence}")));
        }
        if sign.is_none() && scale.is_none() && words == lit.say() && self.is_year(start, &lit, j) {
            let v = lit.value().unwrap_or(0);
            return num_hit(j - start, year(v));
        }
        num_hit(j - start, signed(words))
    }

    /// `adjective`: "a $5 bill" → "a five dollar bill".
    fn money_words(&self, cur: Currency, lit: &Lit, scale: Option<&str>, adjective: bool) -> String {
        if let Some(s) = scale {
            return format!("{} {s} {}", lit.say(), if adjective { cur.one } else { cur.many });
        }
        if let (Some(frac), true, Some((cent_one, cent_many))) = (&lit.frac, lit.more.is_empty(), cur.cents)
            && frac.len() == 2
        {
            let units = lit.value().unwrap_or(u64::MAX);
            let cents: u64 = frac.parse().unwrap_or(0);
            let name = if units == 1 { cur.one } else { cur.many };
            let whole = cardinal_digits(&lit.int);
            return match (units, cents) {
                (0, 0) => format!("zero {}", cur.many),
                (0, c) => format!("{} {}", cardinal(c), if c == 1 { cent_one } else { cent_many }),
                (_, 0) => format!("{whole} {name}"),
                (_, c) => format!("{whole} {name} {}", cardinal(c)),
            };
        }
        format!("{} {}", lit.say(), if lit.is_one() || adjective { cur.one } else { cur.many })
    }

    /// A currency sign or code at `i` and the index of the amount after it.
    fn currency_before(&self, i: usize) -> Option<(Currency, usize)> {
        let t = self.tok(i)?;
        let (cur, mut j) = match t.kind {
            Kind::Punct | Kind::Word => {
                let sign = CURRENCY_SIGNS
                    .iter()
                    .filter_map(|(w, cur)| self.match_str(i, w).map(|e| (w.len(), *cur, e)))
                    .max_by_key(|(len, ..)| *len);
                match sign {
                    Some((_, cur, e)) => (cur, e),
                    None => {
                        let (_, cur) = CURRENCY_CODES.iter().find(|(c, _)| *c == t.text)?;
                        (*cur, i + 1)
                    }
                }
            }
            Kind::Num => return None,
        };
        // "Rs. 500"
        if t.kind == Kind::Word && self.is_punct(j, '.') && self.adj(j) && self.spaced(j + 1) {
            j += 1;
        }
        self.num(j)?;
        Some((cur, j))
    }

    /// "$3.5m", "£4.50", "KSh 1,200", "US$5", "$30–40m", "£2bn–£3bn".
    fn money(&self, i: usize) -> Option<Hit> {
        let (cur, j) = self.currency_before(i)?;
        let lit = self.lit(j)?;
        let mut k = lit.end;
        let scale = self.scale(k, true);
        if let Some((_, e)) = scale {
            k = e;
        }
        // A range: "–40m", " to $40m".
        let is_dash = matches!(self.punct_char(k), Some('–' | '-')) && self.adj(k) == self.adj(k + 1);
        let is_to = self.next_word(k) == Some("to");
        if is_dash || is_to {
            let n = self.currency_before(k + 1).map(|(_, n)| n).unwrap_or(k + 1);
            if let Some(lit2) = self.num(n).and_then(|_| self.lit(n)) {
                let mut end = lit2.end;
                let scale2 = self.scale(end, true);
                if let Some((_, e)) = scale2 {
                    end = e;
                }
                let said = |l: &Lit, s: Option<(&str, usize)>| match s {
                    Some((s, _)) => format!("{} {s}", l.say()),
                    None => l.say(),
                };
                let text = format!("{} to {} {}", said(&lit, scale), said(&lit2, scale2), cur.many);
                return num_hit(end - i, text);
            }
        }
        num_hit(k - i, self.money_words(cur, &lit, scale.map(|s| s.0), self.adjectival(i, k)))
    }

    // ---- punctuation ---------------------------------------------------

    /// Whether token `j` starts a number (digits, or a currency and digits).
    fn starts_number(&self, j: usize) -> bool {
        self.num(j).is_some() || self.currency_before(j).is_some()
    }

    fn punct(&self, i: usize, numeric_end: Option<usize>) -> Option<Hit> {
        if let Some(h) = self.money(i) {
            return Some(h);
        }
        let c = self.punct_char(i)?;
        let after_number = numeric_end == Some(i);
        let sign_position = !after_number
            && (i == 0 || self.t[i].space || matches!(self.punct_char(i - 1), Some('(' | '[' | '“' | '"')));
        match c {
            // "30–40", "2010-2015", "3pm–5pm" → "to".
            '–' | '—' | '-' | '−' if after_number && self.starts_number(i + 1) => {
                let symmetric = self.adj(i) == self.adj(i + 1);
                (c != '-' || symmetric).then(|| Hit { len: 1, text: "to".to_owned(), numeric: false })
            }
            '+' if after_number => hit(1, "plus"),
            '-' | '−' | '+' if sign_position && self.adj(i + 1) && self.num(i + 1).is_some() => {
                let word = if c == '+' { "plus" } else { "minus" };
                if c == '+'
                    && let Some(h) = self.phone(i, i + 1, "plus ")
                {
                    return Some(h);
                }
                self.quantity(i, i + 1, Some(word))
            }
            // "COVID-19" → "Covid nineteen".
            '-' if i > 0
                && self.t[i - 1].kind == Kind::Word
                && self.adj(i)
                && self.adj(i + 1)
                && self.num(i + 1).is_some() =>
            {
                hit(1, "")
            }
            '&' => hit(1, "and"),
            '#' | '№' if self.adj(i + 1) && self.num(i + 1).is_some() => hit(1, "number"),
            '@' if self.t[i].space && self.spaced(i + 1) => hit(1, "at"),
            '\'' | '’' => self.decade(i, i + 1).filter(|_| self.adj(i + 1)),
            // "and/or", "his/her": the slash is not read.
            '/' if i > 0
                && self.t[i - 1].kind == Kind::Word
                && self.adj(i)
                && self.adj(i + 1)
                && self.word_at(i + 1).is_some() =>
            {
                hit(1, "")
            }
            _ => FRACTION_CHARS.iter().find(|(f, _, _)| *f == c).and_then(|(_, alone, _)| hit(1, *alone)),
        }
    }

    // ---- words ---------------------------------------------------------

    fn word(&self, i: usize) -> Option<Hit> {
        self.money(i)
            .or_else(|| self.dotted_abbreviation(i))
            .or_else(|| self.title(i))
            .or_else(|| self.month_word(i))
            .or_else(|| self.number_word(i))
            .or_else(|| self.dotted_letters(i))
            .or_else(|| self.middle_initial(i))
            .or_else(|| self.domain(i))
            .or_else(|| self.word_abbreviation(i))
            .or_else(|| self.versus(i))
            .or_else(|| self.roman(i))
            .or_else(|| self.capitals(i))
    }

    /// "e.g.", "etc.", "Jr."…
    fn dotted_abbreviation(&self, i: usize) -> Option<Hit> {
        DOTTED_ABBREVIATIONS.iter().find_map(|(written, said, ends)| {
            let end = self.match_str(i, written)?;
            let stop = match ends {
                Ends::Never => "",
                Ends::BeforeCapital => self.stop(end, false),
                Ends::BeforeStarter => self.stop(end, true),
            };
            hit(end - i, format!("{said}{stop}"))
        })
    }

    /// A capitalised word of two letters or more after a space at `j`.
    fn name_at(&self, j: usize) -> Option<&'a str> {
        self.next_word(j).filter(|w| is_capitalised(w) && w.chars().count() >= 2)
    }

    /// "Dr Smith", "Dr. Smith", "St Paul's" (Saint), "Baker St." (Street).
    fn title(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        let dotted = self.is_punct(i + 1, '.') && self.adj(i + 1);
        let end = if dotted { i + 2 } else { i + 1 };
        let name = self.name_at(end);
        if w == "St" {
            let after_name = i > 0 && self.spaced(i) && self.word_at(i - 1).is_some_and(is_capitalised);
            let next_starts_sentence = name.is_some_and(|n| SENTENCE_STARTERS.contains(&n));
            if name.is_some() && !(after_name && dotted && next_starts_sentence) {
                return hit(end - i, "Saint");
            }
            if after_name {
                let stop = if dotted { self.stop(end, false) } else { "" };
                return hit(end - i, format!("Street{stop}"));
            }
            return None;
        }
        let (_, said) = TITLES.iter().find(|(t, _)| *t == w)?;
        if name.is_some() {
            hit(end - i, *said)
        } else if dotted {
            hit(end - i, format!("{said}{}", self.stop(end, false)))
        } else {
            None
        }
    }

    /// "November 23" → "November twenty-third"; "Nov. 2026"; "Jan." → "January".
    fn month_word(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        let (month, mut j, dotted) = match (month_name(w), month_abbreviation(w)) {
            (Some(m), _) => (m, i + 1, false),
            (None, Some(m)) if self.is_punct(i + 1, '.') && self.adj(i + 1) => (m, i + 2, true),
            (None, Some(m)) => (m, i + 1, false),
            (None, None) => return None,
        };
        // A day.
        if let Some(d) = self.small(j).filter(|d| (1..=31).contains(d) && self.spaced(j)) {
            let after = self.ordinal_suffix_at(j + 1).unwrap_or(j + 1);
            let is_clock = matches!(self.punct_char(after), Some(':' | '.' | '%'))
                && self.adj(after)
                && self.num(after + 1).is_some();
            let is_unit = self.unit(after).is_some() || self.is_punct(after, '%') || self.counted_after(after);
            if !is_clock && !is_unit {
                let mut text = format!("{month} {}", ordinal(d));
                j = after;
                if let Some((y, e)) = self.year_after(j) {
                    text.push_str(", ");
                    text.push_str(&y);
                    j = e;
                }
                return num_hit(j - i, text);
            }
        }
        // A year.
        if let Some((y, e)) = self.year_after(j).filter(|_| self.spaced(j)) {
            return num_hit(e - i, format!("{month} {y}"));
        }
        if dotted {
            return hit(j - i, format!("{month}{}", self.stop(j, false)));
        }
        None
    }

    /// "No. 10", "No 10", "Nos. 3", "c. 1500".
    fn number_word(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        let dotted = self.is_punct(i + 1, '.') && self.adj(i + 1);
        let j = if dotted { i + 2 } else { i + 1 };
        self.num(j)?;
        let said = match (w, dotted) {
            ("No" | "no" | "Nos" | "nos", true) | ("No" | "Nos", false) if self.spaced(j) || dotted => {
                let plural = if w.ends_with('s') { "s" } else { "" };
                if is_capitalised(w) { format!("Number{plural}") } else { format!("number{plural}") }
            }
            ("c", true) if self.spaced(j) => "circa".to_owned(),
            ("p", true) => "page".to_owned(),
            ("pp", true) => "pages".to_owned(),
            _ => return None,
        };
        hit(j - i, said)
    }

    /// "U.S." → "U-S", "J.K." → "J-K", "a.m." → "a-m".
    fn dotted_letters(&self, i: usize) -> Option<Hit> {
        let mut letters = String::new();
        let mut j = i;
        while let Some(w) = self.word_at(j) {
            let single = w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic());
            if !(single && (j == i || self.adj(j)) && self.is_punct(j + 1, '.') && self.adj(j + 1)) {
                break;
            }
            letters.push_str(w);
            j += 2;
        }
        if letters.chars().count() < 2 {
            return None;
        }
        let strict = is_all_caps(&letters);
        hit(j - i, format!("{}{}", spell(&letters), self.stop(j, strict)))
    }

    /// "George W. Bush" → "George W Bush": an initial's full stop is not a sentence end.
    fn middle_initial(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        if w.chars().count() != 1 || !is_capitalised(w) || !(self.is_punct(i + 1, '.') && self.adj(i + 1)) {
            return None;
        }
        let next = self.next_word(i + 2)?;
        let next_is_name = is_capitalised(next)
            && (next.chars().count() >= 2 && !SENTENCE_STARTERS.contains(&next)
                || next.chars().count() == 1 && self.is_punct(i + 3, '.'));
        next_is_name.then(|| Hit { len: 2, text: w.to_owned(), numeric: false })
    }

    /// "example.org" → "example dot org", "bbc.co.uk" → "B-B-C dot co dot U-K".
    fn domain(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        while self.is_punct(j, '.')
            && self.adj(j)
            && self.adj(j + 1)
            && self.tok(j + 1).is_some_and(|t| t.kind != Kind::Punct)
        {
            j += 2;
        }
        if j == i + 1 || self.adj(j) && self.tok(j).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        let host = &self.s[self.t[i].start..self.t[j - 1].end()];
        if !is_domain(host) {
            return None;
        }
        let said: Vec<String> = host
            .split('.')
            .map(|label| {
                let lower = label.to_ascii_lowercase();
                if let Some((_, said)) = DOMAINS.iter().find(|(d, _)| *d == lower) {
                    (*said).to_owned()
                } else if label.len() <= 4
                    && label.chars().all(|c| c.is_ascii_alphabetic())
                    && !pronounceable(&label.to_ascii_uppercase())
                {
                    spell(&label.to_ascii_uppercase())
                } else {
                    label.to_owned()
                }
            })
            .collect();
        hit(j - i, said.join(" dot "))
    }

    /// "vs", "aka"… (without full stops).
    fn word_abbreviation(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        WORD_ABBREVIATIONS.iter().find(|(a, _)| *a == w).and_then(|(_, said)| hit(1, *said))
    }

    /// "Arsenal v Chelsea" → "Arsenal versus Chelsea".
    fn versus(&self, i: usize) -> Option<Hit> {
        if self.word_at(i)? != "v" || i == 0 || !self.spaced(i) {
            return None;
        }
        let dotted = self.is_punct(i + 1, '.') && self.adj(i + 1);
        let end = if dotted { i + 2 } else { i + 1 };
        let between_names = self.word_at(i - 1).is_some_and(is_capitalised) && self.name_at(end).is_some();
        between_names.then(|| Hit { len: end - i, text: "versus".to_owned(), numeric: false })
    }

    /// "World War II" → "World War Two"; "Elizabeth II" → "Elizabeth the Second".
    fn roman(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        let v = roman_value(w)?;
        let prev = self.word_at(i.checked_sub(1)?).filter(|_| self.spaced(i))?;
        if ROMAN_CARDINAL_AFTER.iter().any(|r| r.eq_ignore_ascii_case(prev)) {
            return hit(1, capitalise(&cardinal(v)));
        }
        if is_capitalised(prev) && !SENTENCE_STARTERS.contains(&prev) {
            return hit(1, format!("the {}", capitalise(&ordinal(v))));
        }
        // Not clearly a numeral: leave it as written rather than spell it.
        hit(1, w)
    }

    /// All-capital words: spelled ("FBI" → "F-B-I", "MPs" → "M-P's") or,
    /// when pronounceable or listed, read as a word ("NATO" → "Nato").
    fn capitals(&self, i: usize) -> Option<Hit> {
        let w = self.word_at(i)?;
        let (core, suffix) = if let Some(c) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            (c, "'s")
        } else if let Some(c) =
            w.strip_suffix('s').filter(|c| c.len() >= 2 && c.chars().all(|x| x.is_ascii_uppercase()))
        {
            (c, "s")
        } else {
            (w, "")
        };
        if core.len() < 2 || !core.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let spelled = if INITIALISMS.contains(&core) {
            true
        } else if ACRONYMS.contains(&core) {
            false
        } else {
            !pronounceable(core)
        };
        let text = if spelled {
            // The plural is written "'s" so the voice does not spell the s: "M-P's".
            let suffix = if suffix.is_empty() { "" } else { "'s" };
            format!("{}{suffix}", spell(core))
        } else {
            format!("{}{suffix}", title_case(core))
        };
        hit(1, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_know_their_spacing() {
        let t = tokenize("U.S. $3.5m, don’t");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["U", ".", "S", ".", "$", "3", ".", "5", "m", ",", "don’t"]);
        assert!(t[4].space && !t[5].space && t[10].space);
    }

    #[test]
    fn pronounceability() {
        for word in ["NATO", "NASA", "UNESCO", "COVID", "AIDS", "OPEC", "BREAKING", "NEWS", "INEC", "UEFA"] {
            assert!(pronounceable(word), "{word}");
        }
        for word in ["FBI", "IPCC", "OECD", "IAEA", "UNHCR", "NYPD", "LGBT", "IEBC", "ESPN", "SABC", "YMCA"] {
            assert!(!pronounceable(word), "{word}");
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("II"), Some(2));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("I"), None);
        assert_eq!(roman_value("MIX"), None);
    }
}
