//! The TextBundle export (textbundle.org, version 2): a folder `<slug>.textbundle` holding
//! `info.json`, the piece as `text.md` (Markdown with front matter) and its images in
//! `assets/`, referred to relatively — the format Ulysses, Bear and iA Writer exchange.

use std::path::Path;

use super::article::Article;
use super::error::ExportError;
use super::fs::Staging;
use super::images::{piece_name, with_image_paths, write_images, FolderKind, ImagePlan};
use super::markdown::to_markdown;
use super::{Exporter, ImageStore};

/// The folder of a bundle's images, with its `/`.
pub(crate) const ASSETS: &str = "assets/";

/// The bundle's `info.json`: version 2, Markdown (the type the specification names).
pub(crate) const INFO_JSON: &str = r#"{
  "version": 2,
  "type": "net.daringfireball.markdown",
  "transient": false,
  "creatorIdentifier": "fr.edito"
}
"#;

impl Exporter {
    /// Writes the bundle of `article` into the folder `path` (created, or updated in place:
    /// staged then renamed, image files already there kept).
    pub(crate) fn textbundle(
        &self,
        article: &Article,
        plans: &mut [ImagePlan],
        path: &Path,
        store: &dyn ImageStore,
    ) -> Result<(), ExportError> {
        let mut staging = Staging::new(path)?;
        let piece = piece_name(article);
        write_images(
            &mut staging,
            ASSETS,
            plans,
            FolderKind::Largest,
            store,
            &piece,
        )?;
        staging.stage("info.json", INFO_JSON.as_bytes())?;
        let text = to_markdown(&with_image_paths(article, plans, ASSETS));
        staging.stage("text.md", text.as_bytes())?;
        staging.commit()?;
        Ok(())
    }
}
