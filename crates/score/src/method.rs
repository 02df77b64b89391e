use attache_parse::Document;

use crate::combined::rescale;
use crate::{Centrality, Combined, Features, LexRank, Pick, Position, Salience, Selector, TitleOverlap};

/// A named summarization method: how sentences are scored, and whether
/// redundancy control applies when choosing them.
#[derive(Debug)]
pub struct Method {
    name: &'static str,
    scorer: Combined,
    lead: bool,
}

/// Names accepted by [`Method::by_name`], default first.
pub const METHODS: &[&str] = &["default", "lead", "salience", "centrality", "lexrank", "position", "title"];

/// Why a method name was refused.
#[derive(Debug, thiserror::Error)]
#[error("unknown method {name:?}; known methods: {}", METHODS.join(", "))]
#[non_exhaustive]
pub struct UnknownMethod {
    /// The name asked for.
    pub name: String,
}

/// Sentences chosen by a method, with score breakdowns.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// Chosen sentences in reading order.
    pub picks: Vec<Pick>,
    /// Names of the scorers, in the order of [`Selection::parts`].
    pub part_names: Vec<&'static str>,
    /// Rescaled score of every sentence under each scorer (`parts[k][i]`).
    pub parts: Vec<Vec<f32>>,
    /// Combined, rescaled score of every sentence.
    pub scores: Vec<f32>,
}

impl Selection {
    /// The weighted parts of sentence `i`'s score, by scorer name.
    pub fn parts_of(&self, i: usize) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        self.part_names.iter().zip(&self.parts).map(move |(n, v)| (*n, v[i]))
    }
}

impl Method {
    /// The default method: topic salience, a position prior and title
    /// overlap. The weights and why are in the crate docs.
    pub fn default_method() -> Method {
        Method {
            name: "default",
            scorer: Combined::new()
                .with(Salience, 1.0)
                .with(Position::default(), 1.5)
                .with(TitleOverlap, 0.5),
            lead: false,
        }
    }

    /// A custom method: `scorer` ranks sentences, the selector's redundancy
    /// control applies. For experiments; the named methods are the tuned ones.
    pub fn new(name: &'static str, scorer: Combined) -> Method {
        Method { name, scorer, lead: false }
    }

    /// Look a method up by name (see [`METHODS`]).
    pub fn by_name(name: &str) -> Result<Method, UnknownMethod> {
        let single = |name, scorer| Method { name, scorer, lead: false };
        Ok(match name {
            "default" => Method::default_method(),
            "lead" => Method { name: "lead", scorer: Combined::new().with(crate::Lead, 1.0), lead: true },
            "centrality" => single("centrality", Combined::new().with(Centrality::default(), 1.0)),
            "salience" => single("salience", Combined::new().with(Salience, 1.0)),
            "lexrank" => single("lexrank", Combined::new().with(LexRank::default(), 1.0)),
            "position" => single("position", Combined::new().with(Position::default(), 1.0)),
            "title" => single("title", Combined::new().with(TitleOverlap, 1.0)),
            _ => {
                return Err(UnknownMethod { name: name.to_string() });
            }
        })
    }

    /// The method's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Score every sentence of `doc`, keeping the per-scorer parts.
    pub fn score(&self, doc: &Document, features: &Features) -> Selection {
        let (mut scores, parts) = self.scorer.score_parts(doc, features);
        rescale(&mut scores);
        let part_names = self.scorer.parts().map(|(s, _)| s.name()).collect();
        Selection { picks: Vec::new(), part_names, parts, scores }
    }

    /// Choose key points from an already scored document (see
    /// [`Method::score`]). Sentences in `taken` are treated as already shown.
    ///
    /// The `lead` method ignores scores and redundancy: it takes the first
    /// sentences that fit, exactly as the Lead-N baseline does.
    pub fn choose(
        &self,
        scored: &Selection,
        features: &Features,
        selector: &Selector,
        taken: &[usize],
    ) -> Vec<Pick> {
        if self.lead {
            let mut s = selector.clone();
            s.redundancy(f32::INFINITY)
                .containment(f32::INFINITY)
                .lambda(1.0)
                .min_words(0)
                .skip_quote_fragments(false);
            s.select(features, &scored.scores, taken)
        } else {
            selector.select(features, &scored.scores, taken)
        }
    }

    /// Whether this is the `lead` baseline.
    pub fn is_lead(&self) -> bool {
        self.lead
    }

    /// Score and choose in one step: [`Method::score`] then [`Method::choose`].
    pub fn select(
        &self,
        doc: &Document,
        features: &Features,
        selector: &Selector,
        taken: &[usize],
    ) -> Selection {
        let mut s = self.score(doc, features);
        s.picks = self.choose(&s, features, selector, taken);
        s
    }
}
