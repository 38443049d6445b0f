//! 16-byte SIMD helpers (safe code, through `wide`) for the scans that run over every
//! visible byte: the counter's masks and typography's search for trigger bytes.

use wide::u8x16;

/// Bytes per vector.
pub(crate) const LANES: usize = 16;

/// 16 bytes of `bytes` from `at`, padded with `pad` past the end.
pub(crate) fn load(bytes: &[u8], at: usize, pad: u8) -> u8x16 {
    if let Some(lane) = bytes.get(at..at + LANES) {
        return vector(lane);
    }
    let mut array = [pad; LANES];
    let rest = bytes.get(at..).unwrap_or_default();
    array[..rest.len()].copy_from_slice(rest);
    u8x16::new(array)
}

/// Bit `i` is set when byte `at + i` of `bytes` passes `test`, for the bytes that exist
/// (`at` < `bytes.len()`). A lane that runs past the end of a text of 16 bytes or more is
/// read from the text's last 16 bytes and shifted into place instead of copied into a padded
/// array: texts are short (≈ 20 bytes between inline elements), so the tail is the common case.
/// `pad` must fail `test`: it only fills texts shorter than a lane.
pub(crate) fn mask(bytes: &[u8], at: usize, pad: u8, test: impl Fn(u8x16) -> u8x16) -> u32 {
    if let Some(lane) = bytes.get(at..at + LANES) {
        return test(vector(lane)).to_bitmask();
    }
    match bytes.len().checked_sub(LANES) {
        Some(start) if start < at => test(vector(&bytes[start..])).to_bitmask() >> (at - start),
        _ => test(load(bytes, at, pad)).to_bitmask(),
    }
}

/// The first byte of `bytes` at or after `from` that passes `test` (see [`mask`]).
pub(crate) fn find(bytes: &[u8], from: usize, test: impl Fn(u8x16) -> u8x16) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let hits = mask(bytes, at, 0, &test);
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize);
        }
        at += LANES;
    }
    None
}

/// The vector of a lane of exactly [`LANES`] bytes.
pub(crate) fn vector(lane: &[u8]) -> u8x16 {
    let mut array = [0; LANES];
    array.copy_from_slice(lane);
    u8x16::new(array)
}

/// Lanes equal to `byte`.
pub(crate) fn eq(v: u8x16, byte: u8) -> u8x16 {
    v.simd_eq(u8x16::splat(byte))
}

/// Lanes holding `low..low + len` (`len` ≥ 1).
pub(crate) fn range(v: u8x16, low: u8, len: u8) -> u8x16 {
    (v - u8x16::splat(low))
        .saturating_sub(u8x16::splat(len - 1))
        .simd_eq(u8x16::ZERO)
}
