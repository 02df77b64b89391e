use attache_parse::Document;

use crate::{Features, Scorer};

/// News leads matter: earlier sentences score higher.
///
/// The score of sentence `i` is `1 / (1 + i / half_life)`, so it halves after
/// `half_life` sentences. A standfirst counts as the start of the article.
#[derive(Debug, Clone)]
pub struct Position {
    half_life: f32,
}

impl Position {
    /// A position prior that halves after `half_life` sentences (default 3).
    pub fn new(half_life: f32) -> Position {
        Position { half_life: half_life.max(0.1) }
    }
}

impl Default for Position {
    fn default() -> Self {
        Position::new(3.0)
    }
}

impl Scorer for Position {
    fn name(&self) -> &'static str {
        "position"
    }

    fn score(&self, _doc: &Document, _features: &Features, out: &mut [f32]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = 1.0 / (1.0 + i as f32 / self.half_life);
        }
    }
}

/// The lead baseline: sentence order alone.
#[derive(Debug, Clone, Default)]
pub struct Lead;

impl Scorer for Lead {
    fn name(&self) -> &'static str {
        "lead"
    }

    fn score(&self, _doc: &Document, _features: &Features, out: &mut [f32]) {
        let n = out.len() as f32;
        for (i, o) in out.iter_mut().enumerate() {
            *o = (n - i as f32) / n;
        }
    }
}
