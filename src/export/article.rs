//! The export and import input model: one editorial piece, independent of where it is stored
//! (the library, or a Markdown file with front matter).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One piece as the exporter sees it. The library converts its pieces into this; import
/// produces it from Markdown files. Unknown front-matter keys travel in `extra`, so a round
/// trip through Markdown loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "snake_case")]
pub struct Article {
    /// URL-safe identifier; output file names derive from it (see `export::fs::safe_name`).
    pub slug: String,
    /// Title (plain text).
    pub title: String,
    /// *Surtitre*: the short line above the title (plain text).
    pub kicker: String,
    /// *Chapô*: the lead paragraph under the title (plain text).
    pub standfirst: String,
    /// The body, in Markdown.
    pub body: String,
    /// Author name for the signature.
    pub author: String,
    /// Author role for the signature, e.g. "Directeur de la rédaction".
    pub author_role: String,
    /// *Rubrique*, e.g. "Editos du magazine En-Contact"; empty when none.
    pub category: String,
    /// Tags as typed.
    pub tags: Vec<String>,
    /// Language of the piece: `fr` or `en`.
    pub lang: String,
    /// Publication date, `YYYY-MM-DD`.
    pub publication_date: Option<String>,
    /// Magazine issue number, free text.
    pub issue_number: Option<String>,
    /// Target length in *signes*.
    pub target_signs: Option<u32>,
    /// Workflow status: `idea`, `draft`, `review`, `ready` or `published`.
    pub status: String,
    /// Last modification, RFC 3339 (or `YYYY-MM-DD HH:MM:SS`, read as UTC).
    pub updated_at: Option<String>,
    /// Front-matter keys Edito does not know, kept as they were read.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The status whose pieces go into the static archive by default.
pub const PUBLISHED: &str = "published";

impl Article {
    /// Language tag for output: `en` when the piece says so, `fr` otherwise (the magazine's
    /// default), so an empty or unknown value never yields an invalid `lang` attribute.
    pub fn lang_or_default(&self) -> &'static str {
        if self.lang.trim().eq_ignore_ascii_case("en") {
            "en"
        } else {
            "fr"
        }
    }

    /// Whether the piece is published (status compared case-insensitively).
    pub fn is_published(&self) -> bool {
        self.status.trim().eq_ignore_ascii_case(PUBLISHED)
    }
}

#[cfg(test)]
mod tests {
    use super::Article;

    #[test]
    fn serde_shape_is_snake_case_with_defaults() {
        let a: Article =
            serde_json::from_str(r#"{"title":"T","target_signs":2500}"#).expect("test setup");
        assert_eq!(a.title, "T");
        assert_eq!(a.target_signs, Some(2500));
        let json = serde_json::to_value(&a).expect("test setup");
        assert!(json.get("author_role").is_some() && json.get("publication_date").is_some());
    }

    #[test]
    fn unknown_lang_falls_back_to_french() {
        let mut a = Article::default();
        assert_eq!(a.lang_or_default(), "fr");
        a.lang = "EN".into();
        assert_eq!(a.lang_or_default(), "en");
        a.lang = "de\"><script>".into();
        assert_eq!(a.lang_or_default(), "fr");
    }
}
