//! Markdown with YAML front matter: every editorial field under the keys Hugo and Jekyll read
//! (`title`, `date`, `slug`, `description`, `tags`, `categories`, `draft`, `lang`), the Edito
//! fields beside them, and the unknown keys an import kept.

use super::article::Article;
use super::fields::meta_from_article;

/// The piece as a Markdown file: `---` YAML front matter, blank line, body.
pub fn to_markdown(article: &Article) -> String {
    let mut mapping = serde_yaml_ng::Mapping::new();
    for (key, value) in meta_from_article(article) {
        // A JSON value always has a YAML form; skipping the impossible keeps this infallible.
        if let Ok(value) = serde_yaml_ng::to_value(value) {
            mapping.insert(serde_yaml_ng::Value::String(key), value);
        }
    }
    let yaml = serde_yaml_ng::to_string(&mapping).unwrap_or_default();
    let body = article
        .fields
        .body
        .trim_start_matches(['\n', '\r'])
        .trim_end_matches(['\n', '\r']);
    if body.is_empty() {
        format!("---\n{yaml}---\n")
    } else {
        format!("---\n{yaml}---\n\n{body}\n")
    }
}
