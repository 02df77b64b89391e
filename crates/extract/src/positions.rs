//! Positions: what each main party states or does.

use rustc_hash::FxHashMap;

use attache_model::{Mention, Point, Quote, Stance};

use crate::analysis::Analysis;
use crate::entity::Sense;
use crate::lexicon::{GAZETTEER, w};
use crate::tok::shape;

/// The positions of the main parties.
pub(crate) fn positions(text: &str, a: &Analysis, countries: &[Mention], quotes: &[Quote]) -> Vec<Stance> {
    let g = &*GAZETTEER;
    // Main parties: up to four countries mentioned at least twice, counting mentions of their people.
    let mut weight: Vec<(&str, usize)> = countries.iter().map(|c| (c.name.as_str(), c.mentions)).collect();
    for p in &a.people {
        if let Some(c) = p.country {
            let name = g.countries[c as usize].name;
            match weight.iter_mut().find(|(n, _)| *n == name) {
                Some(x) => x.1 += p.mentions,
                None => weight.push((name, p.mentions)),
            }
        }
    }
    weight.sort_by_key(|w| std::cmp::Reverse(w.1));
    let parties: Vec<&str> = weight.iter().filter(|c| c.1 >= 2).take(4).map(|c| c.0).collect();
    if parties.is_empty() {
        return Vec::new();
    }
    // Person name → country.
    let person_country: FxHashMap<&str, &str> = a
        .people
        .iter()
        .filter_map(|p| Some((p.name.as_str(), g.countries[p.country? as usize].name)))
        .collect();
    let mut out: Vec<Stance> =
        parties.iter().map(|p| Stance { party: p.to_string(), points: Vec::new() }).collect();
    // Sentences whose subject (first actor before the main verb) belongs to a party.
    let mut ti = 0;
    for (si, r) in a.sents.iter().enumerate() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let verb = (t0..ti).find(|&k| {
            let t = &a.toks[k];
            (t.has(w::GOV_VERB) || t.has(w::SPEECH)) && !t.is(shape::CAP) && !a.quoted_tok[k]
        });
        let Some(v) = verb else { continue };
        let first = a.ms.partition_point(|m| (m.t0 as usize) < t0);
        let subj = a.ms[first..].iter().take_while(|m| (m.t1 as usize) <= v).find(|m| {
            !a.quoted_tok[m.t0 as usize] && matches!(m.sense, Sense::Person | Sense::Country | Sense::Org)
        });
        let Some(m) = subj else { continue };
        let party = match m.sense {
            Sense::Country => m.country_ids().first().map(|&c| g.countries[c as usize].name),
            Sense::Person => person_country.get(m.canonical.as_str()).copied(),
            _ => m.country.map(|c| g.countries[c as usize].name),
        };
        if let Some(p) = party.and_then(|p| out.iter_mut().find(|o| o.party == p))
            && p.points.len() < 5
            && !p.points.iter().any(|x| x.sentence == si)
        {
            p.points.push(Point::new(&text[r.clone()], si, 0.0));
        }
    }
    // Direct quotes by a party's people.
    for q in quotes.iter().filter(|q| q.direct) {
        let Some(sp) = &q.speaker else { continue };
        let party =
            person_country.get(sp.as_str()).copied().or_else(|| parties.iter().copied().find(|p| p == sp));
        if let Some(p) = party.and_then(|p| out.iter_mut().find(|o| o.party == p))
            && p.points.len() < 6
            && !p.points.iter().any(|x| x.sentence == q.sentence)
        {
            p.points.push(Point::new(q.text.as_str(), q.sentence, 0.0));
        }
    }
    for p in &mut out {
        p.points.sort_by_key(|x| x.sentence);
    }
    out.retain(|p| !p.points.is_empty());
    out
}
