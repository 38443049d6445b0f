//! Helpers for the export tests: fixture pieces, and an archive built into a temporary folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use edito::export::{Article, Exporter, SiteReport, SiteSelection, SiteSettings};
use edito::import::parse_markdown;

/// `tests/fixtures/export/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

/// A fixture piece parsed from its Markdown file.
pub fn piece(name: &str) -> Article {
    let text = std::fs::read_to_string(fixture(name)).expect("read fixture");
    parse_markdown(&text).expect("parse fixture")
}

/// All pieces of `tests/fixtures/export/pieces/`.
pub fn all_pieces() -> Vec<Article> {
    let report = edito::import::import_path(&fixture("pieces"));
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    report.imported.into_iter().map(|(_, a)| a).collect()
}

/// Site settings used by the golden files.
pub fn settings(base_url: Option<&str>) -> SiteSettings {
    SiteSettings {
        title: "En-Contact — archives".into(),
        description: "Les éditoriaux du magazine.".into(),
        base_url: base_url.map(str::to_owned),
        ..SiteSettings::default()
    }
}

/// The built-in exporter.
pub fn exporter(base_url: Option<&str>) -> Exporter {
    Exporter::new(settings(base_url), None).expect("built-in theme")
}

/// Builds the archive of `articles` into `out`.
pub fn build_site(exporter: &Exporter, articles: &[Article], out: &Path) -> SiteReport {
    exporter
        .site(
            articles,
            SiteSelection::Published,
            out,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site export")
}

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| {
            p.strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
