//! `edito import`: Markdown files and folders with front matter into the library (a file
//! whose slug is already there updates that piece), or, with `--dry-run`, only the report of
//! what the files hold.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;
use clap::Args;
use edito::import::{import_path, import_paths_into, ImportOutcome, ImportReport};
use edito::Library;

use super::output;

/// Arguments of `edito import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Markdown files or folders (searched recursively for *.md and *.markdown).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Only read the files and report what they hold; the library is not opened.
    #[arg(long)]
    dry_run: bool,
}

/// Imports the files into the library (or only reads them with `--dry-run`) and prints the
/// report; fails when any file was refused, after importing the others.
pub fn run(data_dir: Option<PathBuf>, args: &ImportArgs) -> anyhow::Result<()> {
    let refused = if args.dry_run {
        let report = read_only(&args.paths);
        print_dry_run(&report, args.json)?;
        report.refused.len()
    } else {
        let library = Library::open_in(&super::resolve_data_dir(data_dir)?)?;
        let outcome = import_paths_into(&library, &args.paths)?;
        print_outcome(&outcome, args.json)?;
        outcome.refused.len()
    };
    if refused > 0 {
        bail!("{refused} file(s) refused (see the reasons above)");
    }
    Ok(())
}

fn read_only(paths: &[PathBuf]) -> ImportReport {
    let mut report = ImportReport::default();
    for path in paths {
        let one = import_path(path);
        report.imported.extend(one.imported);
        report.refused.extend(one.refused);
    }
    report
}

/// `created|updated|unchanged TAB path TAB id TAB slug TAB title`, then
/// `refused TAB path TAB reason`; or the [`ImportOutcome`] as JSON.
fn print_outcome(outcome: &ImportOutcome, json: bool) -> anyhow::Result<()> {
    if json {
        return output::json(outcome);
    }
    let mut out = std::io::stdout().lock();
    for (label, pieces) in [
        ("created", &outcome.created),
        ("updated", &outcome.updated),
        ("unchanged", &outcome.unchanged),
    ] {
        for p in pieces {
            writeln!(
                out,
                "{label}\t{}\t{}\t{}\t{}",
                p.path.display(),
                p.id,
                p.slug,
                p.title
            )?;
        }
    }
    for r in &outcome.refused {
        writeln!(out, "refused\t{}\t{}", r.path.display(), r.reason)?;
    }
    Ok(())
}

fn print_dry_run(report: &ImportReport, json: bool) -> anyhow::Result<()> {
    if json {
        let value = serde_json::json!({
            "imported": report.imported.iter().map(|(p, a)| serde_json::json!({"path": p.to_string_lossy(), "article": a})).collect::<Vec<_>>(),
            "refused": report.refused.iter().map(|(p, r)| serde_json::json!({"path": p.to_string_lossy(), "reason": r})).collect::<Vec<_>>(),
        });
        return output::json(&value);
    }
    let mut out = std::io::stdout().lock();
    for (path, article) in &report.imported {
        writeln!(
            out,
            "imported\t{}\t{}\t{}",
            path.display(),
            article.slug,
            article.fields.title
        )?;
    }
    for (path, reason) in &report.refused {
        writeln!(out, "refused\t{}\t{reason}", path.display())?;
    }
    Ok(())
}
