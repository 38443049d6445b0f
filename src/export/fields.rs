//! [`Article`] fields → front-matter keys, for the Markdown export. Writing uses the keys Hugo,
//! Jekyll and Zola read, adds their aliases (`description`, `categories`, `draft`) and never
//! overwrites a key kept in `extra`; reading them back is `crate::import`'s, which consumes
//! the aliases written here, so import → export → import is lossless.

use serde_json::Value;

use super::article::Article;

/// The YAML front-matter mapping for `article`, in a stable, readable key order, with the
/// Hugo/Jekyll/Zola aliases (`description`, `categories`, `draft`) unless `extra` holds them.
pub fn meta_from_article(article: &Article) -> Vec<(String, Value)> {
    let fields = &article.fields;
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut put = |key: &str, value: Value| {
        if !article.extra.contains_key(key) {
            out.push((key.to_owned(), value));
        }
    };
    put("title", fields.title.clone().into());
    put("slug", article.slug.clone().into());
    if let Some(date) = &fields.publication_date {
        put("date", date.clone().into());
    }
    put("lang", fields.lang.as_str().into());
    put("kicker", fields.kicker.clone().into());
    put("standfirst", fields.standfirst.clone().into());
    if !fields.standfirst.is_empty() {
        put("description", fields.standfirst.clone().into());
    }
    put("author", fields.author.clone().into());
    put("author_role", fields.author_role.clone().into());
    put("category", fields.category.clone().into());
    if !fields.category.is_empty() {
        put("categories", Value::from(vec![fields.category.clone()]));
    }
    put("tags", Value::from(article.tags.clone()));
    put("status", article.status.as_str().into());
    put("draft", Value::Bool(!article.is_published()));
    if let Some(issue) = fields.issue_number {
        // Written as text, as front matter elsewhere often has `HS-3`: the key reads the same
        // in every tool whatever the number.
        put("issue_number", issue.to_string().into());
    }
    if let Some(target) = fields.target_signs {
        put("target_signs", target.into());
    }
    if let Some(image) = &fields.lead_image {
        put("lead_image", image.clone().into());
    }
    if let Some(updated) = &article.updated_at {
        put("updated", updated.clone().into());
    }
    out.extend(article.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    out
}
