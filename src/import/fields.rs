//! Front-matter keys → [`Article`] fields. Reading accepts the keys Hugo, Jekyll and Zola use
//! (first alias present wins); an alias whose value differs from the field it maps to stays in
//! `extra`. Values are checked here, once: a language, status or issue number the library
//! cannot store is refused with the key at fault, so every [`Article`] read can be imported.

use serde_json::{Map, Value};

use super::front_matter::FrontMatterError;
use crate::export::dates::{iso_date, parse_date};
use crate::export::Article;
use crate::library::{Lang, PieceFields, Status, MAX_TAGS_PER_PIECE};
use crate::text::slug_of;

type Meta = Map<String, Value>;

/// Builds an article from parsed front matter and its Markdown body.
pub fn article_from_meta(mut meta: Meta, body: &str) -> Result<Article, FrontMatterError> {
    // The library keeps untitled pieces (a new piece starts untitled), and its Markdown
    // export writes `title: ''`: the round trip brings them back, so no title is no error.
    let title = take_text(&mut meta, &["title"])?.unwrap_or_default();
    let slug = take_text(&mut meta, &["slug"])?.unwrap_or_default();
    let fields = PieceFields {
        kicker: take_text(&mut meta, &["kicker", "surtitre"])?.unwrap_or_default(),
        standfirst: take_text(
            &mut meta,
            &["standfirst", "chapo", "chapô", "description", "summary"],
        )?
        .unwrap_or_default(),
        author: take_author(&mut meta)?,
        author_role: take_text(&mut meta, &["author_role", "role"])?.unwrap_or_default(),
        lang: take_lang(&mut meta)?,
        issue_number: take_issue_number(&mut meta)?,
        target_signs: take_count(&mut meta, &["target_signs", "target_length"])?.map(i64::from),
        // Only Edito's own key: another tool's `image` is a path on its disk, which stays in
        // `extra` until it is brought into the library.
        lead_image: take_text(&mut meta, &["lead_image"])?.filter(|r| !r.trim().is_empty()),
        publication_date: None,
        category: String::new(),
        body: body.to_owned(),
        title,
    };
    let updated_at = take_text(&mut meta, &["updated_at", "updated", "lastmod"])?;
    let mut article = Article {
        fields: PieceFields {
            publication_date: take_date(&mut meta)?,
            ..fields
        },
        status: take_status(&mut meta)?,
        updated_at,
        ..Article::default()
    };
    article.fields.category = take_category(&mut meta)?;
    article.tags = take_tags(&mut meta)?;
    // A file's slug is only a wish: it goes through the slug rule like a title.
    article.slug = slug_of(if slug.is_empty() {
        &article.fields.title
    } else {
        &slug
    })
    .unwrap_or_default();
    drop_derived_aliases(&mut meta, &article);
    article.extra = meta.into_iter().collect();
    Ok(article)
}

fn bad(key: &str, reason: &str) -> FrontMatterError {
    FrontMatterError::BadValue {
        key: key.to_owned(),
        reason: reason.to_owned(),
    }
}

/// Removes and returns the first alias present; later aliases stay for `extra`.
fn take_first(meta: &mut Meta, keys: &[&str]) -> Option<(String, Value)> {
    keys.iter()
        .find(|k| meta.contains_key(**k))
        .and_then(|k| meta.remove(*k).map(|v| ((*k).to_owned(), v)))
}

fn take_text(meta: &mut Meta, keys: &[&str]) -> Result<Option<String>, FrontMatterError> {
    match take_first(meta, keys) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s)),
        Some((key, Value::Number(n))) => number_as_text(&key, &n).map(Some),
        Some((key, _)) => Err(bad(
            &key,
            &format!("expected text: quote it, e.g. `{key}: \"…\"`"),
        )),
    }
}

/// A number where text is expected: a whole number reads back as typed; any other (a TOML
/// float; YAML ones are re-read as written by `raw_scalars`) could come back changed
/// (`3.10` → `3.1`), so it is refused.
fn number_as_text(key: &str, n: &serde_json::Number) -> Result<String, FrontMatterError> {
    if n.is_i64() || n.is_u64() {
        Ok(n.to_string())
    } else {
        Err(bad(
            key,
            &format!("`{n}` is read as a number and may not come back as typed: quote it, e.g. `{key}: \"{n}\"`"),
        ))
    }
}

fn take_count(meta: &mut Meta, keys: &[&str]) -> Result<Option<u32>, FrontMatterError> {
    match take_first(meta, keys) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((key, value)) => {
            let number = match &value {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            };
            number
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| bad(&key, "expected a whole number of signes, e.g. `2500`"))
        }
    }
}

fn take_date(meta: &mut Meta) -> Result<Option<String>, FrontMatterError> {
    let keys = ["date", "publication_date", "publishDate"];
    let key = keys.iter().find(|k| meta.contains_key(**k)).copied();
    match take_text(meta, &keys)? {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => parse_date(&text).map(|d| Some(iso_date(d))).ok_or_else(|| {
            bad(
                key.unwrap_or("date"),
                &format!("`{text}` is not a date: write it as YYYY-MM-DD"),
            )
        }),
    }
}

/// `status` wins (the English codes or their French names; `draft` when empty); without it,
/// Hugo/Jekyll/Zola's `draft: false` means published.
fn take_status(meta: &mut Meta) -> Result<Status, FrontMatterError> {
    if let Some(status) = take_text(meta, &["status"])? {
        if status.trim().is_empty() {
            return Ok(Status::default());
        }
        return status.parse().map_err(|_| {
            bad(
                "status",
                &format!("`{status}` is not a status: use idea, draft, review, ready or published"),
            )
        });
    }
    match meta.remove("draft") {
        Some(Value::Bool(false)) => Ok(Status::Published),
        Some(Value::Bool(true)) | None | Some(Value::Null) => Ok(Status::Draft),
        Some(_) => Err(bad("draft", "expected `true` or `false`")),
    }
}

/// `lang` or `language`: `fr` when absent or empty; another language is refused, since the
/// typography knows only French and English.
fn take_lang(meta: &mut Meta) -> Result<Lang, FrontMatterError> {
    match take_text(meta, &["lang", "language"])? {
        None => Ok(Lang::default()),
        Some(text) if text.trim().is_empty() => Ok(Lang::default()),
        Some(text) => text.parse().map_err(|_| {
            bad(
                "lang",
                &format!("`{text}` is not a language Edito knows: use `fr` or `en`"),
            )
        }),
    }
}

/// Front matter allows any text as an issue number; the library stores a whole number, so
/// `HS-3` is refused (with the reason) rather than silently dropped.
fn take_issue_number(meta: &mut Meta) -> Result<Option<i64>, FrontMatterError> {
    match take_text(meta, &["issue_number", "issue"])?.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text.parse::<i64>().map(Some).map_err(|_| {
            bad(
                "issue_number",
                &format!(
                    "`{text}` is not a whole number: the library stores issue numbers as numbers (write e.g. `42`, or move the value to another key)"
                ),
            )
        }),
    }
}

fn take_author(meta: &mut Meta) -> Result<String, FrontMatterError> {
    if let Some(author) = take_text(meta, &["author"])? {
        return Ok(author);
    }
    match meta.remove("authors") {
        None | Some(Value::Null) => Ok(String::new()),
        Some(value) => Ok(string_list(&value, "authors")?.join(", ")),
    }
}

fn take_category(meta: &mut Meta) -> Result<String, FrontMatterError> {
    if let Some(category) = take_text(meta, &["category"])? {
        return Ok(category);
    }
    if let Some(value) = meta.remove("categories") {
        return Ok(string_list(&value, "categories")?
            .into_iter()
            .next()
            .unwrap_or_default());
    }
    Ok(taxonomy(meta, "categories")?
        .into_iter()
        .next()
        .unwrap_or_default())
}

fn take_tags(meta: &mut Meta) -> Result<Vec<String>, FrontMatterError> {
    let tags = match meta.remove("tags") {
        Some(value) => string_list(&value, "tags")?,
        None => taxonomy(meta, "tags")?,
    };
    if tags.len() > MAX_TAGS_PER_PIECE {
        return Err(bad(
            "tags",
            &format!(
                "{} tags, more than the {MAX_TAGS_PER_PIECE} a piece may carry: keep those a reader would look for",
                tags.len()
            ),
        ));
    }
    Ok(tags)
}

/// Zola's `taxonomies: {tags: [...], categories: [...]}`; the map is dropped once empty.
fn taxonomy(meta: &mut Meta, name: &str) -> Result<Vec<String>, FrontMatterError> {
    let Some(Value::Object(taxonomies)) = meta.get_mut("taxonomies") else {
        return Ok(Vec::new());
    };
    let list = match taxonomies.remove(name) {
        Some(value) => string_list(&value, name)?,
        None => Vec::new(),
    };
    if taxonomies.is_empty() {
        meta.remove("taxonomies");
    }
    Ok(list)
}

/// A list of strings, or one string of comma-separated items (Jekyll allows both).
fn string_list(value: &Value, key: &str) -> Result<Vec<String>, FrontMatterError> {
    let items: Vec<String> = match value {
        Value::Null => Vec::new(),
        Value::String(s) => s.split(',').map(str::to_owned).collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => number_as_text(key, n),
                _ => Err(bad(key, "expected a list of names")),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(bad(key, "expected a list of names")),
    };
    Ok(items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect())
}

/// Aliases Edito writes itself (`description`, `categories`, `draft`) are consumed when they
/// agree with the fields, so they do not pile up in `extra`; a differing value is kept.
fn drop_derived_aliases(meta: &mut Meta, article: &Article) {
    if meta.get("description") == Some(&Value::from(article.fields.standfirst.clone())) {
        meta.remove("description");
    }
    if meta.get("categories") == Some(&Value::from(vec![article.fields.category.clone()])) {
        meta.remove("categories");
    }
    if meta.get("draft") == Some(&Value::Bool(!article.is_published())) {
        meta.remove("draft");
    }
}

#[cfg(test)]
mod tests {
    /// A file with more tags than a piece may carry is refused with the count, before any
    /// export (`edito site --from`) or library write sees it.
    #[test]
    fn more_tags_than_the_cap_are_refused() {
        let tags: Vec<String> = (0..=MAX_TAGS_PER_PIECE).map(|i| format!("t{i}")).collect();
        let text = format!("---\ntitle: T\ntags: [{}]\n---\n", tags.join(", "));
        let err = crate::import::parse_markdown(&text).expect_err("too many tags");
        assert!(err.to_string().contains("more than the 20"), "{err}");
        let fine = format!("---\ntitle: T\ntags: [{}]\n---\n", tags[1..].join(", "));
        assert!(crate::import::parse_markdown(&fine).is_ok());
    }

    use super::*;
    use crate::export::meta_from_article;
    use crate::import::front_matter::split;

    fn parse(text: &str) -> Result<Article, FrontMatterError> {
        let s = split(text)?;
        article_from_meta(s.meta, s.body)
    }

    #[test]
    fn hugo_keys_map_to_fields() {
        let a = parse("---\ntitle: T\ndate: 2002-04-12T08:00:00Z\ndescription: Chapô\ncategories: [Editos]\ndraft: false\n---\nB").expect("test setup");
        assert_eq!(a.fields.publication_date.as_deref(), Some("2002-04-12"));
        assert_eq!(a.fields.standfirst, "Chapô");
        assert_eq!(a.fields.category, "Editos");
        assert_eq!(a.status, Status::Published);
        assert_eq!(a.slug, "t");
        assert!(a.extra.is_empty(), "{:?}", a.extra);
    }

    #[test]
    fn zola_taxonomies_and_unknown_keys_are_kept() {
        let a = parse("+++\ntitle = \"T\"\n[taxonomies]\ntags = [\"a\"]\nseries = [\"s\"]\n[extra]\nx = 1\n+++\n").expect("test setup");
        assert_eq!(a.tags, ["a"]);
        assert_eq!(a.extra["taxonomies"], serde_json::json!({"series": ["s"]}));
        assert_eq!(a.extra["extra"], serde_json::json!({"x": 1}));
    }

    #[test]
    fn bad_values_are_refused_with_the_key() {
        let err = parse("---\ntitle: T\ndate: 12/04/2002\n---\n")
            .expect_err("should fail")
            .to_string();
        assert!(
            err.contains("`date`") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
        let err = parse("---\ntitle: T\ntarget_signs: lots\n---\n")
            .expect_err("should fail")
            .to_string();
        assert!(err.contains("target_signs"), "{err}");
        let err = parse("---\ntitle: true\n---\n")
            .expect_err("should fail")
            .to_string();
        assert!(err.contains("`title`") && err.contains("quote it"), "{err}");
    }

    #[test]
    fn differing_alias_stays_in_extra() {
        let a = parse("---\ntitle: T\nstandfirst: S\ndescription: D\n---\n").expect("test setup");
        assert_eq!(a.fields.standfirst, "S");
        assert_eq!(a.extra["description"], "D");
        let meta = meta_from_article(&a);
        let descriptions: Vec<_> = meta.iter().filter(|(k, _)| k == "description").collect();
        assert_eq!(descriptions.len(), 1);
        assert_eq!(descriptions[0].1, "D");
    }
}
