//! Images kept in the library (issue #14): the original bytes copied into
//! `<folder of the library file>/images/` (see `image_files.rs`), one `images` row each with
//! what the UI and the exports need (size, format, default alt text, caption, credit), and
//! the collection of images nothing refers to any more.
//!
//! The file is always written (atomically, fsynced) before its row is committed, so a crash
//! never leaves a row without its file; a failed write leaves the pieces untouched.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::image_files::{FileState, ImageFiles, IMAGES_DIR};
use super::{tables, time_stamp, Library, LibraryError};
use crate::images::{self, ImageError, ImageId, MAX_IMAGE_BYTES, REFERENCE_PREFIX};

/// Longest default alt text, caption and credit accepted, in characters.
const MAX_ALT_CHARS: usize = 1000;
const MAX_CAPTION_CHARS: usize = 2000;
const MAX_CREDIT_CHARS: usize = 300;
/// Longest original file name kept, in characters (longer ones are cut).
const MAX_NAME_CHARS: usize = 255;

/// How long an image added (or added again) is spared by [`Library::collect_images`]: the
/// window adds the image first and saves the reference with the next autosave, and a
/// command running in between must not take it away.
const COLLECT_GRACE: Duration = Duration::days(1);

/// An image kept in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImageRecord {
    /// The content id: 32 lowercase hex characters (see [`ImageId`]); the Markdown writes
    /// `edito:image/<id>`.
    pub id: String,
    /// `image/jpeg`, `image/png`, `image/webp` or `image/gif`.
    pub media_type: String,
    /// Width in pixels, upright (EXIF orientation applied).
    pub width: u32,
    /// Height in pixels, upright.
    pub height: u32,
    /// Size of the original file, in bytes.
    pub byte_len: u64,
    /// The file name it was added from, when known (`portrait.jpg`).
    pub original_name: Option<String>,
    /// The alt text the UI proposes when the image is used again (the one that counts is in
    /// each piece's Markdown).
    pub alt: String,
    /// Marked decorative: it may be used with an empty alt text.
    pub decorative: bool,
    /// Caption, shown under the image in a `<figcaption>`.
    pub caption: String,
    /// The photographer's credit (« Photo : … »).
    pub credit: String,
    /// When it was first added, UTC.
    pub created_at: String,
}

impl ImageRecord {
    /// The alt text a page shows where the image stands without one of its own (the lead
    /// image, a publish): empty when the image is marked decorative, which tells screen
    /// readers to skip it (WCAG 2.1, technique H67), else the image's default alt text.
    pub fn shown_alt(&self) -> String {
        if self.decorative {
            String::new()
        } else {
            self.alt.clone()
        }
    }
}

/// The words of an image a writer edits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ImageText {
    /// Default alt text (at most 1000 characters).
    pub alt: String,
    /// Decorative (may go without alt text).
    pub decorative: bool,
    /// Caption (at most 2000 characters).
    pub caption: String,
    /// Credit (at most 300 characters).
    pub credit: String,
}

/// Something [`Library::check_images`] found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// The library lists the image but its file is gone.
    Missing {
        /// The image.
        id: ImageId,
        /// Where its file should be.
        path: PathBuf,
    },
    /// The image's file no longer hashes to its id.
    Damaged {
        /// The image.
        id: ImageId,
        /// Its file.
        path: PathBuf,
    },
    /// A piece refers to an image the library does not have.
    Unknown {
        /// The image named.
        id: ImageId,
        /// The piece whose text names it.
        piece: i64,
    },
}

impl std::fmt::Display for ImageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImageProblem::Missing { id, path } => write!(f, "image {id}: its file `{}` is missing (restore the newest backup, or add the picture again)", path.display()),
            ImageProblem::Damaged { id, path } => write!(f, "image {id}: its file `{}` is damaged, its bytes changed (restore the newest backup, or add the picture again)", path.display()),
            ImageProblem::Unknown { id, piece } => write!(f, "piece {piece} shows image {id}, which the library does not have (add the picture again)"),
        }
    }
}

/// Where [`Library::place_image`] puts an image in a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImagePlacement {
    /// A new last paragraph of the body, `![alt](edito:image/<id>)`. An empty alt text is
    /// accepted only for an image marked decorative.
    EndOfBody {
        /// The alt text written in the Markdown.
        alt: String,
    },
    /// The piece's lead image (`lead_image`), replacing any other.
    Lead,
}

impl Library {
    /// Uses image `id` in piece `piece` (see [`ImagePlacement`]), saved as a save point (a
    /// revision of the previous state is kept), as the window's own saves are.
    ///
    /// Errors: [`LibraryError::ImageNotFound`]; those of [`Library::save_piece`] (no such
    /// piece, in the trash); [`LibraryError::Invalid`] (`alt`) for an empty alt text on an
    /// image not marked decorative.
    pub fn place_image(
        &self,
        piece: i64,
        id: &ImageId,
        placement: &ImagePlacement,
    ) -> Result<super::Piece, LibraryError> {
        let record = self.image(id)?;
        let current = self.get_piece(piece)?;
        let mut fields = current.fields.clone();
        match placement {
            ImagePlacement::EndOfBody { alt } => {
                let alt = alt.trim();
                if alt.is_empty() && !record.decorative {
                    return Err(LibraryError::invalid(
                        "alt",
                        "an image needs an alt text describing it for readers who cannot see it (or mark it decorative)",
                    ));
                }
                let paragraph = format!("![{}]({})", markdown_alt(alt), id.reference());
                let body = fields.body.trim_end();
                fields.body = if body.is_empty() {
                    format!("{paragraph}\n")
                } else {
                    format!("{body}\n\n{paragraph}\n")
                };
            }
            ImagePlacement::Lead => fields.lead_image = Some(id.reference()),
        }
        self.save_piece(&super::PieceEdit {
            id: current.id,
            base_version: current.version,
            kind: super::SaveKind::SavePoint,
            fields,
            slug: None,
            tags: None,
            extra: None,
        })
    }

    /// The library's image files: `<folder of the library file>/images`.
    pub(crate) fn image_files(&self) -> ImageFiles {
        images_dir_for(self.path())
    }

    /// Adds an image: checks it ([`images::inspect`]: format, limits, a full decode), copies
    /// the original bytes into the library's `images/` folder, then records it. The same bytes
    /// again give the same record (its alt text, caption and credit kept), with no second copy.
    ///
    /// Errors: [`LibraryError::Image`] (not an image, unsupported, corrupt, over 50 MB or 40
    /// megapixels); [`LibraryError::ImageNotStored`] when the file cannot be written (read-only
    /// folder, disk full) — no row is written then, and no piece is touched.
    pub fn add_image(
        &self,
        bytes: &[u8],
        original_name: Option<&str>,
    ) -> Result<ImageRecord, LibraryError> {
        if bytes.len() as u64 > MAX_IMAGE_BYTES {
            return Err(ImageError::TooLarge {
                bytes: bytes.len() as u64,
            }
            .into());
        }
        let id = ImageId::of_bytes(bytes);
        let known = self.read(|conn| tables::images::get(conn, id.as_str()))?;
        let files = self.image_files();
        let info = match &known {
            Some(_) => None,
            None => Some(images::inspect(bytes)?),
        };
        files
            .ensure(&id, bytes)
            .map_err(|source| LibraryError::ImageNotStored {
                dir: files.root().to_path_buf(),
                source,
            })?;
        let now = time_stamp::now();
        self.write(|tx| {
            if let Some(record) = tables::images::get(tx, id.as_str())? {
                tables::images::touch(tx, id.as_str(), &now)?;
                return Ok(record);
            }
            let info = match info {
                Some(info) => info,
                // Collected by another process since the read above: check it afresh.
                None => images::inspect(bytes)?,
            };
            let record = ImageRecord {
                id: id.to_string(),
                media_type: info.format.media_type().to_string(),
                width: info.width,
                height: info.height,
                byte_len: bytes.len() as u64,
                original_name: original_name.and_then(clean_name),
                alt: String::new(),
                decorative: false,
                caption: String::new(),
                credit: String::new(),
                created_at: now.clone(),
            };
            tables::images::insert(tx, &record)?;
            Ok(record)
        })
    }

    /// Adds the image file at `path` (see [`Library::add_image`]), its size checked from the
    /// file system before a byte is read. The file name is kept as the record's
    /// `original_name`.
    ///
    /// Errors: [`LibraryError::ImageSource`] when the path is not a readable file (missing, a
    /// folder, no permission); then those of [`Library::add_image`].
    pub fn add_image_file(&self, path: &Path) -> Result<ImageRecord, LibraryError> {
        let source = |source: std::io::Error| LibraryError::ImageSource {
            path: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(source)?;
        if meta.is_dir() {
            return Err(source(std::io::ErrorKind::IsADirectory.into()));
        }
        if !meta.is_file() {
            return Err(source(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            )));
        }
        if meta.len() > MAX_IMAGE_BYTES {
            return Err(ImageError::TooLarge { bytes: meta.len() }.into());
        }
        let bytes = std::fs::read(path).map_err(source)?;
        let name = path.file_name().map(|n| n.to_string_lossy());
        self.add_image(&bytes, name.as_deref())
    }

    /// The record of image `id`. Errors: [`LibraryError::ImageNotFound`].
    pub fn image(&self, id: &ImageId) -> Result<ImageRecord, LibraryError> {
        self.read(|conn| tables::images::get(conn, id.as_str()))?
            .ok_or_else(|| LibraryError::ImageNotFound(id.clone()))
    }

    /// The original bytes of image `id`, checked against its id.
    ///
    /// Errors: [`LibraryError::ImageNotFound`] (no such image),
    /// [`LibraryError::ImageFileMissing`] / [`LibraryError::ImageFileDamaged`] (the file is
    /// gone or its bytes changed: restore a backup or add the picture again),
    /// [`LibraryError::ImageUnreadable`] (the file cannot be read).
    pub fn image_bytes(&self, id: &ImageId) -> Result<Vec<u8>, LibraryError> {
        self.image(id)?;
        let files = self.image_files();
        let path = files.path(id);
        match files.read(id) {
            Ok(bytes) if ImageId::of_bytes(&bytes) == *id => Ok(bytes),
            Ok(_) => Err(LibraryError::ImageFileDamaged {
                id: id.clone(),
                path,
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                Err(LibraryError::ImageFileMissing {
                    id: id.clone(),
                    path,
                })
            }
            Err(source) => Err(LibraryError::ImageUnreadable {
                id: id.clone(),
                path,
                source,
            }),
        }
    }

    /// Replaces the alt text, decorative mark, caption and credit of image `id` (trimmed).
    ///
    /// Errors: [`LibraryError::ImageNotFound`]; [`LibraryError::Invalid`] (`alt`, `caption`,
    /// `credit`) for a text over its length.
    pub fn describe_image(
        &self,
        id: &ImageId,
        text: &ImageText,
    ) -> Result<ImageRecord, LibraryError> {
        let text = ImageText {
            alt: checked_text("alt", &text.alt, MAX_ALT_CHARS)?,
            decorative: text.decorative,
            caption: checked_text("caption", &text.caption, MAX_CAPTION_CHARS)?,
            credit: checked_text("credit", &text.credit, MAX_CREDIT_CHARS)?,
        };
        let found = self.write(|tx| tables::images::set_text(tx, id.as_str(), &text))?;
        if !found {
            return Err(LibraryError::ImageNotFound(id.clone()));
        }
        self.image(id)
    }

    /// Every image of the library, newest first.
    pub fn images(&self) -> Result<Vec<ImageRecord>, LibraryError> {
        self.read(tables::images::all)
    }

    /// Removes the images no piece (trashed ones included) shows in its text or as its lead
    /// image and no revision refers to, except those added in the last day. Returns how many
    /// were removed. Their rows go in one transaction, then their files.
    pub fn collect_images(&self) -> Result<usize, LibraryError> {
        let cutoff = time_stamp::format(OffsetDateTime::now_utc() - COLLECT_GRACE);
        self.collect_images_added_before(&cutoff)
    }

    /// [`Library::collect_images`] for the images last added before `cutoff` (a UTC time
    /// stamp in the library's format).
    pub(crate) fn collect_images_added_before(&self, cutoff: &str) -> Result<usize, LibraryError> {
        let removed = self.write(|tx| {
            let referenced = referenced_images(tx)?;
            let mut removed = Vec::new();
            for id in tables::images::added_before(tx, cutoff)? {
                if !referenced.contains(id.as_str()) {
                    tables::images::delete(tx, &id)?;
                    removed.extend(ImageId::parse(&id));
                }
            }
            Ok(removed)
        })?;
        let files = self.image_files();
        for id in &removed {
            // A file left behind (a failed unlink) costs disk space, never a picture.
            let _ = files.remove(id);
        }
        Ok(removed.len())
    }

    /// Checks every image: its file is there and still hashes to its id, and every
    /// reference in a piece names an image the library has. Reads every image file.
    pub fn check_images(&self) -> Result<Vec<ImageProblem>, LibraryError> {
        let (records, pieces) = self.read(|conn| {
            let records = tables::images::all(conn)?;
            let mut pieces: Vec<(i64, ImageId)> = Vec::new();
            tables::pieces::texts_naming_images(conn, REFERENCE_PREFIX, &mut |piece, text| {
                pieces.extend(images::references_in(text).map(|id| (piece, id)));
            })?;
            Ok((records, pieces))
        })?;
        let files = self.image_files();
        let mut problems = Vec::new();
        let mut known = HashSet::new();
        for record in records {
            let Some(id) = ImageId::parse(&record.id) else {
                continue;
            };
            let path = files.path(&id);
            match files.state(&id) {
                Ok(FileState::Sound) => {}
                Ok(FileState::Missing) => problems.push(ImageProblem::Missing {
                    id: id.clone(),
                    path,
                }),
                Ok(FileState::Damaged) | Err(_) => problems.push(ImageProblem::Damaged {
                    id: id.clone(),
                    path,
                }),
            }
            known.insert(id);
        }
        let mut reported = HashSet::new();
        for (piece, id) in pieces {
            if !known.contains(&id) && reported.insert((piece, id.clone())) {
                problems.push(ImageProblem::Unknown { id, piece });
            }
        }
        Ok(problems)
    }
}

/// `<folder of the library file>/images`.
pub(crate) fn images_dir_for(library: &Path) -> ImageFiles {
    ImageFiles::at(
        library
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join(IMAGES_DIR),
    )
}

/// The ids (bare) every piece text, lead image and revision names.
fn referenced_images(conn: &rusqlite::Connection) -> Result<HashSet<String>, LibraryError> {
    let mut referenced = HashSet::new();
    let mut note = |text: &str| {
        referenced.extend(images::references_in(text).map(String::from));
    };
    tables::pieces::texts_naming_images(conn, REFERENCE_PREFIX, &mut |_, text| note(text))?;
    tables::revisions::contents_naming_images(conn, REFERENCE_PREFIX, &mut note)?;
    Ok(referenced)
}

/// `alt` as the text of a Markdown image: one line, its brackets and backslashes escaped so
/// it cannot close the image early.
fn markdown_alt(alt: &str) -> String {
    let mut out = String::with_capacity(alt.len());
    for c in alt.chars() {
        match c {
            '\\' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn checked_text(field: &'static str, text: &str, max: usize) -> Result<String, LibraryError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(LibraryError::invalid(
            field,
            format!(
                "at most {max} characters (this one has {})",
                text.chars().count()
            ),
        ));
    }
    Ok(text.to_string())
}

/// A file name as kept: its last component, control characters dropped, at most
/// [`MAX_NAME_CHARS`]; `None` when nothing is left.
fn clean_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| cleaned.to_string())
}
