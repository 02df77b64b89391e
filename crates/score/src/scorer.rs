use attache_parse::Document;

use crate::Features;

/// Scores every sentence of a document; higher means more worth showing.
///
/// Scorers are stateless after construction and `Send + Sync`, so one set is
/// built per run and shared across threads. A scorer writes exactly one value
/// per sentence into `out` (`out.len() == doc.sentences.len()`); values are
/// only compared within one document, and [`Combined`](crate::Combined)
/// rescales them to `[0, 1]` before weighting.
pub trait Scorer: Send + Sync {
    /// Short lower-case name, used in score breakdowns and method names.
    fn name(&self) -> &'static str;
    /// Score each sentence of `doc` into `out`.
    fn score(&self, doc: &Document, features: &Features, out: &mut [f32]);
}
