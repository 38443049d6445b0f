//! Property tests over the pipeline: on any input mixing Markdown, raw HTML and hostile
//! fragments, rendering never panics and the output stays safe; on prose whose straight
//! quotes are paired, the quotation marks come out paired (every « has its », every “ its
//! ”), whatever the spacing, emphasis, numbers, URLs, apostrophes and line breaks inside.

use edito::render::{
    count_text, render, render_blocks, render_fragment, typography_text, Lang, RenderOptions,
};
use proptest::prelude::*;

/// Hostile atoms generated documents are made of (the fuzz module reuses them).
pub(crate) const PIECES: &[&str] = &[
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:x\">",
    "</a>",
    "<svg onload=x>",
    "<abbr title=\"t\">",
    "</abbr>",
    "<sup>",
    "</sup>",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "<iframe srcdoc=x>",
    "[l](javascript:x)",
    "[l](",
    ")",
    "![i](data:x)",
    "<javascript:x>",
    "&#106;",
    "&amp;",
    "java\tscript:",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "    ",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "| a |\n|---|\n",
    "[^1]",
    "[^1]: n\n",
    "\"",
    "'",
    "«",
    "»",
    " : ",
    " ?",
    "!",
    "...",
    "--",
    " - ",
    "1964-2009",
    "10 000",
    "50 %",
    "http://x.fr/a--b",
    "www.x.fr",
    "é",
    "e\u{301}",
    "👩‍👩‍👧",
    "\u{a0}",
    "\u{202f}",
    "\r\n",
    "\t",
    "\\",
    "<",
    ">",
    "&",
    "[",
    "]",
    "(",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Zé ]{0,12}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or(""))
}

/// The values of URL attributes in a tag (`href`, `src`); a scheme is only a scheme at the
/// start of one (`a/b<javascript:x>` is a relative path).
fn url_values(tag: &str) -> Vec<&str> {
    ["href=\"", "src=\""]
        .iter()
        .flat_map(|attr| {
            tag.match_indices(attr)
                .map(move |(i, _)| &tag[i + attr.len()..])
        })
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect()
}

fn assert_safe(html: &str) {
    let lower = html.to_lowercase();
    for element in [
        "<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed", "<base",
    ] {
        assert!(!lower.contains(element), "{element} in {html:?}");
    }
    for tag in tags(&lower) {
        let name_and_attrs: String = {
            // Drop quoted values: their content is escaped text.
            let mut out = String::new();
            let mut quote = None;
            for c in tag.chars() {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), _) if c == q => quote = None,
                    (None, _) => out.push(c),
                    _ => {}
                }
            }
            out
        };
        assert!(
            !name_and_attrs
                .split(|c: char| c.is_whitespace() || c == '/')
                .skip(1)
                .any(|attr| attr.starts_with("on")),
            "event handler in {tag:?} of {html:?}"
        );
        for value in url_values(tag) {
            let value = value.trim_start_matches(|c: char| c <= ' ');
            for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                assert!(
                    !value.starts_with(scheme),
                    "{scheme} in {tag:?} of {html:?}"
                );
            }
        }
    }
}

/// Words a quotation may hold: each starts and ends with a letter, a digit or markup, so
/// the quotes around them are typed as a writer types them.
const QUOTED_WORDS: &[&str] = &[
    "mot",
    "Bonjour",
    "l'été",
    "aujourd'hui",
    "1990",
    "27",
    "10 km",
    "1er",
    "XIXe",
    "*gras*",
    "**fort**",
    "`code`",
    "https://exemple.fr/a",
    "www.exemple.fr",
    "M. Dupont",
    "n° 5",
    "2x3",
    "[lien](https://exemple.fr)",
    "vraiment ?",
    "oui !",
    "note :",
    "(c)",
];

/// Punctuation a writer puts between quotations.
const BETWEEN: &[&str] = &[
    " ", " ", " ", "
", ", ", ". ", " : ", " ; ", " ? ", " — ", " - ",
];

/// A run of quoted words, with the quotes wrapped around as writers type them.
fn quoted_prose() -> impl Strategy<Value = String> {
    let word = prop::sample::select(QUOTED_WORDS).prop_map(str::to_owned);
    let words = prop::collection::vec(word, 1..4).prop_map(|w| w.join(" "));
    words.prop_recursive(2, 24, 4, |inner| {
        prop_oneof![
            inner.clone(),
            (inner.clone(), 0..9usize).prop_map(|(text, style)| match style {
                0 => format!("\"{text}\""),
                1 => format!("\" {text} \""),
                2 => format!("\"{text}\","),
                3 => format!("\"{text}\"."),
                4 => format!("l'\"{text}\""),
                5 => format!("(\"{text}\")"),
                6 => format!("« {text} »"),
                7 => format!("'{text}'"),
                _ => format!("\"{text}\n\""),
            }),
            (
                prop::collection::vec(inner, 2..4),
                prop::sample::select(BETWEEN)
            )
                .prop_map(|(parts, between)| parts.join(between)),
        ]
    })
}

/// Checks that `open`/`close` marks nest properly in each paragraph of `html`.
fn assert_paired(html: &str, open: char, close: char) -> Result<(), TestCaseError> {
    for paragraph in html.split("</p>") {
        let mut depth = 0i32;
        for c in paragraph.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                prop_assert!(depth >= 0, "{} before its {}: {}", close, open, html);
            }
        }
        prop_assert_eq!(depth, 0, "unclosed {}: {}", open, html);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Issue #12: one misread quote used to flip every later quote of the paragraph.
    #[test]
    fn quotes_come_out_paired(paragraphs in prop::collection::vec(quoted_prose(), 1..4)) {
        let markdown = paragraphs.join("\n\n");
        let fr = render(&markdown, &RenderOptions::default()).html;
        assert_paired(&fr, '«', '»')?;
        assert_paired(&fr, '“', '”')?;
        let en = RenderOptions { lang: Lang::En, ..RenderOptions::default() };
        let en = render(&markdown.replace(['«', '»'], "\""), &en).html;
        assert_paired(&en, '“', '”')?;
    }

    #[test]
    fn pipeline_never_panics_and_stays_safe(markdown in document(), en in any::<bool>(), map in any::<bool>()) {
        let options = RenderOptions {
            lang: if en { Lang::En } else { Lang::Fr },
            typography: true,
            source_map: map,
            ..RenderOptions::default()
        };
        let rendered = render(&markdown, &options);
        assert_safe(&rendered.html);
        prop_assert!(rendered.counts.signs_no_spaces <= rendered.counts.signs);
        // The exports' render without counts, and the preview's with block ends, write
        // the same HTML.
        prop_assert_eq!(&render_fragment(&markdown, &options), &rendered.html);
        let blocks = render_blocks(&markdown, &options);
        prop_assert_eq!(&blocks.rendered, &rendered);
        prop_assert!(blocks.block_ends.windows(2).all(|w| w[0] <= w[1]));
        prop_assert_eq!(blocks.block_ends.last().copied().unwrap_or(0), rendered.html.len());
    }

    #[test]
    fn plain_field_helpers_never_panic(text in document()) {
        let fr = typography_text(&text, Lang::Fr);
        let en = typography_text(&text, Lang::En);
        // Only a byte-order mark may vanish whole (it is never text).
        let text_shown = edito::text::without_bom(&text);
        prop_assert!(!fr.is_empty() || text_shown.is_empty());
        prop_assert!(!en.is_empty() || text_shown.is_empty());
        let counts = count_text(&text);
        prop_assert!(counts.words <= counts.signs);
    }
}
