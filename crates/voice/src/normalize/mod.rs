//! Text as it is said: numbers, dates, currency, abbreviations… written out
//! so the voice reads them the way a newsreader would.
