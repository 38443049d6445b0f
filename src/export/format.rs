//! The single-piece export formats, listed once: each one's file extension, MIME type and
//! label key. The CLI's `--format`, the app's `export_formats` command and the window's export
//! dialog all read [`ExportFormat::ALL`], so a new format (DOCX, PDF) is added here and
//! nowhere else.

use serde::{Deserialize, Serialize};

/// Single-piece export formats. With the `clap` feature (the CLI's), `--format` parses them by
/// [`ExportFormat::name`] and `--help` lists them with [`ExportFormat::help`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Standalone HTML5 page with embedded stylesheet.
    Page,
    /// HTML fragment for a CMS (body only).
    Fragment,
    /// Markdown with YAML front matter.
    Markdown,
    /// A TextBundle folder (`info.json`, `text.md`, `assets/`), for Ulysses, Bear, iA Writer.
    #[serde(rename = "textbundle")]
    TextBundle,
    /// Word document with named paragraph and character styles, for the desk.
    Docx,
    /// InCopy Interchange (ICML) story with named styles, for InDesign.
    Icml,
}

impl ExportFormat {
    /// Every format, in the order the CLI's help and the export dialog list them.
    pub const ALL: [ExportFormat; 6] = [
        Self::Page,
        Self::Fragment,
        Self::Markdown,
        Self::TextBundle,
        Self::Docx,
        Self::Icml,
    ];

    /// The name in JSON, on the command line and in the UI: `page`, `fragment`, `markdown`,
    /// `textbundle`, `docx`, `icml`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Fragment => "fragment",
            Self::Markdown => "markdown",
            Self::TextBundle => "textbundle",
            Self::Docx => "docx",
            Self::Icml => "icml",
        }
    }

    /// The file extension, without the dot: `html`, `md`, `textbundle` (a folder), `docx`,
    /// `icml`.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Page | Self::Fragment => "html",
            Self::Markdown => "md",
            Self::TextBundle => "textbundle",
            Self::Docx => "docx",
            Self::Icml => "icml",
        }
    }

    /// The end of a file name in this format: a fragment is `<slug>.fragment.html`, so it is
    /// not mistaken for the page of the same piece.
    pub const fn suffix(self) -> &'static str {
        match self {
            Self::Page => ".html",
            Self::Fragment => ".fragment.html",
            Self::Markdown => ".md",
            Self::TextBundle => ".textbundle",
            Self::Docx => ".docx",
            Self::Icml => ".icml",
        }
    }

    /// The MIME type of the bytes, charset included for text (a TextBundle's: its
    /// `text.md`'s).
    pub const fn mime(self) -> &'static str {
        match self {
            Self::Page | Self::Fragment => "text/html; charset=utf-8",
            Self::Markdown | Self::TextBundle => "text/markdown; charset=utf-8",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            // ICML has no registered type of its own: it is XML.
            Self::Icml => "application/xml; charset=utf-8",
        }
    }

    /// Key of the format's name in the window's catalogue (`ui/src/i18n`).
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Page => "export.page",
            Self::Fragment => "export.fragment",
            Self::Markdown => "export.markdown",
            Self::TextBundle => "export.textbundle",
            Self::Docx => "export.docx",
            Self::Icml => "export.icml",
        }
    }

    /// One line for the CLI's help (English, as the CLI speaks).
    pub const fn help(self) -> &'static str {
        match self {
            Self::Page => "Standalone HTML5 page",
            Self::Fragment => "HTML fragment for a CMS (header and body)",
            Self::Markdown => "Markdown with YAML front matter",
            Self::TextBundle => "TextBundle folder (text.md, info.json, assets/)",
            Self::Docx => "Word document with named styles (Surtitre, Titre, Chapô…)",
            Self::Icml => "InCopy story (ICML) for InDesign, same style names",
        }
    }

    /// The file name offered for a piece: `slug` (or `article` when empty) and the suffix.
    pub fn file_name(self, slug: &str) -> String {
        let stem = if slug.is_empty() { "article" } else { slug };
        format!("{stem}{}", self.suffix())
    }

    /// The format named `name` (see [`ExportFormat::name`]).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.name() == name)
    }

    /// What the window needs to offer this format.
    pub fn info(self) -> ExportFormatInfo {
        ExportFormatInfo {
            format: self,
            extension: self.extension(),
            suffix: self.suffix(),
            mime: self.mime(),
            label_key: self.label_key(),
        }
    }
}

#[cfg(feature = "clap")]
impl clap::ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.help()))
    }
}

/// A format as the export dialog lists it (the `export_formats` command's items).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportFormatInfo {
    /// The format, as `export_piece` takes it.
    pub format: ExportFormat,
    /// File extension without the dot, for the save dialog's filter.
    pub extension: &'static str,
    /// End of the suggested file name (`.fragment.html`).
    pub suffix: &'static str,
    /// MIME type.
    pub mime: &'static str,
    /// Key of the format's name in the window's catalogue.
    pub label_key: &'static str,
}

/// One exported piece: the file's bytes, and what they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    /// The file's content (UTF-8 text for the HTML, Markdown and ICML formats; a ZIP archive
    /// for DOCX).
    pub bytes: Vec<u8>,
    /// File extension without the dot.
    pub extension: &'static str,
    /// MIME type.
    pub mime: &'static str,
}

impl ExportedFile {
    /// Text in `format`.
    pub(crate) fn text(text: String, format: ExportFormat) -> Self {
        Self {
            bytes: text.into_bytes(),
            extension: format.extension(),
            mime: format.mime(),
        }
    }

    /// Bytes in `format`.
    pub(crate) fn binary(bytes: Vec<u8>, format: ExportFormat) -> Self {
        Self {
            bytes,
            extension: format.extension(),
            mime: format.mime(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        for format in ExportFormat::ALL {
            let json = serde_json::to_value(format).expect("serialize");
            assert_eq!(json, format.name());
            assert_eq!(ExportFormat::from_name(format.name()), Some(format));
        }
        assert_eq!(ExportFormat::from_name("pdf"), None);
    }

    #[test]
    fn file_names_follow_the_format() {
        assert_eq!(ExportFormat::Page.file_name("mon-edito"), "mon-edito.html");
        assert_eq!(
            ExportFormat::Fragment.file_name("mon-edito"),
            "mon-edito.fragment.html"
        );
        assert_eq!(ExportFormat::Markdown.file_name(""), "article.md");
        for format in ExportFormat::ALL {
            assert!(format.suffix().ends_with(format.extension()));
        }
    }
}
