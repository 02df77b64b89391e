//! Key points by coverage: the sentences that say most of what a story's
//! articles agree on, and little that is already said.
//!
//! A content term used by at least [`MIN_ARTICLES`] of a story's articles is
//! one of the story's *concepts*, weighted by how many of them use it: what
//! several reports of one event repeat is what the event is about. This is
//! the concept weighting of Gillick and Favre's summarizer, with content
//! terms for its bigrams and a greedy choice for its integer program. A
//! sentence's coverage is the weight of the concepts it adds to what the story
//! already shows, per term of the sentence, so that a short sentence that
//! says the main facts beats a long one that says them among many others.

use rustc_hash::{FxHashMap, FxHashSet};

use super::DayArticle;

/// Articles of a story that must use a term for it to be a concept.
pub(super) const MIN_ARTICLES: f32 = 2.0;

/// The concepts of one story.
pub(super) struct Concepts {
    weight: FxHashMap<u32, f32>,
    /// The densest sentence's coverage, to scale coverage to `[0, 1]`.
    best: f32,
}

impl Concepts {
    /// Count, for each term, the story's articles that use it.
    pub(super) fn new(arts: &[DayArticle], members: &[usize]) -> Concepts {
        let mut weight: FxHashMap<u32, f32> = FxHashMap::default();
        for &i in members {
            for &(t, _) in &arts[i].vector {
                *weight.entry(t).or_default() += 1.0;
            }
        }
        weight.retain(|_, w| *w >= MIN_ARTICLES);
        let mut concepts = Concepts { weight, best: 0.0 };
        let mut best = 0f32;
        for &i in members {
            for s in &arts[i].sentences {
                best = best.max(concepts.density(arts[i].sentence_vector(s), None));
            }
        }
        concepts.best = best;
        concepts
    }

    /// Weight of the sentence's concepts not in `covered`, per term.
    fn density(&self, terms: &[(u32, f32)], covered: Option<&FxHashSet<u32>>) -> f32 {
        if terms.is_empty() || self.weight.is_empty() {
            return 0.0;
        }
        let sum: f32 = terms
            .iter()
            .filter(|(t, _)| covered.is_none_or(|c| !c.contains(t)))
            .filter_map(|(t, _)| self.weight.get(t))
            .sum();
        sum / terms.len() as f32
    }

    /// Coverage of a sentence in `[0, 1]`: 1 for the story's densest sentence
    /// when nothing is covered yet.
    pub(super) fn coverage(&self, terms: &[(u32, f32)], covered: Option<&FxHashSet<u32>>) -> f32 {
        if self.best > 0.0 { self.density(terms, covered) / self.best } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(weights: &[(u32, f32)], best: f32) -> Concepts {
        Concepts { weight: weights.iter().copied().collect(), best }
    }

    #[test]
    fn coverage_counts_only_shared_uncovered_terms_per_term() {
        let c = concepts(&[(1, 3.0), (2, 2.0)], 2.5);
        // Terms 1 and 2 are concepts; 7 is not (used by one article only).
        let s = [(1, 0.5), (2, 0.5), (7, 0.7)];
        assert!((c.coverage(&s, None) - (5.0 / 3.0) / 2.5).abs() < 1e-6);
        let covered: FxHashSet<u32> = [1].into_iter().collect();
        assert!((c.coverage(&s, Some(&covered)) - (2.0 / 3.0) / 2.5).abs() < 1e-6);
        // A shorter sentence with the same concepts covers more per term.
        assert!(c.coverage(&[(1, 0.5), (2, 0.5)], None) > c.coverage(&s, None));
        assert_eq!(c.coverage(&[], None), 0.0);
        assert_eq!(concepts(&[], 0.0).coverage(&s, None), 0.0);
    }
}
