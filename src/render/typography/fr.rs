//! French rules (Lexique des règles typographiques en usage à l'Imprimerie nationale):
//! guillemets with no-break spaces, a no-break space before `:` and a narrow one before
//! `; ! ?`, the typographic apostrophe, and no-break spaces tying numbers to their units.

use super::scan::{is_typed_space, stops, Scan};
use super::{Typographer, NBSP, NNBSP};

/// Bytes that may start a French rule (and those the HTML escapes); every other byte is
/// copied in bulk.
pub(super) static TRIGGERS: [bool; 256] = stops(b"'\".-:;!?0123456789\xc2");

/// Units tied to their number by a no-break space (`10 km`, `3 h`): short symbols only, so
/// that ordinary words are never caught. Grouped by first byte, so that the word after a
/// number (most often not a unit) costs one table look-up, not a comparison per unit.
fn units_starting_with(first: u8) -> &'static [&'static str] {
    match first {
        b'k' => &["km/h", "km²", "km", "kg", "kHz", "kW", "kWh", "ko"],
        b'm' => &["m²", "m³", "mm", "mg", "ml", "min", "ms", "m"],
        b'c' => &["cm", "cl"],
        b'd' => &["dl"],
        0xc2 => &["°C"],
        b'M' => &["Mo", "MHz", "MW"],
        b'G' => &["Go", "GHz"],
        b'T' => &["To"],
        b'K' => &["Ko"],
        b'H' => &["Hz"],
        b'h' => &["h"],
        b'g' => &["g"],
        b'l' => &["l"],
        b'L' => &["L"],
        b's' => &["s"],
        b't' => &["t"],
        b'W' => &["W"],
        b'V' => &["V"],
        _ => &[],
    }
}

/// Applies the French rule for the trigger `byte` at the scan position.
#[inline]
pub(super) fn handle(ty: &mut Typographer, scan: &mut Scan<'_, '_>, byte: u8) {
    match byte {
        b'"' => quote(ty, scan),
        b'\'' => scan.replace(1, "’"),
        b':' if !scan.rest().starts_with("://") => high_punct(scan, NBSP),
        b';' | b'!' | b'?' => high_punct(scan, NNBSP),
        b'0'..=b'9' => number(scan),
        0xc2 => guillemet(ty, scan),
        _ => {
            if !ty.shared(scan, byte, ("—", "–")) {
                scan.copy_char();
            }
        }
    }
}

/// `"` becomes `« ` or ` »` (no-break spaces inside); a quote inside a quote is `“ ”`.
fn quote(ty: &mut Typographer, scan: &mut Scan<'_, '_>) {
    if ty.quote_opens(scan) {
        ty.open_quotes += 1;
        if ty.open_quotes == 1 {
            scan.replace(1, "«\u{a0}");
            scan.skip_spaces();
        } else {
            scan.replace(1, "“");
        }
    } else {
        ty.open_quotes = ty.open_quotes.saturating_sub(1);
        if ty.open_quotes == 0 {
            scan.trim_spaces_end();
            scan.replace(1, "\u{a0}»");
        } else {
            scan.replace(1, "”");
        }
    }
}

/// Typed guillemets get their inner no-break spaces fixed: `«test»` → `« test »`.
fn guillemet(ty: &mut Typographer, scan: &mut Scan<'_, '_>) {
    if scan.rest().starts_with('«') {
        ty.open_quotes += 1;
        scan.replace('«'.len_utf8(), "«\u{a0}");
        scan.skip_spaces();
    } else if scan.rest().starts_with('»') {
        ty.open_quotes = ty.open_quotes.saturating_sub(1);
        scan.trim_spaces_end();
        scan.replace('»'.len_utf8(), "\u{a0}»");
    } else {
        scan.copy_char();
    }
}

/// High punctuation takes a (narrow) no-break space in place of a typed space. Without a
/// typed space nothing changes, which keeps `10:30`, `::1` and `Yahoo!` intact; a letter
/// right after (`a :b`) means it is not punctuation either.
fn high_punct(scan: &mut Scan<'_, '_>, space: char) {
    let next_is_word = scan
        .next_char()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '/'));
    if !next_is_word && scan.trim_spaces_end() {
        scan.push(space);
    }
    scan.copy_char();
}

/// A number keeps its unit, `%`, currency or next thousands group on the same line.
fn number(scan: &mut Scan<'_, '_>) {
    let digits = scan.copy_digits();
    let rest = scan.rest();
    let Some(space) = rest.chars().next().filter(|&c| is_typed_space(c)) else {
        return;
    };
    let after = &rest[space.len_utf8()..];
    let tie = if after.starts_with('%') {
        Some(NNBSP)
    } else if after.starts_with(['€', '$', '£']) || starts_with_unit(after) {
        Some(NBSP)
    } else if digits <= 3 && is_thousands_group(after) {
        Some(NNBSP)
    } else {
        None
    };
    if let Some(tie) = tie {
        scan.replace(space.len_utf8(), tie.encode_utf8(&mut [0; 4]));
    }
}

fn starts_with_unit(text: &str) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    units_starting_with(first).iter().any(|unit| {
        text.strip_prefix(unit).is_some_and(|after| {
            after
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        })
    })
}

/// Exactly three digits then a non-digit: the next group of `10 000`.
fn is_thousands_group(text: &str) -> bool {
    text.bytes().take_while(u8::is_ascii_digit).count() == 3
}

#[cfg(test)]
mod tests {
    use super::units_starting_with;

    /// A unit filed under the wrong first byte would never be found.
    #[test]
    fn every_unit_is_filed_under_its_first_byte() {
        let mut units = 0;
        for first in 0..=u8::MAX {
            for unit in units_starting_with(first) {
                assert_eq!(unit.as_bytes()[0], first, "{unit}");
                units += 1;
            }
        }
        assert_eq!(units, 36);
    }
}
