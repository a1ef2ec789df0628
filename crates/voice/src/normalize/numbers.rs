//! English number words, British style ("one hundred and five").
//!
//! Written by hand rather than with `num2words`: its English puts "and" only
//! in the last group ("one hundred twenty-three thousand four hundred and
//! fifty-six") and reads 0.25 as "point two five"; a newsreader says "one
//! hundred and twenty-three thousand…" and "zero point two five".

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Powers of a thousand, largest first.
const SCALES: [(u64, &str); 6] = [
    (1_000_000_000_000_000_000, "quintillion"),
    (1_000_000_000_000_000, "quadrillion"),
    (1_000_000_000_000, "trillion"),
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

/// Numbers with more digits than this are read digit by digit.
pub const MAX_CARDINAL_DIGITS: usize = 18;

/// 0–99: "seven", "forty-two".
fn below_hundred(n: u64) -> String {
    let n = n % 100;
    if n < 20 {
        ONES[n as usize].to_owned()
    } else if n.is_multiple_of(10) {
        TENS[(n / 10) as usize].to_owned()
    } else {
        format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize])
    }
}

/// 1–999: "one hundred and five".
fn below_thousand(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    match (hundreds, rest) {
        (0, r) => below_hundred(r),
        (h, 0) => format!("{} hundred", ONES[h as usize]),
        (h, r) => format!("{} hundred and {}", ONES[h as usize], below_hundred(r)),
    }
}

/// "one million two hundred thousand and five".
pub fn cardinal(n: u64) -> String {
    if n == 0 {
        return "zero".to_owned();
    }
    let mut words: Vec<String> = Vec::new();
    let mut rest = n;
    for (scale, name) in SCALES {
        let group = rest / scale;
        rest %= scale;
        if group > 0 {
            words.push(format!("{} {name}", below_thousand(group)));
        }
    }
    if rest > 0 {
        if !words.is_empty() && rest < 100 {
            words.push("and".to_owned());
        }
        words.push(below_thousand(rest));
    }
    words.join(" ")
}

/// Cardinal words for a string of ASCII digits (leading zeros ignored);
/// digit by digit when it is too long to be a quantity.
pub fn cardinal_digits(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        return "zero".to_owned();
    }
    if trimmed.len() > MAX_CARDINAL_DIGITS {
        return digit_by_digit(digits, "zero");
    }
    trimmed.parse::<u64>().map(cardinal).unwrap_or_else(|_| digit_by_digit(digits, "zero"))
}

/// "0722" → "oh seven two two" (with `zero` = "oh").
pub fn digit_by_digit(digits: &str, zero: &str) -> String {
    digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| if d == 0 { zero } else { ONES[d as usize] })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "3" + "05" → "three point zero five".
pub fn decimal(int_digits: &str, frac_digits: &str) -> String {
    format!("{} point {}", cardinal_digits(int_digits), digit_by_digit(frac_digits, "zero"))
}

/// The ordinal of a cardinal phrase: its last word changes ("twenty-one" →
/// "twenty-first", "one hundred" → "one hundredth").
pub fn ordinal_of(cardinal_words: &str) -> String {
    let cut = cardinal_words.rfind([' ', '-']).map(|i| i + 1).unwrap_or(0);
    let (head, last) = cardinal_words.split_at(cut);
    let last = match last {
        "one" => "first".to_owned(),
        "two" => "second".to_owned(),
        "three" => "third".to_owned(),
        "five" => "fifth".to_owned(),
        "eight" => "eighth".to_owned(),
        "nine" => "ninth".to_owned(),
        "twelve" => "twelfth".to_owned(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

pub fn ordinal(n: u64) -> String {
    ordinal_of(&cardinal(n))
}

/// The plural of a number phrase, for decades and the like: "eighty" →
/// "eighties", "six" → "sixes", "hundred" → "hundreds".
pub fn plural_of(words: &str) -> String {
    if let Some(stem) = words.strip_suffix('y') {
        format!("{stem}ies")
    } else if words.ends_with('x') {
        format!("{words}es")
    } else {
        format!("{words}s")
    }
}

/// A year as it is said: 1984 → "nineteen eighty-four", 1905 → "nineteen oh
/// five", 1900 → "nineteen hundred", 2000 → "two thousand", 2005 → "two
/// thousand and five", 2026 → "twenty twenty-six". Only 1000–9999 are read in
/// pairs; other numbers are cardinals.
pub fn year(n: u64) -> String {
    if !(1000..=9999).contains(&n) {
        return cardinal(n);
    }
    let (high, low) = (n / 100, n % 100);
    if high % 10 == 0 && low < 10 {
        // 2000–2009, 1000–1009: "two thousand and five".
        return cardinal(n);
    }
    let low = match low {
        0 => "hundred".to_owned(),
        1..=9 => format!("oh {}", ONES[low as usize]),
        _ => below_hundred(low),
    };
    format!("{} {low}", below_hundred(high))
}

/// A two-digit year written after an apostrophe or in a numeric date:
/// "26" → 2026, "89" → 1989 (pivot at 50).
pub fn expand_two_digit_year(yy: u64) -> u64 {
    if yy < 50 { 2000 + yy } else { 1900 + yy }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals_are_british() {
        assert_eq!(cardinal(0), "zero");
        assert_eq!(cardinal(7), "seven");
        assert_eq!(cardinal(42), "forty-two");
        assert_eq!(cardinal(105), "one hundred and five");
        assert_eq!(cardinal(1005), "one thousand and five");
        assert_eq!(cardinal(11_400), "eleven thousand four hundred");
        assert_eq!(cardinal(123_456), "one hundred and twenty-three thousand four hundred and fifty-six");
        assert_eq!(cardinal(1_000_000), "one million");
        assert_eq!(cardinal(2_000_100), "two million one hundred");
        assert_eq!(cardinal(u64::MAX).split(' ').next(), Some("eighteen"));
        assert_eq!(cardinal_digits("0001"), "one");
        assert_eq!(cardinal_digits("1234567890123456789012"), digit_by_digit("1234567890123456789012", "zero"));
    }

    #[test]
    fn ordinals_years_and_plurals() {
        assert_eq!(ordinal(1), "first");
        assert_eq!(ordinal(21), "twenty-first");
        assert_eq!(ordinal(100), "one hundredth");
        assert_eq!(ordinal(112), "one hundred and twelfth");
        assert_eq!(ordinal(40), "fortieth");
        assert_eq!(year(1984), "nineteen eighty-four");
        assert_eq!(year(1905), "nineteen oh five");
        assert_eq!(year(1900), "nineteen hundred");
        assert_eq!(year(2000), "two thousand");
        assert_eq!(year(2005), "two thousand and five");
        assert_eq!(year(2010), "twenty ten");
        assert_eq!(year(1066), "ten sixty-six");
        assert_eq!(plural_of("nineteen eighty"), "nineteen eighties");
        assert_eq!(plural_of("six"), "sixes");
        assert_eq!(decimal("0", "25"), "zero point two five");
        assert_eq!(digit_by_digit("0722", "oh"), "oh seven two two");
    }
}
