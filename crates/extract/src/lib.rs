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
mod quote;
#[cfg(test)]
mod testutil;
mod tok;

use rustc_hash::FxHashMap;
use std::ops::Range;

use attache_parse::{BlockKind, Document};
use serde::Serialize;

pub use attache_model::{Event, Mention, Person, Point, Quote, Stance};
pub use entity::EntityType;

use analysis::{Analysis, CharIndex, analyse, line_paragraphs, sentence_of};
use entity::Sense;
use lexicon::{GAZETTEER, w};
use tok::shape;

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
                order.push(Mention { name: s.to_string(), mentions: 1 });
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
            })
            .collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.mentions));
        let organisations =
            count_named(a.ms.iter().filter(|m| m.sense == Sense::Org).map(|m| m.canonical.as_str()));
        let countries = count_named(
            a.ms.iter()
                .filter(|m| m.sense == Sense::Country)
                .flat_map(|m| m.country_ids().iter().map(|&c| g.countries[c as usize].name)),
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
            })
            .collect();
        let pubd = doc.article.published.as_deref().and_then(date::parse_published);
        let what_next = what_next(text, &a, pubd);
        let positions = positions(text, &a, &countries, &quotes);
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
        Extraction { people, organisations, countries, places, quotes, positions, what_next, mentions }
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

fn what_next(text: &str, a: &Analysis, pubd: Option<jiff::civil::Date>) -> Vec<Event> {
    let mut items: Vec<(Option<date::When>, Event)> = Vec::new();
    let mut ti = 0;
    for (si, r) in a.sents.iter().enumerate() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let toks = &a.toks[t0..ti];
        let next_is = |k: usize, words: &[&str]| {
            toks.get(k + 1).is_some_and(|t| words.iter().any(|x| t.text(text).eq_ignore_ascii_case(x)))
        };
        let mut future = false;
        let mut event = false;
        for (k, t) in toks.iter().enumerate() {
            if !t.has(w::FUTURE | w::EVENT) || a.quoted_tok[t0 + k] {
                continue;
            }
            event |= t.has(w::EVENT);
            let l = t.text(text);
            let is = |x: &str| l.eq_ignore_ascii_case(x);
            let cue = if is("will") || is("shall") {
                !next_is(k, &["not"])
            } else if is("plans") || is("plan") || is("intends") || is("aims") {
                next_is(k, &["to"])
            } else if is("expected") || is("scheduled") || is("due") || is("set") {
                next_is(k, &["to", "for", "on"])
            } else if is("upcoming") || is("forthcoming") {
                true
            } else if is("next") {
                next_is(k, &["week", "month", "year"])
            } else if is("later") {
                next_is(k, &["this"])
            } else {
                false
            };
            future |= cue;
        }
        if !future {
            continue;
        }
        let dates = date::find_dates(text, toks, pubd, true);
        // Future dates only: a resolved date before publication is background.
        let d = dates.iter().find(|d| d.when.is_none_or(|w| pubd.is_none_or(|p| w.end >= p)));
        if !event && d.is_none() {
            continue;
        }
        let (when, resolved, key) = match d {
            Some(d) => match d.when {
                Some(wh) => (Some(wh.iso()), true, Some(wh)),
                None => (Some(text[d.span.clone()].to_string()), false, None),
            },
            None => (None, false, None),
        };
        items.push((key, Event { text: text[r.clone()].to_string(), when, sentence: si, resolved }));
    }
    // Dated items by date, then undated in reading order.
    items.sort_by(|x, y| match (&x.0, &y.0) {
        (Some(a), Some(b)) => a.cmp(b).then(x.1.sentence.cmp(&y.1.sentence)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.1.sentence.cmp(&y.1.sentence),
    });
    items.into_iter().map(|(_, w)| w).collect()
}

fn positions(text: &str, a: &Analysis, countries: &[Mention], quotes: &[Quote]) -> Vec<Stance> {
    let g = &*GAZETTEER;
    // Main parties: up to four countries mentioned at least twice, counting mentions of their people.
    let mut weight: Vec<(&str, usize)> = countries.iter().map(|c| (c.name.as_str(), c.mentions)).collect();
    for p in &a.people {
        if let Some(c) = p.country {
            let name = g.countries[c as usize].name;
            match weight.iter_mut().find(|(n, _)| *n == name) {
                Some(x) => x.1 += p.mentions,
                None => weight.push((name, p.mentions)),
            }
        }
    }
    weight.sort_by_key(|w| std::cmp::Reverse(w.1));
    let parties: Vec<&str> = weight.iter().filter(|c| c.1 >= 2).take(4).map(|c| c.0).collect();
    if parties.is_empty() {
        return Vec::new();
    }
    // Person name → country.
    let person_country: FxHashMap<&str, &str> = a
        .people
        .iter()
        .filter_map(|p| Some((p.name.as_str(), g.countries[p.country? as usize].name)))
        .collect();
    let mut out: Vec<Stance> =
        parties.iter().map(|p| Stance { party: p.to_string(), points: Vec::new() }).collect();
    // Sentences whose subject (first actor before the main verb) belongs to a party.
    let mut ti = 0;
    for (si, r) in a.sents.iter().enumerate() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let verb = (t0..ti).find(|&k| {
            let t = &a.toks[k];
            (t.has(w::GOV_VERB) || t.has(w::SPEECH)) && !t.is(shape::CAP) && !a.quoted_tok[k]
        });
        let Some(v) = verb else { continue };
        let first = a.ms.partition_point(|m| (m.t0 as usize) < t0);
        let subj = a.ms[first..].iter().take_while(|m| (m.t1 as usize) <= v).find(|m| {
            !a.quoted_tok[m.t0 as usize] && matches!(m.sense, Sense::Person | Sense::Country | Sense::Org)
        });
        let Some(m) = subj else { continue };
        let party = match m.sense {
            Sense::Country => m.country_ids().first().map(|&c| g.countries[c as usize].name),
            Sense::Person => person_country.get(m.canonical.as_str()).copied(),
            _ => m.country.map(|c| g.countries[c as usize].name),
        };
        if let Some(p) = party.and_then(|p| out.iter_mut().find(|o| o.party == p))
            && p.points.len() < 5
            && !p.points.iter().any(|x| x.sentence == si)
        {
            p.points.push(Point::new(&text[r.clone()], si, 0.0));
        }
    }
    // Direct quotes by a party's people.
    for q in quotes.iter().filter(|q| q.direct) {
        let Some(sp) = &q.speaker else { continue };
        let party =
            person_country.get(sp.as_str()).copied().or_else(|| parties.iter().copied().find(|p| p == sp));
        if let Some(p) = party.and_then(|p| out.iter_mut().find(|o| o.party == p))
            && p.points.len() < 6
            && !p.points.iter().any(|x| x.sentence == q.sentence)
        {
            p.points.push(Point::new(q.text.as_str(), q.sentence, 0.0));
        }
    }
    for p in &mut out {
        p.points.sort_by_key(|x| x.sentence);
    }
    out.retain(|p| !p.points.is_empty());
    out
}
