//! The extractor's own tokens: words and punctuation with byte offsets,
//! shape bits and lexicon flags. Unlike the parse crate's tokens they keep
//! punctuation, possessive `'s` and abbreviation periods, which the entity
//! and quote rules read.

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

/// Tokenize `text[range]`, appending to `out` with sentence index `sent`.
pub(crate) fn tokenize(text: &str, range: std::ops::Range<usize>, sent: u32, out: &mut Vec<Tok>) {
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let i = pos;
        let b0 = bytes[i];
        // ASCII fast path; other characters are decoded.
        let c = if b0 < 0x80 { b0 as char } else { s[i..].chars().next().unwrap_or(' ') };
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut has_dot = false;
            loop {
                let rest = &s[end..];
                let mut chars = rest.chars();
                let Some(n) = chars.next() else { break };
                if n.is_ascii_alphanumeric() || !n.is_ascii() && n.is_alphanumeric() {
                    end += n.len_utf8();
                    continue;
                }
                if matches!(n, '-' | '.' | '\'' | '’' | '&')
                    && let Some(n2) = chars.next()
                    && n2.is_alphanumeric()
                {
                    // Possessive `'s` at a word end is split off below.
                    if is_apos(n)
                        && (n2 == 's' || n2 == 'S')
                        && !chars.next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    if n == '.' {
                        has_dot = true;
                    }
                    end += n.len_utf8() + n2.len_utf8();
                    continue;
                }
                break;
            }
            let word = &s[i..end];
            // Abbreviation periods: "U.S.", "Mr.", "J." initials.
            if s[end..].starts_with('.') {
                let single_cap = word.chars().count() == 1 && c.is_uppercase();
                let lw = lexicon::flags(&s[i..end + 1]);
                // A period followed by a comma or a closing parenthesis ends no sentence: "(D-Ore.)".
                let abbrev_next = matches!(s[end + 1..].chars().next(), Some(',' | ')'));
                if has_dot
                    || single_cap
                    || abbrev_next
                    || lw & w::HONORIFIC != 0
                    || lexicon::flags(word) & w::MONTH != 0 && word.len() <= 4
                {
                    end += 1;
                    // "U.S.-brokered": the compound goes on after the period.
                    let mut rest = s[end..].chars();
                    if rest.next() == Some('-') && rest.next().is_some_and(char::is_alphanumeric) {
                        end += 1;
                        while let Some(n) =
                            s[end..].chars().next().filter(|n| n.is_alphanumeric() || *n == '-')
                        {
                            end += n.len_utf8();
                        }
                    }
                }
            }
            // Currency symbols: "C$", "HK$", "US$".
            if s[end..].starts_with('$') && end - i <= 3 && s[i..end].chars().all(|c| c.is_ascii_uppercase())
            {
                end += 1;
            }
            let word = &s[i..end];
            let mut sh = shape::WORD;
            if c.is_uppercase() {
                sh |= shape::CAP;
                let letters = word.chars().filter(|c| c.is_alphabetic());
                let mut n = 0;
                let mut all = true;
                for l in letters {
                    n += 1;
                    if !l.is_uppercase() {
                        all = false;
                        break;
                    }
                }
                if all && n >= 2 {
                    sh |= shape::ALLCAPS;
                }
            } else if c.is_ascii_digit() {
                sh |= shape::NUM;
            }
            out.push(Tok {
                s: (base + i) as u32,
                e: (base + end) as u32,
                flags: lexicon::flags(word),
                shape: sh,
                sent,
            });
            pos = end;
            continue;
        }
        if is_apos(c) {
            let rest = &s[i + c.len_utf8()..];
            let mut ch = rest.chars();
            if matches!(ch.next(), Some('s' | 'S')) && !ch.next().is_some_and(char::is_alphanumeric) {
                let end = i + c.len_utf8() + 1;
                out.push(Tok {
                    s: (base + i) as u32,
                    e: (base + end) as u32,
                    flags: 0,
                    shape: shape::POSS,
                    sent,
                });
                pos = end;
                continue;
            }
        }
        let mut sh = shape::PUNCT;
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            sh |= shape::QUOTE;
        }
        out.push(Tok {
            s: (base + i) as u32,
            e: (base + i + c.len_utf8()) as u32,
            flags: 0,
            shape: sh,
            sent,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(t, 0..t.len(), 0, &mut v);
        v.iter().map(|k| k.text(t).to_string()).collect()
    }

    #[test]
    fn splits_possessives_keeps_abbreviations() {
        assert_eq!(
            words("India’s Mr. Jaishankar met U.S. envoys in Indo-Pacific talks, England 's J. Smith."),
            [
                "India",
                "’s",
                "Mr.",
                "Jaishankar",
                "met",
                "U.S.",
                "envoys",
                "in",
                "Indo-Pacific",
                "talks",
                ",",
                "England",
                "'s",
                "J.",
                "Smith",
                "."
            ]
        );
        assert_eq!(words("O'Neill's “quote”"), ["O'Neill", "'s", "“", "quote", "”"]);
    }
}
