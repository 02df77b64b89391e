//! The briefing metric: people with roles and countries, quotes with
//! speakers, positions, what next and countries, scored against hand-made
//! gold records (the "Briefing gold" section of the evaluation data's README).
//!
//! - The gold records are [`GoldArticle`]s (`{"id","published","text",
//!   "people","quotes","positions","what_next","countries",…}`).
//! - The system's output is a briefing's JSON (`attache brief --format
//!   json`), read leniently into a [`Predicted`]: `people[].name/role/country`,
//!   `quotes[].text/speaker`, `positions[].party` with `points[].text`,
//!   `what_next[].text/when` and `countries[].name`. Every item of those
//!   lists is scored, shown on the page or not; other fields are ignored.
//! - [`BriefingTally::add`] scores one article, returns its
//!   [`ArticleErrors`], and accumulates micro-averaged counts;
//!   [`BriefingTally::report`] turns them into the [`BriefingReport`].
//!
//! Texts are compared after [`normalise`]. The rules, in short: a predicted
//! person matches a gold person by equal name, an `also` form, or a word
//! subset, one-to-one, full matches first ([`name_match`]); quotes, points
//! and what-next items are found by containment of the gold piece; speakers
//! that are organisations or unnamed sources match by a shared word
//! ([`share_word`]); countries compare after aliases ([`country_key`]).
//!
//! ```
//! use attache_eval::briefing::{BriefingTally, GoldArticle};
//! let gold: GoldArticle = serde_json::from_str(r#"{"id":"x1","text":"…",
//!   "people":[{"name":"Ana Ruiz","also":["Ruiz"],"role":"foreign minister",
//!              "role_ok":["foreign minister"],"country":"Chile"}],
//!   "quotes":[{"contains":"we came in good faith","speaker":"Ana Ruiz"}],
//!   "countries":["Chile"]}"#)?;
//! let brief = serde_json::json!({
//!   "people":[{"name":"Ruiz","role":"Foreign Minister","country":"Chile"}],
//!   "quotes":[{"text":"We came in good faith, and we leave in good faith.","speaker":"Ana Ruiz"}],
//!   "countries":[{"name":"Chile"}]});
//! let mut tally = BriefingTally::default();
//! let errors = tally.add(&gold, &brief)?;
//! assert!(errors.is_empty());
//! let r = tally.report();
//! assert_eq!((r.people.f1, r.people.role_accuracy, r.quotes.speaker_accuracy), (1.0, 1.0, 1.0));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod errors;
mod norm;
mod report;
mod score;

use serde::{Deserialize, Serialize};

pub use errors::{
    ArticleErrors, CountryErrors, MissedPosition, NextErrors, NextMiss, PeopleErrors, PositionErrors,
    QuoteErrors, QuoteMiss, SpeakerError, UnsupportedPoint, WrongCountry, WrongDate, WrongRole,
};
pub use norm::{COUNTRY_ALIASES, NameMatch, contains, country_key, name_match, normalise, share_word};
pub use report::{
    BriefingQuoteReport, BriefingReport, CountryReport, NextReport, PeopleReport, PositionReport, QuoteCounts,
};

/// One gold article (a line of `briefing.dev.jsonl`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldArticle {
    /// Article id (the DOCNO).
    pub id: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// The article text.
    #[serde(default)]
    pub text: String,
    /// Every named person.
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    /// Capitalised names that are not people (not scored; kept for error analysis).
    #[serde(default)]
    pub not_people: Vec<String>,
    /// Every quotation of three words or more.
    #[serde(default)]
    pub quotes: Vec<BriefingGoldQuote>,
    /// Each party's positions with their evidence.
    #[serde(default)]
    pub positions: Vec<GoldPosition>,
    /// Forward-looking items.
    #[serde(default)]
    pub what_next: Vec<GoldNext>,
    /// Countries the story involves (short English names).
    #[serde(default)]
    pub countries: Vec<String>,
}

/// A gold person.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldPerson {
    /// The name.
    pub name: String,
    /// Other forms of the name used in the text.
    #[serde(default)]
    pub also: Vec<String>,
    /// The role as the text states it, if any.
    #[serde(default)]
    pub role: Option<String>,
    /// A predicted role is right if it contains one of these.
    #[serde(default)]
    pub role_ok: Vec<String>,
    /// The country the person serves or represents, if the text makes it clear.
    #[serde(default)]
    pub country: Option<String>,
}

/// Who a gold quote's speaker is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person (the field is absent): matched with the people rule.
    #[default]
    Person,
    /// An organisation or a document: matched by a shared word.
    Org,
    /// An unnamed source: matched by a shared word.
    Unnamed,
}

/// A gold quotation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BriefingGoldQuote {
    /// A verbatim piece of the quotation, without marks.
    pub contains: String,
    /// The speaker: a person's `name`, or an organisation or unnamed source as the text names it.
    #[serde(default)]
    pub speaker: Option<String>,
    /// What kind of speaker it is.
    #[serde(default)]
    pub speaker_kind: SpeakerKind,
}

/// A gold position.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldPosition {
    /// A country or an organisation.
    pub party: String,
    /// A summary (not scored).
    #[serde(default)]
    pub stance: Option<String>,
    /// Verbatim pieces of the sentences that state it.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A gold what-next item.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldNext {
    /// A verbatim piece of the sentence.
    pub contains: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, resolved against the publication date.
    #[serde(default)]
    pub when: Option<String>,
}

/// The scored parts of a briefing's JSON. Unknown fields (`shown`, `mentions`,
/// `sentence`, …) are ignored and missing lists are empty.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Predicted {
    /// `people[]`.
    #[serde(default)]
    pub people: Vec<PredPerson>,
    /// `quotes[]`.
    #[serde(default)]
    pub quotes: Vec<BriefingPredQuote>,
    /// `positions[]`.
    #[serde(default)]
    pub positions: Vec<PredPosition>,
    /// `what_next[]`.
    #[serde(default)]
    pub what_next: Vec<PredNext>,
    /// `countries[]`.
    #[serde(default)]
    pub countries: Vec<PredName>,
}

impl Predicted {
    /// Read the scored parts of a briefing's JSON.
    pub fn from_json(brief: &serde_json::Value) -> Result<Predicted, serde_json::Error> {
        Predicted::deserialize(brief)
    }
}

/// A predicted person.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredPerson {
    /// Name.
    pub name: String,
    /// Role, if any.
    #[serde(default)]
    pub role: Option<String>,
    /// Country, if any.
    #[serde(default)]
    pub country: Option<String>,
}

/// A predicted quote.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BriefingPredQuote {
    /// The quoted words.
    pub text: String,
    /// The speaker, if attributed.
    #[serde(default)]
    pub speaker: Option<String>,
}

/// A predicted position.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredPosition {
    /// The party.
    pub party: String,
    /// Its points.
    #[serde(default)]
    pub points: Vec<PredPoint>,
}

/// A point of a predicted position.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredPoint {
    /// The sentence or quote.
    pub text: String,
}

/// A predicted what-next item.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PredNext {
    /// The sentence.
    pub text: String,
    /// The date or time expression, if any.
    #[serde(default)]
    pub when: Option<String>,
}

/// A named item (`countries[]`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredName {
    /// The name.
    pub name: String,
}

/// Micro-averaged counts over articles: add articles with
/// [`BriefingTally::add`], read scores with [`BriefingTally::report`].
#[derive(Debug, Clone, Default)]
pub struct BriefingTally {
    c: score::Counts,
    articles: usize,
}

impl BriefingTally {
    /// Score one article's briefing JSON against its gold record; the errors
    /// found, for error analysis. Fails only when a scored list of the JSON
    /// has the wrong shape.
    pub fn add(
        &mut self,
        gold: &GoldArticle,
        brief: &serde_json::Value,
    ) -> Result<ArticleErrors, serde_json::Error> {
        let pred = Predicted::from_json(brief)?;
        Ok(self.add_predicted(gold, &pred))
    }

    /// [`add`](Self::add) for an already-read [`Predicted`].
    pub fn add_predicted(&mut self, gold: &GoldArticle, pred: &Predicted) -> ArticleErrors {
        self.articles += 1;
        score::article(gold, pred, &mut self.c)
    }

    /// Score quotes found by another system (the extractor alone) against
    /// `gold`, into the report's [`BriefingReport::extractor_quotes`]; their
    /// errors.
    pub fn add_extractor_quotes(&mut self, gold: &GoldArticle, quotes: &[BriefingPredQuote]) -> QuoteErrors {
        score::quotes(gold, quotes, &mut self.c.extractor_quotes)
    }

    /// The scores so far.
    pub fn report(&self) -> BriefingReport {
        report::report(self.articles, &self.c)
    }
}

#[cfg(test)]
mod tests;
