//! The HTML writer: pulldown-cmark's `html::push_html` output, byte for byte, plus the
//! `data-line` attribute. Owning it lets the pipeline write typography straight into the
//! output, with no intermediate event or string per text.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, CowStr, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;

use super::escape::{escape_body_text, escape_href};
use super::image::ImageDescription;

/// Where the next table cell goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableState {
    Head,
    Body,
}

/// The output being written and the little state HTML needs (tables, footnote numbers).
#[derive(Debug)]
pub(crate) struct HtmlWriter<'a> {
    out: String,
    end_newline: bool,
    table_state: TableState,
    table_alignments: Vec<Alignment>,
    table_cell_index: usize,
    numbers: HashMap<CowStr<'a>, usize>,
    /// Titles of the images whose `alt` attribute is being written (nested ones included).
    image_titles: Vec<CowStr<'a>>,
    /// Tags opened inside the current image's alt text, which write nothing.
    alt_nesting: usize,
}

impl<'a> HtmlWriter<'a> {
    /// A writer with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            end_newline: true,
            table_state: TableState::Head,
            table_alignments: Vec::new(),
            table_cell_index: 0,
            numbers: HashMap::new(),
            image_titles: Vec::new(),
            alt_nesting: 0,
        }
    }

    /// The HTML written.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Bytes written so far.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// Inside an image: text goes to its `alt` attribute.
    pub(crate) fn in_alt(&self) -> bool {
        !self.image_titles.is_empty()
    }

    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// Visible text, escaped for the body (or for the `alt` attribute inside an image).
    pub(crate) fn text(&mut self, text: &str) {
        if self.in_alt() {
            self.alt_text(text);
            return;
        }
        escape_body_text(&mut self.out, text);
        self.end_newline = text.ends_with('\n');
    }

    /// Visible text that `write` appends already escaped for the body (typography escapes
    /// in the same pass as its rules). Not for an image's `alt`: see [`HtmlWriter::in_alt`].
    pub(crate) fn text_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.out.len();
        write(&mut self.out);
        // `\n` is never escaped: the text ends with one exactly when the output does.
        self.end_newline = self.out.len() > start && self.out.ends_with('\n');
    }

    fn alt_text(&mut self, text: &str) {
        let _ = escape_html(&mut self.out, text);
        self.end_newline = text.ends_with('\n');
    }

    /// A code span.
    pub(crate) fn code(&mut self, code: &str) {
        if self.in_alt() {
            self.alt_text(code);
            return;
        }
        self.write("<code>");
        escape_body_text(&mut self.out, code);
        self.write("</code>");
    }

    /// Raw HTML, already made safe by the caller.
    pub(crate) fn html(&mut self, html: &str, inline: bool) {
        if self.in_alt() {
            if inline {
                self.alt_text(html);
            }
            return;
        }
        self.write(html);
    }

    /// A line break in the source (`hard` for a `<br />`).
    pub(crate) fn line_break(&mut self, hard: bool) {
        if self.in_alt() {
            self.write(" ");
        } else if hard {
            self.write("<br />\n");
        } else {
            self.write("\n");
        }
    }

    /// A thematic break.
    pub(crate) fn rule(&mut self, line: Option<usize>) {
        if self.in_alt() {
            self.write(" ");
            return;
        }
        if !self.end_newline {
            self.write("\n");
        }
        self.write("<hr");
        self.data_line(line);
        self.write(" />\n");
    }

    /// A footnote reference, numbered in order of first use.
    pub(crate) fn footnote_reference(&mut self, name: CowStr<'a>) {
        let len = self.numbers.len() + 1;
        if self.in_alt() {
            let number = *self.numbers.entry(name).or_insert(len);
            self.write("[");
            self.number(number as u64);
            self.write("]");
            return;
        }
        self.write("<sup class=\"footnote-reference\"><a href=\"#");
        let _ = escape_html(&mut self.out, &name);
        self.write("\">");
        let number = *self.numbers.entry(name).or_insert(len);
        self.number(number as u64);
        self.write("</a></sup>");
    }

    /// A task list checkbox.
    pub(crate) fn task(&mut self, checked: bool) {
        if self.in_alt() {
            self.write(if checked { "[x]" } else { "[ ]" });
        } else if checked {
            self.write("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>\n");
        } else {
            self.write("<input disabled=\"\" type=\"checkbox\"/>\n");
        }
    }

    /// Math spans (`inline` or display), written as pulldown-cmark does.
    pub(crate) fn math(&mut self, math: &str, inline: bool) {
        if self.in_alt() {
            let dollars = if inline { "$" } else { "$$" };
            self.write(dollars);
            self.alt_text(math);
            self.write(dollars);
            return;
        }
        self.write(if inline {
            "<span class=\"math math-inline\">"
        } else {
            "<span class=\"math math-display\">"
        });
        let _ = escape_html(&mut self.out, math);
        self.write("</span>");
    }

    fn data_line(&mut self, line: Option<usize>) {
        if let Some(line) = line {
            self.out.push_str(" data-line=\"");
            self.number(line as u64);
            self.out.push('"');
        }
    }

    fn number(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // One to a few ASCII digits: pushed one by one, without a UTF-8 check and a copy.
        for &digit in &digits[start..] {
            self.out.push(char::from(digit));
        }
        self.end_newline = false;
    }

    fn newline_then(&mut self, s: &str) {
        if !self.end_newline {
            self.write("\n");
        }
        self.write(s);
    }

    /// An opening tag; `line` adds `data-line` on the blocks the preview scrolls by.
    pub(crate) fn start(&mut self, tag: Tag<'a>, line: Option<usize>) {
        if self.in_alt() {
            if let Tag::Image { title, .. } = tag {
                // A nested image only contributes its alt text, like pulldown-cmark.
                self.image_titles.push(title);
                self.alt_nesting += 1;
            } else {
                self.alt_nesting += 1;
            }
            return;
        }
        match tag {
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {}
            Tag::Paragraph => {
                self.newline_then("<p");
                self.data_line(line);
                self.write(">");
            }
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                self.newline_then("<");
                self.write(heading_name(level));
                if let Some(id) = id {
                    self.write(" id=\"");
                    let _ = escape_html(&mut self.out, &id);
                    self.write("\"");
                }
                if !classes.is_empty() {
                    self.write(" class=\"");
                    for (i, class) in classes.iter().enumerate() {
                        if i > 0 {
                            self.write(" ");
                        }
                        let _ = escape_html(&mut self.out, class);
                    }
                    self.write("\"");
                }
                for (attr, value) in attrs {
                    self.write(" ");
                    let _ = escape_html(&mut self.out, &attr);
                    self.write("=\"");
                    if let Some(value) = value {
                        let _ = escape_html(&mut self.out, &value);
                    }
                    self.write("\"");
                }
                self.data_line(line);
                self.write(">");
            }
            Tag::Table(alignments) => {
                self.table_alignments = alignments;
                self.write("<table>");
            }
            Tag::TableHead => {
                self.table_state = TableState::Head;
                self.table_cell_index = 0;
                self.write("<thead><tr>");
            }
            Tag::TableRow => {
                self.table_cell_index = 0;
                self.write("<tr>");
            }
            Tag::TableCell => self.table_cell(),
            Tag::BlockQuote(kind) => {
                self.newline_then("<blockquote");
                self.write(blockquote_class(kind));
                self.data_line(line);
                self.write(">\n");
            }
            Tag::CodeBlock(kind) => {
                self.newline_then("<pre");
                self.data_line(line);
                self.write("><code");
                if let CodeBlockKind::Fenced(info) = kind {
                    let lang = info.split(' ').next().unwrap_or("");
                    if !lang.is_empty() {
                        self.write(" class=\"language-");
                        let _ = escape_html(&mut self.out, lang);
                        self.write("\"");
                    }
                }
                self.write(">");
            }
            Tag::List(start) => {
                self.newline_then(if start.is_some() { "<ol" } else { "<ul" });
                if let Some(start) = start.filter(|&n| n != 1) {
                    self.write(" start=\"");
                    self.number(start);
                    self.write("\"");
                }
                self.data_line(line);
                self.write(">\n");
            }
            Tag::Item => {
                self.newline_then("<li");
                self.data_line(line);
                self.write(">");
            }
            Tag::DefinitionList => self.newline_then("<dl>\n"),
            Tag::DefinitionListTitle => self.newline_then("<dt>"),
            Tag::DefinitionListDefinition => self.newline_then("<dd>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.write(if link_type == LinkType::Email {
                    "<a href=\"mailto:"
                } else {
                    "<a href=\""
                });
                escape_href(&mut self.out, &dest_url);
                if !title.is_empty() {
                    self.write("\" title=\"");
                    let _ = escape_html(&mut self.out, &title);
                }
                self.write("\">");
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.write("<img src=\"");
                escape_href(&mut self.out, &dest_url);
                self.write("\" alt=\"");
                self.image_titles.push(title);
            }
            Tag::FootnoteDefinition(name) => {
                self.newline_then("<div class=\"footnote-definition\" id=\"");
                let _ = escape_html(&mut self.out, &name);
                self.write("\"><sup class=\"footnote-definition-label\">");
                let len = self.numbers.len() + 1;
                let number = *self.numbers.entry(name).or_insert(len);
                self.number(number as u64);
                self.write("</sup>");
            }
        }
    }

    /// An image from a resolver's description: `src`, `srcset` and `sizes` when there are
    /// variants, `width`/`height` when known, `loading="lazy"` when `lazy` (every image but
    /// the first: the first is likely in view at once), `decoding="async"`; then the `alt`
    /// text, written by the following events as for any image.
    pub(crate) fn described_image(
        &mut self,
        image: &ImageDescription,
        title: CowStr<'a>,
        lazy: bool,
    ) {
        self.write("<img src=\"");
        escape_href(&mut self.out, &image.src);
        if image.srcset.len() > 1 {
            self.write("\" srcset=\"");
            for (i, candidate) in image.srcset.iter().enumerate() {
                if i > 0 {
                    self.write(", ");
                }
                escape_href(&mut self.out, &candidate.url);
                self.write(" ");
                self.number(u64::from(candidate.width));
                self.write("w");
            }
            if let Some(sizes) = &image.sizes {
                self.write("\" sizes=\"");
                let _ = escape_html(&mut self.out, sizes);
            }
        }
        if let Some((width, height)) = image.size {
            self.write("\" width=\"");
            self.number(u64::from(width));
            self.write("\" height=\"");
            self.number(u64::from(height));
        }
        if let Some(class) = &image.class {
            self.write("\" class=\"");
            let _ = escape_html(&mut self.out, class);
        }
        if lazy {
            self.write("\" loading=\"lazy");
        }
        self.write("\" decoding=\"async\" alt=\"");
        self.image_titles.push(title);
    }

    /// Opens the `<figure>` that takes the place of a paragraph holding one captioned image.
    pub(crate) fn figure_start(&mut self, line: Option<usize>) {
        self.newline_then("<figure");
        self.data_line(line);
        self.write(">");
    }

    /// Closes a figure with its caption and credit (plain text, escaped here): `caption
    /// <span class="credit">label credit</span>`, either part left out when empty.
    pub(crate) fn figure_end(&mut self, caption: &str, credit: &str, label: &str) {
        self.write("<figcaption>");
        escape_body_text(&mut self.out, caption);
        if !credit.is_empty() {
            if !caption.is_empty() {
                self.write(" ");
            }
            self.write("<span class=\"credit\">");
            self.write(label);
            self.write(" ");
            escape_body_text(&mut self.out, credit);
            self.write("</span>");
        }
        self.write("</figcaption></figure>\n");
    }

    fn table_cell(&mut self) {
        self.write(match self.table_state {
            TableState::Head => "<th",
            TableState::Body => "<td",
        });
        self.write(match self.table_alignments.get(self.table_cell_index) {
            Some(Alignment::Left) => " style=\"text-align: left\">",
            Some(Alignment::Center) => " style=\"text-align: center\">",
            Some(Alignment::Right) => " style=\"text-align: right\">",
            _ => ">",
        });
    }

    /// A closing tag.
    pub(crate) fn end(&mut self, tag: TagEnd) {
        if self.in_alt() {
            self.end_in_alt(tag);
            return;
        }
        let closing = match tag {
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => "",
            TagEnd::Paragraph => "</p>\n",
            TagEnd::Heading(level) => {
                self.write("</");
                self.write(heading_name(level));
                ">\n"
            }
            TagEnd::Table => "</tbody></table>\n",
            TagEnd::TableHead => {
                self.table_state = TableState::Body;
                "</tr></thead><tbody>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell => {
                self.table_cell_index += 1;
                match self.table_state {
                    TableState::Head => "</th>",
                    TableState::Body => "</td>",
                }
            }
            TagEnd::BlockQuote(_) => "</blockquote>\n",
            TagEnd::CodeBlock => "</code></pre>\n",
            TagEnd::List(true) => "</ol>\n",
            TagEnd::List(false) => "</ul>\n",
            TagEnd::Item => "</li>\n",
            TagEnd::DefinitionList => "</dl>\n",
            TagEnd::DefinitionListTitle => "</dt>\n",
            TagEnd::DefinitionListDefinition => "</dd>\n",
            TagEnd::Emphasis => "</em>",
            TagEnd::Superscript => "</sup>",
            TagEnd::Subscript => "</sub>",
            TagEnd::Strong => "</strong>",
            TagEnd::Strikethrough => "</del>",
            TagEnd::Link => "</a>",
            TagEnd::FootnoteDefinition => "</div>\n",
        };
        self.write(closing);
    }

    fn end_in_alt(&mut self, tag: TagEnd) {
        if self.alt_nesting > 0 {
            self.alt_nesting -= 1;
            if tag == TagEnd::Image && self.image_titles.len() > 1 {
                self.image_titles.pop();
            }
            return;
        }
        if let Some(title) = self.image_titles.pop() {
            if !title.is_empty() {
                self.write("\" title=\"");
                let _ = escape_html(&mut self.out, &title);
            }
            self.write("\" />");
        }
    }
}

fn heading_name(level: pulldown_cmark::HeadingLevel) -> &'static str {
    use pulldown_cmark::HeadingLevel::{H1, H2, H3, H4, H5, H6};
    match level {
        H1 => "h1",
        H2 => "h2",
        H3 => "h3",
        H4 => "h4",
        H5 => "h5",
        H6 => "h6",
    }
}

fn blockquote_class(kind: Option<BlockQuoteKind>) -> &'static str {
    match kind {
        None => "",
        Some(BlockQuoteKind::Note) => " class=\"markdown-alert-note\"",
        Some(BlockQuoteKind::Tip) => " class=\"markdown-alert-tip\"",
        Some(BlockQuoteKind::Important) => " class=\"markdown-alert-important\"",
        Some(BlockQuoteKind::Warning) => " class=\"markdown-alert-warning\"",
        Some(BlockQuoteKind::Caution) => " class=\"markdown-alert-caution\"",
    }
}
