//! What the library remembers of pieces published to a site (migration 0006): the remote post,
//! the images uploaded (once per image and site) and the history of publishes. Written step by
//! step as a publish goes, so an interrupted publish is resumed, never repeated. No secrets.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{time_stamp, Library, LibraryError};

/// The title, content and excerpt Edito last sent for a post, exactly as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SentFields {
    /// The post's title (typeset text).
    pub title: String,
    /// The post's content (the piece's HTML fragment).
    pub content: String,
    /// The post's excerpt (the typeset standfirst).
    pub excerpt: String,
}

/// A piece's post on one site, as Edito last wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Publication {
    /// The piece.
    pub piece_id: i64,
    /// The site's name (as in `edito sites list`).
    pub site: String,
    /// The post's id on the site.
    pub post_id: i64,
    /// The post's address.
    pub link: String,
    /// The post's `modified_gmt` after Edito's last write (`YYYY-MM-DDTHH:MM:SS`, UTC).
    pub modified_gmt: String,
    /// What Edito sent.
    pub sent: SentFields,
}

/// An image uploaded to a site: its media id, address and pixel size there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RemoteMedia {
    /// The media (attachment) id on the site.
    pub media_id: i64,
    /// The file's address on the site.
    pub url: String,
    /// Width in pixels of the uploaded file.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// One successful publish, for the piece's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PublicationEvent {
    /// The site's name.
    pub site: String,
    /// When, UTC (the library's timestamp format).
    pub published_at: String,
    /// The post's status on the site after the publish (`draft`, `pending`, `future`, `publish`).
    pub status: String,
    /// The post's id.
    pub post_id: i64,
    /// The post's address.
    pub link: String,
}

impl Library {
    /// The piece's post on `site`, `None` when it was never published there (or forgotten).
    pub fn publication(
        &self,
        piece_id: i64,
        site: &str,
    ) -> Result<Option<Publication>, LibraryError> {
        self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT post_id, link, modified_gmt, sent_title, sent_content, sent_excerpt \
                     FROM publications WHERE piece_id = ?1 AND site = ?2",
                    params![piece_id, site],
                    |row| {
                        Ok(Publication {
                            piece_id,
                            site: site.to_owned(),
                            post_id: row.get(0)?,
                            link: row.get(1)?,
                            modified_gmt: row.get(2)?,
                            sent: SentFields {
                                title: row.get(3)?,
                                content: row.get(4)?,
                                excerpt: row.get(5)?,
                            },
                        })
                    },
                )
                .optional()?)
        })
    }

    /// Records the piece's post on `site` after a successful create or update, and adds a line
    /// to its publish history (`status` as the site answered), in one transaction.
    pub fn record_publication(
        &self,
        publication: &Publication,
        status: &str,
    ) -> Result<(), LibraryError> {
        let p = publication;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO publications (piece_id, site, post_id, link, modified_gmt, \
                 sent_title, sent_content, sent_excerpt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (piece_id, site) DO UPDATE SET post_id = excluded.post_id, \
                 link = excluded.link, modified_gmt = excluded.modified_gmt, \
                 sent_title = excluded.sent_title, sent_content = excluded.sent_content, \
                 sent_excerpt = excluded.sent_excerpt",
                params![
                    p.piece_id,
                    p.site,
                    p.post_id,
                    p.link,
                    p.modified_gmt,
                    p.sent.title,
                    p.sent.content,
                    p.sent.excerpt
                ],
            )?;
            tx.execute(
                "INSERT INTO publication_history (piece_id, site, published_at, status, post_id, \
                 link) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    p.piece_id,
                    p.site,
                    time_stamp::now(),
                    status,
                    p.post_id,
                    p.link
                ],
            )?;
            Ok(())
        })
    }

    /// Forgets the piece's post on `site` (deleted on the site: the next publish creates a new
    /// one). The history and the uploaded images are kept.
    pub fn forget_publication(&self, piece_id: i64, site: &str) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM publications WHERE piece_id = ?1 AND site = ?2",
                params![piece_id, site],
            )?;
            Ok(())
        })
    }

    /// The images already uploaded to `site`, by image id.
    pub fn published_media(
        &self,
        site: &str,
    ) -> Result<BTreeMap<String, RemoteMedia>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT image_id, media_id, url, width, height FROM publication_media \
                 WHERE site = ?1",
            )?;
            let rows = stmt.query_map([site], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    RemoteMedia {
                        media_id: row.get(1)?,
                        url: row.get(2)?,
                        width: row.get(3)?,
                        height: row.get(4)?,
                    },
                ))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Records that image `image_id` was uploaded to `site` as `media` (right after the upload,
    /// so a publish that fails later does not upload it again).
    pub fn record_published_media(
        &self,
        site: &str,
        image_id: &str,
        media: &RemoteMedia,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO publication_media (site, image_id, media_id, url, width, \
                 height) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    site,
                    image_id,
                    media.media_id,
                    media.url,
                    media.width,
                    media.height
                ],
            )?;
            Ok(())
        })
    }

    /// The piece's publishes on every site, oldest first.
    pub fn publication_history(
        &self,
        piece_id: i64,
    ) -> Result<Vec<PublicationEvent>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT site, published_at, status, post_id, link FROM publication_history \
                 WHERE piece_id = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([piece_id], |row| {
                Ok(PublicationEvent {
                    site: row.get(0)?,
                    published_at: row.get(1)?,
                    status: row.get(2)?,
                    post_id: row.get(3)?,
                    link: row.get(4)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::temp_library;
    use super::*;

    #[test]
    fn a_publication_is_replaced_and_its_history_grows() {
        let (_dir, library) = temp_library();
        assert_eq!(library.publication(1, "mag").expect("read"), None);
        let mut publication = Publication {
            piece_id: 1,
            site: "mag".into(),
            post_id: 7,
            link: "https://mag.example/a/".into(),
            modified_gmt: "2026-01-01T00:00:00".into(),
            sent: SentFields::default(),
        };
        library
            .record_publication(&publication, "draft")
            .expect("first");
        publication.modified_gmt = "2026-01-02T00:00:00".into();
        library
            .record_publication(&publication, "publish")
            .expect("second");
        assert_eq!(
            library.publication(1, "mag").expect("read"),
            Some(publication)
        );
        let history = library.publication_history(1).expect("history");
        assert_eq!(
            history
                .iter()
                .map(|e| e.status.as_str())
                .collect::<Vec<_>>(),
            ["draft", "publish"]
        );
        library.forget_publication(1, "mag").expect("forget");
        assert_eq!(library.publication(1, "mag").expect("read"), None);
        assert_eq!(library.publication_history(1).expect("history").len(), 2);
    }

    #[test]
    fn media_are_kept_per_site() {
        let (_dir, library) = temp_library();
        let id = "0123456789abcdef0123456789abcdef";
        let media = RemoteMedia {
            media_id: 12,
            url: "https://mag.example/a.jpg".into(),
            width: 800,
            height: 600,
        };
        library
            .record_published_media("mag", id, &media)
            .expect("record");
        assert_eq!(
            library.published_media("mag").expect("read").get(id),
            Some(&media)
        );
        assert!(library.published_media("other").expect("read").is_empty());
    }
}
