//! French rules (Lexique des règles typographiques en usage à l'Imprimerie nationale):
//! guillemets with no-break spaces and “ ” inside them, a no-break space before `:` and a
//! narrow one before `; ! ?`, the typographic apostrophe; numbers, ordinals and
//! abbreviations are in `numbers.rs` and `lexique.rs`.

use super::scan::{is_alphanumeric, stops, Scan};
use super::{lexique, opens_after, Role, Typographer, NBSP, NNBSP};

/// Bytes that may start a French rule (and those the HTML escapes); every other byte is
/// copied in bulk. `I V X` start Roman ordinals (`XIXe`), `M` the titles (`Mme`), `\xc2`
/// the guillemets and `°` (`n°`).
pub(super) static TRIGGERS: [bool; 256] = stops(b"'\".-:;!?,(0123456789IMVX\xc2");

/// Applies the French rule for the trigger `byte` at the scan position.
#[inline]
pub(super) fn handle(ty: &mut Typographer, scan: &mut Scan<'_, '_>, byte: u8) {
    match byte {
        b'"' => quote(ty, scan),
        b'\'' => single_quote(ty, scan),
        b':' if !scan.rest().starts_with("://") => high_punct(scan, NBSP),
        b';' | b'!' | b'?' => high_punct(scan, NNBSP),
        b'.' if lexique::abbreviation_dot(scan) => {}
        b'I' | b'V' | b'X' => lexique::roman_ordinal(scan),
        b'M' => lexique::title(scan),
        0xc2 => guillemet_or_degree(ty, scan),
        _ => {
            if !ty.shared(scan, byte, ("—", "–")) {
                scan.copy_char();
            }
        }
    }
}

/// `"` becomes `« ` or ` »` (no-break spaces inside); a quote inside a quote is `“ ”`;
/// after a number with no quote open, `″` (inches, seconds).
fn quote(ty: &mut Typographer, scan: &mut Scan<'_, '_>) {
    match ty.quote_role(scan) {
        Role::Mark => scan.replace(1, "″"),
        Role::Open => {
            let depth = ty.push_quote(false);
            open_mark(scan, depth);
        }
        Role::Close => {
            let depth = ty.pop_quote();
            close_mark(scan, depth);
        }
    }
}

/// Writes the opening mark of a quote at `depth` in place of the current byte.
fn open_mark(scan: &mut Scan<'_, '_>, depth: u32) {
    if depth <= 1 {
        scan.replace(1, "«\u{a0}");
        scan.skip_spaces();
    } else {
        scan.replace(1, "“");
    }
}

/// Writes the closing mark of a quote that was at `depth` (0: none was open, closed as the
/// outermost: a quotation over several paragraphs closes only in its last).
fn close_mark(scan: &mut Scan<'_, '_>, depth: u32) {
    if depth <= 1 {
        scan.trim_spaces_end();
        scan.replace(1, "\u{a0}»");
    } else {
        scan.replace(1, "”");
    }
}

/// `'` is the apostrophe (`l’été`), a minute or foot mark after a number (`5′`), or a
/// quotation mark when it opens before a word and a closing one follows in the text: French
/// quotes with guillemets, and “ ” inside them, never with two apostrophes around a word.
fn single_quote(ty: &mut Typographer, scan: &mut Scan<'_, '_>) {
    let prev = scan.prev_char();
    let next = scan.next_char();
    if prev.is_some_and(|c| c.is_ascii_digit())
        && !next.is_some_and(char::is_alphabetic)
        && !ty.single_is_open()
    {
        scan.replace(1, "′");
    } else if prev.is_none_or(opens_after)
        // Before a digit it is an elision (`'80`), like English's `'90s`.
        && next.is_some_and(char::is_alphabetic)
        && has_closing_single(&scan.rest()[1..])
    {
        let depth = ty.push_quote(true);
        open_mark(scan, depth);
    } else if ty.single_is_open()
        && !prev.is_none_or(char::is_whitespace)
        && !next.is_some_and(is_alphanumeric)
    {
        let depth = ty.pop_quote();
        close_mark(scan, depth);
    } else {
        scan.replace(1, "’");
    }
}

/// Whether `rest` holds a `'` that closes a quote: after a non-space, before no letter.
fn has_closing_single(rest: &str) -> bool {
    rest.match_indices('\'').any(|(i, _)| {
        let before = rest[..i].chars().next_back();
        let after = rest[i + 1..].chars().next();
        before.is_some_and(|c| !c.is_whitespace()) && !after.is_some_and(is_alphanumeric)
    })
}

/// Typed guillemets get their inner no-break spaces fixed: `«test»` → `« test »`; `°`
/// after `n` is the numero (`n° 5`).
fn guillemet_or_degree(ty: &mut Typographer, scan: &mut Scan<'_, '_>) {
    if scan.rest().starts_with('«') {
        ty.push_quote(false);
        scan.replace('«'.len_utf8(), "«\u{a0}");
        scan.skip_spaces();
    } else if scan.rest().starts_with('»') {
        ty.pop_quote();
        scan.trim_spaces_end();
        scan.replace('»'.len_utf8(), "\u{a0}»");
    } else if !lexique::numero(scan) {
        scan.copy_char();
    }
}

/// Whether a character right after `:` makes it part of a word or an address (`a:b`,
/// `::1`, `C:/`), not punctuation.
pub(super) fn word_after_colon(c: char) -> bool {
    is_alphanumeric(c) || matches!(c, ':' | '/')
}

/// High punctuation takes a (narrow) no-break space in place of a typed space. Without a
/// typed space nothing changes, which keeps `10:30`, `::1` and `Yahoo!` intact; a letter
/// right after (`a :b`) means it is not punctuation either.
fn high_punct(scan: &mut Scan<'_, '_>, space: char) {
    // Only this text's next character: a word after an inline element (`:*gras*`) was
    // typed after a space the emphasis holds.
    let next_is_word = scan.next_in_text().is_some_and(word_after_colon);
    if !next_is_word && scan.trim_spaces_end() {
        scan.push(space);
    }
    scan.copy_char();
}
