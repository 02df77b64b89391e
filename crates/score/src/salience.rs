use attache_parse::Document;

use crate::{Features, Scorer};

/// Topic salience: how much of a sentence's vocabulary the rest of the
/// article keeps returning to.
///
/// For sentence `i` with distinct content terms `T_i` (stopwords dropped,
/// stems merged), the score is
///
/// ```text
/// Σ_{t ∈ T_i} √(n_t) / √|T_i|
/// ```
///
/// where `n_t` is the number of *other* sentences that contain `t`. It is the
/// degree of sentence `i` in the word-overlap graph (how many words it shares
/// with every other sentence), with two dampers chosen on the dev sets: the
/// square root on `n_t` keeps one very frequent term (the country in a story
/// about a country) from outweighing several topical ones, and the division
/// by `√|T_i|` lets long sentences gain from covering more of the topic, but
/// less than linearly. Linear `n_t` scored ~0.1–0.2 lower on CNN/DailyMail
/// (0.3 higher on BBC); dividing by `|T_i|` (a mean) or not dividing at all
/// was worse on CNN/DailyMail by 0.5–0.7 ROUGE-1 (measured with linear `n_t`;
/// see `docs/benchmarks.md`).
///
/// It costs one pass over the sentence vectors: no pairwise similarities.
#[derive(Debug, Clone, Copy, Default)]
pub struct Salience;

impl Scorer for Salience {
    fn name(&self) -> &'static str {
        "salience"
    }

    fn score(&self, _doc: &Document, f: &Features, out: &mut [f32]) {
        for (o, v) in out.iter_mut().zip(&f.vectors) {
            if v.is_empty() {
                *o = 0.0;
                continue;
            }
            let sum: f32 = v.iter().map(|&(t, _)| (f.df[t as usize].saturating_sub(1) as f32).sqrt()).sum();
            *o = sum / (v.len() as f32).sqrt();
        }
    }
}
