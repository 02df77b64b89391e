//! Parties of positions: the party a mention stands for (a country, an
//! organisation, a national institution's country, the party a person
//! speaks for), and the names parties are listed under (an acronym the text
//! spells out takes its full name: "the Ruritanian Liberation Front (RLF)").

use crate::analysis::Analysis;
use crate::entity::{Mention, Sense};
use crate::lexicon::{GAZETTEER, WordSet, w};
use crate::tok::shape;

/// Organisation heads that make an organisation a national institution: it
/// speaks for its country.
static NATIONAL: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new(
        "ministry department office cabinet government administration parliament army navy \
         police embassy consulate treasury presidency senate congress military",
    )
});

/// Metonyms for governments, and their countries.
const SEATS: [(&str, &str); 6] = [
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("State Department", "United States"),
    ("Kremlin", "Russia"),
    ("Foreign Office", "United Kingdom"),
    ("Downing Street", "United Kingdom"),
];

/// Organisation heads of the press: they report positions, they do not take them.
static PRESS: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new("agency news newspaper daily television radio press times post journal herald tribune")
});

/// The party a mention stands for: countries it names, an organisation, or
/// the affiliation of a person.
pub(super) fn party_of(text: &str, a: &Analysis, m: &Mention, aff: &[Option<String>]) -> Vec<String> {
    let g = &*GAZETTEER;
    match m.sense {
        Sense::Country => m.country_ids().iter().map(|&c| party_name(g.countries[c as usize].name)).collect(),
        Sense::Person => {
            aff.get(m.person as usize).cloned().flatten().map(|c| party_name(&c)).into_iter().collect()
        }
        Sense::Org => org_party(text, a, m).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A country's name as a party: the Palestinians' positions are their
/// authority's.
pub(super) fn party_name(country: &str) -> String {
    match country {
        "Palestine" => "Palestinian Authority".to_string(),
        c => c.to_string(),
    }
}

/// An organisation's party: its country for a national institution, none for
/// the press, else its own name (the UN's bodies spelled out).
fn org_party(text: &str, a: &Analysis, m: &Mention) -> Option<String> {
    let g = &*GAZETTEER;
    let words = &a.toks[m.t0 as usize..m.t1 as usize];
    if words.iter().any(|t| PRESS.contains(t.text(text))) {
        return None;
    }
    let c = m.canonical.as_str();
    if let Some((_, country)) = SEATS.iter().find(|(s, _)| c.ends_with(s)) {
        return Some(country.to_string());
    }
    if words.iter().any(|t| NATIONAL.contains(t.text(text))) {
        // A national institution speaks for its country: its own, else the last one named.
        return m.country.map(|c| g.countries[c as usize].name.to_string()).or_else(|| {
            let k = a.ms.partition_point(|x| x.t0 < m.t0);
            let last = a.ms[..k].iter().rev().find(|x| x.sense == Sense::Country)?;
            last.country_ids().first().map(|&c| g.countries[c as usize].name.to_string())
        });
    }
    Some(match c.strip_prefix("UN ") {
        Some(rest) => format!("United Nations {rest}"),
        None => c.to_string(),
    })
}

/// Whether tokens `r` may stand between a title's organisation or country
/// and the person ("NATO Secretary-General", "Russian Foreign Minister",
/// "Egypt's foreign minister").
fn title_gap(text: &str, a: &Analysis, r: std::ops::Range<usize>) -> bool {
    r.len() <= 4
        && a.toks[r].iter().all(|t| {
            t.has(w::TITLE_HEAD | w::TITLE_MOD | w::HONORIFIC)
                || matches!(t.text(text), "'s" | "’s" | "-" | "the")
                || t.is(shape::WORD) && !t.is(shape::CAP) && !t.has(w::GOV_VERB | w::SPEECH)
        })
}

/// Per person cluster: the party they speak for.
pub(super) fn affiliations(text: &str, a: &Analysis) -> Vec<Option<String>> {
    let g = &*GAZETTEER;
    let n = a.people.len();
    let mut org: Vec<Option<String>> = vec![None; n];
    let mut country: Vec<Option<String>> = vec![None; n];
    for (i, m) in a.ms.iter().enumerate() {
        if m.sense != Sense::Person || m.person as usize >= n {
            continue;
        }
        let p = m.person as usize;
        let sent = a.toks[m.t0 as usize].sent;
        // The title before the name.
        let before = i.checked_sub(1).map(|j| &a.ms[j]).filter(|b| {
            b.t1 <= m.t0
                && a.toks[b.t0 as usize].sent == sent
                && title_gap(text, a, b.t1 as usize..m.t0 as usize)
        });
        // An apposition after it: "Name, Egypt's foreign minister".
        let after = a.ms.get(i + 1).filter(|n| {
            let e = m.t1 as usize;
            a.toks.get(e).is_some_and(|t| t.text(text) == ",")
                && a.toks[n.t0 as usize].sent == sent
                && title_gap(text, a, e + 1..n.t0 as usize)
                && a.toks.get(n.t1 as usize..(n.t1 as usize + 3).min(a.toks.len())).is_some_and(|ts| {
                    ts.iter().any(|t| t.has(w::TITLE_HEAD))
                        && ts.iter().take_while(|t| !t.has(w::TITLE_HEAD)).all(|t| t.text(text) != ",")
                })
        });
        for b in before.into_iter().chain(after) {
            match b.sense {
                Sense::Org if org[p].is_none() => org[p] = org_party(text, a, b),
                Sense::Country if country[p].is_none() => {
                    country[p] = b.country_ids().first().map(|&c| g.countries[c as usize].name.to_string());
                }
                _ => {}
            }
        }
    }
    // "spokesman for the Liberal Union of the Coast": the organisation in the role.
    // Each organisation once (by name), and only when someone has a role to look in.
    let mut orgs: Vec<&Mention> = Vec::new();
    if a.people.iter().any(|p| p.role.is_some()) {
        orgs = a.ms.iter().filter(|m| m.sense == Sense::Org && m.canonical.len() > 3).collect();
        orgs.sort_by(|x, y| x.canonical.cmp(&y.canonical).then(x.t0.cmp(&y.t0)));
        orgs.dedup_by(|x, y| x.canonical == y.canonical);
        orgs.sort_by_key(|m| m.t0);
    }
    (0..n)
        .map(|p| {
            let in_role = a.people[p].role.as_deref().and_then(|r| {
                let m = orgs.iter().find(|m| r.contains(m.canonical.as_str()))?;
                org_party(text, a, m)
            });
            in_role
                .or_else(|| org[p].take())
                .or_else(|| a.people[p].country.map(|c| g.countries[c as usize].name.to_string()))
                .or_else(|| country[p].take())
        })
        .collect()
}

/// Per article: acronyms of organisations and the full names the text gives
/// them, from initials ("Northern Defence League" for "NDL") or an apposition
/// ("the Ruritanian Workers Party, RWP,", "... Party (RWP)").
pub(super) fn full_names(text: &str, a: &Analysis) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let orgs = || a.ms.iter().filter(|m| m.sense == Sense::Org);
    for (k, m) in a.ms.iter().enumerate() {
        let c = m.canonical.as_str();
        if m.sense != Sense::Org || !is_acronym(c) || out.iter().any(|(x, _)| x == c) {
            continue;
        }
        // An apposition: the organisation named right before, then "(" or ",".
        let appos = k.checked_sub(1).map(|j| &a.ms[j]).filter(|p| {
            p.sense == Sense::Org
                && !is_acronym(&p.canonical)
                && p.t1 + 1 == m.t0
                && matches!(a.toks[p.t1 as usize].text(text), "(" | ",")
        });
        let full = appos.or_else(|| orgs().find(|o| initials_are(&o.canonical, c)));
        if let Some(f) = full {
            out.push((c.to_string(), f.canonical.clone()));
        }
    }
    out
}

/// Two to six capital letters.
fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the capitalised words of `name` begin with the letters of `acr`
/// ("of", "the", "for" left out).
fn initials_are(name: &str, acr: &str) -> bool {
    let mut it = name.split([' ', '-']).filter(|x| x.starts_with(|c: char| c.is_ascii_uppercase()));
    let mut n = 0;
    for b in acr.bytes() {
        match it.next() {
            Some(x) if x.as_bytes()[0] == b => n += 1,
            _ => return false,
        }
    }
    n >= 2 && it.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_a_name() {
        assert!(initials_are("Ruritanian Liberation Front", "RLF"));
        assert!(initials_are("Union of Ruritanian Farmers", "URF"));
        assert!(!initials_are("Ruritanian Liberation Front", "RL"));
        assert!(!initials_are("RLF", "RLF"));
        assert!(is_acronym("RLF") && !is_acronym("Nato") && !is_acronym("A"));
    }
}
