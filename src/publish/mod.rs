//! Publishing a piece to a site (issue #15): the [`Publisher`] seam, WordPress behind it
//! ([`wordpress::WordPress`]), the sites a library knows ([`sites`]) and their passwords in the
//! OS keyring ([`secrets`]). No Tauri, no window: the CLI and the app call [`publish`].

mod error;
pub mod secrets;
pub mod sites;
pub mod wordpress;

use serde::{Deserialize, Serialize};

pub use error::PublishError;
pub use secrets::{SecretPlace, Secrets};
pub use sites::{save_site, site, sites, SiteAccount};

use crate::library::Library;

/// The status a post gets on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    /// A draft, seen only in wp-admin.
    #[default]
    Draft,
    /// Waiting for an editor's review.
    Pending,
    /// Scheduled: published by the site at its date (which must be in the future).
    Future,
    /// Published now (or at its date: WordPress schedules a post dated in the future).
    Publish,
}

impl PostStatus {
    /// WordPress's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::Pending => "pending",
            PostStatus::Future => "future",
            PostStatus::Publish => "publish",
        }
    }
}

/// How to publish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PublishOptions {
    /// The post's status.
    pub status: PostStatus,
    /// The post's date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` in the site's time zone;
    /// `None`: the piece's publication date, else now.
    pub date: Option<String>,
    /// Replace the site's version even when it was edited there since the last publish.
    pub force: bool,
    /// Create the post again when it was deleted on the site.
    pub recreate: bool,
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PublishReport {
    /// The site's name.
    pub site: String,
    /// The post's id on the site.
    pub post_id: i64,
    /// The post's address.
    pub link: String,
    /// The post's status as the site answered (`future` for a post dated later).
    pub status: String,
    /// Whether the post was created (else updated).
    pub created: bool,
    /// Images uploaded by this publish.
    pub images_uploaded: usize,
    /// Images already on the site, reused.
    pub images_reused: usize,
}

/// A place pieces are published to. Each call records in the library what it did on the
/// site, step by step, so a re-publish updates instead of duplicating.
pub trait Publisher {
    /// The site.
    fn site(&self) -> &SiteAccount;

    /// Publishes piece `piece_id` of `library` as `options` say.
    fn publish(
        &self,
        library: &Library,
        piece_id: i64,
        options: &PublishOptions,
    ) -> Result<PublishReport, PublishError>;
}

/// Checks `password` against site `site` and stores both (the site in the library, the
/// password in the keyring or the fallback file). Says where the password went.
///
/// Errors: those of [`wordpress::WordPress::connect`] unless `check` is false; the library's
/// and the password store's.
pub fn add_site(
    library: &Library,
    secrets: &Secrets,
    site: &SiteAccount,
    password: &str,
    check: bool,
) -> Result<SecretPlace, PublishError> {
    if check {
        wordpress::WordPress::connect(site, password)?;
    }
    let place = secrets.store(site, password)?;
    save_site(library, site)?;
    Ok(place)
}

/// Publishes piece `piece_id` to the library's site named `site_name`, with the password in
/// `secrets`.
pub fn publish(
    library: &Library,
    secrets: &Secrets,
    site_name: &str,
    piece_id: i64,
    options: &PublishOptions,
) -> Result<PublishReport, PublishError> {
    let site = site(library, site_name)?;
    let password = secrets.password(&site)?;
    // The piece is read (and refused: missing, an image without alt text) before connecting.
    library.get_piece(piece_id)?;
    wordpress::WordPress::connect(&site, &password)?.publish(library, piece_id, options)
}
