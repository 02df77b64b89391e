use attache_parse::Document;

use crate::{Features, Scorer, features::cosine};

/// Overlap with the headline: TF-IDF cosine between a sentence and the title.
///
/// Documents without a headline score every sentence 0, which leaves the
/// other scorers to decide.
#[derive(Debug, Clone, Default)]
pub struct TitleOverlap;

impl Scorer for TitleOverlap {
    fn name(&self) -> &'static str {
        "title"
    }

    fn score(&self, _doc: &Document, features: &Features, out: &mut [f32]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = cosine(&features.vectors[i], &features.title);
        }
    }
}
