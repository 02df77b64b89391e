//! The countries a story involves, as a desk officer lists them: every country the text
//! names, by its name, its demonym, its capital or a national institution ("the Chinese Foreign
//! Ministry"), except those that appear only in passing. A mention is passing when it is
//! - one item of a long enumeration (five countries or more: the members of a group);
//! - coordinated with a continent ("the slump in Asia and Brazil"): background, not actors;
//! - an ethnic group, not a state: "ethnic Hungarians", "Vojvodina Hungarians", and the demonyms
//!   of a sentence that speaks of ethnic groups ("nine Turks and four Greeks, all ethnic …");
//!   once the text writes "ethnic Hungarian", its other "Hungarian" are the people too;
//! - a biography ("trained in France", "educated in Britain");
//! - the enemy of a past war ("its 1978 war with Peru");
//! - a capital naming an event ("the Lima accords"), a country naming a court ("the Rwanda
//!   tribunal").
//!
//! A country counts when at least one of its mentions is not passing; then all count.
//! The work is linear in the mentions, with a few tokens looked at around each one.

use super::{EntityType, Mention, Sense};
use crate::lexicon::{GAZETTEER, w};
use crate::tok::{Tok, shape};

/// One country mention: the country, its tokens, and whether it is a demonym.
struct Cm {
    c: u16,
    t0: usize,
    t1: usize,
    demonym: bool,
    passing: bool,
}

/// The country ids the story involves, once per counted mention, in text order.
pub(crate) fn story_countries(text: &str, toks: &[Tok], ms: &[Mention]) -> Vec<u16> {
    let mut cms: Vec<Cm> = Vec::new();
    for m in ms {
        let (t0, t1) = (m.t0 as usize, m.t1 as usize);
        match m.sense {
            Sense::Country => {
                for &c in m.country_ids() {
                    cms.push(Cm { c, t0, t1, demonym: m.ty == EntityType::Misc, passing: false });
                }
            }
            // A capital, or a national institution: the country is in the story.
            Sense::Place | Sense::Org if m.ty != EntityType::Per => {
                if let Some(c) = m.country {
                    cms.push(Cm { c, t0, t1, demonym: false, passing: false });
                }
            }
            _ => {}
        }
    }
    if cms.is_empty() {
        return Vec::new();
    }
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let same_sent = |a: usize, b: usize| toks.get(a).zip(toks.get(b)).is_some_and(|(x, y)| x.sent == y.sent);
    let surface = |m: &Cm| stem(&text[toks[m.t0].s as usize..toks[m.t1 - 1].e as usize]);
    // Demonyms the text uses for an ethnic group ("ethnic Hungarians", "Vojvodina Hungarians",
    // "Slovak Hungarians"): none of their mentions names the state. Kept by surface: "Magyar" is
    // the people, "Hungarian" may still be the state.
    let g = &*GAZETTEER;
    let mut ethnic: Vec<&str> = Vec::new();
    for (k, m) in cms.iter().enumerate() {
        if m.demonym && m.t1 == m.t0 + 2 {
            let (a, b) = (word(m.t0), word(m.t0 + 1));
            if g.compound_parts.contains_key(a) && g.compound_parts.contains_key(stem(b)) {
                ethnic.push(stem(b));
            }
            continue;
        }
        if m.demonym && m.t0 > 0 && same_sent(m.t0 - 1, m.t0) {
            let p = &toks[m.t0 - 1];
            let place_before = p.capword()
                && p.is(shape::CAP)
                && !p.has(w::COMMON_START | w::STOP | w::TITLE_HEAD | w::TITLE_MOD | w::HONORIFIC)
                && !(k > 0 && cms[k - 1].t1 == m.t0 && !cms[k - 1].demonym);
            if (word(m.t0 - 1).eq_ignore_ascii_case("ethnic") || place_before)
                && !ethnic.contains(&surface(m))
            {
                ethnic.push(surface(m));
            }
        }
    }
    // Enumerations: runs of country mentions joined by commas, "and", "or".
    let joiner = |a: usize, b: usize| {
        (a..b).all(|k| matches!(word(k), "," | "and" | "or" | "the")) && same_sent(a.saturating_sub(1), b)
    };
    let mut i = 0;
    while i < cms.len() {
        let mut j = i + 1;
        while j < cms.len() && joiner(cms[j - 1].t1, cms[j].t0) {
            j += 1;
        }
        if j - i >= 5 {
            cms[i..j].iter_mut().for_each(|m| m.passing = true);
        }
        i = j;
    }
    for m in &mut cms {
        let (t0, t1) = (m.t0, m.t1);
        // In a sentence about ethnic groups, a demonym used as a noun ("five Turks") is a people.
        let noun = toks[t1 - 1].text(text).ends_with('s')
            || toks.get(t1).is_none_or(|t| t.sent != toks[t0].sent || t.is(shape::PUNCT));
        let demonym_ethnic =
            m.demonym && (ethnic.contains(&surface(m)) || noun && sentence_says_ethnic(text, toks, t0));
        // "The Lima accords", "the Lima summit": a place naming an event (not "the Iraq war").
        let event = !m.demonym && names_event(text, toks, t0, t1) || names_court(text, toks, t1);
        let passing = event
            || demonym_ethnic
            || next_to_continent(text, toks, t0, t1)
            || biography(text, toks, t0)
            || past_war(text, toks, t0);
        m.passing |= passing;
    }
    let involved: Vec<u16> = {
        let mut v: Vec<u16> = cms.iter().filter(|m| !m.passing).map(|m| m.c).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    cms.iter().map(|m| m.c).filter(|c| involved.binary_search(c).is_ok()).collect()
}

/// A place naming an event: "the Lima accords", "the Lima and Cartagena accords" (a war
/// stays a country's war: "the Iraq war").
fn names_event(text: &str, toks: &[Tok], t0: usize, t1: usize) -> bool {
    let sent = toks[t0].sent;
    let mut k = t1;
    // Over a coordinated name: "and Cartagena".
    if toks.get(k).is_some_and(|t| t.sent == sent && t.text(text) == "and") {
        let mut j = k + 1;
        while j < k + 4 && toks.get(j).is_some_and(|t| t.sent == sent && t.capword()) {
            j += 1;
        }
        if j > k + 1 {
            k = j;
        }
    }
    toks.get(k).is_some_and(|t| {
        t.sent == sent
            && t.text(text).starts_with(char::is_lowercase)
            && t.has(w::MISC_HEAD | w::EVENT)
            && !matches!(t.text(text), "war" | "wars")
    })
}

/// A court named for the country whose crimes it tries: "the Rwanda tribunal", "the
/// Rwandan war crimes tribunal" (it sits elsewhere and tries people of a region).
fn names_court(text: &str, toks: &[Tok], t1: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    word(t1) == "tribunal" || word(t1) == "war" && word(t1 + 1) == "crimes" && word(t1 + 2) == "tribunal"
}

/// A demonym without its plural "s": "Magyars" and "Magyar" are one people.
fn stem(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// Does the sentence of token `t` speak of ethnic groups?
fn sentence_says_ethnic(text: &str, toks: &[Tok], t: usize) -> bool {
    let s = toks[t].sent;
    let mut a = t;
    while a > 0 && toks[a - 1].sent == s {
        a -= 1;
    }
    toks[a..].iter().take_while(|x| x.sent == s).any(|x| x.text(text).eq_ignore_ascii_case("ethnic"))
}

/// A continent or world region: "Asia", "Europe", "Latin America", "the Middle East".
fn continent(word: &str) -> bool {
    matches!(word, "Asia" | "Europe" | "Africa" | "America" | "East" | "Balkans" | "Caribbean")
}

/// Coordinated with a continent: "in Asia and Brazil", "Brazil and Latin America",
/// "from Asia to Brazil".
fn next_to_continent(text: &str, toks: &[Tok], t0: usize, t1: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let join = |x: &str| matches!(x, "," | "and" | "or" | "to");
    let before =
        t0 >= 2 && join(word(t0 - 1)) && continent(word(t0 - 2)) && toks[t0 - 2].sent == toks[t0].sent;
    let after = join(word(t1))
        && toks.get(t1 + 1).is_some_and(|t| t.sent == toks[t0].sent)
        && (continent(word(t1 + 1))
            || continent(word(t1 + 2)) && !word(t1 + 1).is_empty() && toks[t1 + 1].is(shape::CAP));
    before || after
}

/// A biography: "trained in Britain", "educated in the United States".
fn biography(text: &str, toks: &[Tok], t0: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let mut k = t0;
    if k > 0 && word(k - 1) == "the" {
        k -= 1;
    }
    k >= 2
        && word(k - 1) == "in"
        && matches!(word(k - 2), "trained" | "educated" | "studied" | "born" | "schooled")
}

/// The enemy of a past war: "its 1978 war with Peru", "the 1991 war against Iraq".
fn past_war(text: &str, toks: &[Tok], t0: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let mut k = t0;
    if k > 0 && word(k - 1) == "the" {
        k -= 1;
    }
    k >= 3
        && matches!(word(k - 1), "with" | "against")
        && matches!(word(k - 2), "war" | "conflict")
        && toks[k - 3].is(shape::NUM)
        && word(k - 3).len() == 4
}

#[cfg(test)]
mod tests {
    use crate::testutil::analysed;

    fn countries(text: &str) -> Vec<String> {
        let a = analysed(text);
        let g = &*crate::lexicon::GAZETTEER;
        let toks = &a.toks;
        let mut v: Vec<String> = super::story_countries(text, toks, &a.ms)
            .into_iter()
            .map(|c| g.countries[c as usize].name.to_string())
            .collect();
        v.dedup();
        v
    }

    #[test]
    fn a_long_enumeration_is_background() {
        let text = "Ministers from Chile met in Lima. The club counts Japan, Norway, Austria, Kenya and Peru as members.";
        assert_eq!(countries(text), ["Chile", "Peru"]);
    }

    #[test]
    fn four_countries_in_a_list_still_count() {
        let text = "Protests spread to Norway, Austria, Kenya and Peru on Monday.";
        assert_eq!(countries(text), ["Norway", "Austria", "Kenya", "Peru"]);
    }

    #[test]
    fn a_country_beside_a_continent_is_background() {
        let text = "Chile cut rates to fight the slump that hit Asia and Brazil last year.";
        assert_eq!(countries(text), ["Chile"]);
    }

    #[test]
    fn ethnic_groups_are_not_states() {
        let text = "Greek police met ethnic Turkish farmers. The Turkish villagers said they were afraid.";
        assert_eq!(countries(text), ["Greece"]);
        let text = "Nine Turks and four Greeks, all ethnic minorities, sit on the council of Bulgaria.";
        assert_eq!(countries(text), ["Bulgaria"]);
    }

    #[test]
    fn a_people_named_with_its_homeland_is_no_state() {
        let text = "Slovak Hungarian leaders met in Bratislava. Three Hungarians were hurt, and Austrian police watched.";
        assert_eq!(countries(text), ["Slovakia", "Austria"]);
    }

    #[test]
    fn a_country_named_by_its_name_still_counts_beside_its_ethnic_demonym() {
        let text = "Ethnic Turkish farmers marched. Turkey protested to Greece.";
        assert_eq!(countries(text), ["Turkey", "Greece"]);
    }

    #[test]
    fn a_court_named_for_a_country_is_background() {
        let text = "The Rwandan war crimes tribunal in Tanzania convicted a mayor from Kenya.";
        assert_eq!(countries(text), ["Tanzania", "Kenya"]);
    }

    #[test]
    fn biography_and_past_wars_are_background() {
        let text = "Chile named Juan Soto, an admiral trained in France, after its 1978 war with Peru ended.";
        assert_eq!(countries(text), ["Chile"]);
    }

    #[test]
    fn capitals_and_national_institutions_name_their_country() {
        let text = "Stocks fell in Tokyo. Peru said the Lima and Quito accords held, after the Iraq war and Greek elections.";
        assert_eq!(countries(text), ["Japan", "Peru", "Iraq", "Greece"]);
        let text = "The Chinese Foreign Ministry protested.";
        assert_eq!(countries(text), ["China"]);
    }
}
