//! Speakers named by description: "the Cuban leader" is the Cuban leader the
//! text names, "a statement by the European Union" is the union's, "Thursday
//! Okafor" is Okafor; and what is never a speaker (a storm, a war, a clause
//! fragment such as "The trip was").

use std::ops::Range;

use super::Ctx;
use crate::entity::{EntityType, Sense};
use crate::lexicon::{self, w};
use crate::tok::shape;

/// Head words of documents that speak for their authors.
const DOCUMENTS: [&str; 8] =
    ["statement", "report", "editorial", "communique", "letter", "declaration", "commentary", "resolution"];

/// Offices a "leader" may hold.
const LEADER_ROLES: [&str; 9] =
    ["leader", "president", "prime minister", "premier", "king", "chancellor", "chairman", "head", "ruler"];

impl Ctx<'_> {
    /// A mention's display name: its canonical name, without a date word glued to it by
    /// the name finder ("Thursday Okafor" → the person Okafor); `None` for names of storms
    /// and wars.
    pub(super) fn mention_name(&self, mi: usize) -> Option<String> {
        let m = &self.ms[mi];
        // A person is named as the people list names them.
        let name = match self.people.get(m.person as usize) {
            Some(p) if m.ty == EntityType::Per => p.name.as_str(),
            _ => m.canonical.as_str(),
        };
        let first = name.split(' ').next().unwrap_or(name);
        if name
            .split(' ')
            .any(|wd| matches!(wd, "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "War" | "Aboard"))
        {
            return None;
        }
        // Weekdays only: months are given names too ("Jan", "April").
        if name.contains(' ') && lexicon::flags(first) & w::WEEKDAY != 0 {
            let rest = &name[first.len() + 1..];
            let full = self.people.iter().find(|p| p.name != name && p.name.ends_with(rest));
            return Some(full.map_or_else(|| rest.to_string(), |p| p.name.clone()));
        }
        Some(name.to_string())
    }

    /// The document noun of a speaker phrase ("statement" in "a Foreign Ministry statement").
    pub(super) fn document_noun(&self, r: &Range<usize>) -> Option<&'static str> {
        self.toks[r.clone()].iter().find_map(|t| {
            let l = t.text(self.text);
            DOCUMENTS.iter().find(|d| l.eq_ignore_ascii_case(d)).copied()
        })
    }

    /// Resolve a descriptive phrase over tokens `r` said before token `before`: a person
    /// the text gave that office and country ("the Cuban leader"), an organisation whose
    /// document speaks ("a statement by the EU countries"); `None` for phrases that are no
    /// speaker at all (a clause fragment).
    pub(super) fn describe(&self, r: &Range<usize>, before: usize) -> Option<Option<String>> {
        let toks = &self.toks[r.clone()];
        // "The trip was", "the same time": a verb or a time noun in it, no speaker.
        if toks
            .iter()
            .any(|t| matches!(t.text(self.text), "was" | "were" | "is" | "are" | "been" | "time" | "same"))
        {
            return Some(None);
        }
        let head = toks.iter().rev().find(|t| t.is(shape::WORD))?.text(self.text).to_ascii_lowercase();
        let inner = |m: &&crate::entity::Mention| (m.t0 as usize) >= r.start && (m.t1 as usize) <= r.end;
        if DOCUMENTS.contains(&head.as_str()) || toks.iter().any(|t| DOCUMENTS.contains(&t.text(self.text))) {
            // The author after "by", "from" or "of": "a statement by the 15 EU countries".
            let by = toks.iter().position(|t| matches!(t.text(self.text), "by" | "from" | "of"))?;
            let org =
                self.ms.iter().filter(inner).find(|m| {
                    (m.t0 as usize) > r.start + by && matches!(m.sense, Sense::Org | Sense::Country)
                })?;
            return Some(Some(org.canonical.clone()));
        }
        let country = self.ms.iter().filter(inner).find(|m| m.sense == Sense::Country)?;
        let cid = *country.country_ids().first()?;
        let office_ok = |role: &str| {
            let role = role.to_lowercase();
            if head == "leader" {
                LEADER_ROLES.iter().any(|l| role.contains(l))
            } else {
                role.contains(&head)
            }
        };
        // People of that country: by the linker, or named right after the demonym or
        // country ("Cuban President Ana Diaz", "Cuba's president, Ana Diaz").
        let mut from_country = vec![false; self.people.len()];
        for (i, p) in self.people.iter().enumerate() {
            from_country[i] = p.country == Some(cid);
        }
        for (i, m) in self.ms.iter().enumerate() {
            if m.sense != Sense::Country || !m.country_ids().contains(&cid) {
                continue;
            }
            if let Some(p) = self.ms[i + 1..]
                .iter()
                .take(3)
                .find(|p| p.ty == EntityType::Per && (p.t0 as usize) <= m.t1 as usize + 4)
                .filter(|p| (p.person as usize) < self.people.len())
            {
                from_country[p.person as usize] = true;
            }
        }
        let hit = self.ms.iter().rev().find(|m| {
            (m.t1 as usize) <= before
                && m.ty == EntityType::Per
                && (m.person as usize) < self.people.len()
                && from_country[m.person as usize]
                && self.people[m.person as usize].role.as_deref().is_none_or(office_ok)
        })?;
        Some(Some(self.people[hit.person as usize].name.clone()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::quotes;

    fn speakers(text: &str) -> Vec<Option<String>> {
        quotes(text).into_iter().map(|q| q.1).collect()
    }

    #[test]
    fn a_description_is_the_person_the_text_gave_that_office() {
        let text = "Chilean President Marta Quiroga arrived in Madrid on Monday. \
                    “The crisis will pass,” the Chilean leader said at a news conference.";
        assert_eq!(speakers(text), [Some("Marta Quiroga".to_string())]);
    }

    #[test]
    fn a_document_speaks_for_its_author() {
        let text = "“The union urges restraint on all sides,” a statement by the European Union said.";
        assert_eq!(speakers(text), [Some("European Union".to_string())]);
    }

    #[test]
    fn the_statement_is_the_one_quoted_last() {
        let text = "“Violence must end,” a statement by the European Union said. \
                    The union “expects the talks to resume soon,” the statement added.";
        assert_eq!(speakers(text), [Some("European Union".to_string()), Some("European Union".to_string())]);
    }

    #[test]
    fn a_month_is_a_given_name_a_weekday_is_not() {
        let text = "President Jan Lund flew to Oslo. ``This is a good start,'' he said.";
        assert_eq!(speakers(text), [Some("Jan Lund".to_string())]);
    }

    #[test]
    fn a_storm_is_never_a_speaker() {
        let text = "“We have nothing left,” said Rosa Ortiz, a fisherman's widow. \
                    “Nothing at all.” Hurricane Delia, the forecasters said, was moving north.";
        assert_eq!(speakers(text), [Some("Rosa Ortiz".to_string()), Some("Rosa Ortiz".to_string())]);
    }
}
