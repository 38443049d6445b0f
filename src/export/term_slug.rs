//! File names of tag and category pages: the slug rule, plus a short fingerprint when the
//! name holds punctuation the slug drops, so `C++`, `C#` and `C` get three pages with stable,
//! distinct names while `Relation client` and `relation Client` still share one.

use crate::text::{fold, slug_of};

/// The file-name stem of the page listing the term `name` (already trimmed), `None` when
/// `name` is empty. It is the slug of `name` when only letters, digits, spaces, hyphens,
/// underscores and apostrophes make it up (which the slug keeps or turns into `-`); else the
/// slug followed by `-` and 8 hex digits of FNV-1a (32 bits) over the folded name, which
/// depends on the name alone, so the page keeps its address from one export to the next.
pub(super) fn term_slug(name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    let folded = fold(name);
    let plain = folded
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || is_separator(c));
    let slug = slug_of(name);
    if plain {
        return slug;
    }
    let key = separators_as_one_space(&folded);
    let print = format!("{:08x}", fnv1a(key.as_bytes()));
    Some(match slug {
        Some(slug) => format!("{slug}-{print}"),
        None => print,
    })
}

/// What a slug writes as `-` and two spellings may differ by without being two terms.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '\'')
}

/// `c++  lang` and `c++-lang` are one term: runs of separators count as one space.
fn separators_as_one_space(folded: &str) -> String {
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(is_separator).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// FNV-1a, 32 bits (Fowler, Noll, Vo): a fixed, documented hash, unlike std's, whose output
/// may change between Rust releases and would rename pages.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::{fnv1a, term_slug};

    /// FNV-1a's published test vectors: the file names depend on this exact function.
    #[test]
    fn fingerprint_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn plain_names_keep_their_slug() {
        assert_eq!(
            term_slug("Relation client").as_deref(),
            Some("relation-client")
        );
        assert_eq!(
            term_slug("Centres d'appels").as_deref(),
            Some("centres-d-appels")
        );
        assert_eq!(term_slug("Qualité").as_deref(), Some("qualite"));
        assert_eq!(term_slug(""), None);
    }
}
