//! The English tables. Add a row and the normaliser knows it: every lookup
//! here is a plain scan of a const array (they are short).
//!
//! Written forms are matched case-sensitively unless a table says otherwise.

/// Joins the letters of a spelled initialism: "FBI" → "F-B-I".
///
/// A hyphen, not a space: eSpeak NG (which also phonemises for the Piper
/// voices) reads a lone capital "A" between spaces as the article "uh"
/// ("A N C" → "uh en see") and "M Ps" as "em pee ess"; "A-N-C" and "M-P's"
/// come out as letters. Hyphens are not sentence or clause boundaries.
pub const LETTER_JOINER: &str = "-";

/// Titles before a name, with or without their full stop ("Dr Smith",
/// "Dr. Smith"). Without the stop they are expanded only before a
/// capitalised word. "St" is handled apart (Saint or Street).
pub const TITLES: &[(&str, &str)] = &[
    ("Dr", "Doctor"),
    ("Mr", "Mister"),
    ("Mrs", "Missus"),
    ("Ms", "Miz"),
    ("Mx", "Mix"),
    ("Prof", "Professor"),
    ("Gen", "General"),
    ("Lt", "Lieutenant"),
    ("Col", "Colonel"),
    ("Capt", "Captain"),
    ("Cpl", "Corporal"),
    ("Sgt", "Sergeant"),
    ("Maj", "Major"),
    ("Adm", "Admiral"),
    ("Rev", "Reverend"),
    ("Revd", "Reverend"),
    ("Fr", "Father"),
    ("Sen", "Senator"),
    ("Rep", "Representative"),
    ("Gov", "Governor"),
    ("Pres", "President"),
    ("Hon", "Honourable"),
    ("Supt", "Superintendent"),
    ("Insp", "Inspector"),
    ("Det", "Detective"),
    ("Cllr", "Councillor"),
    ("Mt", "Mount"),
];

/// Whether the full stop of a dotted abbreviation can also end the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// Something always follows ("e.g.", "vs."): the stop goes.
    Never,
    /// The sentence ends there when a capitalised word follows ("etc. The").
    BeforeCapital,
    /// Names follow too ("Apple Inc. Chief…"): only before a word that
    /// usually starts a sentence (see [`SENTENCE_STARTERS`]), or at the end.
    BeforeStarter,
}

/// Abbreviations written with their full stops. At the end of the text the
/// stop is always kept.
pub const DOTTED_ABBREVIATIONS: &[(&str, &str, Ends)] = &[
    ("e.g.", "for example", Ends::Never),
    ("i.e.", "that is", Ends::Never),
    ("etc.", "et cetera", Ends::BeforeCapital),
    ("vs.", "versus", Ends::Never),
    ("approx.", "approximately", Ends::Never),
    ("a.k.a.", "also known as", Ends::Never),
    ("et al.", "and others", Ends::BeforeCapital),
    ("incl.", "including", Ends::Never),
    ("cf.", "compare", Ends::Never),
    ("viz.", "namely", Ends::Never),
    ("ca.", "circa", Ends::Never),
    ("Jr.", "Junior", Ends::BeforeStarter),
    ("Sr.", "Senior", Ends::BeforeStarter),
    ("Inc.", "Incorporated", Ends::BeforeStarter),
    ("Ltd.", "Limited", Ends::BeforeStarter),
    ("Corp.", "Corporation", Ends::BeforeStarter),
    ("Bros.", "Brothers", Ends::BeforeStarter),
    ("Dept.", "Department", Ends::BeforeStarter),
    ("Govt.", "Government", Ends::BeforeStarter),
    ("govt.", "government", Ends::BeforeCapital),
    ("fig.", "figure", Ends::Never),
    ("Fig.", "Figure", Ends::Never),
];

/// Abbreviations read the same without a full stop (whole words).
pub const WORD_ABBREVIATIONS: &[(&str, &str)] = &[
    ("vs", "versus"),
    ("approx", "approximately"),
    ("aka", "also known as"),
    ("Ltd", "Limited"),
    ("Jr", "Junior"),
    ("govt", "government"),
    ("Govt", "Government"),
    ("WWI", "World War One"),
    ("WWII", "World War Two"),
];

/// Months and their abbreviations. An abbreviation with a full stop is
/// always a month ("Jan."); without one, only next to a day or year ("Jan 5").
pub const MONTHS: &[(&str, &[&str])] = &[
    ("January", &["Jan"]),
    ("February", &["Feb"]),
    ("March", &["Mar"]),
    ("April", &["Apr"]),
    ("May", &[]),
    ("June", &["Jun"]),
    ("July", &["Jul"]),
    ("August", &["Aug"]),
    ("September", &["Sep", "Sept"]),
    ("October", &["Oct"]),
    ("November", &["Nov"]),
    ("December", &["Dec"]),
];

/// Units after a number: (written, singular, plural). A number and its unit
/// may be written together ("5km") or with one space ("5 km"); the longest
/// written form wins ("km/h" before "km").
pub const UNITS: &[(&str, &str, &str)] = &[
    ("km/h", "kilometre per hour", "kilometres per hour"),
    ("kph", "kilometre per hour", "kilometres per hour"),
    ("mph", "mile per hour", "miles per hour"),
    ("m/s", "metre per second", "metres per second"),
    ("km²", "square kilometre", "square kilometres"),
    ("sq km", "square kilometre", "square kilometres"),
    ("m²", "square metre", "square metres"),
    ("sq m", "square metre", "square metres"),
    ("m³", "cubic metre", "cubic metres"),
    ("sq ft", "square foot", "square feet"),
    ("km", "kilometre", "kilometres"),
    ("cm", "centimetre", "centimetres"),
    ("mm", "millimetre", "millimetres"),
    ("m", "metre", "metres"),
    ("kg", "kilogram", "kilograms"),
    ("mg", "milligram", "milligrams"),
    ("g", "gram", "grams"),
    ("ha", "hectare", "hectares"),
    ("kWh", "kilowatt hour", "kilowatt hours"),
    ("MWh", "megawatt hour", "megawatt hours"),
    ("GWh", "gigawatt hour", "gigawatt hours"),
    ("TWh", "terawatt hour", "terawatt hours"),
    ("kW", "kilowatt", "kilowatts"),
    ("MW", "megawatt", "megawatts"),
    ("GW", "gigawatt", "gigawatts"),
    ("°C", "degree Celsius", "degrees Celsius"),
    ("° C", "degree Celsius", "degrees Celsius"),
    ("℃", "degree Celsius", "degrees Celsius"),
    ("°F", "degree Fahrenheit", "degrees Fahrenheit"),
    ("° F", "degree Fahrenheit", "degrees Fahrenheit"),
    ("℉", "degree Fahrenheit", "degrees Fahrenheit"),
    ("°", "degree", "degrees"),
    ("ml", "millilitre", "millilitres"),
    ("l", "litre", "litres"),
    ("L", "litre", "litres"),
    ("ft", "foot", "feet"),
    ("lb", "pound", "pounds"),
    ("lbs", "pound", "pounds"),
    ("oz", "ounce", "ounces"),
    ("KB", "kilobyte", "kilobytes"),
    ("MB", "megabyte", "megabytes"),
    ("GB", "gigabyte", "gigabytes"),
    ("TB", "terabyte", "terabytes"),
    ("Mbps", "megabit per second", "megabits per second"),
    ("Gbps", "gigabit per second", "gigabits per second"),
    ("kHz", "kilohertz", "kilohertz"),
    ("MHz", "megahertz", "megahertz"),
    ("GHz", "gigahertz", "gigahertz"),
    ("Hz", "hertz", "hertz"),
    ("hrs", "hour", "hours"),
    ("hr", "hour", "hours"),
    ("mins", "minute", "minutes"),
    ("yrs", "year", "years"),
];

/// Units recognised only when written against the number ("30C", "5pc"):
/// spaced, these letters are too often something else.
pub const ATTACHED_UNITS: &[(&str, &str, &str)] = &[
    ("C", "degree Celsius", "degrees Celsius"),
    ("F", "degree Fahrenheit", "degrees Fahrenheit"),
    ("pc", "per cent", "per cent"),
];

/// A currency as it is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub one: &'static str,
    pub many: &'static str,
    /// The hundredth part (one, many), read after the main unit: "four pounds fifty".
    pub cents: Option<(&'static str, &'static str)>,
}

const fn cur(one: &'static str, many: &'static str, cents: Option<(&'static str, &'static str)>) -> Currency {
    Currency { one, many, cents }
}

const CENTS: Option<(&str, &str)> = Some(("cent", "cents"));
pub const DOLLAR: Currency = cur("dollar", "dollars", CENTS);
pub const US_DOLLAR: Currency = cur("U-S dollar", "U-S dollars", CENTS);
pub const POUND: Currency = cur("pound", "pounds", Some(("penny", "pence")));
pub const EURO: Currency = cur("euro", "euros", CENTS);
pub const KENYAN_SHILLING: Currency = cur("Kenyan shilling", "Kenyan shillings", CENTS);
pub const UGANDAN_SHILLING: Currency = cur("Ugandan shilling", "Ugandan shillings", None);
pub const TANZANIAN_SHILLING: Currency = cur("Tanzanian shilling", "Tanzanian shillings", CENTS);
pub const RUPEE: Currency = cur("rupee", "rupees", Some(("paisa", "paise")));

/// Currency signs written before the amount ("$5", "US$5"); the longest
/// match wins.
pub const CURRENCY_SIGNS: &[(&str, Currency)] = &[
    ("US$", US_DOLLAR),
    ("A$", cur("Australian dollar", "Australian dollars", CENTS)),
    ("C$", cur("Canadian dollar", "Canadian dollars", CENTS)),
    ("NZ$", cur("New Zealand dollar", "New Zealand dollars", CENTS)),
    ("HK$", cur("Hong Kong dollar", "Hong Kong dollars", CENTS)),
    ("$", DOLLAR),
    ("£", POUND),
    ("€", EURO),
    ("¥", cur("yen", "yen", None)),
    ("₹", RUPEE),
    ("₦", cur("naira", "naira", Some(("kobo", "kobo")))),
    ("₵", cur("cedi", "cedis", Some(("pesewa", "pesewas")))),
    ("₩", cur("won", "won", None)),
    ("₽", cur("rouble", "roubles", Some(("kopeck", "kopecks")))),
    ("₺", cur("lira", "lira", None)),
    ("₱", cur("peso", "pesos", CENTS)),
    ("₴", cur("hryvnia", "hryvnias", None)),
];

/// Currency codes and local abbreviations, before ("KSh 1,200", "USD30") or
/// after ("30 USD") the amount.
pub const CURRENCY_CODES: &[(&str, Currency)] = &[
    ("USD", US_DOLLAR),
    ("GBP", cur("British pound", "British pounds", Some(("penny", "pence")))),
    ("EUR", EURO),
    ("KES", KENYAN_SHILLING),
    ("KSh", KENYAN_SHILLING),
    ("Ksh", KENYAN_SHILLING),
    ("Kshs", KENYAN_SHILLING),
    ("UGX", UGANDAN_SHILLING),
    ("USh", UGANDAN_SHILLING),
    ("TZS", TANZANIAN_SHILLING),
    ("TSh", TANZANIAN_SHILLING),
    ("NGN", cur("naira", "naira", Some(("kobo", "kobo")))),
    ("ZAR", cur("rand", "rand", CENTS)),
    ("GHS", cur("Ghanaian cedi", "Ghanaian cedis", Some(("pesewa", "pesewas")))),
    ("ETB", cur("Ethiopian birr", "Ethiopian birr", None)),
    ("RWF", cur("Rwandan franc", "Rwandan francs", None)),
    ("INR", cur("Indian rupee", "Indian rupees", Some(("paisa", "paise")))),
    ("PKR", cur("Pakistani rupee", "Pakistani rupees", None)),
    ("Rs", RUPEE),
    ("JPY", cur("yen", "yen", None)),
    ("CNY", cur("yuan", "yuan", None)),
    ("CHF", cur("Swiss franc", "Swiss francs", CENTS)),
    ("AUD", cur("Australian dollar", "Australian dollars", CENTS)),
    ("CAD", cur("Canadian dollar", "Canadian dollars", CENTS)),
    ("EGP", cur("Egyptian pound", "Egyptian pounds", None)),
    ("AFN", cur("afghani", "afghanis", None)),
];

/// Scale words written against an amount: "$3.5m", "£2bn", "£30k". Entries
/// with `true` are a scale only after a currency or before a counted noun
/// ("2.5m people"); otherwise "5m" is five metres and "10k" stays a number.
pub const SCALE_SUFFIXES: &[(&str, &str, bool)] = &[
    ("bn", "billion", false),
    ("bln", "billion", false),
    ("tn", "trillion", false),
    ("trn", "trillion", false),
    ("mn", "million", false),
    ("mln", "million", false),
    ("m", "million", true),
    ("k", "thousand", true),
    ("K", "thousand", true),
    ("b", "billion", true),
];

/// Scale words written out; after a currency amount the currency is said
/// after them ("$3.5 million" → "three point five million dollars").
pub const SCALE_WORDS: &[&str] = &["thousand", "million", "billion", "trillion"];

/// Nouns that are counted: a number before them is a quantity, not a year
/// ("1500 people"), and "m"/"k" before them are scales ("2.5m people").
pub const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "residents",
    "citizens",
    "families",
    "households",
    "homes",
    "houses",
    "children",
    "adults",
    "students",
    "pupils",
    "teachers",
    "workers",
    "employees",
    "staff",
    "jobs",
    "soldiers",
    "troops",
    "police",
    "officers",
    "patients",
    "cases",
    "deaths",
    "dead",
    "refugees",
    "migrants",
    "voters",
    "votes",
    "members",
    "users",
    "customers",
    "passengers",
    "visitors",
    "tourists",
    "fans",
    "delegates",
    "candidates",
    "animals",
    "cattle",
    "cars",
    "vehicles",
    "schools",
    "hospitals",
    "beds",
    "doses",
    "tests",
    "tonnes",
    "tons",
    "barrels",
    "bags",
    "acres",
    "words",
    "copies",
    "units",
    "seats",
    "signatures",
    "protesters",
    "civilians",
    "farmers",
    "nurses",
    "doctors",
    "shares",
    "points",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "times",
    "more",
    "others",
    "of",
    "viewers",
    "listeners",
    "readers",
    "subscribers",
    "followers",
    "hectares",
    "miles",
    "kilometres",
    "metres",
    "feet",
    "litres",
    "dollars",
    "pounds",
    "euros",
    "shillings",
];

/// Words shortly before "25m" (within four words) that make the "m" a
/// million rather than metres ("the population was 25m").
pub const MILLION_CONTEXT: &[&str] = &[
    "population",
    "people",
    "residents",
    "inhabitants",
    "voters",
    "viewers",
    "audience",
    "followers",
    "subscribers",
    "users",
    "customers",
    "members",
    "visitors",
    "tourists",
    "refugees",
    "budget",
    "revenue",
    "profit",
    "profits",
    "loss",
    "losses",
    "debt",
    "deficit",
    "worth",
    "valued",
    "raised",
    "turnover",
    "sales",
    "cost",
    "costs",
    "funding",
    "investment",
    "spent",
    "paid",
    "fine",
    "fined",
    "deal",
];

/// Words after which a four-digit number is a year (1000–2099), whatever follows.
pub const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "from", "until", "till", "during", "before", "after", "between", "circa", "c", "year", "early",
    "late", "mid", "spring", "summer", "autumn", "fall", "winter", "of", "by", "around",
];

/// Words after which a number is a number, never a year ("page 1984").
pub const NUMBER_CONTEXT: &[&str] =
    &["number", "no", "page", "pages", "room", "flight", "route", "bus", "platform", "gate", "code", "pin"];

/// Words around "3-1" that make it a score ("won 3-1", "a 2-2 draw").
pub const SCORE_BEFORE: &[&str] =
    &["won", "win", "beat", "lost", "lose", "drew", "draw", "defeated", "thrashed", "led", "trailed", "score"];
pub const SCORE_AFTER: &[&str] = &["win", "victory", "defeat", "draw", "loss", "lead", "scoreline", "home", "away"];

/// Capitalised words that usually begin a sentence: a full stop of an
/// initialism ("U.S.") before one of these is kept as the sentence's end.
pub const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "Meanwhile",
    "However",
    "Officials",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Now",
    "Then",
    "Last",
    "Earlier",
    "Later",
];

/// All-capital words spelled letter by letter even though the rule would
/// read them as words.
pub const INITIALISMS: &[&str] = &[
    "WHO", "USAID", "IEBC", "OECD", "IAEA", "IPCC", "UNHCR", "UNGA", "UNDP", "UNEP", "UNFPA", "UNSC", "UAE", "USA",
    "EAC", "IOC", "IMF", "ANC", "AU", "EU", "UN", "UK", "US", "OAU", "ICU", "IDP", "CEO", "NGO", "OK",
];

/// All-capital words read as words (title-cased, "NATO" → "Nato") even
/// though the rule would spell them.
pub const ACRONYMS: &[&str] = &[
    "NATO", "NASA", "UNESCO", "UNICEF", "COVID", "AIDS", "OPEC", "FIFA", "UEFA", "ISIS", "ASEAN", "NAFTA", "ECOWAS",
    "BAFTA", "OFCOM", "OFSTED", "COP", "SARS", "MERS", "BRICS", "KANU", "NEPAD", "UNAIDS", "UNRWA", "IGAD", "PIN",
    "LASER", "RADAR", "NIMBY", "SWAT", "GIF",
];

/// Two-consonant starts and ends that an English word may have; used by the
/// rule that decides whether an all-capital word can be read as a word.
pub const ONSETS: &[&str] = &[
    "BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "KN", "PH", "PL", "PR", "QU", "SC", "SH", "SK", "SL",
    "SM", "SN", "SP", "ST", "SW", "TH", "TR", "TW", "WH", "WR",
];
pub const CODAS: &[&str] = &[
    "CH", "CK", "CT", "DS", "FF", "FT", "GS", "KS", "LD", "LF", "LK", "LL", "LM", "LP", "LS", "LT", "MP", "MS", "ND",
    "NG", "NK", "NS", "NT", "PS", "PT", "RB", "RD", "RF", "RK", "RL", "RM", "RN", "RP", "RS", "RT", "SH", "SK", "SP",
    "SS", "ST", "TH", "TS", "CS", "WS", "WN", "WL", "XT",
];
pub const VOWEL_PAIRS: &[&str] = &[
    "AI", "AU", "AY", "EA", "EE", "EI", "EU", "EY", "IA", "IE", "IO", "OA", "OE", "OI", "OO", "OU", "OY", "UA", "UE",
    "UI",
];

/// Words before a Roman numeral that make it a cardinal ("World War II" →
/// "World War Two"); after any other capitalised word it is a regnal
/// ordinal ("Elizabeth II" → "Elizabeth the Second").
pub const ROMAN_CARDINAL_AFTER: &[&str] = &[
    "War", "Bowl", "Part", "Chapter", "Act", "Phase", "Stage", "Vatican", "Apollo", "Type", "Class", "Grade",
    "Article", "Title", "Schedule", "Volume", "Book", "Section", "Round", "Level", "Category",
];

/// Top-level domains that make "example.org" a domain, and how to say them.
pub const DOMAINS: &[(&str, &str)] = &[
    ("com", "com"),
    ("org", "org"),
    ("net", "net"),
    ("gov", "gov"),
    ("edu", "E-D-U"),
    ("info", "info"),
    ("news", "news"),
    ("africa", "africa"),
    ("uk", "U-K"),
    ("ke", "K-E"),
    ("ng", "N-G"),
    ("za", "Z-A"),
    ("ug", "U-G"),
    ("tz", "T-Z"),
    ("io", "I-O"),
    ("tv", "T-V"),
    ("co", "co"),
    ("ac", "A-C"),
    ("int", "int"),
];

/// Fractions read by name ("1/2" → "one half"); other "N/M" are read as two
/// numbers ("9/11" → "nine eleven", "24/7" → "twenty-four seven").
pub const FRACTIONS: &[(&str, &str)] = &[
    ("1/2", "one half"),
    ("1/3", "one third"),
    ("2/3", "two thirds"),
    ("1/4", "one quarter"),
    ("3/4", "three quarters"),
];

/// Fraction characters: (character, alone, after a whole number).
pub const FRACTION_CHARS: &[(char, &str, &str)] = &[
    ('½', "one half", "and a half"),
    ('¼', "one quarter", "and a quarter"),
    ('¾', "three quarters", "and three quarters"),
    ('⅓', "one third", "and a third"),
    ('⅔', "two thirds", "and two thirds"),
];

/// "a.m." and friends after a time or an hour.
pub const AM_PM: &[(&str, &str)] =
    &[("a.m.", "a"), ("A.M.", "a"), ("am", "a"), ("AM", "a"), ("p.m.", "p"), ("P.M.", "p"), ("pm", "p"), ("PM", "p")];
