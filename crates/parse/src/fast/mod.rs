//! Byte-level fast paths, each next to the plain version it must agree with.
//!
//! Tokenizing, white-space handling and sentence comparison run over every
//! article, so each has a fast version that reads bytes (eight at a time
//! where it can) or caches what it learnt. Each fast version has one plain,
//! obviously correct twin, and the tests of this module check that the two
//! agree, on hand-picked cases and on seeded random strings (xorshift,
//! the same strings on every run) or property tests:
//!
//! | fast path | where | plain twin |
//! |---|---|---|
//! | [`words`], [`count_words`], [`collapse_ws`] | `space` | `str::split_whitespace` |
//! | word boundaries of ASCII text (`AsciiWords`) | `words` | `unicode_segmentation::unicode_word_indices` |
//! | the upper-case test (`has_uppercase`) | `case` | `s.chars().any(char::is_uppercase)` |
//! | term interning: the thread's lexicon, its reset when full and the per-document overflow | `intern` | stemming every word |
//! | the selector's similarity ([`similarities`]) | `similarity` | merge joins of two sorted vectors |
//!
//! Why here: the fast paths are the parse crate's (tokens, white space) but
//! for the selector's similarity, which the score crate calls; keeping them
//! in one module keeps the tricks, and the proof that they are only tricks,
//! in one place. Only [`similarities`] is public: the others serve the
//! crate's own public functions. One byte-level fast path lives elsewhere:
//! the extractor's case-insensitive lookups of words packed into a `u128`
//! (`attache-extract`, module `lexicon::packed`, with its own agreement
//! test), because it serves nothing but the extractor's word tables.

mod case;
mod intern;
mod similarity;
mod space;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use case::has_uppercase;
pub(crate) use intern::{Tokenizer, with_tokenizer};
pub use similarity::similarities;
pub use space::{Words, collapse_ws, count_words, words};
pub(crate) use words::for_each_word;
