//! The rendering pipeline: Markdown → safe HTML fragment with micro-typography, source lines
//! and counts. One pipeline serves the preview, the exports and the CLI.
//!
//! Design: pulldown-cmark parses, [`pipeline`] adapts the event stream in one pass, and
//! `writer` writes the HTML (byte for byte pulldown-cmark's `push_html`). Safety works on
//! events (URL checks on links and images, ammonia on raw HTML only), so the common path
//! never pays for an HTML sanitizer over the whole output. The scans over every visible
//! byte (counts, typography's triggers, escaping) use 16-byte SIMD screens (`simd`).

mod counts;
mod escape;
pub(crate) use escape::escape_body_text;
mod front_matter;
mod hyphenate;
mod image;
mod lang;
mod nesting;
mod options;
mod pipeline;
mod sanitize;
mod simd;
mod source_map;
mod typography;
mod wrappers;
mod writer;

#[cfg(test)]
mod conformance;

use pulldown_cmark::Parser;
use serde::Serialize;

pub use counts::{count_text, Counts, SIGNS_PER_FEUILLET, WORDS_PER_MINUTE};
pub use front_matter::{split_front_matter, FrontMatter, FrontMatterFormat};
pub use hyphenate::{hyphenate_html, SOFT_HYPHEN};
pub use image::{
    app_image_url, credit_label, image_reference_id, AppImage, AppImages, ImageCandidate,
    ImageDescription, APP_IMAGE_URL_PREFIX, IMAGE_REFERENCE_PREFIX,
};
pub use lang::{Lang, UnknownLang};
pub use nesting::{cap_nesting, MAX_NESTING};
pub use options::{
    is_relative_path, parser_options, AssetResolver, LinkKind, Links, RenderOptions, UnderFolder,
};
pub use typography::typography_text;

use pipeline::Pipeline;
use source_map::LineIndex;
use typography::Typographer;

/// A rendered piece: the HTML fragment and the counts of its visible text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    /// Safe HTML fragment.
    pub html: String,
    /// Length of the visible text (after typography).
    pub counts: Counts,
}

/// A render for the live preview, with the ends of its top-level blocks so that the
/// preview can be updated block by block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockRender {
    /// The whole render.
    pub rendered: Rendered,
    /// Byte offset in `rendered.html` where each top-level block ends (the last one is the
    /// length of the HTML); empty for an empty document.
    pub block_ends: Vec<usize>,
}

/// A rendered document whose front matter, if any, was split off.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedDocument {
    /// The front matter, unrendered.
    pub front_matter: Option<FrontMatter>,
    /// The language the body was rendered in.
    pub lang: Lang,
    /// The rendered body; its `data-line`s count from the top of the whole document.
    pub rendered: Rendered,
}

/// Renders Markdown to a safe HTML fragment with its counts.
pub fn render(markdown: &str, options: &RenderOptions) -> Rendered {
    render_with(markdown, options, true, 0)
}

/// Renders Markdown like [`render`] and also tells where each top-level block ends.
pub fn render_blocks(markdown: &str, options: &RenderOptions) -> BlockRender {
    let extras = Extras {
        block_ends: true,
        ..Extras::default()
    };
    render_pass(markdown, options, true, 0, extras)
}

/// Renders Markdown to a safe HTML fragment without counting it: [`render`] for callers
/// that only publish the HTML (the exports), a tenth faster.
pub fn render_fragment(markdown: &str, options: &RenderOptions) -> String {
    let extras = Extras {
        counts: false,
        ..Extras::default()
    };
    render_pass(markdown, options, true, 0, extras)
        .rendered
        .html
}

/// Renders a whole file: the front matter is split off and not rendered. The language is
/// `forced_lang` when given (a `--lang` flag), else the front matter's `lang`, else
/// `options.lang`.
pub fn render_document(
    source: &str,
    options: &RenderOptions,
    forced_lang: Option<Lang>,
) -> RenderedDocument {
    let (front_matter, body) = split_front_matter(source);
    let lang = forced_lang
        .or_else(|| front_matter.as_ref().and_then(FrontMatter::lang))
        .unwrap_or(options.lang);
    let offset = front_matter.as_ref().map_or(0, |front| front.lines);
    let options = RenderOptions {
        lang,
        ..options.clone()
    };
    RenderedDocument {
        front_matter,
        lang,
        rendered: render_with(body, &options, true, offset),
    }
}

/// Renders Markdown to an HTML fragment with the default options (French typography, safe).
pub fn render_html(markdown: &str) -> String {
    render_fragment(markdown, &RenderOptions::default())
}

/// The pipeline. `safe` is false only in the CommonMark conformance test, which is compiled
/// in test builds only: no caller outside this module can turn safety off.
fn render_with(
    markdown: &str,
    options: &RenderOptions,
    safe: bool,
    line_offset: usize,
) -> Rendered {
    render_pass(markdown, options, safe, line_offset, Extras::default()).rendered
}

/// What a render computes besides the HTML.
#[derive(Debug, Clone, Copy)]
struct Extras {
    /// The counts (else they are all zero).
    counts: bool,
    /// Where each top-level block ends.
    block_ends: bool,
}

impl Default for Extras {
    fn default() -> Self {
        Self {
            counts: true,
            block_ends: false,
        }
    }
}

fn render_pass(
    markdown: &str,
    options: &RenderOptions,
    safe: bool,
    line_offset: usize,
    extras: Extras,
) -> BlockRender {
    let markdown = crate::text::without_bom(markdown);
    let events = Parser::new_ext(markdown, parser_options()).into_offset_iter();
    let typography = options.typography.then(|| Typographer::new(options.lang));
    let lines = options
        .source_map
        .then(|| LineIndex::new(markdown, line_offset));
    let mut pipeline = Pipeline::new(
        markdown.len(),
        typography,
        safe,
        lines,
        options.links.clone(),
        options.publish,
    )
    .in_lang(options.lang);
    if extras.block_ends {
        pipeline = pipeline.with_block_ends();
    }
    if !extras.counts {
        pipeline = pipeline.without_counts();
    }
    let (html, counter, block_ends) = pipeline.run(events);
    BlockRender {
        rendered: Rendered {
            html,
            counts: counter.finish(),
        },
        block_ends,
    }
}

#[cfg(test)]
mod tests {
    use super::{render, render_html, RenderOptions};

    fn plain() -> RenderOptions {
        RenderOptions {
            typography: false,
            ..RenderOptions::default()
        }
    }

    #[test]
    fn heading_renders() {
        assert_eq!(render_html("# Titre"), "<h1>Titre</h1>\n");
    }

    #[test]
    fn bold_renders_as_strong() {
        assert_eq!(render_html("**gras**"), "<p><strong>gras</strong></p>\n");
    }

    #[test]
    fn raw_script_never_reaches_the_output() {
        let html = render(
            "<script>alert(1)</script>\n\nok <img src=x onerror=alert(1)>",
            &plain(),
        )
        .html;
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<img src=\"x\">"), "{html}");
    }

    #[test]
    fn gfm_extensions_are_on() {
        let html = render_html("| a |\n|---|\n| b |\n\n~~x~~\n\n- [x] fait");
        assert!(
            html.contains("<table>") && html.contains("<del>x</del>"),
            "{html}"
        );
        assert!(html.contains("checkbox"), "{html}");
    }
}
