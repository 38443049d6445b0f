//! Library pieces ↔ export articles. The export side depends on the library, never the
//! reverse: the library knows nothing of front matter. A piece always converts to an article;
//! an article converts to a piece only if the library can store its values, else the front
//! matter key at fault is named.

use crate::library::{NewPiece, Piece, PieceEdit, PieceFields, SaveKind, Status};

use super::article::Article;
use super::front_matter::FrontMatterError;

impl From<&Piece> for Article {
    fn from(piece: &Piece) -> Self {
        let f = &piece.fields;
        Article {
            slug: piece.slug.clone(),
            title: f.title.clone(),
            kicker: f.kicker.clone(),
            standfirst: f.standfirst.clone(),
            body: f.body.clone(),
            author: f.author.clone(),
            author_role: f.author_role.clone(),
            category: f.category.clone(),
            tags: piece.tags.clone(),
            lang: f.lang.as_str().to_owned(),
            publication_date: f.publication_date.clone(),
            issue_number: f.issue_number.map(|n| n.to_string()),
            // The library refuses negative counts; a count past 4 billion signes cannot be a
            // target anyone set, so it is left out rather than wrapped.
            target_signs: f.target_signs.and_then(|n| u32::try_from(n).ok()),
            status: piece.status.as_str().to_owned(),
            updated_at: Some(piece.updated_at.clone()),
            extra: piece.extra.clone(),
        }
    }
}

impl TryFrom<&Article> for NewPiece {
    type Error = FrontMatterError;

    /// The piece an article becomes in the library. `updated_at` is not taken: the library
    /// dates its own changes.
    fn try_from(article: &Article) -> Result<Self, Self::Error> {
        Ok(NewPiece {
            fields: fields(article)?,
            slug: Some(article.slug.clone()).filter(|s| !s.trim().is_empty()),
            status: Some(status(article)?),
            tags: article.tags.clone(),
            extra: article.extra.clone(),
        })
    }
}

/// A save point replacing `current` with the article's fields, tags and unknown keys, based
/// on `current.version` (the slug stays: pieces are matched by it). The status is not part
/// of an edit: set it with [`crate::Library::set_status`] to [`article_status`].
pub fn article_edit(article: &Article, current: &Piece) -> Result<PieceEdit, FrontMatterError> {
    Ok(PieceEdit {
        id: current.id,
        base_version: current.version,
        kind: SaveKind::SavePoint,
        fields: fields(article)?,
        slug: None,
        tags: Some(article.tags.clone()),
        extra: Some(article.extra.clone()),
    })
}

/// The article's workflow status (`draft` when empty; the French names are accepted).
pub fn article_status(article: &Article) -> Result<Status, FrontMatterError> {
    status(article)
}

fn fields(article: &Article) -> Result<PieceFields, FrontMatterError> {
    let lang = if article.lang.trim().is_empty() {
        Default::default()
    } else {
        article.lang.parse().map_err(|_| {
            bad(
                "lang",
                format!(
                    "`{}` is not a language Edito knows: use `fr` or `en`",
                    article.lang
                ),
            )
        })?
    };
    Ok(PieceFields {
        title: article.title.clone(),
        kicker: article.kicker.clone(),
        standfirst: article.standfirst.clone(),
        body: article.body.clone(),
        author: article.author.clone(),
        author_role: article.author_role.clone(),
        category: article.category.clone(),
        lang,
        publication_date: article.publication_date.clone(),
        issue_number: issue_number(article.issue_number.as_deref())?,
        target_signs: article.target_signs.map(i64::from),
    })
}

/// Front matter allows any text as an issue number; the library stores a whole number, so
/// `HS-3` is refused (with the reason) rather than silently dropped.
fn issue_number(text: Option<&str>) -> Result<Option<i64>, FrontMatterError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text.parse::<i64>().map(Some).map_err(|_| {
            bad(
                "issue_number",
                format!(
                    "`{text}` is not a whole number: the library stores issue numbers as numbers (write e.g. `42`, or move the value to another key)"
                ),
            )
        }),
    }
}

fn status(article: &Article) -> Result<Status, FrontMatterError> {
    if article.status.trim().is_empty() {
        return Ok(Status::default());
    }
    article.status.parse().map_err(|_| {
        bad(
            "status",
            format!(
                "`{}` is not a status: use idea, draft, review, ready or published",
                article.status
            ),
        )
    })
}

fn bad(key: &str, reason: String) -> FrontMatterError {
    FrontMatterError::BadValue {
        key: key.to_owned(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Lang;

    fn article() -> Article {
        Article {
            slug: "edito".into(),
            title: "Édito".into(),
            body: "Texte\n".into(),
            lang: "en".into(),
            issue_number: Some(" 42 ".into()),
            target_signs: Some(2500),
            status: "publié".into(),
            tags: vec!["Europe".into()],
            ..Article::default()
        }
    }

    #[test]
    fn article_becomes_a_new_piece() {
        let new = NewPiece::try_from(&article()).expect("convert");
        assert_eq!(new.fields.lang, Lang::En);
        assert_eq!(new.fields.issue_number, Some(42));
        assert_eq!(new.fields.target_signs, Some(2500));
        assert_eq!(new.status, Some(Status::Published));
        assert_eq!(new.slug.as_deref(), Some("edito"));
        assert_eq!(new.tags, ["Europe"]);
    }

    #[test]
    fn values_the_library_cannot_store_name_their_key() {
        for (change, key) in [
            (
                (|a: &mut Article| a.issue_number = Some("HS-3".into())) as fn(&mut Article),
                "`issue_number`",
            ),
            (|a: &mut Article| a.lang = "de".into(), "`lang`"),
            (|a: &mut Article| a.status = "archived".into(), "`status`"),
        ] {
            let mut a = article();
            change(&mut a);
            let err = NewPiece::try_from(&a).expect_err("refused").to_string();
            assert!(err.contains(key), "{err}");
        }
    }

    #[test]
    fn empty_values_take_the_defaults() {
        let a = Article {
            title: "T".into(),
            issue_number: Some(String::new()),
            ..Article::default()
        };
        let new = NewPiece::try_from(&a).expect("convert");
        assert_eq!(new.fields.lang, Lang::Fr);
        assert_eq!(new.fields.issue_number, None);
        assert_eq!(new.status, Some(Status::Draft));
        assert_eq!(new.slug, None);
    }
}
