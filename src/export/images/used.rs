//! The library images a piece's body shows, read with the pipeline's own parser options:
//! each `![alt](edito:image/<id>)` (reference-style included) with its alt text and line.

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
    let mut used = Vec::new();
    // The image being read, its alt text, and how deep in nested images we are.
    let mut current: Option<UsedImage> = None;
    let mut depth = 0_usize;
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                depth += 1;
                if depth == 1 {
                    current = ImageId::from_reference(&dest_url).map(|id| UsedImage {
                        id,
                        alt: String::new(),
                        line: line_of(body, range.start),
                    });
                }
            }
            Event::End(TagEnd::Image) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    used.extend(current.take());
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(image) = &mut current {
                    image.alt.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(image) = &mut current {
                    image.alt.push(' ');
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
}
