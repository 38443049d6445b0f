//! The error the UI receives: a stable code to branch on, a message for the writer, and for a
//! save conflict the piece as it is now, so both versions can be shown. No SQL and no internal
//! paths cross this boundary.

use edito::export::ExportError;
use edito::{LibraryError, Piece};
use serde::Serialize;

/// What a failed command returns to the web side.
#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct UiError {
    /// Stable machine-readable code (`not_found`, `conflict`, `busy`, `disk_full`, `invalid`,
    /// `in_trash`, `library`, `export`, `internal`).
    pub code: &'static str,
    /// Human message, safe to show as is.
    pub message: String,
    /// For `conflict`: the piece as another window or the CLI saved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<Piece>>,
}

impl UiError {
    /// A failure of the shell itself (a worker thread died): nothing the writer can fix.
    pub fn internal() -> Self {
        UiError::new(
            "internal",
            "Edito a rencontré une erreur interne ; votre texte n'a pas été modifié. Réessayez.",
        )
    }

    /// An error with a code and a message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        UiError {
            code,
            message: message.into(),
            current: None,
        }
    }
}

impl From<LibraryError> for UiError {
    fn from(err: LibraryError) -> Self {
        let code = match &err {
            LibraryError::NotFound(_)
            | LibraryError::RevisionNotFound { .. }
            | LibraryError::TagNotFound(_) => "not_found",
            LibraryError::Conflict { .. } => "conflict",
            LibraryError::Busy => "busy",
            LibraryError::DiskFull => "disk_full",
            LibraryError::Invalid { .. } => "invalid",
            LibraryError::InTrash(_) | LibraryError::NotInTrash(_) => "in_trash",
            _ => "library",
        };
        match err {
            LibraryError::Conflict { current } => UiError {
                code,
                message: "Ce texte a été modifié ailleurs (une autre fenêtre ou la ligne de commande) : comparez les deux versions avant d'enregistrer.".into(),
                current: Some(current),
            },
            // The raw SQLite text is for the log, not for the writer.
            LibraryError::Sqlite(_) => {
                eprintln!("edito: {err}");
                UiError::new(code, "La bibliothèque n'a pas pu lire ou enregistrer ce texte. Réessayez ; s'il le faut, redémarrez Edito.")
            }
            other => UiError::new(code, other.to_string()),
        }
    }
}

impl From<ExportError> for UiError {
    fn from(err: ExportError) -> Self {
        match err {
            ExportError::Library(err) => UiError::from(err),
            ExportError::Cancelled => UiError::new(
                "cancelled",
                "Export annulé : le dossier est resté tel qu'il était.",
            ),
            other => UiError::new("export", other.to_string()),
        }
    }
}
