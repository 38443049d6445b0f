//! Source lines for block elements (`data-line="12"`), so the editor and the preview can
//! scroll together. The writer puts them on the tags; this maps byte offsets to lines.

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
