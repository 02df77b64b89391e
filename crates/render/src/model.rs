use std::collections::BTreeMap;

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

/// A sentence shown in the briefing, traceable to its source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The sentence as in the source, white space collapsed.
    pub text: String,
    /// 0-based index of the sentence in the article's sentence list.
    pub sentence: usize,
    /// Score in `[0, 1]` under the method that chose it.
    pub score: f32,
    /// The parts the score came from, by scorer name (rescaled, unweighted).
    pub parts: BTreeMap<String, f32>,
    /// 0-based order of importance (0 = chosen first); the page-fitting step
    /// drops the highest ranks first.
    pub rank: usize,
}

impl Point {
    /// A point with text, sentence index and score.
    pub fn new(text: impl Into<String>, sentence: usize, score: f32) -> Point {
        Point { text: text.into(), sentence, score, ..Point::default() }
    }
}

/// A person named in the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full canonical name.
    pub name: String,
    /// Role or title ("foreign minister").
    pub role: Option<String>,
    /// Country the person represents or comes from.
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

/// A direct quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Canonical name of the speaker, when attributed.
    pub speaker: Option<String>,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
}

/// What one party (usually a country) said or did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// The party.
    pub party: String,
    /// Its statements and actions, in reading order.
    pub points: Vec<Point>,
}

/// A forward-looking item: a meeting, vote, visit or deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence that announces it.
    pub text: String,
    /// When, resolved to a date (`2026-12-01`) or a range, or as written when
    /// it could not be resolved; `null` when the text gives no time.
    pub when: Option<String>,
    /// Index of the sentence.
    pub sentence: usize,
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
