//! Reading Markdown files with YAML or TOML front matter, one file or a folder (recursively),
//! into [`Article`]s, with a report of what was refused and why. Writing to the library (create,
//! or update by slug) is the caller's loop over [`ImportReport::imported`].

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::fields::article_from_meta;
use super::front_matter::{split, FrontMatterError};
use crate::export::Article;

/// What an import read: pieces, in path order, and refused files with the reason.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Files read successfully.
    pub imported: Vec<(PathBuf, Article)>,
    /// Files refused, with a reason a user can act on.
    pub refused: Vec<(PathBuf, String)>,
}

/// Parses the text of a Markdown file with front matter.
pub fn parse_markdown(text: &str) -> Result<Article, FrontMatterError> {
    let parts = split(text)?;
    article_from_meta(parts.meta, &normalize_body(parts.body))
}

/// Reads `path`: a Markdown file, or a folder searched recursively for `*.md` and
/// `*.markdown` (symbolic links are not followed, hidden folders are skipped).
pub fn import_path(path: &Path) -> ImportReport {
    let mut report = ImportReport::default();
    if path.is_dir() {
        let walker = WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_markdown(e.path()) => {
                    import_file(e.path(), &mut report);
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err.path().unwrap_or(path).to_path_buf();
                    report.refused.push((at, format!("cannot read: {err}")));
                }
            }
        }
    } else {
        import_file(path, &mut report);
    }
    report
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn import_file(path: &Path, report: &mut ImportReport) {
    let outcome = std::fs::read(path)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                format!(
                    "not UTF-8 text (invalid byte at offset {}): convert it, e.g. `iconv -f latin1 -t utf-8`",
                    e.utf8_error().valid_up_to()
                )
            })
        })
        .and_then(|text| parse_markdown(&text).map_err(|e| e.to_string()));
    match outcome {
        Ok(article) => report.imported.push((path.to_path_buf(), article)),
        Err(reason) => report.refused.push((path.to_path_buf(), reason)),
    }
}

/// Leading blank lines (the one after the fence) are layout, not content; the body ends with
/// exactly one newline so export → import is stable.
fn normalize_body(body: &str) -> String {
    let trimmed = body
        .trim_start_matches(['\n', '\r'])
        .trim_end_matches(['\n', '\r']);
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_import_reports_refusals() {
        let dir = tempfile::tempdir().expect("test setup");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("test setup");
        std::fs::write(dir.path().join("a.md"), "---\ntitle: A\n---\nCorps").expect("test setup");
        std::fs::write(sub.join("b.markdown"), "+++\ntitle = \"B\"\n+++\n").expect("test setup");
        std::fs::write(sub.join("c.md"), "pas de front matter").expect("test setup");
        std::fs::write(sub.join("d.md"), b"---\ntitle: caf\xe9\n---\n").expect("test setup");
        std::fs::write(sub.join("notes.txt"), "ignored").expect("test setup");
        let report = import_path(dir.path());
        let titles: Vec<_> = report
            .imported
            .iter()
            .map(|(_, a)| a.fields.title.as_str())
            .collect();
        assert_eq!(titles, ["A", "B"]);
        assert_eq!(report.imported[0].1.fields.body, "Corps\n");
        assert_eq!(report.refused.len(), 2);
        assert!(report.refused[0].1.contains("no front matter"));
        assert!(report.refused[1].1.contains("UTF-8"));
    }

    #[test]
    fn missing_file_is_refused_not_panicking() {
        let report = import_path(Path::new("/nonexistent/x.md"));
        assert!(report.imported.is_empty());
        assert!(report.refused[0].1.contains("cannot read"));
    }
}
