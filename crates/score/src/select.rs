use crate::Features;

/// Chooses key points from scored sentences: highest first, skipping any that
/// repeat an already chosen one (maximal marginal relevance), within a point
/// count and a word budget. Built with setters; see each for its default.
#[derive(Debug, Clone)]
pub struct Selector {
    points: usize,
    words: usize,
    redundancy: f32,
    lambda: f32,
    min_words: usize,
    skip_quote_fragments: bool,
    containment: f32,
}

impl Default for Selector {
    fn default() -> Self {
        Selector {
            points: 5,
            words: 200,
            redundancy: 0.35,
            lambda: 0.7,
            min_words: 5,
            skip_quote_fragments: true,
            containment: 0.6,
        }
    }
}

/// A sentence chosen by a [`Selector`].
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Its score from the method (before redundancy discounting).
    pub score: f32,
    /// 0-based order in which it was chosen (0 = chosen first, the most important).
    pub rank: usize,
}

impl Selector {
    /// A selector with the defaults.
    pub fn new() -> Selector {
        Selector::default()
    }

    /// How many sentences to choose at most. By default, 5.
    pub fn points(&mut self, n: usize) -> &mut Selector {
        self.points = n;
        self
    }

    /// Word budget for all chosen sentences together; a sentence that does not
    /// fit is skipped, never cut. By default, 200 words.
    pub fn words(&mut self, n: usize) -> &mut Selector {
        self.words = n;
        self
    }

    /// Cosine similarity above which a sentence counts as repeating one
    /// already chosen, and is never chosen. By default, 0.35.
    pub fn redundancy(&mut self, max_cosine: f32) -> &mut Selector {
        self.redundancy = max_cosine;
        self
    }

    /// Share of a shorter sentence's content terms found in a chosen one
    /// above which it counts as repeating it (see [`Features::containment`]).
    /// By default, 0.6.
    pub fn containment(&mut self, max: f32) -> &mut Selector {
        self.containment = max;
        self
    }

    /// MMR trade-off between score (1.0) and novelty (0.0). By default, 0.7.
    pub fn lambda(&mut self, lambda: f32) -> &mut Selector {
        self.lambda = lambda;
        self
    }

    /// Sentences shorter than this many words are not chosen. By default, 5.
    pub fn min_words(&mut self, n: usize) -> &mut Selector {
        self.min_words = n;
        self
    }

    /// Skip sentences that are pieces of quotations (see
    /// [`Features::quote_fragment`]). By default, enabled.
    pub fn skip_quote_fragments(&mut self, yes: bool) -> &mut Selector {
        self.skip_quote_fragments = yes;
        self
    }

    /// Choose sentences. `scores` has one value per sentence, rescaled to
    /// `[0, 1]`. Sentences in `taken` are treated as already shown (for
    /// redundancy) but not returned. The result is in reading order.
    pub fn select(&self, features: &Features, scores: &[f32], taken: &[usize]) -> Vec<Pick> {
        let n = scores.len();
        let mut chosen: Vec<Pick> = Vec::with_capacity(self.points);
        let mut budget = self.words;
        let mut max_sim = vec![0.0f32; n];
        let mut repeats = vec![false; n];
        let mut open: Vec<usize> = (0..n)
            .filter(|&i| !taken.contains(&i) && features.words[i] >= self.min_words)
            .filter(|&i| !(self.skip_quote_fragments && features.quote_fragment[i]))
            .collect();
        // Redundancy is only ever read for sentences still open.
        let mut dense = vec![0.0f32; features.df.len()];
        for &t in taken {
            compare(features, t, &open, &mut dense, |j, sim, contained| {
                max_sim[j] = max_sim[j].max(sim);
                repeats[j] |= contained > self.containment;
            });
        }
        while chosen.len() < self.points && !open.is_empty() {
            // Redundancy only grows and the budget only shrinks: a sentence
            // ruled out now stays out.
            open.retain(|&i| !(max_sim[i] > self.redundancy || repeats[i] || features.words[i] > budget));
            let mut best: Option<(usize, f32)> = None;
            for (k, &i) in open.iter().enumerate() {
                if max_sim[i] > self.redundancy || repeats[i] || features.words[i] > budget {
                    continue;
                }
                let mmr = self.lambda * scores[i] - (1.0 - self.lambda) * max_sim[i];
                // Ties go to the earlier sentence: deterministic and lead-friendly.
                if best.is_none_or(|(_, b)| mmr > b) {
                    best = Some((k, mmr));
                }
            }
            let Some((k, _)) = best else { break };
            let i = open.remove(k);
            budget -= features.words[i];
            chosen.push(Pick { sentence: i, score: scores[i], rank: chosen.len() });
            if chosen.len() < self.points {
                compare(features, i, &open, &mut dense, |j, sim, contained| {
                    max_sim[j] = max_sim[j].max(sim);
                    repeats[j] |= contained > self.containment;
                });
            }
        }
        chosen.sort_by_key(|p| p.sentence);
        chosen
    }
}

/// Call `f(j, cosine, containment)` for sentence `i` against each of `others`
/// (the values of [`Features::sim`] and [`Features::containment`]), through
/// [`attache_parse::fast::similarities`] (`dense`: all zeros, as long as the
/// vocabulary; left zeroed).
#[inline]
fn compare(
    features: &Features,
    i: usize,
    others: &[usize],
    dense: &mut [f32],
    f: impl FnMut(usize, f32, f32),
) {
    let v = &features.vectors;
    attache_parse::fast::similarities(&v[i], others.iter().map(|&j| (j, v[j].as_slice())), dense, f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_parse::{Document, read_text};

    /// The selector's fast comparison agrees with [`Features::sim`] and
    /// [`Features::containment`] on every pair of a real document's sentences.
    #[test]
    fn fast_similarity_agrees_with_features() {
        let doc = Document::new(
            read_text(
                "Talks resume\n\nEnvoys met in Geneva on Monday to resume the grain talks. The talks \
                 in Geneva resumed after a month. Envoys said the grain deal was close. A vote follows \
                 next week in Geneva. Nobody expected the month-long pause to end so soon.",
            )
            .expect("text"),
        );
        let f = Features::new(&doc);
        let mut dense = vec![0.0; f.df.len()];
        let all: Vec<usize> = (0..f.len()).collect();
        for i in 0..f.len() {
            compare(&f, i, &all, &mut dense, |j, sim, contained| {
                assert_eq!(sim, f.sim(i, j), "{i} {j}");
                assert_eq!(contained, f.containment(i, j), "{i} {j}");
            });
        }
        assert!(f.sim(0, 1) > 0.0);
    }
}
