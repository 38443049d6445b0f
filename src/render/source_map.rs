//! Source lines on block elements (`data-line="12"`), so the editor and the preview can
//! scroll together. The opening tags are written here, the rest by pulldown-cmark's writer.

use pulldown_cmark::{CodeBlockKind, HeadingLevel, Tag};

/// Byte offset → 1-based line number.
#[derive(Debug)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// Lines before the text (a front matter split off the document).
    offset: usize,
}

impl LineIndex {
    /// Indexes `text`, whose first line is line `offset + 1` of the source file.
    pub(crate) fn new(text: &str, offset: usize) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { starts, offset }
    }

    /// The 1-based source line holding byte `offset`.
    pub(crate) fn line(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start <= byte) + self.offset
    }
}

/// The opening tag of a block with its line, as pulldown-cmark would write it plus the
/// attribute; `None` for blocks whose opening tag the writer must keep (tables carry column
/// state in it). `at_line_start` mirrors the writer's own newline handling.
pub(crate) fn open_tag(tag: &Tag<'_>, line: usize, at_line_start: bool) -> Option<String> {
    let (open, after): (&str, &str) = match tag {
        Tag::Paragraph => ("<p", ">"),
        Tag::Heading {
            level,
            id: None,
            classes,
            attrs,
        } if classes.is_empty() && attrs.is_empty() => (heading_open(*level), ">"),
        Tag::BlockQuote(None) => ("<blockquote", ">\n"),
        Tag::CodeBlock(_) => ("<pre", "><code"),
        Tag::List(Some(1)) => ("<ol", ">\n"),
        Tag::List(Some(_)) => ("<ol start=\"", ">\n"),
        Tag::List(None) => ("<ul", ">\n"),
        Tag::Item => ("<li", ">"),
        _ => return None,
    };
    let mut html = String::with_capacity(48);
    if !at_line_start {
        html.push('\n');
    }
    html.push_str(open);
    match tag {
        Tag::List(Some(start)) if *start != 1 => {
            push_number(&mut html, *start);
            html.push('"');
        }
        _ => {}
    }
    html.push_str(" data-line=\"");
    push_number(&mut html, line as u64);
    html.push('"');
    html.push_str(after);
    if let Tag::CodeBlock(kind) = tag {
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        if !lang.is_empty() {
            html.push_str(" class=\"language-");
            push_escaped(&mut html, lang);
            html.push('"');
        }
        html.push('>');
    }
    Some(html)
}

fn heading_open(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "<h1",
        HeadingLevel::H2 => "<h2",
        HeadingLevel::H3 => "<h3",
        HeadingLevel::H4 => "<h4",
        HeadingLevel::H5 => "<h5",
        HeadingLevel::H6 => "<h6",
    }
}

/// Decimal digits without the formatting machinery (this runs once per block).
fn push_number(html: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in digits[..len].iter().rev() {
        html.push(char::from(digit));
    }
}

/// The thematic break with its line.
pub(crate) fn rule(line: usize, at_line_start: bool) -> String {
    let newline = if at_line_start { "" } else { "\n" };
    format!("{newline}<hr data-line=\"{line}\" />\n")
}

fn push_escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            _ => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lines_are_one_based_and_shifted_by_the_offset() {
        let index = LineIndex::new("a\nb\n\nc", 0);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(5), 4);
        assert_eq!(LineIndex::new("a\nb", 3).line(2), 5);
    }
}
