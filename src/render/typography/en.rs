//! English rules: curly double and single quotes, the apostrophe, en and em dashes.

use super::scan::{stops, Scan};
use super::{opens_after, Typographer};

/// Bytes that may start an English rule (and those the HTML escapes); every other byte is
/// copied in bulk.
pub(super) static TRIGGERS: [bool; 256] = stops(b"'\".-:");

/// Applies the English rule for the trigger `byte` at the scan position.
#[inline]
pub(super) fn handle(ty: &mut Typographer, scan: &mut Scan<'_, '_>, byte: u8) {
    match byte {
        b'"' => {
            if ty.quote_opens(scan) {
                ty.open_quotes += 1;
                scan.replace(1, "“");
            } else {
                ty.open_quotes = ty.open_quotes.saturating_sub(1);
                scan.replace(1, "”");
            }
        }
        b'\'' => {
            // An apostrophe before a digit is an elision ('90s), never an opening quote.
            let opens = scan.prev_char().is_none_or(opens_after)
                && scan.next_char().is_some_and(char::is_alphabetic);
            scan.replace(1, if opens { "‘" } else { "’" });
        }
        _ => {
            if !ty.shared(scan, byte, ("–", "–")) {
                scan.copy_char();
            }
        }
    }
}
