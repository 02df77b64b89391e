//! Named-entity rules, by concern:
//!
//! - [`candidates`]: gazetteer matches aligned to tokens, capitalised chunks,
//!   and the first typing of each chunk (titles, honorifics, gazetteer kinds);
//! - [`name_shape`]: shapes of personal names inside a chunk (family names, initials);
//! - [`unknown`]: names the gazetteer does not know, typed by shape and neighbours;
//! - [`things`]: names of things read from the nouns around them ("Hubei province");
//! - [`context`]: rules that look around mentions (table rows, capitals as
//!   governments, role phrases, appositions);
//! - [`involved`]: the countries a story involves (not those it names in passing);
//! - [`link`]: document-level linking (person clusters, surnames, re-typing
//!   weak mentions from confident ones, canonical names).
//!
//! This module holds the types they share.

mod candidates;
mod cluster;
mod context;
mod country;
mod institution;
mod involved;
mod link;
mod name_shape;
mod role;
mod things;
mod unknown;

pub(crate) use candidates::find_mentions;
pub(crate) use context::{context_rules, table_teams};
pub(crate) use involved::story_countries;
pub(crate) use link::link;

use crate::lexicon::GazKind;
use crate::tok::SentenceCounts;

/// Entity types, as in the CoNLL convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation (also a government named by its seat: "the Kremlin").
    #[serde(rename = "ORG")]
    Org,
    /// A location: country, city, region, sea.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, adjectives and events.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The CoNLL tag: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// What a mention refers to, for grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    Person,
    Org,
    /// Mentions of one or more countries (compounds name several).
    Country,
    Place,
    Other,
}

/// A mention found in the text, by token range.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) t0: u32,
    pub(crate) t1: u32,
    pub(crate) ty: EntityType,
    pub(crate) sense: Sense,
    /// Countries it names (gazetteer ids), for country-sense mentions and demonyms.
    pub(crate) countries: [u16; 2],
    pub(crate) ncountries: u8,
    /// Canonical name (filled by linking).
    pub(crate) canonical: String,
    /// Person cluster index for `Person` mentions.
    pub(crate) person: u32,
    pub(crate) role: Option<String>,
    pub(crate) country: Option<u16>,
    /// Found only by a weak default rule.
    pub(crate) weak: bool,
    /// Typed by a table row (a team): document-level retyping leaves it alone.
    pub(crate) team: bool,
}

impl Mention {
    fn new(t0: usize, t1: usize, ty: EntityType, sense: Sense) -> Mention {
        Mention {
            t0: t0 as u32,
            t1: t1 as u32,
            ty,
            sense,
            countries: [0; 2],
            ncountries: 0,
            canonical: String::new(),
            person: u32::MAX,
            role: None,
            country: None,
            weak: false,
            team: false,
        }
    }
    fn with_country(mut self, c: u16) -> Mention {
        if (self.ncountries as usize) < 2 {
            self.countries[self.ncountries as usize] = c;
            self.ncountries += 1;
        }
        self
    }
    pub(crate) fn country_ids(&self) -> &[u16] {
        &self.countries[..self.ncountries as usize]
    }
}

/// A person cluster: a full name and what the text says about them.
#[derive(Debug, Clone)]
pub(crate) struct PersonCluster {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
    pub(crate) country: Option<u16>,
    pub(crate) mentions: usize,
    /// The first token of its first mention (its text is the cluster's first word).
    pub(crate) first_tok: u32,
}

/// A gazetteer hit aligned to tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GazHit {
    pub(crate) t1: u32,
    pub(crate) kind: GazKind,
}

/// Of one sentence: mostly upper case (headlines, Reuters slugs: capitalisation says nothing
/// there), and a table row or results line (many numbers among few words).
pub(crate) fn sentence_kind(c: &SentenceCounts) -> (bool, bool) {
    let caps = c.letter_words >= 2 && c.upper * 10 >= c.letter_words * 6;
    let tabular = c.nums >= 2 && c.nums * 10 >= c.words * 3;
    (caps, tabular)
}
