//! Timestamps as fixed-width UTC text (`2026-11-29T14:02:05.123Z`): readable in the file,
//! and sortable as strings because every field has a fixed width.

use time::{format_description::FormatItem, macros::format_description, Date, OffsetDateTime};

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
const DATE: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");
const FILE_STAMP: &[FormatItem<'static>] =
    format_description!("[year][month][day]-[hour][minute][second]");

/// Now, in the library's timestamp format.
pub fn now() -> String {
    format(OffsetDateTime::now_utc())
}

/// `at` in the library's timestamp format.
pub fn format(at: OffsetDateTime) -> String {
    at.format(FORMAT)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00.000Z"))
}

/// Reads a stored timestamp back; `None` for text this module did not write.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(text, FORMAT)
        .ok()
        .map(|t| t.assume_utc())
}

/// True when `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && Date::parse(text, DATE).is_ok()
}

/// `YYYYMMDD-HHMMSS` for file names (backups).
pub fn file_stamp(at: OffsetDateTime) -> String {
    at.format(FILE_STAMP)
        .unwrap_or_else(|_| String::from("19700101-000000"))
}

/// Reads a [`file_stamp`] back.
pub fn parse_file_stamp(text: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(text, FILE_STAMP)
        .ok()
        .map(|t| t.assume_utc())
}
