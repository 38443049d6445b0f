//! DOCX for the desk, written with `docx-rs`: every paragraph and run carries a named style
//! (the desk's Word template restyles the piece by replacing them), no direct formatting; the
//! document's language is the piece's; footnotes are Word footnotes, links hyperlinks, images
//! PNG renditions with their alt text. Two things `docx-rs` 0.4 does not write are added to its
//! XML parts before they are zipped: the language (`w:lang` in the defaults) and the images'
//! alt text (`descr` on `wp:docPr`, whose ids it also leaves all equal to 1), plus the number
//! mark at the start of each footnote's text (`w:footnoteRef`).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footnote, Hyperlink, HyperlinkType, LineSpacing, Paragraph,
    Pic, Run, RunFonts, RunProperty, SpecialIndentType, Style, StyleType, VertAlignType,
};

use super::story::{Inline, Paragraph as StoryParagraph, Story, StoryImage};
use super::{CharacterStyle, ParagraphStyle};

/// A picture for the document: PNG bytes and its size in pixels.
pub(crate) struct DocxPicture {
    /// PNG bytes (`docx-rs` names every picture `.png`).
    pub png: Vec<u8>,
    /// Width and height in pixels.
    pub size: (u32, u32),
}

/// What stands in a run for the footnote's number until the XML is patched: a private-use
/// character no piece carries (the typeset text never holds one: see the test).
const FOOTNOTE_MARK: &str = "\u{f8ff}";

/// Word's style id of a footnote call, which `docx-rs` applies to the calls it writes.
const FOOTNOTE_REFERENCE: &str = "FootnoteReference";

/// Word's style id of hyperlinks.
const HYPERLINK: &str = "Hyperlink";

/// Widest picture, in EMU (16 cm: the text width of an A4 page with 2.5 cm margins).
const MAX_PICTURE_EMU: u64 = 5_760_000;

/// EMU per pixel at 96 dpi.
const EMU_PER_PX: u64 = 9_525;

/// The DOCX bytes of `story`; `picture` gives each image's PNG (none: the alt text stands in
/// its place, so no text is lost).
pub(crate) fn docx(
    story: &Story,
    picture: &dyn Fn(&StoryImage) -> Option<DocxPicture>,
) -> Result<Vec<u8>, String> {
    let mut doc = styles(Docx::new());
    let mut alts = Vec::new();
    for paragraph in &story.paragraphs {
        doc = doc.add_paragraph(paragraph_of(story, paragraph, picture, &mut alts));
    }
    let mut xml = doc.build();
    xml.styles = with_language(&xml.styles, word_language(story.lang));
    xml.document = with_alt_texts(&xml.document, &alts);
    xml.footnotes = with_footnote_marks(&xml.footnotes);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The styles every Edito document declares, paragraph and character.
fn styles(doc: Docx) -> Docx {
    let mut doc = doc
        .default_fonts(
            RunFonts::new()
                .ascii("Liberation Serif")
                .hi_ansi("Liberation Serif"),
        )
        .default_size(22);
    for style in ParagraphStyle::ALL {
        let base = Style::new(style.id(), StyleType::Paragraph)
            .name(style.name())
            .line_spacing(LineSpacing::new().after(120));
        let styled = match style {
            ParagraphStyle::Surtitre => base.size(20).bold().color("555555"),
            ParagraphStyle::Titre => base.size(44).bold().outline_lvl(0),
            ParagraphStyle::Chapo => base.size(26).italic(),
            ParagraphStyle::Infos | ParagraphStyle::Legende | ParagraphStyle::Note => base.size(18),
            ParagraphStyle::Intertitre => base.size(28).bold().outline_lvl(1),
            ParagraphStyle::Texte => base.align(AlignmentType::Both),
            ParagraphStyle::Citation => base
                .italic()
                .indent(Some(567), None, Some(567), None)
                .align(AlignmentType::Both),
            ParagraphStyle::Liste => {
                base.indent(Some(567), Some(SpecialIndentType::Hanging(284)), None, None)
            }
            ParagraphStyle::Signature => base.bold().align(AlignmentType::Right),
        };
        doc = doc.add_style(styled);
    }
    for style in CharacterStyle::ALL {
        let mut styled = Style::new(style.id(), StyleType::Character).name(style.name());
        if style.italic() {
            styled = styled.italic();
        }
        if style.bold() {
            styled = styled.bold();
        }
        doc = doc.add_style(styled);
    }
    let mut reference =
        Style::new(FOOTNOTE_REFERENCE, StyleType::Character).name("footnote reference");
    reference.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    let link = Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color("0563C1")
        .underline("single");
    doc.add_style(reference).add_style(link)
}

fn paragraph_of(
    story: &Story,
    paragraph: &StoryParagraph,
    picture: &dyn Fn(&StoryImage) -> Option<DocxPicture>,
    alts: &mut Vec<String>,
) -> Paragraph {
    let mut out = Paragraph::new().style(paragraph.style.id());
    // Runs of one link go into one hyperlink.
    let mut open: Option<(usize, Hyperlink)> = None;
    for inline in &paragraph.inlines {
        let link = match inline {
            Inline::Text { link, .. } => *link,
            _ => None,
        };
        if open.as_ref().map(|(l, _)| *l) != link {
            if let Some((_, hyperlink)) = open.take() {
                out = out.add_hyperlink(hyperlink);
            }
            if let Some(index) = link {
                let url = story.links.get(index).map_or("", String::as_str);
                open = Some((index, Hyperlink::new(url, HyperlinkType::External)));
            }
        }
        let run = run_of(story, inline, picture, alts);
        open = match open {
            Some((index, hyperlink)) => Some((index, hyperlink.add_run(run))),
            None => {
                out = out.add_run(run);
                None
            }
        };
    }
    if let Some((_, hyperlink)) = open {
        out = out.add_hyperlink(hyperlink);
    }
    out
}

fn run_of(
    story: &Story,
    inline: &Inline,
    picture: &dyn Fn(&StoryImage) -> Option<DocxPicture>,
    alts: &mut Vec<String>,
) -> Run {
    match inline {
        Inline::Text { text, style, link } => {
            let run = Run::new().add_text(text);
            match (style, link) {
                (Some(style), _) => run.style(style.id()),
                (None, Some(_)) => run.style(HYPERLINK),
                (None, None) => run,
            }
        }
        Inline::Break => Run::new().add_break(BreakType::TextWrapping),
        Inline::Tab => Run::new().add_tab(),
        Inline::Note(index) => {
            let mut footnote = Footnote::new();
            for (i, paragraph) in story.notes.get(*index).into_iter().flatten().enumerate() {
                let mut p = paragraph_of(story, paragraph, picture, alts);
                if i == 0 {
                    p = Paragraph::new()
                        .style(paragraph.style.id())
                        .add_run(Run::new().style(FOOTNOTE_REFERENCE).add_text(FOOTNOTE_MARK))
                        .add_run(Run::new().add_text(" "));
                    for inline in &paragraph.inlines {
                        p = p.add_run(run_of(story, inline, picture, alts));
                    }
                }
                footnote = footnote.add_content(p);
            }
            Run::new().add_footnote_reference(footnote)
        }
        Inline::Image(index) => {
            let Some(image) = story.images.get(*index) else {
                return Run::new();
            };
            match picture(image) {
                Some(pic) => {
                    alts.push(image.alt.clone());
                    let (w, h) = emu_size(pic.size);
                    Run::new().add_image(
                        Pic::new_with_dimensions(pic.png, pic.size.0, pic.size.1).size(w, h),
                    )
                }
                None => Run::new().add_text(format!("[{}]", image.alt)),
            }
        }
    }
}

/// A picture's size on the page: its pixels at 96 dpi, narrowed to the text width.
fn emu_size((width, height): (u32, u32)) -> (u32, u32) {
    let w = u64::from(width.max(1)) * EMU_PER_PX;
    let h = u64::from(height.max(1)) * EMU_PER_PX;
    let (w, h) = if w > MAX_PICTURE_EMU {
        (MAX_PICTURE_EMU, h * MAX_PICTURE_EMU / w)
    } else {
        (w, h)
    };
    (
        u32::try_from(w).unwrap_or(u32::MAX),
        u32::try_from(h).unwrap_or(u32::MAX),
    )
}

/// Word's language tag of the piece's language.
fn word_language(lang: &str) -> &'static str {
    if lang == "en" {
        "en-GB"
    } else {
        "fr-FR"
    }
}

/// `styles.xml` with the document's language in the run defaults (`w:lang` comes last among
/// the properties `docx-rs` writes there, as the schema's order wants).
fn with_language(styles: &[u8], lang: &str) -> Vec<u8> {
    let xml = String::from_utf8_lossy(styles);
    let lang = format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />");
    let patched = if xml.contains("<w:rPrDefault><w:rPr />") {
        xml.replacen(
            "<w:rPrDefault><w:rPr />",
            &format!("<w:rPrDefault><w:rPr>{lang}</w:rPr>"),
            1,
        )
    } else {
        xml.replacen(
            "</w:rPr></w:rPrDefault>",
            &format!("{lang}</w:rPr></w:rPrDefault>"),
            1,
        )
    };
    patched.into_bytes()
}

/// `document.xml` with each picture's alt text (`descr`) and a distinct id, in order.
fn with_alt_texts(document: &[u8], alts: &[String]) -> Vec<u8> {
    const DOC_PR: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + alts.len() * 64);
    let mut rest: &str = &xml;
    let mut n = 0;
    while let Some(at) = rest.find(DOC_PR) {
        out.push_str(&rest[..at]);
        let alt = alts.get(n).map_or("", String::as_str);
        n += 1;
        out.push_str(&format!(
            "<wp:docPr id=\"{n}\" name=\"Image {n}\" descr=\"{}\" />",
            super::icml::escape(alt)
        ));
        rest = &rest[at + DOC_PR.len()..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// `footnotes.xml` with Word's automatic number where each note's mark stands.
fn with_footnote_marks(footnotes: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(footnotes);
    xml.replace(
        &format!("<w:t xml:space=\"preserve\">{FOOTNOTE_MARK}</w:t>"),
        "<w:footnoteRef />",
    )
    .into_bytes()
}
