//! Micro-typography on visible text: quotes, apostrophes, ellipses, dashes and, in French,
//! the no-break spaces before high punctuation. It only ever sees the text of `Text` events,
//! so code, raw HTML, URLs and attributes cannot be touched by construction.

mod en;
mod fr;
mod scan;

use super::escape::escape_body_text;
use super::Lang;
use scan::Scan;

/// U+00A0, the no-break space French puts before `:` and inside guillemets.
pub(crate) const NBSP: char = '\u{a0}';
/// U+202F, the narrow no-break space French puts before `; ! ?` and `%`.
pub(crate) const NNBSP: char = '\u{202f}';

/// Applies the typography of `lang` to a plain field (title, chapô, caption): the same rules
/// as the Markdown body, for text that is not Markdown.
pub fn typography_text(plain: &str, lang: Lang) -> String {
    Typographer::new(lang).apply(crate::text::without_bom(plain))
}

/// Typography state carried across the text events of one block, so that a quote opened
/// before `**bold**` is closed after it, and a space typed before an inline element counts.
#[derive(Debug, Clone)]
pub(crate) struct Typographer {
    lang: Lang,
    /// Last visible character before the next text, `None` at the start of a block.
    prev: Option<char>,
    /// Depth of open double quotes in the current block (French nests « » then “ ”).
    open_quotes: u32,
}

impl Typographer {
    /// A typographer at the start of a block.
    pub(crate) fn new(lang: Lang) -> Self {
        Self {
            lang,
            prev: None,
            open_quotes: 0,
        }
    }

    /// Forgets the context: quotes do not pair across paragraphs, headings or cells.
    pub(crate) fn start_block(&mut self) {
        self.prev = None;
        self.open_quotes = 0;
    }

    /// Records an inline element that shows as a word (code span, image, footnote mark),
    /// so a quote right after it closes.
    pub(crate) fn saw_word(&mut self) {
        self.prev = Some('a');
    }

    /// Records a line break, which reads as a space.
    pub(crate) fn saw_space(&mut self) {
        self.prev = Some(' ');
    }

    /// Applies the rules to a plain text.
    pub(crate) fn apply(&mut self, text: &str) -> String {
        let (mut visible, mut html) = (String::new(), String::new());
        self.apply_to(text, &mut visible, &mut html);
        visible
    }

    /// Applies the rules to one text event, appending the result to `visible` and, escaped
    /// for the HTML body, to `html` (the pipeline passes the counter's batch and its output,
    /// so the result is copied once, and screened for escapes by the rules' own scan).
    pub(crate) fn apply_to(&mut self, text: &str, visible: &mut String, html: &mut String) {
        let triggers = match self.lang {
            Lang::Fr => &fr::TRIGGERS,
            Lang::En => &en::TRIGGERS,
        };
        let mut scan = Scan::new(text, self.prev, visible);
        while let Some(byte) = scan.next_trigger(triggers) {
            match self.lang {
                Lang::Fr => fr::handle(self, &mut scan, byte),
                Lang::En => en::handle(self, &mut scan, byte),
            }
        }
        if let Some(last) = scan.last_written() {
            self.prev = Some(last);
        }
        // The rules write no byte the HTML escapes: only the input can bring one.
        if scan.has_escapes() {
            escape_body_text(html, scan.written());
        } else {
            html.push_str(scan.written());
        }
    }

    /// Handles the rules both languages share; returns false when `byte` is not one of them.
    fn shared(&mut self, scan: &mut Scan<'_, '_>, byte: u8, dashes: (&str, &str)) -> bool {
        match byte {
            b'.' if scan.rest().starts_with("...") => {
                scan.replace(3, "…");
            }
            b'.' if scan.out_ends_with_word("www") => {
                scan.copy_url();
            }
            b':' if scan.rest().starts_with("://") => {
                scan.copy_url();
            }
            b'-' => dash(scan, dashes),
            _ => return false,
        }
        true
    }

    /// Whether a straight double quote at the scan position opens (rather than closes): it
    /// opens after a boundary, unless a space follows while a quote is open (`"fin" "`).
    fn quote_opens(&self, scan: &Scan<'_, '_>) -> bool {
        if !scan.prev_char().is_none_or(opens_after) {
            return false;
        }
        let next = scan.rest()[1..].chars().next();
        !(self.open_quotes > 0 && next.is_some_and(char::is_whitespace))
    }
}

/// Characters after which a quote or apostrophe opens: start of text, spaces, opening
/// brackets and dashes.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '—' | '–' | '/' | '-')
}

/// Dashes: `---` is always an em dash; `--` gives `double`; a hyphen between spaces gives
/// `spaced`; a hyphen between two numbers (`1964-2009`) is an en dash for a range.
fn dash(scan: &mut Scan<'_, '_>, (double, spaced): (&str, &str)) {
    let rest = scan.rest();
    if rest.starts_with("---") {
        scan.replace(3, "—");
    } else if rest.starts_with("--") {
        scan.replace(2, double);
    } else if scan.prev_char() == Some(' ') && rest[1..].starts_with(' ') {
        scan.replace(1, spaced);
    } else if scan.is_number_range() {
        scan.replace(1, "–");
    } else {
        scan.replace(1, "-");
    }
}
