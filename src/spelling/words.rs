//! Finds the words of prose in a Markdown piece, as byte ranges of the source: text only, so
//! code, URLs, link destinations, raw HTML, front matter and numbers are never checked.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

use crate::render::{parser_options, split_front_matter};

/// Byte ranges, in `markdown`, of the words a spell checker should look at, in source order.
/// A hyphenated word (`peut-être`, `a-t-il`) is one range; an elided one (`l’année`) too.
pub(crate) fn prose_words(markdown: &str) -> Vec<Range<usize>> {
    let (_, body) = split_front_matter(markdown);
    // The body is a suffix of the source: its offsets shift by what the front matter took.
    let base = markdown.len() - body.len();
    let mut words = Vec::new();
    for run in prose_runs(body) {
        let run = base + run.start..base + run.end;
        words_in_run(markdown, run, &mut words);
    }
    words
}

/// The spans of plain text the parser found, outside code blocks and autolinks. Text events
/// that touch are merged, so a word the parser split (at a `[` or `!` that opened nothing)
/// stays whole. A text whose source differs from its value (an entity, an escape) is left out:
/// its offsets could not point at the word.
fn prose_runs(body: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut in_code_block = 0usize;
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block += 1,
            Event::End(TagEnd::CodeBlock) => in_code_block = in_code_block.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => links.push(is_bare_address(link_type)),
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            Event::Text(text) => {
                let skipped = in_code_block > 0 || links.iter().any(|bare| *bare);
                if !skipped && body.get(range.clone()) == Some(text.as_ref()) {
                    push_run(&mut runs, range);
                }
            }
            _ => {}
        }
    }
    runs
}

/// `<https://…>` and `<name@example.org>`: the link text is the address itself.
fn is_bare_address(link_type: LinkType) -> bool {
    matches!(link_type, LinkType::Autolink | LinkType::Email)
}

fn push_run(runs: &mut Vec<Range<usize>>, range: Range<usize>) {
    match runs.last_mut() {
        Some(last) if last.end == range.start => last.end = range.end,
        _ => runs.push(range),
    }
}

/// Appends the words of `source[run]` to `out`, leaving out URLs, e-mail addresses, numbers
/// and identifiers.
fn words_in_run(source: &str, run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let text = &source[run.clone()];
    let mut offset = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        if !looks_like_address(chunk) {
            for word in chunk_words(chunk) {
                let word = run.start + offset + word.start..run.start + offset + word.end;
                if is_prose_word(&source[word.clone()]) {
                    out.push(word);
                }
            }
        }
        offset += chunk.len();
    }
}

/// A bare URL or e-mail address typed in the text (the parser only links `<…>` forms).
fn looks_like_address(chunk: &str) -> bool {
    let chunk = chunk.trim_start_matches(['(', '[', '«', '"', '\u{a0}', '\u{202f}']);
    chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@')
}

/// The words of one whitespace-delimited chunk by Unicode word boundaries (UAX #29), which
/// keep `l’année` and `aujourd'hui` whole; hyphenated parts are joined back into one word.
fn chunk_words(chunk: &str) -> Vec<Range<usize>> {
    // UAX #29 counts the narrow no-break space (U+202F, before `;:!?»` in French) as a word
    // joiner, which would glue it to the word; the thin space is a plain separator of the same
    // UTF-8 length, so offsets stay true.
    let normalised;
    let chunk = if chunk.contains('\u{202f}') {
        normalised = chunk.replace('\u{202f}', "\u{2009}");
        normalised.as_str()
    } else {
        chunk
    };
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut hyphen_after_last = false;
    for (start, segment) in chunk.split_word_bound_indices() {
        let end = start + segment.len();
        if segment.chars().any(char::is_alphanumeric) {
            match words.last_mut() {
                Some(last) if hyphen_after_last && last.end + 1 == start => last.end = end,
                _ => words.push(start..end),
            }
            hyphen_after_last = false;
        } else {
            hyphen_after_last = segment == "-" && words.last().is_some_and(|w| w.end == start);
        }
    }
    words
}

/// Numbers (`1er`, `2026`, `3,5`: anything with a digit), identifiers (`snake_case`, `fichier.txt`)
/// and acronyms in capitals (`ONU`, `CNRS`) are not words of the dictionary's kind.
fn is_prose_word(word: &str) -> bool {
    let has_letter = word.chars().any(char::is_alphabetic);
    let has_digit = word.chars().any(|c| c.is_numeric());
    let identifier = word.contains(['_', '.', '/']);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && word.chars().all(|c| !c.is_lowercase());
    has_letter && !has_digit && !identifier && !acronym
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(markdown: &str) -> Vec<&str> {
        prose_words(markdown)
            .into_iter()
            .map(|range| &markdown[range])
            .collect()
    }

    #[test]
    fn elisions_and_hyphens_stay_whole() {
        assert_eq!(
            words("L’année où qu'il vint, aujourd’hui peut-être."),
            ["L’année", "où", "qu'il", "vint", "aujourd’hui", "peut-être"]
        );
    }

    #[test]
    fn narrow_no_break_spaces_and_guillemets_are_not_part_of_words() {
        assert_eq!(
            words("«\u{202f}Vraiment\u{202f}?\u{202f}» dit-il\u{a0}: «\u{a0}oui\u{a0}»."),
            ["Vraiment", "dit-il", "oui"]
        );
    }

    #[test]
    fn code_urls_html_and_front_matter_are_skipped() {
        let source = "---\ntitle: Brouillonn\n---\nUn `codde` et <span class=\"x\">mot</span> \
                      [lien](https://exemple.fr/pagge) <https://autre.fr/chemin> voir \
                      www.site.fr/xyz ou nom@site.fr.\n\n```\nfonction_inconnue()\nzorglub\n```\n";
        assert_eq!(words(source), ["Un", "et", "mot", "lien", "voir", "ou"]);
    }

    #[test]
    fn numbers_acronyms_and_dashes_are_skipped() {
        assert_eq!(
            words("Le 1er mai 2026, l’ONU — et le XXIe siècle — a-t-il 3,5 %"),
            ["Le", "mai", "l’ONU", "et", "le", "XXIe", "siècle", "a-t-il"]
        );
    }

    #[test]
    fn emphasis_and_escapes_do_not_break_offsets() {
        let source = "Un *mot* et **deux** \\*étoiles\\* &amp; fin";
        assert_eq!(words(source), ["Un", "mot", "et", "deux", "étoiles", "fin"]);
    }
}
