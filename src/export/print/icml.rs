//! ICML (InCopy Interchange, Adobe's "IDML File Format Specification", ch. 11): one standalone
//! document with every style it applies declared, then one `Story` of `ParagraphStyleRange` /
//! `CharacterStyleRange` / `Content`, paragraphs ended by `<Br />`. InDesign places it as a
//! linked story and maps the styles by name. No-break spaces travel as characters.

use std::fmt::Write as _;

use super::story::{Inline, Paragraph, Story};
use super::{CharacterStyle, ParagraphStyle};

/// InDesign's "no character style".
const NO_CHARACTER_STYLE: &str = "CharacterStyle/$ID/[No character style]";

/// InDesign writes a forced line break (Shift+Enter) as U+2028 in `Content`.
const LINE_SEPARATOR: char = '\u{2028}';

/// Widest image frame, in points (a text column of an A4 page).
const MAX_IMAGE_WIDTH_PT: f64 = 480.0;

/// The ICML document of `story`, UTF-8.
pub(crate) fn icml(story: &Story) -> String {
    let mut writer = Writer {
        out: String::with_capacity(4096 + story.paragraphs.len() * 256),
        story,
        hyperlinks: Vec::new(),
    };
    writer.document();
    writer.out
}

struct Writer<'s> {
    out: String,
    story: &'s Story,
    /// One `(text source id, link index)` per linked run.
    hyperlinks: Vec<(usize, usize)>,
}

impl Writer<'_> {
    fn document(&mut self) {
        let language = indesign_language(self.story.lang);
        self.out.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <?aid style=\"50\" type=\"snippet\" readerVersion=\"6.0\" featureSet=\"513\" product=\"8.0(370)\" ?>\n\
             <?aid SnippetType=\"InCopyInterchange\"?>\n\
             <Document DOMVersion=\"8.0\" Self=\"edito_document\">\n\
             <RootCharacterStyleGroup Self=\"edito_character_styles\">\n",
        );
        let _ = writeln!(
            self.out,
            "<CharacterStyle Self=\"{NO_CHARACTER_STYLE}\" Imported=\"false\" Name=\"$ID/[No character style]\" />"
        );
        for style in CharacterStyle::ALL {
            let font_style = match style {
                CharacterStyle::Italique => "Italic",
                CharacterStyle::Gras => "Bold",
                CharacterStyle::GrasItalique => "Bold Italic",
            };
            let _ = writeln!(
                self.out,
                "<CharacterStyle Self=\"{}\" Name=\"{}\" FontStyle=\"{font_style}\" />",
                character_style_ref(style),
                style.name()
            );
        }
        self.out.push_str(
            "</RootCharacterStyleGroup>\n<RootParagraphStyleGroup Self=\"edito_paragraph_styles\">\n\
             <ParagraphStyle Self=\"ParagraphStyle/$ID/[No paragraph style]\" Name=\"$ID/[No paragraph style]\" />\n",
        );
        for style in ParagraphStyle::ALL {
            let _ = writeln!(
                self.out,
                "<ParagraphStyle Self=\"{}\" Name=\"{}\" AppliedLanguage=\"{language}\" />",
                paragraph_style_ref(style),
                style.name()
            );
        }
        self.out.push_str("</RootParagraphStyleGroup>\n");
        let _ = writeln!(
            self.out,
            "<Story Self=\"edito_story\" AppliedTOCStyle=\"n\" TrackChanges=\"false\" StoryTitle=\"{}\" AppliedNamedGrid=\"n\">",
            escape(&self.story.title)
        );
        self.out.push_str(
            "<StoryPreference OpticalMarginAlignment=\"true\" OpticalMarginSize=\"12\" FrameType=\"TextFrameType\" StoryOrientation=\"Horizontal\" StoryDirection=\"LeftToRightDirection\" />\n",
        );
        let count = self.story.paragraphs.len();
        for (i, paragraph) in self.story.paragraphs.iter().enumerate() {
            self.paragraph(paragraph, i + 1 < count);
        }
        self.out.push_str("</Story>\n");
        self.hyperlink_objects();
        self.out.push_str("</Document>\n");
    }

    /// One paragraph; `br`: whether a paragraph follows (the last one ends the story).
    fn paragraph(&mut self, paragraph: &Paragraph, br: bool) {
        let _ = writeln!(
            self.out,
            "<ParagraphStyleRange AppliedParagraphStyle=\"{}\">",
            paragraph_style_ref(paragraph.style)
        );
        for inline in &paragraph.inlines {
            self.inline(inline);
        }
        if br {
            let _ = writeln!(
                self.out,
                "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\"><Br /></CharacterStyleRange>"
            );
        }
        self.out.push_str("</ParagraphStyleRange>\n");
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text { text, style, link } => {
                let applied = style.map_or(NO_CHARACTER_STYLE.to_owned(), character_style_ref);
                let _ = write!(
                    self.out,
                    "<CharacterStyleRange AppliedCharacterStyle=\"{applied}\">"
                );
                match link {
                    Some(link) => {
                        let source = self.hyperlinks.len() + 1;
                        self.hyperlinks.push((source, *link));
                        let _ = write!(
                            self.out,
                            "<HyperlinkTextSource Self=\"edito_hts{source}\" Name=\"{}\" Hidden=\"false\"><Content>{}</Content></HyperlinkTextSource>",
                            escape(text),
                            escape(text)
                        );
                    }
                    None => {
                        let _ = write!(self.out, "<Content>{}</Content>", escape(text));
                    }
                }
                self.out.push_str("</CharacterStyleRange>\n");
            }
            Inline::Break => self.plain(&LINE_SEPARATOR.to_string()),
            Inline::Tab => self.plain("\t"),
            Inline::Note(index) => self.note(*index),
            Inline::Image(index) => self.image(*index),
        }
    }

    fn plain(&mut self, text: &str) {
        let _ = writeln!(
            self.out,
            "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\"><Content>{text}</Content></CharacterStyleRange>"
        );
    }

    /// A footnote: InDesign numbers it where `<?ACE 4?>` (its auto-number marker) stands.
    fn note(&mut self, index: usize) {
        let Some(paragraphs) = self.story.notes.get(index) else {
            return;
        };
        let _ = writeln!(
            self.out,
            "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\"><Footnote>"
        );
        for (i, paragraph) in paragraphs.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "<ParagraphStyleRange AppliedParagraphStyle=\"{}\">",
                paragraph_style_ref(paragraph.style)
            );
            if i == 0 {
                let _ = writeln!(
                    self.out,
                    "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\"><Content><?ACE 4?> </Content></CharacterStyleRange>"
                );
            }
            for inline in &paragraph.inlines {
                self.inline(inline);
            }
            if i + 1 < paragraphs.len() {
                self.plain_br();
            }
            self.out.push_str("</ParagraphStyleRange>\n");
        }
        self.out.push_str("</Footnote></CharacterStyleRange>\n");
    }

    fn plain_br(&mut self) {
        let _ = writeln!(
            self.out,
            "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\"><Br /></CharacterStyleRange>"
        );
    }

    /// An inline frame holding the image, linked to the file the page uses (`images/…`), its
    /// alt text as the frame's export alt text.
    fn image(&mut self, index: usize) {
        let Some(image) = self.story.images.get(index) else {
            return;
        };
        let (width, height) = image.size.unwrap_or((640, 480));
        let scale = (MAX_IMAGE_WIDTH_PT / f64::from(width.max(1))).min(0.75);
        let (w, h) = (f64::from(width) * scale, f64::from(height) * scale);
        let _ = writeln!(
            self.out,
            "<CharacterStyleRange AppliedCharacterStyle=\"{NO_CHARACTER_STYLE}\">\
             <Rectangle Self=\"edito_image{index}\" StrokeWeight=\"0\" ItemTransform=\"1 0 0 1 0 0\">\
             <Properties><PathGeometry><GeometryPathType PathOpen=\"false\"><PathPointArray>\
             <PathPointType Anchor=\"0 0\" LeftDirection=\"0 0\" RightDirection=\"0 0\" />\
             <PathPointType Anchor=\"0 {h:.2}\" LeftDirection=\"0 {h:.2}\" RightDirection=\"0 {h:.2}\" />\
             <PathPointType Anchor=\"{w:.2} {h:.2}\" LeftDirection=\"{w:.2} {h:.2}\" RightDirection=\"{w:.2} {h:.2}\" />\
             <PathPointType Anchor=\"{w:.2} 0\" LeftDirection=\"{w:.2} 0\" RightDirection=\"{w:.2} 0\" />\
             </PathPointArray></GeometryPathType></PathGeometry></Properties>\
             <ObjectExportOption AltTextSourceType=\"SourceCustom\" CustomAltText=\"{}\" />\
             <Image Self=\"edito_image{index}_content\" ItemTransform=\"{scale:.4} 0 0 {scale:.4} 0 0\">\
             <Link Self=\"edito_image{index}_link\" LinkResourceURI=\"{}\" /></Image></Rectangle></CharacterStyleRange>",
            escape(&image.alt),
            escape(&image.src)
        );
    }

    /// The hyperlinks' destinations and links, after the story that holds their sources.
    fn hyperlink_objects(&mut self) {
        for (source, link) in std::mem::take(&mut self.hyperlinks) {
            let Some(url) = self.story.links.get(link) else {
                continue;
            };
            let url = escape(url);
            let _ = writeln!(
                self.out,
                "<HyperlinkURLDestination Self=\"HyperlinkURLDestination/edito{source}\" Name=\"{url}\" DestinationURL=\"{url}\" DestinationUniqueKey=\"{source}\" />\n\
                 <Hyperlink Self=\"edito_hyperlink{source}\" Name=\"{url}\" Source=\"edito_hts{source}\" Visible=\"false\" DestinationUniqueKey=\"{source}\"><Properties><Destination type=\"object\">HyperlinkURLDestination/edito{source}</Destination></Properties></Hyperlink>"
            );
        }
    }
}

fn paragraph_style_ref(style: ParagraphStyle) -> String {
    format!("ParagraphStyle/{}", style.name())
}

fn character_style_ref(style: CharacterStyle) -> String {
    format!("CharacterStyle/{}", style.name())
}

/// InDesign's name of the piece's language (its hyphenation and spelling dictionary).
fn indesign_language(lang: &str) -> &'static str {
    if lang == "en" {
        "$ID/English: UK"
    } else {
        "$ID/French"
    }
}

/// Text and attribute values as XML: `&`, `<`, `>` and `"` escaped, everything else as is
/// (U+00A0 and U+202F stay characters).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
