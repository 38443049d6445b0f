//! `edito export`, `edito site`, `edito import`: the export engine from the command line.
//! Pieces come from Markdown files with front matter; the library source is wired later.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use edito::export::{
    import_path, parse_markdown, templates_dir, Article, ExportFormat, Exporter, ImportReport,
    SiteSelection, SiteSettings,
};

use super::input::read_text;

/// Output format of `edito export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Standalone HTML5 page.
    Page,
    /// HTML fragment for a CMS (header and body).
    Fragment,
    /// Markdown with YAML front matter.
    Markdown,
}

/// Arguments of `edito export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Markdown file with front matter (`-` for standard input).
    file: PathBuf,
    /// Output file (replaced atomically); standard output when absent.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// What to produce.
    #[arg(long, value_enum, default_value_t = FormatArg::Page)]
    format: FormatArg,
    /// Public address of the site, for the canonical link.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// With `--format fragment`: the body only, without kicker, title, chapô and date line.
    #[arg(long)]
    no_header: bool,
}

/// Which pieces `edito site` publishes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// Only pieces with status `published`.
    Published,
    /// Every piece found.
    All,
}

/// Arguments of `edito site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Folder to write the archive into (created if needed; your own files there are kept).
    out_dir: PathBuf,
    /// Folder of Markdown files with front matter to publish.
    #[arg(long, value_name = "DIR")]
    from: PathBuf,
    /// Public address of the archive, for canonical links and the feed.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Site title.
    #[arg(long, default_value = "Edito")]
    title: String,
    /// Language of the index and feed: `fr` or `en`.
    #[arg(long, default_value = "fr")]
    lang: String,
    /// Which pieces to include.
    #[arg(long, value_enum, default_value_t = StatusArg::Published)]
    status: StatusArg,
}

/// Arguments of `edito import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Markdown files or folders (searched recursively for *.md and *.markdown).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// Exports one Markdown file.
pub fn export(data_dir: Option<&Path>, args: &ExportArgs) -> anyhow::Result<()> {
    let text = read_text(Some(&args.file))?;
    let article = parse_markdown(&text)
        .with_context(|| format!("cannot export `{}`", args.file.display()))?;
    let site = SiteSettings {
        base_url: args.base_url.clone(),
        ..SiteSettings::default()
    };
    let exporter = exporter(data_dir, site)?;
    if args.no_header && matches!(args.format, FormatArg::Fragment) {
        let text = exporter.fragment(&article, false)?;
        return write_output(&text, args.output.as_deref());
    }
    export_article(&exporter, &article, args.format, args.output.as_deref())
}

fn write_output(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => Ok(edito::export::write_atomically(path, text.as_bytes())?),
        None => Ok(std::io::stdout().lock().write_all(text.as_bytes())?),
    }
}

/// Writes one piece: to `output` atomically, or to standard output. Takes an [`Article`] so
/// the library source can call it too.
pub fn export_article(
    exporter: &Exporter,
    article: &Article,
    format: FormatArg,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let format = match format {
        FormatArg::Page => ExportFormat::Page,
        FormatArg::Fragment => ExportFormat::Fragment,
        FormatArg::Markdown => ExportFormat::Markdown,
    };
    write_output(&exporter.export(article, format)?, output)
}

/// Builds the archive from a folder of Markdown files.
pub fn site(data_dir: Option<&Path>, args: &SiteArgs) -> anyhow::Result<()> {
    if !args.from.is_dir() {
        bail!(
            "`{}` is not a folder: pass the folder of Markdown files with --from",
            args.from.display()
        );
    }
    let report = import_path(&args.from);
    for (path, reason) in &report.refused {
        eprintln!("edito: skipped `{}`: {reason}", path.display());
    }
    let articles: Vec<Article> = report.imported.into_iter().map(|(_, a)| a).collect();
    let site = SiteSettings {
        title: args.title.clone(),
        base_url: args.base_url.clone(),
        lang: args.lang.clone(),
        ..SiteSettings::default()
    };
    let selection = match args.status {
        StatusArg::Published => SiteSelection::Published,
        StatusArg::All => SiteSelection::All,
    };
    write_site(
        &exporter(data_dir, site)?,
        &articles,
        selection,
        &args.out_dir,
    )
}

/// Writes the archive with progress on standard error; Ctrl-C cancels cleanly.
pub fn write_site(
    exporter: &Exporter,
    articles: &[Article],
    selection: SiteSelection,
    out_dir: &Path,
) -> anyhow::Result<()> {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // Best effort: if a handler is already installed, Ctrl-C simply stops the process.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let mut progress = |done: usize, total: usize| {
        if done == total || done % 100 == 0 {
            eprint!("\r{done} / {total}");
        }
    };
    let report = exporter.site(articles, selection, out_dir, &mut progress, &cancel)?;
    eprintln!();
    println!(
        "{} pieces, {} tags, {} categories: {} files in `{}` ({} stale removed)",
        report.pieces,
        report.tags,
        report.categories,
        report.files,
        report.out_dir.display(),
        report.removed.len()
    );
    Ok(())
}

/// Parses files and folders and prints what would be imported and what is refused.
pub fn import(args: &ImportArgs) -> anyhow::Result<()> {
    let mut report = ImportReport::default();
    for path in &args.paths {
        let one = import_path(path);
        report.imported.extend(one.imported);
        report.refused.extend(one.refused);
    }
    print_report(&report, args.json)?;
    if !report.refused.is_empty() {
        bail!(
            "{} file(s) refused (see the reasons above)",
            report.refused.len()
        );
    }
    Ok(())
}

fn print_report(report: &ImportReport, json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        let value = serde_json::json!({
            "imported": report.imported.iter().map(|(p, a)| serde_json::json!({"path": p, "article": a})).collect::<Vec<_>>(),
            "refused": report.refused.iter().map(|(p, r)| serde_json::json!({"path": p, "reason": r})).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    for (path, article) in &report.imported {
        writeln!(
            out,
            "imported\t{}\t{}\t{}",
            path.display(),
            article.slug,
            article.title
        )?;
    }
    for (path, reason) in &report.refused {
        writeln!(out, "refused\t{}\t{reason}", path.display())?;
    }
    Ok(())
}

fn exporter(data_dir: Option<&Path>, site: SiteSettings) -> anyhow::Result<Exporter> {
    let templates = data_dir.map(templates_dir);
    Ok(Exporter::new(site, templates.as_deref())?)
}
