//! The preview's block updates, checked against what matters: a window that applies every
//! update shows exactly what a full render would show.

use proptest::prelude::*;

use super::{PreviewSession, PreviewUpdate};
use crate::render::{hyphenate_html, render_blocks, Lang, RenderOptions};

fn options() -> RenderOptions {
    RenderOptions {
        source_map: true,
        ..RenderOptions::default()
    }
}

/// What a window does with an update: its blocks, as HTML strings.
#[derive(Default)]
struct Window {
    blocks: Vec<String>,
    shown: Option<u64>,
}

impl Window {
    fn apply(&mut self, update: &PreviewUpdate) {
        if update.base.is_none() {
            self.blocks.clear();
        } else {
            assert_eq!(update.base, self.shown, "an update for another render");
        }
        let tail_start = self.blocks.len() - update.keep_tail;
        let tail: Vec<String> = self.blocks[tail_start..]
            .iter()
            .map(|block| shift_lines(block, update.line_shift))
            .collect();
        self.blocks.truncate(update.keep_head);
        self.blocks.extend(update.blocks.iter().cloned());
        self.blocks.extend(tail);
        self.shown = Some(update.generation);
    }
}

fn shift_lines(block: &str, shift: i64) -> String {
    let mut parts = block.split(" data-line=\"");
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        let line: i64 = part[..digits].parse().expect("a line number");
        out.push_str(&format!(" data-line=\"{}{}", line + shift, &part[digits..]));
    }
    out
}

/// The blocks of a full render, trimmed and hyphenated as the session sends them.
fn full_blocks(markdown: &str) -> Vec<String> {
    let render = render_blocks(markdown, &options());
    let mut start = 0;
    render
        .block_ends
        .iter()
        .map(|&end| {
            let block = hyphenate_html(render.rendered.html[start..end].trim(), Lang::Fr);
            start = end;
            block
        })
        .collect()
}

/// A block without its soft hyphens, to read its words.
fn unhyphenated(block: &str) -> String {
    block.replace('\u{ad}', "")
}

fn paragraphs(n: usize) -> String {
    (1..=n)
        .map(|i| format!("Paragraphe {i} : le texte avance."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn the_first_update_replaces_everything() {
    let mut session = PreviewSession::new();
    let update = session.update(&paragraphs(3), &options(), None);
    assert_eq!(update.base, None);
    assert_eq!((update.keep_head, update.keep_tail), (0, 0));
    assert_eq!(update.blocks.len(), 3);
    assert!(unhyphenated(&update.blocks[0]).starts_with("<p data-line=\"1\">Paragraphe 1"));
    // Sent with the exported page's soft hyphens.
    assert!(update.blocks[0].starts_with("<p data-line=\"1\">Pa\u{ad}ra\u{ad}graphe 1"));
    assert_eq!(update.counts.words, 3 * 5);
}

#[test]
fn typing_in_one_paragraph_sends_that_paragraph_only() {
    let mut session = PreviewSession::new();
    let first = session.update(&paragraphs(1000), &options(), None);
    let edited = paragraphs(1000).replace("Paragraphe 500 :", "Paragraphe 500x :");
    let update = session.update(&edited, &options(), Some(first.generation));
    assert_eq!(update.base, Some(first.generation));
    assert_eq!((update.keep_head, update.keep_tail), (499, 500));
    assert_eq!(update.line_shift, 0);
    assert_eq!(update.blocks.len(), 1);
    assert!(
        unhyphenated(&update.blocks[0]).contains("Paragraphe 500x\u{a0}:"),
        "{:?}",
        update.blocks
    );
}

#[test]
fn a_new_paragraph_moves_the_lines_of_the_following_blocks() {
    let mut session = PreviewSession::new();
    let before = "Un.\n\nDeux.\n\nTrois.\n\n- quatre\n- cinq";
    let first = session.update(before, &options(), None);
    let after = "Un.\n\nDeux.\n\nInsertion.\n\nTrois.\n\n- quatre\n- cinq";
    let update = session.update(after, &options(), Some(first.generation));
    assert_eq!((update.keep_head, update.keep_tail), (2, 2));
    assert_eq!(update.line_shift, 2);
    assert_eq!(
        update.blocks,
        ["<p data-line=\"5\">In\u{ad}ser\u{ad}tion.</p>"]
    );
}

#[test]
fn a_deleted_paragraph_sends_no_block_and_moves_lines_up() {
    let mut session = PreviewSession::new();
    let first = session.update("Un.\n\nDeux.\n\nTrois.", &options(), None);
    let update = session.update("Un.\n\nTrois.", &options(), Some(first.generation));
    assert_eq!((update.keep_head, update.keep_tail), (1, 1));
    assert_eq!(update.line_shift, -2);
    assert!(update.blocks.is_empty());
}

#[test]
fn a_window_showing_another_render_gets_everything() {
    let mut session = PreviewSession::new();
    let first = session.update("Un.\n\nDeux.", &options(), None);
    let _dropped = session.update("Un.\n\nDeux !", &options(), Some(first.generation));
    let update = session.update("Un.\n\nDeux ?", &options(), Some(first.generation));
    assert_eq!(update.base, None);
    assert_eq!(update.blocks.len(), 2);
}

#[test]
fn another_language_renders_everything_again() {
    let mut session = PreviewSession::new();
    let first = session.update("« Oui » : non.", &options(), None);
    let english = RenderOptions {
        lang: Lang::En,
        ..options()
    };
    let update = session.update("« Oui » : non.", &english, Some(first.generation));
    assert_eq!(update.base, None);
    assert_eq!(update.blocks.len(), 1);
}

#[test]
fn a_link_definition_at_the_end_updates_the_paragraph_that_uses_it() {
    let mut session = PreviewSession::new();
    let mut window = Window::default();
    let before = "Voir [le site][s].\n\nMilieu.\n\n[s]: https://a.example";
    window.apply(&session.update(before, &options(), None));
    let after = before.replace("a.example", "b.example");
    window.apply(&session.update(&after, &options(), window.shown));
    assert!(
        window.blocks[0].contains("https://b.example"),
        "{:?}",
        window.blocks
    );
    assert_eq!(window.blocks, full_blocks(&after));
}

#[test]
fn an_empty_piece_has_no_blocks() {
    let mut session = PreviewSession::new();
    let first = session.update("Un.", &options(), None);
    let update = session.update("", &options(), Some(first.generation));
    assert_eq!((update.keep_head, update.keep_tail), (0, 0));
    assert!(update.blocks.is_empty());
    assert_eq!(update.counts.signs, 0);
}

/// Pieces of Markdown that interact across blocks: loose lists, quotes, code, tables, raw
/// HTML, references, rules, headings.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zé ]{1,12}[.!?:]?".prop_map(|s| s.to_string()),
        Just("- un\n- deux".to_string()),
        Just("- un\n\n- deux".to_string()),
        Just("> cité\n> encore".to_string()),
        Just("```\ncode\n\n\nsuite\n```".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_string()),
        Just("<div>brut</div>".to_string()),
        Just("[lien][r]".to_string()),
        Just("[r]: https://r.example".to_string()),
        Just("---".to_string()),
        Just("## Titre".to_string()),
        Just("1. premier\n2. second".to_string()),
        Just("\"ouvert".to_string()),
    ]
}

fn document() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(block(), 0..12)
}

fn join(blocks: &[String], separators: &[bool]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(if separators[i % separators.len()] {
                "\n\n"
            } else {
                "\n"
            });
        }
        out.push_str(block);
    }
    out
}

proptest! {
    /// Whatever the edits, a window that applies each update shows what a full render shows.
    #[test]
    fn applied_updates_equal_a_full_render(
        versions in prop::collection::vec(document(), 1..6),
        separators in prop::collection::vec(any::<bool>(), 1..4),
    ) {
        let mut session = PreviewSession::new();
        let mut window = Window::default();
        for version in &versions {
            let markdown = join(version, &separators);
            window.apply(&session.update(&markdown, &options(), window.shown));
            prop_assert_eq!(&window.blocks, &full_blocks(&markdown), "{}", markdown);
        }
    }
}
