//! Articles read from files → library pieces. An [`Article`] is made of the library's own
//! types and its values were checked when read, so the conversion cannot fail.

use crate::export::Article;
use crate::library::{NewPiece, Piece, PieceEdit, SaveKind};

impl From<&Article> for NewPiece {
    /// The piece an article becomes in the library. `updated_at` is not taken: the library
    /// dates its own changes.
    fn from(article: &Article) -> Self {
        NewPiece {
            fields: article.fields.clone(),
            slug: Some(article.slug.clone()).filter(|s| !s.trim().is_empty()),
            status: Some(article.status),
            tags: article.tags.clone(),
            extra: article.extra.clone(),
        }
    }
}

/// A save point replacing `current` with the article's fields, tags and unknown keys, based
/// on `current.version` (the slug stays: pieces are matched by it). The status is not part
/// of an edit: set it with [`crate::Library::set_status`] to the article's.
pub fn article_edit(article: &Article, current: &Piece) -> PieceEdit {
    PieceEdit {
        id: current.id,
        base_version: current.version,
        kind: SaveKind::SavePoint,
        fields: article.fields.clone(),
        slug: None,
        tags: Some(article.tags.clone()),
        extra: Some(article.extra.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_markdown;
    use crate::library::{Lang, Status};

    const FILE: &str = "---\ntitle: Édito\nslug: edito\nlang: en\nissue_number: \" 42 \"\ntarget_signs: 2500\nstatus: publié\ntags: [Europe]\n---\nTexte\n";

    #[test]
    fn article_becomes_a_new_piece() {
        let new = NewPiece::from(&parse_markdown(FILE).expect("parse"));
        assert_eq!(new.fields.lang, Lang::En);
        assert_eq!(new.fields.issue_number, Some(42));
        assert_eq!(new.fields.target_signs, Some(2500));
        assert_eq!(new.status, Some(Status::Published));
        assert_eq!(new.slug.as_deref(), Some("edito"));
        assert_eq!(new.tags, ["Europe"]);
    }

    #[test]
    fn values_the_library_cannot_store_name_their_key() {
        for (line, key) in [
            ("issue_number: HS-3", "`issue_number`"),
            ("lang: de", "`lang`"),
            ("status: archived", "`status`"),
        ] {
            let file = format!("---\ntitle: T\n{line}\n---\n");
            let err = parse_markdown(&file).expect_err("refused").to_string();
            assert!(err.contains(key), "{err}");
        }
    }

    #[test]
    fn empty_values_take_the_defaults() {
        let article =
            parse_markdown("---\ntitle: T\nissue_number: ''\nlang: ''\nstatus: ''\n---\n")
                .expect("parse");
        let new = NewPiece::from(&article);
        assert_eq!(new.fields.lang, Lang::Fr);
        assert_eq!(new.fields.issue_number, None);
        assert_eq!(new.status, Some(Status::Draft));
        assert_eq!(new.slug.as_deref(), Some("t"));
        // An article built in code without a slug lets the library derive one.
        let mut bare = Article::default();
        bare.fields.title = "T".into();
        assert_eq!(NewPiece::from(&bare).slug, None);
    }
}
