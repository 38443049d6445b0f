//! The theme: built-in minijinja templates (auto-escaping on for `.html` and `.xml`) that a
//! `templates/` folder in the data directory can override file by file.

use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use super::error::ExportError;

/// Built-in templates, by the file name a user override must use.
const BUILT_IN: [(&str, &str); 7] = [
    ("macros.html", include_str!("templates/macros.html")),
    ("base.html", include_str!("templates/base.html")),
    ("piece.html", include_str!("templates/piece.html")),
    ("index.html", include_str!("templates/index.html")),
    ("tag.html", include_str!("templates/tag.html")),
    ("fragment.html", include_str!("templates/fragment.html")),
    ("feed.xml", include_str!("templates/feed.xml")),
];

const BUILT_IN_CSS: &str = include_str!("templates/style.css");

/// The loaded theme.
pub struct Templates {
    env: Environment<'static>,
    /// Where each overridden template came from, for error messages.
    overrides: Vec<(String, PathBuf)>,
    css: String,
}

impl Templates {
    /// Loads the built-in theme, then every override found in `dir` (when given and present).
    /// A template that does not parse is reported with its file and line.
    pub fn load(dir: Option<&Path>) -> Result<Self, ExportError> {
        let mut env = Environment::new();
        // A misspelt variable in a user template must be an error, not a silent blank.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("date_long", date_long_filter);
        env.set_formatter(formatter);
        let mut overrides = Vec::new();
        let mut css = BUILT_IN_CSS.to_owned();
        for (name, source) in BUILT_IN {
            let custom = dir.map(|d| d.join(name)).filter(|p| p.is_file());
            let source = match &custom {
                Some(path) => read(path)?,
                None => source.to_owned(),
            };
            if let Some(path) = custom {
                overrides.push((name.to_owned(), path));
            }
            env.add_template_owned(name, source)
                .map_err(|e| template_error(&e, &overrides))?;
        }
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            add_user_partials(&mut env, dir, &mut overrides)?;
            let path = dir.join("style.css");
            if path.is_file() {
                css = read(&path)?;
            }
        }
        Ok(Self {
            env,
            overrides,
            css,
        })
    }

    /// The stylesheet (built-in or overridden).
    pub fn css(&self) -> &str {
        &self.css
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: impl Serialize) -> Result<String, ExportError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(context))
            .map_err(|e| template_error(&e, &self.overrides))
    }
}

/// Extra `.html` files of the user's folder (partials to `include` or `import`), so a theme
/// can be split like the built-in one.
fn add_user_partials(
    env: &mut Environment<'static>,
    dir: &Path,
    overrides: &mut Vec<(String, PathBuf)>,
) -> Result<(), ExportError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ExportError::io("read", dir, e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let known = BUILT_IN.iter().any(|(n, _)| *n == name);
        if known || !name.ends_with(".html") || !path.is_file() {
            continue;
        }
        overrides.push((name.clone(), path.clone()));
        env.add_template_owned(name, read(&path)?)
            .map_err(|e| template_error(&e, overrides))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, ExportError> {
    std::fs::read_to_string(path).map_err(|e| ExportError::io("read", path, e))
}

/// Minijinja reports the template name; for an override we show the user's file path.
fn template_error(err: &minijinja::Error, overrides: &[(String, PathBuf)]) -> ExportError {
    let name = err.name().unwrap_or("template");
    let file = overrides
        .iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| name.to_owned(), |(_, p)| p.display().to_string());
    let mut reason = match err.detail() {
        Some(detail) => format!("{}: {detail}", err.kind()),
        None => err.kind().to_string(),
    };
    if err.kind() == minijinja::ErrorKind::UndefinedError {
        reason.push_str(" (a variable or field that does not exist; docs/TEMPLATES.md lists them)");
    }
    ExportError::Template {
        file,
        line: err.line().unwrap_or(0),
        reason,
    }
}

/// Auto-escapes like minijinja but leaves `/` alone: `https:&#x2f;&#x2f;…` is valid yet
/// unreadable in published pages and meta tags.
fn formatter(
    out: &mut minijinja::Output<'_>,
    state: &minijinja::State<'_, '_>,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    let escaping = matches!(state.auto_escape(), minijinja::AutoEscape::Html);
    match value.as_str() {
        Some(text) if escaping && !value.is_safe() => write_escaped(out, text).map_err(|_| {
            minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write output")
        }),
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[last..i])?;
        out.write_str(entity)?;
        last = i + 1;
    }
    out.write_str(&text[last..])
}

/// `{{ "2002-04-12" | date_long("fr") }}` → "12 avril 2002", for user templates that
/// format other dates than the ones the context already provides.
fn date_long_filter(value: String, lang: Option<String>) -> String {
    match super::dates::parse_date(&value) {
        Some(date) => super::dates::long_date(date, lang.as_deref().unwrap_or("fr")),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_parse() {
        assert!(Templates::load(None).is_ok());
    }

    #[test]
    fn broken_override_names_file_and_line() {
        let dir = tempfile::tempdir().expect("test setup");
        std::fs::write(dir.path().join("piece.html"), "ok\n\n{% if %}\n").expect("test setup");
        let Err(ExportError::Template { file, line, reason }) = Templates::load(Some(dir.path()))
        else {
            panic!("expected a template error");
        };
        assert!(file.ends_with("piece.html") && file.contains(&*dir.path().to_string_lossy()));
        assert_eq!(line, 3);
        assert!(!reason.is_empty());
    }

    #[test]
    fn escaping_covers_markup_and_quotes_but_not_slashes() {
        let t = Templates::load(None).expect("test setup");
        let mut env = t.env;
        env.add_template("x.html", "<a title=\"{{ v }}\" href=\"{{ u }}\">")
            .expect("test setup");
        let out = env
            .get_template("x.html")
            .and_then(|t| t.render(minijinja::context! { v => "\"'<&>", u => "https://e.org/a" }))
            .expect("test setup");
        assert_eq!(
            out,
            "<a title=\"&quot;&#39;&lt;&amp;&gt;\" href=\"https://e.org/a\">"
        );
    }

    #[test]
    fn user_partials_can_be_included() {
        let dir = tempfile::tempdir().expect("test setup");
        std::fs::write(dir.path().join("sig.html"), "[{{ who }}]").expect("test setup");
        std::fs::write(dir.path().join("fragment.html"), "{% include 'sig.html' %}")
            .expect("test setup");
        let t = Templates::load(Some(dir.path())).expect("test setup");
        let out = t.render("fragment.html", minijinja::context! { who => "<M>" });
        assert_eq!(out.expect("test setup"), "[&lt;M&gt;]");
    }

    #[test]
    fn date_filter_formats() {
        let t = Templates::load(None).expect("test setup");
        let out = t
            .env
            .render_str(
                "{{ d | date_long('en') }}",
                minijinja::context! { d => "2002-04-12" },
            )
            .expect("test setup");
        assert_eq!(out, "April 12, 2002");
    }
}
