//! The pipeline's single pass over pulldown-cmark's events: typography on text, safety for
//! raw HTML and URLs, source lines and counts, written straight to HTML by [`HtmlWriter`].
//! Text is written from one reused buffer: no allocation per text, no second pass.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::counts::Counter;
use super::image::{credit_label, ImageDescription};
use super::options::{LinkKind, Links};
use super::sanitize::{is_safe_image_url, is_safe_srcset_url, is_safe_url, Cleaner, InlineTags};
use super::source_map::LineIndex;
use super::typography::typography_text;
use super::typography::Typographer;
use super::wrappers::BlockWrappers;
use super::writer::HtmlWriter;
use super::Lang;

/// What became of a link or image start, so its end is treated the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// Unsafe URL: the element is dropped and its text shown plain.
    Dropped,
    /// An ordinary link or image.
    Plain,
    /// An autolink, whose text is a URL: typography stays off.
    Verbatim,
}

/// The pass: configuration, per-document state and the output.
pub(crate) struct Pipeline<'a> {
    typography: Option<Typographer>,
    /// `None` in the conformance test's pass-through mode only.
    inline_tags: Option<InlineTags>,
    /// What link and image destinations become.
    destinations: Links,
    /// The sanitizer of raw HTML, which resolves its `href`s and `src`s the same way.
    cleaner: Cleaner,
    lines: Option<LineIndex<'a>>,
    counter: Counter,
    writer: HtmlWriter<'a>,
    /// Consecutive text events (pulldown-cmark splits text at escapes and entities, and code
    /// blocks line by line), joined so that typography sees `...` or `"` with its neighbours.
    /// The first is held as is; from the second on they are appended to `joined`.
    pending: Option<CowStr<'a>>,
    /// Buffer of joined texts, reused so that a long run of text events (a code block)
    /// is appended in place instead of reallocated at each event.
    joined: String,
    /// Whether the pending text is in `joined`.
    is_joined: bool,
    /// A soft line break not written yet: typography decides with the next text whether it
    /// stays a break or becomes a no-break space (`question\n?`).
    soft_break: bool,
    /// Raw HTML block being collected for one sanitizer call.
    html_block: Option<String>,
    /// Raw HTML wrappers (`<div>`, `<figure>`…) left open around Markdown blocks.
    wrappers: BlockWrappers,
    links: Vec<Kept>,
    in_code_block: bool,
    verbatim_depth: usize,
    /// Nesting of block elements: 0 between top-level blocks.
    block_depth: usize,
    /// Where each top-level block ends in the HTML, when the caller asked
    /// ([`Pipeline::with_block_ends`]): the preview updates block by block.
    block_ends: Option<Vec<usize>>,
    /// The piece's language (captions' typography, the credit's words).
    lang: Lang,
    /// The image of the paragraph being written as a `<figure>` (an image alone in its
    /// paragraph, with a caption or a credit): its caption closes the figure.
    figure: Option<ImageDescription>,
    /// Described images written so far: the first one loads at once, the others lazily.
    described_images: usize,
}

/// Events held back while the pipeline looks ahead through a paragraph (is its image alone?).
type Queue<'a> = VecDeque<(Event<'a>, Range<usize>)>;

impl<'a> Pipeline<'a> {
    /// A pass over a document of `len` bytes whose destinations go through `destinations`
    /// (`publish`: see [`super::RenderOptions::publish`]); `safe` is false only for the
    /// conformance test.
    pub(crate) fn new(
        len: usize,
        typography: Option<Typographer>,
        safe: bool,
        lines: Option<LineIndex<'a>>,
        destinations: Links,
        publish: bool,
    ) -> Self {
        Self {
            typography,
            inline_tags: safe.then(InlineTags::default),
            cleaner: Cleaner::new(&destinations, publish),
            destinations,
            lines,
            counter: Counter::default(),
            writer: HtmlWriter::with_capacity(len + len / 2),
            pending: None,
            joined: String::new(),
            is_joined: false,
            soft_break: false,
            html_block: None,
            wrappers: BlockWrappers::default(),
            links: Vec::new(),
            in_code_block: false,
            verbatim_depth: 0,
            block_depth: 0,
            block_ends: None,
            lang: Lang::default(),
            figure: None,
            described_images: 0,
        }
    }

    /// Captions are typeset, and credits worded, in `lang`.
    pub(crate) fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Counts nothing (the caller only wants the HTML): saves the counter's pass.
    pub(crate) fn without_counts(mut self) -> Self {
        self.counter = Counter::off();
        self
    }

    /// Also records where each top-level block ends in the output.
    pub(crate) fn with_block_ends(mut self) -> Self {
        self.block_ends = Some(Vec::new());
        self
    }

    /// Runs over the events and returns the HTML, the counter and, if asked for, the ends
    /// of the top-level blocks (byte offsets in the HTML; the last one is its length).
    pub(crate) fn run(
        mut self,
        mut events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    ) -> (String, Counter, Vec<usize>) {
        let mut queue = Queue::new();
        while let Some((event, range)) = queue.pop_front().or_else(|| events.next()) {
            if matches!(event, Event::Start(Tag::Paragraph))
                && self.destinations.resolver().is_some()
            {
                self.figure = self.lone_image(&mut events, &mut queue);
            }
            if let Event::Text(text) = event {
                self.queue_text(text);
                continue;
            }
            self.flush_text(Some(&event));
            self.event(event, range);
        }
        self.flush_text(None);
        if let Some(close) = self.inline_tags.as_mut().and_then(InlineTags::close_all) {
            self.writer.html(&close, true);
        }
        // A wrapper never closed holds the blocks after its opening: one last block.
        let open_wrapper = self.wrappers.close_from_depth(0);
        if let Some(close) = &open_wrapper {
            self.writer.html(close, false);
        }
        let html = self.writer.finish();
        let mut block_ends = self.block_ends.take().unwrap_or_default();
        if open_wrapper.is_some() && block_ends.last() != Some(&html.len()) {
            block_ends.push(html.len());
        } else if !block_ends.is_empty() && block_ends.last() != Some(&html.len()) {
            // What follows the last block (tags closed at the very end) belongs to it.
            block_ends.pop();
            block_ends.push(html.len());
        }
        (html, self.counter, block_ends)
    }

    /// After a paragraph's start: whether the paragraph holds one image and nothing else, and
    /// the resolver describes it with a caption or a credit (then it is a figure). The events
    /// read to know are put in `queue`, to be written next.
    fn lone_image(
        &self,
        events: &mut impl Iterator<Item = (Event<'a>, Range<usize>)>,
        queue: &mut Queue<'a>,
    ) -> Option<ImageDescription> {
        let first = events.next()?;
        let dest = match &first.0 {
            Event::Start(Tag::Image { dest_url, .. }) => dest_url.clone(),
            _ => {
                queue.push_back(first);
                return None;
            }
        };
        queue.push_back(first);
        let mut depth = 1_usize;
        for (event, range) in events.by_ref() {
            let after_image = depth == 0;
            match &event {
                Event::End(TagEnd::Paragraph) if after_image => {
                    queue.push_back((event, range));
                    return self
                        .destinations
                        .image(&dest)
                        .filter(ImageDescription::has_caption);
                }
                // Anything after the image: an ordinary paragraph.
                _ if after_image => {
                    queue.push_back((event, range));
                    return None;
                }
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => depth -= 1,
                _ => {}
            }
            queue.push_back((event, range));
        }
        None
    }

    fn queue_text(&mut self, text: CowStr<'a>) {
        if self.is_joined {
            self.joined.push_str(&text);
        } else if let Some(before) = self.pending.take() {
            self.joined.clear();
            self.joined.push_str(&before);
            self.joined.push_str(&text);
            self.is_joined = true;
        } else {
            self.pending = Some(text);
        }
    }

    /// Writes the pending text; `next` is the event after it (`None`: end of document),
    /// which tells typography what shows right after the text.
    fn flush_text(&mut self, next: Option<&Event<'a>>) {
        if self.is_joined || self.pending.is_some() {
            let shown_after = next.map_or(' ', shown_after);
            self.typography_mut(|t| t.set_next(Some(shown_after)));
        }
        if self.is_joined {
            let joined = std::mem::take(&mut self.joined);
            self.write_text(&joined);
            self.joined = joined;
            self.is_joined = false;
        } else if let Some(text) = self.pending.take() {
            self.write_text(&text);
        }
    }

    fn write_text(&mut self, text: &str) {
        if self.writer.in_alt() {
            self.writer.text(text);
            return;
        }
        let plain = self.in_code_block || self.verbatim_depth > 0;
        if self.soft_break {
            self.soft_break = false;
            let absorbed = !plain
                && self
                    .typography
                    .as_mut()
                    .is_some_and(|t| t.absorbs_break_before(text));
            if !absorbed {
                self.write_soft_break();
            }
        }
        match &mut self.typography {
            Some(typographer) if !plain => {
                // One scan writes the counter's batch and the escaped HTML.
                let writer = &mut self.writer;
                self.counter.add_with(|visible| {
                    writer.text_with(|html| typographer.apply_to(text, visible, html));
                });
            }
            _ => {
                self.counter.add(text);
                self.writer.text(text);
            }
        }
    }

    /// A soft break that typography left as a line break.
    fn write_soft_break(&mut self) {
        self.counter.add_space();
        self.typography_mut(Typographer::saw_space);
        self.writer.line_break(false);
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.soft_break {
            self.soft_break = false;
            self.write_soft_break();
        }
        match event {
            Event::Text(_) => {}
            Event::Code(code) => {
                if !self.writer.in_alt() {
                    self.counter.add(&code);
                    self.typography_mut(Typographer::saw_word);
                }
                self.writer.code(&code);
            }
            // Held until the next text: see `soft_break`.
            Event::SoftBreak if self.typography.is_some() && !self.writer.in_alt() => {
                self.soft_break = true;
            }
            Event::SoftBreak | Event::HardBreak => {
                if !self.writer.in_alt() {
                    if event == Event::SoftBreak {
                        self.counter.add_space();
                    } else {
                        self.counter.break_word();
                    }
                    self.typography_mut(Typographer::saw_space);
                }
                self.writer.line_break(event == Event::HardBreak);
            }
            Event::FootnoteReference(name) => {
                self.typography_mut(Typographer::saw_word);
                self.writer.footnote_reference(name);
            }
            Event::Html(html) => match (&mut self.html_block, &self.inline_tags) {
                (Some(block), _) => block.push_str(&html),
                // pulldown-cmark only emits block HTML inside an HTML block; should that
                // change, the fragment is still sanitized on its own.
                (None, Some(_)) => self.writer.html(&self.cleaner.clean(&html), false),
                (None, None) => self.writer.html(&html, false),
            },
            Event::InlineHtml(html) => match &mut self.inline_tags {
                // In an image's alt text a tag is only text, escaped by the writer.
                Some(_) if self.writer.in_alt() => self.writer.html(&html, true),
                Some(tags) => {
                    let safe = tags.fragment(&html, &self.cleaner);
                    self.writer.html(&safe, true);
                }
                None => self.writer.html(&html, true),
            },
            Event::Rule => {
                let line = self.line(&range);
                self.writer.rule(line);
                self.top_level_block_written();
            }
            Event::TaskListMarker(checked) => self.writer.task(checked),
            Event::InlineMath(math) => self.writer.math(&math, true),
            Event::DisplayMath(math) => self.writer.math(&math, false),
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
        }
    }

    fn line(&self, range: &Range<usize>) -> Option<usize> {
        self.lines.as_ref().map(|lines| lines.line(range.start))
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        if is_block(&tag) {
            self.block_boundary();
            self.block_depth += 1;
        }
        let described = match &tag {
            Tag::Image { dest_url, .. } if !self.writer.in_alt() => {
                self.destinations.image(dest_url)
            }
            _ => None,
        };
        if let (Some(image), Tag::Image { title, .. }) = (described, &tag) {
            self.described_image(image, title.clone());
            return;
        }
        let tag = match tag {
            Tag::HtmlBlock if self.inline_tags.is_some() => {
                self.html_block = Some(String::new());
                return;
            }
            Tag::CodeBlock(_) => {
                self.in_code_block = true;
                tag
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let verbatim = matches!(link_type, LinkType::Autolink | LinkType::Email);
                // An e-mail autolink's destination is an address, not a place to resolve.
                let dest_url = if link_type == LinkType::Email {
                    dest_url
                } else {
                    self.resolve(LinkKind::Link, dest_url)
                };
                let kept = self.check_url(&dest_url, verbatim);
                self.links.push(kept);
                match kept {
                    Kept::Dropped => return,
                    Kept::Verbatim => self.verbatim_depth += 1,
                    Kept::Plain => {}
                }
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            }
            Tag::Paragraph if self.figure.is_some() => {
                let line = self.line(&range);
                self.writer.figure_start(line);
                return;
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = self.resolve(LinkKind::Image, dest_url);
                let kept = self.check_url(&dest_url, false);
                self.links.push(kept);
                if kept == Kept::Dropped {
                    return;
                }
                self.typography_mut(Typographer::saw_word);
                Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            }
            tag => tag,
        };
        let line = if has_data_line(&tag) {
            self.line(&range)
        } else {
            None
        };
        self.writer.start(tag, line);
    }

    /// An image the resolver describes: written from its description, whose URLs pass the
    /// image gate (the app's own image URL is accepted there, and only there).
    fn described_image(&mut self, mut image: ImageDescription, title: CowStr<'a>) {
        if self.inline_tags.is_some() {
            if !is_safe_image_url(&image.src) {
                self.links.push(Kept::Dropped);
                return;
            }
            image
                .srcset
                .retain(|candidate| is_safe_srcset_url(&candidate.url));
        }
        self.links.push(Kept::Plain);
        self.typography_mut(Typographer::saw_word);
        let lazy = self.described_images > 0;
        self.described_images += 1;
        self.writer.described_image(&image, title, lazy);
    }

    fn end(&mut self, tag: TagEnd) {
        let block = is_block_end(tag);
        if block {
            self.block_boundary();
            // A Markdown container closes the raw wrappers opened inside it first.
            if let Some(close) = self.wrappers.close_from_depth(self.block_depth) {
                self.writer.html(&close, false);
            }
        }
        self.end_tag(tag);
        if block {
            self.block_depth = self.block_depth.saturating_sub(1);
            self.top_level_block_written();
        }
    }

    fn top_level_block_written(&mut self) {
        // Inside an open wrapper, blocks belong to the wrapper's block (the preview swaps
        // whole top-level blocks: half a `<div>` cannot be swapped).
        if self.block_depth == 0 && !self.wrappers.is_open() {
            if let Some(ends) = &mut self.block_ends {
                ends.push(self.writer.len());
            }
        }
    }

    fn end_tag(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.figure.is_some() => {
                if let Some(image) = self.figure.take() {
                    let typeset = |text: &str| match self.typography {
                        Some(_) => typography_text(text.trim(), self.lang),
                        None => text.trim().to_owned(),
                    };
                    let caption = typeset(&image.caption);
                    let credit = typeset(&image.credit);
                    self.writer
                        .figure_end(&caption, &credit, credit_label(self.lang));
                }
                return;
            }
            TagEnd::HtmlBlock => {
                if let Some(block) = self.html_block.take() {
                    // The block's own depth is counted: its container is one level up.
                    let depth = self.block_depth.saturating_sub(1);
                    let html = self.wrappers.clean(&block, &self.cleaner, depth);
                    self.writer.html(&html, false);
                    return;
                }
            }
            TagEnd::CodeBlock => self.in_code_block = false,
            TagEnd::Link | TagEnd::Image => match self.links.pop() {
                Some(Kept::Dropped) => return,
                Some(Kept::Verbatim) => self.verbatim_depth = self.verbatim_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
        self.writer.end(tag);
    }

    /// The destination the resolver gives, checked afterwards like any other.
    fn resolve(&self, kind: LinkKind, dest: CowStr<'a>) -> CowStr<'a> {
        if self.destinations.resolver().is_none() {
            return dest;
        }
        match self.destinations.resolve(kind, &dest) {
            // A resolver may answer with another borrowed string (a constant): only the
            // destination itself counts as unchanged.
            std::borrow::Cow::Borrowed(same) if same == &*dest => dest,
            resolved => CowStr::from(resolved.into_owned()),
        }
    }

    fn check_url(&self, url: &str, verbatim: bool) -> Kept {
        if self.inline_tags.is_some() && !is_safe_url(url) {
            Kept::Dropped
        } else if verbatim {
            Kept::Verbatim
        } else {
            Kept::Plain
        }
    }

    /// Quotes, words and raw inline tags never span blocks.
    fn block_boundary(&mut self) {
        self.counter.break_word();
        self.typography_mut(Typographer::start_block);
        if let Some(close) = self.inline_tags.as_mut().and_then(InlineTags::close_all) {
            self.writer.html(&close, true);
        }
    }

    fn typography_mut(&mut self, f: impl FnOnce(&mut Typographer)) {
        if let Some(typographer) = &mut self.typography {
            f(typographer);
        }
    }
}

/// What shows right after a text followed by `event`, for typography: a word for inline
/// elements that start with one, a space for breaks and ends.
fn shown_after(event: &Event<'_>) -> char {
    match event {
        Event::Start(tag) if !is_block(tag) => 'a',
        Event::Code(_)
        | Event::FootnoteReference(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_) => 'a',
        _ => ' ',
    }
}

/// Blocks the preview scrolls by; tables keep their own markup.
fn has_data_line(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
    )
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}
