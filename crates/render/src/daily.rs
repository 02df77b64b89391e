use serde::{Deserialize, Serialize};

use crate::fit::words;
use crate::{Mention, Person, SourceRef};

/// Whether a story is new since the previous page, developed, or had nothing new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryStatus {
    /// Not on the previous page.
    New,
    /// On the previous page, with something new today.
    Developing,
    /// On the previous page, nothing new today.
    Continuing,
}

/// The story of the previous page that a story continues.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousStory {
    /// Its headline on the previous page.
    pub headline: String,
    /// The previous page's date, when it had one.
    pub date: Option<String>,
}

/// A person in the page-wide who's who.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DailyPerson {
    /// Name, role, country and mentions.
    #[serde(flatten)]
    pub person: Person,
    /// With a previous page: whether the person was not on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    /// Indices of the stories the person comes from (not serialized): when
    /// fitting drops those stories, the person goes too.
    #[serde(skip)]
    pub stories: Vec<usize>,
}

/// A country in the page-wide list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyMention {
    /// Name and mentions.
    #[serde(flatten)]
    pub mention: Mention,
    /// Indices of the stories it comes from (not serialized).
    #[serde(skip)]
    pub stories: Vec<usize>,
}

/// Whether an item that comes from `stories` still has one of them on a page of `shown` stories.
fn still_shown(stories: &[usize], shown: usize) -> bool {
    stories.is_empty() || stories.iter().any(|&s| s < shown)
}

/// An article in the page's sources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailySource {
    /// Id, headline, outlet, URL and publication date as given.
    #[serde(flatten)]
    pub article: SourceRef,
    /// The URL when it is `http` or `https`, the only ones linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Host and path of that URL, shortened for print (`example.org/world/talks…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The publication day, `YYYY-MM-DD`, when the date could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
}

/// A day's briefing: many articles grouped into stories, on one page.
///
/// Field names are a JSON contract: `date`, `stories[].headline`,
/// `stories[].bottom_line[]`, `stories[].key_points[]` (each `{text, article,
/// sentence}`), `stories[].articles`, `stories[].people`,
/// `stories[].countries`, `what_next`, `sources`. With a previous page
/// (`--since`), also `since`, `stories[].status`, `stories[].previous`
/// (`{headline, date}`), `new` on every point and person, and `happened` on
/// what-to-watch items. Fields are only added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Daily {
    /// The day the briefing covers (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Stories, most important first.
    pub stories: Vec<Story>,
    /// People who appear across the day's stories.
    pub people: Vec<DailyPerson>,
    /// Countries across the day's stories.
    pub countries: Vec<DailyMention>,
    /// Dated forward-looking items from all stories, merged and sorted.
    pub what_next: Vec<DailyEvent>,
    /// The articles used, grouped by story.
    pub sources: Vec<SourceGroup>,
    /// Counts.
    pub stats: DailyStats,
    /// The date of the previous page the stories are compared with (`--since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Whether the page was compared with a previous one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub compared: bool,
}

/// A story: the articles about one event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    /// One-line headline.
    pub headline: String,
    /// The sentence that says what happened.
    pub bottom_line: Vec<DailyPoint>,
    /// One to three more sentences, from any of the story's articles.
    pub key_points: Vec<DailyPoint>,
    /// Ids of the story's articles.
    pub articles: Vec<String>,
    /// Principal people.
    pub people: Vec<Person>,
    /// Principal countries.
    pub countries: Vec<Mention>,
    /// Distinct publishers reporting the story.
    pub outlets: Vec<String>,
    /// Ranking score (coverage and actor centrality).
    pub score: f32,
    /// With a previous page: new, developing or continuing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StoryStatus>,
    /// With a previous page: the story there that this one continues.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousStory>,
}

/// A sentence on the daily page, traceable to its article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DailyPoint {
    /// The sentence as in the source.
    pub text: String,
    /// Id of the article it comes from.
    pub article: String,
    /// 0-based sentence index in that article.
    pub sentence: usize,
    /// Score within the story, in `[0, 1]`.
    pub score: f32,
    /// With a previous page: whether the sentence is new (the previous page
    /// did not show more than half of its word pairs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
}

/// A forward-looking item with the article it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DailyEvent {
    /// The sentence announcing it.
    pub text: String,
    /// When, as resolved by extraction (`null` when not given).
    pub when: Option<String>,
    /// Article id.
    pub article: String,
    /// Sentence index.
    pub sentence: usize,
    /// Index of the story it comes from (not serialized).
    #[serde(skip)]
    pub story: Option<usize>,
    /// With a previous page: an item that page announced, now due, which
    /// today's articles report. `text`, `article` and `sentence` are the
    /// announcement on the previous page; `reported_in` is today's article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub happened: Option<bool>,
    /// Id of today's article that reports a `happened` item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<String>,
}

/// The sources of one story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceGroup {
    /// The story's headline.
    pub headline: String,
    /// Its articles, the first few of a large story (the story's `articles` lists them all).
    pub articles: Vec<DailySource>,
    /// How many more articles the story has than `articles` lists.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more: usize,
}

/// Counts about a daily briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DailyStats {
    /// Articles read.
    pub articles: usize,
    /// Stories found.
    pub stories: usize,
    /// Stories shown on the page.
    pub shown: usize,
    /// Words on the page body.
    pub words: usize,
    /// Articles that could not be read or briefed.
    pub failed: usize,
    /// Articles without a readable publication date, counted for the day (`--date`).
    #[serde(skip_serializing_if = "is_zero")]
    pub undated: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Words in the body of a daily page.
pub fn daily_words(d: &Daily) -> usize {
    let story = |s: &Story| {
        words(&s.headline)
            + s.bottom_line.iter().chain(&s.key_points).map(|p| words(&p.text)).sum::<usize>()
            + s.people.iter().map(|p| words(&p.name)).sum::<usize>()
            + s.countries.iter().map(|c| words(&c.name)).sum::<usize>()
            + s.previous.as_ref().map_or(0, |p| words(&p.headline) + 2)
    };
    d.stories.iter().map(story).sum::<usize>()
        + d.what_next.iter().map(|e| words(&e.text) + 1).sum::<usize>()
        + d.people
            .iter()
            .map(|p| words(&p.person.name) + p.person.role.as_deref().map_or(0, words))
            .sum::<usize>()
        + d.countries.len()
        + d.sources
            .iter()
            .map(|g| {
                let listed = g
                    .articles
                    .iter()
                    .map(|a| 1 + 2 * usize::from(a.address.is_some()) + usize::from(a.day.is_some()));
                listed.sum::<usize>() + usize::from(g.more > 0)
            })
            .sum::<usize>()
}

/// Fit a daily page within `budget` words: trim what-to-watch items past
/// three, people past six and countries past six, then key points from the
/// lowest-ranked stories up (each story keeps one), what to watch past two and
/// people past four, what to watch past one, people past three and countries
/// past four, then whole stories from the end (the first stays), then the
/// rest of the page-wide lists. Sentences are never cut.
pub fn fit_daily(d: &mut Daily, budget: usize) {
    let trim_people = |d: &mut Daily, keep: usize| {
        while daily_words(d) > budget && d.people.len() > keep {
            d.people.pop();
        }
    };
    let trim_events = |d: &mut Daily, keep: usize| {
        while daily_words(d) > budget && d.what_next.len() > keep {
            d.what_next.pop();
        }
    };
    trim_events(d, 3);
    trim_people(d, 6);
    while daily_words(d) > budget && d.countries.len() > 6 {
        d.countries.pop();
    }
    'points: while daily_words(d) > budget {
        for s in d.stories.iter_mut().rev() {
            if s.key_points.len() > 1 {
                s.key_points.pop();
                continue 'points;
            }
        }
        break;
    }
    trim_events(d, 2);
    trim_people(d, 4);
    // Page-wide lists shrink further before a whole story goes.
    trim_events(d, 1);
    trim_people(d, 3);
    while daily_words(d) > budget && d.countries.len() > 4 {
        d.countries.pop();
    }
    while daily_words(d) > budget && d.stories.len() > 1 {
        d.stories.pop();
        d.sources.truncate(d.stories.len());
    }
    trim_events(d, 0);
    trim_people(d, 0);
    // A story left out takes its sources and page-wide items along.
    let shown = d.stories.len();
    d.sources.truncate(shown);
    d.people.retain(|p| still_shown(&p.stories, shown));
    d.countries.retain(|c| still_shown(&c.stories, shown));
    d.what_next.retain(|e| e.story.is_none_or(|s| s < shown));
    d.stats.shown = d.stories.len();
    d.stats.words = daily_words(d);
}
