use attache_parse::Document;

use crate::{Features, Scorer};

/// A weighted sum of scorers, each rescaled to `[0, 1]` within the document.
///
/// The per-scorer rescaled values are kept, so each selected sentence can
/// show which parts its score came from.
pub struct Combined {
    parts: Vec<(Box<dyn Scorer>, f32)>,
}

impl std::fmt::Debug for Combined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.parts.iter().map(|(s, w)| (s.name(), w))).finish()
    }
}

impl Combined {
    /// An empty combination; add scorers with [`Combined::with`].
    pub fn new() -> Combined {
        Combined { parts: Vec::new() }
    }

    /// Add a scorer with a weight.
    pub fn with(mut self, scorer: impl Scorer + 'static, weight: f32) -> Combined {
        self.parts.push((Box::new(scorer), weight));
        self
    }

    /// The scorers and their weights.
    pub fn parts(&self) -> impl Iterator<Item = (&dyn Scorer, f32)> {
        self.parts.iter().map(|(s, w)| (s.as_ref(), *w))
    }

    /// Score every sentence: the total, and the rescaled value of each part
    /// (`parts[k][i]` for scorer `k`, sentence `i`).
    pub fn score_parts(&self, doc: &Document, features: &Features) -> (Vec<f32>, Vec<Vec<f32>>) {
        let n = features.len();
        let mut total = vec![0.0f32; n];
        let mut parts = Vec::with_capacity(self.parts.len());
        for (scorer, weight) in &self.parts {
            let mut v = vec![0.0f32; n];
            scorer.score(doc, features, &mut v);
            rescale(&mut v);
            for (t, x) in total.iter_mut().zip(&v) {
                *t += weight * x;
            }
            parts.push(v);
        }
        (total, parts)
    }
}

impl Default for Combined {
    fn default() -> Self {
        Combined::new()
    }
}

/// Min-max rescale to `[0, 1]`; a constant vector becomes all zeros.
pub(crate) fn rescale(v: &mut [f32]) {
    let (lo, hi) = v.iter().fold((f32::MAX, f32::MIN), |(l, h), &x| (l.min(x), h.max(x)));
    let span = hi - lo;
    for x in v.iter_mut() {
        *x = if span > f32::EPSILON && x.is_finite() { (*x - lo) / span } else { 0.0 };
    }
}
