//! The archive's Atom 1.0 feed (`feed.xml`): the newest pieces with summary and full content.

use minijinja::{context, Value};

use super::error::ExportError;
use super::site::Archive;
use super::Exporter;
use crate::text::slug_of;

/// Entries in the feed: readers want recent pieces, not a 1,000-entry download.
const FEED_ENTRIES: usize = 50;

/// Feed `updated` when no piece has a date: Atom requires one, and a fixed value keeps
/// re-exports reproducible.
const EPOCH: &str = "1970-01-01T00:00:00Z";

impl Exporter {
    /// Renders `feed.xml` for the archive (pieces already sorted newest first).
    pub(crate) fn feed(&self, archive: &Archive) -> Result<String, ExportError> {
        let site = self.site_view(true, "", None);
        let updated = archive
            .views
            .iter()
            .filter_map(|v| v.updated.as_deref())
            .max()
            .unwrap_or(EPOCH);
        let feed_id = match &site.base_url {
            Some(base) => base.clone(),
            None => format!(
                "urn:edito:site:{}",
                slug_of(&site.title).unwrap_or_default()
            ),
        };
        let pieces: Vec<Value> = archive.values.iter().take(FEED_ENTRIES).cloned().collect();
        self.templates
            .render("feed.xml", context! { site, updated, feed_id, pieces })
    }
}
