//! Roles and countries from the words around a person's name, after the
//! context rules: the country right before a title ("German Gen. A"), a
//! demonym before a list of names ("Britons A, B and C"), a description
//! before the name ("the chief executive of Acme, A,"), and "A, of the
//! Chilean Foreign Ministry". Each rule looks only at a few tokens around
//! a person mention.

use super::{EntityType, Mention, Sense};
use crate::lexicon::w;
use crate::tok::{Tok, shape};

/// Tokens searched back from a comma for the start of a description.
const DESCRIPTION_SPAN: usize = 12;

/// The mention starting at token `t` (mentions are in text order).
fn starting_at(ms: &[Mention], t: usize) -> Option<usize> {
    let i = ms.partition_point(|o| (o.t0 as usize) < t);
    (i < ms.len() && ms[i].t0 as usize == t).then_some(i)
}

/// The mention ending at token `t` (exclusive end).
fn ending_at(ms: &[Mention], t: usize) -> Option<usize> {
    let i = ms.partition_point(|o| (o.t0 as usize) < t);
    (i.saturating_sub(3)..i).rev().find(|&j| ms[j].t1 as usize == t)
}

fn country_of(m: &Mention) -> Option<u16> {
    m.country.or((m.ncountries > 0).then(|| m.countries[0]))
}

/// The rules of this module, for the person mention `mi`.
pub(crate) fn person_role_rules(text: &str, toks: &[Tok], ms: &mut [Mention], mi: usize) {
    title_country(toks, ms, mi);
    demonym_list(text, toks, ms, mi);
    if ms[mi].role.is_none() {
        description(text, toks, ms, mi);
    }
    if ms[mi].role.as_deref().is_none_or(honorific_only) {
        of_institution(text, toks, ms, mi);
    }
}

/// A role that is only an abbreviated title ("Gen.", "Rep."): any fuller one the text
/// gives says more.
pub(crate) fn honorific_only(role: &str) -> bool {
    role.ends_with('.') && !role.contains(' ')
}

/// The country of a title is the one named right before it: "German Gen. A". A title
/// with nothing before it takes no country from an earlier one (the second of
/// "Russian Foreign Minister A and Defense Minister B" is joined later, by the title).
fn title_country(toks: &[Tok], ms: &mut [Mention], mi: usize) {
    let t0 = ms[mi].t0 as usize;
    let sent = toks[t0].sent;
    let mut k = t0;
    while k > 0
        && toks[k - 1].sent == sent
        && toks[k - 1].is(shape::CAP)
        && toks[k - 1].has(w::HONORIFIC | w::TITLE_HEAD | w::TITLE_MOD)
    {
        k -= 1;
    }
    if k == t0 || ms[mi].role.is_none() {
        return;
    }
    let before = ending_at(ms, k).and_then(|o| country_of(&ms[o]));
    let poss = (k >= 2 && toks[k - 1].is(shape::POSS))
        .then(|| ending_at(ms, k - 1).and_then(|o| country_of(&ms[o])))
        .flatten();
    ms[mi].country = before.or(poss);
}

/// A demonym right before a name gives that person's country, and the names listed
/// after it with commas and "and": "Britons A, B and C", "Chilean writer A".
fn demonym_list(text: &str, toks: &[Tok], ms: &mut [Mention], mi: usize) {
    let t0 = ms[mi].t0 as usize;
    if ms[mi].country.is_some() || t0 == 0 {
        return;
    }
    let sent = toks[t0].sent;
    // The demonym, right before the name or before a lower-case role word.
    let mut k = t0;
    if toks[k - 1].sent == sent && toks[k - 1].has(w::TITLE_HEAD) && !toks[k - 1].is(shape::CAP) {
        k -= 1;
    }
    let direct = ending_at(ms, k)
        .filter(|&o| ms[o].ty == EntityType::Misc && ms[o].sense == Sense::Country && ms[o].ncountries == 1)
        .map(|o| ms[o].countries[0]);
    if let Some(c) = direct {
        ms[mi].country = Some(c);
        return;
    }
    // A name in a list whose first name has a demonym: look back over ", and" to a person.
    let mut j = t0;
    while j > 0 && toks[j - 1].sent == sent && matches!(toks[j - 1].text(text), "," | "and") {
        j -= 1;
    }
    if j == t0 {
        return;
    }
    if let Some(o) = ending_at(ms, j)
        && ms[o].ty == EntityType::Per
        && o < mi
    {
        let first = ms[o].t0 as usize;
        // Only a list that a demonym opens: the earlier name had its country from one,
        // or is itself listed after another.
        let listed = ending_at(ms, first).is_some_and(|d| ms[d].ty == EntityType::Misc)
            || first > 0 && matches!(toks[first - 1].text(text), "," | "and");
        if listed {
            ms[mi].country = ms[o].country;
        }
    }
}

/// A description, a comma, then the name and a comma or a stop: "the chief executive of
/// Acme, A, said", "his aide, B.". The description opens with "the", "a", a possessive
/// or "his"/"her" and has a title word among its first words; its country is a demonym
/// at its start, a possessive before it, or a country "of" which it is.
fn description(text: &str, toks: &[Tok], ms: &mut [Mention], mi: usize) {
    let (t0, t1) = (ms[mi].t0 as usize, ms[mi].t1 as usize);
    if t0 < 3 || toks[t0 - 1].text(text) != "," {
        return;
    }
    let sent = toks[t0].sent;
    let closes = toks.get(t1).is_none_or(|t| t.sent != sent || matches!(t.text(text), "," | "." | ";"));
    if !closes {
        return;
    }
    let end = t0 - 1;
    let lo = end.saturating_sub(DESCRIPTION_SPAN);
    let mut k = end;
    while k > lo && toks[k - 1].sent == sent {
        let u = &toks[k - 1];
        if u.is(shape::PUNCT) && !u.is(shape::POSS) || u.has(w::SPEECH) {
            return;
        }
        if u.has(w::GOV_VERB) && !u.has(w::TITLE_HEAD) && !u.is(shape::CAP) {
            return;
        }
        let opens = |t: &Tok| {
            t.is(shape::POSS)
                || matches!(
                    t.text(text),
                    "the" | "The" | "a" | "A" | "an" | "another" | "his" | "her" | "His" | "Her" | "its"
                )
        };
        // "the senator and her husband, A": a new noun phrase after "and" is
        // the description; what stands before it is someone else's.
        if matches!(u.text(text), "and" | "or") && k < end && opens(&toks[k]) {
            return;
        }
        let opener = opens(u);
        if opener && k < end {
            // A demonym at the start is the country, not the role.
            let mut s = k;
            let mut country = None;
            if let Some(o) = starting_at(ms, s)
                && ms[o].sense == Sense::Country
                && (ms[o].t1 as usize) < end
            {
                country = country_of(&ms[o]);
                s = ms[o].t1 as usize;
            }
            let head =
                (s..end.min(s + 4)).any(|x| toks[x].has(w::TITLE_HEAD) && starting_at(ms, x).is_none());
            if head && s < end {
                if u.is(shape::POSS) {
                    country = country.or_else(|| ending_at(ms, k - 1).and_then(|o| country_of(&ms[o])));
                }
                country = country.or_else(|| of_country_in(text, toks, ms, s, end));
                ms[mi].role = Some(text[toks[s].s as usize..toks[end - 1].e as usize].to_string());
                if ms[mi].country.is_none() {
                    ms[mi].country = country;
                }
                return;
            }
            // "the general's cousin, A": what follows a possessive is the description.
            if u.is(shape::POSS) {
                return;
            }
        }
        k -= 1;
    }
}

/// A country named after "of" (or "of the") between tokens `s` and `e`: "the foreign
/// minister of Peru". Countries after other words ("exile in France", "envoy on Korean
/// issues", "ambassador to Chile") are not the person's.
pub(crate) fn of_country_in(text: &str, toks: &[Tok], ms: &[Mention], s: usize, e: usize) -> Option<u16> {
    let i = ms.partition_point(|o| (o.t0 as usize) < s);
    ms[i..].iter().take_while(|o| (o.t1 as usize) <= e).find_map(|o| {
        let t = o.t0 as usize;
        let of = |x: usize| x > 0 && toks[x - 1].text(text) == "of";
        let after_of = of(t) || t > 1 && toks[t - 1].text(text) == "the" && of(t - 1);
        (after_of && o.ncountries > 0 && !matches!(o.sense, Sense::Person)).then(|| o.countries[0])
    })
}

/// "A, of the Chilean Foreign Ministry," and "A of the Acme Daily News": the institution
/// is the role, and a demonym opening it the country.
fn of_institution(text: &str, toks: &[Tok], ms: &mut [Mention], mi: usize) {
    let t1 = ms[mi].t1 as usize;
    let sent = toks[t1 - 1].sent;
    let mut k = t1;
    if toks.get(k).is_some_and(|t| t.text(text) == ",") {
        k += 1;
    }
    if toks.get(k).is_none_or(|t| t.sent != sent || t.text(text) != "of") {
        return;
    }
    k += 1;
    if toks.get(k).is_some_and(|t| t.text(text) == "the") {
        k += 1;
    }
    let start = k;
    // A demonym, then the organisation: "the Peruvian Foreign Ministry".
    let mut country = None;
    let glued = |o: usize| toks.get(ms[o].t1 as usize).is_some_and(|t| t.s == toks[ms[o].t1 as usize - 1].e);
    if let Some(o) = starting_at(ms, k)
        && ms[o].ty == EntityType::Misc
        && ms[o].ncountries == 1
        && !glued(o)
    {
        country = Some(ms[o].countries[0]);
        k = ms[o].t1 as usize;
    }
    let Some(o) = starting_at(ms, k).filter(|&o| ms[o].ty == EntityType::Org) else {
        return;
    };
    let mut e = ms[o].t1 as usize;
    // "the Parliament's Foreign Affairs Committee": the body within the institution.
    if toks.get(e).is_some_and(|t| t.is(shape::POSS)) {
        let mut x = e + 1;
        while x < toks.len() && x < e + 6 && toks[x].sent == sent && toks[x].capword() {
            x += 1;
        }
        if x > e + 1 {
            e = x;
        }
    }
    if toks.get(e).is_some_and(|t| t.sent == sent && t.capword()) {
        return;
    }
    ms[mi].role = Some(text[toks[start].s as usize..toks[e - 1].e as usize].to_string());
    if ms[mi].country.is_none() {
        ms[mi].country = country.or_else(|| country_of(&ms[o]));
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::analysed;

    fn people(text: &str) -> Vec<(String, Option<String>, Option<&'static str>)> {
        let g = &*crate::lexicon::GAZETTEER;
        analysed(text)
            .people
            .iter()
            .map(|p| (p.name.clone(), p.role.clone(), p.country.map(|c| g.countries[c as usize].name)))
            .collect()
    }

    #[test]
    fn a_demonym_before_an_honorific_title() {
        let text =
            "Peruvian President Ana Ruiz spoke first. Later, in Bonn, German Gen. Karl Baum said little.";
        let p = people(text);
        assert_eq!(p[1], ("Karl Baum".into(), Some("Gen.".into()), Some("Germany")));
    }

    #[test]
    fn a_demonym_opens_a_list_of_names() {
        let text =
            "The captives _ Danes Lars Holm, Erik Berg and Jens Lund, and Chile's Ana Soto _ were freed.";
        let p = people(text);
        let c: Vec<_> = p.iter().map(|p| (p.0.as_str(), p.2)).collect();
        assert_eq!(
            c,
            [
                ("Lars Holm", Some("Denmark")),
                ("Erik Berg", Some("Denmark")),
                ("Jens Lund", Some("Denmark")),
                ("Ana Soto", Some("Chile"))
            ]
        );
    }

    #[test]
    fn a_description_before_the_name() {
        let p = people("The chief executive of Norland Mining, Tom Reid, said the mine would close.");
        let reid = p.iter().find(|p| p.0 == "Tom Reid").expect("Tom Reid");
        assert_eq!(reid.1.as_deref(), Some("chief executive of Norland Mining"));
        let p = people("She was attacked with her aide, Olga Petrova, the agency said.");
        assert_eq!(p[0].1.as_deref(), Some("aide"));
        let p = people("The Peruvian representative at the talks, Jorge Salas, said no.");
        assert_eq!(p[0], ("Jorge Salas".into(), Some("representative at the talks".into()), Some("Peru")));
    }

    #[test]
    fn a_description_needs_the_name_to_close_it() {
        // The subject after a fronted phrase is not the one described.
        let p = people("After talks with the foreign minister, Jorge Salas flew home.");
        assert_eq!(p[0].1, None);
    }

    #[test]
    fn a_possessive_ends_the_description() {
        let p = people("Four voted against, including the general's cousin, Ramon Vidal, a candidate.");
        assert_eq!(p[0].1.as_deref(), Some("candidate"));
    }

    #[test]
    fn another_opens_a_description() {
        let p = people("Police held Han Bo and another prominent dissident, Lu Fang, on Monday.");
        assert_eq!(p[1].1.as_deref(), Some("prominent dissident"));
    }

    #[test]
    fn of_an_institution_after_an_abbreviated_title() {
        let p = people("Sen. Ana Ruiz of the Senate Foreign Relations Committee said no.");
        assert_eq!(p[0].1.as_deref(), Some("Senate Foreign Relations Committee"));
    }

    #[test]
    fn of_a_body_within_an_institution() {
        let p = people("Rep. Ana Ruiz of the Senate's Foreign Affairs Committee said no.");
        assert_eq!(p[0].1.as_deref(), Some("Senate's Foreign Affairs Committee"));
    }

    #[test]
    fn of_an_institution() {
        let p = people("``We are ready,'' said Rui Costa, of the Chilean Foreign Ministry.");
        assert_eq!(p[0], ("Rui Costa".into(), Some("Chilean Foreign Ministry".into()), Some("Chile")));
    }

    #[test]
    fn only_a_country_after_of_is_the_persons() {
        let p = people("Marc Blanc, a retired engineer living in exile in France, spoke.");
        assert_eq!(p[0].2, None);
    }
}
