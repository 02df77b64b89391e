//! Case-insensitive lookups of short ASCII words, packed into a `u128`
//! (lower-cased eight bytes at a time) and probed in an open-addressing
//! table: one multiply-hash probe per token, no string building.
//! Plain twin: byte-by-byte lower-casing into a 16-byte buffer (test
//! `packing_lower_cases_ascii_only`).

use std::sync::LazyLock;

use super::words::LEXICON;

/// The lexicon keyed by lower-cased ASCII words of up to 16 bytes packed into a `u128`:
/// one multiply-hash probe per token, no string building.
static PACKED: LazyLock<WordTable> =
    LazyLock::new(|| WordTable::new(LEXICON.iter().filter_map(|(k, &v)| pack(k.as_bytes()).map(|p| (p, v)))));

/// An open-addressing table from packed words (see [`pack`]) to flags. The empty word packs
/// to 0, which marks a free slot; it is never a key.
pub(crate) struct WordTable {
    keys: Box<[u128]>,
    vals: Box<[u32]>,
    shift: u32,
}

impl WordTable {
    /// A table holding `items`; a later duplicate key overwrites an earlier one.
    pub(crate) fn new(items: impl IntoIterator<Item = (u128, u32)>) -> WordTable {
        let items: Vec<(u128, u32)> = items.into_iter().filter(|&(k, _)| k != 0).collect();
        // At most a quarter full: probes stay short.
        let bits = (items.len().max(1) * 4).next_power_of_two().trailing_zeros().max(4);
        let size = 1usize << bits;
        let mut t = WordTable {
            keys: vec![0; size].into_boxed_slice(),
            vals: vec![0; size].into_boxed_slice(),
            shift: 64 - bits,
        };
        for (k, v) in items {
            let mut i = t.slot(k);
            while t.keys[i] != 0 && t.keys[i] != k {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = k;
            t.vals[i] = v;
        }
        t
    }

    #[inline]
    fn slot(&self, k: u128) -> usize {
        let lo = k as u64;
        let hi = (k >> 64) as u64;
        ((lo ^ hi.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value stored for `k`, or 0.
    #[inline]
    pub(crate) fn get(&self, k: u128) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(k);
        loop {
            let kk = self.keys[i];
            if kk == k {
                return self.vals[i];
            }
            if kk == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A set of ASCII words, matched ignoring ASCII case (as `eq_ignore_ascii_case` against each).
pub(crate) struct WordSet(WordTable);

impl WordSet {
    /// The set of the white-space separated `words` (each ASCII, at most 16 bytes).
    pub(crate) fn new(words: &str) -> WordSet {
        WordSet(WordTable::new(words.split_whitespace().map(|w| {
            assert!(w.len() <= 16 && w.is_ascii(), "word sets hold short ASCII words: {w}");
            (pack(w.as_bytes()).unwrap_or(0), 1)
        })))
    }

    /// Does the set hold `word`, ignoring ASCII case?
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        pack(word.as_bytes()).is_some_and(|p| self.0.get(p) != 0)
    }
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Lower-case the ASCII bytes of `x` (eight at a time; no byte may have its high bit set).
#[inline]
fn lower8(x: u64) -> u64 {
    // Per byte b < 0x80: b + 0x3f sets the high bit iff b >= b'A'; b + 0x25 iff b > b'Z'.
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | ((ge_a & !gt_z & HIGH) >> 2)
}

/// Up to 16 bytes as two little-endian words, zero-padded, without a copy loop.
#[inline]
fn load16(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as u64;
    let u64_at = |i: usize| {
        u64::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]])
    };
    match n {
        0 => (0, 0),
        1..=3 => {
            let v = b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1));
            (v, 0)
        }
        4..=7 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        8 => (u64_at(0), 0),
        _ => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
    }
}

/// Lower-cased ASCII bytes of up to 16 bytes packed into a `u128`.
#[inline]
pub(crate) fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 16 {
        return None;
    }
    let (lo, hi) = load16(b);
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    Some(lower8(lo) as u128 | (lower8(hi) as u128) << 64)
}

/// Flags of a word, looked up case-insensitively without allocating.
#[inline]
pub(crate) fn flags(word: &str) -> u32 {
    let b = word.as_bytes();
    if let Some(p) = pack(b) {
        return PACKED.get(p);
    }
    flags_slow(word)
}

/// The packed lexicon, for [`word_flags`].
#[inline]
pub(crate) fn packed() -> &'static WordTable {
    &PACKED
}

/// Flags of the tokenizer's word `text[s..e]`, as [`flags`] gives them. When 16 bytes can be
/// read from `s` on, the word is loaded in two machine words and lower-cased by setting bit
/// 0x20 of every byte: right for the bytes a word holds (ASCII letters and digits, `-`, `.`,
/// `'`, `&`, `$`), which is why this is for the tokenizer only.
#[inline(always)]
pub(crate) fn word_flags(table: &WordTable, text: &str, s: usize, e: usize) -> u32 {
    let b = text.as_bytes();
    let n = e - s;
    if n <= 16
        && let Some(w16) = b.get(s..s + 16)
    {
        let (mlo, mhi) = MASKS[n];
        let lo = u64::from_le_bytes(w16[..8].try_into().unwrap_or_default()) & mlo;
        let hi = u64::from_le_bytes(w16[8..].try_into().unwrap_or_default()) & mhi;
        if (lo | hi) & HIGH == 0 {
            const CASE: u64 = 0x2020_2020_2020_2020;
            return table.get(((lo | CASE) & mlo) as u128 | (((hi | CASE) & mhi) as u128) << 64);
        }
    }
    flags(&text[s..e])
}

/// Per length 0..=16: masks keeping that many low bytes of two little-endian words.
const MASKS: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = if n < 8 {
            ((1u64 << (8 * n)) - 1, 0)
        } else if n < 16 {
            (u64::MAX, (1u64 << (8 * (n - 8))) - 1)
        } else {
            (u64::MAX, u64::MAX)
        };
        n += 1;
    }
    t
};

/// Flags of words that do not pack: longer than 16 bytes or not ASCII.
#[cold]
fn flags_slow(word: &str) -> u32 {
    let b = word.as_bytes();
    if b.is_ascii() {
        // Longer words ("secretary-general").
        return LEXICON.get(word.to_ascii_lowercase().as_str()).copied().unwrap_or(0);
    }
    if word.contains('’') {
        LEXICON.get(word.to_lowercase().replace('’', "'").as_str()).copied().unwrap_or(0)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::w;

    #[test]
    fn packing_lower_cases_ascii_only() {
        let reference = |b: &[u8]| -> Option<u128> {
            if b.len() > 16 || !b.is_ascii() {
                return None;
            }
            let mut buf = [0u8; 16];
            buf[..b.len()].copy_from_slice(b);
            buf.make_ascii_lowercase();
            Some(u128::from_le_bytes(buf))
        };
        // Every byte value in every position of every length.
        for n in 0..=17usize {
            for pos in 0..n.max(1) {
                for v in 0..=255u8 {
                    let mut b: Vec<u8> = (0..n).map(|k| b"aZ@[`{09-."[k % 10]).collect();
                    if n > 0 {
                        b[pos] = v;
                    }
                    assert_eq!(pack(&b), reference(&b), "{b:?}");
                }
            }
        }
        // In place, with 16 bytes to read or fewer.
        let text = "Said the MINISTER, Secretary-General. Mr";
        for (s, e) in [(0, 4), (9, 17), (19, 36), (38, 40), (39, 40), (4, 4), (0, 8), (0, 16), (19, 37)] {
            assert_eq!(word_flags(packed(), text, s, e), flags(&text[s..e]), "{}", &text[s..e]);
        }
        assert_ne!(word_flags(packed(), text, 19, 36) & w::TITLE_HEAD, 0);
        assert_ne!(word_flags(packed(), text, 38, 40) & w::HONORIFIC, 0);
    }
}
