//! Key-sentence scoring for Attaché.
//!
//! # Brief overview
//!
//! [`Features`] turns a segmented [`attache_parse::Document`] into per-sentence
//! TF-IDF vectors once. [`Scorer`]s read them and score every sentence:
//! [`Centrality`] (directed graph centrality, after PacSum), [`LexRank`],
//! [`Position`] (news leads matter), [`TitleOverlap`] and the [`Lead`]
//! baseline. [`Combined`] weighs several scorers; a [`Method`] names a
//! combination (`default`, `lead`, …, see [`METHODS`]). A [`Selector`] then
//! chooses key points by maximal marginal relevance under a point count and a
//! word budget, and returns them in reading order, each with its score.
//!
//! Everything is deterministic: the same document always gives the same picks.
//!
//! ```
//! use attache_parse::{Document, read_text};
//! use attache_score::{Features, Method, Selector};
//!
//! let doc = Document::new(read_text("\
//! Ministers agree to extend Black Sea grain corridor
//!
//! Ministers from Turkey and Ukraine agreed on Monday to extend the Black Sea grain corridor for six months.
//! The corridor has carried more than 30 million tonnes of grain since it opened.
//! The extension of the grain corridor was welcomed by the United Nations.
//! Weather in Istanbul was mild.")?);
//! let features = Features::new(&doc);
//! let method = Method::by_name("default")?;
//! let picks = method.select(&doc, &features, Selector::new().points(2), &[]).picks;
//! assert_eq!(picks.len(), 2);
//! assert_eq!(picks[0].sentence, 0, "the lead is chosen");
//! assert!(picks[0].sentence < picks[1].sentence, "reading order");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The default weights
//!
//! `default` = 1.0 × directed centrality (backward −2, forward 1, edge
//! threshold 0.3 of the similarity range) + 1.0 × position (halving every 3
//! sentences) + 0.5 × title overlap, each rescaled to `[0, 1]` per document.
//! Redundancy: a sentence whose cosine with a chosen one exceeds 0.5 is never
//! chosen; MMR λ = 0.7.
#![deny(missing_docs)]

mod centrality;
mod combined;
mod features;
mod method;
mod position;
mod salience;
mod scorer;
mod select;
mod title;

pub use centrality::{Centrality, LexRank};
pub use combined::Combined;
pub use features::{Features, containment, cosine};
pub use method::{METHODS, Method, Selection, UnknownMethod};
pub use position::{Lead, Position};
pub use salience::Salience;
pub use scorer::Scorer;
pub use select::{Pick, Selector};
pub use title::TitleOverlap;

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Method>();
    assert_send_sync::<Selector>();
};

#[cfg(test)]
mod tests;
