//! The country of each person the text leaves implicit. In order: a well-known
//! person's country (`data/people.txt`; one listed with none, such as the head of an
//! international body, gets none); a national institution in the role ("White House
//! spokesman"); "Name of Canada"; a title joined to another person's ("Russian Foreign
//! Minister A and Defense Minister B"); a national office (president, minister, speaker,
//! general) held in the country the story is about, or the one named around the first
//! mention; a political role (party leader, dissident) in a story about one country;
//! last, the country of the person whose aide or envoy they are ("the president's
//! envoy, A", "Name adviser B"). Null rather than a guess otherwise.

use rustc_hash::FxHashMap;

use super::institution::{contains_word, institution_country};
use super::{EntityType, Mention, PersonCluster, Sense};
use crate::lexicon::{GAZETTEER, w};
use crate::tok::{Tok, shape};

/// Sentences before a person's first mention searched for a country.
const BACK_SENTENCES: u32 = 2;

/// Words of a role that make it a national office: its holder serves a country.
const NATIONAL_OFFICES: [&str; 14] = [
    "president",
    "prime minister",
    "premier",
    "minister",
    "speaker",
    "parliament",
    "gen.",
    "general",
    "army",
    "lawmaker",
    "deputy",
    "chancellor",
    "king",
    "police",
];

/// Words of a role that make it an office of an international body, whose holder serves
/// no one country ("Secretary-General", "NATO commander").
const INTERNATIONAL: [&str; 11] = [
    "secretary general",
    "secretary-general",
    "nato",
    "u.n.",
    "un",
    "united nations",
    "european",
    "eu",
    "imf",
    "world bank",
    "international",
];

/// Words of a role that tie its holder to a country's politics, though not to an office
/// of state: trusted only in a story about one country.
const POLITICAL: [&str; 10] = [
    "party",
    "leader",
    "opposition",
    "dissident",
    "activist",
    "legislator",
    "senator",
    "governor",
    "mayor",
    "politician",
];

fn international(r: &str) -> bool {
    INTERNATIONAL.iter().any(|o| contains_word(r, o))
}

/// The role itself, after any possessive: "President Obama's special envoy" is an envoy.
fn own_part(role: &str) -> String {
    let r = role.to_ascii_lowercase();
    match r.rfind("'s ") {
        Some(i) => r[i + 3..].to_string(),
        None => r,
    }
}

fn national_office(role: &str) -> bool {
    let r = own_part(role);
    !international(&r) && NATIONAL_OFFICES.iter().any(|o| r.contains(o))
}

fn political(role: &str) -> bool {
    let r = own_part(role);
    !international(&r) && POLITICAL.iter().any(|o| r.contains(o))
}

/// The country a well-known person serves: by full name, or a bare surname all the
/// gazetteer's people of that surname share ("Clinton"). `Some(None)`: listed with no
/// country (the head of an international body), so none is guessed.
fn famous_country(name: &str) -> Option<Option<u16>> {
    let g = &*GAZETTEER;
    if let Some(i) = g.people.iter().position(|p| *p == name) {
        return Some(g.people_country[i]);
    }
    if name.contains(' ') {
        return None;
    }
    let mut found = None;
    for (i, p) in g.people.iter().enumerate() {
        if p.rsplit(' ').next() == Some(name) {
            match (found, g.people_country[i]) {
                (None, Some(c)) => found = Some(c),
                (Some(a), Some(c)) if a == c => {}
                _ => return None,
            }
        }
    }
    found.map(Some)
}

/// "Louise Arbour of Canada", "Benjamin Netanyahu of Israel".
fn of_country(text: &str, toks: &[Tok], ms: &[Mention], m: &Mention) -> Option<u16> {
    let mut k = m.t1 as usize;
    if toks.get(k).is_none_or(|t| t.text(text) != "of") {
        return None;
    }
    k += 1;
    if toks.get(k).is_some_and(|t| t.text(text) == "the") {
        k += 1;
    }
    let o = ms.iter().find(|o| o.t0 as usize == k)?;
    let country_name = o.sense == Sense::Country && o.ty == EntityType::Loc && o.ncountries == 1;
    // Not "of the United States Senate".
    let ends = toks.get(o.t1 as usize).is_none_or(|t| !t.capword());
    (country_name && ends).then(|| o.countries[0])
}

/// "Russian Foreign Minister Igor Ivanov and Defense Minister Igor Sergeyev": the second
/// title, with no country of its own, takes the first person's.
fn joined_title(
    text: &str,
    toks: &[Tok],
    ms: &[Mention],
    clusters: &[PersonCluster],
    m: &Mention,
) -> Option<u16> {
    let mut k = m.t0 as usize;
    let sent = toks[k].sent;
    while k > 0
        && toks[k - 1].sent == sent
        && toks[k - 1].is(shape::CAP)
        && toks[k - 1].has(w::TITLE_HEAD | w::TITLE_MOD)
    {
        k -= 1;
    }
    if k == m.t0 as usize || k < 2 || !matches!(toks[k - 1].text(text), "and" | ",") {
        return None;
    }
    let o = ms.iter().find(|o| o.t1 as usize == k - 1 && o.ty == EntityType::Per)?;
    o.country.or_else(|| clusters.get(o.person as usize).and_then(|c| c.country))
}

/// Fill the country of clusters that have none.
pub(crate) fn infer_person_countries(
    text: &str,
    toks: &[Tok],
    ms: &[Mention],
    clusters: &mut [PersonCluster],
) {
    let mut counts: FxHashMap<u16, (u32, u32)> = FxHashMap::default();
    for (i, m) in ms.iter().enumerate() {
        if m.sense == Sense::Country && m.ncountries == 1 {
            let e = counts.entry(m.countries[0]).or_insert((0, i as u32));
            e.0 += 1;
        }
    }
    let mut ranked: Vec<(u16, u32, u32)> = counts.iter().map(|(&c, &(n, f))| (c, n, f)).collect();
    ranked.sort_by_key(|&(_, n, f)| (std::cmp::Reverse(n), f));
    // The story's country, when it is named at least `ratio` times as often as the next.
    let main = |ratio_x2: u32| match ranked.as_slice() {
        [] => None,
        [(c, _, _)] => Some(*c),
        [(c, n, _), (_, n2, _), ..] => (2 * *n >= ratio_x2 * *n2).then_some(*c),
    };
    let mut done = vec![false; clusters.len()];
    for (mi, m) in ms.iter().enumerate() {
        let ci = m.person as usize;
        if m.ty != EntityType::Per || ci >= clusters.len() || done[ci] {
            continue;
        }
        done[ci] = true;
        if clusters[ci].country.is_some() {
            continue;
        }
        let famous = famous_country(&clusters[ci].name);
        if let Some(c) = famous {
            clusters[ci].country = c;
            continue;
        }
        let role = clusters[ci].role.as_deref();
        let explicit = role.and_then(institution_country).or_else(|| {
            ms.iter().filter(|o| o.person == m.person && o.ty == EntityType::Per).find_map(|o| {
                of_country(text, toks, ms, o).or_else(|| joined_title(text, toks, ms, clusters, o))
            })
        });
        if explicit.is_some() {
            clusters[ci].country = explicit;
            continue;
        }
        let sent = toks[m.t0 as usize].sent;
        // The one country named just before the first mention, in its sentence or, if
        // none is, in the sentences before; none if several are.
        let near = || {
            let mut found = None;
            let mut found_sent = 0;
            for o in ms[..mi].iter().rev().take_while(|o| toks[o.t0 as usize].sent + BACK_SENTENCES >= sent) {
                if o.sense == Sense::Country && o.ncountries == 1 && own_country(text, toks, o) {
                    let os = toks[o.t0 as usize].sent;
                    match found {
                        None => (found, found_sent) = (Some(o.countries[0]), os),
                        Some(c) if c == o.countries[0] => {}
                        Some(_) if found_sent == sent && os != sent => break,
                        Some(_) => return None,
                    }
                }
            }
            found
        };
        // Anyone else: null rather than a guess.
        if role.is_some_and(national_office) {
            clusters[ci].country = main(4).or_else(near);
        } else if role.is_some_and(political) {
            clusters[ci].country = main(4);
        }
    }
    // "President Obama's special envoy, A", "Name adviser B": the patron's country.
    for m in ms.iter() {
        let ci = m.person as usize;
        if m.ty != EntityType::Per || ci >= clusters.len() || clusters[ci].country.is_some() {
            continue;
        }
        if let Some(p) = patron_of(text, toks, ms, m)
            && let Some(c) = clusters.get(p as usize).and_then(|c| c.country)
        {
            clusters[ci].country = Some(c);
        }
    }
}

/// The mention starting at token `t` (mentions are in text order).
fn starting_at(ms: &[Mention], t: usize) -> Option<&Mention> {
    let i = ms.partition_point(|o| (o.t0 as usize) < t);
    ms.get(i).filter(|o| o.t0 as usize == t)
}

/// The mention ending at token `t` (exclusive end).
fn ending_at(ms: &[Mention], t: usize) -> Option<&Mention> {
    let i = ms.partition_point(|o| (o.t0 as usize) < t);
    ms[..i].iter().rev().take(3).find(|o| o.t1 as usize == t)
}

/// Whether a country mention near a person may be the country they serve: a country's
/// name, or a demonym of an institution ("the Israeli Cabinet"); not one that belongs
/// to someone else ("Syrian President A", "New Zealand's B"), nor the subject of a
/// phrase ("talks on North Korea", "Syrian-backed").
fn own_country(text: &str, toks: &[Tok], o: &Mention) -> bool {
    let next = toks.get(o.t1 as usize).filter(|t| t.sent == toks[o.t0 as usize].sent);
    let titled = next.is_some_and(|t| t.has(w::TITLE_HEAD | w::TITLE_MOD | w::HONORIFIC));
    let poss = next.is_some_and(|t| t.is(shape::POSS));
    let compound = next.is_some_and(|t| t.s == toks[o.t1 as usize - 1].e && t.text(text).starts_with('-'));
    let subject = o.t0 > 0
        && matches!(
            toks[o.t0 as usize - 1].text(text),
            "on" | "about" | "against" | "over" | "toward" | "towards"
        );
    let demonym_ok = o.ty != EntityType::Misc
        || next.is_some_and(|t| {
            t.has(w::ORG_HEAD)
                || matches!(t.text(text), "media" | "television" | "radio" | "officials" | "authorities")
        });
    // A name used as a modifier: "a Syria ally", "the Iraq policy".
    let modifier = o.ty != EntityType::Misc
        && next.is_some_and(|t| {
            t.is(shape::WORD)
                && !t.is(shape::CAP)
                && !t.has(w::STOP | w::GOV_VERB | w::SPEECH | w::LOC_PREP | w::CONNECTOR | w::FUTURE)
        });
    !titled && !poss && !compound && !subject && demonym_ok && !modifier
}

/// The person whose aide, envoy or adviser a mention is, by the person's cluster:
/// "A, the president's envoy", "the president's envoy, A" is found as a role already, so
/// here a person's possessive right before the role ("Obama's special envoy") or a
/// name used as a modifier ("Name adviser B").
fn patron_of(text: &str, toks: &[Tok], ms: &[Mention], m: &Mention) -> Option<u32> {
    let (t0, t1) = (m.t0 as usize, m.t1 as usize);
    let sent = toks[t0].sent;
    // After the name: ", [the] Name's role".
    if toks.get(t1).is_some_and(|t| t.text(text) == ",") {
        let mut k = t1 + 1;
        while toks.get(k).is_some_and(|t| {
            t.sent == sent
                && (t.has(w::TITLE_HEAD | w::TITLE_MOD) && t.is(shape::CAP)
                    || matches!(t.text(text), "the" | "The"))
        }) {
            k += 1;
        }
        if let Some(o) = starting_at(ms, k).filter(|o| o.ty == EntityType::Per && o.person != m.person)
            && toks.get(o.t1 as usize).is_some_and(|t| t.is(shape::POSS))
            && toks
                .get(o.t1 as usize + 1)
                .is_some_and(|t| t.has(w::TITLE_HEAD | w::TITLE_MOD) && !t.is(shape::CAP))
        {
            return Some(o.person);
        }
    }
    // Before the name: "Name adviser B", "Name's envoy B".
    let mut k = t0;
    while k > 0
        && toks[k - 1].sent == sent
        && toks[k - 1].has(w::TITLE_HEAD | w::TITLE_MOD)
        && !toks[k - 1].is(shape::CAP)
    {
        k -= 1;
    }
    if k == t0 || k == 0 {
        return None;
    }
    let end = if toks[k - 1].is(shape::POSS) { k - 1 } else { k };
    ending_at(ms, end).filter(|o| o.ty == EntityType::Per && o.person != m.person).map(|o| o.person)
}

#[cfg(test)]
mod tests {
    use crate::testutil::analysed;

    fn countries(text: &str) -> Vec<(String, Option<&'static str>)> {
        let g = &*crate::lexicon::GAZETTEER;
        analysed(text)
            .people
            .iter()
            .map(|p| (p.name.clone(), p.country.map(|c| g.countries[c as usize].name)))
            .collect()
    }

    #[test]
    fn a_joined_title_takes_the_first_persons_country() {
        let text =
            "The envoy met Russian Foreign Minister Pavel Orlov and Defense Minister Gleb Titov on Monday.";
        assert_eq!(
            countries(text),
            [("Pavel Orlov".into(), Some("Russia")), ("Gleb Titov".into(), Some("Russia"))]
        );
    }

    #[test]
    fn name_of_country() {
        let text = "Judge Marta Lind of Sweden and prosecutor Ana Ruiz of the United States met in The Hague. \
            Officials in Germany and France said little.";
        let c = countries(text);
        assert_eq!(c[0], ("Marta Lind".into(), Some("Sweden")));
        assert_eq!(c[1], ("Ana Ruiz".into(), Some("United States")));
    }

    #[test]
    fn a_national_office_in_the_story_country() {
        let text = "Peru's Congress met on Monday. Peru faces a budget crisis, and Peru's banks are worried. \
            Interior Minister Jorge Salas said order would be kept. Chile offered help.";
        assert_eq!(countries(text), [("Jorge Salas".into(), Some("Peru"))]);
    }

    #[test]
    fn no_guess_without_a_dominant_country() {
        let text = "Talks between Peru and Chile resumed. Analyst Rosa Marin said nothing would change.";
        assert_eq!(countries(text), [("Rosa Marin".into(), None)]);
    }

    #[test]
    fn a_well_known_surname_has_its_country() {
        let text = "President Clinton spoke to Chilean and Peruvian leaders by phone.";
        assert_eq!(countries(text), [("Clinton".into(), Some("United States"))]);
    }

    #[test]
    fn the_head_of_an_international_body_gets_no_country() {
        let text = "Peru's Congress met. Peru faces a crisis, and Peru's banks are worried. \
            NATO Secretary General Lena Holt said Peru must act.";
        assert_eq!(countries(text), [("Lena Holt".into(), None)]);
        // Listed in the gazetteer with no country.
        let text = "Peru's Congress met. Peru faces a crisis. Secretary-General Antonio Guterres said Peru must act.";
        assert_eq!(countries(text), [("Antonio Guterres".into(), None)]);
    }

    #[test]
    fn a_national_institution_gives_the_country() {
        let text = "Talks with Peru resumed. White House spokesman Tom Hale said they went well.";
        assert_eq!(countries(text), [("Tom Hale".into(), Some("United States"))]);
    }

    #[test]
    fn a_country_that_belongs_to_someone_else_is_not_taken() {
        // "Chile's Ana Soto" is hers, and "a Bolivia ally" names Bolivia as a modifier.
        let text = "Chile's Ana Soto and a Bolivia ally met in Lima on Monday. \
            Deputy Minister Jorge Salas said nothing.";
        let c = countries(text);
        assert_eq!(c.iter().find(|p| p.0 == "Jorge Salas").map(|p| p.1), Some(None));
    }

    #[test]
    fn a_political_role_in_a_story_about_one_country() {
        let text = "Peru's Congress met. Peru faces a crisis, and Peru's banks are worried. \
            Opposition leader Rosa Marin said Peru needed new elections.";
        assert_eq!(countries(text), [("Rosa Marin".into(), Some("Peru"))]);
    }

    #[test]
    fn no_nearby_country_when_two_are_named() {
        let text = "Talks on the dispute resumed. Peru has refused, and Chile has objected. \
            Foreign Minister Jorge Salas flew to Lima.";
        assert_eq!(countries(text), [("Jorge Salas".into(), None)]);
        let text = "Talks on the dispute resumed. Peru has refused. Foreign Minister Jorge Salas flew home.";
        assert_eq!(countries(text), [("Jorge Salas".into(), Some("Peru"))]);
    }

    #[test]
    fn a_country_in_the_same_sentence_wins_over_earlier_ones() {
        let text = "Peru has refused, and Chile has objected. \
            The issue will be raised in Bolivia with President Jorge Salas.";
        assert_eq!(countries(text), [("Jorge Salas".into(), Some("Bolivia"))]);
        // A demonym counts before the national media or officials.
        let text = "Chile and Peru met. Chile spoke first. Peruvian officials said President Jorge Salas would attend.";
        assert_eq!(countries(text), [("Jorge Salas".into(), Some("Peru"))]);
    }

    #[test]
    fn a_possessive_in_the_role_is_not_the_office() {
        // A president's envoy holds no national office: not the story's country, the patron's.
        let text = "Peru's Congress met. Peru faces a crisis, and Peru's banks are worried. \
            Tom Hale, President Obama's special envoy, arrived.";
        let c = countries(text);
        assert_eq!(c.iter().find(|p| p.0 == "Tom Hale").map(|p| p.1), Some(Some("United States")));
    }

    #[test]
    fn a_patrons_country() {
        let text = "Talks went on. Tom Hale, President Obama's special envoy, arrived.";
        let c = countries(text);
        assert_eq!(c.iter().find(|p| p.0 == "Tom Hale").map(|p| p.1), Some(Some("United States")));
    }
}
