//! The steps every language gets: web addresses and email addresses out,
//! characters that are not speech out, dashes and separators turned into
//! pauses, whitespace collapsed. Nothing here reads a number or a word.

use super::tables::DOMAINS;

/// Stands for a pause until [`resolve_pauses`] decides whether it becomes ", ".
const PAUSE: char = '\u{E000}';

pub fn clean(text: &str) -> String {
    let without_links = drop_links(text);
    let filtered = filter_chars(&without_links);
    let paused = resolve_pauses(&filtered);
    tidy(&paused)
}

/// Opening punctuation that may stand before a link in running text.
fn is_lead(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«' | '¿' | '¡')
}

/// Closing punctuation that may stand after a link in running text.
fn is_trail(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '"' | '\'' | '”' | '’' | '»' | '…')
}

/// Drops URLs and email addresses, keeping the punctuation around them, and
/// collapses whitespace (any Unicode space, including no-break and thin
/// spaces) to single spaces.
fn drop_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for chunk in text.split_whitespace() {
        let core_start = chunk.find(|c: char| !is_lead(c)).unwrap_or(chunk.len());
        let core_end = chunk.rfind(|c: char| !is_trail(c)).map(|i| i + next_char_len(chunk, i)).unwrap_or(core_start);
        let core_end = core_end.max(core_start);
        let (lead, core, trail) = (&chunk[..core_start], &chunk[core_start..core_end], &chunk[core_end..]);
        if core.is_empty() || !(is_url(core) || is_email(core)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(chunk);
            continue;
        }
        // The link goes; its brackets go with it; sentence punctuation stays.
        let mut lead = lead.to_owned();
        let mut trail = trail.to_owned();
        while let (Some(l), Some(t)) = (lead.chars().last(), trail.chars().next()) {
            if closing_of(l) == Some(t) {
                lead.pop();
                trail.remove(0);
            } else {
                break;
            }
        }
        if !lead.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&lead);
        }
        if !trail.is_empty() {
            if lead.is_empty() && trail.starts_with(['.', '!', '?']) {
                // "… at https://x.org/, then." keeps its end, not a dangling comma.
                while out.ends_with([',', ';', ':']) {
                    out.pop();
                }
            } else if lead.is_empty() && !out.is_empty() && !trail.starts_with(['.', ',', ';', ':', '!', '?', '…']) {
                out.push(' ');
            }
            out.push_str(&trail);
        }
    }
    out
}

fn next_char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map(char::len_utf8).unwrap_or(0)
}

fn closing_of(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '<' => Some('>'),
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        '‘' => Some('’'),
        '«' => Some('»'),
        _ => None,
    }
}

/// "https://…", "www.…", "ftp://…", or a domain with a path ("bbc.com/news").
/// A bare domain ("example.org") is not a URL: English reads it.
pub fn is_url(core: &str) -> bool {
    let lower = core.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("mailto:") {
        return true;
    }
    if lower.starts_with("www.") && lower.len() > 4 {
        return true;
    }
    match lower.split_once('/') {
        Some((host, _)) => is_domain(host),
        None => false,
    }
}

/// "bbc.co.uk": letters, digits and hyphens in two or more labels, the last
/// one a known top-level domain.
pub fn is_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &&str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let tld = labels.last().copied().unwrap_or("").to_ascii_lowercase();
    labels.iter().all(label_ok) && DOMAINS.iter().any(|(t, _)| *t == tld)
}

/// "someone@example.org".
pub fn is_email(core: &str) -> bool {
    let Some((local, domain)) = core.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// Pictographs, emoji and their modifiers, arrows, boxes, dingbats, private
/// use: never read.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FBFF   // emoji, pictographs, flags, skin tones
        | 0x2190..=0x21FF   // arrows
        | 0x2300..=0x23FF   // technical (⌚ ⏰)
        | 0x2460..=0x24FF   // enclosed alphanumerics
        | 0x2500..=0x25FF   // box drawing, blocks, geometric shapes
        | 0x2600..=0x27BF   // symbols (★ ☎), dingbats (✓ ✂)
        | 0x27F0..=0x27FF
        | 0x2900..=0x297F
        | 0x2B00..=0x2BFF   // arrows, ⭐
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0xFE00..=0xFE0F   // variation selectors
        | 0x20E3            // keycap
        | 0xE0000..=0xE007F // tags
        | 0xE000..=0xF8FF   // private use
        | 0xF0000..=0x10FFFF)
}

/// Marks and signs that carry no speech (and would be read as "pilcrow",
/// "asterisk"…).
fn is_unspoken_sign(c: char) -> bool {
    matches!(
        c,
        '¶' | '§'
            | '†'
            | '‡'
            | '※'
            | '⁂'
            | '©'
            | '®'
            | '™'
            | '℠'
            | 'ℹ'
            | '*'
            | '~'
            | '^'
            | '`'
            | '\\'
            | '{'
            | '}'
            | '<'
            | '>'
            | '='
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Separators between items ("Nairobi • Lagos", "News | Sport").
fn is_separator(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '∙' | '·' | '|' | '¦' | '▪' | '●' | '◦' | '■' | '►' | '▶')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–' | '-' | '−')
}

/// Removes what is not speech; marks pauses.
fn filter_chars(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let space_or_none = |x: Option<char>| x.is_none_or(char::is_whitespace);
        match c {
            // Zero-width joiner: part of an emoji sequence, or of a script's
            // spelling (Indic, Persian), where it stays.
            '\u{200D}' if prev.is_some_and(is_pictograph) || next.is_some_and(is_pictograph) => {}
            // Catalan "l·l" keeps its middle dot.
            '·' if letter(prev) && letter(next) => out.push(c),
            c if is_separator(c) => out.push(PAUSE),
            c if is_pictograph(c) || is_unspoken_sign(c) => {
                // "news 🎉!" → "news!": the space was the symbol's. Looked at
                // once per run of symbols (the first after a space), so a wall
                // of emoji stays linear.
                if prev.is_some_and(char::is_whitespace) && out.ends_with(' ') {
                    let next_kept =
                        chars[i + 1..].iter().find(|&&x| !(is_pictograph(x) || is_unspoken_sign(x) || x == '\u{200D}'));
                    if next_kept.is_some_and(|&x| matches!(x, '!' | '?' | '.' | ',' | ';' | ':' | ')' | ']')) {
                        out.pop();
                    }
                }
            }
            '_' => out.push(' '),
            // Handles and hashtags keep the name: "@BBCNews", "#MeToo".
            '@' | '#' if space_or_none(prev) && next.is_some_and(char::is_alphabetic) => {}
            // "--" is a dash.
            '-' if next == Some('-') => {
                while chars.get(i + 1) == Some(&'-') {
                    i += 1;
                }
                out.push(PAUSE);
            }
            c if is_dash(c) => {
                let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
                let next_digit = next.is_some_and(|n| n.is_ascii_digit());
                let spaced = space_or_none(prev) && space_or_none(next);
                let around_digits = {
                    // "30 – 40": the nearest non-space characters are digits.
                    let before = chars[..i].iter().rev().find(|x| !x.is_whitespace());
                    let after = chars[i + 1..].iter().find(|x| !x.is_whitespace());
                    before.is_some_and(|x| x.is_ascii_digit()) && after.is_some_and(|x| x.is_ascii_digit())
                };
                match c {
                    // An em dash marks a pause, except between figures ("1939—45").
                    '—' | '―' if prev_digit && next_digit => out.push('–'),
                    '—' | '―' => out.push(PAUSE),
                    // A spaced en dash or hyphen between words is a dash too.
                    '–' | '-' if spaced && !around_digits => out.push(PAUSE),
                    _ => out.push(c),
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»' | '%')
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«')
}

/// A pause between two words becomes ", "; anywhere else (after other
/// punctuation, at either end) it goes.
fn resolve_pauses(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != PAUSE {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j] == PAUSE || chars[j].is_whitespace()) {
            j += 1;
        }
        let before = out.trim_end().chars().last();
        let after = chars.get(j).copied();
        let word_before = before.is_some_and(|c| c.is_alphanumeric() || is_closing(c));
        let word_after = after.is_some_and(|c| c.is_alphanumeric() || is_opening(c) || c.is_ascii_digit());
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        if word_before && word_after {
            out.push_str(", ");
        } else if !out.is_empty() && word_after {
            out.push(' ');
        }
        i = j;
    }
    out
}

/// Collapses spaces, drops brackets and quotes left empty, and the space
/// before a comma or full stop left by a removal.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            let next_is_stop = matches!(next, Some(',' | '.')) && !chars.get(i + 2).is_some_and(|d| d.is_ascii_digit());
            if out.is_empty()
                || out.ends_with(' ')
                || next.is_none()
                || next.is_some_and(char::is_whitespace)
                || next_is_stop
            {
                continue;
            }
            out.push(' ');
            continue;
        }
        // ", ," and ",," left by removals.
        if c == ',' && out.trim_end().ends_with(',') {
            continue;
        }
        if let Some(open) = out.chars().last().filter(|&o| closing_of(o) == Some(c))
            && is_opening(open)
            && open != '\''
        {
            out.pop();
            if out.ends_with(' ') && matches!(next, Some(' ' | ',' | '.' | ';' | ':' | '!' | '?') | None) {
                out.pop();
            }
            continue;
        }
        out.push(c);
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_addresses() {
        assert!(is_url("https://example.org/a?b=c"));
        assert!(is_url("www.bbc.co.uk"));
        assert!(is_url("bbc.com/news"));
        assert!(!is_url("example.org"));
        assert!(!is_url("and/or"));
        assert!(is_email("news@example.org"));
        assert!(!is_email("@handle"));
        assert!(is_domain("bbc.co.uk"));
        assert!(!is_domain("end.Next"));
    }

    #[test]
    fn clean_keeps_speech() {
        assert_eq!(clean("Read more (https://x.org/a) today."), "Read more today.");
        assert_eq!(clean("Details at https://x.org/a."), "Details at.");
        assert_eq!(clean("Write to news@x.org, or call."), "Write to, or call.");
        assert_eq!(clean("Great news 🎉🎉!"), "Great news!");
        assert_eq!(clean("Nairobi • Lagos | Accra"), "Nairobi, Lagos, Accra");
        assert_eq!(clean("• First point"), "First point");
        assert_eq!(clean("The minister—who resigned—spoke"), "The minister, who resigned, spoke");
        assert_eq!(clean("a word -- and another"), "a word, and another");
        assert_eq!(clean("a word – and another"), "a word, and another");
        assert_eq!(clean("pages 30 – 40"), "pages 30 – 40");
        assert_eq!(clean("well-known 1939—45"), "well-known 1939–45");
        assert_eq!(clean("col·lecció"), "col·lecció");
        assert_eq!(clean("  a \u{00A0}\u{2009} b\n\nc  "), "a b c");
        assert_eq!(clean("👨‍👩‍👧 family"), "family");
        assert_eq!(clean("नमस्ते क्‍ष"), "नमस्ते क्‍ष");
        assert_eq!(clean("★★★★☆ Rated"), "Rated");
        assert_eq!(clean("Follow @BBCNews #MeToo"), "Follow BBCNews MeToo");
        assert_eq!(clean("“Yes” (👍)."), "“Yes”.");
    }
}
