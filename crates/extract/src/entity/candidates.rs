//! Mention candidates: gazetteer matches aligned to tokens, chunks of
//! capitalised words (with connectors inside), and the typing of each chunk
//! by titles, honorifics and gazetteer kinds. What no rule here recognises
//! goes to [`super::unknown`].

use super::name_shape::{adjective_compound, bare_abbrev, courtesy, name_end, person_follows, short_surname};
use super::unknown::classify_unknown;
use super::{EntityType, GazHit, Mention, Sense};
use crate::lexicon::{GAZETTEER, GIVEN, GazKind, w};
use crate::tok::{Tok, shape};

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
        // "Maoist-inspired", "Brezhnev-era", "Moscow-backed": an adjective, never a name's start.
        if hits[i].is_none() && adjective_compound(t.text(text)) {
            i += 1;
            continue;
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
            // A month ends the name ("Lund May 3"), unless a name follows it:
            // "Jan Lund" is a given name.
            let name_after =
                j + 1 < n && toks[j + 1].sent == t.sent && is_name_word(&toks[j + 1], text, caps_sent);
            if u.has(w::WEEKDAY)
                || u.has(w::MONTH)
                    && hits[j].is_none()
                    && !caps_sent
                    && !name_after
                    && !bare_abbrev(text, toks, j)
            {
                break;
            }
            // "van den Broek", "de la Rua": particles chain before the surname.
            let joins_next = j + 1 < n && is_name_word(&toks[j + 1], text, caps_sent)
                || j + 2 < n
                    && toks[j + 1].has(w::CONNECTOR)
                    && toks[j + 1].text(text) != "and"
                    && is_name_word(&toks[j + 2], text, caps_sent);
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
        && (toks[pos].has(w::COMMON_START | w::STOP | w::WEEKDAY | w::MONTH)
            && !short_surname(text, toks, hits, pos, j))
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
            // A hit running past the chunk end is taken whole.
            let end = h.t1 as usize;
            // A given name followed by a surname wins over a one-word gazetteer hit ("Jordan Henderson").
            let single = end == pos + 1;
            if single
                && end < j
                && GIVEN.contains(toks[pos].text(text))
                && hits[end].is_none()
                && toks[end].known() == 0
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
                // "said Monterrey Cardenas": a place's name as a given name.
                GazKind::Place(_) | GazKind::Capital(_)
                    if end < j
                        && hits[end].is_none()
                        && toks[end].known() == 0
                        && pos > 0
                        && toks[pos - 1].has(w::SPEECH)
                        && !toks[pos - 1].is(shape::CAP) =>
                {
                    let e = name_end(toks, hits, end, j);
                    out.push(Mention::new(pos, e, EntityType::Per, Sense::Person));
                    pos = e;
                    continue;
                }
                GazKind::Place(_) | GazKind::Capital(_)
                    if end < j
                        && hits[end].is_none()
                        && !person_follows(text, toks, end)
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
                // "Mr." gives no role; "Gen." and "Sen." do.
                let courtesy = toks[pos].has(w::HONORIFIC) && k == pos + 1 && courtesy(toks[pos].text(text));
                let title_start = if courtesy { None } else { Some(pos) };
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
            // "Supreme Commander Europe Brandon T. Ruiz": a region inside the title.
            if head
                && k < j
                && let Some(h) = hits[k].filter(|h| matches!(h.kind, GazKind::Place(_)))
                && (h.t1 as usize) < j
                && hits[h.t1 as usize].is_none()
                && person_follows(text, toks, h.t1 as usize)
            {
                let he = h.t1 as usize;
                let e = name_end(toks, hits, he, j);
                let mut m = Mention::new(he, e, EntityType::Per, Sense::Person);
                m.role = Some(text[toks[pos].s as usize..toks[he - 1].e as usize].to_string());
                m.country = pending_country;
                out.push(m);
                pos = e;
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

#[cfg(test)]
mod tests {
    use super::super::Sense;
    use crate::EntityType::{Loc, Misc, Org, Per};
    use crate::testutil::{analysed, typed};

    #[test]
    fn titles_lead_to_the_name_and_give_a_role() {
        let text = "Foreign Minister Anna Keller met officials in Geneva on Monday.";
        assert_eq!(typed(text), [("Anna Keller".into(), Per), ("Geneva".into(), Loc)]);
        let a = analysed(text);
        assert_eq!(a.ms[0].role.as_deref(), Some("Foreign Minister"));
    }

    #[test]
    fn organisation_heads_and_country_compounds() {
        let text = "The Chinese Foreign Ministry said the Franco-German plan was late.";
        assert_eq!(typed(text), [("Chinese Foreign Ministry".into(), Org), ("Franco-German".into(), Misc)]);
        let a = analysed(text);
        assert_eq!(a.ms[1].sense, Sense::Country);
        assert_eq!(a.ms[1].country_ids().len(), 2, "France and Germany");
    }

    #[test]
    fn an_honorific_makes_a_gazetteer_word_a_name() {
        let text = "Mr. English spoke to reporters on Tuesday.";
        assert_eq!(typed(text), [("English".into(), Per)]);
    }

    #[test]
    fn leading_common_words_are_not_part_of_a_name() {
        let text = "But Geneva stayed calm.";
        assert_eq!(typed(text), [("Geneva".into(), Loc)]);
    }
}
