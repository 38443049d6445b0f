//! Exports for print (issue #16): ICML for InDesign/InCopy and DOCX for the desk, both written
//! from [`story::Story`], the piece as the page shows it (typeset fields and the page's body
//! HTML, read back as paragraphs and runs), so their characters are the preview's. The style
//! names are listed once here: a layout or Word template maps them once for both formats.

mod docx;
mod icml;
#[cfg(feature = "proof")]
mod proof;
mod story;

#[cfg(feature = "proof")]
pub use proof::ProofOptions;

use docx::docx;
use icml::icml;
use story::{Story, StoryImage};

/// Paragraph styles, named as a French magazine's layout names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ParagraphStyle {
    /// The kicker.
    Surtitre,
    /// The title.
    Titre,
    /// The standfirst.
    Chapo,
    /// The information line (date, category, tags) and the issue number.
    Infos,
    /// A heading of the body, whatever its level.
    Intertitre,
    /// A paragraph of the body (table rows too, cells separated by tabs).
    Texte,
    /// A paragraph inside a block quote.
    Citation,
    /// A list item.
    Liste,
    /// An image's caption and credit.
    Legende,
    /// A footnote's text.
    Note,
    /// The author and the author's role.
    Signature,
}

impl ParagraphStyle {
    /// Every paragraph style, in the order the documents declare them.
    pub(crate) const ALL: [ParagraphStyle; 11] = [
        Self::Surtitre,
        Self::Titre,
        Self::Chapo,
        Self::Infos,
        Self::Intertitre,
        Self::Texte,
        Self::Citation,
        Self::Liste,
        Self::Legende,
        Self::Note,
        Self::Signature,
    ];

    /// The style's name in both formats.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Surtitre => "Surtitre",
            Self::Titre => "Titre",
            Self::Chapo => "Chapô",
            Self::Infos => "Infos",
            Self::Intertitre => "Intertitre",
            Self::Texte => "Texte",
            Self::Citation => "Citation",
            Self::Liste => "Liste",
            Self::Legende => "Légende",
            Self::Note => "Note",
            Self::Signature => "Signature",
        }
    }

    /// An ASCII identifier (Word's style ids; the name stays what users see).
    pub(crate) const fn id(self) -> &'static str {
        match self {
            Self::Chapo => "Chapo",
            Self::Legende => "Legende",
            other => other.name(),
        }
    }
}

/// Character styles: emphasis as the layout names it. Nested emphasis and strong emphasis is
/// one style, since a run carries one character style in both formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CharacterStyle {
    /// `<em>`.
    Italique,
    /// `<strong>`.
    Gras,
    /// Both.
    GrasItalique,
}

impl CharacterStyle {
    /// Every character style.
    pub(crate) const ALL: [CharacterStyle; 3] = [Self::Italique, Self::Gras, Self::GrasItalique];

    /// The style's name in both formats.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Italique => "italique",
            Self::Gras => "gras",
            Self::GrasItalique => "gras italique",
        }
    }

    /// An identifier without spaces (Word's style ids).
    pub(crate) const fn id(self) -> &'static str {
        match self {
            Self::Italique => "italique",
            Self::Gras => "gras",
            Self::GrasItalique => "grasitalique",
        }
    }

    /// The style of text under `italic` and `bold` emphasis, if any.
    pub(crate) const fn of(italic: bool, bold: bool) -> Option<CharacterStyle> {
        match (italic, bold) {
            (true, true) => Some(Self::GrasItalique),
            (true, false) => Some(Self::Italique),
            (false, true) => Some(Self::Gras),
            (false, false) => None,
        }
    }

    /// Whether the style sets italics.
    pub(crate) const fn italic(self) -> bool {
        matches!(self, Self::Italique | Self::GrasItalique)
    }

    /// Whether the style sets bold.
    pub(crate) const fn bold(self) -> bool {
        matches!(self, Self::Gras | Self::GrasItalique)
    }
}

use super::article::Article;
use super::error::ExportError;
use super::images::{ImagePlan, ImageStore};
use super::{Exporter, IMAGES_DIR};

/// Longest edge of the pictures a DOCX embeds, in pixels: sharp across a 16 cm text width
/// at 150 dpi, without the weight of the largest file.
const DOCX_PICTURE_EDGE: u32 = 960;

impl Exporter {
    /// The piece as print exports read it: the page's typeset fields and body, images named
    /// as the page beside them names them (`images/<file>`).
    fn story(&self, article: &Article, plans: &[ImagePlan]) -> Result<Story, ExportError> {
        let piece = self.view_with_images(article, plans, &format!("{IMAGES_DIR}/"))?;
        Ok(Story::new(&piece))
    }

    /// The ICML document of `article` whose library images are `plans` (linked as
    /// `images/<largest file>`).
    pub(crate) fn icml_with_images(
        &self,
        article: &Article,
        plans: &[ImagePlan],
    ) -> Result<String, ExportError> {
        Ok(icml(&self.story(article, plans)?))
    }

    /// The DOCX bytes of `article`, its library images (`plans`, read from `store`) embedded
    /// as PNG renditions at most [`DOCX_PICTURE_EDGE`] px. An image whose bytes cannot be
    /// read or decoded is written as its alt text in brackets.
    pub(crate) fn docx_with_images(
        &self,
        article: &Article,
        plans: &[ImagePlan],
        store: &dyn ImageStore,
    ) -> Result<Vec<u8>, ExportError> {
        let story = self.story(article, plans)?;
        let picture = |image: &StoryImage| {
            let name = image.src.strip_prefix(IMAGES_DIR)?.strip_prefix('/')?;
            let plan = plans
                .iter()
                .find(|plan| plan.files.iter().any(|file| file.name == name))?;
            let bytes = store.image_bytes(&plan.id()?).ok()?;
            png_rendition(&bytes, DOCX_PICTURE_EDGE)
        };
        docx(&story, &picture).map_err(|reason| ExportError::Io {
            action: "write the DOCX archive of",
            path: article.slug.clone().into(),
            source: std::io::Error::other(reason),
        })
    }
}

/// A PNG rendition of an image (`docx-rs` names every picture `.png`, so a JPEG rendition is
/// re-encoded).
fn png_rendition(bytes: &[u8], max_edge: u32) -> Option<docx::DocxPicture> {
    let rendition = crate::images::rendition(bytes, max_edge).ok()?;
    let size = (rendition.width, rendition.height);
    if rendition.format == crate::images::ImageFormat::Png {
        return Some(docx::DocxPicture {
            png: rendition.bytes,
            size,
        });
    }
    let decoded = image::load_from_memory(&rendition.bytes).ok()?;
    let mut png = Vec::new();
    decoded
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(docx::DocxPicture { png, size })
}

/// Longest edge of the pictures a proof shows, in pixels (sharp at 300 dpi across a column).
#[cfg(feature = "proof")]
const PROOF_PICTURE_EDGE: u32 = 1600;

#[cfg(feature = "proof")]
impl Exporter {
    /// The PDF proof of `article` set as `options` say (A4 and two columns by default):
    /// kicker, title, standfirst, information line and the portrait (the lead image) across the
    /// columns, the body justified and hyphenated in the piece's language, the signature, and
    /// a line at the foot of each page with the count in signes and how full the last page
    /// is. Images are read from `store`; one that cannot be read is set as its alt text in
    /// brackets. Refused like every export while an image has no alt text.
    pub fn proof(
        &self,
        article: &Article,
        store: &dyn ImageStore,
        options: &ProofOptions,
    ) -> Result<Vec<u8>, ExportError> {
        let plans = super::images::plan_article_images(article, store)?;
        self.proof_with_images(article, &plans, store, options)
    }

    fn proof_with_images(
        &self,
        article: &Article,
        plans: &[ImagePlan],
        store: &dyn ImageStore,
        options: &ProofOptions,
    ) -> Result<Vec<u8>, ExportError> {
        let story = self.story(article, plans)?;
        let read = |plan: &ImagePlan| {
            let bytes = store.image_bytes(&plan.id()?).ok()?;
            let rendition = crate::images::rendition(&bytes, PROOF_PICTURE_EDGE).ok()?;
            Some(proof::ProofPicture {
                bytes: rendition.bytes,
            })
        };
        let pictures: Vec<Option<proof::ProofPicture>> = story
            .images
            .iter()
            .map(|image| {
                let name = image.src.strip_prefix(IMAGES_DIR)?.strip_prefix('/')?;
                let plan = plans
                    .iter()
                    .find(|plan| plan.files.iter().any(|file| file.name == name))?;
                read(plan)
            })
            .collect();
        let portrait = article
            .fields
            .lead_image
            .as_deref()
            .and_then(crate::images::ImageId::from_reference)
            .and_then(|id| plans.iter().find(|plan| plan.record.id == id.as_str()))
            .and_then(read);
        proof::proof_pdf(&story, &pictures, portrait, options).map_err(|reason| {
            ExportError::Proof {
                piece: super::images::piece_name(article),
                reason,
            }
        })
    }
}
