//! The live preview's updates, block by block. Typing in one paragraph of a 20,000-word piece
//! must not send, parse and lay out the whole page again: the core renders the whole piece
//! (about a millisecond; rendering a block alone would get link references, loose lists and
//! footnotes wrong), cuts the HTML into its top-level blocks and tells the window only which
//! run of blocks changed since the render it shows.
//!
//! Blocks after an edit that added or removed lines are the same HTML with every `data-line`
//! moved by the same amount: they are kept, and the window moves their lines.

mod head;
mod shape;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::render::{hyphenate_html, render_blocks, Counts, RenderOptions};

pub use head::{typeset_head, PreviewHead};
use shape::{first_line, same_shape};

/// What the window must do to show the newest render.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewUpdate {
    /// This render's number: the window sends it back as `shown` with its next request.
    pub generation: u64,
    /// The render this update applies to; `None`: replace every block.
    pub base: Option<u64>,
    /// Blocks kept as they are at the start.
    pub keep_head: usize,
    /// Blocks kept at the end, whose `data-line`s move by `line_shift`.
    pub keep_tail: usize,
    /// Lines to add to every `data-line` of the blocks kept at the end.
    pub line_shift: i64,
    /// The HTML of each block between the kept ones, in order.
    pub blocks: Vec<String>,
    /// Counts of the whole piece.
    pub counts: Counts,
}

/// The render the window shows, kept to compare the next one with. One per preview pane.
#[derive(Debug, Default)]
pub struct PreviewSession {
    generation: u64,
    last: Option<Shown>,
}

#[derive(Debug)]
struct Shown {
    options: RenderOptions,
    html: String,
    /// Each block's byte range in `html`, outer whitespace trimmed.
    blocks: Vec<(usize, usize)>,
}

impl Shown {
    fn block(&self, i: usize) -> &str {
        let (start, end) = self.blocks[i];
        &self.html[start..end]
    }
}

impl PreviewSession {
    /// A session with nothing shown yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renders `markdown` for the preview (with `data-line`s whatever `options` says) and
    /// returns the change from render `shown`, the one the window has on screen. A window that
    /// shows nothing, or another render than the last one made here (an answer it dropped),
    /// gets every block.
    pub fn update(
        &mut self,
        markdown: &str,
        options: &RenderOptions,
        shown: Option<u64>,
    ) -> PreviewUpdate {
        let options = RenderOptions {
            source_map: true,
            ..options.clone()
        };
        let render = render_blocks(markdown, &options);
        let next = Shown {
            options,
            blocks: trimmed_blocks(&render.rendered.html, &render.block_ends),
            html: render.rendered.html,
        };
        let previous = self
            .last
            .take()
            .filter(|last| shown == Some(self.generation) && last.options == next.options);
        let base = previous.as_ref().map(|_| self.generation);
        let change = previous
            .as_ref()
            .map_or_else(Change::everything, |old| Change::between(old, &next));
        self.generation += 1;
        let update = PreviewUpdate {
            generation: self.generation,
            base,
            keep_head: change.keep_head,
            keep_tail: change.keep_tail,
            line_shift: change.line_shift,
            // Soft hyphens as in the exported page; only the blocks sent pay for them.
            blocks: (change.keep_head..next.blocks.len() - change.keep_tail)
                .map(|i| hyphenate_html(next.block(i), next.options.lang))
                .collect(),
            counts: render.rendered.counts,
        };
        self.last = Some(next);
        update
    }
}

/// The blocks kept at both ends between two renders.
#[derive(Debug, PartialEq)]
struct Change {
    keep_head: usize,
    keep_tail: usize,
    line_shift: i64,
}

impl Change {
    fn everything() -> Self {
        Self {
            keep_head: 0,
            keep_tail: 0,
            line_shift: 0,
        }
    }

    fn between(old: &Shown, new: &Shown) -> Self {
        let common = old.blocks.len().min(new.blocks.len());
        let keep_head = (0..common)
            .take_while(|&i| old.block(i) == new.block(i))
            .count();
        let (keep_tail, line_shift) = kept_tail(old, new, common - keep_head);
        Self {
            keep_head,
            keep_tail,
            line_shift,
        }
    }
}

/// How many blocks, at most `limit`, end both renders with the same HTML once every line of
/// the old ones moves by one shift, and that shift.
fn kept_tail(old: &Shown, new: &Shown, limit: usize) -> (usize, i64) {
    let mut shift = None;
    let mut kept = 0;
    while kept < limit {
        let (a, b) = (
            old.block(old.blocks.len() - 1 - kept),
            new.block(new.blocks.len() - 1 - kept),
        );
        // The first blocks with lines set the shift; blocks without lines (tables, raw
        // HTML) compare as they are.
        let d = match (first_line(a), first_line(b)) {
            (Some(from), Some(to)) => *shift.get_or_insert(to as i64 - from as i64),
            _ => shift.unwrap_or(0),
        };
        if !same_shape(a, b, d) {
            break;
        }
        kept += 1;
    }
    (kept, shift.unwrap_or(0))
}

/// The blocks' byte ranges, without the newlines between them.
fn trimmed_blocks(html: &str, ends: &[usize]) -> Vec<(usize, usize)> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let block = &html[start..end];
            let leading = block.len() - block.trim_start().len();
            let range = (start + leading, start + block.trim_end().len());
            start = end;
            (range.0, range.1.max(range.0))
        })
        .collect()
}
