//! Comparing rendered blocks up to their source lines: the same paragraph two lines further
//! down renders to the same HTML but for its `data-line` values. Only the writer puts
//! `data-line="` in the HTML: in text and attribute values a `"` is always escaped, and the
//! sanitizer drops `data-*` attributes from raw HTML.

const MARK: &str = " data-line=\"";

/// The first `data-line` of a block.
pub(super) fn first_line(block: &str) -> Option<usize> {
    let at = block.find(MARK)? + MARK.len();
    leading_number(&block[at..]).map(|(line, _)| line)
}

/// Whether `new` is `old` with every `data-line` moved by `shift`.
pub(super) fn same_shape(old: &str, new: &str, shift: i64) -> bool {
    if shift == 0 {
        return old == new;
    }
    let mut old_parts = old.split(MARK);
    let mut new_parts = new.split(MARK);
    if old_parts.next() != new_parts.next() {
        return false;
    }
    loop {
        match (old_parts.next(), new_parts.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) => {
                let (Some((from, a_rest)), Some((to, b_rest))) =
                    (leading_number(a), leading_number(b))
                else {
                    return false;
                };
                if to as i64 - from as i64 != shift || a_rest != b_rest {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The decimal number at the start of `text` and what follows it.
fn leading_number(text: &str) -> Option<(usize, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let number = text[..digits].parse().ok()?;
    Some((number, &text[digits..]))
}
