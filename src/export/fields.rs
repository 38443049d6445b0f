//! Front-matter keys ↔ [`Article`] fields. Reading accepts the keys Hugo, Jekyll and Zola use
//! (first alias present wins); an alias whose value differs from the field it maps to stays in
//! `extra`, and writing never overwrites a key kept in `extra`, so import → export → import is
//! lossless.

use serde_json::{Map, Value};

use super::article::Article;
use super::dates::{iso_date, parse_date};
use super::front_matter::FrontMatterError;
use super::fs::slugify;

type Meta = Map<String, Value>;

/// Builds an article from parsed front matter and its Markdown body.
pub fn article_from_meta(mut meta: Meta, body: &str) -> Result<Article, FrontMatterError> {
    let title = take_text(&mut meta, &["title"])?.unwrap_or_default();
    if title.trim().is_empty() {
        return Err(bad(
            "title",
            "missing or empty: every piece needs a `title`",
        ));
    }
    let mut article = Article {
        slug: take_text(&mut meta, &["slug"])?.unwrap_or_default(),
        kicker: take_text(&mut meta, &["kicker", "surtitre"])?.unwrap_or_default(),
        standfirst: take_text(
            &mut meta,
            &["standfirst", "chapo", "chapô", "description", "summary"],
        )?
        .unwrap_or_default(),
        author: take_author(&mut meta)?,
        author_role: take_text(&mut meta, &["author_role", "role"])?.unwrap_or_default(),
        lang: take_text(&mut meta, &["lang", "language"])?.unwrap_or_else(|| "fr".into()),
        issue_number: take_text(&mut meta, &["issue_number", "issue"])?,
        target_signs: take_count(&mut meta, &["target_signs", "target_length"])?,
        updated_at: take_text(&mut meta, &["updated_at", "updated", "lastmod"])?,
        body: body.to_owned(),
        title,
        ..Article::default()
    };
    article.publication_date = take_date(&mut meta)?;
    article.status = take_status(&mut meta)?;
    article.category = take_category(&mut meta)?;
    article.tags = take_tags(&mut meta)?;
    article.slug = slugify(if article.slug.is_empty() {
        &article.title
    } else {
        &article.slug
    });
    drop_derived_aliases(&mut meta, &article);
    article.extra = meta.into_iter().collect();
    Ok(article)
}

/// The YAML front-matter mapping for `article`, in a stable, readable key order, with the
/// Hugo/Jekyll/Zola aliases (`description`, `categories`, `draft`) unless `extra` holds them.
pub fn meta_from_article(article: &Article) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut put = |key: &str, value: Value| {
        if !article.extra.contains_key(key) {
            out.push((key.to_owned(), value));
        }
    };
    put("title", article.title.clone().into());
    put("slug", article.slug.clone().into());
    if let Some(date) = &article.publication_date {
        put("date", date.clone().into());
    }
    put("lang", article.lang.clone().into());
    put("kicker", article.kicker.clone().into());
    put("standfirst", article.standfirst.clone().into());
    if !article.standfirst.is_empty() {
        put("description", article.standfirst.clone().into());
    }
    put("author", article.author.clone().into());
    put("author_role", article.author_role.clone().into());
    put("category", article.category.clone().into());
    if !article.category.is_empty() {
        put("categories", Value::from(vec![article.category.clone()]));
    }
    put("tags", Value::from(article.tags.clone()));
    put("status", article.status.clone().into());
    put("draft", Value::Bool(!article.is_published()));
    if let Some(issue) = &article.issue_number {
        put("issue_number", issue.clone().into());
    }
    if let Some(target) = article.target_signs {
        put("target_signs", target.into());
    }
    if let Some(updated) = &article.updated_at {
        put("updated", updated.clone().into());
    }
    out.extend(article.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    out
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
        Some((_, Value::Number(n))) => Ok(Some(n.to_string())),
        Some((key, _)) => Err(bad(&key, "expected text")),
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

/// `status` wins; without it, Hugo/Jekyll/Zola's `draft: false` means published.
fn take_status(meta: &mut Meta) -> Result<String, FrontMatterError> {
    if let Some(status) = take_text(meta, &["status"])? {
        return Ok(status);
    }
    match meta.remove("draft") {
        Some(Value::Bool(false)) => Ok("published".into()),
        Some(Value::Bool(true)) | None | Some(Value::Null) => Ok("draft".into()),
        Some(_) => Err(bad("draft", "expected `true` or `false`")),
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
    match meta.remove("tags") {
        Some(value) => string_list(&value, "tags"),
        None => taxonomy(meta, "tags"),
    }
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
                Value::Number(n) => Ok(n.to_string()),
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
    if meta.get("description") == Some(&Value::from(article.standfirst.clone())) {
        meta.remove("description");
    }
    if meta.get("categories") == Some(&Value::from(vec![article.category.clone()])) {
        meta.remove("categories");
    }
    if meta.get("draft") == Some(&Value::Bool(!article.is_published())) {
        meta.remove("draft");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::front_matter::split;

    fn parse(text: &str) -> Result<Article, FrontMatterError> {
        let s = split(text)?;
        article_from_meta(s.meta, s.body)
    }

    #[test]
    fn hugo_keys_map_to_fields() {
        let a = parse("---\ntitle: T\ndate: 2002-04-12T08:00:00Z\ndescription: Chapô\ncategories: [Editos]\ndraft: false\n---\nB").expect("test setup");
        assert_eq!(a.publication_date.as_deref(), Some("2002-04-12"));
        assert_eq!(a.standfirst, "Chapô");
        assert_eq!(a.category, "Editos");
        assert_eq!(a.status, "published");
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
        assert!(parse("---\nslug: x\n---\n")
            .expect_err("should fail")
            .to_string()
            .contains("title"));
    }

    #[test]
    fn differing_alias_stays_in_extra() {
        let a = parse("---\ntitle: T\nstandfirst: S\ndescription: D\n---\n").expect("test setup");
        assert_eq!(a.standfirst, "S");
        assert_eq!(a.extra["description"], "D");
        let meta = meta_from_article(&a);
        let descriptions: Vec<_> = meta.iter().filter(|(k, _)| k == "description").collect();
        assert_eq!(descriptions.len(), 1);
        assert_eq!(descriptions[0].1, "D");
    }
}
