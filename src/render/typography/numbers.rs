//! Numbers, in both languages: a number keeps its unit, currency, `%` and next thousands
//! group on its line (Lexique, "Nombres" and "Unités de mesure"; SI brochure §5.4.3, a space
//! between number and unit), `×` between numbers (`2x3`, `6 x 7`), times tied whole
//! (`10 h 30`), and, in French, ordinals (`lexique.rs`).

use super::lexique;
use super::scan::{is_alphanumeric, is_typed_space, Scan};

/// [`super::NBSP`] and [`super::NNBSP`], as the text the rules write.
const NBSP_STR: &str = "\u{a0}";
const NNBSP_STR: &str = "\u{202f}";
use crate::render::Lang;

/// Units tied to their number by a no-break space (`10 km`, `25 cm²`, `3 h`): SI symbols and
/// the few others the press uses, short symbols only so that ordinary words are never
/// caught. Grouped by first byte, so that the word after a number (most often not a unit)
/// costs one table look-up, not a comparison per unit; within a group, longer symbols first.
fn units_starting_with(first: u8) -> &'static [&'static str] {
    match first {
        b'k' => &[
            "kbit/s", "km/h", "km/s", "kcal", "kWh", "kHz", "kPa", "km²", "km³", "km", "kg", "kW",
            "kV", "kJ", "kA", "ko",
        ],
        b'm' => &[
            "mbar", "m/s", "mm²", "mm³", "mol", "min", "m²", "m³", "mm", "mg", "ml", "mL", "ms",
            "mA", "mV", "mW", "m",
        ],
        b'c' => &["cm²", "cm³", "cal", "cm", "cl", "cL"],
        b'd' => &["dm²", "dm³", "dm", "dl", "dL", "dB"],
        b'h' => &["hPa", "hL", "hl", "ha", "h"],
        // `µ` (U+00B5) and `°` (U+00B0) start with 0xC2.
        0xc2 => &["µm", "µg", "µs", "°C", "°F"],
        b'M' => &["Mbit/s", "Mo/s", "MWh", "MHz", "MW", "MJ", "Mo"],
        b'G' => &["Gbit/s", "Go/s", "GWh", "GHz", "GBP", "GW", "Go"],
        b'T' => &["TWh", "TW", "To"],
        b'K' => &["Ko"],
        b'H' => &["Hz"],
        b'g' => &["g"],
        b'l' => &["l"],
        b'L' => &["L"],
        b's' => &["s"],
        b't' => &["t"],
        b'W' => &["Wh", "W"],
        b'V' => &["V"],
        b'A' => &["A"],
        b'J' => &["JPY", "J"],
        b'N' => &["N"],
        b'P' => &["Pa"],
        b'C' => &["CHF", "CAD"],
        b'U' => &["USD"],
        b'E' => &["EUR"],
        b'F' => &["FCFA"],
        _ => &[],
    }
}

/// The unit at the start of `text`, if a whole one is there (`km` in `km.`, not in `kms`).
fn unit_at(text: &str) -> Option<&'static str> {
    let &first = text.as_bytes().first()?;
    units_starting_with(first).iter().copied().find(|unit| {
        text.strip_prefix(unit).is_some_and(|after| {
            after
                .chars()
                .next()
                .is_none_or(|c| !(is_alphanumeric(c) || matches!(c, '\'' | '’' | '-')))
        })
    })
}

/// Whether `text` starts with a unit or a currency sign.
pub(super) fn unit_or_currency_at(text: &str) -> bool {
    text.starts_with(['€', '$', '£', '¥']) || unit_at(text).is_some()
}

/// At a digit: copies the number, then applies what follows it.
#[inline]
pub(super) fn number(scan: &mut Scan<'_, '_>, lang: Lang) {
    let before = scan.prev_char();
    let text = scan.rest();
    let digits = scan.copy_digits();
    let number = &text[..digits];
    // What follows the digits decides which rules can apply: most numbers are followed by
    // a space or punctuation, never by an ordinal ending or `x`.
    let next = scan.rest().as_bytes().first().copied();
    if lang == Lang::Fr
        && next.is_some_and(lexique::may_start_ending)
        && before.is_none_or(|c| !(is_alphanumeric(c) || matches!(c, '.' | ',')))
        && lexique::ordinal_after_digits(scan, number)
    {
        return;
    }
    if matches!(next, Some(b' ' | b'x' | b'X')) && times_sign(scan, number) {
        return;
    }
    let rest = scan.rest();
    let Some(space) = rest.chars().next().filter(|&c| is_typed_space(c)) else {
        return;
    };
    let after = &rest[space.len_utf8()..];
    let unit = unit_at(after);
    let tie = if after.starts_with('%') {
        // French spaces `%` (Lexique: narrow no-break space); English sets it close (`50%`).
        match lang {
            Lang::Fr => NNBSP_STR,
            Lang::En => "",
        }
    } else if unit.is_some() || after.starts_with(['€', '$', '£', '¥']) {
        NBSP_STR
    } else if digits <= 3 && is_thousands_group(after) {
        NNBSP_STR
    } else {
        return;
    };
    scan.replace(space.len_utf8(), tie);
    if unit == Some("h") {
        tie_minutes(scan);
    }
}

/// After `10 h`: the minutes stay with the hour (`10 h 30`, Lexique "Heures").
fn tie_minutes(scan: &mut Scan<'_, '_>) {
    let rest = scan.rest();
    let mut chars = rest[1..].chars();
    if let (Some(space), Some(digit)) = (chars.next(), chars.next()) {
        if is_typed_space(space) && digit.is_ascii_digit() {
            scan.replace(1, "h");
            scan.replace(space.len_utf8(), "\u{a0}");
        }
    }
}

/// After a number: `x` or `X` between it and another number is the multiplication sign
/// (`2x3`, `6 x 7`, `1920x1080`), with no-break spaces where spaces were typed. `0x1F` is
/// hexadecimal and stays. Returns whether it wrote one.
fn times_sign(scan: &mut Scan<'_, '_>, number: &str) -> bool {
    let bytes = scan.rest().as_bytes();
    let spaced_before = bytes.first() == Some(&b' ');
    let x = usize::from(spaced_before);
    if !matches!(bytes.get(x), Some(b'x' | b'X')) {
        return false;
    }
    let spaced_after = bytes.get(x + 1) == Some(&b' ');
    let digit = x + 1 + usize::from(spaced_after);
    if !bytes.get(digit).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    if number == "0" && !spaced_before && !spaced_after {
        return false;
    }
    let sign = match (spaced_before, spaced_after) {
        (true, true) => "\u{a0}×\u{a0}",
        (true, false) => "\u{a0}×",
        (false, true) => "×\u{a0}",
        (false, false) => "×",
    };
    scan.replace(digit, sign);
    true
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
        assert_eq!(units, 92);
    }

    /// Within a group a longer symbol comes before its prefix, so `unit_at` names it.
    #[test]
    fn longer_units_come_first() {
        for first in 0..=u8::MAX {
            let units = units_starting_with(first);
            for (i, unit) in units.iter().enumerate() {
                for later in &units[i + 1..] {
                    assert!(!later.starts_with(unit), "{unit} before {later}");
                }
            }
        }
    }
}
