//! The shapes the library hands out and takes in. All serialize as flat snake_case JSON, since
//! the desktop app sends them over IPC; `docs/CLI.md` documents the same shapes for `--json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::LibraryError;

/// Front-matter keys Edito does not know, kept from an import so an export writes them back
/// (`aliases`, `weight`, Zola's `extra` table…). Key → any JSON value.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// Largest body accepted, in bytes: far above any editorial (50 MB are tested), low enough
/// that a pasted disk image is refused with a message instead of bloating every backup.
pub const MAX_BODY_BYTES: usize = 100 * 1024 * 1024;

/// Most tags a piece may carry. A newsroom files a piece under 3 to 10; the archive's tag
/// pages list each piece with all its tags, so a piece costs the archive up to (tags)² tag
/// links: 400 (about 40 KB) at 20, 10⁸ at 10,000 (two such pieces made `edito site` write
/// 13 GB in 241 s). With the cap the archive grows linearly with pieces × tags shown.
pub const MAX_TAGS_PER_PIECE: usize = 20;

/// Longest lead-image reference accepted, in bytes (the schema checks it too).
pub const MAX_LEAD_IMAGE_BYTES: usize = 1000;

/// Language of a piece: the rendering pipeline's, so the library and the typography can
/// never disagree on what a language code means.
pub use crate::render::Lang;

/// The fields a writer edits: everything but identity, slug, status, tags and bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PieceFields {
    /// Title as typed (may be empty while the writer has not chosen one).
    pub title: String,
    /// *Surtitre*: the line above the title.
    pub kicker: String,
    /// *Chapô*: the introductory paragraph.
    pub standfirst: String,
    /// Body in Markdown.
    pub body: String,
    /// Author's name.
    pub author: String,
    /// Author's role, e.g. "Directeur de la rédaction".
    pub author_role: String,
    /// *Rubrique*, e.g. "Editos du magazine En-Contact".
    pub category: String,
    /// Language.
    pub lang: Lang,
    /// Planned or actual publication date, `YYYY-MM-DD`.
    pub publication_date: Option<String>,
    /// Magazine issue number.
    pub issue_number: Option<i64>,
    /// Target length in *signes* (characters, spaces included).
    pub target_signs: Option<i64>,
    /// The lead image (the editor's portrait, the CMS's featured image): a reference to an
    /// image kept in the library, 1 to [`MAX_LEAD_IMAGE_BYTES`] bytes; `None` when the piece
    /// has none.
    pub lead_image: Option<String>,
}

/// Where a piece stands in the editorial workflow. Any move is allowed, forwards or back:
/// the editor-in-chief decides, the app only records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A subject to write about.
    Idea,
    /// Being written (the default).
    #[default]
    Draft,
    /// Being proofread.
    Review,
    /// Ready to publish.
    Ready,
    /// Published.
    Published,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Idea,
        Status::Draft,
        Status::Review,
        Status::Ready,
        Status::Published,
    ];

    /// The code stored in the library and used by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Ready => "ready",
            Status::Published => "published",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = LibraryError;

    /// Accepts the English codes and their French names (`idée`, `brouillon`, `relecture`,
    /// `prêt`, `publié`), without accents or case mattering.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let folded = crate::text::fold(text.trim());
        let status = match folded.as_str() {
            "idea" | "idee" => Status::Idea,
            "draft" | "brouillon" => Status::Draft,
            "review" | "relecture" => Status::Review,
            "ready" | "pret" => Status::Ready,
            "published" | "publie" => Status::Published,
            _ => {
                return Err(LibraryError::invalid(
                    "status",
                    format!(
                        "`{text}` is not a status (use idea, draft, review, ready or published)"
                    ),
                ))
            }
        };
        Ok(status)
    }
}

/// One dated entry of a piece's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusChange {
    /// Previous status; `None` for the piece's creation.
    pub from: Option<Status>,
    /// New status.
    pub to: Status,
    /// When, UTC.
    pub changed_at: String,
}

/// Why a past state was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RevisionReason {
    /// An explicit save followed it.
    SavePoint,
    /// The writer paused before the next autosave.
    Pause,
    /// Long uninterrupted typing: kept every few minutes.
    Interval,
    /// The status changed after it.
    StatusChange,
    /// An older revision was restored over it.
    Restore,
    /// The next save deleted or replaced more than a sentence of it.
    BeforeDeletion,
}

/// A line of a piece's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RevisionSummary {
    /// Revision number, from 1, per piece.
    pub number: i64,
    /// Why it was kept.
    pub reason: RevisionReason,
    /// The piece version this state had.
    pub version: i64,
    /// Title at the time.
    pub title: String,
    /// When this state was saved, UTC.
    pub saved_at: String,
    /// When it was replaced and kept, UTC.
    pub kept_at: String,
}

/// A past state of a piece, in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Revision {
    /// The piece.
    pub piece_id: i64,
    /// Revision number.
    pub number: i64,
    /// Why it was kept.
    pub reason: RevisionReason,
    /// The piece version this state had.
    pub version: i64,
    /// When this state was saved, UTC.
    pub saved_at: String,
    /// When it was replaced and kept, UTC.
    pub kept_at: String,
    /// Slug at the time.
    pub slug: String,
    /// The fields, flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// Status at the time.
    pub status: Status,
    /// Tags at the time.
    pub tags: Vec<String>,
    /// Unknown front-matter keys at the time.
    #[serde(default)]
    pub extra: Extra,
}

impl RevisionReason {
    /// Every reason, in declaration order.
    pub const ALL: [RevisionReason; 6] = [
        RevisionReason::SavePoint,
        RevisionReason::Pause,
        RevisionReason::Interval,
        RevisionReason::StatusChange,
        RevisionReason::Restore,
        RevisionReason::BeforeDeletion,
    ];

    /// The code stored in the library and shown by the CLI (`save_point`, `pause`…).
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::SavePoint => "save_point",
            RevisionReason::Pause => "pause",
            RevisionReason::Interval => "interval",
            RevisionReason::StatusChange => "status_change",
            RevisionReason::Restore => "restore",
            RevisionReason::BeforeDeletion => "before_deletion",
        }
    }
}

/// A tag and how many live pieces carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TagCount {
    /// Name as first typed.
    pub name: String,
    /// Live (not trashed) pieces with this tag.
    pub count: i64,
}

/// A piece as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Piece {
    /// Row id, stable for the life of the piece.
    pub id: i64,
    /// Unique URL/file name: ASCII `[a-z0-9-]` only.
    pub slug: String,
    /// The editable fields, flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// Workflow status.
    pub status: Status,
    /// Tags, as first typed, in the order they were added.
    pub tags: Vec<String>,
    /// Unknown front-matter keys kept from an import (`{}` for a piece written in Edito).
    #[serde(default)]
    pub extra: Extra,
    /// Creation time, UTC (`2026-11-29T14:02:05.123Z`).
    pub created_at: String,
    /// Last change, UTC.
    pub updated_at: String,
    /// Incremented by every change; a save must name the version it was based on.
    pub version: i64,
    /// When the piece was moved to the trash; `None` for a live piece.
    pub trashed_at: Option<String>,
}

/// A line of the piece list: what the sidebar shows, without the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PieceSummary {
    /// Row id.
    pub id: i64,
    /// Title as typed.
    pub title: String,
    /// Slug.
    pub slug: String,
    /// Workflow status.
    pub status: Status,
    /// Tags.
    pub tags: Vec<String>,
    /// *Rubrique*.
    pub category: String,
    /// Last change, UTC.
    pub updated_at: String,
    /// Publication date, `YYYY-MM-DD`.
    pub publication_date: Option<String>,
}

/// What `create_piece` needs. Everything but the title may be left out of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct NewPiece {
    /// The fields, flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// Wanted slug; derived from the title when absent. Made unique with `-2`, `-3`…
    pub slug: Option<String>,
    /// Initial status (`draft` when absent).
    pub status: Option<Status>,
    /// Initial tags.
    pub tags: Vec<String>,
    /// Unknown front-matter keys to keep (an import's).
    pub extra: Extra,
}

/// Why a save happens, which decides whether the previous state is kept as a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    /// Debounced save while typing: consecutive ones are coalesced into one revision.
    #[default]
    Autosave,
    /// Explicit save (Ctrl+S, closing the piece): the previous state always becomes a revision.
    SavePoint,
}

/// A save of an existing piece: every editable field, and the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PieceEdit {
    /// Piece to update.
    pub id: i64,
    /// The `version` the editor loaded; a different current version means a conflict.
    pub base_version: i64,
    /// Autosave or save point.
    #[serde(default)]
    pub kind: SaveKind,
    /// The new fields, flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// New slug, or `None` to keep it.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub slug: Option<String>,
    /// New tag list, or `None` to keep the tags (use the tag calls for single changes).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub tags: Option<Vec<String>>,
    /// New unknown front-matter keys, or `None` to keep them. Optional rather than part of
    /// the fields so an editor that never shows them cannot wipe them by leaving them out.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub extra: Option<Extra>,
}

impl PieceFields {
    /// The fields with a leading byte-order mark dropped from each text
    /// ([`crate::text::without_bom`]), borrowed when none has one (every save but a paste
    /// from a Windows file).
    pub(crate) fn without_bom(&self) -> std::borrow::Cow<'_, Self> {
        if !self.texts().iter().any(|text| text.starts_with('\u{feff}')) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut fields = self.clone();
        for text in fields.texts_mut() {
            *text = crate::text::without_bom(text).to_owned();
        }
        std::borrow::Cow::Owned(fields)
    }

    /// The free-text fields.
    fn texts(&self) -> [&String; 7] {
        [
            &self.title,
            &self.kicker,
            &self.standfirst,
            &self.body,
            &self.author,
            &self.author_role,
            &self.category,
        ]
    }

    fn texts_mut(&mut self) -> [&mut String; 7] {
        [
            &mut self.title,
            &mut self.kicker,
            &mut self.standfirst,
            &mut self.body,
            &mut self.author,
            &mut self.author_role,
            &mut self.category,
        ]
    }

    /// Checks the values SQLite would refuse or that would break the app, with messages
    /// a writer can act on. Empty and very long titles are fine: losing text is worse.
    pub(crate) fn validate(&self) -> Result<(), LibraryError> {
        if self.body.len() > MAX_BODY_BYTES {
            return Err(LibraryError::invalid(
                "body",
                format!(
                    "the text is {} MB, more than the {} MB a piece may hold (split it into several pieces)",
                    self.body.len() / (1024 * 1024),
                    MAX_BODY_BYTES / (1024 * 1024)
                ),
            ));
        }
        if let Some(date) = &self.publication_date {
            if !super::time_stamp::is_date(date) {
                return Err(LibraryError::invalid(
                    "publication_date",
                    format!("`{date}` is not a date written YYYY-MM-DD"),
                ));
            }
        }
        for (field, value) in [
            ("issue_number", self.issue_number),
            ("target_signs", self.target_signs),
        ] {
            if value.is_some_and(|v| v < 0) {
                return Err(LibraryError::invalid(field, "must not be negative"));
            }
        }
        if let Some(image) = &self.lead_image {
            if image.is_empty() || image.len() > MAX_LEAD_IMAGE_BYTES {
                return Err(LibraryError::invalid(
                    "lead_image",
                    format!(
                        "the image reference must be 1 to {MAX_LEAD_IMAGE_BYTES} bytes long (choose the image again)"
                    ),
                ));
            }
        }
        Ok(())
    }
}
