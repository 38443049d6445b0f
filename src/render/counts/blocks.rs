//! The counter's fast path: 64 bytes at a time, classified with SIMD compares (`wide`, safe
//! code) into bit masks, words counted with one addition. It covers ASCII, Latin letters and
//! the spaces and punctuation French typography writes (no-break spaces, `’`, `« »`, dashes,
//! `…`); a block holding any other character goes back to the exact byte automaton.

use wide::u8x16;

use crate::render::simd::{eq, load, range, vector, LANES};

/// Bytes per block: one bit each in a `u64`.
pub(super) const BLOCK: usize = 64;

/// Bit `i` describes byte `i` of a block. Bytes in none of the masks are marks
/// (punctuation, symbols, continuation bytes): part of a run, never a word on their own.
#[derive(Debug, Clone, Copy)]
pub(super) struct Masks {
    /// Letters and digits (a multi-byte letter is marked on its lead byte).
    word: u64,
    /// Characters shown as a space (marked on the lead byte).
    space: u64,
    /// Spaces and line breaks: what ends a word.
    separator: u64,
    /// Lead bytes of characters the fast path does not know.
    pub(super) slow: u64,
}

impl Masks {
    /// Classifies the block of `bytes` at `start` (up to [`BLOCK`] bytes, fewer at the end:
    /// only the 16-byte lanes holding text are computed, since most texts are short).
    #[inline]
    pub(super) fn of(bytes: &[u8], start: usize) -> Self {
        match bytes.get(start..start + BLOCK) {
            Some(block) => Self::of_full(bytes, start, block),
            None => Self::of_tail(bytes, start),
        }
    }

    /// A whole block: four lanes at fixed offsets, so the compiler drops the bounds checks
    /// and the variable shifts of the general case (this is where almost all text goes).
    #[inline]
    fn of_full(bytes: &[u8], start: usize, block: &[u8]) -> Self {
        let mut masks = Self::EMPTY;
        for (lane, chunk) in block.chunks_exact(LANES).enumerate() {
            let at = lane * LANES;
            let lanes = Lanes::classify(vector(chunk), bytes, start + at);
            masks.add(&lanes, at);
        }
        masks
    }

    /// The last, partial block of a text.
    fn of_tail(bytes: &[u8], start: usize) -> Self {
        let mut masks = Self::EMPTY;
        let len = bytes.len().saturating_sub(start).min(BLOCK);
        for lane in 0..len.div_ceil(LANES) {
            let at = lane * LANES;
            let v0 = load(bytes, start + at, b'.');
            masks.add(&Lanes::classify(v0, bytes, start + at), at);
        }
        masks
    }

    const EMPTY: Self = Self {
        word: 0,
        space: 0,
        separator: 0,
        slow: 0,
    };

    #[inline(always)]
    fn add(&mut self, lanes: &Lanes, at: usize) {
        self.word |= u64::from(lanes.word) << at;
        self.space |= u64::from(lanes.space) << at;
        self.separator |= u64::from(lanes.separator) << at;
        self.slow |= u64::from(lanes.slow) << at;
    }

    /// Words ended and spaces in the block. `in_word` (a word runs into the block) is updated
    /// for the next one.
    ///
    /// Runs are the bytes between separators. Adding the word bits to the run bits makes a
    /// carry ripple from the first letter of each run to the separator that ends it, so the
    /// separators left set in the sum are exactly those that end a word; a carry out of the
    /// top bit is a word running on into the next block.
    pub(super) fn count(&self, in_word: &mut bool) -> (usize, usize) {
        let runs = !self.separator;
        let (sum, carry) = runs.overflowing_add(self.word | u64::from(*in_word));
        *in_word = carry;
        (
            (sum & self.separator).count_ones() as usize,
            self.space.count_ones() as usize,
        )
    }

    /// Whether the block ends inside a run (of marks, when not in a word).
    pub(super) fn ends_in_run(&self) -> bool {
        self.separator >> 63 == 0
    }
}

/// The masks of 16 bytes.
struct Lanes {
    word: u32,
    space: u32,
    separator: u32,
    slow: u32,
}

impl Lanes {
    /// Classifies `v0`, the 16 bytes of `bytes` at `at` (padded with `.` past the end).
    #[inline(always)]
    fn classify(v0: u8x16, bytes: &[u8], at: usize) -> Self {
        let alnum = range(v0 | u8x16::splat(0x20), b'a', 26) | range(v0, b'0', 10);
        let latin = range(v0, 0xc3, 9);
        let lead = range(v0, 0xc0, 64);
        let space = eq(v0, b' ').to_bitmask();
        // Bytes up to the space: in prose, the spaces alone. Tabs, line breaks and other
        // control characters are looked for only in the lanes that hold some.
        let controls = range(v0, 0, 0x21).to_bitmask() ^ space;
        let mut lanes = Self {
            word: (alnum | latin).to_bitmask(),
            space,
            separator: space,
            slow: (lead ^ latin).to_bitmask(),
        };
        if controls != 0 {
            let other_space = (eq(v0, b'\t') | eq(v0, 0x0c)).to_bitmask();
            lanes.space |= other_space;
            lanes.separator |= other_space | (eq(v0, b'\n') | eq(v0, b'\r')).to_bitmask();
        }
        // Every character the fast path knows beyond Latin letters starts with C2 or E2,
        // and those are slow until proven otherwise.
        if lanes.slow == 0 {
            return lanes;
        }
        let c2 = eq(v0, 0xc2);
        let e2 = eq(v0, 0xe2);
        if (c2 | e2).to_bitmask() != 0 {
            let (v1, v2) = (load(bytes, at + 1, b'.'), load(bytes, at + 2, b'.'));
            let nbsp = c2 & eq(v1, 0xa0);
            let guillemet = c2 & (eq(v1, 0xab) | eq(v1, 0xbb));
            // U+2000..U+203F is E2 80 xx: the spaces, then dashes, quotes and the ellipsis.
            let general = e2 & eq(v1, 0x80);
            let wide_space = general & (range(v2, 0x80, 11) | eq(v2, 0xaf));
            let punctuation = general & range(v2, 0x90, 24);
            let spaces = (nbsp | wide_space).to_bitmask();
            lanes.space |= spaces;
            lanes.separator |= spaces;
            // Every known lead byte is ≥ 0xC0, so this is "lead byte and not known".
            lanes.slow =
                (lead ^ (latin | nbsp | guillemet | wide_space | punctuation)).to_bitmask();
        }
        lanes
    }
}
