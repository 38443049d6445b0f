//! Reading Markdown files with YAML or TOML front matter, one file or a folder (recursively),
//! into [`Article`]s, with a report of what was refused and why. Writing to the library (create,
//! or update by slug) is the caller's loop over [`ImportReport::imported`].

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::fields::article_from_meta;
use super::front_matter::{split, FrontMatterError};
use crate::export::Article;
use crate::library::MAX_BODY_BYTES;

/// Largest file an import reads, in bytes: a piece's body limit ([`MAX_BODY_BYTES`]) plus
/// 1 MiB for its front matter. Nothing past it is ever read.
pub const MAX_FILE_BYTES: u64 = MAX_BODY_BYTES as u64 + 1024 * 1024;

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

/// Reads `path`: a Markdown file, a TextBundle (`*.textbundle` folder), or a folder searched
/// recursively for `*.md`, `*.markdown` and TextBundles (symbolic links are not followed,
/// hidden folders are skipped).
pub fn import_path(path: &Path) -> ImportReport {
    let mut report = ImportReport::default();
    if is_textbundle(path) {
        import_bundle(path, &mut report);
    } else if path.is_dir() {
        let mut walker = WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        while let Some(entry) = walker.next() {
            match entry {
                Ok(e) if e.depth() > 0 && is_textbundle(e.path()) => {
                    import_bundle(e.path(), &mut report);
                    walker.skip_current_dir();
                }
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

/// Whether `path` is a TextBundle: a folder named `*.textbundle` (textbundle.org).
fn is_textbundle(path: &Path) -> bool {
    path.is_dir()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("textbundle"))
}

/// Reads a TextBundle's `text.md` (or `text.markdown`). Its front matter, when it has one, is
/// read as in any file; a bundle from Ulysses or Bear has none: the first `# ` heading is
/// then the title (and leaves the body), else the bundle's name. The images in `assets/` are
/// added to the library on import (`images.rs`), relative to the bundle.
fn import_bundle(bundle: &Path, report: &mut ImportReport) {
    let Some(text_path) = ["text.md", "text.markdown"]
        .iter()
        .map(|name| bundle.join(name))
        .find(|p| p.is_file())
    else {
        report.refused.push((
            bundle.to_path_buf(),
            "a TextBundle without `text.md`: export it again from its application".to_owned(),
        ));
        return;
    };
    let outcome = read_text(&text_path).and_then(|text| {
        if split(&text).is_ok() {
            parse_markdown(&text).map_err(|e| e.to_string())
        } else {
            let stem = bundle
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(bare_article(&text, &stem))
        }
    });
    match outcome {
        Ok(article) => report.imported.push((text_path, article)),
        Err(reason) => report.refused.push((bundle.to_path_buf(), reason)),
    }
}

/// A piece from Markdown without front matter: titled by its first `# ` heading (taken out
/// of the body), else `fallback_title`.
fn bare_article(text: &str, fallback_title: &str) -> Article {
    let text = crate::text::without_bom(text);
    let mut article = Article::default();
    article.fields.title = fallback_title.to_owned();
    let mut body = text;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            at += line.len();
            continue;
        }
        if let Some(heading) = line.strip_prefix("# ") {
            article.fields.title = heading.trim().to_owned();
            body = &text[at + line.len()..];
        }
        break;
    }
    article.fields.body = normalize_body(body);
    article
}

/// The UTF-8 text of a file to import, read as [`read_piece_file`] reads it.
fn read_text(path: &Path) -> Result<String, String> {
    read_piece_file(path).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "not UTF-8 text (invalid byte at offset {}): convert it, e.g. `iconv -f latin1 -t utf-8`",
                e.utf8_error().valid_up_to()
            )
        })
    })
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Reads a file to import: a regular file (a link to one is followed), at most
/// [`MAX_FILE_BYTES`]. A pipe blocked import forever and a link to `/dev/zero` read until the
/// kernel killed it: anything else is refused before it is opened, and checked again once
/// open (it may have been swapped).
pub fn read_piece_file(path: &Path) -> Result<Vec<u8>, String> {
    let not_regular = || {
        "not a regular file (a pipe, a device or a folder): import reads Markdown files only"
            .to_owned()
    };
    let too_large = || {
        format!(
            "larger than the {} MB a piece may hold: split it into several files",
            MAX_FILE_BYTES / (1024 * 1024)
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // A file growing while it is read stops at the limit too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn import_file(path: &Path, report: &mut ImportReport) {
    let outcome = read_text(path).and_then(|text| parse_markdown(&text).map_err(|e| e.to_string()));
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

    /// `edito import` on a FIFO blocked forever, and on a link to `/dev/zero` read until the
    /// OOM killer stopped it at 24 GB: only regular files are read, never past the limit.
    #[cfg(unix)]
    #[test]
    fn import_refuses_pipes_devices_and_oversized_files() {
        let dir = tempfile::tempdir().expect("test setup");
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let device = dir.path().join("device.md");
        std::os::unix::fs::symlink("/dev/null", &device).expect("test setup");
        // Sparse: past the limit without using the disk.
        let huge = dir.path().join("huge.md");
        File::create(&huge)
            .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
            .expect("test setup");
        let (send, receive) = std::sync::mpsc::channel();
        let paths = [fifo, device, huge];
        let to_read = paths.clone();
        std::thread::spawn(move || {
            let reports: Vec<ImportReport> = to_read.iter().map(|p| import_path(p)).collect();
            let _ = send.send(reports);
        });
        let reports = receive
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("import blocked on a pipe");
        for (path, report) in paths.iter().zip(&reports) {
            assert!(report.imported.is_empty(), "{path:?}");
            let reason = &report.refused[0].1;
            let expected = if path.ends_with("huge.md") {
                "larger than"
            } else {
                "not a regular file"
            };
            assert!(reason.contains(expected), "{path:?}: {reason}");
        }
    }

    #[test]
    fn missing_file_is_refused_not_panicking() {
        let report = import_path(Path::new("/nonexistent/x.md"));
        assert!(report.imported.is_empty());
        assert!(report.refused[0].1.contains("cannot read"));
    }
}
