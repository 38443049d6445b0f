//! Soft hyphens (U+00AD) in rendered HTML, so that justified text breaks words the same way in
//! the preview (WebKitGTK) and in every reader's browser: `hyphens: auto` depends on each
//! browser's own dictionaries (WebKitGTK needs libhyphen's `hyphen-fr`, Debian's Chromium has
//! no French at all), soft hyphens do not. Patterns: TeX's, through the `hypher` crate (the
//! ones Typst uses). Only prose is touched: never code, preformatted text, tag attributes,
//! entities, URLs, e-mail addresses or numbers. Counts are taken before, on the source.

use hypher::{hyphenate_bounded, Lang as Patterns};

use super::Lang;

/// The soft hyphen.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// French typographic usage: at least two letters before a break and three after it.
const MIN_BEFORE: usize = 2;
const MIN_AFTER: usize = 3;
/// Shorter words are never broken.
const MIN_WORD: usize = MIN_BEFORE + MIN_AFTER + 1;

/// Elements whose text is not prose.
const VERBATIM: [&str; 7] = ["code", "pre", "kbd", "samp", "script", "style", "math"];

/// `html` with soft hyphens at the break points of `lang` in every word of prose text.
pub fn hyphenate_html(html: &str, lang: Lang) -> String {
    let patterns = match lang {
        Lang::Fr => Patterns::French,
        Lang::En => Patterns::English,
    };
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut verbatim_depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                let tag = &rest[..end];
                match tag_name(tag) {
                    Some((name, closing)) if VERBATIM.contains(&name.as_str()) => {
                        if closing {
                            verbatim_depth = verbatim_depth.saturating_sub(1);
                        } else if !tag.ends_with("/>") {
                            verbatim_depth += 1;
                        }
                    }
                    _ => {}
                }
                out.push_str(tag);
                rest = &rest[end..];
            }
            found => {
                let end = found.unwrap_or(rest.len());
                if verbatim_depth == 0 {
                    hyphenate_text(&rest[..end], patterns, &mut out);
                } else {
                    out.push_str(&rest[..end]);
                }
                rest = &rest[end..];
            }
        }
    }
    out
}

/// The lower-case name of a tag (`<em class="x">` → `em`) and whether it closes.
fn tag_name(tag: &str) -> Option<(String, bool)> {
    let inner = tag.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (!name.is_empty()).then_some((name, closing))
}

/// Text between tags: each whitespace-separated token that is a word (letters, with
/// apostrophes or hyphens inside) gets its break points; anything else is copied as it is.
fn hyphenate_text(text: &str, patterns: Patterns, out: &mut String) {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            hyphenate_token(&text[start..i], patterns, out);
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    hyphenate_token(&text[start..], patterns, out);
}

fn hyphenate_token(token: &str, patterns: Patterns, out: &mut String) {
    let core_start = token
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i);
    let Some(core_start) = core_start else {
        out.push_str(token);
        return;
    };
    let core_end = token
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(token.len(), |(i, c)| i + c.len_utf8());
    let (lead, core, trail) = (
        &token[..core_start],
        &token[core_start..core_end],
        &token[core_end..],
    );
    // A URL, an address, a number, an entity or a word already hyphenated by hand is left
    // whole: only letters, apostrophes and hyphens may sit inside a word.
    let is_word = core.chars().all(|c| c.is_alphabetic() || is_joiner(c));
    let url_like = lead.contains(['/', '@', '&', '#']) || trail.contains(['/', '@', ';']);
    if !is_word || url_like {
        out.push_str(token);
        return;
    }
    out.push_str(lead);
    let mut part_start = 0;
    for (i, c) in core.char_indices() {
        if is_joiner(c) {
            hyphenate_word(&core[part_start..i], patterns, out);
            out.push(c);
            part_start = i + c.len_utf8();
        }
    }
    hyphenate_word(&core[part_start..], patterns, out);
    out.push_str(trail);
}

/// Characters that join words inside a token: apostrophes and hyphens (a break after a
/// hyphen is the browser's already).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

fn hyphenate_word(word: &str, patterns: Patterns, out: &mut String) {
    if word.chars().count() < MIN_WORD {
        out.push_str(word);
        return;
    }
    let mut first = true;
    for syllable in hyphenate_bounded(word, patterns, MIN_BEFORE, MIN_AFTER) {
        if !first {
            out.push(SOFT_HYPHEN);
        }
        out.push_str(syllable);
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::{hyphenate_html, SOFT_HYPHEN};
    use crate::render::Lang;

    fn shown(html: &str) -> String {
        hyphenate_html(html, Lang::Fr).replace(SOFT_HYPHEN, "|")
    }

    #[test]
    fn french_words_get_break_points_with_two_letters_before_and_three_after() {
        assert_eq!(
            shown("<p>La responsabilité gouvernementale</p>"),
            "<p>La res|pon|sa|bi|lité gou|ver|ne|men|tale</p>"
        );
        // Elided articles and punctuation stay outside the word.
        assert_eq!(
            shown("<p>l’administration.</p>"),
            "<p>l’ad|mi|nis|tra|tion.</p>"
        );
    }

    #[test]
    fn code_urls_numbers_attributes_and_entities_are_never_hyphenated() {
        let html = "<p><a href=\"https://exemple.fr/administration\">https://exemple.fr/administration</a> \
                    <code>administration</code> redaction@exemple.fr 200\u{202f}000 &amp;administration;</p>\
                    <pre><code>administration\nresponsabilité</code></pre>";
        assert_eq!(hyphenate_html(html, Lang::Fr), html);
    }

    #[test]
    fn text_after_code_is_hyphenated_again() {
        assert_eq!(
            shown("<p><code>x</code> administration</p>"),
            "<p><code>x</code> ad|mi|nis|tra|tion</p>"
        );
    }

    #[test]
    fn english_uses_english_patterns() {
        assert_eq!(
            hyphenate_html("<p>responsibility</p>", Lang::En).replace(SOFT_HYPHEN, "|"),
            "<p>re|spon|si|bil|ity</p>"
        );
    }
}
