//! Queries on the `drafts` table: create, get, list, save, and the first-launch welcome draft.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{time_stamp, Library, LibraryError};

/// A draft as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Row id, stable for the life of the draft.
    pub id: i64,
    /// Title as typed (may be empty while the writer has not chosen one).
    pub title: String,
    /// Body in Markdown.
    pub body: String,
    /// Creation time, UTC (`2026-11-29T14:02:05.123Z`).
    pub created_at: String,
    /// Last save time, UTC.
    pub updated_at: String,
}

/// A line of the draft list: what the sidebar shows, without the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    /// Row id.
    pub id: i64,
    /// Title as typed.
    pub title: String,
    /// Last save time, UTC.
    pub updated_at: String,
}

/// What a save changes: the new title and body of an existing draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftEdit {
    /// Draft to update.
    pub id: i64,
    /// New title.
    pub title: String,
    /// New body (Markdown).
    pub body: String,
}

/// Settings key remembering that the welcome draft was offered once, so deleting it is final.
const WELCOME_KEY: &str = "welcome_offered";
const WELCOME_TITLE: &str = "Bienvenue dans Edito";
const WELCOME_BODY: &str = include_str!("welcome.md");

impl Library {
    /// Creates a draft and returns it.
    pub fn create_draft(&self, title: &str, body: &str) -> Result<Draft, LibraryError> {
        let conn = self.conn();
        let now = time_stamp::now();
        conn.execute(
            "INSERT INTO drafts (title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![title, body, now],
        )?;
        let id = conn.last_insert_rowid();
        drop(conn);
        self.get_draft(id)
    }

    /// The draft with this id.
    pub fn get_draft(&self, id: i64) -> Result<Draft, LibraryError> {
        self.conn()
            .query_row(
                "SELECT id, title, body, created_at, updated_at FROM drafts WHERE id = ?1",
                [id],
                draft_from_row,
            )
            .optional()?
            .ok_or(LibraryError::NotFound(id))
    }

    /// Every draft, most recently saved first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>, LibraryError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, updated_at FROM drafts ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(DraftSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                updated_at: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Saves a new title and body; an unchanged draft keeps its `updated_at`.
    pub fn save_draft(&self, edit: &DraftEdit) -> Result<Draft, LibraryError> {
        self.conn().execute(
            "UPDATE drafts SET title = ?2, body = ?3, updated_at = ?4
             WHERE id = ?1 AND (title IS NOT ?2 OR body IS NOT ?3)",
            params![edit.id, edit.title, edit.body, time_stamp::now()],
        )?;
        self.get_draft(edit.id)
    }

    /// On the very first launch, adds the welcome draft; never again afterwards, even if the
    /// writer deletes it. Returns the welcome draft when it was just created.
    pub fn offer_welcome_draft(&self) -> Result<Option<Draft>, LibraryError> {
        let mut conn = self.conn();
        // One transaction, so a crash cannot leave the flag without the draft (or the reverse).
        let tx = conn.transaction()?;
        let offered = tx
            .query_row(
                "SELECT 1 FROM settings WHERE key = ?1",
                [WELCOME_KEY],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if offered {
            return Ok(None);
        }
        let now = time_stamp::now();
        tx.execute(
            "INSERT INTO drafts (title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![WELCOME_TITLE, WELCOME_BODY, now],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)",
            params![WELCOME_KEY, now],
        )?;
        tx.commit()?;
        drop(conn);
        self.get_draft(id).map(Some)
    }
}

fn draft_from_row(row: &Row<'_>) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: row.get(0)?,
        title: row.get(1)?,
        body: row.get(2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
    })
}
