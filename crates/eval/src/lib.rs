//! Evaluation metrics and evaluation-set readers for Attaché.
//!
//! This crate holds what is measured and what it is measured against: the
//! metrics, and readers of the reference sets (which live outside the
//! repository; the `attache eval` commands take a path to them). It never
//! briefs anything itself: every function takes the system's output
//! (candidate summaries, predicted spans, extracted text) as input. The
//! runners that make that output with the product, and so measure what users
//! get, are the `attache eval …` commands in the `attache` package
//! (`src/cmd/eval/`); that package depends on this one, never the reverse.
//!
//! - [`briefing`]: the briefing gold metric (people, roles, countries, quotes and
//!   speakers, positions, what next), from a briefing's JSON.
//! - [`summaries`]: summarisation sets (`{"id","title","text","summary"}`),
//!   mean ROUGE of candidate summaries per method, paired comparisons.
//! - [`clusters`]: multi-document clusters (DUC 2004 layout) and recall
//!   against several references.
//! - [`html`]: shingle precision/recall/F1 of HTML main-content extraction, as in the
//!   article-extraction benchmark, and its directory reader.
//! - [`ner`]: named entities, conlleval style (exact span and type).
//! - [`quotes`]: direct quotes and speakers, by span overlap.
//! - [`rouge`]: ROUGE-1/2/L/Lsum exactly as Google's `rouge-score` 0.1.2
//!   (`use_stemmer=True`).
//!
//! ```
//! let s = attache_eval::rouge::score(
//!     "The foreign ministers agreed a ceasefire.",
//!     "Foreign ministers agreed on a ceasefire on Monday.",
//! );
//! assert!(s.rouge1.recall > 0.8 && s.rouge1.precision < s.rouge1.recall);
//! ```
#![deny(missing_docs)]

pub mod briefing;
pub mod clusters;
pub mod html;
pub mod ner;
pub mod quotes;
pub mod rouge;
pub mod summaries;

/// A record of an evaluation file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A line is not the expected JSON record.
    #[error("line {line}")]
    Record {
        /// 1-based line number.
        line: usize,
        /// The JSON error.
        source: serde_json::Error,
    },
}

/// Precision, recall and F1 from counts; 0 when undefined.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Parse JSON Lines, skipping blank lines.
pub fn read_jsonl<T: serde::de::DeserializeOwned>(input: &str) -> Result<Vec<T>, ReadError> {
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|source| ReadError::Record { line: i + 1, source }))
        .collect()
}
