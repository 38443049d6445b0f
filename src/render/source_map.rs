//! Source lines on block elements (`data-line="12"`), so the editor and the preview can
//! scroll together. The opening tags are written here, the rest by pulldown-cmark's writer.

use std::fmt::Write;

use pulldown_cmark::{CodeBlockKind, Tag};

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
    let mut html = String::with_capacity(32);
    if !at_line_start {
        html.push('\n');
    }
    // Writing into a String cannot fail.
    let _ = match tag {
        Tag::Paragraph => write!(html, "<p data-line=\"{line}\">"),
        Tag::Heading {
            level,
            id: None,
            classes,
            attrs,
        } if classes.is_empty() && attrs.is_empty() => {
            write!(html, "<{level} data-line=\"{line}\">")
        }
        Tag::BlockQuote(None) => writeln!(html, "<blockquote data-line=\"{line}\">"),
        Tag::CodeBlock(kind) => {
            let lang = match kind {
                CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
                CodeBlockKind::Indented => "",
            };
            if lang.is_empty() {
                write!(html, "<pre data-line=\"{line}\"><code>")
            } else {
                write!(html, "<pre data-line=\"{line}\"><code class=\"language-")
                    .and_then(|()| push_escaped(&mut html, lang))
                    .and_then(|()| html.write_str("\">"))
            }
        }
        Tag::List(Some(1)) => writeln!(html, "<ol data-line=\"{line}\">"),
        Tag::List(Some(start)) => writeln!(html, "<ol start=\"{start}\" data-line=\"{line}\">"),
        Tag::List(None) => writeln!(html, "<ul data-line=\"{line}\">"),
        Tag::Item => write!(html, "<li data-line=\"{line}\">"),
        _ => return None,
    };
    Some(html)
}

/// The thematic break with its line.
pub(crate) fn rule(line: usize, at_line_start: bool) -> String {
    let newline = if at_line_start { "" } else { "\n" };
    format!("{newline}<hr data-line=\"{line}\" />\n")
}

fn push_escaped(html: &mut String, text: &str) -> std::fmt::Result {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            _ => html.push(c),
        }
    }
    Ok(())
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
