//! Document-level linking: surfaces typed by confident mentions re-type the
//! weak ones, people are grouped into clusters (full names first, then
//! surnames), and every mention gets its canonical name.

use rustc_hash::FxHashMap;

use super::{EntityType, Mention, PersonCluster, Sense};
use crate::lexicon::{GAZETTEER, GazKind};
use crate::tok::{Tok, shape};

/// Document-level linking: person clusters, surnames, and re-typing weak
/// mentions from confident ones. Returns the clusters.
pub(crate) fn link(
    text: &str,
    toks: &[Tok],
    ms: &mut Vec<Mention>,
    caps: &[bool],
    date: u32,
) -> Vec<PersonCluster> {
    let g = &*GAZETTEER;
    historic_countries(ms, date);
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
            // A family name written first ("Xi"), a given name used alone ("Mahathir").
            let first = toks[m.t0 as usize];
            if first.is(shape::CAP) && !first.text(text).ends_with('.') && first.text(text).len() > 1 {
                add_new(&mut known, first.text(text), EntityType::Per);
            }
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
    // Mentions that become people here get the person rules of the context pass.
    let mut new_people: Vec<usize> = Vec::new();
    for (mi, m) in ms.iter_mut().enumerate() {
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
            if ty == EntityType::Per && m.ty != EntityType::Per {
                new_people.push(mi);
            }
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
    for mi in new_people {
        super::context::person_rules(text, toks, ms, mi);
    }
    // Unresolved weak single words are dropped: too often wrong.
    ms.retain(|m| !(m.weak && m.sense == Sense::Other));
    // Person clusters.
    let mut clusters = super::cluster::cluster_people(text, toks, ms);
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
    counterparts(toks, ms, &mut clusters);
    super::country::infer_person_countries(text, toks, ms, &mut clusters);
    clusters
}

/// "Marchetti spoke with his British counterpart, A": a counterpart holds the office of the
/// person they are the counterpart of, the nearest person before them in the sentence
/// (or one of the three before: a quotation may stand between) who has a role.
fn counterparts(toks: &[Tok], ms: &[Mention], clusters: &mut [PersonCluster]) {
    for (mi, m) in ms.iter().enumerate() {
        let ci = m.person as usize;
        if m.ty != EntityType::Per || ci >= clusters.len() {
            continue;
        }
        let Some(role) = m.role.as_deref() else { continue };
        let last = role.rsplit(' ').next().unwrap_or(role);
        if !last.eq_ignore_ascii_case("counterpart") || clusters[ci].role.as_deref() != Some(role) {
            continue;
        }
        let sent = toks[m.t0 as usize].sent;
        let office = ms[..mi]
            .iter()
            .rev()
            .take_while(|o| toks[o.t0 as usize].sent + 3 >= sent)
            .filter(|o| {
                o.ty == EntityType::Per && o.person != m.person && (o.person as usize) < clusters.len()
            })
            .find_map(|o| clusters[o.person as usize].role.clone())
            .filter(|r| !r.to_ascii_lowercase().ends_with("counterpart"));
        if let Some(r) = office {
            clusters[ci].role = Some(r);
        }
    }
}

/// Countries as of the publication date (`date`, YYYYMMDD): every country id of a mention
/// is mapped; a mention naming only countries of the past names none.
fn historic_countries(ms: &mut [Mention], date: u32) {
    let g = &*GAZETTEER;
    for m in ms.iter_mut() {
        let mut ids = [0u16; 2];
        let mut n = 0;
        for &c in m.country_ids() {
            if let Some(c) = g.country_at(c, date)
                && !ids[..n].contains(&c)
            {
                ids[n] = c;
                n += 1;
            }
        }
        let had = m.ncountries > 0;
        m.countries = ids;
        m.ncountries = n as u8;
        if had && n == 0 && m.sense == Sense::Country {
            m.sense = Sense::Other;
        }
        m.country = m.country.and_then(|c| g.country_at(c, date));
    }
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

#[cfg(test)]
mod tests {
    use crate::testutil::{analysed, mentions};

    #[test]
    fn a_surname_links_to_the_full_name() {
        let text = "Maria Lopez arrived in Lima. Later Lopez said she was pleased.";
        let a = analysed(text);
        assert_eq!(a.people.len(), 1);
        assert_eq!((a.people[0].name.as_str(), a.people[0].mentions), ("Maria Lopez", 2));
        let canon: Vec<String> = mentions(text, &a).into_iter().map(|m| m.2).collect();
        assert_eq!(canon, ["Maria Lopez", "Lima", "Maria Lopez"]);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let text = "Maria Lopez met Jorge Lopez. Jorge Lopez said no.";
        let a = analysed(text);
        let names: Vec<(&str, usize)> = a.people.iter().map(|p| (p.name.as_str(), p.mentions)).collect();
        assert_eq!(names, [("Maria Lopez", 1), ("Jorge Lopez", 2)]);
    }

    #[test]
    fn a_counterpart_takes_the_office_of_the_other() {
        let text = "Foreign Minister Ana Ruiz of Peru met Jorge Salas. Ruiz spoke with her Chilean counterpart, \
            Pablo Soto, on Monday.";
        let a = analysed(text);
        let soto = a.people.iter().find(|p| p.name == "Pablo Soto").expect("Pablo Soto");
        assert_eq!(soto.role.as_deref(), Some("Foreign Minister"));
    }

    #[test]
    fn a_counterpart_after_a_quotation_takes_the_office_too() {
        let text = "Defence Minister Lena Brandt of Norway met her Danish counterpart.             \"We will buy together,\" she said. \"It is cheaper.\"             His Danish counterpart Mads Holm said Copenhagen agreed.";
        let a = analysed(text);
        let holm = a.people.iter().find(|p| p.name == "Mads Holm").expect("Mads Holm");
        assert_eq!(holm.role.as_deref(), Some("Defence Minister"));
    }

    #[test]
    fn a_dam_is_a_place() {
        let a = analysed("Engineers from Zambia inspected the Grand Kariba Dam on Monday.");
        assert!(a.people.is_empty(), "{:?}", a.people.iter().map(|p| &p.name).collect::<Vec<_>>());
    }

    #[test]
    fn a_portfolio_word_stays_in_the_title() {
        let a = analysed("Kenyan Water Minister Joseph Mwangi said the dam would be finished.");
        assert_eq!(a.people[0].role.as_deref(), Some("Water Minister"));
    }

    #[test]
    fn lowering_matches_to_lowercase() {
        let mut buf = String::new();
        for s in ["Geneva", "ÉCOLE Normale", "İstanbul", ""] {
            assert_eq!(super::lowered(s, &mut buf), s.to_lowercase());
        }
    }
}
