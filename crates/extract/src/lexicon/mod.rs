//! Word lists and gazetteers, compiled into the binary from `data/` and
//! built once on first use.
//!
//! - this module: the gazetteer (countries, organisations, places, people,
//!   adjectives) and its Aho-Corasick automaton;
//! - [`words`]: the word lists and their bit flags ([`w`]), given names;
//! - [`packed`]: case-insensitive lookups of short ASCII words packed into a
//!   `u128` (the extractor's byte-level fast path, with its agreement test
//!   against byte-by-byte packing; it stays here because it serves the
//!   extractor's own tables).

mod packed;
mod words;

pub(crate) use packed::{WordSet, flags, packed, word_flags};
pub(crate) use words::{GIVEN, LEXICON, w};

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use std::collections::HashMap;

use packed::{WordTable, pack};

const COUNTRIES: &str = include_str!("../../data/countries.txt");
const COMBINING: &str = include_str!("../../data/combining.txt");
const ORGANISATIONS: &str = include_str!("../../data/organisations.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const ADJECTIVES: &str = include_str!("../../data/adjectives.txt");
const PEOPLE: &str = include_str!("../../data/people.txt");
const HISTORIC: &str = include_str!("../../data/historic.txt");

/// One country of the gazetteer.
#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) name: &'static str,
}

/// What a gazetteer surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazKind {
    /// A country name or alias.
    Country(u16),
    /// A demonym or adjective of a country ("Chinese").
    Demonym(u16),
    /// A capital city, which may stand for its government ("Tokyo said").
    Capital(u16),
    /// An organisation (index into `orgs`).
    Org(u16),
    /// A place that is not a country (index into `places`).
    Place(u16),
    /// An adjective or group noun naming no single country ("Kurdish", "Olympic").
    Adjective,
    /// A well-known person (index into `people`).
    Person(u16),
}

/// The gazetteer: every surface form in one Aho–Corasick automaton.
pub(crate) struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) orgs: Vec<&'static str>,
    pub(crate) places: Vec<&'static str>,
    /// Well-known people's full names.
    pub(crate) people: Vec<&'static str>,
    /// Well-known people's countries, by the index of `people`.
    pub(crate) people_country: Vec<Option<u16>>,
    /// Countries as of a date: (from, to or none, from date, until date), dates as YYYYMMDD.
    pub(crate) historic: Vec<(u16, Option<u16>, u32, u32)>,
    /// Unambiguous surnames of well-known people.
    pub(crate) famous: rustc_hash::FxHashMap<&'static str, u16>,
    pub(crate) ac: AhoCorasick,
    /// Per pattern: its surface form and what it names.
    pub(crate) patterns: Vec<(&'static str, GazKind)>,
    /// Combining forms and country names/demonyms for hyphenated compounds, by exact surface.
    pub(crate) compound_parts: rustc_hash::FxHashMap<&'static str, u16>,
    /// Packed first words of every pattern: a token whose packed form is not here starts no match.
    pub(crate) first_words: WordTable,
}

impl Gazetteer {
    /// Can a gazetteer name start with this token? (Non-ASCII and long tokens: maybe.)
    #[inline]
    pub(crate) fn may_start(&self, token: &str) -> bool {
        pack(token.as_bytes()).is_none_or(|p| self.first_words.get(p) != 0)
    }
}

pub(super) fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn split_list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// The built gazetteer.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut countries = Vec::new();
    let mut patterns: Vec<(&'static str, GazKind)> = Vec::new();
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut compound_parts = rustc_hash::FxHashMap::default();
    let mut push = |patterns: &mut Vec<(&'static str, GazKind)>, s: &'static str, k: GazKind| {
        // The first kind given for a surface wins (countries before capitals).
        if !seen.contains_key(s) {
            seen.insert(s, patterns.len());
            patterns.push((s, k));
        }
    };
    let mut demonyms = Vec::new();
    let mut capitals = Vec::new();
    for line in data_lines(COUNTRIES) {
        let f: Vec<&'static str> = line.split('|').collect();
        let id = countries.len() as u16;
        countries.push(Country { name: f[1] });
        push(&mut patterns, f[1], GazKind::Country(id));
        compound_parts.insert(f[1], id);
        for a in split_list(f.get(2).copied().unwrap_or("")) {
            push(&mut patterns, a, GazKind::Country(id));
            compound_parts.insert(a, id);
        }
        for d in split_list(f.get(3).copied().unwrap_or("")) {
            demonyms.push((d, id));
            compound_parts.entry(d).or_insert(id);
        }
        for c in split_list(f.get(4).copied().unwrap_or("")) {
            capitals.push((c, id));
        }
    }
    for (d, id) in demonyms {
        push(&mut patterns, d, GazKind::Demonym(id));
        // Plural nouns for people: Americans, Britons, Germans.
        if !d.ends_with("ese")
            && !d.ends_with("sh")
            && !d.ends_with("ch")
            && !d.ends_with('s')
            && !d.ends_with("ss")
        {
            let plural: &'static str = Box::leak(format!("{d}s").into_boxed_str());
            push(&mut patterns, plural, GazKind::Demonym(id));
        }
    }
    let mut orgs = Vec::new();
    for line in data_lines(ORGANISATIONS) {
        let mut f = line.split('|');
        let name = f.next().unwrap_or("").trim();
        let id = orgs.len() as u16;
        orgs.push(name);
        push(&mut patterns, name, GazKind::Org(id));
        for a in split_list(f.next().unwrap_or("")) {
            push(&mut patterns, a, GazKind::Org(id));
        }
    }
    let mut places = Vec::new();
    for line in data_lines(PLACES) {
        let name = line.split('|').next().unwrap_or("").trim();
        let id = places.len() as u16;
        places.push(name);
        push(&mut patterns, name, GazKind::Place(id));
    }
    for (c, id) in capitals {
        push(&mut patterns, c, GazKind::Capital(id));
    }
    for a in data_lines(ADJECTIVES) {
        push(&mut patterns, a, GazKind::Adjective);
        if !a.ends_with('s') && !a.ends_with("ic") && !a.ends_with("ish") {
            let plural: &'static str = Box::leak(format!("{a}s").into_boxed_str());
            push(&mut patterns, plural, GazKind::Adjective);
        }
    }
    let mut people = Vec::new();
    let mut people_country = Vec::new();
    let mut famous: rustc_hash::FxHashMap<&'static str, u16> = rustc_hash::FxHashMap::default();
    let mut ambiguous = Vec::new();
    for line in data_lines(PEOPLE) {
        let mut f = line.split('|');
        let name = f.next().unwrap_or("").trim();
        let id = people.len() as u16;
        people.push(name);
        people_country.push(country_by_code(f.nth(1).unwrap_or("").trim()));
        push(&mut patterns, name, GazKind::Person(id));
        let words: Vec<&'static str> = name.split(' ').filter(|w| !w.ends_with('.')).collect();
        let mut keys = vec![*words.last().unwrap_or(&name)];
        if words.len() > 1 && !GIVEN.contains(words[0]) {
            keys.push(words[0]);
        }
        for k in keys {
            if famous.insert(k, id).is_some_and(|old| people[old as usize] != name) {
                ambiguous.push(k);
            }
        }
    }
    for k in ambiguous {
        famous.remove(k);
    }
    for line in data_lines(COMBINING) {
        let mut f = line.split('|');
        let form = f.next().unwrap_or("").trim();
        let code = f.next().unwrap_or("").trim();
        if let Some(id) = country_by_code(code) {
            compound_parts.insert(form, id);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(patterns.iter().map(|p| p.0))
        .expect("gazetteer automaton builds");
    let mut first_words = Vec::new();
    for (p, _) in &patterns {
        for cut in [&[' ', ','][..], &[' ', ',', '\'', '’'][..]] {
            let w = p.split(cut).next().unwrap_or(p);
            if let Some(k) = pack(w.as_bytes()) {
                first_words.push((k, 1));
            }
        }
    }
    let first_words = WordTable::new(first_words);
    let historic = data_lines(HISTORIC)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let from = country_by_code(f[0])?;
            let to = country_by_code(f.get(1).copied().unwrap_or(""));
            Some((
                from,
                to,
                ymd(f.get(2).copied().unwrap_or("")).unwrap_or(0),
                ymd(f.get(3).copied().unwrap_or("")).unwrap_or(u32::MAX),
            ))
        })
        .collect();
    Gazetteer {
        countries,
        orgs,
        places,
        people,
        people_country,
        historic,
        famous,
        ac,
        patterns,
        compound_parts,
        first_words,
    }
});

/// `YYYY-MM-DD` as the number YYYYMMDD.
pub(crate) fn ymd(s: &str) -> Option<u32> {
    let mut it = s.get(..10)?.split('-');
    let (y, m, d) =
        (it.next()?.parse::<u32>().ok()?, it.next()?.parse::<u32>().ok()?, it.next()?.parse::<u32>().ok()?);
    Some(y * 10_000 + m * 100 + d)
}

impl Gazetteer {
    /// The country a mention of `id` names in an article published on `date` (YYYYMMDD;
    /// `u32::MAX` when unknown: today's map): Serbia is Yugoslavia in 1998, the Soviet Union
    /// of a 1998 article is history (`None`), Scotland is the United Kingdom.
    pub(crate) fn country_at(&self, id: u16, date: u32) -> Option<u16> {
        match self.historic.iter().find(|h| h.0 == id && h.2 <= date && date < h.3) {
            Some(h) => h.1,
            None => Some(id),
        }
    }
}

fn country_by_code(code: &str) -> Option<u16> {
    data_lines(COUNTRIES).position(|l| l.split('|').next() == Some(code)).map(|i| i as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads_every_kind() {
        let g = &*GAZETTEER;
        assert!(g.countries.len() > 190);
        let kind = |s: &str| g.patterns.iter().find(|p| p.0 == s).map(|p| p.1);
        assert!(matches!(kind("China"), Some(GazKind::Country(_))));
        assert!(matches!(kind("Chinese"), Some(GazKind::Demonym(_))));
        assert!(matches!(kind("Americans"), Some(GazKind::Demonym(_))));
        assert!(matches!(kind("Tokyo"), Some(GazKind::Capital(_))));
        assert!(matches!(kind("ASEAN"), Some(GazKind::Org(_))));
        assert!(matches!(kind("Indo-Pacific"), Some(GazKind::Place(_))));
        assert!(g.compound_parts.contains_key("Franco"));
    }
}
