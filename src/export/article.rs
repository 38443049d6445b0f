//! The export and import input model: one editorial piece, independent of where it is stored
//! (the library, or a Markdown file with front matter), made of the library's own types so a
//! field added to [`PieceFields`] reaches every export through the compiler.

use serde::{Deserialize, Serialize};

use crate::library::{Extra, Lang, Piece, PieceFields, Status};

/// One piece as the exporter sees it. The library's pieces convert into this; import produces
/// it from Markdown files. Unknown front-matter keys travel in `extra`, so a round trip
/// through Markdown loses nothing. Serializes as one flat snake_case object, like a
/// [`Piece`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "snake_case")]
pub struct Article {
    /// The fields a writer edits (title, kicker, standfirst, body, signature, category,
    /// language, date, issue, target length), flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// URL-safe identifier; output file names derive from it (see `export::safe_name`).
    pub slug: String,
    /// Workflow status.
    pub status: Status,
    /// Tags as typed.
    pub tags: Vec<String>,
    /// Last modification, RFC 3339 (or `YYYY-MM-DD HH:MM:SS`, read as UTC).
    pub updated_at: Option<String>,
    /// Front-matter keys Edito does not know, kept as they were read.
    pub extra: Extra,
}

impl Article {
    /// The piece's language.
    pub fn lang(&self) -> Lang {
        self.fields.lang
    }

    /// Whether the piece is published.
    pub fn is_published(&self) -> bool {
        self.status == Status::Published
    }
}

impl From<&Piece> for Article {
    fn from(piece: &Piece) -> Self {
        Article {
            fields: piece.fields.clone(),
            slug: piece.slug.clone(),
            status: piece.status,
            tags: piece.tags.clone(),
            updated_at: Some(piece.updated_at.clone()),
            extra: piece.extra.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Article;
    use crate::library::{Lang, Status};

    #[test]
    fn serde_shape_is_flat_snake_case_with_defaults() {
        let a: Article =
            serde_json::from_str(r#"{"title":"T","target_signs":2500}"#).expect("test setup");
        assert_eq!(a.fields.title, "T");
        assert_eq!(a.fields.target_signs, Some(2500));
        assert_eq!(a.status, Status::Draft);
        let json = serde_json::to_value(&a).expect("test setup");
        assert!(json.get("author_role").is_some() && json.get("publication_date").is_some());
        assert_eq!(json["lang"], "fr");
        assert_eq!(json["status"], "draft");
    }

    #[test]
    fn lang_and_status_are_typed() {
        let a: Article =
            serde_json::from_str(r#"{"lang":"en","status":"published"}"#).expect("test setup");
        assert_eq!(a.lang(), Lang::En);
        assert!(a.is_published());
        assert!(serde_json::from_str::<Article>(r#"{"lang":"de\"><script>"}"#).is_err());
    }
}
