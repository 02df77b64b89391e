//! Word tokens with byte offsets, and the terms (lower-cased Snowball stems)
//! that scoring compares.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::fast::for_each_word;
pub(crate) use crate::fast::{Tokenizer, with_tokenizer};

pub(crate) static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static str> = stop_words::get("en").iter().copied().collect();
    // News function words the NLTK list lacks. Reporting verbs are kept as
    // content words: "said" is frequent but carries attribution.
    set.extend(["also", "would", "could", "us", "mr", "mrs", "ms", "one", "two"]);
    set
});

/// Is `lower` (already lower-cased) an English stopword?
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Lower-case a word as tokens compare it (curly apostrophes made straight).
pub(crate) fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            if c == '’' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

impl Tokenizer<'_> {
    /// Tokenize `text`, whose first byte is at offset `base` of the document,
    /// appending to `out`.
    pub(crate) fn tokenize(&mut self, text: &str, base: usize, out: &mut Vec<Token>) {
        for_each_word(text, |off, word, plain| self.push(word, plain, base + off, out));
    }

    /// Add the token of `word`, found at byte `at` of the document (`plain`:
    /// only ASCII letters and digits).
    #[inline(always)]
    fn push(&mut self, word: &str, plain: bool, at: usize, out: &mut Vec<Token>) {
        let (term, stop) = self.intern(word);
        let first = word.as_bytes()[0];
        let mut flags = if plain { Token::PLAIN } else { 0 };
        if stop {
            flags |= Token::STOP;
        }
        if first.is_ascii() {
            if first.is_ascii_uppercase() {
                flags |= Token::CAPITALIZED;
            } else if first.is_ascii_digit() {
                flags |= Token::NUMERIC;
            }
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            flags |= Token::CAPITALIZED;
        }
        let start = at as u32;
        out.push(Token { start, end: start + word.len() as u32, term, flags });
    }
}

/// A word of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset where the word starts in [`Document::text`](crate::Document::text).
    pub start: u32,
    /// Byte offset just past the word.
    pub end: u32,
    /// Term id in the document's [`Vocabulary`]: the lower-cased Snowball stem.
    pub term: u32,
    /// Bit set of [`Token::STOP`], [`Token::CAPITALIZED`], [`Token::NUMERIC`]
    /// and [`Token::PLAIN`].
    pub flags: u8,
}

impl Token {
    /// The word is an English stopword.
    pub const STOP: u8 = 1;
    /// The word starts with an upper-case letter.
    pub const CAPITALIZED: u8 = 2;
    /// The word starts with a digit.
    pub const NUMERIC: u8 = 4;
    /// The word is made of ASCII letters and digits only (no `'`, `.`, `_`,
    /// nothing outside ASCII): its bytes need no second look. The extractor
    /// takes such a word as its own token when a space or a plain punctuation
    /// mark follows it.
    pub const PLAIN: u8 = 8;

    /// Is this a stopword?
    pub fn is_stop(&self) -> bool {
        self.flags & Self::STOP != 0
    }

    /// Does the word start with a capital letter?
    pub fn is_capitalized(&self) -> bool {
        self.flags & Self::CAPITALIZED != 0
    }

    /// Is the word made of ASCII letters and digits only? (See [`Token::PLAIN`].)
    pub fn is_plain(&self) -> bool {
        self.flags & Self::PLAIN != 0
    }

    /// The byte range of the word.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A per-document map between term strings (stems) and dense ids.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// The terms, one after another.
    text: String,
    /// End of each term in `text`.
    ends: Vec<u32>,
    /// Term -> id, built on the first [`Vocabulary::get`].
    index: OnceLock<FxHashMap<Box<str>, u32>>,
}

impl Vocabulary {
    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Is the vocabulary empty?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The term string (stem) of an id.
    pub fn term(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Look up the id of a word as it would be tokenized (lower-cased, stemmed).
    pub fn get(&self, word: &str) -> Option<u32> {
        let mut lower = String::new();
        lower_into(word, &mut lower);
        let index = self
            .index
            .get_or_init(|| (0..self.len() as u32).map(|id| (Box::<str>::from(self.term(id)), id)).collect());
        index.get(STEMMER.stem(&lower).as_ref()).copied()
    }

    /// Add a term (new to this vocabulary) and return its id.
    pub(crate) fn push(&mut self, term: &str) -> u32 {
        debug_assert!(self.index.get().is_none(), "terms are added before any lookup");
        self.text.push_str(term);
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_stems_and_stopwords() {
        let mut v = Vocabulary::default();
        let mut t = Vec::new();
        let text = "The ministers’ negotiations continued; Ministers negotiate.";
        with_tokenizer(&mut v, |tk| tk.tokenize(text, 10, &mut t));
        let words: Vec<&str> = t.iter().map(|k| &text[k.start as usize - 10..k.end as usize - 10]).collect();
        assert_eq!(words, ["The", "ministers", "negotiations", "continued", "Ministers", "negotiate"]);
        assert!(t[0].is_stop() && t[0].is_capitalized());
        assert_eq!(t[1].term, t[4].term, "ministers and Ministers share a stem");
        assert_eq!(t[2].term, t[5].term, "negotiations and negotiate share a stem");
        assert_eq!(v.term(t[2].term), "negoti");
        assert_eq!(v.get("Negotiating"), Some(t[2].term));
    }
}
