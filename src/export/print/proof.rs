//! The PDF proof (the BAT): the piece set as the magazine prints it — a page size, one or two
//! columns, justified and hyphenated in the piece's language — by Typst as a library, from the
//! same [`Story`] as DOCX and ICML. Typst adds no French spacing of its own: the story's
//! no-break spaces keep `:` `;` `!` `?` `»` off a line's start and `«` off its end. Fonts:
//! Libertinus Serif (SIL OFL 1.1, `fonts/OFL.txt`), embedded in the binary and in the PDF.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use super::story::{Inline, Paragraph, Story};
use super::ParagraphStyle;
use crate::render::count_text;

/// Libertinus Serif, the proof's face: regular, italic, bold, bold italic.
static FONT_FILES: [&[u8]; 4] = [
    include_bytes!("fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("fonts/LibertinusSerif-BoldItalic.otf"),
];

/// The fonts, read once per process.
static FONTS: LazyLock<(Vec<Font>, LazyHash<FontBook>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    (fonts, book)
});

/// Typst's standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// How the proof sets the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProofOptions {
    /// Page width in millimetres (A4: 210).
    pub width_mm: f64,
    /// Page height in millimetres (A4: 297).
    pub height_mm: f64,
    /// Text columns: 1 or 2 (anything else counts as 2).
    pub columns: u8,
}

impl Default for ProofOptions {
    /// A4, two columns: the magazine's editorial page.
    fn default() -> Self {
        Self {
            width_mm: 210.0,
            height_mm: 297.0,
            columns: 2,
        }
    }
}

/// Margins of the page, in millimetres: top, bottom (room for the count line), sides.
const MARGIN_TOP_MM: f64 = 18.0;
const MARGIN_BOTTOM_MM: f64 = 22.0;
const MARGIN_SIDE_MM: f64 = 16.0;

/// An image the proof shows: its file for Typst, and its alt text.
pub(crate) struct ProofPicture {
    /// Encoded JPEG or PNG.
    pub bytes: Vec<u8>,
}

/// The PDF of `story`; `pictures[i]` is the file of `story.images[i]` (none: its alt text in
/// brackets), `portrait` the piece's lead image. Errors are Typst's diagnostics, as text.
pub(crate) fn proof_pdf(
    story: &Story,
    pictures: &[Option<ProofPicture>],
    portrait: Option<ProofPicture>,
    options: &ProofOptions,
) -> Result<Vec<u8>, String> {
    let mut files = HashMap::new();
    for (i, picture) in pictures.iter().enumerate() {
        if let Some(picture) = picture {
            files.insert(file_id(&image_path(i)), Bytes::new(picture.bytes.clone()));
        }
    }
    let has_portrait = portrait.is_some();
    if let Some(portrait) = portrait {
        files.insert(file_id(PORTRAIT), Bytes::new(portrait.bytes));
    }
    let shown: Vec<bool> = pictures.iter().map(Option::is_some).collect();
    let markup = Markup::new(story, &shown, has_portrait, options).write();
    let world = ProofWorld {
        main: Source::detached(markup),
        files,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| diagnostics(&errors))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| diagnostics(&e))
}

fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

const PORTRAIT: &str = "portrait";

fn image_path(index: usize) -> String {
    format!("image{index}")
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("Edito's own picture names are valid paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The world Typst compiles in: one source, the pictures, the embedded fonts; no clock, no
/// disk, no network.
struct ProofWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl World for ProofWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.1
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.0.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Writes the Typst source. Every piece of text goes in as a string literal (`#"…"`), never
/// as markup, so nothing a writer types is read as Typst syntax.
struct Markup<'s> {
    story: &'s Story,
    shown: &'s [bool],
    portrait: bool,
    options: &'s ProofOptions,
    out: String,
}

impl<'s> Markup<'s> {
    fn new(story: &'s Story, shown: &'s [bool], portrait: bool, options: &'s ProofOptions) -> Self {
        Self {
            story,
            shown,
            portrait,
            options,
            out: String::with_capacity(8192),
        }
    }

    fn write(mut self) -> String {
        self.preamble();
        let header: Vec<&Paragraph> = self
            .story
            .paragraphs
            .iter()
            .take_while(|p| is_header(p.style))
            .collect();
        self.header(&header);
        for paragraph in &self.story.paragraphs[header.len()..] {
            self.paragraph(paragraph);
        }
        self.out.push_str("#metadata(none) <edito-end>\n");
        self.out
    }

    fn preamble(&mut self) {
        let o = self.options;
        let columns = if o.columns == 1 { 1 } else { 2 };
        let lang = if self.story.lang == "en" { "en" } else { "fr" };
        let signs = count_text(&self.story.plain_text()).signs;
        let signs = group_thousands(signs);
        let words = ProofWords::of(lang);
        let text_height = o.height_mm - MARGIN_TOP_MM - MARGIN_BOTTOM_MM;
        let _ = write!(
            self.out,
            r##"#set document(title: {title})
#set page(width: {w}mm, height: {h}mm, margin: (x: {side}mm, top: {top}mm, bottom: {bottom}mm), columns: {columns},
  footer: context {{
    let end = locate(<edito-end>).position()
    let column = if {columns} > 1 and end.x > {half}mm {{ 1 }} else {{ 0 }}
    let fill = (column + (end.y - {top}mm) / {text_height}mm) / {columns}
    let pages = counter(page).final().first()
    set text(size: 7.5pt, fill: luma(90))
    [{signs}{nnbsp}{signes} · #pages {page_word} · {filled} #str(calc.round(fill * 100))#"{nnbsp}%"]
  }})
#set columns(gutter: 6mm)
#set text(font: "Libertinus Serif", size: 10pt, lang: "{lang}", hyphenate: true)
#set par(justify: true, leading: 0.55em, spacing: 0.7em)
#let surtitre(body) = block(below: 0.6em, text(size: 9pt, weight: "bold", fill: luma(80), tracking: 0.04em, body))
#let titre(body) = block(below: 0.6em, par(justify: false, text(size: 26pt, weight: "bold", hyphenate: false, body)))
#let chapo(body) = block(below: 0.6em, par(justify: false, text(size: 13pt, style: "italic", hyphenate: false, body)))
#let infos(body) = block(below: 0.3em, text(size: 7.5pt, fill: luma(70), body))
#let intertitre(body) = block(above: 1em, below: 0.5em, sticky: true, par(justify: false, text(size: 11pt, weight: "bold", hyphenate: false, body)))
#let texte(body) = par(body)
#let citation(body) = pad(left: 1em, par(text(style: "italic", body)))
#let liste(body) = pad(left: 1em, par(body))
#let legende(body) = par(justify: false, text(size: 8pt, body))
#let note(body) = par(body)
#let signature(body) = align(right, text(weight: "bold", body))
"##,
            title = string(&self.story.title),
            w = o.width_mm,
            h = o.height_mm,
            side = MARGIN_SIDE_MM,
            top = MARGIN_TOP_MM,
            bottom = MARGIN_BOTTOM_MM,
            half = o.width_mm / 2.0,
            nnbsp = '\u{202f}',
            signes = words.signs,
            page_word = words.pages,
            filled = words.filled,
        );
    }

    /// Kicker, title, standfirst and information line across the columns, the portrait
    /// beside them.
    fn header(&mut self, header: &[&Paragraph]) {
        self.out
            .push_str("#place(top, scope: \"parent\", float: true, clearance: 7mm)[\n");
        if self.portrait {
            self.out
                .push_str("#grid(columns: (1fr, 38mm), gutter: 6mm, [\n");
        }
        for paragraph in header {
            self.paragraph(paragraph);
        }
        if self.portrait {
            let _ = writeln!(self.out, "], image({}, width: 38mm))", string(PORTRAIT));
        }
        self.out.push_str("#line(length: 100%, stroke: 0.4pt)\n]\n");
    }

    fn paragraph(&mut self, paragraph: &Paragraph) {
        let _ = write!(self.out, "#{}[", function(paragraph.style));
        for inline in &paragraph.inlines {
            self.inline(inline);
        }
        self.out.push_str("]\n\n");
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text { text, style, link } => {
                let mut content = string(text);
                if let Some(style) = style {
                    if style.bold() {
                        content = format!("strong({content})");
                    }
                    if style.italic() {
                        content = format!("emph({content})");
                    }
                }
                if let Some(url) = link.and_then(|l| self.story.links.get(l)) {
                    content = format!("link({}, {content})", string(url));
                }
                let _ = write!(self.out, "#{content}");
            }
            Inline::Break => self.out.push_str("#linebreak()"),
            Inline::Tab => self.out.push_str("#h(1.5em)"),
            Inline::Note(index) => {
                self.out.push_str("#footnote[");
                for (i, paragraph) in self
                    .story
                    .notes
                    .get(*index)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if i > 0 {
                        self.out.push_str("#parbreak()");
                    }
                    for inline in &paragraph.inlines {
                        self.inline(inline);
                    }
                }
                self.out.push(']');
            }
            Inline::Image(index) => {
                let alt = self
                    .story
                    .images
                    .get(*index)
                    .map_or(String::new(), |image| image.alt.clone());
                if self.shown.get(*index) == Some(&true) {
                    let _ = write!(
                        self.out,
                        "#image({}, alt: {}, width: 100%)",
                        string(&image_path(*index)),
                        string(&alt)
                    );
                } else {
                    let _ = write!(self.out, "#{}", string(&format!("[{alt}]")));
                }
            }
        }
    }
}

fn is_header(style: ParagraphStyle) -> bool {
    matches!(
        style,
        ParagraphStyle::Surtitre
            | ParagraphStyle::Titre
            | ParagraphStyle::Chapo
            | ParagraphStyle::Infos
    )
}

/// The Typst function of each paragraph style (defined in the preamble).
fn function(style: ParagraphStyle) -> &'static str {
    match style {
        ParagraphStyle::Surtitre => "surtitre",
        ParagraphStyle::Titre => "titre",
        ParagraphStyle::Chapo => "chapo",
        ParagraphStyle::Infos => "infos",
        ParagraphStyle::Intertitre => "intertitre",
        ParagraphStyle::Texte => "texte",
        ParagraphStyle::Citation => "citation",
        ParagraphStyle::Liste => "liste",
        ParagraphStyle::Legende => "legende",
        ParagraphStyle::Note => "note",
        ParagraphStyle::Signature => "signature",
    }
}

/// A Typst string literal of `text`.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `12345` → `12 345` with U+202F, as French sets thousands.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// The count line's words.
struct ProofWords {
    signs: &'static str,
    pages: &'static str,
    filled: &'static str,
}

impl ProofWords {
    fn of(lang: &str) -> Self {
        if lang == "en" {
            Self {
                signs: "characters",
                pages: "page(s)",
                filled: "last page filled to",
            }
        } else {
            Self {
                signs: "signes",
                pages: "page(s)",
                filled: "dernière page remplie à",
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_typst_reads() {
        assert_eq!(string("a\"b\\c#[*]"), "\"a\\\"b\\\\c#[*]\"");
        assert_eq!(group_thousands(2345), "2\u{202f}345");
        assert_eq!(group_thousands(999), "999");
    }
}
