//! The welcome piece shown on the very first launch.

use rusqlite::{params, OptionalExtension};

use super::{pieces, stored, time_stamp, Library, LibraryError, NewPiece, Piece, PieceFields};

/// Settings key remembering that the welcome piece was offered once, so deleting it is final.
const WELCOME_KEY: &str = "welcome_offered";
const WELCOME_TITLE: &str = "Bienvenue dans Edito";
const WELCOME_BODY: &str = include_str!("welcome.md");

impl Library {
    /// On the very first launch, adds the welcome piece; never again afterwards, even if the
    /// writer deletes it. Returns the welcome piece when it was just created. A read-only
    /// library ([`Library::is_read_only`]) is offered nothing: the offer would be a write, and
    /// failing it would keep the window from showing the pieces there are to read (#13.18).
    pub fn offer_welcome_piece(&self) -> Result<Option<Piece>, LibraryError> {
        if self.is_read_only() {
            return Ok(None);
        }
        // One transaction, so a crash cannot leave the flag without the piece (or the reverse).
        self.write(|tx| {
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
            let welcome = NewPiece {
                fields: PieceFields {
                    title: WELCOME_TITLE.into(),
                    body: WELCOME_BODY.into(),
                    ..PieceFields::default()
                },
                tags: vec!["Edito".into()],
                ..NewPiece::default()
            };
            let id = pieces::insert(tx, &welcome, &now)?;
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                params![WELCOME_KEY, now],
            )?;
            stored::load(tx, id).map(Some)
        })
    }
}
