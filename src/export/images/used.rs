//! The library images a piece's body shows, read with the pipeline's own parser options:
//! each `![alt](edito:image/<id>)` (reference-style included) with its alt text and line,
//! and the images whose destination is a file of the writer's disk, which no export carries.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::images::ImageId;
use crate::render::parser_options;

/// One use of a library image in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedImage {
    /// The image.
    pub id: ImageId,
    /// The alt text written for this use (its plain text, markup removed).
    pub alt: String,
    /// The 1-based line of the body where the image starts.
    pub line: usize,
}

/// Every use of a library image in `body`, in order.
pub fn used_images(body: &str) -> Vec<UsedImage> {
    image_uses(body)
        .into_iter()
        .filter_map(|(dest, alt, line)| {
            ImageId::from_reference(&dest).map(|id| UsedImage { id, alt, line })
        })
        .collect()
}

/// An image of a body whose destination is a file on the writer's disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalImage {
    /// The destination as written (`/tmp/photo.jpg`, `file:///…`, `~/…`, `C:\…`).
    pub destination: String,
    /// The 1-based line of the body where the image starts.
    pub line: usize,
}

/// Every image of `body` whose destination is a local file: an absolute path, a path from
/// `~`, a `file:` URL or a Windows drive path. Relative paths are not local files here (a
/// Markdown file exported from disk keeps them, relative to itself).
pub fn local_images(body: &str) -> Vec<LocalImage> {
    image_uses(body)
        .into_iter()
        .filter(|(dest, _, _)| is_local_file(dest))
        .map(|(destination, _, line)| LocalImage { destination, line })
        .collect()
}

/// Whether an image destination names a file of this machine rather than an address or a
/// library reference.
pub fn is_local_file(dest: &str) -> bool {
    let dest = dest.trim();
    let bytes = dest.as_bytes();
    let drive = bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    dest.starts_with('/') && !dest.starts_with("//")
        || dest.starts_with('\\')
        || dest == "~"
        || dest.starts_with("~/")
        || dest.starts_with("~\\")
        || dest
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
        || drive
}

/// Every image of `body`: its destination, alt text and line, in order.
fn image_uses(body: &str) -> Vec<(String, String, usize)> {
    let mut used = Vec::new();
    // The image being read, its alt text, and how deep in nested images we are.
    let mut current: Option<(String, String, usize)> = None;
    let mut depth = 0_usize;
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                depth += 1;
                if depth == 1 {
                    current = Some((
                        dest_url.to_string(),
                        String::new(),
                        line_of(body, range.start),
                    ));
                }
            }
            Event::End(TagEnd::Image) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    used.extend(current.take());
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt, _)) = &mut current {
                    alt.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, alt, _)) = &mut current {
                    alt.push(' ');
                }
            }
            _ => {}
        }
    }
    used
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn uses_are_found_with_their_alt_text_and_line() {
        let body = format!(
            "Intro.\n\n![Le *port*](edito:image/{ID})\n\n![](edito:image/{ID}) ![x](photo.png)\n\n\
             ![ref][p]\n\n[p]: edito:image/{ID}\n"
        );
        let used = used_images(&body);
        let found: Vec<(&str, usize)> = used.iter().map(|u| (u.alt.as_str(), u.line)).collect();
        assert_eq!(found, [("Le port", 3), ("", 5), ("ref", 7)]);
        assert!(used.iter().all(|u| u.id.as_str() == ID));
    }

    #[test]
    fn local_files_are_told_from_addresses_and_relative_paths() {
        for local in [
            "/tmp/keep/photo.jpg",
            "file:///tmp/keep/photo.jpg",
            "FILE:/x.png",
            "~/Images/a.png",
            "C:\\Users\\a.png",
            "c:/Users/a.png",
            "\\\\server\\share\\a.png",
        ] {
            assert!(is_local_file(local), "{local}");
        }
        for not_local in [
            "photo.png",
            "images/a.png",
            "../a.png",
            "https://example.org/a.png",
            "//cdn.example.org/a.png",
            "edito:image/0123",
            "data:image/png;base64,AA",
        ] {
            assert!(!is_local_file(not_local), "{not_local}");
        }
    }

    #[test]
    fn local_images_give_their_destination_and_line() {
        let body =
            "A.\n\n![x](/tmp/keep/photo.jpg)\n\n![y](file:///tmp/keep/photo.jpg) ![z](rel.png)\n";
        let found: Vec<(String, usize)> = local_images(body)
            .into_iter()
            .map(|l| (l.destination, l.line))
            .collect();
        assert_eq!(
            found,
            [
                ("/tmp/keep/photo.jpg".to_owned(), 3),
                ("file:///tmp/keep/photo.jpg".to_owned(), 5)
            ]
        );
    }
}
