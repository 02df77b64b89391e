use serde::{Deserialize, Serialize};

use crate::fit::words;
use crate::model::{Mention, Person, SourceRef};

/// A day's briefing: many articles grouped into stories, on one page.
///
/// Field names are a JSON contract: `date`, `stories[].headline`,
/// `stories[].bottom_line[]`, `stories[].key_points[]` (each `{text, article,
/// sentence}`), `stories[].articles`, `stories[].people`,
/// `stories[].countries`, `what_next`, `sources`. Fields are only added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Daily {
    /// The day the briefing covers (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Stories, most important first.
    pub stories: Vec<Story>,
    /// People who appear across the day's stories.
    pub people: Vec<Person>,
    /// Countries across the day's stories.
    pub countries: Vec<Mention>,
    /// Dated forward-looking items from all stories, merged and sorted.
    pub what_next: Vec<DailyEvent>,
    /// The articles used, grouped by story.
    pub sources: Vec<SourceGroup>,
    /// Counts.
    pub stats: DailyStats,
}

/// A story: the articles about one event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
}

/// A sentence on the daily page, traceable to its article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DailyPoint {
    /// The sentence as in the source.
    pub text: String,
    /// Id of the article it comes from.
    pub article: String,
    /// 0-based sentence index in that article.
    pub sentence: usize,
    /// Score within the story, in `[0, 1]`.
    pub score: f32,
}

/// A forward-looking item with the article it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyEvent {
    /// The sentence announcing it.
    pub text: String,
    /// When, as resolved by extraction (`null` when not given).
    pub when: Option<String>,
    /// Article id.
    pub article: String,
    /// Sentence index.
    pub sentence: usize,
}

/// The sources of one story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceGroup {
    /// The story's headline.
    pub headline: String,
    /// Its articles.
    pub articles: Vec<SourceRef>,
}

/// Counts about a daily briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// Words in the body of a daily page.
pub fn daily_words(d: &Daily) -> usize {
    let story = |s: &Story| {
        words(&s.headline)
            + s.bottom_line.iter().chain(&s.key_points).map(|p| words(&p.text)).sum::<usize>()
            + s.people.iter().map(|p| words(&p.name)).sum::<usize>()
            + s.countries.iter().map(|c| words(&c.name)).sum::<usize>()
    };
    d.stories.iter().map(story).sum::<usize>()
        + d.what_next.iter().map(|e| words(&e.text) + 1).sum::<usize>()
        + d.people.iter().map(|p| words(&p.name) + p.role.as_deref().map_or(0, words)).sum::<usize>()
        + d.countries.len()
        + d.sources.iter().map(|g| g.articles.len()).sum::<usize>()
}

/// Fit a daily page within `budget` words: trim what-to-watch items past
/// three, people past six and countries past six, then key points from the
/// lowest-ranked stories up (each story keeps one), what to watch past two and
/// people past four, then whole stories from the end (the first stays), then
/// the rest of the page-wide lists. Sentences are never cut.
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
    while daily_words(d) > budget && d.stories.len() > 1 {
        d.stories.pop();
        d.sources.truncate(d.stories.len());
    }
    trim_events(d, 0);
    trim_people(d, 0);
    d.stats.shown = d.stories.len();
    d.stats.words = daily_words(d);
}
