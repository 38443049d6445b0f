//! Source lines for block elements (`data-line="12"`), so the editor and the preview can
//! scroll together. The writer puts them on the tags; this maps byte offsets to lines.

use std::cell::Cell;

/// Byte offset → 1-based line number. Blocks arrive in document order, so the newlines are
/// counted forward from the previous lookup (a vectorized count, no index of every line);
/// a lookup further back counts again from the start.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a [u8],
    /// Lines before the text (a front matter split off the document).
    offset: usize,
    /// The previous lookup: a byte offset and the newlines before it.
    last: Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, whose first line is line `offset + 1` of the source file.
    pub(crate) fn new(text: &'a str, offset: usize) -> Self {
        Self {
            text: text.as_bytes(),
            offset,
            last: Cell::new((0, 0)),
        }
    }

    /// The 1-based source line holding byte `offset`.
    pub(crate) fn line(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let (mut from, mut newlines) = self.last.get();
        if byte < from {
            (from, newlines) = (0, 0);
        }
        newlines += count_newlines(&self.text[from..byte]);
        self.last.set((byte, newlines));
        newlines + 1 + self.offset
    }
}

/// Newlines in `bytes`, summed in chunks of 255 with byte-wide sums (vector code).
fn count_newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let newlines = chunk
                .iter()
                .fold(0u8, |sum, &b| sum.wrapping_add(u8::from(b == b'\n')));
            usize::from(newlines)
        })
        .sum()
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
