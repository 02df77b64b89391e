//! Word tokens with byte offsets, and the terms (lower-cased Snowball stems)
//! that scoring compares.

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static str> = stop_words::get("en").iter().copied().collect();
    // News function words the NLTK list lacks. Reporting verbs are kept as
    // content words: "said" is frequent but carries attribution.
    set.extend(["also", "would", "could", "us", "mr", "mrs", "ms", "one", "two"]);
    set
});

/// Entries kept in each thread's stem cache before it is cleared.
const STEM_CACHE_LIMIT: usize = 200_000;

/// Lower-cased word -> (stem, stopword?).
type StemCache = FxHashMap<Box<str>, (Arc<str>, bool)>;

thread_local! {
    /// Lower-cased word -> (Snowball stem, stopword?), shared by all documents
    /// a thread tokenizes: in a batch most words have been seen before, and
    /// stemming is the most expensive step of tokenization. Stems are shared
    /// (`Arc`), so a document's vocabulary takes them without copying.
    static STEM_CACHE: RefCell<StemCache> = RefCell::new(FxHashMap::default());
}

fn with_stem<R>(lower: &str, f: impl FnOnce(&Arc<str>, bool) -> R) -> R {
    STEM_CACHE.with(|cache| cached_stem(&mut cache.borrow_mut(), lower, f))
}

fn cached_stem<R>(cache: &mut StemCache, lower: &str, f: impl FnOnce(&Arc<str>, bool) -> R) -> R {
    if let Some((stem, stop)) = cache.get(lower) {
        return f(stem, *stop);
    }
    if cache.len() >= STEM_CACHE_LIMIT {
        cache.clear();
    }
    let stem: Arc<str> = STEMMER.stem(lower).as_ref().into();
    let stop = is_stopword(lower);
    let r = f(&stem, stop);
    cache.insert(lower.into(), (stem, stop));
    r
}

/// Is `lower` (already lower-cased) an English stopword?
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
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
    /// Bit set of `Token::STOP`, `Token::CAPITALIZED`, `Token::NUMERIC`.
    pub flags: u8,
}

impl Token {
    /// The word is an English stopword.
    pub const STOP: u8 = 1;
    /// The word starts with an upper-case letter.
    pub const CAPITALIZED: u8 = 2;
    /// The word starts with a digit.
    pub const NUMERIC: u8 = 4;

    /// Is this a stopword?
    pub fn is_stop(&self) -> bool {
        self.flags & Self::STOP != 0
    }

    /// Does the word start with a capital letter?
    pub fn is_capitalized(&self) -> bool {
        self.flags & Self::CAPITALIZED != 0
    }

    /// The byte range of the word.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A per-document map between term strings (stems) and dense ids.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    terms: Vec<Arc<str>>,
    by_term: FxHashMap<Arc<str>, u32>,
    lower: String,
}

impl Vocabulary {
    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Is the vocabulary empty?
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The term string (stem) of an id.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// Look up the id of a word as it would be tokenized (lower-cased, stemmed).
    pub fn get(&self, word: &str) -> Option<u32> {
        let lower = word.to_lowercase().replace('’', "'");
        with_stem(&lower, |stem, _| self.by_term.get(stem).copied())
    }

    /// Id of a word, adding it if new. Returns the id and whether the word is a stopword.
    fn intern(&mut self, cache: &mut StemCache, word: &str) -> (u32, bool) {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                if c == '’' {
                    self.lower.push('\'');
                } else {
                    self.lower.extend(c.to_lowercase());
                }
            }
        }
        let (terms, by_term) = (&mut self.terms, &mut self.by_term);
        cached_stem(cache, &self.lower, |stem, stop| match by_term.get(stem) {
            Some(&id) => (id, stop),
            None => {
                let id = terms.len() as u32;
                terms.push(Arc::clone(stem));
                by_term.insert(Arc::clone(stem), id);
                (id, stop)
            }
        })
    }
}

/// Tokenize `text[range]` into `out`, interning terms into `vocab`.
pub(crate) fn tokenize_into(text: &str, base: usize, vocab: &mut Vocabulary, out: &mut Vec<Token>) {
    STEM_CACHE.with(|cache| tokenize_cached(&mut cache.borrow_mut(), text, base, vocab, out));
}

fn tokenize_cached(
    cache: &mut StemCache,
    text: &str,
    base: usize,
    vocab: &mut Vocabulary,
    out: &mut Vec<Token>,
) {
    for (off, word) in text.unicode_word_indices() {
        let (term, stop) = vocab.intern(cache, word);
        let first = word.chars().next().unwrap_or(' ');
        let mut flags = 0;
        if stop {
            flags |= Token::STOP;
        }
        if first.is_uppercase() {
            flags |= Token::CAPITALIZED;
        }
        if first.is_ascii_digit() {
            flags |= Token::NUMERIC;
        }
        let start = (base + off) as u32;
        out.push(Token { start, end: start + word.len() as u32, term, flags });
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
        tokenize_into(text, 10, &mut v, &mut t);
        let words: Vec<&str> = t.iter().map(|k| &text[k.start as usize - 10..k.end as usize - 10]).collect();
        assert_eq!(words, ["The", "ministers", "negotiations", "continued", "Ministers", "negotiate"]);
        assert!(t[0].is_stop() && t[0].is_capitalized());
        assert_eq!(t[1].term, t[4].term, "ministers and Ministers share a stem");
        assert_eq!(t[2].term, t[5].term, "negotiations and negotiate share a stem");
        assert_eq!(v.term(t[2].term), "negoti");
        assert_eq!(v.get("Negotiating"), Some(t[2].term));
    }
}
