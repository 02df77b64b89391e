//! Interning of terms: each thread's memory of the words it has tokenized
//! (lower-cased word -> Snowball stem id, stopword?), so that a known word
//! costs one probe of a table keyed inline instead of a stemming. The
//! lexicon is cleared when it holds [`LEXICON_LIMIT`] words (the reset path),
//! and a document that meets a full lexicon keeps its new stems to itself
//! (the overflow path).
//! Plain twin: stemming every word (`STEMMER.stem` of the lower-cased word)
//! and numbering the stems in order of appearance (tests `interning_agrees_with_plain_stemming`,
//! `lexicon_reset_and_overflow_agree_with_plain_stemming`).

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;

use crate::token::{STEMMER, Vocabulary, is_stopword, lower_into};

/// Words kept in each thread's [`Lexicon`] before it is cleared.
pub(crate) const LEXICON_LIMIT: usize = 200_000;

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
    /// Words kept before the lexicon is cleared: [`LEXICON_LIMIT`], less in tests.
    limit: usize,
}

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon { limit: LEXICON_LIMIT, ..Lexicon::default() });
}

/// Tokenizes the text of one document into one [`Vocabulary`], holding the
/// thread's lexicon for the whole document.
pub(crate) struct Tokenizer<'a> {
    lex: &'a mut Lexicon,
    vocab: &'a mut Vocabulary,
    /// Stems the full lexicon could not take, for this document only.
    overflow: FxHashMap<Box<str>, u32>,
}

/// Set this thread's lexicon limit and clear the lexicon, so that tests reach
/// the reset and overflow paths with a few words.
#[cfg(test)]
pub(crate) fn reset_lexicon(limit: usize) {
    LEXICON.with_borrow_mut(|lex| *lex = Lexicon { limit, ..Lexicon::default() });
}

/// Run `f` with a tokenizer that interns terms into `vocab`. `vocab` must be
/// built by one tokenizer only (its term ids are the tokenizer's).
pub(crate) fn with_tokenizer<R>(vocab: &mut Vocabulary, f: impl FnOnce(&mut Tokenizer<'_>) -> R) -> R {
    LEXICON.with_borrow_mut(|lex| {
        if lex.short.len() + lex.long.len() >= lex.limit {
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
    /// Document term id of a word, and whether it is a stopword.
    pub(crate) fn intern(&mut self, word: &str) -> (u32, bool) {
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
        if lex.short.len() + lex.long.len() >= lex.limit {
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
