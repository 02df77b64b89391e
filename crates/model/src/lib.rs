//! The data types of an Attaché briefing, defined once.
//!
//! # Brief overview
//!
//! A [`Brief`] is a one-article briefing: the article's metadata, the
//! [`Point`]s chosen for the bottom line and key points, the [`Person`]s,
//! organisations, countries and places ([`Mention`]s) it names, its direct
//! [`Quote`]s, the [`Stance`] of each main party, the [`Event`]s to watch,
//! the [`SourceRef`]s it draws on and its [`Stats`].
//!
//! The same types serve every stage: `attache-extract` produces people,
//! mentions, quotes, stances and events; `attache` scores points and moves
//! the extraction's lists into a `Brief`; `attache-render` renders it. Both
//! crates re-export these types, so `attache_render::Brief` and
//! `attache_extract::Quote` name the types of this crate.
//!
//! The serde form is the JSON contract of `attache brief --format json` and
//! `attache batch`: field names are only ever added to, optional values are
//! `null` and lists `[]`, never omitted. A few fields serve extraction and are
//! not part of that contract, so they are never written: [`Quote::direct`],
//! [`Quote::span`] and [`Event::resolved`]. The crate depends on `serde` only,
//! so a program reading briefings needs nothing else of the pipeline.
//!
//! ```
//! use attache_model::{Brief, Point, Quote};
//!
//! let mut brief = Brief::default();
//! brief.title = Some("Talks resume in Geneva".into());
//! brief.bottom_line.push(Point::new("Envoys met on Monday and agreed to talk again.", 0, 1.0));
//! brief.quotes.push(Quote {
//!     text: "We came in good faith".into(),
//!     speaker: Some("Ana Ruiz".into()),
//!     sentence: 1,
//!     direct: true,
//!     span: 70..91,
//! });
//! let json = serde_json::to_string(&brief)?;
//! // Extraction's bookkeeping (`direct`, `span`) is not part of the JSON.
//! assert!(json.contains(r#""quotes":[{"text":"We came in good faith","speaker":"Ana Ruiz","sentence":1}]"#));
//! let back: Brief = serde_json::from_str(&json)?;
//! assert!(back.quotes[0].direct);
//! assert_eq!(back.bottom_line, brief.bottom_line);
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A one-article briefing: what every output format renders.
///
/// Field names are a JSON contract relied on by users; fields are only ever
/// added. Optional values serialize as `null` and lists as `[]`, never
/// omitted, so templates in strict mode can test any of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Article identifier, when the input gave one.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date as given by the input.
    pub published: Option<String>,
    /// Publisher or agency.
    pub source: Option<String>,
    /// URL of the article.
    pub url: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Dateline place (`GENEVA`), when the article has one.
    pub dateline: Option<String>,
    /// Name of the scoring method that chose the points.
    pub method: String,
    /// One or two sentences from the lead: who did what, and why it matters.
    pub bottom_line: Vec<Point>,
    /// Key points in reading order.
    pub key_points: Vec<Point>,
    /// People, with role and country when the text gives them.
    pub people: Vec<Person>,
    /// Organisations.
    pub organisations: Vec<Mention>,
    /// Countries involved.
    pub countries: Vec<Mention>,
    /// Cities, regions, seas and other places.
    pub places: Vec<Mention>,
    /// Direct quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// What each main party said or did.
    pub positions: Vec<Stance>,
    /// Scheduled or expected events.
    pub what_next: Vec<Event>,
    /// The articles the briefing draws on.
    pub sources: Vec<SourceRef>,
    /// Counts about the article and the briefing.
    pub stats: Stats,
}

/// A sentence (or, in a [`Stance`], a quote) shown in the briefing,
/// traceable to its source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The sentence as in the source, white space collapsed.
    pub text: String,
    /// 0-based index of the sentence in the article's sentence list.
    pub sentence: usize,
    /// Score in `[0, 1]` under the method that chose it; 0 for a point the
    /// extraction found (a party's statement).
    pub score: f32,
    /// The parts the score came from, by scorer name (rescaled, unweighted).
    pub parts: BTreeMap<String, f32>,
    /// 0-based order of importance (0 = chosen first); the page-fitting step
    /// drops the highest ranks first.
    pub rank: usize,
    /// Who states it, for a point of a [`Stance`]: the person (canonical
    /// name) speaking for the party, `null` when the party itself is the
    /// subject ("Britain rejected …") and for the bottom line and key points.
    #[serde(default)]
    pub speaker: Option<String>,
}

impl Point {
    /// A point with text, sentence index and score; no parts, rank 0.
    pub fn new(text: impl Into<String>, sentence: usize, score: f32) -> Point {
        Point { text: text.into(), sentence, score, ..Point::default() }
    }
}

/// A person named in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full canonical name.
    pub name: String,
    /// Role or title as the text gives it ("external affairs minister").
    pub role: Option<String>,
    /// Country the text ties the person to.
    pub country: Option<String>,
    /// Number of mentions, surname-only and pronoun-free title mentions included.
    pub mentions: usize,
}

/// An organisation, country or place with its mention count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Canonical name.
    pub name: String,
    /// Number of mentions.
    pub mentions: usize,
}

/// A quote and its speaker.
///
/// A briefing lists direct quotes only; the extraction also reports phrases
/// quoted inside reported speech ([`Quote::direct`] false).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Canonical name of the speaker, when attributed.
    pub speaker: Option<String>,
    /// 0-based index of the sentence the quote starts in.
    pub sentence: usize,
    /// A direct quote (true) or a phrase quoted inside reported speech
    /// (false). Not written to JSON; a quote read back from JSON is direct,
    /// as every quote of a briefing is.
    #[serde(skip_serializing, default = "yes")]
    pub direct: bool,
    /// Byte range of the quoted words in the document text. Not written to
    /// JSON; empty when read back.
    #[serde(skip)]
    pub span: Range<usize>,
}

fn yes() -> bool {
    true
}

/// What one party (usually a country) said or did: a position in the
/// diplomatic sense.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// The party.
    pub party: String,
    /// Its statements and actions (sentences or its people's quotes), in
    /// reading order.
    pub points: Vec<Point>,
}

/// A forward-looking item (what next): a meeting, vote, visit or deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence that announces it.
    pub text: String,
    /// When: an ISO day (`2026-12-01`), month (`2026-11`) or year (`2027`)
    /// when resolved (a week or a range gives its first day), else the
    /// expression as written ("on Thursday"); `null` when the text gives no
    /// time.
    pub when: Option<String>,
    /// 0-based index of the sentence.
    pub sentence: usize,
    /// Whether `when` is a resolved ISO date. Not written to JSON; false when
    /// read back.
    #[serde(skip_serializing, default)]
    pub resolved: bool,
}

/// An article the briefing is drawn from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Article id.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

/// Counts about the article and the briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Words in the original article body.
    pub words: usize,
    /// Sentences in the original article.
    pub sentences: usize,
    /// Words in the briefing body after fitting it to the page.
    pub brief_words: usize,
    /// Items dropped to fit the page.
    pub dropped: usize,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Brief>();
};

#[cfg(test)]
mod tests;
