//! `edito export` and `edito site`: the export engine from the command line. Pieces come
//! from the library (by id; the published ones for the archive) or from Markdown files with
//! front matter, which need no library at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::Args;
use edito::export::{
    export_interrupted, images::plan_article_images, library_articles, safe_name, templates_dir,
    Article, ExportFormat, Exporter, ImageStore, NoImages, SiteSelection, SiteSettings,
};
use edito::import::{import_path, parse_markdown};
use edito::{paths, Lang, Library, LibraryError};

use crate::choice::codes;
use crate::input::read_text;

/// Arguments of `edito export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Markdown file with front matter (`-` for standard input), or the id of a piece of the
    /// library (digits that are not the name of an existing file).
    #[arg(value_name = "FILE.md|ID")]
    source: PathBuf,
    /// Output file (replaced atomically), or a folder to write `<slug>.<extension>` into;
    /// standard output when absent.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// What to produce.
    #[arg(long, value_enum, default_value_t = ExportFormat::Page)]
    format: ExportFormat,
    /// Public address of the site, for the canonical link.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// With `--format fragment`: the body only, without kicker, title, chapô and date line.
    #[arg(long)]
    no_header: bool,
    /// Where the image files are published (`https://…/`): pages and fragments then write
    /// image URLs as `<URL><file>` instead of `images/<file>`.
    #[arg(long, value_name = "URL")]
    image_base_url: Option<String>,
}

/// Arguments of `edito site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Folder to write the archive into (created if needed; your own files there are kept).
    out_dir: PathBuf,
    /// Publish a folder of Markdown files with front matter instead of the library.
    #[arg(long, value_name = "DIR")]
    from: Option<PathBuf>,
    /// Public address of the archive, for canonical links and the feed.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Site title.
    #[arg(long, default_value = "Edito")]
    title: String,
    /// Language of the index and feed.
    #[arg(long, default_value = "fr", value_parser = codes(&Lang::ALL, Lang::as_str))]
    lang: Lang,
    /// Which pieces to include.
    #[arg(long, value_enum, default_value_t = SiteSelection::Published)]
    status: SiteSelection,
}

/// Exports one piece: a library piece by id, or a Markdown file.
/// Its images come from the library for a library piece; a Markdown file has none.
pub fn export(data_dir: Option<PathBuf>, args: &ExportArgs) -> anyhow::Result<()> {
    let (article, library) = match piece_id(&args.source) {
        Some(id) => {
            let library = open_existing(data_dir.clone())?;
            (library_piece(&library, id)?, Some(library))
        }
        None => {
            let text = read_text(Some(&args.source))?;
            let article = parse_markdown(&text)
                .with_context(|| format!("cannot export `{}`", args.source.display()))?;
            (article, None)
        }
    };
    let store: &dyn ImageStore = match &library {
        Some(library) => library,
        None => &NoImages,
    };
    let site = SiteSettings {
        base_url: args.base_url.clone(),
        ..SiteSettings::default()
    };
    let mut exporter = exporter(data_dir, site)?;
    if let Some(url) = &args.image_base_url {
        exporter = exporter.with_image_base_url(url)?;
    }
    let output = args
        .output
        .as_deref()
        .map(|out| output_file(out, &article, args.format))
        .transpose()?;
    if args.no_header && args.format == ExportFormat::Fragment {
        let text = exporter.fragment_with_store(&article, false, store)?;
        return write_output(text.as_bytes(), output.as_deref());
    }
    match output {
        Some(path) => Ok(exporter.export_to_path(&article, args.format, &path, store)?),
        None if args.format == ExportFormat::TextBundle => {
            bail!("a TextBundle is a folder: name it with `-o NAME.textbundle`")
        }
        None => {
            let file = exporter.export_with_images(&article, args.format, store)?;
            warn_images_left_behind(&article, args.format, store, args.image_base_url.is_some());
            write_output(&file.bytes, None)
        }
    }
}

/// On standard output a page, fragment or Markdown file points at `images/…` files that only
/// `-o` writes (DOCX carries its pictures, and an image base URL points elsewhere): say so on
/// standard error, so a page piped to a file is not published with broken images unawares.
fn warn_images_left_behind(
    article: &Article,
    format: ExportFormat,
    store: &dyn ImageStore,
    image_base_url: bool,
) {
    let relative = matches!(
        format,
        ExportFormat::Page | ExportFormat::Fragment | ExportFormat::Markdown
    );
    if !relative || image_base_url {
        return;
    }
    let images = plan_article_images(article, store).map_or(0, |plans| plans.len());
    if images > 0 {
        eprintln!(
            "edito: this {} shows {images} library image(s) as `images/…` files, which standard output cannot carry: export with `-o FILE` to write them beside it, or give `--image-base-url` where they are published",
            format.name()
        );
    }
}

/// The file to write: `out` itself, or the piece's file name in the format when `out` is a
/// folder. `out` written as a folder (`drafts/`) that does not exist is refused like the
/// missing folder of a file (rather than writing a file named `drafts`).
fn output_file(out: &Path, article: &Article, format: ExportFormat) -> anyhow::Result<PathBuf> {
    let bundle = format == ExportFormat::TextBundle
        && out.extension().is_some_and(|e| e == format.extension());
    let as_folder = out
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR)
        || out.as_os_str().to_string_lossy().ends_with('/');
    if out.is_dir() && !bundle {
        let stem = safe_name(&article.slug, &article.fields.title).unwrap_or_default();
        Ok(out.join(format.file_name(&stem)))
    } else if as_folder && !out.is_dir() {
        let stem = safe_name(&article.slug, &article.fields.title).unwrap_or_default();
        edito::export::check_folder_of(&out.join(format.file_name(&stem)))?;
        Ok(out.to_path_buf())
    } else {
        Ok(out.to_path_buf())
    }
}

/// The piece id `source` names: all digits, and not an existing file (a file called `12`
/// in the current folder wins, as the user may well mean it).
fn piece_id(source: &Path) -> Option<i64> {
    let text = source.to_str()?;
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if digits && !source.exists() {
        text.parse().ok()
    } else {
        None
    }
}

/// A live piece of the library, as an article.
fn library_piece(library: &Library, id: i64) -> anyhow::Result<Article> {
    let piece = library.get_piece(id)?;
    if piece.trashed_at.is_some() {
        return Err(LibraryError::InTrash(id).into());
    }
    Ok(Article::from(&piece))
}

/// Opens the library of the data directory, refusing to create an empty one: exporting from
/// a library that does not exist is a mistake in `--data-dir`, not a wish for an empty site.
pub fn open_existing(data_dir: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = crate::resolve_data_dir(data_dir)?;
    let file = dir.join(paths::LIBRARY_FILE);
    if !file.exists() {
        bail!(
            "no library at `{}`: import pieces with `edito import FILE.md…`, or point --data-dir at the folder holding library.db",
            file.display()
        );
    }
    Ok(Library::open_file(&file)?)
}

fn write_output(bytes: &[u8], output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => Ok(edito::export::write_atomically(path, bytes)?),
        None => Ok(std::io::stdout().lock().write_all(bytes)?),
    }
}

/// Builds the archive from the library, or from a folder of Markdown files with `--from`.
pub fn site(data_dir: Option<PathBuf>, args: &SiteArgs) -> anyhow::Result<()> {
    let selection = args.status;
    // The library stays open for the archive: its pieces' images are read from it.
    let (articles, library) = match &args.from {
        Some(from) => (folder_articles(from)?, None),
        None => {
            let library = open_existing(data_dir.clone())?;
            let articles = library_articles(&library, selection, &AtomicBool::new(false))?;
            (articles, Some(library))
        }
    };
    let store: &dyn ImageStore = match &library {
        Some(library) => library,
        None => &NoImages,
    };
    let site = SiteSettings {
        title: args.title.clone(),
        base_url: args.base_url.clone(),
        lang: args.lang.as_str().to_owned(),
        ..SiteSettings::default()
    };
    write_site(
        &exporter(data_dir, site)?,
        &articles,
        store,
        selection,
        &args.out_dir,
    )
}

/// The pieces of a folder of Markdown files; refused files are reported and skipped.
fn folder_articles(from: &Path) -> anyhow::Result<Vec<Article>> {
    if !from.is_dir() {
        bail!(
            "`{}` is not a folder: pass the folder of Markdown files with --from",
            from.display()
        );
    }
    let report = import_path(from);
    for (path, reason) in &report.refused {
        eprintln!("edito: skipped `{}`: {reason}", path.display());
    }
    Ok(report.imported.into_iter().map(|(_, a)| a).collect())
}

/// Writes the archive with progress on standard error; Ctrl-C cancels cleanly.
pub fn write_site(
    exporter: &Exporter,
    articles: &[Article],
    store: &dyn ImageStore,
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
    let report = match exporter.site_with_images(
        articles,
        store,
        selection,
        out_dir,
        &mut progress,
        &cancel,
    ) {
        Ok(report) => report,
        Err(err) => {
            eprintln!();
            let state = if export_interrupted(out_dir) {
                "the archive is half replaced: run `edito site` again to finish it"
            } else {
                "the archive folder was left as it was"
            };
            return Err(anyhow::Error::new(err).context(format!(
                "the archive was not written into `{}` ({state})",
                out_dir.display()
            )));
        }
    };
    eprintln!();
    if let Some(pages) = report.recovered {
        eprintln!(
            "edito: an earlier export into this folder was interrupted: finished it first ({pages} pages put in place)"
        );
    }
    if report.temporary_removed > 0 {
        eprintln!(
            "edito: removed {} temporary files an interrupted export left",
            report.temporary_removed
        );
    }
    for path in &report.removed {
        eprintln!("edito: removed stale page `{path}`");
    }
    for path in &report.kept {
        eprintln!(
            "edito: kept `{path}`: an earlier export listed it, but it changed since or Edito cannot prove it wrote it (delete it yourself if it is not yours)"
        );
    }
    outln!(
        "{} pieces, {} tags, {} categories: {} files in `{}` ({} stale removed)",
        report.pieces,
        report.tags,
        report.categories,
        report.files,
        report.out_dir.display(),
        report.removed.len()
    )?;
    Ok(())
}

fn exporter(data_dir: Option<PathBuf>, site: SiteSettings) -> anyhow::Result<Exporter> {
    let templates = paths::data_dir(data_dir).map(|d| templates_dir(&d));
    Ok(Exporter::new(site, templates.as_deref())?)
}
