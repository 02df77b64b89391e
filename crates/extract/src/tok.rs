//! The extractor's tokens: words and punctuation with byte offsets, shape
//! bits and lexicon flags. Unlike the parse crate's tokens (Unicode words,
//! for scoring) they keep punctuation, possessive `'s`, abbreviation periods,
//! hyphenated compounds and currency signs, which the entity and quote rules
//! read.
//!
//! They are built on the parse crate's tokens, not on a second reading of
//! the text: a parse token made of ASCII letters and digits only
//! ([`Token::PLAIN`]) and followed by white space or a plain punctuation
//! mark is taken as it is (most words of an article); only what such tokens
//! leave open (the marks between words, words before a joiner or a period,
//! words with non-ASCII letters) is read here, byte by byte.

use attache_parse::Token;

use crate::lexicon::{self, w};

/// Shape bits of a [`Tok`].
pub(crate) mod shape {
    pub(crate) const WORD: u8 = 1;
    pub(crate) const CAP: u8 = 2;
    pub(crate) const ALLCAPS: u8 = 4;
    pub(crate) const NUM: u8 = 8;
    pub(crate) const PUNCT: u8 = 16;
    pub(crate) const POSS: u8 = 32;
    pub(crate) const QUOTE: u8 = 64;
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) s: u32,
    pub(crate) e: u32,
    pub(crate) flags: u32,
    pub(crate) shape: u8,
    pub(crate) sent: u32,
}

impl Tok {
    pub(crate) fn is(&self, bits: u8) -> bool {
        self.shape & bits != 0
    }
    pub(crate) fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    /// The word's lexicon flags without the cue flags of the sourcing and
    /// what-next rules ([`w::CUES`]): what the name rules know of it.
    pub(crate) fn known(&self) -> u32 {
        self.flags & !w::CUES
    }
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.s as usize..self.e as usize]
    }
    /// A capitalised word (or an all-caps one).
    pub(crate) fn capword(&self) -> bool {
        self.shape & shape::WORD != 0 && self.shape & (shape::CAP | shape::ALLCAPS) != 0
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `p` of `text`, if `p < lim` (`p` on a character boundary).
#[inline]
fn char_at(text: &str, p: usize, lim: usize) -> Option<char> {
    if p >= lim {
        return None;
    }
    let b = text.as_bytes()[p];
    if b < 0x80 { Some(b as char) } else { text[p..lim].chars().next() }
}

/// Is the character at byte `p` (before `lim`) alphanumeric?
#[inline]
fn alnum_at(text: &str, p: usize, lim: usize) -> bool {
    match text.as_bytes().get(p) {
        Some(&b) if p < lim && b < 0x80 => b.is_ascii_alphanumeric(),
        _ => char_at(text, p, lim).is_some_and(char::is_alphanumeric),
    }
}

/// Word counts of one sentence, by shape.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct SentenceCounts {
    /// Words (numbers included).
    pub(crate) words: u32,
    /// Words that are not numbers.
    pub(crate) letter_words: u32,
    /// All-caps words among those.
    pub(crate) upper: u32,
    /// Numbers.
    pub(crate) nums: u32,
}

/// Byte classes of the ASCII fast path.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
/// Joiners inside a word when a letter or digit follows: `-`, `.`, `'`, `&`.
const JOIN: u8 = 4;
/// Other ASCII bytes that end a word outright (everything but `$`, which currency signs take).
const OTHER: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // `char::is_whitespace` on ASCII: \t \n \v \f \r and space.
        if c == b' ' || c >= b'\t' && c <= b'\r' {
            t[b] = SPACE;
        }
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        }
        if matches!(c, b'-' | b'.' | b'\'' | b'&') {
            t[b] = JOIN;
        }
        if t[b] == 0 && c != b'$' {
            t[b] = OTHER;
        }
        b += 1;
    }
    t
};

/// Tokenize `text[range]`, appending to `out` with sentence index `sent`.
/// `words` are the parse crate's tokens of that range (of
/// [`Document::sentence_tokens`](attache_parse::Document::sentence_tokens));
/// the result is the same with any of them left out, only slower.
///
/// Works on bytes: ASCII is classified by table, other characters are decoded where they
/// occur. Lexicon flags are looked up in place (see [`lexicon::word_flags`]). Returns the
/// sentence's word counts.
pub(crate) fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    sent: u32,
    words: &[Token],
    out: &mut Vec<Tok>,
) -> SentenceCounts {
    // The next parse token that may start where we are.
    let mut wk = 0;
    let mut counts = SentenceCounts::default();
    let bytes = text.as_bytes();
    let table = lexicon::packed();
    let lim = range.end;
    let mut pos = range.start;
    while pos < lim {
        let i = pos;
        let b0 = bytes[i];
        let class = CLASS[b0 as usize];
        if class == SPACE {
            pos += 1;
            continue;
        }
        if class == ALNUM {
            // Fast path: an ASCII word of letters and digits that no joiner, period, `$` or
            // non-ASCII character follows. Anything else takes the general path below.
            // A plain parse token starting here is that run of letters and digits.
            while words.get(wk).is_some_and(|t| (t.start as usize) < i) {
                wk += 1;
            }
            let end = match words.get(wk) {
                Some(t) if t.start as usize == i && t.is_plain() => t.end as usize,
                _ => {
                    i + 1
                        + bytes[i + 1..lim]
                            .iter()
                            .position(|&b| CLASS[b as usize] != ALNUM)
                            .unwrap_or(lim - i - 1)
                }
            };
            if end >= lim || CLASS[bytes[end] as usize] & (SPACE | OTHER) != 0 {
                let mut sh = shape::WORD;
                if b0.is_ascii_uppercase() {
                    sh |= shape::CAP;
                    if all_caps(&text[i..end]) {
                        sh |= shape::ALLCAPS;
                    }
                } else if b0.is_ascii_digit() {
                    sh |= shape::NUM;
                }
                counts.words += 1;
                if sh & shape::NUM != 0 {
                    counts.nums += 1;
                } else {
                    counts.letter_words += 1;
                    counts.upper += (sh & shape::ALLCAPS != 0) as u32;
                }
                out.push(Tok {
                    s: i as u32,
                    e: end as u32,
                    flags: lexicon::word_flags(table, text, i, end),
                    shape: sh,
                    sent,
                });
                pos = end;
                continue;
            }
        }
        let c = if b0 < 0x80 {
            b0 as char
        } else {
            let c = text[i..lim].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            c
        };
        let clen = c.len_utf8();
        pos += clen;
        let is_word_start = if b0 < 0x80 { class == ALNUM } else { c.is_alphanumeric() };
        if is_word_start {
            let mut end = i + clen;
            let mut has_dot = false;
            loop {
                // A run of ASCII letters and digits.
                end += bytes[end..lim].iter().position(|&b| CLASS[b as usize] != ALNUM).unwrap_or(lim - end);
                if end >= lim {
                    break;
                }
                let nb = bytes[end];
                if nb < 0x80 {
                    if CLASS[nb as usize] != JOIN {
                        break;
                    }
                } else {
                    let n = text[end..lim].chars().next().unwrap_or(' ');
                    if n.is_alphanumeric() {
                        end += n.len_utf8();
                        continue;
                    }
                    if n != '’' {
                        break;
                    }
                }
                // A joiner (`-`, `.`, `'`, `’`, `&`) followed by a letter or digit.
                let jlen = if nb < 0x80 { 1 } else { 3 };
                let Some(n2) = char_at(text, end + jlen, lim).filter(|n2| n2.is_alphanumeric()) else {
                    break;
                };
                // Possessive `'s` at a word end is split off below.
                if (nb == b'\'' || nb >= 0x80)
                    && (n2 == 's' || n2 == 'S')
                    && !alnum_at(text, end + jlen + 1, lim)
                {
                    break;
                }
                if nb == b'.' {
                    has_dot = true;
                }
                end += jlen + n2.len_utf8();
            }
            // Abbreviation periods: "U.S.", "Mr.", "J." initials.
            if end < lim && bytes[end] == b'.' {
                let single_cap = end - i == clen && c.is_uppercase();
                // A period followed by a comma or a closing parenthesis ends no sentence: "(D-Ore.)".
                let abbrev_next = end + 1 < lim && matches!(bytes[end + 1], b',' | b')');
                if has_dot
                    || single_cap
                    || abbrev_next
                    || lexicon::word_flags(table, text, i, end + 1) & w::HONORIFIC != 0
                    || end - i <= 4 && lexicon::word_flags(table, text, i, end) & w::MONTH != 0
                {
                    end += 1;
                    // "U.S.-brokered": the compound goes on after the period.
                    if end < lim && bytes[end] == b'-' && alnum_at(text, end + 1, lim) {
                        end += 1;
                        while let Some(n) =
                            char_at(text, end, lim).filter(|n| n.is_alphanumeric() || *n == '-')
                        {
                            end += n.len_utf8();
                        }
                    }
                }
            }
            // Currency symbols: "C$", "HK$", "US$".
            if end < lim
                && bytes[end] == b'$'
                && end - i <= 3
                && bytes[i..end].iter().all(u8::is_ascii_uppercase)
            {
                end += 1;
            }
            let mut sh = shape::WORD;
            if c.is_uppercase() {
                sh |= shape::CAP;
                if all_caps(&text[i..end]) {
                    sh |= shape::ALLCAPS;
                }
            } else if c.is_ascii_digit() {
                sh |= shape::NUM;
            }
            counts.words += 1;
            if sh & shape::NUM != 0 {
                counts.nums += 1;
            } else {
                counts.letter_words += 1;
                counts.upper += (sh & shape::ALLCAPS != 0) as u32;
            }
            out.push(Tok {
                s: i as u32,
                e: end as u32,
                flags: lexicon::word_flags(table, text, i, end),
                shape: sh,
                sent,
            });
            pos = end;
            continue;
        }
        if is_apos(c)
            && matches!(char_at(text, i + clen, lim), Some('s' | 'S'))
            && !alnum_at(text, i + clen + 1, lim)
        {
            let end = i + clen + 1;
            out.push(Tok { s: i as u32, e: end as u32, flags: 0, shape: shape::POSS, sent });
            pos = end;
            continue;
        }
        let mut sh = shape::PUNCT;
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            sh |= shape::QUOTE;
        }
        out.push(Tok { s: i as u32, e: (i + clen) as u32, flags: 0, shape: sh, sent });
    }
    counts
}

/// At least two letters, and the letters up to the first lower-case one are all upper case
/// (for a word starting with an upper-case letter).
fn all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let mut n = 0;
        for &b in word.as_bytes() {
            if b.is_ascii_alphabetic() {
                if !b.is_ascii_uppercase() {
                    return false;
                }
                n += 1;
            }
        }
        return n >= 2;
    }
    let mut n = 0;
    for l in word.chars().filter(|c| c.is_alphabetic()) {
        n += 1;
        if !l.is_uppercase() {
            return false;
        }
    }
    n >= 2
}

#[cfg(test)]
mod tests;
