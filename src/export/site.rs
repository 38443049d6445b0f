//! The static archive: an index (newest first), one page per piece, per tag and per category,
//! `style.css` and an Atom feed, all linked relatively so the folder works from disk and on
//! any server. Files are staged under temporary names and renamed into place only when all
//! rendered, so an error or a cancel leaves the folder as it was; a kill while renaming is
//! finished by the next export (`manifest.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use minijinja::{context, Value};
use serde::Serialize;

use super::article::Article;
use super::error::ExportError;
use super::fs::Staging;
use super::images::{
    piece_name, plan_article_images, write_images, FolderKind, ImagePlan, ImageStore, NoImages,
};
use super::views::{labels, PieceView, SiteView};
use super::Exporter;
use super::IMAGES_DIR;

/// Which of the given pieces go into the archive. With the `clap` feature (the CLI's),
/// `edito site --status` parses them by their serde names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum SiteSelection {
    /// Only pieces whose status is `published`.
    Published,
    /// Every piece given (the caller made the selection).
    All,
}

/// What an archive export did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SiteReport {
    /// The output folder (canonical path).
    pub out_dir: PathBuf,
    /// Pieces exported.
    pub pieces: usize,
    /// Tag pages written.
    pub tags: usize,
    /// Category pages written.
    pub categories: usize,
    /// Files written, including index, feed and stylesheet.
    pub files: usize,
    /// Pages of an earlier export that no longer exist and were removed (relative paths).
    /// Only files whose bytes are still those Edito wrote (SHA-256 in the manifest).
    pub removed: Vec<String>,
    /// Files an earlier export listed that no longer belong to the archive but were left in
    /// place: changed since Edito wrote them, or listed by a manifest without hashes (an
    /// older Edito, or a planted file), so Edito cannot prove they are its own.
    pub kept: Vec<String>,
    /// Pages of an interrupted earlier export (killed while putting its pages in place) that
    /// this export put in place first; `None` when there was no interrupted export.
    pub recovered: Option<usize>,
    /// Temporary files of an interrupted earlier export that were removed.
    pub temporary_removed: usize,
}

/// A tag or category with the pieces filed under it (indices into the sorted pieces).
#[derive(Serialize)]
struct TermEntry {
    name: String,
    slug: String,
    path: String,
    count: usize,
    #[serde(skip)]
    members: Vec<usize>,
}

/// The archive being built: sorted views plus their template values.
pub(crate) struct Archive {
    pub(crate) views: Vec<PieceView>,
    pub(crate) values: Vec<Value>,
    tags: Vec<TermEntry>,
    categories: Vec<TermEntry>,
}

impl Exporter {
    /// Writes the archive of `articles` into `out`, calling `progress(done, total)` after each
    /// file and stopping with [`ExportError::Cancelled`] (folder unchanged) as soon as `cancel`
    /// is set. Meant to run off the UI thread.
    pub fn site(
        &self,
        articles: &[Article],
        selection: SiteSelection,
        out: &Path,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<SiteReport, ExportError> {
        self.site_with_images(articles, &NoImages, selection, out, progress, cancel)
    }

    /// [`Exporter::site`] for pieces whose library images are read from `store`: each image's
    /// files are written once into `images/` at the archive's root, whatever the number of
    /// pieces showing it, and a re-export keeps those already there (name and SHA-256 in the
    /// manifest) without decoding anything. Refused, before anything is written, while an
    /// image has no alt text and is not decorative.
    pub fn site_with_images(
        &self,
        articles: &[Article],
        store: &dyn ImageStore,
        selection: SiteSelection,
        out: &Path,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<SiteReport, ExportError> {
        let selected: Vec<&Article> = articles
            .iter()
            .filter(|a| selection == SiteSelection::All || a.is_published())
            .collect();
        let mut plans = selected
            .iter()
            .map(|a| plan_article_images(a, store))
            .collect::<Result<Vec<_>, _>>()?;
        let mut staging = Staging::new(out)?;
        self.write_shared_images(&mut staging, &selected, &mut plans, store, cancel)?;
        let archive = self.build_archive(&selected, &plans)?;
        let total = archive.views.len() + archive.tags.len() + archive.categories.len() + 3;
        let mut done = 0;
        let mut step = |staging: &mut Staging, path: &str, text: String| {
            if cancel.load(Ordering::Relaxed) {
                return Err(ExportError::Cancelled);
            }
            staging.stage(path, text.as_bytes())?;
            done += 1;
            progress(done, total);
            Ok(())
        };
        let nested = self.site_view(true, "../", None);
        for view in &archive.views {
            step(&mut staging, &view.path, self.render_piece(view, &nested)?)?;
        }
        for (kind, terms) in [("tag", &archive.tags), ("category", &archive.categories)] {
            for term in terms {
                step(
                    &mut staging,
                    &term.path,
                    self.term_page(&archive, kind, term, &nested)?,
                )?;
            }
        }
        step(&mut staging, "index.html", self.index_page(&archive)?)?;
        step(&mut staging, "feed.xml", self.feed(&archive)?)?;
        step(&mut staging, "style.css", self.templates.css().to_owned())?;
        let out_dir = staging.root().to_path_buf();
        let recovery = staging.recovery().clone();
        let mut cleanup = staging.commit()?;
        cleanup.removed.extend(recovery.cleanup.removed);
        cleanup.kept.extend(recovery.cleanup.kept);
        Ok(SiteReport {
            out_dir,
            pieces: archive.views.len(),
            tags: archive.tags.len(),
            categories: archive.categories.len(),
            files: total,
            removed: cleanup.removed,
            kept: cleanup.kept,
            recovered: recovery.interrupted.then_some(recovery.finished),
            temporary_removed: recovery.temporary_removed,
        })
    }

    /// Stages every image of the archive once under `images/`, then gives each piece's plans
    /// the file names written (a transparent WebP's files end in `.png`).
    fn write_shared_images(
        &self,
        staging: &mut Staging,
        selected: &[&Article],
        plans: &mut [Vec<ImagePlan>],
        store: &dyn ImageStore,
        cancel: &AtomicBool,
    ) -> Result<(), ExportError> {
        let mut unique: Vec<ImagePlan> = Vec::new();
        let mut piece = String::new();
        for (article, own) in selected.iter().zip(plans.iter()) {
            for plan in own {
                if !unique.iter().any(|u| u.record.id == plan.record.id) {
                    if piece.is_empty() {
                        piece = piece_name(article);
                    }
                    unique.push(plan.clone());
                }
            }
        }
        if unique.is_empty() {
            return Ok(());
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        let folder = format!("{IMAGES_DIR}/");
        write_images(
            staging,
            &folder,
            &mut unique,
            FolderKind::Variants,
            store,
            &piece,
        )?;
        for plan in plans.iter_mut().flatten() {
            if let Some(written) = unique.iter().find(|u| u.record.id == plan.record.id) {
                plan.files.clone_from(&written.files);
            }
        }
        Ok(())
    }

    fn build_archive(
        &self,
        selected: &[&Article],
        plans: &[Vec<ImagePlan>],
    ) -> Result<Archive, ExportError> {
        let prefix = format!("../{IMAGES_DIR}/");
        let mut views = selected
            .iter()
            .zip(plans)
            .map(|(a, plans)| self.view_with_images(a, plans, &prefix))
            .collect::<Result<Vec<_>, _>>()?;
        // Newest first; undated pieces last; ties in title order so output is reproducible.
        views.sort_by(|a, b| {
            let date = |v: &PieceView| v.date.as_ref().map(|d| d.iso.clone());
            date(b)
                .cmp(&date(a))
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.slug.cmp(&b.slug))
        });
        deduplicate_slugs(&mut views, self.base.as_deref());
        let values = views.iter().map(Value::from_serialize).collect();
        let tags = group(&views, |v| v.tags.iter().collect());
        let categories = group(&views, |v| v.category.iter().collect());
        Ok(Archive {
            views,
            values,
            tags,
            categories,
        })
    }

    fn term_page(
        &self,
        archive: &Archive,
        kind: &str,
        term: &TermEntry,
        site: &SiteView,
    ) -> Result<String, ExportError> {
        let pieces: Vec<Value> = term
            .members
            .iter()
            .map(|&i| archive.values[i].clone())
            .collect();
        let lang = site.lang;
        self.templates.render(
            "tag.html",
            context! { lang, site, t => labels(lang), kind, term, pieces },
        )
    }

    fn index_page(&self, archive: &Archive) -> Result<String, ExportError> {
        let site = self.site_view(true, "", None);
        let lang = site.lang;
        self.templates.render(
            "index.html",
            context! {
                lang, site, t => labels(lang), pieces => &archive.values,
                tags => &archive.tags, categories => &archive.categories,
            },
        )
    }
}

/// Two pieces whose slugs make the same file name get `-2`, `-3`…, so neither overwrites
/// the other.
fn deduplicate_slugs(views: &mut [PieceView], base: Option<&str>) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for view in views.iter_mut() {
        let n = seen.entry(view.slug.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            view.slug = format!("{}-{n}", view.slug);
            view.path = format!("articles/{}.html", view.slug);
            view.url = base.map(|b| format!("{b}{}", view.path));
            view.atom_id = view
                .url
                .clone()
                .unwrap_or_else(|| format!("urn:edito:{}", view.slug));
        }
    }
}

/// Groups pieces by term slug (so "Relation client" and "relation Client" share a page); the
/// first spelling met names the page.
fn group<'a>(
    views: &'a [PieceView],
    terms: impl Fn(&'a PieceView) -> Vec<&'a super::views::TermView>,
) -> Vec<TermEntry> {
    let mut by_slug: BTreeMap<&str, TermEntry> = BTreeMap::new();
    for (i, view) in views.iter().enumerate() {
        for term in terms(view) {
            let entry = by_slug.entry(&term.slug).or_insert_with(|| TermEntry {
                name: term.name.clone(),
                slug: term.slug.clone(),
                path: term.path.clone(),
                count: 0,
                members: Vec::new(),
            });
            entry.count += 1;
            entry.members.push(i);
        }
    }
    by_slug.into_values().collect()
}
