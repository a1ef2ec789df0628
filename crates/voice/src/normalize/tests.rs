//! What the narrator says, rule by rule: (written, said) in British English.

use super::normalize;

const EN: &[(&str, &str)] = &[
    // Cardinals, decimals, signs.
    ("11,400", "eleven thousand four hundred"),
    ("1,200 people", "one thousand two hundred people"),
    ("It cost 3.5 times more.", "It cost three point five times more."),
    ("0.25", "zero point two five"),
    ("-4", "minus four"),
    ("It was −4 overnight.", "It was minus four overnight."),
    ("The toll rose by 40.", "The toll rose by forty."),
    ("1,234,567.5", "one million two hundred and thirty-four thousand five hundred and sixty-seven point five"),
    ("125 schools", "one hundred and twenty-five schools"),
    ("Route 66", "Route sixty-six"),
    ("iOS 17.4.1", "iOS seventeen point four point one"),
    // Ordinals.
    ("the 21st century", "the twenty-first century"),
    ("3rd", "third"),
    ("her 100th birthday", "her one hundredth birthday"),
    ("the 1,000th visitor", "the one thousandth visitor"),
    // Years and decades.
    ("1984", "nineteen eighty-four"),
    ("in 2026", "in twenty twenty-six"),
    ("since 2005", "since two thousand and five"),
    ("the 1980s", "the nineteen eighties"),
    ("the ’80s", "the eighties"),
    ("in his 40s", "in his forties"),
    ("In 1066 the Normans came.", "In ten sixty-six the Normans came."),
    ("in 1905", "in nineteen oh five"),
    ("the 2026 election", "the twenty twenty-six election"),
    ("1500 people", "one thousand five hundred people"),
    ("page 1984", "page one thousand nine hundred and eighty-four"),
    // Dates.
    ("23 November 2026", "the twenty-third of November, twenty twenty-six"),
    ("on 5 May", "on the fifth of May"),
    ("the 23rd Nov", "the twenty-third of November"),
    ("November 23", "November twenty-third"),
    ("November 23, 2026", "November twenty-third, twenty twenty-six"),
    ("in March 2020", "in March twenty twenty"),
    ("Jan. 5", "January fifth"),
    ("23/11/2026", "the twenty-third of November, twenty twenty-six"),
    ("2026-11-23", "the twenty-third of November, twenty twenty-six"),
    ("23–24 November", "the twenty-third to the twenty-fourth of November"),
    // Times.
    ("08:30", "eight thirty"),
    ("16:10", "sixteen ten"),
    ("16:00 GMT", "sixteen hundred G-M-T"),
    ("07:05", "seven oh five"),
    ("10:00", "ten o'clock"),
    ("9am", "nine a-m"),
    ("at 9 a.m. on Monday", "at nine a-m on Monday"),
    ("It starts at 9 a.m. The doors open later.", "It starts at nine a-m. The doors open later."),
    ("9.30pm", "nine thirty p-m"),
    ("at 9.30", "at nine thirty"),
    ("3pm–5pm", "three p-m to five p-m"),
    ("3–5pm", "three to five p-m"),
    // Money.
    ("$3.5m", "three point five million dollars"),
    ("£2bn", "two billion pounds"),
    ("€40", "forty euros"),
    ("$1", "one dollar"),
    ("£4.50", "four pounds fifty"),
    ("£0.50", "fifty pence"),
    ("50p", "fifty pence"),
    ("KSh 1,200", "one thousand two hundred Kenyan shillings"),
    ("USD 30", "thirty U-S dollars"),
    ("30 USD", "thirty U-S dollars"),
    ("US$5", "five U-S dollars"),
    ("$3.5 million", "three point five million dollars"),
    ("$30–40m", "thirty to forty million dollars"),
    ("£2bn–£3bn", "two billion to three billion pounds"),
    ("It will cost $5.", "It will cost five dollars."),
    ("a $1.2bn loan", "a one point two billion dollar loan"),
    ("Shares fell to 145p, a record.", "Shares fell to one hundred and forty-five pence, a record."),
    // Percentages.
    ("40%", "forty per cent"),
    ("3.5 per cent", "three point five per cent"),
    ("30–40%", "thirty to forty per cent"),
    ("+5%", "plus five per cent"),
    ("5pc", "five per cent"),
    // Ranges.
    ("30–40", "thirty to forty"),
    ("2010-2015", "twenty ten to twenty fifteen"),
    ("1939–45", "nineteen thirty-nine to forty-five"),
    ("pages 3-4", "pages three to four"),
    ("60 to 90 mm", "sixty to ninety millimetres"),
    ("Arsenal won 3-1.", "Arsenal won three one."),
    ("a 2-2 draw", "a two all draw"),
    ("won 1-0", "won one nil"),
    ("Gor Mahia beat AFC Leopards 2-1", "Gor Mahia beat A-F-C Leopards two one"),
    // Units.
    ("1 km", "one kilometre"),
    ("5km", "five kilometres"),
    ("120 km/h", "one hundred and twenty kilometres per hour"),
    ("70 mph", "seventy miles per hour"),
    ("30°C", "thirty degrees Celsius"),
    ("highs of 30C", "highs of thirty degrees Celsius"),
    ("-5 °C", "minus five degrees Celsius"),
    ("86°F", "eighty-six degrees Fahrenheit"),
    ("a 45° angle", "a forty-five degree angle"),
    ("200 ha", "two hundred hectares"),
    ("50 MW", "fifty megawatts"),
    ("3 kW", "three kilowatts"),
    ("2 GW", "two gigawatts"),
    ("2 l", "two litres"),
    ("a 10 km race", "a ten kilometre race"),
    ("He is 1.8m tall.", "He is one point eight metres tall."),
    ("2.5m people", "two point five million people"),
    ("5 kg", "five kilograms"),
    ("1 g", "one gram"),
    ("15 cm", "fifteen centimetres"),
    ("100 m", "one hundred metres"),
    ("2½ hours", "two and a half hours"),
    ("a 1.2-km stretch", "a one point two-kilometre stretch"),
    ("the population was 25m.", "the population was twenty-five million."),
    // Abbreviations.
    ("Dr. Smith", "Doctor Smith"),
    ("Dr Smith", "Doctor Smith"),
    ("Mr. Jones and Mrs Jones", "Mister Jones and Missus Jones"),
    ("Ms. Wanjiru", "Miz Wanjiru"),
    ("St. Paul's", "Saint Paul's"),
    ("St Helens", "Saint Helens"),
    ("on Baker St.", "on Baker Street."),
    ("No. 10", "Number ten"),
    ("No 10 Downing Street", "Number ten Downing Street"),
    ("fruit, e.g. mangoes", "fruit, for example mangoes"),
    ("cereals, i.e. grain", "cereals, that is grain"),
    ("maize, beans, etc.", "maize, beans, et cetera."),
    ("maize, etc. and beans", "maize, et cetera and beans"),
    ("maize etc. The rains came.", "maize et cetera. The rains came."),
    ("Kenya vs. Uganda", "Kenya versus Uganda"),
    ("Arsenal v Chelsea", "Arsenal versus Chelsea"),
    ("approx. 300", "approximately three hundred"),
    ("see p. 5", "see page five"),
    ("the U.S. President", "the U-S President"),
    ("in the U.S.", "in the U-S."),
    ("in the U.S. The", "in the U-S. The"),
    ("the U.K.-based firm", "the U-K-based firm"),
    ("George W. Bush", "George W Bush"),
    ("J. K. Rowling", "J K Rowling"),
    ("Martin Luther King Jr. said", "Martin Luther King Junior said"),
    // Initialisms and acronyms.
    ("the FBI", "the F-B-I"),
    ("the BBC's reporter", "the B-B-C's reporter"),
    ("the UN and the EU", "the U-N and the E-U"),
    ("the WHO said", "the W-H-O said"),
    ("NATO", "Nato"),
    ("UNESCO", "Unesco"),
    ("NASA", "Nasa"),
    ("COVID-19", "Covid nineteen"),
    ("MPs", "M-P's"),
    ("the UNHCR", "the U-N-H-C-R"),
    ("the ANC", "the A-N-C"),
    ("G7 leaders", "G seven leaders"),
    ("4G", "four G"),
    ("World War II", "World War Two"),
    ("Queen Elizabeth II", "Queen Elizabeth the Second"),
    ("after WWII", "after World War Two"),
    // Symbols.
    ("M&S", "M and S"),
    ("Marks & Spencer", "Marks and Spencer"),
    ("2 + 2", "two plus two"),
    ("#1", "number one"),
    ("and/or", "and or"),
    // Domains.
    ("Visit example.org today.", "Visit example dot org today."),
    ("bbc.co.uk", "B-B-C dot co dot U-K"),
    // Tricky cases.
    ("the 9/11 attacks", "the nine eleven attacks"),
    ("24/7", "twenty-four seven"),
    ("the 2024/25 season", "the twenty twenty-four to twenty-five season"),
    ("Call 999.", "Call nine nine nine."),
    ("1/2", "one half"),
    ("0722 123 456", "oh seven two two, one two three, four five six"),
    ("+254 722 123456", "plus two five four, seven two two, one two three four five six"),
    ("40 people died. 12 were hurt.", "Forty people died. Twelve were hurt."),
    ("“40 years on,” he said.", "“Forty years on,” he said."),
    ("5 May 2026 is a Tuesday.", "The fifth of May, twenty twenty-six is a Tuesday."),
    ("the 5-year-old", "the five-year-old"),
    ("Dr. Who — the show — returns", "Doctor Who, the show, returns"),
    ("In 2019, 1,500 people", "In twenty nineteen, one thousand five hundred people"),
    ("10k run", "ten k run"),
];

/// Equal but for the case of the first letter: a fragment that starts with
/// a number is read as a sentence ("Forty per cent"), the table is written
/// as the words appear mid-sentence.
fn same_words(got: &str, want: &str) -> bool {
    let first_lower = |s: &str| {
        let mut c = s.chars();
        c.next().map(|f| f.to_lowercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    first_lower(got) == first_lower(want)
}

#[test]
fn english_table() {
    let mut failures = Vec::new();
    for (written, said) in EN {
        let got = normalize(written, "en-GB");
        if !same_words(&got, said) {
            failures.push(format!("{written:?}\n   want {said:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), EN.len(), failures.join("\n"));
}

#[test]
fn english_is_idempotent() {
    let mut failures = Vec::new();
    for (written, _) in EN {
        let once = normalize(written, "en");
        let twice = normalize(&once, "en");
        if once != twice {
            failures.push(format!("{written:?}: {once:?} → {twice:?}"));
        }
    }
    assert!(failures.is_empty(), "not idempotent:\n{}", failures.join("\n"));
}

#[test]
fn every_english_region_is_english() {
    for tag in ["en", "EN", "en-GB", "en-KE", "en_NG", "en-US"] {
        assert_eq!(normalize("up 40%", tag), "up forty per cent", "{tag}");
    }
}

#[test]
fn american_english_reads_numeric_dates_month_first() {
    assert_eq!(normalize("on 11/23/2026", "en-US"), "on November twenty-third, twenty twenty-six");
    assert_eq!(normalize("on 3/4/2026", "en-US"), "on March fourth, twenty twenty-six");
    assert_eq!(normalize("on 3/4/2026", "en-GB"), "on the third of April, twenty twenty-six");
    // A first number above 12 can only be a day.
    assert_eq!(normalize("on 23/11/2026", "en-US"), "on November twenty-third, twenty twenty-six");
}

#[test]
fn other_languages_keep_their_digits() {
    assert_eq!(normalize("Watu  1,200\u{00A0}walikufa.", "sw"), "Watu 1,200 walikufa.");
    assert_eq!(normalize("Le 23 novembre 2026, 40 %.", "fr"), "Le 23 novembre 2026, 40 %.");
    assert_eq!(normalize("U.S. Dr. Smith $5", "sw"), "U.S. Dr. Smith $5");
    assert_eq!(normalize("بی‌بی‌سی ۱۲۰۰", "fa"), "بی‌بی‌سی ۱۲۰۰");
    assert_eq!(normalize("tovuti example.org", "sw"), "tovuti example.org");
}

#[test]
fn links_and_emails_go_in_every_language() {
    for tag in ["en", "sw", "fr", "ps", "ur"] {
        let said =
            normalize("Soma https://www.bbc.com/swahili/articles/c123?x=1 au www.bbc.com, andika news@bbc.co.uk.", tag);
        assert_eq!(said, "Soma au, andika.", "{tag}");
        assert!(!said.contains("http") && !said.contains('@'), "{tag}: {said}");
    }
    assert_eq!(normalize("Read more (https://example.org/a).", "en"), "Read more.");
}

#[test]
fn no_emoji_or_symbols_survive() {
    let text = "Breaking 🚨 news 🇰🇪 — rates ★★★ • up 👍🏽 ¶ 3 | done ✅ 👨‍👩‍👧";
    for tag in ["en", "sw"] {
        let said = normalize(text, tag);
        for c in said.chars() {
            assert!(c.is_alphanumeric() || c.is_whitespace() || ",.-".contains(c), "{tag}: {c:?} survived in {said:?}");
        }
    }
    assert_eq!(normalize(text, "en"), "Breaking news, rates, up three, done");
}

#[test]
fn sentence_ends_are_kept_and_never_added() {
    let text = "The U.S. and U.K. sent aid, e.g. food. Dr. Smith arrived at 9 a.m. on Monday. It rose 40.";
    let said = normalize(text, "en");
    assert_eq!(said.matches('.').count(), 3, "{said}");
    assert!(said.ends_with("forty."), "{said}");
    assert_eq!(
        said,
        "The U-S and U-K sent aid, for example food. Doctor Smith arrived at nine a-m on Monday. It rose forty."
    );
}

#[test]
fn long_text_is_handled_in_one_pass() {
    let paragraph = "On 23 November 2026 the FBI said $3.5m (40%) went to 1,200 people in the U.S. — approx. 3pm–5pm. ";
    let text = paragraph.repeat(2000);
    let said = normalize(&text, "en");
    assert_eq!(said.matches("three point five million dollars").count(), 2000);
    // Long runs of what is dropped or collapsed are single passes too.
    let emoji_wall = format!("Wow {}!", "🎉".repeat(50_000));
    assert_eq!(normalize(&emoji_wall, "en"), "Wow!");
    let dashes = format!("a {} b", "— ".repeat(50_000));
    assert_eq!(normalize(&dashes, "sw"), "a, b");
}

#[test]
fn odd_input_never_panics_and_stays_stable() {
    // A small deterministic generator over the characters the rules look at.
    const PIECES: &[&str] = &[
        "1",
        "0",
        "23",
        "2026",
        "1,200",
        "3.5",
        ".",
        ",",
        ":",
        "/",
        "-",
        "–",
        "—",
        "+",
        "−",
        "%",
        "$",
        "£",
        "€",
        "US$",
        "KSh",
        "USD",
        "m",
        "bn",
        "k",
        "km",
        "°",
        "C",
        "am",
        "a.m.",
        "p.m.",
        "st",
        "th",
        "s",
        "'",
        "’",
        "U.",
        "S.",
        "Dr",
        "St",
        "No",
        "e.g.",
        "etc.",
        "Jan",
        "May",
        "November",
        "NATO",
        "FBI",
        "MPs",
        "II",
        "the",
        "in",
        "won",
        "a",
        "people",
        "½",
        "&",
        "#",
        "@",
        "x.org",
        "https://a.b/c",
        "a@b.co",
        "🎉",
        "👨‍👩‍👧",
        "★",
        "•",
        "|",
        "(",
        ")",
        "“",
        "”",
        "é",
        "ß",
        "ع",
        "ह",
        "\u{200D}",
        "\u{200B}",
        " ",
        "  ",
        "\n",
        "\t",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 12) as usize;
        let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        for tag in ["en", "en-US", "sw"] {
            let said = normalize(&text, tag);
            assert!(!said.starts_with(' ') && !said.ends_with(' ') && !said.contains("  "), "{text:?} → {said:?}");
        }
    }
    assert_eq!(normalize("", "en"), "");
    assert_eq!(normalize(" \n\t ", "en"), "");
    assert_eq!(normalize("🎉🎉", "en"), "");
}
