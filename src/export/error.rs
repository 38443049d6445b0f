//! Errors of the export and import engine.

use std::path::PathBuf;

/// Everything that can stop an export. Nothing is left half-written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The PDF proof could not be set (Typst refused the page it was given: a fault of
    /// Edito's, not of the piece).
    #[error("piece `{piece}`: the PDF proof could not be set ({reason}); export the DOCX meanwhile and report this with the piece")]
    Proof {
        /// The piece's title (or slug).
        piece: String,
        /// Typst's diagnostics.
        reason: String,
    },
    /// A template (built-in or user override) failed to parse or to render.
    #[error("template `{file}` line {line}: {reason} (fix the template or remove it to use the built-in one)")]
    Template {
        /// Template file name, e.g. `piece.html`, or its full path for a user override.
        file: String,
        /// Line of the error (0 when unknown).
        line: usize,
        /// What went wrong.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        /// What was being done: `read`, `write`, `create folder`…
        action: &'static str,
        /// The file or folder concerned.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// A piece has neither a usable slug nor a title to derive one from.
    #[error("piece `{0}` has no usable slug: give it a slug or a title made of letters or digits")]
    NoSlug(String),
    /// The output folder (or a folder inside it) is a symbolic link or not a folder.
    #[error("refusing to write through `{0}`: it is a symbolic link or not a folder (choose another output folder)")]
    UnsafePath(PathBuf),
    /// The user cancelled a long export; the output folder is as it was before.
    #[error("export cancelled: the output folder was left as it was")]
    Cancelled,
    /// A Markdown file given to export could not be read as a piece.
    #[error("`{path}`: {reason}")]
    BadInput {
        /// The input file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The site base URL is not an `http(s)://` address.
    #[error("base URL `{0}` is not an address: write it like `https://example.org/archives/`")]
    BadBaseUrl(String),
    /// The library could not be read (the source of a piece or archive export, or of the
    /// slugs an import matches).
    #[error(transparent)]
    Library(#[from] crate::library::LibraryError),
    /// A piece uses a library image with empty alt text that is not marked decorative: a
    /// reader who cannot see it would get nothing (WCAG 1.1.1).
    #[error("piece `{piece}`: the image {} has no alt text: write what it shows between the brackets of `![…](…)`, or mark the image decorative, then export again", image_place(.name.as_deref(), *.line))]
    ImageWithoutAlt {
        /// The piece's title (or slug).
        piece: String,
        /// The image's original file name, when known.
        name: Option<String>,
        /// The body line where the image is used (1-based).
        line: usize,
    },
    /// A piece's lead image has no alt text and is not marked decorative (the lead image has
    /// no `![…]` of its own: its alt text is the image's, set in the image dialog or with
    /// `edito image describe`).
    #[error("piece `{piece}`: the lead image `{image}` has no alt text: describe it (in Edito, the lead image's « Modifier… », or `edito image describe <id> --alt …`), or mark it decorative, then export again")]
    LeadImageWithoutAlt {
        /// The piece's title (or slug).
        piece: String,
        /// The image: its original file name, else its reference.
        image: String,
    },
    /// A piece shows an image straight from the writer's disk (an absolute path, `~`, a
    /// `file:` URL, a Windows drive path): the exported page would name a file only this
    /// machine has, so the image must be copied into the library first (issue #14).
    #[error("piece `{piece}`: the image `{destination}` (line {line}) is a file of this computer, which readers cannot see: copy it into the library (in Edito, click « Copier dans la bibliothèque… », or `edito image add`), then export again")]
    ImageFromDisk {
        /// The piece's title (or slug).
        piece: String,
        /// The image's destination as written.
        destination: String,
        /// The body line where the image is used (1-based).
        line: usize,
    },
    /// A library image a piece uses cannot be read (not in the library, file missing).
    #[error("piece `{piece}`: image `{image}` cannot be exported: {reason}")]
    MissingImage {
        /// The piece's title (or slug).
        piece: String,
        /// The image: its original file name, else its reference.
        image: String,
        /// Why, and what to do.
        reason: String,
    },
    /// A library image's file cannot be decoded or resized.
    #[error("piece `{piece}`: image `{image}` cannot be exported: {reason}")]
    BadImage {
        /// The piece's title (or slug).
        piece: String,
        /// The image: its original file name, else its reference.
        image: String,
        /// Why, and what to do.
        reason: String,
    },
    /// The folder that would hold an export's file or folder does not exist: Edito creates
    /// the export's own folder (an archive, a TextBundle, `images/`), never the folders above
    /// it, where a typing mistake would put the export out of sight.
    #[error("the folder `{}` does not exist: create it first (`mkdir -p {}`), or write somewhere else", .0.display(), .0.display())]
    MissingFolder(PathBuf),
    /// A path that must be a folder (the place of an export's file, or an archive folder) is
    /// a file.
    #[error("`{}` is a file, not a folder: choose an output path inside a folder", .0.display())]
    NotAFolder(PathBuf),
    /// The manifest of a previous export is unreadable.
    #[error("the export manifest `{0}` is damaged: delete it (stale pages of earlier exports will then stay)")]
    BadManifest(PathBuf),
}

/// `` `portrait.jpg` (line 3)``, or `on line 3` for an image without a known file name.
fn image_place(name: Option<&str>, line: usize) -> String {
    match name {
        Some(name) => format!("`{name}` (line {line})"),
        None => format!("on line {line}"),
    }
}

impl ExportError {
    /// Shorthand for [`ExportError::Io`].
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
