//! Word boundaries (UAX #29 words holding a letter or digit) without the
//! general table lookups on ASCII text.
//! Plain twin: `UnicodeSegmentation::unicode_word_indices` (tests
//! `ascii_words_agree_with_unicode_segmentation`, `mixed_text_words_agree_with_unicode_segmentation`).

use unicode_segmentation::UnicodeSegmentation;

/// Call `f(offset, word, plain)` for each word of `text`, exactly the words
/// (and offsets) of [`UnicodeSegmentation::unicode_word_indices`]; `plain`
/// says whether the word is made of ASCII letters and digits only (see
/// [`is_plain`]), which the extractor's tokens build on.
///
/// No word crosses an ASCII white-space character: under the Unicode word
/// rules white space never joins a letter or digit. So text is cut at ASCII
/// white space into pieces; pieces of pure ASCII go to the fast
/// [`AsciiWords`], the others to `unicode-segmentation`.
pub(crate) fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str, bool)) {
    if text.is_ascii() {
        AsciiWords::new(text).for_each(|(off, w, plain)| f(off, w, plain));
        return;
    }
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = b[start..].iter().position(|c| c.is_ascii_whitespace()).map_or(b.len(), |p| start + p);
        if end > start {
            let piece = &text[start..end];
            if piece.is_ascii() {
                AsciiWords::new(piece).for_each(|(off, w, plain)| f(start + off, w, plain));
            } else {
                piece.unicode_word_indices().for_each(|(off, w)| f(start + off, w, is_plain(w)));
            }
        }
        start = end + 1;
    }
}

/// Is `word` made of ASCII letters and digits only? (The third value of
/// [`for_each_word`] and [`AsciiWords`].)
pub(crate) fn is_plain(word: &str) -> bool {
    word.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// The words of ASCII text, exactly as [`UnicodeSegmentation::unicode_word_indices`]
/// finds them (Unicode word boundaries, UAX #29, keeping the segments that
/// hold a letter or digit), without the general table lookups. In ASCII the
/// rules reduce to: letters, digits and `_` join; a letter run continues
/// over one `:`, `.` or `'` followed by a letter; a digit run over one `,`,
/// `;`, `.` or `'` followed by a digit. Everything else separates words.
pub(crate) struct AsciiWords<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> AsciiWords<'a> {
    /// The words of `text`, which must be ASCII.
    pub(crate) fn new(text: &'a str) -> Self {
        debug_assert!(text.is_ascii());
        AsciiWords { text, pos: 0 }
    }
}

/// Byte classes of [`AsciiWords`]: a bit set per ASCII byte.
const JOIN: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
/// Continues a letter run when a letter follows: `:` `.` `'`.
const MID_LETTER: u8 = 8;
/// Continues a digit run when a digit follows: `,` `;` `.` `'`.
const MID_NUM: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            JOIN | ALPHA
        } else if c.is_ascii_digit() {
            JOIN | DIGIT
        } else {
            match c {
                b'_' => JOIN,
                b':' => MID_LETTER,
                b'.' | b'\'' => MID_LETTER | MID_NUM,
                b',' | b';' => MID_NUM,
                _ => 0,
            }
        };
        b += 1;
    }
    t
};

impl<'a> Iterator for AsciiWords<'a> {
    /// (offset, word, plain): `plain` as [`is_plain`].
    type Item = (usize, &'a str, bool);

    fn next(&mut self) -> Option<(usize, &'a str, bool)> {
        let b = self.text.as_bytes();
        let class = |i: usize| CLASS[usize::from(b[i])];
        let mut i = self.pos;
        loop {
            i += b[i..].iter().position(|&c| CLASS[usize::from(c)] & JOIN != 0)?;
            let start = i;
            let mut plain = true;
            loop {
                // Letters and digits, then (rarely) `_`, which joins too.
                i += b[i..]
                    .iter()
                    .position(|&c| CLASS[usize::from(c)] & (ALPHA | DIGIT) == 0)
                    .unwrap_or(b.len() - i);
                if i < b.len() && b[i] == b'_' {
                    plain = false;
                    i += 1;
                    continue;
                }
                // One connector between two letters or two digits continues the word.
                if i + 1 < b.len() {
                    let (prev, mid, next) = (class(i - 1), class(i), class(i + 1));
                    let letters = prev & next & ALPHA != 0 && mid & MID_LETTER != 0;
                    let digits = prev & next & DIGIT != 0 && mid & MID_NUM != 0;
                    if letters || digits {
                        plain = false;
                        i += 1;
                        continue;
                    }
                }
                break;
            }
            // Segments of `_` alone hold no letter or digit.
            if plain || b[start..i].iter().any(|&c| c != b'_') {
                self.pos = i;
                return Some((start, &self.text[start..i], plain));
            }
        }
    }
}
