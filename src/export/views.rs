//! What templates see: plain serializable views of a piece, its tags and the site, with dates
//! already formatted and the body already rendered. docs/TEMPLATES.md documents every field.

use std::collections::BTreeMap;

use serde::Serialize;

use super::article::Article;
use super::body::{description, render_body, typeset, without_forbidden_chars};
use super::dates::{atom_timestamp, iso_date, long_date, long_date_html, parse_date};
use super::error::ExportError;
use super::fs::safe_name;
use super::term_slug::term_slug;
use crate::library::MAX_TAGS_PER_PIECE;
use crate::render::Links;

/// Site settings for pages, the archive and the feed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SiteSettings {
    /// Site name: index title, `og:site_name`, feed title.
    pub title: String,
    /// One-line description of the site, for the index's meta description.
    pub description: String,
    /// Public address of the archive (`https://…/`), for canonical links and feed ids.
    pub base_url: Option<String>,
    /// Language of the index, tag pages and feed (`fr` or `en`).
    pub lang: String,
    /// Feed author when a piece has none.
    pub author: String,
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            title: "Edito".into(),
            description: String::new(),
            base_url: None,
            lang: "fr".into(),
            author: String::new(),
        }
    }
}

impl SiteSettings {
    /// The base URL with a trailing slash, refused unless it is `http(s)://`.
    pub(crate) fn normalized_base(&self) -> Result<Option<String>, ExportError> {
        let Some(base) = self
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
        else {
            return Ok(None);
        };
        let ok = (base.starts_with("https://") || base.starts_with("http://"))
            && !base.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>');
        if !ok {
            return Err(ExportError::BadBaseUrl(base.to_owned()));
        }
        let slash = if base.ends_with('/') { "" } else { "/" };
        Ok(Some(format!("{base}{slash}")))
    }

    /// `fr` or `en`.
    pub(crate) fn lang(&self) -> &'static str {
        if self.lang.trim().eq_ignore_ascii_case("en") {
            "en"
        } else {
            "fr"
        }
    }
}

/// A tag or category, with the archive page that lists it.
#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    /// Name as typed.
    pub name: String,
    /// Safe file-name stem.
    pub slug: String,
    /// Path of its page from the archive root (`tags/x.html`, `categories/x.html`).
    pub path: String,
}

/// A formatted date.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// "12 avril 2002" or "April 12, 2002".
    pub long: String,
    /// `long` as HTML: "1<sup>er</sup> août 2002" (the ordinal in superscript).
    pub long_html: String,
}

/// One piece, ready for a template.
#[derive(Debug, Clone, Serialize)]
pub struct PieceView {
    /// Safe slug (also the file-name stem).
    pub slug: String,
    /// Title, typeset.
    pub title: String,
    /// Kicker, typeset.
    pub kicker: String,
    /// Chapô, typeset.
    pub standfirst: String,
    /// Chapô or first sentence, for meta tags.
    pub description: String,
    /// Author name.
    pub author: String,
    /// Author role.
    pub author_role: String,
    /// `fr` or `en`.
    pub lang: &'static str,
    /// Workflow status code (`draft`, `published`…).
    pub status: &'static str,
    /// Issue number.
    pub issue_number: Option<String>,
    /// Target length in signes.
    pub target_signs: Option<i64>,
    /// Publication date.
    pub date: Option<DateView>,
    /// RFC 3339 timestamp of the last change (falls back to the publication date).
    pub updated: Option<String>,
    /// Category, if any.
    pub category: Option<TermView>,
    /// Tags in the piece's order, duplicates (same slug) removed.
    pub tags: Vec<TermView>,
    /// The piece's lead image (portrait, featured image), when `lead_image` names a library
    /// image the export carries: its files, alt text, caption and credit.
    pub lead_image: Option<LeadImageView>,
    /// The rendered body (safe HTML).
    pub body: String,
    /// Path of the piece's page from the archive root: `articles/<slug>.html`.
    pub path: String,
    /// Absolute canonical URL when the site has a base URL.
    pub url: Option<String>,
    /// Atom entry id: the canonical URL, or `urn:edito:<slug>`.
    pub atom_id: String,
    /// Unknown front-matter keys, as read.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Interface words in the piece's language (the information line of a French piece in
    /// an English index stays French, matching its date).
    pub t: Labels,
}

impl PieceView {
    /// Builds the view; `base` is the normalized base URL, `links` what the body's link and
    /// image destinations become.
    pub fn new(article: &Article, base: Option<&str>, links: &Links) -> Result<Self, ExportError> {
        let fields = &article.fields;
        let slug = safe_name(&article.slug, &fields.title)?;
        let lang = article.lang().as_str();
        let date = fields.publication_date.as_deref().and_then(parse_date);
        let path = format!("articles/{slug}.html");
        let url = base.map(|b| format!("{b}{path}"));
        Ok(Self {
            title: typeset(&fields.title, lang),
            kicker: typeset(&fields.kicker, lang),
            standfirst: typeset(&fields.standfirst, lang),
            description: typeset(&description(article), lang),
            author: typeset(fields.author.trim(), lang),
            author_role: typeset(fields.author_role.trim(), lang),
            lang,
            status: article.status.as_str(),
            issue_number: fields.issue_number.map(|n| n.to_string()),
            target_signs: fields.target_signs,
            updated: atom_timestamp(article.updated_at.as_deref(), date),
            date: date.map(|d| DateView {
                iso: iso_date(d),
                long: long_date(d, lang),
                long_html: long_date_html(d, lang),
            }),
            category: term(&fields.category, "categories"),
            tags: tags(&article.tags),
            body: render_body(article, links),
            lead_image: LeadImageView::new(article, links, url.as_deref(), lang),
            atom_id: url.clone().unwrap_or_else(|| format!("urn:edito:{slug}")),
            url,
            path,
            slug,
            extra: article.extra.clone(),
            t: labels(lang),
        })
    }
}

/// The piece's lead image as templates write it: a `<figure>` above the body with the same
/// files as a body image (`srcset`, `sizes`, `width`, `height`), and `og:image` in the head.
#[derive(Debug, Clone, Serialize)]
pub struct LeadImageView {
    /// URL of the largest file (`images/…` beside a page, `../images/…` in the archive, the
    /// image base URL when given, `edito-image://localhost/<id>` in the preview).
    pub src: String,
    /// The `srcset` value (`url 480w, url 960w…`), empty when there is one file.
    pub srcset: String,
    /// The `sizes` value going with `srcset`.
    pub sizes: String,
    /// Width in pixels of `src`.
    pub width: Option<u32>,
    /// Height in pixels of `src`.
    pub height: Option<u32>,
    /// The image's alt text (its library record's; empty when decorative).
    pub alt: String,
    /// Caption, typeset.
    pub caption: String,
    /// Photographer's credit, typeset.
    pub credit: String,
    /// « Photo : » / "Photo:", the words before the credit.
    pub credit_label: &'static str,
    /// Absolute URL of `src` for `og:image`, only when one can be known: `src` is already an
    /// address (image base URL), or the page has one (site base URL) and `src` is resolved
    /// against it. The Open Graph protocol (ogp.me) defines `og:image` as an `http(s)` URL,
    /// and readers of it (social networks, chat previews) ignore relative ones, so a page
    /// exported without any address has no `og:image`.
    pub og_image: Option<String>,
}

impl LeadImageView {
    /// The view of `article`'s lead image when it is a library reference that `links`
    /// describes (export: the planned files; preview: the app-served URL); `page_url` is the
    /// page's absolute address, if known.
    fn new(article: &Article, links: &Links, page_url: Option<&str>, lang: &str) -> Option<Self> {
        let reference = article.fields.lead_image.as_deref()?.trim();
        crate::render::image_reference_id(reference)?;
        let image = links.image(reference)?;
        let srcset = if image.srcset.len() > 1 {
            image
                .srcset
                .iter()
                .map(|c| format!("{} {}w", c.url, c.width))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            String::new()
        };
        let og_image = absolute_url(&image.src, page_url);
        Some(Self {
            srcset,
            sizes: image.sizes.clone().unwrap_or_default(),
            width: image.size.map(|(w, _)| w),
            height: image.size.map(|(_, h)| h),
            alt: without_forbidden_chars(image.alt.trim().to_owned()),
            caption: typeset(image.caption.trim(), lang),
            credit: typeset(image.credit.trim(), lang),
            credit_label: crate::render::credit_label(lang.parse().unwrap_or_default()),
            og_image,
            src: image.src,
        })
    }
}

/// `src` as an absolute `http(s)` URL: as is when it already is one, else resolved against
/// `page_url` (`images/x.jpg`, `../images/x.jpg`: the relative forms exports write), else
/// `None`.
pub(crate) fn absolute_url(src: &str, page_url: Option<&str>) -> Option<String> {
    if src.starts_with("https://") || src.starts_with("http://") {
        return Some(src.to_owned());
    }
    // Another scheme (`edito-image:` in the preview) has no address on the web.
    if src
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        return None;
    }
    let page = page_url?;
    let scheme_end = page.find("://")? + 3;
    let path_start = page[scheme_end..]
        .find('/')
        .map_or(page.len(), |i| scheme_end + i);
    let mut folder = page[..page
        .rfind('/')
        .filter(|&i| i >= path_start)
        .map_or(page.len(), |i| i)]
        .to_owned();
    let mut rest = src.trim_start_matches("./");
    while let Some(up) = rest.strip_prefix("../") {
        rest = up;
        if folder.len() > path_start {
            folder.truncate(
                folder
                    .rfind('/')
                    .filter(|&i| i >= path_start)
                    .unwrap_or(path_start),
            );
        }
    }
    Some(format!("{folder}/{rest}"))
}

fn term(name: &str, folder: &str) -> Option<TermView> {
    let name = without_forbidden_chars(name.trim().to_owned());
    term_slug(&name).map(|slug| TermView {
        name,
        path: format!("{folder}/{slug}.html"),
        slug,
    })
}

/// At most [`MAX_TAGS_PER_PIECE`]: the library and import refuse more, and a library
/// written before the cap must not make an archive grow with the square of its tags.
fn tags(names: &[String]) -> Vec<TermView> {
    let mut out: Vec<TermView> = Vec::with_capacity(names.len().min(MAX_TAGS_PER_PIECE));
    for view in names.iter().filter_map(|n| term(n, "tags")) {
        if out.len() == MAX_TAGS_PER_PIECE {
            break;
        }
        if !out.iter().any(|t| t.slug == view.slug) {
            out.push(view);
        }
    }
    out
}

/// Site-wide values for templates.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site name.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Normalized base URL (ends with `/`), if any.
    pub base_url: Option<String>,
    /// `fr` or `en`.
    pub lang: &'static str,
    /// Feed author fallback.
    pub author: String,
    /// True when rendering the static archive (links between pages exist).
    pub archive: bool,
    /// Relative prefix from the current page to the archive root (`""` or `"../"`).
    pub root: &'static str,
    /// The stylesheet to embed in `<style>`; none when pages link `style.css`.
    pub stylesheet: Option<String>,
}

/// Interface words in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// "Publié le" / "Published on".
    pub published_on: &'static str,
    /// "Publié" / "Published" (no date known).
    pub published: &'static str,
    /// "dans" / "in".
    pub in_category: &'static str,
    /// "mots-clés :" / "tags:" after a dash (the app's word, issue #11).
    pub tags: &'static str,
    /// "Mots-clés :" / "Tags:" starting the line.
    pub tags_alone: &'static str,
    /// "Mot-clé" / "Tag", title of a tag page.
    pub tag: &'static str,
    /// "Rubrique" / "Category", title of a category page.
    pub category: &'static str,
    /// "Rubriques" / "Categories".
    pub categories: &'static str,
    /// "Mots-clés" / "Tags".
    pub all_tags: &'static str,
    /// "Numéro" / "Issue".
    pub issue: &'static str,
    /// "Flux Atom" / "Atom feed".
    pub feed: &'static str,
    /// "Accueil" / "Home".
    pub home: &'static str,
    /// `og:locale`: `fr_FR` / `en_US`.
    pub locale: &'static str,
}

/// Labels for `lang` (`en`, else French).
pub fn labels(lang: &str) -> Labels {
    if lang == "en" {
        Labels {
            published_on: "Published on",
            published: "Published",
            in_category: "in",
            tags: "tags:",
            tags_alone: "Tags:",
            tag: "Tag",
            category: "Category",
            categories: "Categories",
            all_tags: "Tags",
            issue: "Issue",
            feed: "Atom feed",
            home: "Home",
            locale: "en_US",
        }
    } else {
        // U+00A0 before the colon: French typography.
        Labels {
            published_on: "Publié le",
            published: "Publié",
            in_category: "dans",
            tags: "mots-clés\u{a0}:",
            tags_alone: "Mots-clés\u{a0}:",
            tag: "Mot-clé",
            category: "Rubrique",
            categories: "Rubriques",
            all_tags: "Mots-clés",
            issue: "Numéro",
            feed: "Flux Atom",
            home: "Accueil",
            locale: "fr_FR",
        }
    }
}
