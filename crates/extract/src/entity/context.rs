//! Context rules that look around mentions once all are found: teams in
//! table rows, capitals standing for governments, nationality words that are
//! surnames, lower-case role phrases before names, possessive countries and
//! appositions.

use super::{EntityType, Mention, Sense};
use crate::lexicon::w;
use crate::tok::{Tok, shape};

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

/// Context rules that look around mentions: possessive countries, capitals as
/// governments, appositions, lower-case role phrases before names.
pub(crate) fn context_rules(text: &str, toks: &[Tok], ms: &mut [Mention]) {
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
        if ms[mi].ty == EntityType::Per {
            person_rules(text, toks, ms, mi);
        }
    }
}

/// The rules for one person mention: role phrases before the name, descriptions,
/// possessive countries, appositions, then [`super::role`]'s. Run again by linking for
/// mentions it finds to be people ("Oberlin, the envoy," once "Oberlin" is known).
pub(crate) fn person_rules(text: &str, toks: &[Tok], ms: &mut [Mention], mi: usize) {
    let (t0, t1) = (ms[mi].t0 as usize, ms[mi].t1 as usize);
    let sent = toks[t0].sent;
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
            // An organisation right before is part of the role: "White House spokesman".
            if let Some(o) = ms.iter().find(|o| o.t1 as usize == k && o.ty == EntityType::Org) {
                k = o.t0 as usize;
            }
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
    // A description, a comma, then the name: "Egypt's foreign minister, Amr Moussa".
    if ms[mi].role.is_none() && t0 >= 3 && toks[t0 - 1].text(text) == "," && toks[t0 - 2].has(w::TITLE_HEAD) {
        let end = t0 - 1;
        let mut k = end;
        while k > 0
            && toks[k - 1].sent == sent
            && toks[k - 1].has(w::TITLE_HEAD | w::TITLE_MOD)
            && !toks[k - 1].has(w::CONNECTOR)
            && !ms.iter().any(|o| (o.t0 as usize) < k && (o.t1 as usize) >= k)
        {
            k -= 1;
        }
        // It must open as a description: "the", a possessive or a demonym before it.
        let det = k > 0 && (toks[k - 1].is(shape::POSS) || matches!(toks[k - 1].text(text), "the" | "The"));
        let demonym = ms.iter().find(|o| o.t1 as usize == k && o.ncountries > 0).map(|o| o.country_ids()[0]);
        let poss_country = (k >= 2 && toks[k - 1].is(shape::POSS))
            .then(|| ms.iter().find(|o| o.t1 as usize == k - 1 && o.ncountries > 0))
            .flatten()
            .map(|o| o.country_ids()[0]);
        if k < end && (det || demonym.is_some()) {
            ms[mi].role = Some(text[toks[k].s as usize..toks[end - 1].e as usize].to_string());
            if ms[mi].country.is_none() {
                ms[mi].country = demonym.or(poss_country);
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
    if ms[mi].role.is_none() && t1 + 2 < toks.len() && toks[t1].text(text) == "," && toks[t1 + 1].sent == sent
    {
        let a = toks[t1 + 1].text(text).to_ascii_lowercase();
        // ", as president," is what they became, not an office they hold.
        let prep = toks[t1 + 1].has(w::LOC_PREP) || matches!(a.as_str(), "as" | "who" | "which" | "whose");
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
            // A relative clause ends it: "a resident of the island which was hit".
            if matches!(u.text(text), "which" | "who" | "whose" | "that") {
                break;
            }
            if u.has(w::SPEECH) || u.has(w::GOV_VERB) && !u.has(w::TITLE_HEAD) {
                head = false;
                break;
            }
            head |= u.has(w::TITLE_HEAD);
            k += 1;
        }
        let ends_ok = k >= toks.len()
            || toks[k].sent != sent
            || matches!(toks[k].text(text), "," | "." | ";" | "which" | "who" | "whose" | "that");
        if head && ends_ok && k > start && !prep {
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
            // "the foreign minister of Peru"; not "living in France", "envoy on Korean issues".
            if ms[mi].country.is_none() {
                ms[mi].country = super::role::of_country_in(text, toks, ms, start, k);
            }
        }
    }
    super::role::person_role_rules(text, toks, ms, mi);
}

#[cfg(test)]
mod tests {
    use super::super::Sense;

    #[test]
    fn an_organisation_before_a_lower_case_role_is_part_of_it() {
        let a = analysed("Talks resumed. White House spokesman Tom Hale said they went well.");
        assert_eq!(a.people[0].role.as_deref(), Some("White House spokesman"));
    }

    #[test]
    fn an_apposition_ends_at_a_relative_clause() {
        let a = analysed("Maria Lopez, a resident of the island which the storm hit, said she was afraid.");
        assert_eq!(a.people[0].role.as_deref(), Some("resident of the island"));
    }
    use crate::testutil::analysed;

    #[test]
    fn a_capital_before_a_government_verb_stands_for_its_country() {
        let a = analysed("Tokyo welcomed the deal.");
        assert_eq!(a.ms[0].sense, Sense::Country);
        let a = analysed("She lives in Tokyo.");
        assert_eq!(a.ms[0].sense, Sense::Place);
    }

    #[test]
    fn an_apposition_gives_the_role() {
        let a = analysed("Tom Varga, a senior analyst at the ministry, said talks would go on.");
        assert_eq!(a.ms[0].role.as_deref(), Some("senior analyst at the ministry"));
    }

    #[test]
    fn a_lower_case_role_before_the_name_with_its_country() {
        let text = "India's foreign minister Ravi Menon arrived.";
        let a = analysed(text);
        let m = a.ms.iter().find(|m| m.ty == crate::EntityType::Per).expect("a person");
        assert_eq!(m.role.as_deref(), Some("foreign minister"));
        assert_eq!(m.country.map(|c| crate::lexicon::GAZETTEER.countries[c as usize].name), Some("India"));
    }

    #[test]
    fn a_name_before_a_number_in_a_table_row_is_a_team() {
        let a = analysed("Ravenna 3 Lucca 1 Pisa 2 Siena 0");
        assert!(a.ms.iter().all(|m| m.team && m.ty == crate::EntityType::Org), "{:?}", a.ms);
        assert_eq!(a.ms.len(), 4);
    }
}
