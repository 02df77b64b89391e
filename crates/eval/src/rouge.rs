//! ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed exactly as Google's
//! Python package `rouge-score` 0.1.2 does with `use_stemmer=True`.
//!
//! The steps, in the package's order:
//!
//! 1. **Tokens.** The text is lower-cased (full Unicode lower-casing, as
//!    Python's `str.lower`), every character outside `[a-z0-9]` becomes a
//!    separator, and the tokens are the runs that remain. Tokens longer than
//!    three characters go through NLTK's Porter stemmer (its default
//!    `NLTK_EXTENSIONS` mode, via the `nltk-porter` crate in [`Mode::Nltk`]);
//!    shorter ones are kept as they are. This is the original Porter
//!    algorithm with NLTK's extensions, *not* Snowball: `dying` → `die`,
//!    `skies` → `sky`, `hopefully` → `hope`, `news` → `news`.
//! 2. **ROUGE-N** counts clipped n-gram matches: precision divides by the
//!    candidate's n-gram count, recall by the reference's (each at least 1).
//! 3. **ROUGE-L** is the longest common subsequence of the two token lists.
//! 4. **ROUGE-Lsum** splits both texts on `\n` (dropping empty lines), takes
//!    for each reference sentence the *union* of its LCS with every candidate
//!    sentence, and counts a union token as a hit only while that token has
//!    not been used up in either text (the package's double-counting guard).
//! 5. **F-measure** is `2·P·R / (P + R)`, or 0 when both are 0.
//!
//! Ties in the LCS back-trace are broken as the package breaks them, so the
//! union (and therefore ROUGE-Lsum) matches it exactly, not just in value of
//! the LCS length. A test compares every score with values produced by
//! `rouge-score` itself on pairs of texts this project wrote
//! (`tests/data/rouge_pairs.jsonl`, made by `scripts/make_rouge_fixture.py`).
//!
//! ```
//! use attache_eval::rouge::{Rouge, tokenize};
//!
//! // Lower-cased, punctuation dropped, Porter stems for words over 3 letters.
//! assert_eq!(tokenize("The skies over Kyiv: 2 dying hopes."), ["the", "sky", "over", "kyiv", "2", "die", "hope"]);
//!
//! let mut rouge = Rouge::new();
//! let s = rouge.score(
//!     "Ministers agreed a ceasefire.\nTalks resume on Monday.",
//!     "Talks resume on Monday.\nMinisters agreed to a ceasefire.",
//! );
//! assert!((s.rouge1.recall - 1.0).abs() < 1e-12);
//! assert!((s.rouge1.precision - 8.0 / 9.0).abs() < 1e-12);
//! // Sentence order does not matter to ROUGE-Lsum, but it does to ROUGE-L.
//! assert!(s.rouge_lsum.fmeasure > s.rouge_l.fmeasure);
//! ```

use std::collections::HashMap;

use nltk_porter::{Mode, PorterStemmer};

/// Precision, recall and F-measure of one ROUGE variant, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Matches divided by the size of the candidate.
    pub precision: f64,
    /// Matches divided by the size of the reference.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    /// A score from precision and recall, with the package's F-measure.
    pub fn new(precision: f64, recall: f64) -> Score {
        Score { precision, recall, fmeasure: fmeasure(precision, recall) }
    }
}

/// The four ROUGE variants for one reference–candidate pair.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RougeScores {
    /// Unigram overlap (`rouge1`).
    pub rouge1: Score,
    /// Bigram overlap (`rouge2`).
    pub rouge2: Score,
    /// Longest common subsequence over the whole texts (`rougeL`).
    pub rouge_l: Score,
    /// Summary-level union LCS over `\n`-separated sentences (`rougeLsum`).
    pub rouge_lsum: Score,
}

/// The package's F-measure: `2·P·R / (P + R)`, evaluated in the same order.
fn fmeasure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 }
}

/// Calls `f` with every token of `text` before stemming: maximal runs of
/// `[a-z0-9]` after Unicode lower-casing.
fn raw_tokens(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    let push = |c: char, buf: &mut String, f: &mut dyn FnMut(&str)| {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            buf.push(c);
        } else if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), buf, &mut f);
        } else {
            // A few non-ASCII letters lower-case to ASCII (KELVIN SIGN → k,
            // İ → i + combining dot), as in Python.
            for l in c.to_lowercase() {
                push(l, buf, &mut f);
            }
        }
    }
    if !buf.is_empty() {
        f(buf);
        buf.clear();
    }
}

/// The tokens `rouge-score` compares for `text` (with stemming), as strings.
///
/// ```
/// assert_eq!(attache_eval::rouge::tokenize("U.S. news, 3.5%"), ["u", "s", "news", "3", "5"]);
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    let stemmer = PorterStemmer::new(Mode::Nltk);
    let mut out = Vec::new();
    raw_tokens(text, &mut String::new(), |t| {
        let s = if t.len() > 3 { stemmer.stem(t) } else { t.to_owned() };
        if !s.is_empty() {
            out.push(s);
        }
    });
    out
}

/// Score one reference against one candidate with a fresh [`Rouge`].
///
/// To score many pairs, keep one [`Rouge`] and call [`Rouge::score`]: it
/// remembers stems between calls.
pub fn score(reference: &str, candidate: &str) -> RougeScores {
    Rouge::new().score(reference, candidate)
}

/// A reusable ROUGE scorer. It caches the stem of every word it has seen and
/// reuses its buffers, so scoring many pairs allocates little.
pub struct Rouge {
    stemmer: PorterStemmer,
    /// Raw token → id of its stem.
    by_raw: HashMap<Box<str>, u32>,
    /// Stem → id.
    by_stem: HashMap<Box<str>, u32>,
    buf: String,
    /// Remaining-count scratch, indexed by term id.
    counts_r: Vec<i32>,
    counts_c: Vec<i32>,
    table: Vec<u32>,
}

impl Default for Rouge {
    fn default() -> Self {
        Rouge::new()
    }
}

impl std::fmt::Debug for Rouge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rouge").field("terms", &self.by_stem.len()).finish_non_exhaustive()
    }
}

/// Tokens of a text split into `\n`-separated sentences.
#[derive(Default)]
struct Sents {
    /// Token ids of all sentences, concatenated.
    ids: Vec<u32>,
    /// Range ends of each sentence in `ids`.
    ends: Vec<usize>,
}

impl Sents {
    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0;
        self.ends.iter().map(move |&e| {
            let s = &self.ids[start..e];
            start = e;
            s
        })
    }
}

impl Rouge {
    /// A scorer with NLTK's Porter stemmer, as `RougeScorer(..., use_stemmer=True)`.
    pub fn new() -> Rouge {
        Rouge {
            stemmer: PorterStemmer::new(Mode::Nltk),
            by_raw: HashMap::new(),
            by_stem: HashMap::new(),
            buf: String::new(),
            counts_r: Vec::new(),
            counts_c: Vec::new(),
            table: Vec::new(),
        }
    }

    fn intern(&mut self, raw: &str) -> Option<u32> {
        if let Some(&id) = self.by_raw.get(raw) {
            return Some(id);
        }
        let stem = if raw.len() > 3 { self.stemmer.stem(raw) } else { raw.to_owned() };
        if stem.is_empty() {
            return None;
        }
        let next = self.by_stem.len() as u32;
        let id = *self.by_stem.entry(stem.into_boxed_str()).or_insert(next);
        self.by_raw.insert(raw.into(), id);
        Some(id)
    }

    /// Tokenize `text` into sentences (split on `\n`, empty lines dropped,
    /// as `rougeLsum` does). The concatenation is the token list of the whole text.
    fn sentences(&mut self, text: &str) -> Sents {
        let mut out = Sents::default();
        let mut buf = std::mem::take(&mut self.buf);
        for line in text.split('\n').filter(|l| !l.is_empty()) {
            raw_tokens(line, &mut buf, |t| {
                if let Some(id) = self.intern(t) {
                    out.ids.push(id);
                }
            });
            out.ends.push(out.ids.len());
        }
        self.buf = buf;
        out
    }

    /// All four ROUGE variants of `candidate` against `reference`.
    ///
    /// Sentences for ROUGE-Lsum are the `\n`-separated lines of each text;
    /// the other variants ignore line breaks.
    pub fn score(&mut self, reference: &str, candidate: &str) -> RougeScores {
        let r = self.sentences(reference);
        let c = self.sentences(candidate);
        // Splitting on '\n' never splits a token ('\n' is a separator), so
        // the concatenated sentence tokens are the whole-text tokens.
        let n_terms = self.by_stem.len();
        RougeScores {
            rouge1: self.ngrams(&r.ids, &c.ids, 1, n_terms),
            rouge2: self.ngrams(&r.ids, &c.ids, 2, n_terms),
            rouge_l: self.lcs_score(&r.ids, &c.ids),
            rouge_lsum: self.lsum(&r, &c, n_terms),
        }
    }

    fn ngrams(&mut self, r: &[u32], c: &[u32], n: usize, n_terms: usize) -> Score {
        let total_r = (r.len() + 1).saturating_sub(n);
        let total_c = (c.len() + 1).saturating_sub(n);
        let hits = if n == 1 {
            self.counts_r.clear();
            self.counts_r.resize(n_terms, 0);
            for &t in r {
                self.counts_r[t as usize] += 1;
            }
            let mut hits = 0usize;
            for &t in c {
                let k = &mut self.counts_r[t as usize];
                if *k > 0 {
                    *k -= 1;
                    hits += 1;
                }
            }
            hits
        } else {
            let mut counts: HashMap<&[u32], i32> = HashMap::with_capacity(total_r);
            for g in r.windows(n) {
                *counts.entry(g).or_insert(0) += 1;
            }
            let mut hits = 0usize;
            for g in c.windows(n) {
                if let Some(k) = counts.get_mut(g)
                    && *k > 0
                {
                    *k -= 1;
                    hits += 1;
                }
            }
            hits
        };
        let p = hits as f64 / total_c.max(1) as f64;
        let rc = hits as f64 / total_r.max(1) as f64;
        Score::new(p, rc)
    }

    /// Fill `self.table` with the LCS table of `a` (rows) and `b` (columns),
    /// `(a.len()+1) × (b.len()+1)`, and return the LCS length.
    fn fill_table(&mut self, a: &[u32], b: &[u32]) -> u32 {
        let w = b.len() + 1;
        self.table.clear();
        self.table.resize((a.len() + 1) * w, 0);
        let t = &mut self.table;
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                t[i * w + j] = if a[i - 1] == b[j - 1] {
                    t[(i - 1) * w + j - 1] + 1
                } else {
                    t[(i - 1) * w + j].max(t[i * w + j - 1])
                };
            }
        }
        t[a.len() * w + b.len()]
    }

    fn lcs_score(&mut self, r: &[u32], c: &[u32]) -> Score {
        if r.is_empty() || c.is_empty() {
            return Score::default();
        }
        let l = self.fill_table(r, c) as f64;
        Score::new(l / c.len() as f64, l / r.len() as f64)
    }

    /// Mark in `hit` the positions of `a` on one LCS with `b`, back-tracing
    /// as the package does (on a tie, step up in `a`).
    fn mark_lcs(&mut self, a: &[u32], b: &[u32], hit: &mut [bool]) {
        self.fill_table(a, b);
        let w = b.len() + 1;
        let t = &self.table;
        let (mut i, mut j) = (a.len(), b.len());
        while i > 0 && j > 0 {
            if a[i - 1] == b[j - 1] {
                hit[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if t[i * w + j - 1] > t[(i - 1) * w + j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
    }

    fn lsum(&mut self, r: &Sents, c: &Sents, n_terms: usize) -> Score {
        if r.ends.is_empty() || c.ends.is_empty() {
            return Score::default();
        }
        let m = r.ids.len();
        let n = c.ids.len();
        if m == 0 || n == 0 {
            return Score::default();
        }
        let mut counts_r = std::mem::take(&mut self.counts_r);
        let mut counts_c = std::mem::take(&mut self.counts_c);
        counts_r.clear();
        counts_r.resize(n_terms, 0);
        counts_c.clear();
        counts_c.resize(n_terms, 0);
        for &t in &r.ids {
            counts_r[t as usize] += 1;
        }
        for &t in &c.ids {
            counts_c[t as usize] += 1;
        }
        let mut hits = 0usize;
        let mut union = Vec::new();
        for rs in r.iter() {
            union.clear();
            union.resize(rs.len(), false);
            for cs in c.iter() {
                self.mark_lcs(rs, cs, &mut union);
            }
            for (&t, _) in rs.iter().zip(&union).filter(|(_, u)| **u) {
                let (kc, kr) = (&mut counts_c[t as usize], &mut counts_r[t as usize]);
                if *kc > 0 && *kr > 0 {
                    hits += 1;
                    *kc -= 1;
                    *kr -= 1;
                }
            }
        }
        self.counts_r = counts_r;
        self.counts_c = counts_c;
        Score::new(hits as f64 / n as f64, hits as f64 / m as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_follow_rouge_score_rules() {
        assert_eq!(
            tokenize("Hopefully the NEWS is dying down; skies clear."),
            ["hope", "the", "news", "is", "die", "down", "sky", "clear"]
        );
        // Three letters or fewer are never stemmed ("was", "has" stay).
        assert_eq!(tokenize("was has ties"), ["was", "has", "tie"]);
        // Non-ASCII letters are separators; numbers split at punctuation.
        assert_eq!(tokenize("Zürich’s $1.2bn"), ["z", "rich", "s", "1", "2bn"]);
        assert!(tokenize("—, !").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let t = "The envoy met the minister.\nThey agreed to meet again.";
        let s = score(t, t);
        for v in [s.rouge1, s.rouge2, s.rouge_l, s.rouge_lsum] {
            assert!(close(v.precision, 1.0) && close(v.recall, 1.0) && close(v.fmeasure, 1.0), "{v:?}");
        }
    }

    #[test]
    fn empty_sides_score_zero() {
        let s = score("", "Talks resumed.");
        assert_eq!(s, RougeScores::default());
        let s = score("Talks resumed.", "!!!");
        assert_eq!(s.rouge1, Score::default());
        assert_eq!(s.rouge_lsum, Score::default());
    }

    #[test]
    fn rouge2_clips_repeated_bigrams() {
        // Reference has "the talks" once; candidate twice → one hit.
        let s = score("the talks failed", "the talks the talks");
        assert!(close(s.rouge2.recall, 1.0 / 2.0));
        assert!(close(s.rouge2.precision, 1.0 / 3.0));
        assert!(close(s.rouge1.precision, 2.0 / 4.0));
    }

    #[test]
    fn lsum_union_counts_each_token_once() {
        // Both candidate sentences share "ceasefire holds" with the reference
        // sentence, but the reference has it once, so it is counted once.
        let s = score("the ceasefire holds", "ceasefire holds\nceasefire holds today");
        assert!(close(s.rouge_lsum.recall, 2.0 / 3.0));
        assert!(close(s.rouge_lsum.precision, 2.0 / 5.0));
    }

    #[test]
    fn reused_scorer_matches_fresh_one() {
        let mut r = Rouge::new();
        let a = r.score("Skies darkened over the capital.", "The capital's skies darkened.");
        let _ = r.score("unrelated words entirely", "nothing in common here");
        let b = r.score("Skies darkened over the capital.", "The capital's skies darkened.");
        assert_eq!(a, b);
        assert_eq!(a, score("Skies darkened over the capital.", "The capital's skies darkened."));
    }
}
