//! Rules of the *Lexique des règles typographiques en usage à l'Imprimerie nationale*
//! (entries "Abréviations", "Adjectifs numéraux ordinaux", "Nombres", "Numéro"): ordinals
//! with their letters in superscript (`1er`, `2e`, `XIXe`), and abbreviations tied to what
//! follows by a no-break space (`M. Dupont`, `Mme Roland`, `p. 12`, `n° 5`).

use super::scan::{is_alphanumeric, is_typed_space, Scan};
use super::NBSP;

/// Which numbers an ordinal ending goes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fits {
    /// `1er`, `1re`, `Ier` only.
    One,
    /// `2de`, `2des` (second, seconde) only.
    Two,
    /// Any number from 2 on (`2e`, `XIXe`).
    Many,
}

/// Ordinal endings as typed → as the Lexique writes them, longest first. The forms the
/// Lexique calls wrong (`ème`, `ième`, `è`, `ère`) are corrected; `2d`, `2nd` are left
/// alone (too close to `2D` and to English).
const ENDINGS: &[(&str, &str, Fits)] = &[
    ("ières", "res", Fits::One),
    ("ière", "re", Fits::One),
    ("ères", "res", Fits::One),
    ("eres", "res", Fits::One),
    ("ère", "re", Fits::One),
    ("ere", "re", Fits::One),
    ("ers", "ers", Fits::One),
    ("res", "res", Fits::One),
    ("er", "er", Fits::One),
    ("re", "re", Fits::One),
    ("ièmes", "es", Fits::Many),
    ("iemes", "es", Fits::Many),
    ("ième", "e", Fits::Many),
    ("ieme", "e", Fits::Many),
    ("èmes", "es", Fits::Many),
    ("emes", "es", Fits::Many),
    ("ème", "e", Fits::Many),
    ("eme", "e", Fits::Many),
    ("des", "des", Fits::Two),
    ("de", "de", Fits::Two),
    ("es", "es", Fits::Many),
    ("e", "e", Fits::Many),
    ("è", "e", Fits::Many),
];

/// Whether `first` may start an ordinal ending: every ending starts with `e`, `è`/`é`
/// (0xC3) or `i`/`r`/`d`, so most words after a number (units, spaces, dashes) stop here.
#[inline]
pub(super) fn may_start_ending(first: u8) -> bool {
    matches!(first, b'e' | b'i' | b'r' | b'd' | 0xc3)
}

/// The ordinal ending at the start of `rest` for a number that is one (`one`), two
/// (`two`) or more: its length in `rest` and its correct spelling. The ending must end the
/// word (`2e`, not `2em` or `1e10`).
fn ending(rest: &str, one: bool, two: bool) -> Option<(usize, &'static str)> {
    if !rest
        .as_bytes()
        .first()
        .is_some_and(|&b| may_start_ending(b))
    {
        return None;
    }
    ENDINGS.iter().find_map(|&(typed, written, fits)| {
        let fits = match fits {
            Fits::One => one,
            Fits::Two => two,
            Fits::Many => !one,
        };
        let after = rest.strip_prefix(typed)?;
        let ends_word = after.chars().next().is_none_or(|c| {
            !(is_alphanumeric(c) || c == '-' && after[1..].starts_with(char::is_alphabetic))
        });
        (fits && ends_word).then_some((typed.len(), written))
    })
}

/// After the digits `number` (already copied, at a word start): an ordinal ending is
/// written in superscript. Returns whether there was one.
pub(super) fn ordinal_after_digits(scan: &mut Scan<'_, '_>, number: &str) -> bool {
    if number.starts_with('0') {
        return false;
    }
    let Some((len, written)) = ending(scan.rest(), number == "1", number == "2") else {
        return false;
    };
    scan.replace_sup(len, written);
    true
}

/// At `I`, `V` or `X`: a Roman numeral starting a word followed by an ordinal ending
/// (`XIXe siècle`, `François Ier`, `IVe République`) gets the ending in superscript. A
/// numeral inside a word, or one with no ending, is copied as is. Numerals starting with
/// `L C D M` are not read (`Le`, `De`, `Me` are words).
pub(super) fn roman_ordinal(scan: &mut Scan<'_, '_>) {
    let rest = scan.rest();
    let run = rest
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
        .count();
    let numeral = &rest[..run];
    let at_word_start = scan.prev_char().is_none_or(|c| !is_alphanumeric(c));
    // The ending first: most capitals start a word with no ordinal ending (`Il`, `Vous`).
    let found = at_word_start
        .then(|| ending(&rest[run..], numeral == "I", false))
        .flatten()
        // Plural endings of Roman ordinals are too rare to tell from names (`Ives`).
        .filter(|(_, written)| !written.ends_with('s'))
        .filter(|_| roman_value(numeral).is_some());
    scan.replace(run, numeral);
    if let Some((len, written)) = found {
        scan.replace_sup(len, written);
    }
}

/// The value of a Roman numeral written the standard way (`XIX`, not `IIX`), 1 to 3999.
fn roman_value(numeral: &str) -> Option<u32> {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = numeral;
    let mut value = 0;
    for (worth, digits) in DIGITS {
        // At most three of a kind (`III`), one of the others.
        let repeat = if digits.len() == 1 && !matches!(digits, "V" | "L" | "D") {
            3
        } else {
            1
        };
        for _ in 0..repeat {
            if let Some(after) = rest.strip_prefix(digits) {
                rest = after;
                value += worth;
            }
        }
    }
    (rest.is_empty() && value > 0).then_some(value)
}

/// Abbreviations followed by a period and tied to the next word, with what must follow
/// for the period to be theirs (not a sentence end).
const DOTTED: &[(&str, Next)] = &[
    ("M", Next::Name),
    ("MM", Next::Name),
    ("p", Next::Number),
    ("pp", Next::Number),
    ("art", Next::Number),
    ("chap", Next::Number),
    ("fig", Next::Number),
    ("vol", Next::Number),
    ("t", Next::Number),
    ("env", Next::Number),
    ("cf", Next::Word),
    ("coll", Next::Word),
    ("éd", Next::Word),
    ("av", Next::Word),
    ("bd", Next::Word),
];

/// What an abbreviation is tied to.
#[derive(Debug, Clone, Copy)]
enum Next {
    /// A name: a capital letter.
    Name,
    /// A number: a digit or a Roman numeral.
    Number,
    /// Any word.
    Word,
}

impl Next {
    fn accepts(self, c: char) -> bool {
        match self {
            Next::Name => c.is_uppercase(),
            Next::Number => c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'),
            Next::Word => is_alphanumeric(c),
        }
    }
}

/// At `.`: when the word before it is an abbreviation of [`DOTTED`] and one typed space and
/// what it abbreviates follow, writes `.` and a no-break space (`M. Dupont`, `p. 12`).
/// Returns false (nothing written) otherwise.
pub(super) fn abbreviation_dot(scan: &mut Scan<'_, '_>) -> bool {
    // Every sentence end comes here: the cheap tests first, in bytes (every abbreviation
    // is ASCII but `éd`), with no Unicode look-up.
    let bytes = scan.rest().as_bytes();
    let space = match bytes.get(1) {
        Some(b' ' | b'\t') => 1,
        Some(0xc2) if bytes.get(2) == Some(&0xa0) => 2,
        _ => return false,
    };
    let written = scan.written().as_bytes();
    let ascii_word = written
        .iter()
        .rev()
        .take(5)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word_len = if written.ends_with("éd".as_bytes()) {
        "éd".len()
    } else {
        ascii_word
    };
    if word_len == 0 || word_len > 4 {
        return false;
    }
    let head = &written[..written.len() - word_len];
    // A byte from 0x80 up before the word is part of a letter (`émp.`): not a word start.
    let at_word_start = match head.last() {
        Some(&b) => b < 0x80 && !b.is_ascii_alphanumeric() && b != b'.',
        None => scan
            .prev_before_text()
            .is_none_or(|c| !is_alphanumeric(c) && c != '.'),
    };
    if !at_word_start {
        return false;
    }
    let word = &scan.written()[scan.written().len() - word_len..];
    let Some(next) = scan.rest()[1 + space..].chars().next() else {
        return false;
    };
    let tied = DOTTED
        .iter()
        .any(|&(abbreviation, follows)| abbreviation == word && follows.accepts(next));
    if tied {
        scan.replace(1 + space, ".\u{a0}");
    }
    tied
}

/// Titles written without a period (Lexique: `Mme`, `Mlle`, `Mgr`, and their plurals),
/// tied to the name after them.
const TITLES: &[&str] = &["Mmes", "Mme", "Mlles", "Mlle", "Mgr"];

/// At `M`: a title at a word start followed by a typed space and a capital is tied to it
/// (`Mme Roland`). Anything else is copied.
pub(super) fn title(scan: &mut Scan<'_, '_>) {
    let rest = scan.rest();
    let at_word_start = scan.prev_char().is_none_or(|c| !is_alphanumeric(c));
    let found = at_word_start
        .then(|| {
            TITLES.iter().find(|title| {
                rest.strip_prefix(**title).is_some_and(|after| {
                    let mut after = after.chars();
                    after.next().is_some_and(is_typed_space)
                        && after.next().is_some_and(char::is_uppercase)
                })
            })
        })
        .flatten();
    match found {
        Some(title) => {
            let space = rest[title.len()..].chars().next().map_or(1, char::len_utf8);
            scan.replace(title.len(), title);
            scan.replace(space, "\u{a0}");
        }
        None => scan.copy_char(),
    }
}

/// At `°`: after `n` or `N` alone (the numero, Lexique "Numéro"), ties the number that
/// follows (`n° 5`, `n°5` → `n° 5` with a no-break space). Returns false (nothing written)
/// otherwise.
pub(super) fn numero(scan: &mut Scan<'_, '_>) -> bool {
    let rest = scan.rest();
    if !rest.starts_with('°') {
        return false;
    }
    let written = scan.written();
    let Some(head) = written.strip_suffix(['n', 'N']) else {
        return false;
    };
    let at_word_start = head
        .chars()
        .next_back()
        .or(scan.prev_before_text())
        .is_none_or(|c| !is_alphanumeric(c));
    if !at_word_start {
        return false;
    }
    let after = &rest['°'.len_utf8()..];
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some(space), Some(digit)) if is_typed_space(space) && digit.is_ascii_digit() => {
            scan.replace('°'.len_utf8() + space.len_utf8(), "°\u{a0}");
        }
        (Some(digit), _) if digit.is_ascii_digit() => {
            scan.replace('°'.len_utf8(), "°");
            scan.push(NBSP);
        }
        _ => scan.replace('°'.len_utf8(), "°"),
    }
    true
}

#[cfg(test)]
mod tests {
    use super::roman_value;

    #[test]
    fn roman_numerals_are_read_only_when_well_formed() {
        for (numeral, value) in [
            ("I", 1),
            ("IV", 4),
            ("XIX", 19),
            ("XXI", 21),
            ("MCMXC", 1990),
        ] {
            assert_eq!(roman_value(numeral), Some(value), "{numeral}");
        }
        for numeral in ["IIX", "IIII", "VV", "", "IC"] {
            assert_eq!(roman_value(numeral), None, "{numeral}");
        }
    }
}
