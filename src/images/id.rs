//! The id an image is stored and referred to by: content-addressed, so the same file added
//! twice is stored once and a reference can be checked against the bytes it names.

use std::fmt;

use sha2::{Digest, Sha256};

/// How a piece's Markdown (and its `lead_image` field) refers to a library image:
/// `![alt](edito:image/<id>)`.
pub const REFERENCE_PREFIX: &str = "edito:image/";

/// Hex characters in an id: the first 128 bits of the SHA-256, plenty to never collide in one
/// writer's library while keeping references short in the Markdown.
const ID_LEN: usize = 32;

/// An image's id: the first 32 lowercase hex characters of the SHA-256 of the original file's
/// bytes. Serialized as that string.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct ImageId(String);

impl ImageId {
    /// The id of these bytes (hashes them all).
    pub fn of_bytes(bytes: &[u8]) -> ImageId {
        let digest = Sha256::digest(bytes);
        let mut hex = String::with_capacity(ID_LEN);
        for byte in &digest[..ID_LEN / 2] {
            hex.push_str(&format!("{byte:02x}"));
        }
        ImageId(hex)
    }

    /// A bare id as written after [`REFERENCE_PREFIX`]: exactly 32 lowercase hex characters,
    /// else `None`.
    pub fn parse(id: &str) -> Option<ImageId> {
        let valid = id.len() == ID_LEN
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| ImageId(id.to_string()))
    }

    /// The id in a Markdown destination or `lead_image` value `edito:image/<id>`; `None` for
    /// anything else (a web URL, a path, a malformed id).
    pub fn from_reference(dest: &str) -> Option<ImageId> {
        dest.strip_prefix(REFERENCE_PREFIX).and_then(ImageId::parse)
    }

    /// The reference to write in the Markdown: `edito:image/<id>`.
    pub fn reference(&self) -> String {
        format!("{REFERENCE_PREFIX}{}", self.0)
    }

    /// The bare id, 32 lowercase hex characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ImageId {
    type Error = String;

    fn try_from(id: String) -> Result<Self, Self::Error> {
        ImageId::parse(&id)
            .ok_or_else(|| format!("`{id}` is not an image id (32 lowercase hex characters)"))
    }
}

impl From<ImageId> for String {
    fn from(id: ImageId) -> String {
        id.0
    }
}

/// Every `edito:image/<id>` in `text`, in order, repeats included: a scan of the raw text,
/// not a Markdown parse, so a reference in a code span, a link title or a revision's JSON
/// counts too. Used where over-counting is the safe side (an image is never collected while
/// any text still names it).
pub fn references_in(text: &str) -> impl Iterator<Item = ImageId> + '_ {
    memchr::memmem::find_iter(text.as_bytes(), REFERENCE_PREFIX).filter_map(move |at| {
        let start = at + REFERENCE_PREFIX.len();
        text.get(start..start + ID_LEN).and_then(ImageId::parse)
    })
}
