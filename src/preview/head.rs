//! The fields the preview sets around the body — kicker, title, standfirst above it, the
//! signature below — typeset with the same rules as the export, so that the preview's
//! "2002 : l'année…" already has its no-break space and its apostrophe.

use serde::{Deserialize, Serialize};

use crate::render::{typography_text, Lang};

/// The plain-text fields around the body (never Markdown: shown as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PreviewHead {
    /// Surtitre.
    pub kicker: String,
    /// Title.
    pub title: String,
    /// Chapô.
    pub standfirst: String,
    /// Signature: the author's name.
    pub author: String,
    /// Signature: the author's role ("Directeur de la rédaction").
    pub author_role: String,
}

/// `head` with the typography of `lang` applied to every field.
pub fn typeset_head(head: &PreviewHead, lang: Lang) -> PreviewHead {
    let typeset = |field: &str| typography_text(field, lang);
    PreviewHead {
        kicker: typeset(&head.kicker),
        title: typeset(&head.title),
        standfirst: typeset(&head.standfirst),
        author: typeset(&head.author),
        author_role: typeset(&head.author_role),
    }
}

#[cfg(test)]
mod tests {
    use super::{typeset_head, PreviewHead};
    use crate::render::Lang;

    #[test]
    fn title_and_signature_are_typeset_like_the_export() {
        let head = PreviewHead {
            title: "2002 : l'année de tous les dangers...".into(),
            author_role: "Directeur de la rédaction".into(),
            ..PreviewHead::default()
        };
        let typeset = typeset_head(&head, Lang::Fr);
        assert_eq!(typeset.title, "2002\u{a0}: l’année de tous les dangers…");
        assert_eq!(typeset.author_role, "Directeur de la rédaction");
        assert_eq!(typeset.kicker, "");
    }

    #[test]
    fn english_fields_get_english_quotes() {
        let head = PreviewHead {
            standfirst: "\"Yes,\" she said.".into(),
            ..PreviewHead::default()
        };
        assert_eq!(typeset_head(&head, Lang::En).standfirst, "“Yes,” she said.");
    }
}
