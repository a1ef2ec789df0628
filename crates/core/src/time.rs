//! Publication times: parsed from what people write, kept with their time zone.

use jiff::{Timestamp, ZonedDateTime, civil, tz::TimeZone};

/// Parses a publication time.
///
/// Accepts, in order: an RFC 9557 time with a zone (`2026-11-20T08:30:00+00:00[Europe/London]`),
/// an RFC 3339 instant (`2026-11-20T08:30:00Z`, `…+05:30`), or a civil date-time
/// (`2026-11-20T08:30:00`, `2026-11-20 08:30`) read in `zone`. Instants and civil
/// times are shown in `zone`, the site's time zone.
pub fn parse_time(text: &str, zone: &TimeZone) -> Result<ZonedDateTime, String> {
    let text = text.trim();
    if let Ok(z) = text.parse::<ZonedDateTime>() {
        return Ok(z);
    }
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts.to_zoned_datetime(zone.clone()));
    }
    if let Ok(dt) = text.parse::<civil::DateTime>() {
        return dt
            .to_zoned_datetime(zone.clone())
            .map_err(|e| format!("'{text}' does not exist in the site's time zone: {e}"));
    }
    Err(format!("'{text}' is not a date and time: write it like 2026-11-20T08:30:00Z or 2026-11-20T08:30:00+01:00"))
}

/// A time as people read it on the page, e.g. "20 November 2026, 08:30 GMT".
pub fn display_time(t: &ZonedDateTime) -> String {
    t.strftime("%-d %B %Y, %H:%M %Z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_write() {
        let utc = TimeZone::UTC;
        let z = parse_time("2026-11-20T08:30:00+00:00[Europe/London]", &utc).unwrap();
        assert_eq!(z.time_zone().iana_name(), Some("Europe/London"));
        let z = parse_time("2026-11-20T08:30:00+05:30", &utc).unwrap();
        assert_eq!(z.timestamp().to_string(), "2026-11-20T03:00:00Z");
        let z = parse_time("2026-11-20T08:30:00", &utc).unwrap();
        assert_eq!(z.timestamp().to_string(), "2026-11-20T08:30:00Z");
        assert!(parse_time("2026-11-20 08:30", &utc).is_ok());
    }

    #[test]
    fn rejects_bad_dates_with_a_hint() {
        for bad in ["2026-13-01T00:00:00Z", "yesterday", "2026-02-30T10:00:00Z", ""] {
            let err = parse_time(bad, &TimeZone::UTC).unwrap_err();
            assert!(err.contains("2026-11-20T08:30:00Z"), "{bad}: {err}");
        }
    }

    #[test]
    fn displays_for_readers() {
        let z = parse_time("2026-11-20T08:30:00+00:00[Europe/London]", &TimeZone::UTC).unwrap();
        assert_eq!(display_time(&z), "20 November 2026, 08:30 GMT");
    }
}
