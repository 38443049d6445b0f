//! Publishing to WordPress (≥ 5.6) through its REST API with an application password: images
//! uploaded once to `/wp/v2/media`, category and tags found or created, the post created or
//! updated (never duplicated), every step recorded in the library as it is done.

mod client;
mod content;

use std::collections::BTreeMap;

use serde_json::{json, Value};

use client::{rejected, Client};

use super::{PostStatus, PublishError, PublishOptions, PublishReport, Publisher, SiteAccount};
use crate::export::images::{plan_article_images, used_images, ImagePlan, LARGEST_EDGE};
use crate::export::Article;
use crate::images::{rendition, ImageId};
use crate::library::{Library, Publication, RemoteMedia, SentFields};

pub use client::TIMEOUT;

/// A WordPress site, connected: its REST API found and the credentials accepted.
pub struct WordPress {
    site: SiteAccount,
    client: Client,
}

impl WordPress {
    /// Connects to `site` with its application password. Nothing is written on the site.
    ///
    /// Errors: [`PublishError::NotWordPress`] (no REST API at the address),
    /// [`PublishError::WrongPassword`] (401), and the transport kinds (unreachable, timeout,
    /// TLS).
    pub fn connect(site: &SiteAccount, password: &str) -> Result<Self, PublishError> {
        Ok(WordPress {
            site: site.clone(),
            client: Client::connect(site, password)?,
        })
    }
}

impl Publisher for WordPress {
    fn site(&self) -> &SiteAccount {
        &self.site
    }

    fn publish(
        &self,
        library: &Library,
        piece_id: i64,
        options: &PublishOptions,
    ) -> Result<PublishReport, PublishError> {
        let piece = library.get_piece(piece_id)?;
        let article = Article::from(&piece);
        let plans = plan_article_images(&article, library)?;
        let date = post_date(options, &article)?;
        let mut previous = library.publication(piece_id, &self.site.name)?;
        if let Some(publication) = &previous {
            if !self.post_still_there(publication, options)? {
                library.forget_publication(piece_id, &self.site.name)?;
                previous = None;
            }
        }
        let mut steps = Steps::new(plans.len(), previous.is_some());
        let media = self
            .upload_images(library, &article, &plans, &mut steps)
            .map_err(|e| steps.interrupted(e))?;
        let post = self
            .post_body(&article, &plans, &media, options, date)
            .map_err(|e| steps.interrupted(e))?;
        let sent = post.sent.clone();
        let answer = match &previous {
            Some(p) => self
                .client
                .post_json(&format!("/wp/v2/posts/{}", p.post_id), &post.json),
            None => self.client.post_json("/wp/v2/posts", &post.json),
        };
        let body = answer
            .and_then(|a| self.client.ok(a, "write posts"))
            .map_err(|e| steps.interrupted(e))?;
        let publication = Publication {
            piece_id,
            site: self.site.name.clone(),
            post_id: int(&body, "id")?,
            link: text(&body, "link"),
            modified_gmt: text(&body, "modified_gmt"),
            sent,
        };
        let status = text(&body, "status");
        library.record_publication(&publication, &status)?;
        Ok(PublishReport {
            site: self.site.name.clone(),
            post_id: publication.post_id,
            link: publication.link,
            status,
            created: previous.is_none(),
            images_uploaded: steps.uploaded,
            images_reused: plans.len() - steps.uploaded,
        })
    }
}

/// What a publish has done so far, for the error that stops it.
struct Steps {
    images: usize,
    uploaded: usize,
    updating: bool,
}

impl Steps {
    fn new(images: usize, updating: bool) -> Self {
        Steps {
            images,
            uploaded: 0,
            updating,
        }
    }

    fn interrupted(&self, source: PublishError) -> PublishError {
        // A refusal before anything was written needs no account of steps.
        if self.uploaded == 0 {
            return source;
        }
        PublishError::Interrupted {
            done: vec![
                format!("{} of {} images uploaded", self.uploaded, self.images),
                if self.updating {
                    "post not updated".into()
                } else {
                    "post not created".into()
                },
            ],
            source: Box::new(source),
        }
    }
}

/// A post's JSON and the fields it sends, as the library keeps them.
struct PostBody {
    json: Value,
    sent: SentFields,
}

impl WordPress {
    /// Whether the post of `publication` is still on the site (`false`: deleted or trashed,
    /// and `options.recreate` says to create it again). Refuses when it was edited on the site
    /// since Edito wrote it, unless `options.force`.
    fn post_still_there(
        &self,
        publication: &Publication,
        options: &PublishOptions,
    ) -> Result<bool, PublishError> {
        let answer = self.client.get(
            &format!("/wp/v2/posts/{}", publication.post_id),
            &[("context", "edit")],
        )?;
        let gone = answer.status == 404
            || answer.status == 410
            || (answer.status == 200 && answer.body.get("status") == Some(&json!("trash")));
        if gone {
            return if options.recreate {
                Ok(false)
            } else {
                Err(PublishError::PostDeleted {
                    post_id: publication.post_id,
                })
            };
        }
        let remote = self.client.ok(answer, "read posts")?;
        if !options.force {
            let fields = edited_fields(publication, &remote);
            if !fields.is_empty() {
                return Err(PublishError::EditedOnSite {
                    post_id: publication.post_id,
                    fields,
                });
            }
        }
        Ok(true)
    }

    /// Uploads the images of `plans` not yet on the site (each recorded as soon as it is
    /// there), and returns every image's upload.
    fn upload_images(
        &self,
        library: &Library,
        article: &Article,
        plans: &[ImagePlan],
        steps: &mut Steps,
    ) -> Result<BTreeMap<String, RemoteMedia>, PublishError> {
        let mut media = library.published_media(&self.site.name)?;
        let uses = used_images(&article.fields.body);
        let missing: Vec<(&ImagePlan, ImageId)> = plans
            .iter()
            .filter(|plan| !media.contains_key(&plan.record.id))
            .filter_map(|plan| Some((plan, ImageId::parse(&plan.record.id)?)))
            .collect();
        // Decoding and re-encoding 12-megapixel photos is most of a first publish's own work:
        // all at once, on every core, while the site is not waited for yet.
        let files = std::thread::scope(|scope| {
            let jobs: Vec<_> = missing
                .iter()
                .map(|(_, id)| {
                    scope.spawn(move || -> Result<_, PublishError> {
                        Ok(rendition(&library.image_bytes(id)?, LARGEST_EDGE)?)
                    })
                })
                .collect();
            jobs.into_iter()
                .map(|job| {
                    job.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect::<Vec<_>>()
        });
        for ((plan, id), file) in missing.into_iter().zip(files) {
            let file = file?;
            let alt = uses
                .iter()
                .find(|u| u.id == id && !u.alt.trim().is_empty())
                .map_or(plan.record.alt.as_str(), |u| u.alt.as_str());
            let name = format!(
                "{}-{}.{}",
                &plan.record.id[..16],
                file.width,
                file.format.extension()
            );
            let answer = self.client.upload(
                &name,
                file.format.media_type(),
                &file.bytes,
                &[("alt_text", alt), ("caption", &plan.record.caption)],
            )?;
            let body = self.client.ok(answer, "upload files")?;
            let uploaded = RemoteMedia {
                media_id: int(&body, "id")?,
                url: text(&body, "source_url"),
                width: file.width,
                height: file.height,
            };
            library.record_published_media(&self.site.name, &plan.record.id, &uploaded)?;
            steps.uploaded += 1;
            media.insert(plan.record.id.clone(), uploaded);
        }
        Ok(media)
    }

    /// The post's JSON: title, content, excerpt, status, date, slug, category, tags and
    /// featured image.
    fn post_body(
        &self,
        article: &Article,
        plans: &[ImagePlan],
        media: &BTreeMap<String, RemoteMedia>,
        options: &PublishOptions,
        date: Option<String>,
    ) -> Result<PostBody, PublishError> {
        let sent = content::post_fields(article, plans, media)?;
        let category = article.fields.category.trim();
        let categories = if category.is_empty() {
            Vec::new()
        } else {
            vec![self.term("categories", category)?]
        };
        let mut tags = Vec::new();
        for tag in &article.tags {
            let id = self.term("tags", tag)?;
            if !tags.contains(&id) {
                tags.push(id);
            }
        }
        let featured = article
            .fields
            .lead_image
            .as_deref()
            .and_then(ImageId::from_reference)
            .and_then(|id| media.get(id.as_str()))
            .map_or(0, |m| m.media_id);
        let mut json = json!({
            "title": sent.title,
            "content": sent.content,
            "excerpt": sent.excerpt,
            "status": options.status.as_str(),
            "slug": article.slug,
            "categories": categories,
            "tags": tags,
            "featured_media": featured,
        });
        if let Some(date) = date {
            json["date"] = json!(date);
        }
        Ok(PostBody { json, sent })
    }

    /// The id of the category or tag named `name` (`kind`: `categories`, `tags`), created if
    /// missing: WordPress answers `400 term_exists` with the existing term's id.
    fn term(&self, kind: &str, name: &str) -> Result<i64, PublishError> {
        let answer = self
            .client
            .post_json(&format!("/wp/v2/{kind}"), &json!({ "name": name }))?;
        if answer.status == 400 && answer.body.get("code") == Some(&json!("term_exists")) {
            return answer
                .body
                .pointer("/data/term_id")
                .and_then(Value::as_i64)
                .ok_or_else(|| rejected(400, &answer.body));
        }
        let body = self.client.ok(answer, "manage categories and tags")?;
        int(&body, "id")
    }
}

/// What was edited on the site since Edito wrote `publication`: the fields whose raw value is
/// not what Edito sent, or `modified` when only the date of change moved.
fn edited_fields(publication: &Publication, remote: &Value) -> Vec<String> {
    let raw = |key: &str| {
        remote
            .pointer(&format!("/{key}/raw"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let sent = &publication.sent;
    let mut fields: Vec<String> = [
        ("title", &sent.title),
        ("content", &sent.content),
        ("excerpt", &sent.excerpt),
    ]
    .into_iter()
    .filter(|(key, value)| raw(key) != **value)
    .map(|(key, _)| key.to_owned())
    .collect();
    if fields.is_empty() && text(remote, "modified_gmt") != publication.modified_gmt {
        fields.push("modified".into());
    }
    fields
}

/// The post's `date` (the site's local time, `YYYY-MM-DDTHH:MM:SS`): the option's, else the
/// piece's publication date at midnight; none leaves WordPress's (now). A scheduled post needs
/// one.
fn post_date(options: &PublishOptions, article: &Article) -> Result<Option<String>, PublishError> {
    let given = options
        .date
        .as_deref()
        .or(article.fields.publication_date.as_deref())
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let Some(given) = given else {
        if options.status == PostStatus::Future {
            return Err(PublishError::Invalid {
                field: "date",
                reason: "a scheduled post needs a date: give --date YYYY-MM-DD[THH:MM]".into(),
            });
        }
        return Ok(None);
    };
    let full = match given.len() {
        10 => format!("{given}T00:00:00"),
        16 => format!("{given}:00"),
        _ => given.replace(' ', "T"),
    };
    let valid = time::PrimitiveDateTime::parse(
        &full,
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
    )
    .is_ok();
    if !valid {
        return Err(PublishError::Invalid {
            field: "date",
            reason: format!(
                "`{given}`: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (e.g. 2026-04-12T08:00)"
            ),
        });
    }
    Ok(Some(full))
}

fn int(body: &Value, key: &str) -> Result<i64, PublishError> {
    body.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| PublishError::BadAnswer(format!("no `{key}` in the site's answer")))
}

fn text(body: &Value, key: &str) -> String {
    body.get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}
