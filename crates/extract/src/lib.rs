//! Information extraction for Attaché briefings: who, where, quotes and what next.
//!
//! # Brief overview
//!
//! An [`Extractor`] reads a parsed [`Document`] and
//! returns an [`Extraction`]: people with their role and country,
//! organisations, countries, places, quotes with their speakers, the
//! positions of the main parties and forward-looking `what_next` items with
//! dates resolved against the publication date. [`Extractor::spans`] does the
//! same on raw text and reports entity and quote spans in code points, which is
//! what `attache extract` prints.
//!
//! The people ([`Person`]), organisations, countries and places
//! ([`Mention`]), quotes ([`Quote`]), positions ([`Stance`], made of
//! [`Point`]s) and what-next items ([`Event`]) are the briefing's own types,
//! defined once in `attache-model` and re-exported here: a briefing takes them
//! over as they are.
//!
//! Everything is rule-based and deterministic: gazetteers compiled into the
//! crate (`data/`, each file names its public source), titles and honorifics,
//! capitalisation, appositions and attribution verbs. An `Extractor` is
//! `Send + Sync`; build it once and share it across threads.
//!
//! ```
//! use attache_extract::Extractor;
//! use attache_parse::{Document, read_text};
//!
//! let doc = Document::new(read_text("\
//! Ministers meet in Geneva
//!
//! India's external affairs minister Subrahmanyam Jaishankar met Chinese officials in Geneva on Monday.
//! “We want calm on the border,” Jaishankar said. Tokyo and Seoul welcomed the talks.")?);
//! let x = Extractor::new().extract(&doc);
//! let p = &x.people[0];
//! assert_eq!(p.name, "Subrahmanyam Jaishankar");
//! assert_eq!(p.role.as_deref(), Some("external affairs minister"));
//! assert_eq!(p.country.as_deref(), Some("India"));
//! assert_eq!(x.quotes[0].speaker.as_deref(), Some("Subrahmanyam Jaishankar"));
//! assert!(x.countries.iter().any(|c| c.name == "Japan"));
//! assert!(x.places.iter().any(|c| c.name == "Geneva"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod analysis;
mod date;
mod entity;
mod lexicon;
mod next;
mod positions;
mod quote;
mod sourcing;
#[cfg(test)]
mod testutil;
mod tok;

use rustc_hash::FxHashMap;
use std::ops::Range;

use attache_parse::{BlockKind, Document};
use serde::Serialize;

pub use attache_model::{Attribution, Event, Mention, Person, Point, Quote, Sourcing, Stance};
pub use entity::EntityType;

use analysis::{CharIndex, analyse, line_paragraphs, sentence_of};
use entity::Sense;
use lexicon::GAZETTEER;

/// Everything extracted from one article.
///
/// The people, mentions, quotes, stances and events are the briefing's own
/// types ([`attache_model`], re-exported here), which the briefing takes over
/// as they are; their serde form is the briefing's JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Extraction {
    /// People, most mentioned first.
    pub people: Vec<Person>,
    /// Organisations, most mentioned first.
    pub organisations: Vec<Mention>,
    /// Countries (names, demonyms, compounds, capitals used for governments).
    pub countries: Vec<Mention>,
    /// Cities, regions, seas and other places.
    pub places: Vec<Mention>,
    /// Quotations (three words or more) in reading order, direct ones and phrases quoted inside
    /// reported speech ([`Quote::direct`]), with byte spans ([`Quote::span`]).
    pub quotes: Vec<Quote>,
    /// What each main party says or does (points with score 0).
    pub positions: Vec<Stance>,
    /// Forward-looking items, dated ones first by date ([`Event::resolved`]
    /// tells an ISO date from an expression as written).
    pub what_next: Vec<Event>,
    /// How the article knows each sentence, by sentence index (one per
    /// sentence of the document).
    pub sourcing: Vec<Sourcing>,
    /// Entity mentions with byte spans into the document text.
    #[serde(skip)]
    pub mentions: Vec<EntitySpan>,
}

/// An entity mention with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EntitySpan {
    /// Start offset (bytes in [`Extraction::mentions`], code points in [`Spans`]).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// Entity type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The text of the mention.
    pub text: String,
    /// Canonical name: full personal name, country for demonyms and capitals used for governments.
    pub canonical: String,
}

/// A quote span for [`Extractor::spans`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct QuoteSpan {
    /// Start offset in code points, after the opening mark.
    pub start: usize,
    /// End offset in code points, before the closing mark; exclusive.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// The speaker's canonical name, when found.
    pub speaker: Option<String>,
    /// A whole statement quoted (`false`: a phrase of three words or more quoted inside
    /// reported speech, "warned that “if nothing is done …”").
    pub direct: bool,
}

/// Entity and quote spans of a raw text, offsets in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Spans {
    /// Entity mentions.
    pub entities: Vec<EntitySpan>,
    /// Direct quotes, and partial quotes of three words or more ([`QuoteSpan::direct`]).
    pub quotes: Vec<QuoteSpan>,
}

/// The extractor. Cheap to clone; gazetteers are built once per process.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Extractor {}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<Extraction>();
};

fn count_named<'a>(items: impl Iterator<Item = &'a str>) -> Vec<Mention> {
    let mut order: Vec<Mention> = Vec::new();
    let mut idx: FxHashMap<&str, usize> = FxHashMap::default();
    for s in items {
        match idx.get(s) {
            Some(&i) => order[i].mentions += 1,
            None => {
                idx.insert(s, order.len());
                order.push(Mention { name: s.to_string(), mentions: 1, shown: true });
            }
        }
    }
    // Stable: ties keep first-appearance order.
    order.sort_by_key(|n| std::cmp::Reverse(n.mentions));
    order
}

impl Extractor {
    /// A new extractor. The first call in a process builds the gazetteer automata.
    pub fn new() -> Extractor {
        std::sync::LazyLock::force(&GAZETTEER);
        std::sync::LazyLock::force(&lexicon::LEXICON);
        lexicon::flags("warm");
        Extractor {}
    }

    /// Extract people, places, quotes, positions and what comes next from a document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let sents: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let paras: Vec<Range<usize>> = doc
            .blocks
            .iter()
            .zip(&doc.article.blocks)
            .filter(|(_, b)| b.kind != BlockKind::Subhead)
            .map(|(r, _)| r.clone())
            .collect();
        let mut a = analyse(text, sents, &paras, Some(doc));
        let g = &*GAZETTEER;
        let gt = |m: &entity::Mention| {
            &text[a.toks[m.t0 as usize].s as usize..a.toks[m.t1 as usize - 1].e as usize]
        };

        let mut people: Vec<Person> = a
            .people
            .iter()
            .filter(|p| p.mentions > 0)
            .map(|p| Person {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.map(|c| g.countries[c as usize].name.to_string()),
                mentions: p.mentions,
                shown: true,
            })
            .collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.mentions));
        let organisations =
            count_named(a.ms.iter().filter(|m| m.sense == Sense::Org).map(|m| m.canonical.as_str()));
        let countries = count_named(
            entity::story_countries(text, &a.toks, &a.ms).into_iter().map(|c| g.countries[c as usize].name),
        );
        let places = count_named(
            a.ms.iter()
                .filter(|m| m.sense == Sense::Place && m.ty == EntityType::Loc)
                .map(|m| m.canonical.as_str()),
        );
        let speakers = std::mem::take(&mut a.speakers);
        let sent_of = |b: usize| sentence_of(&a, b);
        let quotes: Vec<Quote> = a
            .segs
            .iter()
            .zip(speakers)
            .filter(|(s, _)| s.is_quotation(text))
            .map(|(s, sp)| Quote {
                text: text[s.span.clone()].to_string(),
                speaker: sp,
                sentence: sent_of(s.span.start),
                direct: s.direct,
                span: s.span.clone(),
                shown: true,
            })
            .collect();
        let spoken: Vec<(usize, &str)> =
            quotes.iter().filter_map(|q| Some((q.sentence, q.speaker.as_deref()?))).collect();
        let sourcing = sourcing::sourcing(text, &a, &spoken);
        drop(spoken);
        let pubd = doc.article.published.as_deref().and_then(date::parse_published);
        let what_next = next::what_next(text, &a, pubd);
        let positions = positions::positions(text, &a, &quotes);
        // Last: the mentions give up their canonical names.
        let mentions = std::mem::take(&mut a.ms)
            .into_iter()
            .map(|m| EntitySpan {
                start: a.toks[m.t0 as usize].s as usize,
                end: a.toks[m.t1 as usize - 1].e as usize,
                ty: m.ty,
                text: gt(&m).to_string(),
                canonical: m.canonical,
            })
            .collect();
        Extraction {
            people,
            organisations,
            countries,
            places,
            quotes,
            positions,
            what_next,
            sourcing,
            mentions,
        }
    }

    /// Entity and quote spans of raw text, in code points. Each line is a paragraph.
    pub fn spans(&self, text: &str) -> Spans {
        let (sents, paras) = line_paragraphs(text);
        // Raw text has no parse tokens: the extractor reads it all.
        let a = analyse(text, sents, &paras, None);
        // Byte → code point offsets.
        let mut cp = CharIndex::new(text);
        let mut entities: Vec<EntitySpan> =
            a.ms.iter()
                .map(|m| {
                    let (s, e) = (a.toks[m.t0 as usize].s as usize, a.toks[m.t1 as usize - 1].e as usize);
                    EntitySpan {
                        start: s,
                        end: e,
                        ty: m.ty,
                        text: text[s..e].to_string(),
                        canonical: m.canonical.clone(),
                    }
                })
                .collect();
        for e in &mut entities {
            e.start = cp.at(e.start);
            e.end = cp.at(e.end);
        }
        let mut quotes: Vec<QuoteSpan> = a
            .segs
            .iter()
            .zip(&a.speakers)
            .filter(|(s, _)| s.direct || s.is_quotation(text))
            .map(|(s, sp)| QuoteSpan {
                start: s.span.start,
                end: s.span.end,
                text: text[s.span.clone()].to_string(),
                speaker: sp.clone(),
                direct: s.direct,
            })
            .collect();
        let mut cp = CharIndex::new(text);
        for q in &mut quotes {
            q.start = cp.at(q.start);
            q.end = cp.at(q.end);
        }
        Spans { entities, quotes }
    }
}
