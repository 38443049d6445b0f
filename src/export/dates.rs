//! Dates as readers expect them: "12 avril 2002" in French, "April 12, 2002" in English, and
//! RFC 3339 timestamps for the Atom feed.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parses `YYYY-MM-DD`, also accepting a date-time whose first ten characters are the date
/// (`2002-04-12T10:00:00Z`, `2002-04-12 10:00`), as Hugo and Jekyll write them.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let head = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    Date::parse(head, format_description!("[year]-[month]-[day]")).ok()
}

/// The date written out in full: "12 avril 2002" (`1er` for the first of the month, as French
/// typography requires) or "April 12, 2002".
pub fn long_date(date: Date, lang: &str) -> String {
    let month = usize::from(u8::from(date.month())) - 1;
    if lang == "en" {
        format!("{} {}, {}", MONTHS[month], date.day(), date.year())
    } else if date.day() == 1 {
        format!("1er {} {}", MOIS[month], date.year())
    } else {
        format!("{} {} {}", date.day(), MOIS[month], date.year())
    }
}

/// [`long_date`] for an HTML page: the French ordinal's letters in superscript,
/// `1<sup>er</sup> août 2024` (Lexique, "Adjectifs numéraux ordinaux"); nothing else in a
/// long date needs escaping.
pub fn long_date_html(date: Date, lang: &str) -> String {
    let long = long_date(date, lang);
    match long.strip_prefix("1er ") {
        Some(rest) if lang != "en" => format!("1<sup>er</sup> {rest}"),
        _ => long,
    }
}

/// `YYYY-MM-DD`, for `<time datetime>`.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// An RFC 3339 timestamp for Atom: `updated_at` when it parses (RFC 3339, or
/// `YYYY-MM-DD HH:MM:SS` read as UTC), else the publication date at midnight UTC.
pub fn atom_timestamp(updated_at: Option<&str>, date: Option<Date>) -> Option<String> {
    let parsed = updated_at.and_then(parse_timestamp);
    let moment = parsed.or_else(|| date.map(|d| d.midnight().assume_utc()))?;
    // In UTC, so timestamps compare as strings when the feed picks its newest entry.
    moment.to_offset(UtcOffset::UTC).format(&Rfc3339).ok()
}

fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    OffsetDateTime::parse(text, &Rfc3339).ok().or_else(|| {
        PrimitiveDateTime::parse(
            text,
            format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
        )
        .ok()
        .map(PrimitiveDateTime::assume_utc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_long_dates() {
        let d = parse_date("2002-04-12").expect("test setup");
        assert_eq!(long_date(d, "fr"), "12 avril 2002");
        assert_eq!(long_date(d, "en"), "April 12, 2002");
        assert_eq!(iso_date(d), "2002-04-12");
    }

    #[test]
    fn first_of_month_is_premier_in_french() {
        let d = parse_date("2024-08-01").expect("test setup");
        assert_eq!(long_date(d, "fr"), "1er août 2024");
        assert_eq!(long_date_html(d, "fr"), "1<sup>er</sup> août 2024");
        assert_eq!(long_date_html(d, "en"), "August 1, 2024");
        assert_eq!(long_date(d, "en"), "August 1, 2024");
    }

    #[test]
    fn date_times_keep_their_date_and_junk_is_refused() {
        assert_eq!(
            parse_date("2002-04-12T10:00:00+02:00")
                .map(iso_date)
                .as_deref(),
            Some("2002-04-12")
        );
        assert!(parse_date("12/04/2002").is_none());
        assert!(parse_date("2002-13-01").is_none());
        assert!(parse_date("2002-04-12abc").is_none());
        assert!(parse_date("").is_none());
    }

    #[test]
    fn atom_timestamps_prefer_updated_at() {
        let d = parse_date("2002-04-12");
        assert_eq!(
            atom_timestamp(Some("2003-01-02 03:04:05"), d).as_deref(),
            Some("2003-01-02T03:04:05Z")
        );
        assert_eq!(
            atom_timestamp(Some("2003-01-02T03:04:05+02:00"), d).as_deref(),
            Some("2003-01-02T01:04:05Z")
        );
        assert_eq!(
            atom_timestamp(Some("not a date"), d).as_deref(),
            Some("2002-04-12T00:00:00Z")
        );
        assert_eq!(atom_timestamp(None, None), None);
    }
}
