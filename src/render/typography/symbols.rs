//! Rules both languages share with typography fixers: `(c)`, `(r)`, `(tm)` as ©, ®, ™, and
//! the comma set close to the word before it with a space after it (Lexique, "Virgule";
//! Chicago Manual of Style 6.2: no space before a comma).

use super::scan::Scan;

/// The signs typed as letters in parentheses, any case.
const SIGNS: &[(&str, &str)] = &[("(c)", "©"), ("(r)", "®"), ("(tm)", "™")];

/// At `(`: `(c)` → ©, `(r)` → ®, `(tm)` → ™. A `(c)` in an enumeration that already had a
/// `(b)` is the third item, not a copyright.
pub(super) fn symbol(scan: &mut Scan<'_, '_>) {
    let rest = scan.rest();
    let found = SIGNS.iter().find(|(typed, _)| {
        rest.get(..typed.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(typed))
    });
    match found {
        Some(&(typed, _)) if typed == "(c)" && scan.written().contains("(b)") => scan.copy_char(),
        Some(&(typed, sign)) => scan.replace(typed.len(), sign),
        None => scan.copy_char(),
    }
}

/// At `,`: spaces typed before it go (`mot , mot` → `mot, mot`), and a letter right after
/// it gets its space (`mot,mot` → `mot, mot`). A comma between digits is a decimal comma
/// (`3,14`) and stays as typed.
pub(super) fn comma(scan: &mut Scan<'_, '_>) {
    scan.trim_spaces_end();
    let after_letter = scan.prev_char().is_some_and(char::is_alphabetic);
    scan.copy_char();
    let before_letter = scan.rest().chars().next().is_some_and(char::is_alphabetic);
    if after_letter && before_letter {
        scan.push(' ');
    }
}
