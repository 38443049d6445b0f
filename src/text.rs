//! Rules on words shared by the library, search, import and export: accent folding (how two
//! spellings are told to be the same word) and slugs (the ASCII name of a piece or a term in
//! URLs and file names). One rule each, so a tag, a status, a slug and the window's quick
//! filters never disagree on what "Écologie" and "ecologie" are.

/// Longest slug kept: long enough to read, short enough for any file system.
pub const SLUG_MAX_LEN: usize = 80;

/// Slug of a text with no letter or digit at all.
pub const SLUG_FALLBACK: &str = "sans-titre";

/// `text` without a leading byte-order mark (U+FEFF). Editors on Windows write one at the
/// start of UTF-8 files; it is invisible, yet Markdown sees it as the first character (BOM +
/// `# Titre` is no heading), counts count it and it would be stored and exported again. Every
/// place text enters Edito (render, the library's create and save, import, the CLI's files
/// and standard input) drops it with this one rule; a U+FEFF further in is left as written.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The folded form of `text`, for matching: accents and ligatures transliterated to ASCII
/// (`é` → `e`, `œ` → `oe`, `ß` → `ss`), typographic punctuation to its ASCII spelling
/// (`’` → `'`, `«` → `<<`, no-break spaces → spaces), then lower case. The window mirrors this
/// in `ui/src/text/fold.ts`; `tests/fixtures/fold.json` holds the table both are checked
/// against.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// ASCII slug of `text`, or `None` when it has no letter or digit: accents folded (see
/// [`fold`]), lower case, every other run of characters turned into one `-`, at most
/// [`SLUG_MAX_LEN`] characters cut at a word boundary. Only `[a-z0-9-]` comes out, so a slug
/// can never climb out of a folder (`../`, `/`, `\`).
pub fn slug_of(text: &str) -> Option<String> {
    let folded = fold(text);
    let mut slug = String::with_capacity(folded.len().min(SLUG_MAX_LEN + 1));
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() > SLUG_MAX_LEN {
            break;
        }
    }
    if slug.len() > SLUG_MAX_LEN {
        let cut = slug[..SLUG_MAX_LEN]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(SLUG_MAX_LEN);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-');
    (!slug.is_empty()).then(|| slug.to_owned())
}

/// [`slug_of`] `text`, or `sans-titre` when it has no letter or digit.
pub fn slugify(text: &str) -> String {
    slug_of(text).unwrap_or_else(|| SLUG_FALLBACK.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_keep_only_ascii() {
        assert_eq!(slugify("Été 2002 : l'œuvre !"), "ete-2002-l-oeuvre");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("«  »"), SLUG_FALLBACK);
        assert_eq!(slug_of("!!!"), None);
    }

    #[test]
    fn long_slugs_are_cut_at_a_word_boundary() {
        let slug = slugify(&"mot ".repeat(40));
        assert!(slug.len() <= SLUG_MAX_LEN, "{slug}");
        assert!(slug.ends_with("mot"), "{slug}");
        let one_word = slugify(&"a".repeat(100));
        assert_eq!(one_word.len(), SLUG_MAX_LEN);
    }

    /// What the window's mirror (`ui/src/text/fold.ts`) is checked against: French and other
    /// Latin-script spellings, ligatures, and the typographic punctuation of a French text.
    const FOLD_INPUTS: &[&str] = &[
        "Écologie",
        "ÉCOLE",
        "élève",
        "À bientôt",
        "Ça va",
        "garçon",
        "façade",
        "œuvre",
        "ŒUVRE",
        "cœur",
        "Lætitia",
        "ÆSOP",
        "naïve",
        "Noël",
        "maïs",
        "île",
        "hôtel",
        "où",
        "août",
        "L'HAŸ-LES-ROSES",
        "l\u{2019}été",
        "\u{ab}\u{a0}guillemets\u{a0}\u{bb}",
        "deux\u{202f}: points",
        "tiret \u{2013} demi",
        "tiret \u{2014} cadratin",
        "suspension\u{2026}",
        "\u{201c}anglais\u{201d} \u{2018}simple\u{2019}",
        "Straße",
        "København",
        "Łódź",
        "Ñúñez",
        "São Paulo",
        "Škoda",
        "Dvořák",
        "Ærø",
        "Ångström",
        "Þórr",
        "Đakovo",
        "Ðe",
        "ĳsselmeer",
        "ıi",
        "1\u{a0}000\u{a0}€",
        "Relation Client",
        "centres d\u{2019}appels",
        "Qualité",
        "sans accent",
    ];

    fn fold_table() -> String {
        let rows: Vec<(&str, String)> = FOLD_INPUTS.iter().map(|&s| (s, fold(s))).collect();
        let mut json = serde_json::to_string_pretty(&rows).unwrap_or_default();
        json.push('\n');
        json
    }

    /// The window folds as the core does: the table of inputs and folded outputs is written
    /// from this rule and checked in; `ui/src/text/fold.test.ts` checks the mirror against
    /// it. Run with `EDITO_WRITE_FIXTURES=1` to rewrite it after changing the rule.
    #[test]
    fn fold_fixture_for_the_window_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fold.json");
        let table = fold_table();
        if std::env::var_os("EDITO_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &table).expect("write the fixture");
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == table,
            "tests/fixtures/fold.json is stale: run `EDITO_WRITE_FIXTURES=1 cargo test -p edito --lib text` and commit it"
        );
    }

    #[test]
    fn folding_ignores_accents_case_and_ligatures() {
        assert_eq!(fold("Écologie"), fold("ecologie"));
        assert_eq!(fold("ŒUVRE"), "oeuvre");
        assert_eq!(fold("Straße"), "strasse");
    }
}
