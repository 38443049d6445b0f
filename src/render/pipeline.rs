//! The event adapter between the parser and pulldown-cmark's HTML writer: one pass that
//! applies typography to text, makes raw HTML and URLs safe, adds source lines and counts
//! the visible text. Everything else streams through untouched, which keeps it fast.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::counts::Counter;
use super::sanitize::{clean_block, is_safe_url, InlineTags};
use super::source_map::{self, LineIndex};
use super::typography::Typographer;

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

/// The adapter; iterate it into `pulldown_cmark::html::push_html`.
pub(crate) struct Pipeline<'a, 'c, I> {
    events: I,
    typography: Option<Typographer>,
    /// `None` in the conformance test's pass-through mode only.
    inline_tags: Option<InlineTags>,
    lines: Option<LineIndex>,
    counter: &'c mut Counter,
    queued: VecDeque<Event<'a>>,
    /// Raw HTML block being collected for one sanitizer call.
    html_block: Option<String>,
    links: Vec<Kept>,
    in_code_block: bool,
    /// Inside an image: its text is the `alt` attribute, not visible text.
    image_depth: usize,
    verbatim_depth: usize,
    /// Whether the writer's output ends with a newline (mirrors pulldown-cmark's writer).
    at_line_start: bool,
}

impl<'a, 'c, I> Pipeline<'a, 'c, I>
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
{
    /// Wraps `events`; `safe` is false only for the conformance test.
    pub(crate) fn new(
        events: I,
        typography: Option<Typographer>,
        safe: bool,
        lines: Option<LineIndex>,
        counter: &'c mut Counter,
    ) -> Self {
        Self {
            events,
            typography,
            inline_tags: safe.then(InlineTags::default),
            lines,
            counter,
            queued: VecDeque::new(),
            html_block: None,
            links: Vec::new(),
            in_code_block: false,
            image_depth: 0,
            verbatim_depth: 0,
            at_line_start: true,
        }
    }

    fn process(&mut self, event: Event<'a>, range: Range<usize>) -> Option<Event<'a>> {
        match event {
            Event::Text(text) => Some(Event::Text(self.text(text))),
            Event::Code(code) => {
                self.counter.add(&code);
                self.typography_mut(Typographer::saw_word);
                Some(Event::Code(code))
            }
            Event::SoftBreak => {
                self.counter.add_space();
                self.typography_mut(Typographer::saw_space);
                Some(Event::SoftBreak)
            }
            Event::HardBreak => {
                self.counter.break_word();
                self.typography_mut(Typographer::saw_space);
                Some(Event::HardBreak)
            }
            Event::FootnoteReference(name) => {
                self.typography_mut(Typographer::saw_word);
                Some(Event::FootnoteReference(name))
            }
            Event::Html(html) => match (&mut self.html_block, &self.inline_tags) {
                (Some(block), _) => {
                    block.push_str(&html);
                    None
                }
                // pulldown-cmark only emits block HTML inside an HTML block; should that
                // change, the fragment is still sanitized on its own.
                (None, Some(_)) => Some(Event::Html(clean_block(&html).into())),
                (None, None) => Some(Event::Html(html)),
            },
            Event::InlineHtml(html) => match &mut self.inline_tags {
                Some(tags) => {
                    let safe = tags.fragment(&html);
                    (!safe.is_empty()).then(|| Event::InlineHtml(safe.into()))
                }
                None => Some(Event::InlineHtml(html)),
            },
            Event::Rule => match &self.lines {
                Some(lines) => {
                    let html = source_map::rule(lines.line(range.start), self.at_line_start);
                    Some(Event::Html(html.into()))
                }
                None => Some(Event::Rule),
            },
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            other => Some(other),
        }
    }

    fn text(&mut self, text: CowStr<'a>) -> CowStr<'a> {
        let plain = self.in_code_block || self.verbatim_depth > 0 || self.image_depth > 0;
        let text = match &mut self.typography {
            Some(typographer) if !plain => match typographer.apply(&text) {
                std::borrow::Cow::Borrowed(_) => text,
                std::borrow::Cow::Owned(changed) => changed.into(),
            },
            _ => text,
        };
        if self.image_depth == 0 {
            self.counter.add(&text);
        }
        text
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) -> Option<Event<'a>> {
        if is_block(&tag) {
            self.block_boundary();
        }
        match &tag {
            Tag::HtmlBlock if self.inline_tags.is_some() => {
                self.html_block = Some(String::new());
                return None;
            }
            Tag::CodeBlock(_) => self.in_code_block = true,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let kept = self.check_url(
                    dest_url,
                    matches!(link_type, LinkType::Autolink | LinkType::Email),
                );
                self.links.push(kept);
                match kept {
                    Kept::Dropped => return None,
                    Kept::Verbatim => self.verbatim_depth += 1,
                    Kept::Plain => {}
                }
            }
            Tag::Image { dest_url, .. } => {
                let kept = self.check_url(dest_url, false);
                self.links.push(kept);
                if kept == Kept::Dropped {
                    return None;
                }
                self.image_depth += 1;
                self.typography_mut(Typographer::saw_word);
            }
            _ => {}
        }
        if let Some(lines) = &self.lines {
            if let Some(html) =
                source_map::open_tag(&tag, lines.line(range.start), self.at_line_start)
            {
                return Some(Event::Html(html.into()));
            }
        }
        Some(Event::Start(tag))
    }

    fn end(&mut self, tag: TagEnd) -> Option<Event<'a>> {
        if is_block_end(tag) {
            self.block_boundary();
        }
        match tag {
            TagEnd::HtmlBlock => {
                if let Some(block) = self.html_block.take() {
                    let clean = clean_block(&block);
                    return (!clean.is_empty()).then(|| Event::Html(clean.into()));
                }
            }
            TagEnd::CodeBlock => self.in_code_block = false,
            TagEnd::Link | TagEnd::Image => match self.links.pop() {
                Some(Kept::Dropped) => return None,
                Some(Kept::Verbatim) => self.verbatim_depth = self.verbatim_depth.saturating_sub(1),
                _ if tag == TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
        Some(Event::End(tag))
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
            self.queued.push_back(Event::InlineHtml(close.into()));
        }
    }

    fn typography_mut(&mut self, f: impl FnOnce(&mut Typographer)) {
        if let Some(typographer) = &mut self.typography {
            f(typographer);
        }
    }

    /// Tracks whether the writer's output ends with a newline, as its own rules decide.
    fn track(&mut self, event: &Event<'_>) {
        self.at_line_start = match event {
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if text.is_empty() {
                    return;
                }
                text.ends_with('\n')
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule | Event::TaskListMarker(_) => true,
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => return,
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => true,
            Event::End(tag) => is_block_end(*tag) && *tag != TagEnd::TableCell,
            _ => false,
        };
    }
}

impl<'a, I> Iterator for Pipeline<'a, '_, I>
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
{
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.queued.pop_front() {
                self.track(&event);
                return Some(event);
            }
            let (event, range) = self.events.next()?;
            if let Some(event) = self.process(event, range) {
                // Closing tags queued at a block boundary go before the block's own event.
                let event = match self.queued.pop_front() {
                    Some(first) => {
                        self.queued.push_back(event);
                        first
                    }
                    None => event,
                };
                self.track(&event);
                return Some(event);
            }
        }
    }
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
