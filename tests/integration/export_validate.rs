//! Every exported page, the index, tag and category pages (of a folder of Markdown files and
//! of a library), and the fragment wrapped in a minimal document validate with 0 errors in the
//! W3C Nu HTML Checker. Needs Java and the `vnu-jar` npm package: `(cd tests/validate && npm ci)`, then
//! `EDITO_VNU_JAR=$PWD/tests/validate/node_modules/vnu-jar/build/dist/vnu.jar cargo test -p edito export_validate`.

use std::path::{Path, PathBuf};
use std::process::Command;

use std::sync::atomic::AtomicBool;

use edito::export::{ExportFormat, SiteSelection};
use edito::import::import_paths_into;

use crate::export_library::fixture_library;
use crate::export_support::{all_pieces, build_site, exporter, files_under, fixture, piece};

/// The pages to check, written into `dir`.
fn write_documents(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let site = dir.join("site");
    let mut pieces = all_pieces();
    pieces.push(piece("hostile.md"));
    build_site(
        &exporter(Some("https://example.org/archives")),
        &pieces,
        &site,
    );
    files.extend(
        files_under(&site)
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .map(|f| site.join(f)),
    );
    files.extend(library_site(dir));
    let ex = exporter(None);
    for (name, article) in [
        "pieces/edito-avril-2002.md",
        "pieces/letter-from-london.md",
        "pieces/brouillon.md",
        "hostile.md",
    ]
    .iter()
    .map(|f| (f.replace('/', "-"), piece(f)))
    {
        let page = dir.join(format!("page-{name}.html"));
        ex.export_to_file(&article, ExportFormat::Page, &page)
            .expect("page");
        files.push(page);
        for header in [true, false] {
            let fragment = ex.fragment(&article, header).expect("fragment");
            let wrapped = format!(
                "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>fragment</title>\n</head>\n<body>\n{fragment}</body>\n</html>\n",
                article.lang()
            );
            let path = dir.join(format!("fragment-{header}-{name}.html"));
            std::fs::write(&path, wrapped).expect("write");
            files.push(path);
        }
    }
    files
}

/// The archive of every piece of a library holding the fixtures and the hostile piece, as the
/// app and `edito site` write it.
fn library_site(dir: &Path) -> Vec<PathBuf> {
    let (library, _) = fixture_library(&dir.join("data"));
    let hostile = import_paths_into(&library, &[fixture("hostile.md")]).expect("import");
    assert_eq!(hostile.created.len(), 1, "{hostile:?}");
    let site = dir.join("library-site");
    let report = exporter(Some("https://example.org/archives"))
        .site_from_library(
            &library,
            SiteSelection::All,
            &site,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site from the library");
    assert_eq!(report.pieces, 5);
    files_under(&site)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| site.join(f))
        .collect()
}

#[test]
fn exported_html_validates_with_the_nu_checker() {
    let Some(jar) = std::env::var_os("EDITO_VNU_JAR").filter(|v| !v.is_empty()) else {
        eprintln!(
            "SKIPPED export_validate: EDITO_VNU_JAR is not set (see tests/validate/package.json)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = write_documents(dir.path());
    assert!(files.len() >= 25, "{} documents", files.len());
    // A control document with a known error proves the checker really ran on these files.
    let control = dir.path().join("control.html");
    std::fs::write(
        &control,
        "<!doctype html><html lang=\"fr\"><head><title>c</title></head><body><img></body></html>",
    )
    .expect("write");
    files.push(control);
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .expect("run java (is Java 17 installed?)");
    let report: serde_json::Value = serde_json::from_slice(&output.stderr)
        .or_else(|_| serde_json::from_slice(&output.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "vnu output is not JSON ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let messages = report["messages"].as_array().expect("messages");
    let (control, errors): (Vec<_>, Vec<_>) = messages.iter().partition(|m| {
        m["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/control.html"))
    });
    assert!(
        !control.is_empty(),
        "the checker did not flag the control document"
    );
    assert!(
        errors.is_empty(),
        "the Nu checker found errors:\n{}",
        serde_json::to_string_pretty(&errors).unwrap_or_default()
    );
}
