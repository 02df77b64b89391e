//! The Attaché pipeline: parse → score → brief → render, as a library.
//!
//! The `attache` binary is a thin command-line layer over this crate (behind
//! the default `cli` feature; with `default-features = false` the crate has
//! no command-line dependencies). The main types:
//!
//! - [`Pipeline`], built once with [`Pipeline::builder`] (or
//!   [`Pipeline::new`] from [`Options`]) and shared across threads, briefs
//!   one article ([`Pipeline::brief`]) and renders the result
//!   ([`Pipeline::render`]). Its scorer is a named
//!   [`Method`] or any
//!   [`Scorer`] of yours.
//! - [`batch::Batch`] briefs a whole archive ([`attache_parse::Sources`]) on
//!   every core, in bounded memory, handing the results to a
//!   [`batch::Sink`] in input order.
//! - [`daily::Day`] groups a day's articles into stories and makes one
//!   page of them ([`daily::Day::brief`]).
//! - [`Brief`] and [`Daily`](attache_render::Daily), the data of a briefing
//!   and of a daily page, come from [`attache_render`].
//!
//! ```
//! use attache::Pipeline;
//! use attache_render::Format;
//!
//! let pipeline = Pipeline::builder().points(3).build()?;
//! let article = attache_parse::read_text("\
//! Envoys agree to resume grain talks
//!
//! ISTANBUL (Wire) — Negotiators from Turkey and Ukraine agreed on Thursday to resume grain talks next week.
//! The talks collapsed in July after a dispute over inspections of ships.")?;
//! let brief = pipeline.brief(article)?;
//! assert_eq!(brief.bottom_line[0].sentence, 0);
//! assert_eq!(brief.dateline.as_deref(), Some("Istanbul"));
//! let md = pipeline.render(&brief, Format::Markdown)?;
//! assert!(md.starts_with("# Envoys agree to resume grain talks"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The templates are the workspace's top-level `templates/`, compiled in
//! (see [`attache_render::Theme`]); [`PipelineBuilder::templates`] overrides
//! them file by file.
#![deny(missing_docs)]

pub mod batch;
mod builder;
pub mod daily;
pub mod input;
pub mod pdf;

use std::collections::BTreeMap;
use std::path::PathBuf;

use attache_parse::{Article, Document};
use attache_render::{Event, Point, RenderError, Renderer, Shown, SourceRef, Stats};
use attache_score::{Features, Selector};
pub use builder::PipelineBuilder;

/// The types a caller of [`Pipeline`] meets most, from the crates that
/// define them.
pub use attache_render::{Brief, Format, Paper, Theme};
pub use attache_score::{Method, Scorer};

/// Settings of a [`Pipeline`] by name, as the command line gives them (see
/// [`Pipeline::new`]); [`Pipeline::builder`] takes the parts themselves.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Key points to show at most (besides the bottom line). Default 5.
    pub points: usize,
    /// Word budget of the briefing body. Default 500.
    pub words: usize,
    /// Scoring method name (see [`attache_score::METHODS`]). Default `default`.
    pub method: String,
    /// Directory of user templates overriding the defaults. Default none.
    pub templates: Option<PathBuf>,
    /// Paper size of the HTML page. Default A4.
    pub paper: Paper,
}

impl Default for Options {
    fn default() -> Self {
        Options { points: 5, words: 500, method: "default".into(), templates: None, paper: Paper::A4 }
    }
}

/// Why a pipeline could not be built or an article could not be briefed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The method name is unknown.
    #[error(transparent)]
    Method(#[from] attache_score::UnknownMethod),
    /// Templates failed to load or render.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The article has text but no sentence (only a headline or subheads).
    #[error("the article has no sentences to brief (only a headline or subheads)")]
    NoSentences,
}

/// Parse → score → brief → render, configured once and reused.
///
/// `Pipeline` is `Send + Sync`: build it once and share it across threads.
#[derive(Debug)]
pub struct Pipeline {
    method: Method,
    renderer: Renderer,
    extractor: attache_extract::Extractor,
    options: Options,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pipeline>();
};

/// How many sentences at the top of an article count as its lead when
/// choosing the bottom line.
const LEAD_SENTENCES: usize = 3;

impl Pipeline {
    /// A builder with every part at its default (see [`PipelineBuilder`]).
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Build a pipeline from [`Options`]: look up the method by name and load
    /// the templates. The same as the [builder](Pipeline::builder) with
    /// these settings.
    ///
    /// # Errors
    ///
    /// [`Error::Method`] for an unknown method name, [`Error::Render`] for
    /// templates that cannot be read or are refused.
    pub fn new(options: &Options) -> Result<Pipeline, Error> {
        let method = Method::by_name(&options.method)?;
        let mut builder = Pipeline::builder()
            .method(method)
            .points(options.points)
            .words(options.words)
            .paper(options.paper);
        if let Some(dir) = &options.templates {
            builder = builder.templates(dir);
        }
        builder.build()
    }

    /// The options the pipeline was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The renderer, for rendering other data (daily briefings) with the same templates.
    pub fn renderer(&self) -> &Renderer {
        &self.renderer
    }

    /// The scoring method (named, or made from a user scorer).
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// Brief one article.
    ///
    /// # Errors
    ///
    /// [`Error::NoSentences`] when the article has no sentence to brief.
    pub fn brief(&self, article: Article) -> Result<Brief, Error> {
        let doc = Document::new(article);
        self.brief_document(&doc)
    }

    /// Brief an already segmented document.
    pub fn brief_document(&self, doc: &Document) -> Result<Brief, Error> {
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let features = Features::new(doc);
        let scored = self.method.score(doc, &features);
        Ok(self.brief_scored(doc, &features, &scored, None))
    }

    /// Brief one article and keep what was computed on the way, for callers
    /// that work across articles (the daily briefing).
    pub fn analyse(&self, article: Article) -> Result<Analysis, Error> {
        let doc = Document::new(article);
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let features = Features::new(&doc);
        let scored = self.method.score(&doc, &features);
        let mut events = Vec::new();
        let brief = self.brief_scored(&doc, &features, &scored, Some(&mut events));
        Ok(Analysis { scores: scored.scores, doc, features, brief, events })
    }

    /// `events`, when given, receives every forward-looking item of the
    /// article, before the briefing leaves out those its points already show.
    fn brief_scored(
        &self,
        doc: &Document,
        features: &Features,
        scored: &attache_score::Selection,
        events: Option<&mut Vec<Event>>,
    ) -> Brief {
        let point = |i: usize, rank: usize| {
            let mut p = Point::new(doc.sentence_text(i), i, scored.scores[i]);
            p.rank = rank;
            p.parts = scored.parts_of(i).map(|(n, v)| (n.to_string(), v)).collect::<BTreeMap<_, _>>();
            p
        };

        // Bottom line: the best-scored sentence of the lead (the first one for
        // the lead method), skipping fragments too short to stand alone.
        let lead_end = LEAD_SENTENCES.min(doc.sentences.len());
        let bottom = if self.method.is_lead() {
            0
        } else {
            (0..lead_end)
                .filter(|&i| features.words[i] >= 6)
                .max_by(|&a, &b| scored.scores[a].total_cmp(&scored.scores[b]).then(b.cmp(&a)))
                .unwrap_or(0)
        };

        let mut selector = Selector::new();
        selector.points(self.options.points).words(self.options.words);
        let picks = self.method.choose(scored, features, &selector, &[bottom]);

        let a = &doc.article;
        let mut brief = Brief {
            id: a.id.clone(),
            title: a.title.clone(),
            published: a.published.clone(),
            source: a.source.clone(),
            url: a.url.clone(),
            author: a.author.clone(),
            dateline: doc.dateline().map(title_case),
            method: self.method.name().to_string(),
            bottom_line: vec![point(bottom, 0)],
            key_points: picks.iter().map(|p| point(p.sentence, p.rank)).collect(),
            sources: vec![SourceRef {
                id: a.id.clone(),
                title: a.title.clone(),
                source: a.source.clone(),
                url: a.url.clone(),
                published: a.published.clone(),
            }],
            stats: Stats { words: a.word_count(), sentences: doc.sentences.len(), ..Stats::default() },
            ..Brief::default()
        };
        let x = self.extractor.extract(doc);
        if let Some(events) = events {
            events.extend(x.what_next.iter().cloned());
        }
        fill_extraction(&mut brief, x);
        attache_render::fit_to_budget(&mut brief, self.page_budget(self.options.words));
        brief
    }

    /// The page budget for `words` on this pipeline's paper: US Letter is
    /// about 6% shorter than A4, so it gets 90% of the budget.
    pub fn page_budget(&self, words: usize) -> usize {
        match self.options.paper {
            Paper::Letter => words * 9 / 10,
            _ => words,
        }
    }

    /// Render a daily page (see [`daily::Day::brief`]) in a format, with the
    /// `daily.*` templates.
    ///
    /// # Errors
    ///
    /// [`Error::Render`] when a (user) template fails on this page.
    pub fn render_daily(&self, daily: &attache_render::Daily, format: Format) -> Result<String, Error> {
        Ok(self.renderer.render_named("daily", daily, format)?)
    }

    /// Render a briefing in a format.
    ///
    /// # Errors
    ///
    /// [`Error::Render`] when a (user) template fails on this briefing.
    pub fn render(&self, brief: &Brief, format: Format) -> Result<String, Error> {
        Ok(self.renderer.render(brief, format)?)
    }
}

/// People, organisations and places listed at most.
const MAX_NAMED: usize = 8;
/// Quotes shown at most (the page fitting may drop more).
const MAX_QUOTES: usize = 3;
/// What-to-watch items shown at most.
const MAX_WHAT_NEXT: usize = 4;
/// Parties whose positions are shown at most.
const MAX_PARTIES: usize = 4;

/// Fill the who / where / quotes / positions / what-next sections from the
/// extraction. Every item found stays in its list (the JSON holds them all);
/// the page's limits decide which are shown, never repeating a sentence the
/// bottom line or key points already show. The extraction's lists are the
/// briefing's types: they are flagged and moved, not copied.
fn fill_extraction(brief: &mut Brief, x: attache_extract::Extraction) {
    // Each point says how the article knows it.
    let source = |p: &mut Point| p.sourcing = x.sourcing.get(p.sentence).cloned();
    brief.bottom_line.iter_mut().chain(&mut brief.key_points).for_each(source);
    let shown: Vec<usize> = brief.bottom_line.iter().chain(&brief.key_points).map(|p| p.sentence).collect();
    let shown_text: Vec<&str> =
        brief.bottom_line.iter().chain(&brief.key_points).map(|p| p.text.as_str()).collect();
    brief.people = show_first(x.people, MAX_NAMED, |_| true);
    // The publisher named in a dateline is not an actor of the story.
    let publisher = brief.source.as_deref().unwrap_or_default();
    brief.organisations = show_first(x.organisations, MAX_NAMED, |o| o.name != publisher);
    brief.countries = show_first(x.countries, MAX_NAMED, |_| true);
    brief.places = show_first(x.places, MAX_NAMED, |_| true);

    // The most informative direct quotes are shown: attributed first, then
    // longer, not already inside a key point. The list stays in reading order.
    let mut quotes = x.quotes;
    for q in &mut quotes {
        // `quote_text` is a prefix of the text.
        let len = quote_text(&q.text).len();
        q.text.truncate(len);
        q.shown = false;
    }
    let mut order: Vec<usize> = (0..quotes.len())
        .filter(|&k| {
            let q = &quotes[k];
            q.direct
                && q.text.split_whitespace().count() >= 5
                && !shown_text.iter().any(|t| contains(t, &q.text))
        })
        .collect();
    order.sort_by_key(|&k| {
        let q = &quotes[k];
        (q.speaker.is_none(), std::cmp::Reverse(q.text.split_whitespace().count().min(40)))
    });
    for &k in order.iter().take(MAX_QUOTES) {
        quotes[k].shown = true;
    }
    brief.quotes = quotes;
    let quoted: Vec<&str> = brief.quotes.iter().filter(|q| q.shown).map(|q| q.text.as_str()).collect();
    let shown_text: Vec<&str> = shown_text.into_iter().chain(quoted).collect();

    let mut positions = x.positions;
    let mut parties = 0;
    for p in &mut positions {
        let mut points = 0;
        for t in &mut p.points {
            t.sourcing = x.sourcing.get(t.sentence).cloned();
            let core = t.text.trim_end_matches([',', '.', ';', ':', ' ']);
            t.shown =
                points < 2 && !shown.contains(&t.sentence) && !shown_text.iter().any(|s| contains(s, core));
            points += usize::from(t.shown);
        }
        p.shown = points > 0 && parties < MAX_PARTIES;
        parties += usize::from(p.shown);
    }
    brief.positions = positions;
    brief.what_next = show_first(x.what_next, MAX_WHAT_NEXT, |w| !shown.contains(&w.sentence));
}

/// Show the first `max` items of `v` that pass `eligible`; hide the rest.
fn show_first<T: Shown>(mut v: Vec<T>, max: usize, eligible: impl Fn(&T) -> bool) -> Vec<T> {
    let mut n = 0;
    for x in &mut v {
        let show = n < max && eligible(x);
        x.set_shown(show);
        n += usize::from(show);
    }
    v
}

/// `haystack.contains(needle)` for sentence-sized strings: candidates are the
/// places of the needle's first byte, checked directly. (A general substring
/// searcher spends more on its set-up than on a sentence.)
fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    if n.len() > h.len() {
        return false;
    }
    memchr::memchr_iter(first, &h[..=h.len() - n.len()]).any(|i| h[i..].starts_with(n))
}

/// One article after the pipeline: its document, features, sentence scores
/// and briefing.
#[derive(Debug)]
#[non_exhaustive]
pub struct Analysis {
    /// The segmented article.
    pub doc: Document,
    /// Its sentence features.
    pub features: Features,
    /// Combined score of every sentence, in `[0, 1]`.
    pub scores: Vec<f32>,
    /// The single-article briefing.
    pub brief: Brief,
    /// Every forward-looking item of the article, including those the
    /// single-article briefing leaves out because its points show them.
    pub events: Vec<Event>,
}

/// `NEW DELHI` → `New Delhi`.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A quote as a briefing shows it, in one form whatever punctuation closed it
/// in the article: `“…only a press release,” she said` and `“…only a press
/// release.”` both end at "release". A comma, semicolon, colon or full stop
/// belongs to the sentence around the quote; a question or exclamation mark,
/// an ellipsis and the full stop of a final abbreviation ("the U.S.") are
/// part of what was said and stay.
fn quote_text(text: &str) -> &str {
    let t = text.trim_end_matches([',', ';', ':', ' ']);
    match t.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !last_word(rest).contains('.') => {
            rest.trim_end_matches([',', ';', ':', ' '])
        }
        _ => t,
    }
}

fn last_word(s: &str) -> &str {
    s.rsplit(char::is_whitespace).next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_end_one_way() {
        use super::quote_text;
        assert_eq!(quote_text("We will not back down,"), "We will not back down");
        assert_eq!(quote_text("We will not back down."), "We will not back down");
        assert_eq!(quote_text("We will not back down"), "We will not back down");
        assert_eq!(quote_text("Will they back down?"), "Will they back down?");
        assert_eq!(quote_text("Never!"), "Never!");
        assert_eq!(quote_text("We waited and waited..."), "We waited and waited...");
        assert_eq!(quote_text("The decision rests with the U.S."), "The decision rests with the U.S.");
        assert_eq!(quote_text("First sentence. Second one."), "First sentence. Second one");
    }

    use super::contains;

    #[test]
    fn contains_agrees_with_str_contains() {
        let hay = ["", "a", "Talks resumed in Geneva.", "“We came in good faith,” she said.", "aaab aab ab"];
        let needles = ["", "a", "ab", "aab", "Geneva", "Geneva.", "good faith", "“We", "she said. More", "b"];
        for h in hay {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }
}
