//! Evaluation metrics for Attaché.
//!
//! Each module scores one part of the pipeline against a reference set. The
//! datasets live outside the repository; the `attache eval` commands take a
//! path to them.
//!
//! - [`html`]: shingle precision/recall/F1 of HTML main-content extraction, as in the
//!   article-extraction benchmark.
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

pub mod html;
pub mod rouge;
pub mod summaries;
