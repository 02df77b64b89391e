//! White space: words, word counts and collapsing, fast on mostly-ASCII text.
//!
//! These functions agree exactly with [`str::split_whitespace`] (Unicode
//! `White_Space`). They read eight ASCII bytes at a time as one `u64` and
//! decode characters only around non-ASCII bytes: word counts and white-space
//! clean-up run over every article body, so they are on the hot path.
//! Plain twin: `str::split_whitespace` (test `space_agrees_with_split_whitespace`).

pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (`x & HI == 0`): the high bit of every byte that is
/// white space (space, or `\t` `\n` `\x0B` `\x0C` `\r`), and separately of
/// every white-space byte that is not a space.
#[inline(always)]
fn ascii_space_bits(x: u64) -> (u64, u64) {
    // A byte of `t` is zero exactly where `x` has a space; no carry crosses
    // bytes because `(t & 0x7f) + 0x7f` stays below 0x100.
    let t = x ^ (b' ' as u64 * LO);
    let space = !(((t & !HI) + !HI) | t) & HI;
    // For ASCII bytes `b | 0x80` minus 9 (or 14) borrows from no other byte,
    // and keeps the high bit exactly when `b >= 9` (or `b >= 14`).
    let ge9 = (x | HI).wrapping_sub(9 * LO) & HI;
    let ge14 = (x | HI).wrapping_sub(14 * LO) & HI;
    let control = ge9 & !ge14;
    (space | control, control)
}

/// Eight bytes of `b` from `i`, if there are eight left.
#[inline(always)]
pub(crate) fn chunk(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 8).map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
}

/// Is the character starting at byte `i` of `s` white space? Returns its
/// length in bytes (1 for any byte that starts no white-space character) and
/// the answer. Only lead bytes 0xC2 and 0xE1..=0xE3 can start a non-ASCII
/// white-space character (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000);
/// those are decoded, every other byte is classified by value.
#[inline(always)]
fn space_at(s: &str, i: usize) -> (usize, bool) {
    let b = s.as_bytes()[i];
    if matches!(b, 0xC2 | 0xE1..=0xE3) {
        let c = s[i..].chars().next().expect("char boundary");
        if c.is_whitespace() {
            return (c.len_utf8(), true);
        }
        return (1, false);
    }
    (1, matches!(b, b' ' | b'\t'..=b'\r'))
}

/// The white-space separated words of `s`: the same pieces as
/// [`str::split_whitespace`].
///
/// ```
/// let w: Vec<&str> = attache_parse::words("  Talks\u{a0}resume \n in Geneva ").collect();
/// assert_eq!(w, ["Talks", "resume", "in", "Geneva"]);
/// ```
pub fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// Iterator over the words of a string; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (s, len) = (self.s, self.s.len());
        let mut i = self.pos;
        while i < len {
            let (n, space) = space_at(s, i);
            if !space {
                break;
            }
            i += n;
        }
        if i >= len {
            self.pos = len;
            return None;
        }
        let start = i;
        while i < len {
            let (n, space) = space_at(s, i);
            if space {
                break;
            }
            i += n;
        }
        self.pos = i;
        Some(&s[start..i])
    }
}

/// Number of white-space separated words in `s`: `s.split_whitespace().count()`.
///
/// ```
/// assert_eq!(attache_parse::count_words(" Envoys met\tin Geneva,\u{3000}again. "), 5);
/// ```
pub fn count_words(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n, mut prev_space) = (0, 0, true);
    while i < b.len() {
        if let Some(x) = chunk(b, i)
            && x & HI == 0
        {
            // A word starts at every non-space byte after a space byte.
            let (space, _) = ascii_space_bits(x);
            let before = (space << 8) | if prev_space { 0x80 } else { 0 };
            // One bit per byte: multiplying by LO sums them into the top byte
            // (cheaper than a popcount on CPUs without the instruction).
            let starts = (!space & HI & before) >> 7;
            n += (starts.wrapping_mul(LO) >> 56) as usize;
            prev_space = space >> 63 != 0;
            i += 8;
            continue;
        }
        let (len, space) = space_at(s, i);
        n += usize::from(!space && prev_space);
        prev_space = space;
        i += len;
    }
    n
}

/// Collapse every run of white space to one space and trim the ends.
///
/// ```
/// assert_eq!(attache_parse::collapse_ws("  Envoys \n\n met\u{a0} again "), "Envoys met again");
/// ```
pub fn collapse_ws(s: &str) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // Eight ASCII bytes whose only white space is single spaces go out as
        // they are, unless the first is a space that would double one or lead.
        if let Some(x) = chunk(b, i)
            && x & HI == 0
        {
            let (space, control) = ascii_space_bits(x);
            let first_ok = space & 0x80 == 0 || out.last().is_some_and(|&c| c != b' ');
            if control == 0 && space & (space << 8) == 0 && first_ok {
                out.extend_from_slice(&b[i..i + 8]);
                i += 8;
                continue;
            }
        }
        let (len, space) = space_at(s, i);
        if !space {
            out.push(b[i]);
        } else if out.last().is_some_and(|&c| c != b' ') {
            out.push(b' ');
        }
        i += len;
    }
    if out.last() == Some(&b' ') {
        out.pop();
    }
    // Whole characters were copied; white space only became ASCII spaces.
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}
