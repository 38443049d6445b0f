//! The piece as paragraphs and runs for the print exports, read from what the page shows: the
//! typeset fields of [`PieceView`] and its body HTML (the rendering pipeline's output, the
//! preview's text), tokenized by html5ever. Nothing is typeset again here, so a no-break space
//! or an apostrophe is the preview's own.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::{CharacterStyle, ParagraphStyle};
use crate::export::views::{labels, PieceView};

/// What a paragraph holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Text with its character style and link (an index into [`Story::links`]).
    Text {
        /// The characters, as the page shows them (HTML whitespace collapsed).
        text: String,
        /// Emphasis.
        style: Option<CharacterStyle>,
        /// The link it belongs to.
        link: Option<usize>,
    },
    /// A line break inside the paragraph (`<br>`, a line of a code block).
    Break,
    /// Between two table cells.
    Tab,
    /// A footnote's call: an index into [`Story::notes`].
    Note(usize),
    /// An image: an index into [`Story::images`].
    Image(usize),
}

/// One paragraph in its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The paragraph style.
    pub style: ParagraphStyle,
    /// Its content, adjacent texts of the same style and link merged.
    pub inlines: Vec<Inline>,
}

impl Paragraph {
    fn new(style: ParagraphStyle) -> Self {
        Self {
            style,
            inlines: Vec::new(),
        }
    }

    /// A paragraph holding `text` only.
    fn text(style: ParagraphStyle, text: &str) -> Self {
        let mut paragraph = Self::new(style);
        paragraph.push_text(text, None, None);
        paragraph
    }

    fn push_text(&mut self, text: &str, style: Option<CharacterStyle>, link: Option<usize>) {
        if let Some(Inline::Text {
            text: last,
            style: s,
            link: l,
        }) = self.inlines.last_mut()
        {
            if *s == style && *l == link {
                last.push_str(text);
                return;
            }
        }
        self.inlines.push(Inline::Text {
            text: text.to_owned(),
            style,
            link,
        });
    }

    /// Whether the last thing written is a space or the paragraph's start (HTML collapses a
    /// space there).
    fn ends_with_space(&self) -> bool {
        match self.inlines.last() {
            None | Some(Inline::Break | Inline::Tab) => true,
            Some(Inline::Text { text, .. }) => text.ends_with(' '),
            Some(Inline::Note(_) | Inline::Image(_)) => false,
        }
    }

    fn trim_end(&mut self) {
        while let Some(Inline::Text { text, .. }) = self.inlines.last_mut() {
            let trimmed = text.trim_end_matches(' ').len();
            text.truncate(trimmed);
            if !text.is_empty() {
                break;
            }
            self.inlines.pop();
        }
    }

    /// The paragraph's characters (notes and images left out).
    #[cfg(any(test, feature = "proof"))]
    pub(crate) fn plain_text(&self) -> String {
        self.inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text { text, .. } => text.as_str(),
                Inline::Break => "\n",
                Inline::Tab => "\t",
                Inline::Note(_) | Inline::Image(_) => "",
            })
            .collect()
    }
}

/// An image the body shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryImage {
    /// Its URL in the page (`images/<file>` for a library image).
    pub src: String,
    /// Its alt text (empty: decorative).
    pub alt: String,
    /// Its size in pixels, when the page gives it.
    pub size: Option<(u32, u32)>,
}

/// The piece for print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Story {
    /// `fr` or `en`.
    pub lang: &'static str,
    /// The title, typeset (document title).
    pub title: String,
    /// The paragraphs, kicker to signature.
    pub paragraphs: Vec<Paragraph>,
    /// The footnotes, in order of their first call.
    pub notes: Vec<Vec<Paragraph>>,
    /// Link destinations.
    pub links: Vec<String>,
    /// Images.
    pub images: Vec<StoryImage>,
}

impl Story {
    /// The story of `piece`: kicker (Surtitre), title (Titre), standfirst (Chapô), the
    /// information line and issue number (Infos) as the page words them, the body, then the
    /// author and role (Signature).
    pub(crate) fn new(piece: &PieceView) -> Story {
        let mut paragraphs = Vec::new();
        let mut field = |style, text: &str| {
            if !text.trim().is_empty() {
                paragraphs.push(Paragraph::text(style, text.trim()));
            }
        };
        field(ParagraphStyle::Surtitre, &piece.kicker);
        field(ParagraphStyle::Titre, &piece.title);
        field(ParagraphStyle::Chapo, &piece.standfirst);
        field(ParagraphStyle::Infos, &info_line(piece));
        if let Some(issue) = &piece.issue_number {
            field(ParagraphStyle::Infos, &format!("{} {issue}", piece.t.issue));
        }
        let body = Body::read(&piece.body);
        paragraphs.extend(body.paragraphs);
        let mut field = |style, text: &str| {
            if !text.trim().is_empty() {
                paragraphs.push(Paragraph::text(style, text.trim()));
            }
        };
        field(ParagraphStyle::Signature, &piece.author);
        field(ParagraphStyle::Signature, &piece.author_role);
        Story {
            lang: piece.lang,
            title: piece.title.clone(),
            paragraphs,
            notes: body.notes,
            links: body.links,
            images: body.images,
        }
    }
}

#[cfg(feature = "proof")]
impl Story {
    /// Every character the piece shows, paragraphs and notes one per line (what the proof's
    /// count of signes counts).
    pub(crate) fn plain_text(&self) -> String {
        let notes = self.notes.iter().flatten();
        let mut text = String::new();
        for paragraph in self.paragraphs.iter().chain(notes) {
            text.push_str(&paragraph.plain_text());
            text.push('\n');
        }
        text
    }
}

/// The page's information line (`macros.html`'s `info`), as text.
fn info_line(piece: &PieceView) -> String {
    let t = labels(piece.lang);
    let tags: Vec<&str> = piece.tags.iter().map(|tag| tag.name.as_str()).collect();
    let mut line = String::new();
    if piece.date.is_some() || piece.category.is_some() {
        match &piece.date {
            Some(date) => line.push_str(&format!("{} {}", t.published_on, date.long)),
            None => line.push_str(t.published),
        }
        if let Some(category) = &piece.category {
            line.push_str(&format!(" {} {}", t.in_category, category.name));
        }
        if !tags.is_empty() {
            line.push_str(&format!(" — {} ", t.tags));
        }
    } else if !tags.is_empty() {
        line.push_str(t.tags_alone);
        line.push(' ');
    }
    line.push_str(&tags.join(", "));
    line
}

/// The body read back from its HTML.
struct Body {
    paragraphs: Vec<Paragraph>,
    notes: Vec<Vec<Paragraph>>,
    links: Vec<String>,
    images: Vec<StoryImage>,
}

impl Body {
    fn read(html: &str) -> Body {
        let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        tokenizer.sink.0.into_inner().finish()
    }
}

struct Sink(RefCell<Reader>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut reader = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => reader.start(&tag),
                TagKind::EndTag => reader.end(&tag.name),
            },
            Token::CharacterTokens(text) => reader.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The reader's state between tokens.
#[derive(Default)]
struct Reader {
    paragraphs: Vec<Paragraph>,
    /// Paragraphs of each footnote definition, by name.
    definitions: HashMap<String, Vec<Paragraph>>,
    /// Footnote names in order of first call.
    calls: Vec<String>,
    links: Vec<String>,
    images: Vec<StoryImage>,
    current: Option<Paragraph>,
    /// The footnote definition being read.
    definition: Option<String>,
    /// For each open `<div>`: whether it is a footnote definition.
    divs: Vec<bool>,
    quote_depth: usize,
    list_depth: usize,
    heading: bool,
    caption: bool,
    preformatted: bool,
    italic: usize,
    bold: usize,
    /// Open `<a>`s: the link index of each (none for an anchor without destination).
    anchors: Vec<Option<usize>>,
    /// Inside a footnote call or a definition's label: their number is not text.
    skipping: Option<Skip>,
    /// Cells written in the current table row.
    cells: usize,
}

/// Markup whose text is not the piece's.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Skip {
    /// A footnote call, with the name its link points to.
    Call(Option<String>),
    /// A footnote definition's number.
    Label,
}

fn attribute<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|attr| &*attr.name.local == name)
        .map(|attr| &*attr.value)
}

fn has_class(tag: &Tag, class: &str) -> bool {
    attribute(tag, "class").is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
}

impl Reader {
    fn start(&mut self, tag: &Tag) {
        let name = &*tag.name;
        match name {
            "p" | "li" | "blockquote" | "ul" | "ol" | "table" | "figure" | "pre" | "hr" => {
                self.close()
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close();
                self.heading = true;
            }
            "tr" => {
                self.close();
                self.cells = 0;
            }
            "td" | "th" => {
                if self.cells > 0 {
                    self.paragraph().inlines.push(Inline::Tab);
                }
                self.cells += 1;
            }
            "figcaption" => {
                self.close();
                self.caption = true;
            }
            "div" => {
                self.close();
                let definition = has_class(tag, "footnote-definition");
                if definition {
                    self.definition = attribute(tag, "id").map(str::to_owned);
                }
                self.divs.push(definition);
            }
            "em" | "i" => self.italic += 1,
            "strong" | "b" => self.bold += 1,
            "a" => {
                if let Some(Skip::Call(target)) = &mut self.skipping {
                    *target = attribute(tag, "href").map(|h| h.trim_start_matches('#').to_owned());
                } else {
                    let link = attribute(tag, "href").map(|href| {
                        self.links.push(href.to_owned());
                        self.links.len() - 1
                    });
                    self.anchors.push(link);
                }
            }
            "sup" if has_class(tag, "footnote-reference") => self.skipping = Some(Skip::Call(None)),
            "sup" if has_class(tag, "footnote-definition-label") => {
                self.skipping = Some(Skip::Label)
            }
            "br" => self.paragraph().inlines.push(Inline::Break),
            "img" => {
                let size = attribute(tag, "width")
                    .and_then(|w| w.parse().ok())
                    .zip(attribute(tag, "height").and_then(|h| h.parse().ok()));
                self.images.push(StoryImage {
                    src: attribute(tag, "src").unwrap_or_default().to_owned(),
                    alt: attribute(tag, "alt").unwrap_or_default().to_owned(),
                    size,
                });
                let index = self.images.len() - 1;
                self.paragraph().inlines.push(Inline::Image(index));
            }
            // A task list's box: the ballot box a reader of the page sees.
            "input" if attribute(tag, "type") == Some("checkbox") => {
                let mark = if attribute(tag, "checked").is_some() {
                    "☒ "
                } else {
                    "☐ "
                };
                self.push_text(mark);
            }
            _ => {}
        }
        if name == "pre" {
            self.preformatted = true;
        }
        if name == "blockquote" {
            self.quote_depth += 1;
        }
        if name == "ul" || name == "ol" {
            self.list_depth += 1;
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "li" | "tr" | "pre" | "figure" | "table" => self.close(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close();
                self.heading = false;
            }
            "figcaption" => {
                self.close();
                self.caption = false;
            }
            "blockquote" => {
                self.close();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "ul" | "ol" => {
                self.close();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            "div" => {
                self.close();
                if self.divs.pop() == Some(true) {
                    self.definition = None;
                }
            }
            "em" | "i" => self.italic = self.italic.saturating_sub(1),
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "a" if self.skipping.is_none() => {
                self.anchors.pop();
            }
            "sup" => {
                if let Some(Skip::Call(Some(target))) = self.skipping.take() {
                    let index = match self.calls.iter().position(|c| *c == target) {
                        Some(i) => i,
                        None => {
                            self.calls.push(target);
                            self.calls.len() - 1
                        }
                    };
                    self.paragraph().inlines.push(Inline::Note(index));
                }
            }
            _ => {}
        }
        if name == "pre" {
            self.preformatted = false;
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        if self.preformatted {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.paragraph().inlines.push(Inline::Break);
                }
                if !line.is_empty() {
                    self.push_raw(line);
                }
            }
            return;
        }
        self.push_text(text);
    }

    /// Text as HTML shows it: ASCII whitespace runs are one space, none at a paragraph's
    /// start. U+00A0 and U+202F are not HTML whitespace: they are kept.
    fn push_text(&mut self, text: &str) {
        let mut collapsed = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                space = true;
            } else {
                if space {
                    collapsed.push(' ');
                    space = false;
                }
                collapsed.push(c);
            }
        }
        if space {
            collapsed.push(' ');
        }
        if collapsed.trim_matches(' ').is_empty() && self.current.is_none() {
            return;
        }
        let at_space = self.paragraph().ends_with_space();
        let text = if at_space {
            collapsed.trim_start_matches(' ')
        } else {
            &collapsed
        };
        if !text.is_empty() {
            self.push_raw(text);
        }
    }

    fn push_raw(&mut self, text: &str) {
        let style = CharacterStyle::of(self.italic > 0, self.bold > 0);
        let link = self.anchors.iter().rev().find_map(|link| *link);
        self.paragraph().push_text(text, style, link);
    }

    /// The open paragraph, opened in the style of where the reader is.
    fn paragraph(&mut self) -> &mut Paragraph {
        let style = if self.heading {
            ParagraphStyle::Intertitre
        } else if self.caption {
            ParagraphStyle::Legende
        } else if self.definition.is_some() {
            ParagraphStyle::Note
        } else if self.quote_depth > 0 {
            ParagraphStyle::Citation
        } else if self.list_depth > 0 {
            ParagraphStyle::Liste
        } else {
            ParagraphStyle::Texte
        };
        self.current.get_or_insert_with(|| Paragraph::new(style))
    }

    fn close(&mut self) {
        let Some(mut paragraph) = self.current.take() else {
            return;
        };
        paragraph.trim_end();
        if paragraph.inlines.is_empty() {
            return;
        }
        match &self.definition {
            Some(name) => self
                .definitions
                .entry(name.clone())
                .or_default()
                .push(paragraph),
            None => self.paragraphs.push(paragraph),
        }
    }

    fn finish(mut self) -> Body {
        self.close();
        let mut notes = Vec::with_capacity(self.calls.len());
        for name in &self.calls {
            notes.push(self.definitions.remove(name).unwrap_or_default());
        }
        // A definition nothing calls is still the writer's text: kept after the body.
        let mut orphans: Vec<(String, Vec<Paragraph>)> = self.definitions.into_iter().collect();
        orphans.sort_by(|a, b| a.0.cmp(&b.0));
        self.paragraphs
            .extend(orphans.into_iter().flat_map(|(_, paragraphs)| paragraphs));
        Body {
            paragraphs: self.paragraphs,
            notes,
            links: self.links,
            images: self.images,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Body {
        Body::read(html)
    }

    #[test]
    fn paragraphs_take_the_style_of_where_they_are() {
        let read = body(
            "<h2>Écouter</h2>\n<p>Un <em>mot</em> et <strong><em>deux</em></strong>.</p>\n<blockquote>\n<p>Cité</p>\n</blockquote>\n<ul>\n<li>un</li>\n<li><p>deux</p></li>\n</ul>\n",
        );
        let styles: Vec<_> = read.paragraphs.iter().map(|p| p.style).collect();
        assert_eq!(
            styles,
            [
                ParagraphStyle::Intertitre,
                ParagraphStyle::Texte,
                ParagraphStyle::Citation,
                ParagraphStyle::Liste,
                ParagraphStyle::Liste
            ]
        );
        assert_eq!(
            read.paragraphs[1].inlines[1],
            Inline::Text {
                text: "mot".into(),
                style: Some(CharacterStyle::Italique),
                link: None
            }
        );
        assert!(read.paragraphs[1].inlines.contains(&Inline::Text {
            text: "deux".into(),
            style: Some(CharacterStyle::GrasItalique),
            link: None
        }));
    }

    #[test]
    fn no_break_spaces_are_kept_and_html_whitespace_collapses() {
        let read = body("<p>  Une règle\u{a0}: «\u{202f}oui\u{202f}»\n  et   non </p>");
        assert_eq!(
            read.paragraphs[0].plain_text(),
            "Une règle\u{a0}: «\u{202f}oui\u{202f}» et non"
        );
        let read = body("<p>Une&nbsp;règle</p>");
        assert_eq!(read.paragraphs[0].plain_text(), "Une\u{a0}règle");
    }

    #[test]
    fn footnotes_are_numbered_by_their_calls_and_their_labels_dropped() {
        let read = body(
            "<p>Règle<sup class=\"footnote-reference\"><a href=\"#b\">1</a></sup> et<sup class=\"footnote-reference\"><a href=\"#a\">2</a></sup></p>\n<div class=\"footnote-definition\" id=\"a\"><sup class=\"footnote-definition-label\">2</sup>\n<p>Note A.</p>\n</div>\n<div class=\"footnote-definition\" id=\"b\"><sup class=\"footnote-definition-label\">1</sup>\n<p>Note B.</p>\n</div>",
        );
        assert_eq!(read.paragraphs.len(), 1);
        assert_eq!(read.paragraphs[0].inlines[1], Inline::Note(0));
        assert_eq!(read.notes[0][0].plain_text(), "Note B.");
        assert_eq!(read.notes[1][0].plain_text(), "Note A.");
        assert_eq!(read.notes[1][0].style, ParagraphStyle::Note);
    }

    #[test]
    fn links_tables_images_and_captions() {
        let read = body(
            "<p>Lire <a href=\"https://e.org\">le <em>dossier</em></a>.</p><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><figure><img src=\"images/x-960.jpg\" alt=\"Une photo\" width=\"960\" height=\"640\"><figcaption>Le port <span class=\"credit\">Photo : Ana</span></figcaption></figure>",
        );
        assert_eq!(read.links, ["https://e.org"]);
        assert!(read.paragraphs[0].inlines.contains(&Inline::Text {
            text: "dossier".into(),
            style: Some(CharacterStyle::Italique),
            link: Some(0)
        }));
        assert_eq!(read.paragraphs[1].plain_text(), "A\tB");
        assert_eq!(read.paragraphs[2].plain_text(), "1\t2");
        assert_eq!(read.paragraphs[3].inlines, [Inline::Image(0)]);
        assert_eq!(read.images[0].alt, "Une photo");
        assert_eq!(read.images[0].size, Some((960, 640)));
        assert_eq!(read.paragraphs[4].style, ParagraphStyle::Legende);
        assert_eq!(read.paragraphs[4].plain_text(), "Le port Photo : Ana");
    }
}
