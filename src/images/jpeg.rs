//! The one JPEG check the decoder does not make: that the file reaches its end-of-image
//! marker. The JPEG decoder (zune-jpeg, lenient mode) fills a truncated file's missing rows
//! with grey rather than failing, and a half-downloaded photo must be refused, not stored.

/// Whether the JPEG `bytes` hold their end-of-image marker (`FF D9`) where the structure puts
/// it: marker segments are skipped by their length, entropy-coded data is scanned (inside it
/// `FF` is always followed by `00` or a restart marker), so an EXIF thumbnail's own end marker
/// does not count.
pub(super) fn reaches_end(bytes: &[u8]) -> bool {
    let mut at = 2; // after SOI
    while at + 1 < bytes.len() {
        if bytes[at] != 0xFF {
            return false;
        }
        let marker = bytes[at + 1];
        match marker {
            0xFF => at += 1, // fill byte
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => at += 2, // standalone markers
            _ => {
                let Some(len) = segment_len(bytes, at) else {
                    return false;
                };
                at += 2 + len;
                if marker == 0xDA {
                    match skip_entropy_data(bytes, at) {
                        Some(next) => at = next,
                        None => return false,
                    }
                }
            }
        }
    }
    false
}

fn segment_len(bytes: &[u8], at: usize) -> Option<usize> {
    let high = *bytes.get(at + 2)?;
    let low = *bytes.get(at + 3)?;
    let len = usize::from(u16::from_be_bytes([high, low]));
    (len >= 2).then_some(len)
}

/// The offset of the marker ending the entropy-coded data starting at `at`.
fn skip_entropy_data(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let ff = at + memchr::memchr(0xFF, bytes.get(at..)?)?;
        match *bytes.get(ff + 1)? {
            0x00 | 0xD0..=0xD7 | 0xFF => at = ff + 1,
            _ => return Some(ff),
        }
    }
}
