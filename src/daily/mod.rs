//! The daily briefing: a day's articles grouped into stories, on one page.
//!
//! 1. Every article goes through the single-article [`Pipeline`](crate::Pipeline)
//!    and is kept only as a compact [`DayArticle`]: its candidate sentences
//!    with their scores and vectors, its content-word counts, its actors and
//!    its metadata. The parsed document is dropped at once, so a day of
//!    50,000 articles fits in memory.
//! 2. A [`Day`] interns every article's terms into one day-wide term space
//!    and weighs the article vectors by TF-IDF (IDF over the day's articles).
//! 3. Stories are grouped without comparing every pair (module `group`): an
//!    inverted index over each article's most distinctive content words and
//!    its actors proposes the nearest candidates, only those pairs are scored
//!    (content cosine blended with actor overlap, discounted when the dates
//!    are far apart), and average-linkage clustering over that sparse graph
//!    merges them while their average similarity stays above a threshold.
//! 4. Stories are ranked by coverage (articles and distinct outlets) and by
//!    how central their actors are across the day (module `select`).
//! 5. Sentences are chosen story by story, most important first, from
//!    whichever article says it best: a sentence's story score is 0.4 × its
//!    score in its own article + 0.6 × its cosine with the story's centroid
//!    (centroid-based multi-document summarization, as in MEAD). A
//!    sentence that repeats anything already on the page is never chosen.
//! 6. With a previous page ([`since`]), stories are marked new, developing
//!    or continuing, and a developing story shows only what is new.
//! 7. The page-wide sections (who's who, what to watch, sources) are merged
//!    from the stories shown, and the page is fitted to a word budget.
//!
//! In code: a [`Day`] collects the articles ([`Day::read`] reads and briefs
//! [`Sources`](attache_parse::Sources) in parallel, as `attache daily` does;
//! [`Day::add`] briefs one with a [`Pipeline`](crate::Pipeline);
//! [`Day::push`] adds one already made into a [`DayArticle`]), and
//! [`Day::brief`] groups, ranks and selects with [`DailyOptions`], giving the
//! page's data, a [`Daily`], which
//! [`Pipeline::render_daily`](crate::Pipeline::render_daily) renders.
//!
//! ```
//! use attache::Pipeline;
//! use attache::daily::{DailyOptions, Day};
//! use attache_render::Format;
//!
//! let pipeline = Pipeline::builder().build()?;
//! let mut day = Day::new();
//! for record in attache_parse::Sources::open(&["examples/articles"])? {
//!     match record.result {
//!         Ok(article) => day.add(&pipeline, article)?,
//!         Err(_) => day.failed += 1,
//!     }
//! }
//! let mut options = DailyOptions::default();
//! options.stories = 3;
//! let page = day.brief(&options, None);
//! assert!(page.stories.len() <= 3);
//! let md = pipeline.render_daily(&page, Format::Markdown)?;
//! assert!(!page.stories.is_empty() && !md.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod coverage;
mod group;
mod merge;
mod read;
mod select;
pub mod since;

use std::hash::{Hash, Hasher};

use attache_render::{Daily, Event, Mention, Person};
use rustc_hash::FxHashMap;

use crate::Analysis;
pub use read::{ReadCounts, ReadOptions};
pub use since::Previous;

/// Settings of a daily briefing.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DailyOptions {
    /// Stories shown at most. Default 6.
    pub stories: usize,
    /// Key points per story besides the bottom line, at most. Default 2.
    pub points: usize,
    /// Word budget of the page body. Default 520.
    pub words: usize,
    /// The day covered (`YYYY-MM-DD`); by default the most common publication date.
    pub date: Option<String>,
    /// Similarity above which articles join one story. Default 0.12.
    pub threshold: f32,
    /// Cosine similarity above which a sentence repeats one on the page. Default 0.5.
    pub redundancy: f32,
    /// Term containment above which a sentence repeats one on the page. Default 0.6.
    pub containment: f32,
    /// Cosine similarity above which a sentence repeats one already chosen
    /// for the same story: stricter than on the page, because articles about
    /// one event restate it in different words. Default 0.3.
    pub story_redundancy: f32,
}

impl Default for DailyOptions {
    fn default() -> Self {
        DailyOptions {
            stories: 6,
            points: 2,
            words: 520,
            date: None,
            threshold: 0.12,
            redundancy: 0.5,
            containment: 0.6,
            story_redundancy: 0.3,
        }
    }
}

type Vector = Vec<(u32, f32)>;

/// Forward-looking items kept per article.
const MAX_EVENTS: usize = 4;

/// A sentence of a [`DayArticle`] that may appear on the page.
#[derive(Debug, Clone)]
pub(crate) struct DaySentence {
    /// Byte range in [`DayArticle::text`].
    span: (u32, u32),
    /// 0-based index in the article.
    index: u32,
    /// Score in its own article.
    score: f32,
    /// Range of its per-article weighted vector in [`DayArticle::sentence_terms`]
    /// (day-wide term ids once interned).
    terms: (u32, u32),
}

/// What the daily briefing keeps of one analysed article.
#[derive(Debug, Clone)]
pub struct DayArticle {
    id: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
    /// Day number of the publication date, when parseable.
    day: Option<i64>,
    people: Vec<Person>,
    countries: Vec<Mention>,
    /// Lower-cased names of people, countries and places.
    actors: Vec<String>,
    /// Forward-looking items, each with its sentence vector when it has one.
    events: Vec<(Event, Vector)>,
    /// The text of the candidate sentences, one after the other.
    text: Box<str>,
    /// The vectors of the candidate sentences, one after the other.
    sentence_terms: Box<[(u32, f32)]>,
    /// Candidate sentences: at least six words and not a quotation fragment.
    sentences: Vec<DaySentence>,
    /// Content-word counts, then (once the day is complete) the unit TF-IDF vector.
    vector: Vector,
    /// Hash of each article-local term id, until interned.
    hashes: Vec<u64>,
}

impl DayArticle {
    /// Keep what the daily briefing needs of `a`. An article without an id
    /// is named by its position among the day's articles (`article-3`).
    pub fn new(a: Analysis) -> DayArticle {
        let Analysis { doc, features, scores, brief, events } = a;
        let vocab = &doc.vocab;
        let hashes: Vec<u64> = (0..vocab.len() as u32).map(|t| term_hash(vocab.term(t))).collect();
        let mut counts: FxHashMap<u32, f32> = FxHashMap::default();
        for tok in doc.tokens.iter().filter(|t| !t.is_stop()) {
            *counts.entry(tok.term).or_default() += 1.0;
        }
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut sentence_terms = Vec::new();
        for (s, &score) in scores.iter().enumerate().take(doc.sentences.len()) {
            if features.words[s] < 6 || features.quote_fragment[s] {
                continue;
            }
            let start = text.len() as u32;
            text.push_str(doc.sentence_text(s));
            let first = sentence_terms.len() as u32;
            sentence_terms.extend_from_slice(&features.vectors[s]);
            sentences.push(DaySentence {
                span: (start, text.len() as u32),
                index: s as u32,
                score,
                terms: (first, sentence_terms.len() as u32),
            });
        }
        sentences.shrink_to_fit();
        // The daily page works from what the article's own page shows.
        let brief = brief.page();
        let mut actors: Vec<String> = brief
            .people
            .iter()
            .map(|p| p.name.to_lowercase())
            .chain(brief.countries.iter().chain(&brief.places).map(|m| m.name.to_lowercase()))
            .collect();
        actors.sort();
        actors.dedup();
        let events = events
            .into_iter()
            .take(MAX_EVENTS)
            .map(|e| {
                let v = features.vectors.get(e.sentence).cloned().unwrap_or_default();
                (e, v)
            })
            .collect();
        DayArticle {
            id: brief.id.unwrap_or_default(),
            day: brief.published.as_deref().and_then(day_number),
            title: brief.title,
            source: brief.source,
            url: brief.url,
            published: brief.published,
            people: brief.people,
            countries: brief.countries,
            actors,
            events,
            text: text.into_boxed_str(),
            sentence_terms: sentence_terms.into_boxed_slice(),
            sentences,
            vector: counts.into_iter().collect(),
            hashes,
        }
    }

    /// The article's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its publication date as given, when it has one.
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }

    fn sentence_text(&self, s: &DaySentence) -> &str {
        &self.text[s.span.0 as usize..s.span.1 as usize]
    }

    fn sentence_vector(&self, s: &DaySentence) -> &[(u32, f32)] {
        &self.sentence_terms[s.terms.0 as usize..s.terms.1 as usize]
    }
}

fn term_hash(term: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    term.hash(&mut h);
    h.finish()
}

/// A day's articles in one term space, ready to be briefed.
#[derive(Debug, Default)]
pub struct Day {
    terms: FxHashMap<u64, u32>,
    df: Vec<u32>,
    articles: Vec<DayArticle>,
    /// Articles that could not be read or briefed.
    pub failed: usize,
    /// Articles without a usable publication date (kept, and flagged in the stats).
    pub undated: usize,
}

impl Day {
    /// An empty day.
    pub fn new() -> Day {
        Day::default()
    }

    /// Articles added so far.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Brief one article with `pipeline` and add it (see [`Day::push`]).
    ///
    /// # Errors
    ///
    /// [`Error::NoSentences`](crate::Error::NoSentences) when the article has
    /// nothing to brief; the day is unchanged (count it in [`Day::failed`]
    /// if the page should say so).
    pub fn add(
        &mut self,
        pipeline: &crate::Pipeline,
        article: attache_parse::Article,
    ) -> Result<(), crate::Error> {
        self.push(DayArticle::new(pipeline.analyse(article)?));
        Ok(())
    }

    /// Add one article: its terms join the day's term space. Articles are
    /// kept in the order added, which breaks ties in grouping and ranking:
    /// add them in input order for a page that does not depend on timing.
    pub fn push(&mut self, mut a: DayArticle) {
        let global: Vec<u32> = a
            .hashes
            .iter()
            .map(|h| {
                let next = self.terms.len() as u32;
                *self.terms.entry(*h).or_insert(next)
            })
            .collect();
        self.df.resize(self.terms.len(), 0);
        let remap = |v: &mut Vector| {
            for p in v.iter_mut() {
                p.0 = global[p.0 as usize];
            }
            v.sort_unstable_by_key(|p| p.0);
        };
        remap(&mut a.vector);
        a.vector.shrink_to_fit();
        for &(t, _) in &a.vector {
            self.df[t as usize] += 1;
        }
        for s in &a.sentences {
            let v = &mut a.sentence_terms[s.terms.0 as usize..s.terms.1 as usize];
            for p in v.iter_mut() {
                p.0 = global[p.0 as usize];
            }
            v.sort_unstable_by_key(|p| p.0);
        }
        for (_, v) in &mut a.events {
            remap(v);
        }
        a.hashes = Vec::new();
        if a.id.is_empty() {
            a.id = format!("article-{}", self.articles.len() + 1);
        }
        if a.published.as_deref().and_then(day_number).is_none() {
            self.undated += 1;
        }
        self.articles.push(a);
    }

    /// Weigh the article vectors by day-wide IDF and build the page: group
    /// the articles into stories, rank the stories, choose their sentences
    /// and fit the page to `options.words`. With `previous` (the page of an
    /// earlier day), stories are marked new, developing or continuing.
    pub fn brief(mut self, options: &DailyOptions, previous: Option<&Previous>) -> Daily {
        use rayon::prelude::*;
        let n = self.articles.len().max(1) as f32;
        let df = &self.df;
        self.articles.par_iter_mut().for_each(|a| {
            for p in a.vector.iter_mut() {
                p.1 = (1.0 + p.1.ln()) * (1.0 + n / df[p.0 as usize] as f32).ln();
            }
            normalize(&mut a.vector);
        });
        let date = options.date.clone().or_else(|| common_date(&self.articles));
        let space = Space { terms: &self.terms, df: &self.df, n };
        // Undated articles are flagged only when a day was asked for.
        let undated = if options.date.is_some() { self.undated } else { 0 };
        select::build(&self.articles, &space, options, previous, date, (self.failed, undated))
    }
}

/// The day's term space: term ids and article frequencies.
pub(crate) struct Space<'a> {
    terms: &'a FxHashMap<u64, u32>,
    df: &'a [u32],
    n: f32,
}

/// Build the daily briefing from analysed articles (in input order).
/// `failed` counts inputs that could not be read or briefed, for the page's counts.
pub fn build_daily(analyses: Vec<Analysis>, options: &DailyOptions, failed: usize) -> Daily {
    let mut day = Day::new();
    for a in analyses {
        day.push(DayArticle::new(a));
    }
    day.failed = failed;
    day.brief(options, None)
}

fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for p in v.iter_mut() {
            p.1 /= norm;
        }
    }
}

/// The most common `YYYY-MM-DD` publication date (the latest on ties).
fn common_date(articles: &[DayArticle]) -> Option<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for a in articles {
        if let Some(p) = a.published.as_deref()
            && p.len() >= 10
            && day_number(p).is_some()
        {
            *counts.entry(&p[..10]).or_default() += 1;
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0))).map(|(d, _)| d.to_string())
}

/// Whether an article published at `published` belongs to the day `date`
/// (`YYYY-MM-DD`): its date starts with that day, or it has no readable
/// date (such articles count for the day asked for, and are flagged).
pub fn on_day(published: Option<&str>, date: &str) -> bool {
    match (published.and_then(day_number), day_number(date)) {
        (Some(p), Some(d)) => p == d,
        _ => true,
    }
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD`.
pub fn day_number(s: &str) -> Option<i64> {
    let (y, m, d) = (
        s.get(0..4)?.parse::<i64>().ok()?,
        s.get(5..7)?.parse::<i64>().ok()?,
        s.get(8..10)?.parse::<i64>().ok()?,
    );
    if s.as_bytes().get(4) != Some(&b'-') || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-11-27T08:00:00Z"), Some(20_784));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("27 Nov 2026"), None);
    }

    #[test]
    fn days_select_articles() {
        assert!(on_day(Some("2026-11-25T23:10:00Z"), "2026-11-25"));
        assert!(!on_day(Some("2026-11-24"), "2026-11-25"));
        assert!(on_day(None, "2026-11-25"));
        assert!(on_day(Some("yesterday"), "2026-11-25"));
    }
}
