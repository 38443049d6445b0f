//! Micro-typography on visible text: quotes, apostrophes, ellipses, dashes, symbols and, in
//! French, the no-break spaces before high punctuation and the rules of the Imprimerie
//! nationale's *Lexique* (ordinals, abbreviations, units). It only ever sees the text of
//! `Text` events, so code, raw HTML, URLs and attributes cannot be touched by construction.
//! docs/TYPOGRAPHY.md lists every rule with its source.

mod en;
mod fr;
mod lexique;
mod numbers;
mod scan;
mod symbols;

use super::escape::escape_body_text;
use super::Lang;
use scan::Scan;

/// U+00A0, the no-break space French puts before `:` and inside guillemets.
pub(crate) const NBSP: char = '\u{a0}';
/// U+202F, the narrow no-break space French puts before `; ! ?` and `%`.
pub(crate) const NNBSP: char = '\u{202f}';

/// Applies the typography of `lang` to a plain field (title, chapô, caption): the same rules
/// as the Markdown body, for text that is not Markdown (an ordinal keeps its letters on the
/// line: plain text has no superscript).
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
    /// First visible character after the next text, when the pipeline knows it.
    next: Option<char>,
    /// A tie the next text starts with: the line break before it was absorbed.
    lead: Option<char>,
    /// Depth of open quotes in the current block (French nests « » then “ ”).
    open_quotes: u32,
    /// Bit `i` set when the quote at depth `i + 1` was opened by a straight single quote,
    /// so that only a single quote closes it.
    singles: u32,
}

/// What a straight double quote is, from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Inch or second mark after a number (`27"`): ″, never a quote.
    Mark,
}

impl Typographer {
    /// A typographer at the start of a block.
    pub(crate) fn new(lang: Lang) -> Self {
        Self {
            lang,
            prev: None,
            next: None,
            lead: None,
            open_quotes: 0,
            singles: 0,
        }
    }

    /// Forgets the context: quotes do not pair across paragraphs, headings or cells.
    pub(crate) fn start_block(&mut self) {
        self.prev = None;
        self.lead = None;
        self.open_quotes = 0;
        self.singles = 0;
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

    /// Tells what shows right after the next text: `Some('a')` for a word (emphasis, code,
    /// link), `Some(' ')` for a space or the end of the block, `None` if unknown.
    pub(crate) fn set_next(&mut self, next: Option<char>) {
        self.next = next;
    }

    /// Whether the line break in the source before `text` must not break the line: French
    /// puts a no-break space before `? ! ; :` and `»` and after `«` (Lexique), and a number
    /// keeps its unit; English puts no space before `? ! ; :`. When it returns true the
    /// caller writes no line break, and the tie (if any) starts the text.
    pub(crate) fn absorbs_break_before(&mut self, text: &str) -> bool {
        let mut chars = text.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let second = chars.next();
        let after_number = self.prev.is_some_and(|c| c.is_ascii_digit());
        let lead = match self.lang {
            Lang::Fr => {
                if self.prev.is_some_and(|c| c == NBSP || c == NNBSP) {
                    // `«` (or a tie) already ends the line: the break would only add a space.
                    return true;
                }
                match first {
                    '?' | '!' | ';' => NNBSP,
                    ':' if !second.is_some_and(fr::word_after_colon) => NBSP,
                    '»' => NBSP,
                    '"' if self.open_quotes > 0 && second.is_none_or(closes_before) => {
                        if self.open_quotes > 1 {
                            // “ ” close on the word, with no space.
                            return true;
                        }
                        NBSP
                    }
                    '%' if after_number => NNBSP,
                    _ if after_number && numbers::unit_or_currency_at(text) => NBSP,
                    _ => return false,
                }
            }
            Lang::En => match first {
                '?' | '!' | ';' | ':' if !second.is_some_and(char::is_alphanumeric) => {
                    return true;
                }
                _ if after_number && numbers::unit_or_currency_at(text) => NBSP,
                _ => return false,
            },
        };
        self.lead = Some(lead);
        true
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
        let mut scan = Scan::new(text, self.prev, self.next.take(), visible);
        if let Some(lead) = self.lead.take() {
            scan.push(lead);
        }
        while let Some(byte) = scan.next_trigger(triggers) {
            match self.lang {
                Lang::Fr => fr::handle(self, &mut scan, byte),
                Lang::En => en::handle(self, &mut scan, byte),
            }
        }
        if let Some(last) = scan.last_written() {
            self.prev = Some(last);
        }
        if !scan.sups().is_empty() {
            write_with_sups(html, scan.written(), scan.sups());
        } else if scan.has_escapes() {
            // The rules write no byte the HTML escapes: only the input can bring one.
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
            // Most periods end a sentence: one byte read before the look-back for `www`.
            b'.' if scan.written().ends_with('w') && scan.out_ends_with_word("www") => {
                scan.copy_url();
            }
            b':' if scan.rest().starts_with("://") => {
                scan.copy_url();
            }
            b'-' => dash(scan, dashes),
            b'(' => symbols::symbol(scan),
            b',' => symbols::comma(scan),
            b'0'..=b'9' => numbers::number(scan, self.lang),
            _ => return false,
        }
        true
    }

    /// What the straight double quote at the scan position is. It opens after a boundary
    /// (space, opening bracket or mark, dash, apostrophe) before a word, closes after a word
    /// before a boundary, and when both sides agree (`" Bonjour "`, `a"b`) it closes an open
    /// quote or else opens one. After a digit with no quote open it is an inch or second
    /// mark (`27"`).
    fn quote_role(&self, scan: &Scan<'_, '_>) -> Role {
        let prev = scan.prev_char();
        if self.open_quotes == 0 && prev.is_some_and(|c| c.is_ascii_digit()) {
            return Role::Mark;
        }
        let after_boundary = prev.is_none_or(|c| opens_after(c) || matches!(c, '’' | '\''));
        let before_boundary = scan.next_char().is_none_or(closes_before);
        match (after_boundary, before_boundary) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ if self.open_quotes > 0 => Role::Close,
            _ => Role::Open,
        }
    }

    /// Records an opened quote; returns its depth (1 for the outermost).
    fn push_quote(&mut self, single: bool) -> u32 {
        if single && self.open_quotes < u32::BITS {
            self.singles |= 1 << self.open_quotes;
        }
        self.open_quotes += 1;
        self.open_quotes
    }

    /// Records a closed quote; returns the depth it had (0 when none was open).
    fn pop_quote(&mut self) -> u32 {
        let depth = self.open_quotes;
        if depth > 0 {
            self.open_quotes -= 1;
            if self.open_quotes < u32::BITS {
                self.singles &= !(1 << self.open_quotes);
            }
        }
        depth
    }

    /// Whether the innermost open quote was opened by a straight single quote.
    fn single_is_open(&self) -> bool {
        self.open_quotes > 0
            && self.open_quotes <= u32::BITS
            && self.singles & (1 << (self.open_quotes - 1)) != 0
    }
}

/// Writes `visible` escaped for the HTML body, with its superscript ranges in `<sup>`.
fn write_with_sups(html: &mut String, visible: &str, sups: &[(usize, usize)]) {
    let mut at = 0;
    for &(from, to) in sups {
        escape_body_text(html, &visible[at..from]);
        html.push_str("<sup>");
        escape_body_text(html, &visible[from..to]);
        html.push_str("</sup>");
        at = to;
    }
    escape_body_text(html, &visible[at..]);
}

/// Characters after which a quote or apostrophe opens: start of text, spaces, opening
/// brackets and dashes.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '—' | '–' | '/' | '-')
}

/// Characters before which a quote closes: spaces, punctuation that follows a word, closing
/// brackets and marks, dashes.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '…'
                | '»'
                | '”'
                | '’'
                | '\''
                | '"'
                | '—'
                | '–'
                | '-'
                | '/'
        )
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
