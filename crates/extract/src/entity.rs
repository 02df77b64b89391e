//! Named-entity rules: gazetteer matches, titles and honorifics, name shapes,
//! appositions and context words, then document-level linking.

use rustc_hash::FxHashMap;

use crate::lexicon::{GAZETTEER, GIVEN, GazKind, w};
use crate::tok::{SentenceCounts, Tok, shape};

/// Entity types, as in the CoNLL convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation (also a government named by its seat: "the Kremlin").
    #[serde(rename = "ORG")]
    Org,
    /// A location: country, city, region, sea.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, adjectives and events.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The CoNLL tag: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// What a mention refers to, for grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    Person,
    Org,
    /// Mentions of one or more countries (compounds name several).
    Country,
    Place,
    Other,
}

/// A mention found in the text, by token range.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) t0: u32,
    pub(crate) t1: u32,
    pub(crate) ty: EntityType,
    pub(crate) sense: Sense,
    /// Countries it names (gazetteer ids), for country-sense mentions and demonyms.
    pub(crate) countries: [u16; 2],
    pub(crate) ncountries: u8,
    /// Canonical name (filled by linking).
    pub(crate) canonical: String,
    /// Person cluster index for `Person` mentions.
    pub(crate) person: u32,
    pub(crate) role: Option<String>,
    pub(crate) country: Option<u16>,
    /// Found only by a weak default rule.
    pub(crate) weak: bool,
    /// Typed by a table row (a team): document-level retyping leaves it alone.
    pub(crate) team: bool,
}

impl Mention {
    fn new(t0: usize, t1: usize, ty: EntityType, sense: Sense) -> Mention {
        Mention {
            t0: t0 as u32,
            t1: t1 as u32,
            ty,
            sense,
            countries: [0; 2],
            ncountries: 0,
            canonical: String::new(),
            person: u32::MAX,
            role: None,
            country: None,
            weak: false,
            team: false,
        }
    }
    fn with_country(mut self, c: u16) -> Mention {
        if (self.ncountries as usize) < 2 {
            self.countries[self.ncountries as usize] = c;
            self.ncountries += 1;
        }
        self
    }
    pub(crate) fn country_ids(&self) -> &[u16] {
        &self.countries[..self.ncountries as usize]
    }
}

/// A person cluster: a full name and what the text says about them.
#[derive(Debug, Clone)]
pub(crate) struct PersonCluster {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
    pub(crate) country: Option<u16>,
    pub(crate) mentions: usize,
    /// The first token of its first mention (its text is the cluster's first word).
    pub(crate) first_tok: u32,
}

/// A gazetteer hit aligned to tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GazHit {
    pub(crate) t1: u32,
    pub(crate) kind: GazKind,
}

/// Of one sentence: mostly upper case (headlines, Reuters slugs: capitalisation says nothing
/// there), and a table row or results line (many numbers among few words).
pub(crate) fn sentence_kind(c: &SentenceCounts) -> (bool, bool) {
    let caps = c.letter_words >= 2 && c.upper * 10 >= c.letter_words * 6;
    let tabular = c.nums >= 2 && c.nums * 10 >= c.words * 3;
    (caps, tabular)
}

/// In table rows, a city or an unknown name followed by a number is a team: "CHICAGO 74 55", "Bahia 2".
pub(crate) fn table_teams(toks: &[Tok], ms: &mut [Mention], tabular: &[bool]) {
    for m in ms.iter_mut() {
        if !tabular[toks[m.t0 as usize].sent as usize] {
            continue;
        }
        let next_num =
            toks.get(m.t1 as usize).is_some_and(|t| t.is(shape::NUM) && t.sent == toks[m.t0 as usize].sent);
        if next_num && (m.sense == Sense::Place || m.weak && m.ty == EntityType::Per) {
            m.ty = EntityType::Org;
            m.sense = Sense::Org;
            m.weak = false;
            m.country = None;
        }
        if next_num && m.ty == EntityType::Org {
            m.team = true;
        }
    }
}

/// Align gazetteer matches to tokens: `hits[i]` is the longest match starting at token `i`.
/// The automaton runs anchored at capitalised tokens only, which is where names start.
pub(crate) fn gazetteer_hits(text: &str, toks: &[Tok], hits: &mut Vec<Option<GazHit>>) {
    let g = &*GAZETTEER;
    hits.clear();
    hits.resize(toks.len(), None);
    for ti in 0..toks.len() {
        let t = &toks[ti];
        if !t.capword() || !g.may_start(t.text(text)) {
            continue;
        }
        let input = aho_corasick::Input::new(text)
            .span(t.s as usize..text.len())
            .anchored(aho_corasick::Anchored::Yes);
        let Some(m) = g.ac.find(input) else { continue };
        let (s, e) = (m.start() as u32, m.end() as u32);
        // The match must end at a token end.
        let mut tj = ti;
        while tj < toks.len() && toks[tj].e < e {
            tj += 1;
        }
        if tj >= toks.len() || toks[tj].e != e {
            continue;
        }
        let (pat, kind) = g.patterns[m.pattern().as_usize()];
        let found = &text[s as usize..e as usize];
        let ok = found == pat
            || (found.chars().all(|c| !c.is_lowercase()) && found.len() > 2)
            || (found.len() == pat.len() && {
                // First letters of each word must agree in case ("Bank of England").
                found.split(' ').zip(pat.split(' ')).all(|(a, b)| {
                    a.chars().next().map(char::is_uppercase) == b.chars().next().map(char::is_uppercase)
                }) && found.chars().filter(|c| c.is_uppercase()).count()
                    == pat.chars().filter(|c| c.is_uppercase()).count()
            });
        if ok {
            hits[ti] = Some(GazHit { t1: tj as u32 + 1, kind });
        }
    }
}

#[inline]
fn is_name_word(t: &Tok, text: &str, caps_sent: bool) -> bool {
    if !t.capword() {
        return false;
    }
    if caps_sent {
        return true;
    }
    // Words that are only upper case in a mixed sentence are acronyms: keep them.
    let s = t.text(text);
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The NER pass over one document's tokens. Returns mentions in text order.
/// `hits` is a buffer for [`gazetteer_hits`].
pub(crate) fn find_mentions(
    text: &str,
    toks: &[Tok],
    caps: &[bool],
    tabular: &[bool],
    hits: &mut Vec<Option<GazHit>>,
) -> Vec<Mention> {
    let g = &*GAZETTEER;
    gazetteer_hits(text, toks, hits);
    let hits = &hits[..];
    let mut out: Vec<Mention> = Vec::with_capacity(toks.len() / 8);
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        // Names, compounds and gazetteer hits all start at capitalised words.
        if !t.capword() {
            i += 1;
            continue;
        }
        let caps_sent = caps[t.sent as usize];
        // Hyphenated country compounds: Franco-German, US-China, Sino-Russian.
        if hits[i].is_none() && t.capword() && t.text(text).contains('-') {
            let parts: Vec<&str> = t.text(text).split('-').collect();
            let ids: Vec<Option<u16>> = parts.iter().map(|p| g.compound_parts.get(p).copied()).collect();
            // "U.S.-brokered", "China-based": a country's adjective compound.
            let adj = parts.len() >= 2
                && ids[0].is_some()
                && parts[1..].iter().all(|p| p.chars().next().is_some_and(char::is_lowercase));
            if adj {
                out.push(
                    Mention::new(i, i + 1, EntityType::Misc, Sense::Country)
                        .with_country(ids[0].unwrap_or(0)),
                );
                i += 1;
                continue;
            }
            if parts.len() >= 2 && ids.iter().all(Option::is_some) {
                let mut m = Mention::new(i, i + 1, EntityType::Misc, Sense::Country);
                for id in ids.into_iter().flatten() {
                    m = m.with_country(id);
                }
                out.push(m);
                i += 1;
                continue;
            }
        }
        let starts_name = is_name_word(t, text, caps_sent) || hits[i].is_some();
        if !starts_name {
            i += 1;
            continue;
        }
        // The chunk: capitalised words, with connectors inside.
        let mut j = i + 1;
        while j < n && toks[j].sent == t.sent {
            let u = &toks[j];
            if u.has(w::WEEKDAY) || u.has(w::MONTH) && hits[j].is_none() && !caps_sent {
                break;
            }
            let joins_next = j + 1 < n && is_name_word(&toks[j + 1], text, caps_sent);
            // "and" joins only inside an organisation name: "Department of Health and Human Services".
            let org_of = (i..j)
                .any(|k| toks[k].has(w::ORG_START) && toks.get(k + 1).is_some_and(|o| o.text(text) == "of"));
            let connector = u.has(w::CONNECTOR) && !u.is(shape::CAP) && (u.text(text) != "and" || org_of);
            if is_name_word(u, text, caps_sent) || connector && joins_next {
                j += 1;
            } else {
                break;
            }
        }
        // A gazetteer hit may run past the chunk ("Washington, D.C.").
        if let Some(h) = hits[i] {
            j = j.max(h.t1 as usize);
        }
        chunk(text, toks, hits, i, j, caps_sent, tabular, &mut out);
        i = j;
    }
    out
}

/// Classify the chunk `[i, j)` of capitalised tokens, pushing mentions.
#[allow(clippy::too_many_arguments)]
fn chunk(
    text: &str,
    toks: &[Tok],
    hits: &[Option<GazHit>],
    i: usize,
    j: usize,
    caps_sent: bool,
    tabular: &[bool],
    out: &mut Vec<Mention>,
) {
    let mut pos = i;
    // Leading common words (The, But, In ...), unless a gazetteer name starts there.
    while pos < j
        && hits[pos].is_none()
        && toks[pos].has(w::COMMON_START | w::STOP)
        && !toks[pos].has(w::HONORIFIC)
    {
        pos += 1;
    }
    let mut pending_country: Option<u16> = None;
    let mut pending_org: Option<(usize, usize)> = None;
    while pos < j {
        // Organisation phrase ending in an organisation head: "Chinese Foreign Ministry".
        let last = &toks[j - 1];
        if pos + 1 < j
            && last.has(w::ORG_HEAD)
            && !toks[pos].has(w::HONORIFIC)
            && !toks[j - 2].has(w::TITLE_HEAD)
            && {
                // Not when a gazetteer hit covers the whole rest.
                hits[pos].is_none_or(|h| (h.t1 as usize) < j)
            }
        {
            let mut m = Mention::new(pos, j, EntityType::Org, Sense::Org);
            if let Some(GazHit { kind: GazKind::Demonym(c) | GazKind::Country(c), .. }) = hits[pos] {
                m.country = Some(c);
            }
            out.push(m);
            return;
        }
        // "Mr. English", "Ms. Jordan": a name after an honorific, whatever the gazetteer says.
        if hits[pos].is_some()
            && pos > 0
            && toks[pos - 1].has(w::HONORIFIC)
            && toks[pos - 1].sent == toks[pos].sent
        {
            let e = name_end(toks, &[None; 0], pos, j);
            out.push(Mention::new(pos, e, EntityType::Per, Sense::Person));
            pos = e;
            continue;
        }
        // Event and title phrases: "U.S. Open", "World Cup", "Bosnian Serb", "Iraqi Kurdish".
        if let Some(GazHit { t1, kind: GazKind::Country(c) | GazKind::Demonym(c) }) = hits[pos] {
            let he = t1 as usize;
            let org_next = he < j
                && (toks[he].has(w::ORG_START)
                    || matches!(hits[he], Some(GazHit { kind: GazKind::Org(_), .. })));
            if org_next {
                let mut m = Mention::new(pos, j, EntityType::Org, Sense::Org);
                m.country = Some(c);
                out.push(m);
                return;
            }
        }
        if let Some(h) = hits[pos] {
            let adj = |k: GazKind| matches!(k, GazKind::Demonym(_) | GazKind::Adjective);
            let he = h.t1 as usize;
            if pos + 1 < j
                && he < j
                && toks[j - 1].has(w::MISC_HEAD)
                && !toks[he].has(w::TITLE_HEAD | w::TITLE_MOD)
            {
                out.push(Mention::new(pos, j, EntityType::Misc, Sense::Other));
                return;
            }
            if adj(h.kind) && he < j && hits[he].is_some_and(|h2| adj(h2.kind)) {
                let e2 = hits[he].map_or(he, |h2| h2.t1 as usize);
                let mut m = Mention::new(pos, e2, EntityType::Misc, Sense::Other);
                if let GazKind::Demonym(c) = h.kind {
                    m = m.with_country(c);
                    m.sense = Sense::Country;
                }
                out.push(m);
                pos = e2;
                continue;
            }
        }
        if let Some(h) = hits[pos] {
            let end = (h.t1 as usize).min(j);
            if end < h.t1 as usize {
                // Hit runs past the chunk end: take it whole.
            }
            let end = end.max(h.t1 as usize);
            // A given name followed by a surname wins over a one-word gazetteer hit ("Jordan Henderson").
            let single = end == pos + 1;
            if single
                && end < j
                && GIVEN.contains(toks[pos].text(text))
                && hits[end].is_none()
                && toks[end].flags == 0
            {
                let e2 = name_end(toks, hits, end, j);
                out.push(Mention::new(pos, e2, EntityType::Per, Sense::Person));
                pos = e2;
                continue;
            }
            // Followed by a title: a role prefix ("Chinese Foreign Minister Wang Yi", "UN Secretary-General").
            let title_follows =
                end < j && toks[end].has(w::TITLE_HEAD | w::TITLE_MOD) && !toks[end].has(w::ORG_HEAD);
            match h.kind {
                GazKind::Country(c) | GazKind::Demonym(c) if title_follows => {
                    pending_country = Some(c);
                    let ty = if matches!(h.kind, GazKind::Demonym(_)) {
                        EntityType::Misc
                    } else {
                        EntityType::Loc
                    };
                    out.push(Mention::new(pos, end, ty, Sense::Country).with_country(c));
                }
                GazKind::Org(_) if title_follows => {
                    pending_org = Some((pos, end));
                    out.push(gaz_mention(pos, end, h.kind));
                }
                GazKind::Place(_) | GazKind::Capital(_)
                    if end < j
                        && hits[end].is_none()
                        && toks[end].flags & (w::TITLE_HEAD | w::TITLE_MOD | w::HONORIFIC | w::STOP) == 0
                        && !toks[end].is(shape::ALLCAPS) =>
                {
                    let mut e = end + 1;
                    while e < j && hits[e].is_none() && !toks[e].has(w::HONORIFIC | w::TITLE_HEAD) {
                        e += 1;
                    }
                    out.push(Mention::new(pos, e, EntityType::Org, Sense::Org));
                    pos = e;
                    continue;
                }
                _ => out.push(gaz_mention(pos, end, h.kind)),
            }
            pos = end;
            continue;
        }
        let t = &toks[pos];
        if t.has(w::HONORIFIC | w::TITLE_HEAD | w::TITLE_MOD) && !t.has(w::ORG_HEAD) {
            // A run of title words, then the name.
            let mut k = pos;
            let mut head = false;
            while k < j && hits[k].is_none() && toks[k].has(w::HONORIFIC | w::TITLE_HEAD | w::TITLE_MOD) {
                head |= toks[k].has(w::HONORIFIC | w::TITLE_HEAD);
                k += 1;
            }
            let person_hit = hits.get(k).copied().flatten().filter(|h| matches!(h.kind, GazKind::Person(_)));
            if head && k < j && (hits[k].is_none() || person_hit.is_some()) {
                let e = match person_hit {
                    Some(h) => h.t1 as usize,
                    None => name_end(toks, hits, k, j),
                };
                let mut m = Mention::new(k, e, EntityType::Per, Sense::Person);
                let title_start = if toks[pos].has(w::HONORIFIC) && k == pos + 1 { None } else { Some(pos) };
                if let Some(ts) = title_start {
                    let mut role_start = toks[ts].s as usize;
                    if let Some((o0, _)) = pending_org {
                        role_start = toks[o0].s as usize;
                    }
                    m.role = Some(text[role_start..toks[k - 1].e as usize].to_string());
                }
                m.country = pending_country;
                out.push(m);
                pos = e;
                continue;
            }
            if !head || k >= j {
                pos = k;
                continue;
            }
            pos = k;
            continue;
        }
        // "North Darfur", "Port Sudan", "Mount Kenya": a place word before a place.
        const DIRECTIONS: &str =
            "north south east west northern southern eastern western central upper lower greater";
        let dir =
            || t.has(w::LOC_START) || DIRECTIONS.split(' ').any(|d| t.text(text).eq_ignore_ascii_case(d));
        if pos + 1 < j
            && hits[pos + 1].is_some()
            && dir()
            && let Some(h) = hits[pos + 1]
                .filter(|h| matches!(h.kind, GazKind::Place(_) | GazKind::Country(_) | GazKind::Capital(_)))
        {
            let mut m = Mention::new(pos, h.t1 as usize, EntityType::Loc, Sense::Place);
            if let GazKind::Country(c) = h.kind {
                m.country = Some(c);
            }
            out.push(m);
            pos = h.t1 as usize;
            continue;
        }
        // Unknown run up to the next gazetteer hit.
        let mut e = pos + 1;
        while e < j
            && hits[e].is_none()
            && !toks[e].has(w::HONORIFIC)
            && !(toks[e].has(w::TITLE_HEAD) && e + 1 < j)
        {
            e += 1;
        }
        // A place followed by a name is a team or a company: "Seattle Mariners", "Paris St Germain".
        // Do not let a connector dangle at the end.
        while e > pos + 1 && toks[e - 1].has(w::CONNECTOR) && !toks[e - 1].is(shape::CAP) {
            e -= 1;
        }
        // "of"-joined phrase followed by a hit: "Bank of England" is a hit; "University of Chicago" is ORG.
        if e < j && toks[pos].has(w::ORG_START) && e > pos && toks[e - 1].has(w::CONNECTOR) {
            let end = hits[e].map_or(e + 1, |h| h.t1 as usize).min(j).max(e + 1);
            out.push(Mention::new(pos, end, EntityType::Org, Sense::Org));
            pos = end;
            continue;
        }
        if let Some(m) =
            classify_unknown(text, toks, hits, pos, e, caps_sent, tabular[toks[pos].sent as usize])
        {
            out.push(m);
        }
        pos = e;
    }
}

/// The end of a personal name starting at `k` inside chunk end `j`.
fn name_end(toks: &[Tok], hits: &[Option<GazHit>], k: usize, j: usize) -> usize {
    let mut e = k + 1;
    while e < j && hits.get(e).is_none_or(Option::is_none) && !toks[e].has(w::TITLE_HEAD | w::HONORIFIC) {
        e += 1;
    }
    // "Ben Cardin of Maryland": the connector belongs to what follows.
    while e > k + 1 && toks[e - 1].has(w::CONNECTOR) && !toks[e - 1].is(shape::CAP) {
        e -= 1;
    }
    e
}

fn gaz_mention(pos: usize, end: usize, kind: GazKind) -> Mention {
    match kind {
        GazKind::Country(c) => Mention::new(pos, end, EntityType::Loc, Sense::Country).with_country(c),
        GazKind::Demonym(c) => Mention::new(pos, end, EntityType::Misc, Sense::Country).with_country(c),
        GazKind::Capital(c) => {
            let mut m = Mention::new(pos, end, EntityType::Loc, Sense::Place);
            m.country = Some(c);
            m
        }
        GazKind::Org(_) => Mention::new(pos, end, EntityType::Org, Sense::Org),
        GazKind::Place(_) => Mention::new(pos, end, EntityType::Loc, Sense::Place),
        GazKind::Adjective => Mention::new(pos, end, EntityType::Misc, Sense::Other),
        GazKind::Person(_) => Mention::new(pos, end, EntityType::Per, Sense::Person),
    }
}

/// Upper-case abbreviations that are not organisations.
fn not_org_acronym(word: &str) -> bool {
    matches!(
        word,
        "GMT"
            | "GDP"
            | "CPI"
            | "PCT"
            | "RBI"
            | "NOTE"
            | "CAPS"
            | "AM"
            | "PM"
            | "TV"
            | "CEO"
            | "CFO"
            | "IPO"
            | "VAT"
            | "EST"
            | "EDT"
            | "BST"
            | "CET"
            | "ERA"
            | "OK"
            | "ID"
            | "DNA"
            | "HIV"
            | "AIDS"
            | "COVID"
            | "PPP"
            | "GNP"
            | "FDI"
            | "OTC"
            | "NYSE"
            | "YTD"
            | "QB"
    )
}

fn classify_unknown(
    text: &str,
    toks: &[Tok],
    hits: &[Option<GazHit>],
    s: usize,
    e: usize,
    caps_sent: bool,
    tabular: bool,
) -> Option<Mention> {
    let n = e - s;
    let first = &toks[s];
    let last = &toks[e - 1];
    if n >= 2 && last.has(w::LOC_HEAD) {
        return Some(Mention::new(s, e, EntityType::Loc, Sense::Place));
    }
    if n >= 2 && first.has(w::LOC_START) {
        return Some(Mention::new(s, e, EntityType::Loc, Sense::Place));
    }
    if n >= 2 && (last.has(w::ORG_HEAD) || first.has(w::ORG_START)) {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    if n >= 2 && last.has(w::MISC_HEAD) {
        return Some(Mention::new(s, e, EntityType::Misc, Sense::Other));
    }
    // Month and weekday names are dates, not entities.
    if n == 1 && first.has(w::MONTH | w::WEEKDAY) {
        return None;
    }
    if n == 1 && first.has(w::COMMON_START | w::STOP | w::TITLE_HEAD | w::TITLE_MOD | w::SPEECH | w::EVENT) {
        return None;
    }
    let word = first.text(text);
    // Currencies: "C$", "HK$".
    if word.ends_with('$') {
        return Some(Mention::new(s, e, EntityType::Misc, Sense::Other));
    }
    if n == 1 && GAZETTEER.famous.contains_key(word) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    if n >= 2 && GIVEN.contains(word) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    let prev = if s > 0 && toks[s - 1].sent == first.sent { Some(&toks[s - 1]) } else { None };
    let next = toks.get(e).filter(|t| t.sent == first.sent);
    if prev.is_some_and(|p| p.has(w::HONORIFIC)) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    // "Germany's Baerbock": a bare name after a country's possessive.
    if n <= 2 && s >= 2 && prev.is_some_and(|p| p.is(shape::POSS)) && !caps_sent {
        let country = (s.saturating_sub(5)..s - 1).any(|k| {
            matches!(hits[k], Some(GazHit { t1, kind: GazKind::Country(_) | GazKind::Capital(_) }) if t1 as usize == s - 1)
        });
        if country && !toks[s..e].iter().any(|t| t.has(w::ORG_HEAD | w::LOC_HEAD | w::MISC_HEAD)) {
            return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
        }
    }
    // "said Bozell." and "M. Waugh".
    let said_before = prev.is_some_and(|p| p.has(w::SPEECH) && !p.is(shape::CAP))
        && next.is_none_or(|t| t.is(shape::PUNCT));
    let initial = n >= 2 && word.len() == 2 && word.ends_with('.') && first.is(shape::CAP);
    if said_before || initial {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    if next.is_some_and(|t| t.has(w::SPEECH) && !t.is(shape::CAP)) {
        let mut m = Mention::new(s, e, EntityType::Per, Sense::Person);
        m.weak = n == 1;
        return Some(m);
    }
    if n == 1 && first.is(shape::ALLCAPS) && !caps_sent && word.len() <= 6 && !not_org_acronym(word) {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    if prev.is_some_and(|p| p.has(w::LOC_PREP) && !p.is(shape::CAP)) && n <= 2 {
        let mut m = Mention::new(s, e, EntityType::Loc, Sense::Place);
        m.weak = true;
        return Some(m);
    }
    // Runs of upper-case words in mixed text are slugs and table headers ("PRESS DIGEST", "W L PCT").
    if n >= 2 && toks[s..e].iter().all(|t| !t.text(text).chars().any(char::is_lowercase)) && !caps_sent {
        return None;
    }
    // A sentence-initial verb or plural noun is not a first name: "Dealers said", "Played Friday".
    let first_word = s == 0 || toks[s - 1].sent != first.sent || toks[s - 1].is(shape::QUOTE);
    if n >= 2
        && first_word
        && !GIVEN.contains(word)
        && ["s", "ed", "ing", "ly"].iter().any(|x| word.ends_with(x))
    {
        return classify_unknown(text, toks, hits, s + 1, e, caps_sent, tabular);
    }
    if let Some(t) = next.filter(|t| t.is(shape::NUM) && tabular) {
        // Bowling figures "3-45" follow players; plain scores follow teams.
        let figures = t.text(text).contains(['-', '/']);
        return Some(if figures {
            Mention::new(s, e, EntityType::Per, Sense::Person)
        } else {
            Mention::new(s, e, EntityType::Org, Sense::Org)
        });
    }
    // A name in parentheses before a dash is the agency of a dateline: "MANILA (Meridian Wire) —".
    let dash_after = toks.get(e + 1).is_some_and(|t| matches!(t.text(text), "—" | "–" | "-"));
    if n >= 2
        && prev.is_some_and(|p| p.text(text) == "(")
        && next.is_some_and(|t| t.text(text) == ")")
        && dash_after
    {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    if n >= 2 && !caps_sent {
        let mut m = Mention::new(s, e, EntityType::Per, Sense::Person);
        m.weak = true;
        return Some(m);
    }
    let mut m = Mention::new(s, e, if n >= 2 { EntityType::Per } else { EntityType::Misc }, Sense::Other);
    m.weak = true;
    Some(m)
}

/// Context rules that look around mentions: possessive countries, capitals as
/// governments, appositions, lower-case role phrases before names.
pub(crate) fn context_rules(text: &str, toks: &[Tok], ms: &mut [Mention]) {
    let g = &*GAZETTEER;
    for mi in 0..ms.len() {
        let (t0, t1) = (ms[mi].t0 as usize, ms[mi].t1 as usize);
        let sent = toks[t0].sent;
        // Capitals standing for their governments: "Tokyo and Seoul welcomed", "Beijing's stance".
        if ms[mi].sense == Sense::Place && ms[mi].country.is_some() {
            let prev_prep = t0 > 0 && toks[t0 - 1].sent == sent && toks[t0 - 1].has(w::LOC_PREP);
            let mut k = t1;
            let mut steps = 0;
            let mut gov = false;
            while k < toks.len() && toks[k].sent == sent && steps < 8 {
                let u = &toks[k];
                if u.is(shape::POSS) && k == t1 {
                    gov = true;
                    break;
                }
                if u.text(text) == "and" || u.text(text) == "," {
                    k += 1;
                    steps += 1;
                    continue;
                }
                if let Some(o) = ms.iter().find(|o| o.t0 as usize == k)
                    && (matches!(o.sense, Sense::Country) || o.sense == Sense::Place && o.country.is_some())
                {
                    k = o.t1 as usize;
                    steps += 1;
                    continue;
                }
                gov = u.has(w::GOV_VERB) && !u.is(shape::CAP);
                break;
            }
            if gov && !prev_prep {
                let c = ms[mi].country.unwrap_or(0);
                let m = &mut ms[mi];
                m.sense = Sense::Country;
                m.ncountries = 0;
                *m = m.clone().with_country(c);
            }
        }
        // A nationality word standing alone as the subject of "said" is a surname: "Cuban said".
        if ms[mi].ty == EntityType::Misc && t1 == t0 + 1 && ms[mi].sense == Sense::Country {
            let word = toks[t0].text(text);
            let before_said =
                toks.get(t1).is_some_and(|t| t.sent == sent && t.has(w::SPEECH) && !t.is(shape::CAP));
            let after_said = t0 > 0
                && toks[t0 - 1].sent == sent
                && toks[t0 - 1].has(w::SPEECH)
                && !toks[t0 - 1].is(shape::CAP)
                && toks.get(t1).is_none_or(|t| t.is(shape::PUNCT));
            let prev_det = t0 > 0 && toks[t0 - 1].has(w::STOP);
            if (before_said && !prev_det || after_said) && !word.ends_with('s') {
                let m = &mut ms[mi];
                m.ty = EntityType::Per;
                m.sense = Sense::Person;
                m.ncountries = 0;
            }
        }
        if ms[mi].ty != EntityType::Per {
            continue;
        }
        // Lower-case role phrase before the name: "India's external affairs minister Subrahmanyam Jaishankar".
        if ms[mi].role.is_none() && t0 > 0 {
            let mut k = t0;
            let mut head = false;
            while k > 0
                && toks[k - 1].sent == sent
                && toks[k - 1].has(w::TITLE_HEAD | w::TITLE_MOD)
                && !ms.iter().any(|o| (o.t0 as usize) < k && (o.t1 as usize) >= k)
            {
                head |= toks[k - 1].has(w::TITLE_HEAD);
                k -= 1;
            }
            // Do not start a role with a connector.
            while k < t0 && toks[k].has(w::CONNECTOR) {
                k += 1;
            }
            if head && k < t0 && toks[t0 - 1].has(w::TITLE_HEAD) {
                ms[mi].role = Some(text[toks[k].s as usize..toks[t0 - 1].e as usize].to_string());
                // "India's ..." or "Indian ..." before the role.
                if k >= 2 && toks[k - 1].is(shape::POSS) {
                    if let Some(o) = ms.iter().find(|o| o.t1 as usize == k - 1 && o.ncountries > 0) {
                        ms[mi].country = o.country_ids().first().copied();
                    }
                } else if let Some(o) = ms.iter().find(|o| o.t1 as usize == k && o.ncountries > 0) {
                    ms[mi].country = o.country_ids().first().copied();
                }
            }
        }
        // Possessive country before a bare name: "Germany's Baerbock".
        if ms[mi].country.is_none()
            && t0 >= 2
            && toks[t0 - 1].is(shape::POSS)
            && let Some(o) = ms.iter().find(|o| o.t1 as usize == t0 - 1 && o.ncountries > 0)
        {
            ms[mi].country = o.country_ids().first().copied();
        }
        // Apposition: "Bonnie Glaser, an Asia expert at the German Marshall Fund,".
        if ms[mi].role.is_none()
            && t1 + 2 < toks.len()
            && toks[t1].text(text) == ","
            && toks[t1 + 1].sent == sent
        {
            let a = toks[t1 + 1].text(text).to_ascii_lowercase();
            let mut k = t1 + 1;
            if matches!(a.as_str(), "a" | "an" | "the") {
                k += 1;
            }
            let start = k;
            let mut head = false;
            while k < toks.len() && toks[k].sent == sent && k - start < 12 {
                let u = &toks[k];
                if u.is(shape::PUNCT) && !u.is(shape::POSS) {
                    break;
                }
                if u.has(w::SPEECH) || u.has(w::GOV_VERB) && !u.has(w::TITLE_HEAD) {
                    head = false;
                    break;
                }
                head |= u.has(w::TITLE_HEAD);
                k += 1;
            }
            let ends_ok = k < toks.len() && matches!(toks[k].text(text), "," | "." | ";") || k >= toks.len();
            if head && ends_ok && k > start {
                // "India's foreign minister": the country goes to `country`.
                let mut rs = start;
                if let Some(o) = ms.iter().find(|o| o.t0 as usize == start && o.ncountries > 0) {
                    let c = o.country_ids()[0];
                    let oe = o.t1 as usize;
                    ms[mi].country = Some(c);
                    rs = if oe < k && toks[oe].is(shape::POSS) { oe + 1 } else { oe };
                }
                if rs < k {
                    ms[mi].role = Some(text[toks[rs].s as usize..toks[k - 1].e as usize].to_string());
                }
                if ms[mi].country.is_none() {
                    ms[mi].country = ms
                        .iter()
                        .filter(|o| (o.t0 as usize) >= start && (o.t1 as usize) <= k && o.ncountries > 0)
                        .map(|o| o.country_ids()[0])
                        .next();
                }
            }
        }
    }
    let _ = g;
}

/// Document-level linking: person clusters, surnames, and re-typing weak
/// mentions from confident ones. Returns the clusters.
pub(crate) fn link(text: &str, toks: &[Tok], ms: &mut Vec<Mention>, caps: &[bool]) -> Vec<PersonCluster> {
    let g = &*GAZETTEER;
    // Known surface → type from confident mentions; teams from results tables first.
    // Keys are lower-cased surfaces; `buf` holds the lower-cased form of a lookup.
    let mut known: FxHashMap<String, EntityType> =
        FxHashMap::with_capacity_and_hasher(ms.len() * 2, Default::default());
    let mut buf = String::new();
    let mut add_new = |known: &mut FxHashMap<String, EntityType>, s: &str, ty: EntityType| {
        let l = lowered(s, &mut buf);
        if !known.contains_key(l) {
            known.insert(l.to_string(), ty);
        }
    };
    for m in ms.iter().filter(|m| m.team) {
        let s = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
        known.insert(s.to_lowercase(), EntityType::Org);
    }
    let teams = !known.is_empty();
    for m in ms.iter().filter(|m| !m.weak) {
        let s = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
        add_new(&mut known, s, m.ty);
        if m.ty == EntityType::Per && m.t1 - m.t0 >= 2 {
            let last = toks[m.t1 as usize - 1].text(text);
            add_new(&mut known, last, EntityType::Per);
        }
    }
    // Multi-word weak persons are fairly reliable in mixed-case text; their surnames link too.
    for m in ms.iter().filter(|m| {
        m.weak && m.ty == EntityType::Per && m.t1 - m.t0 >= 2 && !caps[toks[m.t0 as usize].sent as usize]
    }) {
        let last = toks[m.t1 as usize - 1].text(text);
        add_new(&mut known, last, EntityType::Per);
    }
    let mut buf = String::new();
    for m in ms.iter_mut() {
        // Datelines ("NEW YORK 1996-08-22") keep their place.
        let dateline =
            toks.get(m.t1 as usize).is_some_and(|t| t.is(shape::NUM) && t.text(text).contains('-'));
        if m.team || dateline {
            continue;
        }
        let caps_sent = caps[toks[m.t0 as usize].sent as usize];
        // In a sports report, a city that is a team in the results is the team in the prose too.
        let team_city = teams && !caps_sent && m.sense == Sense::Place;
        if !m.weak && !caps_sent && !team_city {
            continue;
        }
        if team_city {
            let s = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
            if known.get(lowered(s, &mut buf)) != Some(&EntityType::Org) {
                continue;
            }
        }
        let s = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
        if let Some(&ty) = known.get(lowered(s, &mut buf)) {
            m.ty = ty;
            m.weak = false;
            m.sense = match ty {
                EntityType::Per => Sense::Person,
                EntityType::Org => Sense::Org,
                EntityType::Loc => {
                    if m.sense == Sense::Country {
                        Sense::Country
                    } else {
                        Sense::Place
                    }
                }
                EntityType::Misc => m.sense,
            };
        }
    }
    // Unresolved weak single words are dropped: too often wrong.
    ms.retain(|m| !(m.weak && m.sense == Sense::Other));
    // Person clusters.
    let mut clusters: Vec<PersonCluster> = Vec::new();
    let mut by_last: FxHashMap<&str, Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(ms.len(), Default::default());
    // Full names first, in order.
    for m in ms.iter_mut() {
        if m.ty != EntityType::Per || m.t1 - m.t0 < 2 {
            continue;
        }
        let name = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
        let last = toks[m.t1 as usize - 1].text(text);
        let first = toks[m.t0 as usize].text(text);
        let ci = match by_last.get(last).and_then(|v| {
            v.iter().find(|&&c| {
                clusters[c].name == name || toks[clusters[c].first_tok as usize].text(text) == first
            })
        }) {
            Some(&c) => c,
            None => {
                clusters.push(PersonCluster {
                    name: name.to_string(),
                    role: None,
                    country: None,
                    mentions: 0,
                    first_tok: m.t0,
                });
                by_last.entry(last).or_default().push(clusters.len() - 1);
                // East Asian order: "Xi Jinping" is also "Xi".
                if !GIVEN.contains(first) {
                    by_last.entry(first).or_default().push(clusters.len() - 1);
                }
                clusters.len() - 1
            }
        };
        m.person = ci as u32;
        // Longer names win as canonical ("Hillary Rodham Clinton" over "Hillary Clinton").
        if name.len() > clusters[ci].name.len() {
            clusters[ci].name = name.to_string();
        }
    }
    // Single-word person mentions link to the most recent cluster with that surname before them,
    // else the first after.
    for m in ms.iter_mut() {
        if m.ty != EntityType::Per || m.person != u32::MAX {
            continue;
        }
        let w0 = toks[m.t0 as usize].text(text);
        let w1 = toks[m.t1 as usize - 1].text(text);
        let cands = by_last.get(w1).or_else(|| by_last.get(w0));
        let ci = match cands {
            Some(v) => {
                let before = v
                    .iter()
                    .copied()
                    .filter(|&c| clusters[c].first_tok < m.t0)
                    .max_by_key(|&c| clusters[c].first_tok);
                before.unwrap_or(v[0])
            }
            None => {
                let name = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
                let name = match g.famous.get(name) {
                    Some(&p) => g.people[p as usize],
                    None => name,
                };
                clusters.push(PersonCluster {
                    name: name.to_string(),
                    role: None,
                    country: None,
                    mentions: 0,
                    first_tok: m.t0,
                });
                by_last.entry(w1).or_default().push(clusters.len() - 1);
                clusters.len() - 1
            }
        };
        m.person = ci as u32;
    }
    for m in ms.iter_mut() {
        if m.ty == EntityType::Per && m.person != u32::MAX {
            let c = &mut clusters[m.person as usize];
            c.mentions += 1;
            if c.role.is_none() {
                c.role.clone_from(&m.role);
            }
            if c.country.is_none() {
                c.country = m.country;
            }
            m.canonical.clone_from(&c.name);
        } else if m.ncountries > 0 && m.sense == Sense::Country {
            m.canonical = match m.country_ids() {
                [c] => g.countries[*c as usize].name.to_string(),
                ids => ids.iter().map(|&c| g.countries[c as usize].name).collect::<Vec<_>>().join(", "),
            };
        } else {
            let s = &text[toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize];
            m.canonical = canonical_gazetteer(s).unwrap_or_else(|| s.to_string());
        }
    }
    clusters
}

/// `s` lower-cased as `str::to_lowercase` does, in `buf` (no allocation for ASCII).
fn lowered<'b>(s: &str, buf: &'b mut String) -> &'b str {
    if s.is_ascii() {
        buf.clear();
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        *buf = s.to_lowercase();
    }
    buf
}

/// The gazetteer's canonical name for a surface form, if it is in the gazetteer.
fn canonical_gazetteer(s: &str) -> Option<String> {
    let g = &*GAZETTEER;
    let m = g.ac.find(aho_corasick::Input::new(s).anchored(aho_corasick::Anchored::Yes))?;
    if m.start() != 0 || m.end() != s.len() {
        return None;
    }
    Some(match g.patterns[m.pattern().as_usize()].1 {
        GazKind::Org(o) => g.orgs[o as usize].to_string(),
        GazKind::Place(p) => g.places[p as usize].to_string(),
        GazKind::Capital(_) => g.patterns[m.pattern().as_usize()].0.to_string(),
        GazKind::Adjective => return None,
        GazKind::Person(p) => g.people[p as usize].to_string(),
        GazKind::Country(c) | GazKind::Demonym(c) => g.countries[c as usize].name.to_string(),
    })
}
