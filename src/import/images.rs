//! Images of imported Markdown (issue #14): each image given by a path relative to the file
//! (`![alt](photos/a.jpg)`, a TextBundle's `assets/a.jpg`, the lead image) is copied into the
//! library and its destination rewritten to the library reference `edito:image/<id>`, so the
//! piece no longer depends on the file it came from. The image's texts come back from what
//! Edito's Markdown exports write: the caption from the image's title (`![alt](a.jpg
//! "caption")`), and alt text, decorative mark, caption and credit from the front matter's
//! `image_texts` list (docs/EXPORT.md).

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path};

use pulldown_cmark::{Event, Parser, Tag};
use serde::Deserialize;

use crate::export::images::IMAGE_TEXTS_KEY;
use crate::export::Article;
use crate::images::ImageId;
use crate::library::{ImageText, Library};

/// One entry of the front matter's `image_texts`: an image file of the export and its texts.
#[derive(Debug, Deserialize)]
struct ImageTextsEntry {
    file: String,
    #[serde(flatten)]
    text: ImageText,
}
use crate::render::{is_relative_path, parser_options};

/// `article` (read from a file in the folder `base`) with its relative image paths replaced by
/// library references, the images added to `library` (the same file twice is stored once).
/// Errors name the image and the line, and say what to do; the article is then not imported.
pub(crate) fn attach_images(
    library: &Library,
    base: &Path,
    article: &Article,
) -> Result<Article, String> {
    let body = &article.fields.body;
    let entries = image_texts(article)?;
    let mut titles: HashMap<String, String> = HashMap::new();
    let mut references: HashMap<String, String> = HashMap::new();
    let mut add = |dest: &str, line: usize| -> Result<String, String> {
        if let Some(reference) = references.get(dest) {
            return Ok(reference.clone());
        }
        let path = local_path(base, dest).ok_or_else(|| {
            format!("image `{dest}` (line {line}) is not a path inside the file's folder: copy the image beside the file and refer to it relatively")
        })?;
        let record = library
            .add_image_file(&path)
            .map_err(|err| format!("image `{dest}` (line {line}) cannot be added: {err}"))?;
        let reference = format!("{}{}", crate::images::REFERENCE_PREFIX, record.id);
        references.insert(dest.to_owned(), reference.clone());
        Ok(reference)
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut parser = Parser::new_ext(body, parser_options()).into_offset_iter();
    let mut referenced: Vec<(String, usize)> = Vec::new();
    for (event, range) in parser.by_ref() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = event
        else {
            continue;
        };
        if !is_relative_path(&dest_url) {
            continue;
        }
        if !title.trim().is_empty() {
            titles
                .entry(dest_url.to_string())
                .or_insert_with(|| title.trim().to_owned());
        }
        let line = line_of(body, range.start);
        match find_in(body, &range, &dest_url) {
            Some(at) => edits.push((at, add(&dest_url, line)?)),
            // `![alt][label]`: the destination is in the label's definition.
            None => referenced.push((dest_url.to_string(), line)),
        }
    }
    for (_, definition) in parser.reference_definitions().iter() {
        if let Some((_, line)) = referenced.iter().find(|(d, _)| *d == *definition.dest) {
            if let Some(at) = find_in(body, &definition.span, &definition.dest) {
                edits.push((at, add(&definition.dest, *line)?));
            }
        }
    }
    let mut article = article.clone();
    edits.sort_by_key(|(at, _)| std::cmp::Reverse(at.start));
    edits.dedup_by_key(|(at, _)| at.start);
    for (at, reference) in edits {
        article.fields.body.replace_range(at, &reference);
    }
    if let Some(lead) = article.fields.lead_image.clone() {
        if is_relative_path(lead.trim()) {
            article.fields.lead_image = Some(add(lead.trim(), 0)?);
        }
    }
    article.extra.remove(IMAGE_TEXTS_KEY);
    for (dest, reference) in &references {
        let entry = entries.iter().find(|e| e.file == *dest);
        describe(library, dest, reference, entry, titles.get(dest))?;
    }
    Ok(article)
}

/// The front matter's `image_texts` (none when absent); a value of another shape refuses the
/// file, saying how to fix it.
fn image_texts(article: &Article) -> Result<Vec<ImageTextsEntry>, String> {
    let Some(value) = article.extra.get(IMAGE_TEXTS_KEY) else {
        return Ok(Vec::new());
    };
    serde_json::from_value(value.clone()).map_err(|err| {
        format!("front-matter key `{IMAGE_TEXTS_KEY}` is not a list of `file`, `alt`, `decorative`, `caption`, `credit` ({err}): correct it or remove it")
    })
}

/// Gives the image imported from `dest` the texts the file carries for it: its
/// `image_texts` entry, the caption written as the image's title winning (it is what another
/// editor shows and lets the writer change). Nothing carried: the image keeps its texts.
fn describe(
    library: &Library,
    dest: &str,
    reference: &str,
    entry: Option<&ImageTextsEntry>,
    title: Option<&String>,
) -> Result<(), String> {
    if entry.is_none() && title.is_none() {
        return Ok(());
    }
    let Some(id) = ImageId::from_reference(reference) else {
        return Ok(());
    };
    let failed = |err: crate::library::LibraryError| {
        format!("image `{dest}`: its texts cannot be kept: {err}")
    };
    let mut text = match entry {
        Some(entry) => entry.text.clone(),
        None => {
            let record = library.image(&id).map_err(failed)?;
            ImageText {
                alt: record.alt,
                decorative: record.decorative,
                caption: record.caption,
                credit: record.credit,
            }
        }
    };
    if let Some(title) = title {
        text.caption = title.clone();
    }
    library.describe_image(&id, &text).map_err(failed)?;
    Ok(())
}

/// Where `dest` is written inside `range` of `text`, as typed.
fn find_in(text: &str, range: &Range<usize>, dest: &str) -> Option<Range<usize>> {
    let within = text.get(range.clone())?;
    within
        .find(dest)
        .map(|at| range.start + at..range.start + at + dest.len())
}

/// The file `dest` names relative to `base`: percent-escapes decoded, no absolute part, and
/// for a TextBundle (whose `base` is the bundle) nothing outside the folder.
fn local_path(base: &Path, dest: &str) -> Option<std::path::PathBuf> {
    let decoded = percent_decoded(dest.split(['?', '#']).next().unwrap_or(dest))?;
    let relative = Path::new(&decoded);
    let plain = relative.components().all(|c| {
        matches!(
            c,
            Component::Normal(_) | Component::CurDir | Component::ParentDir
        )
    });
    let bundle = base
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("textbundle"));
    let escapes = relative
        .components()
        .any(|c| matches!(c, Component::ParentDir));
    (plain && !(bundle && escapes)).then(|| base.join(relative))
}

/// `%20` and the like decoded (UTF-8), else `None`.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_decoded_and_kept_inside_a_bundle() {
        let bundle = Path::new("/tmp/x.textbundle");
        assert_eq!(
            local_path(bundle, "assets/le%20port.jpg"),
            Some(bundle.join("assets/le port.jpg"))
        );
        assert_eq!(local_path(bundle, "../secret.jpg"), None);
        let folder = Path::new("/tmp/notes");
        assert_eq!(
            local_path(folder, "../photos/a.jpg"),
            Some(folder.join("../photos/a.jpg"))
        );
        assert_eq!(local_path(folder, "a%zz.jpg"), None);
    }
}
