//! Timestamps as fixed-width UTC text (`2026-11-29T14:02:05.123Z`): readable in the file,
//! and sortable as strings because every field has a fixed width.

use time::{format_description::FormatItem, macros::format_description, OffsetDateTime};

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");

/// Now, in the library's timestamp format.
pub fn now() -> String {
    OffsetDateTime::now_utc()
        .format(FORMAT)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00.000Z"))
}
