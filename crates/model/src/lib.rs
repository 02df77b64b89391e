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
//! `null` and lists `[]`, never omitted. The lists hold everything the
//! extraction found; each item says with `shown` whether the page shows it
//! ([`Shown`], [`Brief::page`]). Two fields serve extraction and are not part
//! of that contract, so they are never written: [`Quote::span`] and
//! [`Event::resolved`]. The crate depends on `serde` only, so a program
//! reading briefings needs nothing else of the pipeline.
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
//!     span: 70..91,
//!     ..Quote::default()
//! });
//! brief.quotes.push(Quote { text: "a last chance".into(), direct: false, shown: false, ..Quote::default() });
//! let json = serde_json::to_string(&brief)?;
//! // Extraction's bookkeeping (`span`) is not part of the JSON.
//! assert!(json.contains(r#"{"text":"We came in good faith","speaker":"Ana Ruiz","sentence":1,"direct":true,"shown":true}"#));
//! let back: Brief = serde_json::from_str(&json)?;
//! assert_eq!(back.bottom_line, brief.bottom_line);
//! // The page leaves out what it does not show.
//! assert_eq!(back.page().quotes.len(), 1);
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// How the article knows what the point says (`null` when not analysed).
    #[serde(default)]
    pub sourcing: Option<Sourcing>,
    /// Whether the page shows it (bottom-line and key points always are; a
    /// party's statements may not be). The JSON lists everything found; the
    /// page's limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
}

impl Point {
    /// A point with text, sentence index and score; no parts, rank 0.
    pub fn new(text: impl Into<String>, sentence: usize, score: f32) -> Point {
        Point {
            text: text.into(),
            sentence,
            score,
            parts: BTreeMap::new(),
            rank: 0,
            speaker: None,
            sourcing: None,
            shown: true,
        }
    }
}

/// How an article knows what a sentence says: whom it attributes it to, and
/// the hedges that qualify it. The page prints [`Sourcing::tag`] beside the
/// point.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourcing {
    /// Who the sentence is attributed to.
    pub kind: Attribution,
    /// The person or body named as the source ("Sergei Lavrov", "the
    /// Foreign Ministry", "Xinhua"), when the text names one.
    pub by: Option<String>,
    /// Hedges as written, lower-cased ("reportedly", "according to",
    /// "expected to"), in reading order.
    pub hedges: Vec<String>,
    /// The short form the page shows: "Lavrov", "officials", "state media",
    /// "unnamed sources", "unattributed", with the hedges after a semicolon
    /// ("officials; reportedly").
    pub tag: String,
}

/// Whom a sentence is attributed to (JSON: `"named"`, `"officials"`,
/// `"state_media"`, `"unnamed"`, `"unattributed"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Attribution {
    /// A named person or body ("Lavrov said", "according to the ministry").
    Named,
    /// Officials, spokespeople or authorities not named ("officials said").
    Officials,
    /// State media: state television, a state news agency.
    StateMedia,
    /// Unnamed or anonymous sources, diplomats, witnesses.
    Unnamed,
    /// No attribution: the article's own voice.
    #[default]
    Unattributed,
}

impl Attribution {
    /// The words the page shows for a source that is not named.
    pub fn label(self) -> &'static str {
        match self {
            Attribution::Named => "named",
            Attribution::Officials => "officials",
            Attribution::StateMedia => "state media",
            Attribution::Unnamed => "unnamed sources",
            Attribution::Unattributed => "unattributed",
        }
    }
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full canonical name.
    pub name: String,
    /// Role or title as the text gives it ("external affairs minister").
    pub role: Option<String>,
    /// Country the text ties the person to.
    pub country: Option<String>,
    /// Number of mentions, surname-only and pronoun-free title mentions included.
    pub mentions: usize,
    /// Whether the page shows it. The JSON lists everything found; the page's
    /// limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
}

/// An organisation, country or place with its mention count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Canonical name.
    pub name: String,
    /// Number of mentions.
    pub mentions: usize,
    /// Whether the page shows it. The JSON lists everything found; the page's
    /// limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
}

/// A quote and its speaker.
///
/// A briefing lists direct quotes only; the extraction also reports phrases
/// quoted inside reported speech ([`Quote::direct`] false).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Canonical name of the speaker, when attributed.
    pub speaker: Option<String>,
    /// 0-based index of the sentence the quote starts in.
    pub sentence: usize,
    /// A direct quote (true) or a phrase quoted inside reported speech
    /// (false: `warned that “the door is closing” for talks`). The page
    /// shows direct quotes only; the JSON lists both. True when absent.
    #[serde(default = "yes")]
    pub direct: bool,
    /// Byte range of the quoted words in the document text. Not written to
    /// JSON; empty when read back.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Whether the page shows it. The JSON lists everything found; the page's
    /// limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
}

fn yes() -> bool {
    true
}

/// A list item of a briefing that the page may leave out: people,
/// organisations, countries and places, quotes, positions and their points,
/// what-next items. Page fitting ([`Brief::page`], `attache_render`'s
/// `fit_to_budget`) reads and sets the flag through this trait.
pub trait Shown {
    /// Whether the page shows the item.
    fn shown(&self) -> bool;
    /// Show or hide the item.
    fn set_shown(&mut self, shown: bool);
}

macro_rules! shown_items {
    ($($ty:ty),*) => {$(
        impl Shown for $ty {
            fn shown(&self) -> bool {
                self.shown
            }
            fn set_shown(&mut self, shown: bool) {
                self.shown = shown;
            }
        }
    )*};
}
shown_items!(Point, Person, Mention, Quote, Stance, Event);

impl Default for Point {
    fn default() -> Point {
        Point::new("", 0, 0.0)
    }
}

impl Default for Person {
    fn default() -> Person {
        Person { name: String::new(), role: None, country: None, mentions: 0, shown: true }
    }
}

impl Default for Mention {
    fn default() -> Mention {
        Mention { name: String::new(), mentions: 0, shown: true }
    }
}

impl Default for Quote {
    fn default() -> Quote {
        Quote { text: String::new(), speaker: None, sentence: 0, direct: true, span: 0..0, shown: true }
    }
}

impl Default for Stance {
    fn default() -> Stance {
        Stance { party: String::new(), points: Vec::new(), shown: true }
    }
}

impl Default for Event {
    fn default() -> Event {
        Event { text: String::new(), when: None, sentence: 0, resolved: false, shown: true }
    }
}

impl Brief {
    /// The briefing as the page shows it: a copy without the items whose
    /// [`Shown::shown`] is false (a party without a shown point goes too).
    /// The text formats render this; the JSON is the whole briefing.
    pub fn page(&self) -> Brief {
        fn keep<T: Shown + Clone>(v: &[T]) -> Vec<T> {
            v.iter().filter(|x| x.shown()).cloned().collect()
        }
        let positions = self
            .positions
            .iter()
            .filter(|s| s.shown)
            .map(|s| Stance { party: s.party.clone(), points: keep(&s.points), shown: true })
            .filter(|s| !s.points.is_empty())
            .collect();
        Brief {
            people: keep(&self.people),
            organisations: keep(&self.organisations),
            countries: keep(&self.countries),
            places: keep(&self.places),
            quotes: keep(&self.quotes),
            positions,
            what_next: keep(&self.what_next),
            ..self.clone()
        }
    }
}

/// What one party (usually a country) said or did: a position in the
/// diplomatic sense.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// The party.
    pub party: String,
    /// Its statements and actions (sentences or its people's quotes), in
    /// reading order.
    pub points: Vec<Point>,
    /// Whether the page shows it. The JSON lists everything found; the page's
    /// limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
}

/// A forward-looking item (what next): a meeting, vote, visit or deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Whether the page shows it. The JSON lists everything found; the page's
    /// limits and fitting leave some out (`false`). True by default.
    #[serde(default = "yes")]
    pub shown: bool,
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
