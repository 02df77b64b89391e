//! Word tokens with byte offsets, and the terms (lower-cased Snowball stems)
//! that scoring compares.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::{LazyLock, OnceLock};

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

/// Is `lower` (already lower-cased) an English stopword?
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Words kept in each thread's [`Lexicon`] before it is cleared.
const LEXICON_LIMIT: usize = 200_000;

/// Longest lower-cased word (in bytes) stored inline in a [`Key`].
const INLINE: usize = 23;

/// A lower-cased word of up to [`INLINE`] bytes, stored inline (the last byte
/// is the length), so that a cache probe compares 24 bytes in the table
/// itself instead of following a pointer to a heap string.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key([u8; INLINE + 1]);

impl Key {
    /// The key of `word` (at most [`INLINE`] bytes), ASCII letters lower-cased.
    #[inline(always)]
    fn new(word: &str) -> Key {
        let mut key = [0u8; INLINE + 1];
        key[..word.len()].copy_from_slice(word.as_bytes());
        key[..word.len()].make_ascii_lowercase();
        key[INLINE] = word.len() as u8;
        Key(key)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for chunk in self.0.chunks_exact(8) {
            state.write_u64(u64::from_le_bytes(chunk.try_into().expect("8-byte chunk")));
        }
    }
}

/// What the lexicon knows of a word: its stem's id and whether it is a stopword.
#[derive(Clone, Copy)]
struct WordInfo {
    stem: u32,
    stop: bool,
}

/// Each thread's memory of the words it has tokenized: lower-cased word ->
/// (Snowball stem id, stopword?). In a batch most words have been seen
/// before, and stemming is the most expensive step of tokenization.
///
/// Stems get thread-wide ids; a document's [`Vocabulary`] maps them to its
/// own dense ids through `seen` (stamped with the document being built), so
/// interning a known word costs one probe of `short` and one array access.
#[derive(Default)]
struct Lexicon {
    /// Words of up to [`INLINE`] bytes.
    short: FxHashMap<Key, WordInfo>,
    /// Longer words.
    long: FxHashMap<Box<str>, WordInfo>,
    /// Stem -> stem id.
    stem_ids: FxHashMap<Box<str>, u32>,
    /// Stem id -> stem.
    stems: Vec<Box<str>>,
    /// Stem id -> (stamp of the document that last used it, its id there).
    seen: Vec<(u32, u32)>,
    /// Stamp of the document being built.
    stamp: u32,
    /// Scratch buffer for lower-casing.
    lower: String,
}

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::default());
}

/// Lower-case a word as tokens compare it (curly apostrophes made straight).
fn lower_into(word: &str, out: &mut String) {
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

/// Tokenizes the text of one document into one [`Vocabulary`], holding the
/// thread's lexicon for the whole document.
pub(crate) struct Tokenizer<'a> {
    lex: &'a mut Lexicon,
    vocab: &'a mut Vocabulary,
    /// Stems the full lexicon could not take, for this document only.
    overflow: FxHashMap<Box<str>, u32>,
}

/// Run `f` with a tokenizer that interns terms into `vocab`. `vocab` must be
/// built by one tokenizer only (its term ids are the tokenizer's).
pub(crate) fn with_tokenizer<R>(vocab: &mut Vocabulary, f: impl FnOnce(&mut Tokenizer<'_>) -> R) -> R {
    LEXICON.with_borrow_mut(|lex| {
        if lex.short.len() + lex.long.len() >= LEXICON_LIMIT {
            lex.short.clear();
            lex.long.clear();
            lex.stem_ids.clear();
            lex.stems.clear();
            lex.seen.clear();
        }
        lex.stamp = lex.stamp.wrapping_add(1);
        if lex.stamp == 0 {
            // After 2^32 documents: no stale stamp may match a new one.
            lex.seen.iter_mut().for_each(|s| s.0 = 0);
            lex.stamp = 1;
        }
        let mut t = Tokenizer { lex, vocab, overflow: FxHashMap::default() };
        f(&mut t)
    })
}

impl Tokenizer<'_> {
    /// Tokenize `text`, whose first byte is at offset `base` of the document,
    /// appending to `out`.
    pub(crate) fn tokenize(&mut self, text: &str, base: usize, out: &mut Vec<Token>) {
        for_each_word(text, |off, word| self.push(word, base + off, out));
    }

    /// Add the token of `word`, found at byte `at` of the document.
    #[inline(always)]
    fn push(&mut self, word: &str, at: usize, out: &mut Vec<Token>) {
        let (term, stop) = self.intern(word);
        let first = word.as_bytes()[0];
        let mut flags = 0;
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

    /// Document term id of a word, and whether it is a stopword.
    fn intern(&mut self, word: &str) -> (u32, bool) {
        // The common case: a short ASCII word the thread has seen before.
        if word.len() <= INLINE
            && word.is_ascii()
            && let Some(&info) = self.lex.short.get(&Key::new(word))
        {
            return self.local(info);
        }
        let mut lower = std::mem::take(&mut self.lex.lower);
        lower_into(word, &mut lower);
        let r = self.intern_lower(&lower);
        self.lex.lower = lower;
        r
    }

    /// [`Tokenizer::intern`] for a lower-cased word, learning it if new.
    /// Out of line, so that the hit path in `intern` stays small (inlined,
    /// this cost 0.5% more instructions per article).
    #[inline(never)]
    fn intern_lower(&mut self, lower: &str) -> (u32, bool) {
        let key = (lower.len() <= INLINE).then(|| Key::new(lower));
        let known = match key {
            Some(key) => self.lex.short.get(&key),
            None => self.lex.long.get(lower),
        };
        if let Some(&info) = known {
            return self.local(info);
        }
        let Some(info) = self.learn(lower) else { return self.overflow_term(lower) };
        match key {
            Some(key) => self.lex.short.insert(key, info),
            None => self.lex.long.insert(lower.into(), info),
        };
        self.local(info)
    }

    /// Stem a word the lexicon has not seen. `None` when the lexicon is full
    /// and the stem is new to it (the caller then keeps the term in this
    /// document only).
    fn learn(&mut self, lower: &str) -> Option<WordInfo> {
        let lex = &mut *self.lex;
        if lex.short.len() + lex.long.len() >= LEXICON_LIMIT {
            return None;
        }
        let stem = STEMMER.stem(lower);
        let id = match lex.stem_ids.get(stem.as_ref()) {
            Some(&id) => id,
            None => {
                let id = lex.stems.len() as u32;
                lex.stems.push(stem.as_ref().into());
                lex.stem_ids.insert(stem.as_ref().into(), id);
                lex.seen.push((0, 0));
                id
            }
        };
        Some(WordInfo { stem: id, stop: is_stopword(lower) })
    }

    /// The document id of a known stem, adding it to the vocabulary if new there.
    fn local(&mut self, info: WordInfo) -> (u32, bool) {
        let slot = &mut self.lex.seen[info.stem as usize];
        if slot.0 != self.lex.stamp {
            *slot = (self.lex.stamp, self.vocab.push(&self.lex.stems[info.stem as usize]));
        }
        (slot.1, info.stop)
    }

    /// Intern a word the full lexicon could not take.
    fn overflow_term(&mut self, lower: &str) -> (u32, bool) {
        let stem = STEMMER.stem(lower);
        let stop = is_stopword(lower);
        if let Some(&id) = self.lex.stem_ids.get(stem.as_ref()) {
            return self.local(WordInfo { stem: id, stop });
        }
        if let Some(&local) = self.overflow.get(stem.as_ref()) {
            return (local, stop);
        }
        let local = self.vocab.push(&stem);
        self.overflow.insert(stem.as_ref().into(), local);
        (local, stop)
    }
}

/// Call `f(offset, word)` for each word of `text`, exactly the words (and
/// offsets) of [`UnicodeSegmentation::unicode_word_indices`].
///
/// No word crosses an ASCII white-space character: under the Unicode word
/// rules white space never joins a letter or digit. So text is cut at ASCII
/// white space into pieces; pieces of pure ASCII go to the fast
/// [`AsciiWords`], the others to `unicode-segmentation`.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    if text.is_ascii() {
        AsciiWords::new(text).for_each(|(off, w)| f(off, w));
        return;
    }
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = b[start..].iter().position(|c| c.is_ascii_whitespace()).map_or(b.len(), |p| start + p);
        if end > start {
            let piece = &text[start..end];
            if piece.is_ascii() {
                AsciiWords::new(piece).for_each(|(off, w)| f(start + off, w));
            } else {
                piece.unicode_word_indices().for_each(|(off, w)| f(start + off, w));
            }
        }
        start = end + 1;
    }
}

/// The words of ASCII text, exactly as [`UnicodeSegmentation::unicode_word_indices`]
/// finds them (Unicode word boundaries, UAX #29, keeping the segments that
/// hold a letter or digit), without the general table lookups. In ASCII the
/// rules reduce to: letters, digits and `_` join; a letter run continues
/// over one `:`, `.` or `'` followed by a letter; a digit run over one `,`,
/// `;`, `.` or `'` followed by a digit. Everything else separates words.
struct AsciiWords<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> AsciiWords<'a> {
    fn new(text: &'a str) -> Self {
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
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let b = self.text.as_bytes();
        let class = |i: usize| CLASS[usize::from(b[i])];
        let mut i = self.pos;
        loop {
            i += b[i..].iter().position(|&c| CLASS[usize::from(c)] & JOIN != 0)?;
            let start = i;
            loop {
                i += b[i..].iter().position(|&c| CLASS[usize::from(c)] & JOIN == 0).unwrap_or(b.len() - i);
                // One connector between two letters or two digits continues the word.
                if i + 1 < b.len() {
                    let (prev, mid, next) = (class(i - 1), class(i), class(i + 1));
                    let letters = prev & next & ALPHA != 0 && mid & MID_LETTER != 0;
                    let digits = prev & next & DIGIT != 0 && mid & MID_NUM != 0;
                    if letters || digits {
                        i += 1;
                        continue;
                    }
                }
                break;
            }
            // Segments of `_` alone hold no letter or digit.
            if b[start..i].iter().any(|&c| c != b'_') {
                self.pos = i;
                return Some((start, &self.text[start..i]));
            }
        }
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
    fn push(&mut self, term: &str) -> u32 {
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
    fn ascii_words_agree_with_unicode_segmentation() {
        let alphabet: &[&str] = &[
            "a", "Z", "k", "7", "0", "_", ".", ",", ";", ":", "'", "\"", "-", " ", "  ", "\n", "\r\n", "\t",
            "(", ")", "$", "%", "/", "&", "!", "?", "U.S.", "3.5", "1,000", "don't", "a:b", "x_1", "__",
            "e-mail",
        ];
        let mut cases: Vec<String> = vec![
            "The U.S. envoy's 3.5% rise, 1,000 troops; at 10:30 on Feb. 4 -- talks_2 resumed.".into(),
            "rotor volgograd , one of russia 's leading clubs in the 1990s ( www.rotor-fc.com ) .".into(),
        ];
        cases.extend(crate::testutil::random_strings(alphabet, 5000, 24, 0x2545_f491_4f6c_dd1d));
        for s in &cases {
            let ours: Vec<(usize, &str)> = AsciiWords::new(s).collect();
            let lib: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            assert_eq!(ours, lib, "{s:?}");
        }
    }

    #[test]
    fn mixed_text_words_agree_with_unicode_segmentation() {
        let alphabet: &[&str] = &[
            "a", "Z", "7", "_", ".", ",", "'", ":", " ", "  ", "\n", "\t", "\r\n", "é", "Kyiv’s", "’", "‘",
            "“", "”", "—", "–", "\u{a0}", "\u{2009}", "\u{301}", "\u{200d}", "\u{200b}", "日本", "한국",
            "£5", "€", "½", "٣", "ß", "İ", "👍", "🇺🇦", "x\u{308}", "·", "״", "א", "ー", "カ", "\u{ad}",
            "\u{feff}",
        ];
        for s in crate::testutil::random_strings(alphabet, 20_000, 20, 0x9e37_79b9_7f4a_7c15) {
            let mut ours: Vec<(usize, &str)> = Vec::new();
            for_each_word(&s, |off, w| ours.push((off, w)));
            let lib: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            assert_eq!(ours, lib, "{s:?}");
        }
    }

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
