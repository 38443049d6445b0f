//! English rules: curly double and single quotes, the apostrophe (with leading elisions,
//! `’cause`), no space before `? ! ; :` (Chicago Manual of Style 6.7), en and em dashes
//! (house style in docs/TYPOGRAPHY.md); numbers and symbols are shared with French.

use super::scan::{stops, Scan};
use super::{opens_after, Role, Typographer};

/// Bytes that may start an English rule (and those the HTML escapes); every other byte is
/// copied in bulk.
pub(super) static TRIGGERS: [bool; 256] = stops(b"'\".-:;!?,(0123456789");

/// Words whose first letters English drops behind an apostrophe: the apostrophe before
/// them is an elision (`’cause`, `’tis`, `rock ’n’ roll`), never an opening quote.
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "coz", "em", "fraid", "gainst", "n", "neath", "nother", "nuff", "ol",
    "round", "scuse", "spose", "til", "tis", "twas", "twere", "twill", "twould",
];

/// Applies the English rule for the trigger `byte` at the scan position.
#[inline]
pub(super) fn handle(ty: &mut Typographer, scan: &mut Scan<'_, '_>, byte: u8) {
    match byte {
        b'"' => match ty.quote_role(scan) {
            Role::Mark => scan.replace(1, "″"),
            Role::Open => {
                ty.push_quote(false);
                scan.replace(1, "“");
            }
            Role::Close => {
                ty.pop_quote();
                scan.replace(1, "”");
            }
        },
        b'\'' => apostrophe(scan),
        b'?' | b'!' | b';' | b':' if !scan.rest().starts_with("://") => {
            // English sets high punctuation close: a typed space before it goes.
            if !scan.next_in_text().is_some_and(char::is_alphanumeric) {
                scan.trim_spaces_end();
            }
            scan.copy_char();
        }
        _ => {
            if !ty.shared(scan, byte, ("–", "–")) {
                scan.copy_char();
            }
        }
    }
}

/// `'`: an opening single quote before a word after a boundary, unless the word is an
/// elision or a number (`’90s`); a prime after a number (`5′`); else the apostrophe.
fn apostrophe(scan: &mut Scan<'_, '_>) {
    let prev = scan.prev_char();
    let next = scan.next_char();
    if prev.is_some_and(|c| c.is_ascii_digit()) && !next.is_some_and(char::is_alphabetic) {
        scan.replace(1, "′");
        return;
    }
    let opens = prev.is_none_or(opens_after)
        && next.is_some_and(char::is_alphabetic)
        && !is_elision(&scan.rest()[1..]);
    scan.replace(1, if opens { "‘" } else { "’" });
}

/// Whether `text` (after an apostrophe) starts with an elided word.
fn is_elision(text: &str) -> bool {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &text[..len];
    ELISIONS
        .iter()
        .any(|elision| elision.eq_ignore_ascii_case(word))
}
