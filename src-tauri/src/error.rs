//! The error the UI receives: a stable code to branch on and a message for the writer.
//! No SQL and no internal paths cross this boundary.

use edito::LibraryError;
use serde::Serialize;

/// What a failed command returns to the web side.
#[derive(Debug, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct UiError {
    /// Stable machine-readable code (`not_found`, `busy`, `library`, `internal`).
    pub code: &'static str,
    /// Human message, safe to show as is.
    pub message: String,
}

impl UiError {
    /// A failure of the shell itself (a worker thread died): nothing the writer can fix.
    pub fn internal() -> Self {
        UiError {
            code: "internal",
            message:
                "Edito a rencontré une erreur interne ; votre texte n'a pas été modifié. Réessayez."
                    .into(),
        }
    }
}

impl From<LibraryError> for UiError {
    fn from(err: LibraryError) -> Self {
        let code = match &err {
            LibraryError::NotFound(_) => "not_found",
            LibraryError::Busy => "busy",
            _ => "library",
        };
        let message = match &err {
            // The raw SQLite text is for logs, not for the writer.
            LibraryError::Sqlite(_) => {
                eprintln!("edito: {err}");
                "La bibliothèque n'a pas pu enregistrer ou lire ce texte. Réessayez ; s'il le faut, redémarrez Edito.".into()
            }
            _ => err.to_string(),
        };
        UiError { code, message }
    }
}
