//! The country of each person the text leaves implicit: the country the
//! surrounding sentences are about. A person with no country of their own in
//! the text (no demonym, possessive or national title) most often serves the
//! country the story names around their first mention.

use rustc_hash::FxHashMap;

use super::{Mention, PersonCluster, Sense};
use crate::tok::Tok;

/// Sentences before a person's first mention searched for a country.
const BACK_SENTENCES: u32 = 2;

/// Fill the country of clusters that have none from the countries named
/// around their first mention, else the article's main country.
pub(crate) fn infer_person_countries(toks: &[Tok], ms: &[Mention], clusters: &mut [PersonCluster]) {
    let mut counts: FxHashMap<u16, (u32, u32)> = FxHashMap::default();
    for (i, m) in ms.iter().enumerate() {
        if m.sense == Sense::Country && m.ncountries == 1 {
            let e = counts.entry(m.countries[0]).or_insert((0, i as u32));
            e.0 += 1;
        }
    }
    let mut ranked: Vec<(u16, u32, u32)> = counts.iter().map(|(&c, &(n, f))| (c, n, f)).collect();
    ranked.sort_by_key(|&(_, n, f)| (std::cmp::Reverse(n), f));
    let var: u32 = std::env::var("CV").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let ratio: u32 = std::env::var("CR").ok().and_then(|v| v.parse().ok()).unwrap_or(2);
    let top = match ranked.as_slice() {
        [] => None,
        [(c, _, _)] => Some(*c),
        [(c, n, _), (_, n2, _), ..] => (*n >= ratio * *n2).then_some(*c),
    };
    let mut done = vec![false; clusters.len()];
    for (mi, m) in ms.iter().enumerate() {
        let ci = m.person as usize;
        if ci >= clusters.len() || done[ci] {
            continue;
        }
        done[ci] = true;
        if clusters[ci].country.is_some() {
            continue;
        }
        let sent = toks[m.t0 as usize].sent;
        let near = ms[..mi]
            .iter()
            .rev()
            .take_while(|o| toks[o.t0 as usize].sent + BACK_SENTENCES >= sent)
            .find(|o| o.sense == Sense::Country && o.ncountries == 1)
            .map(|o| o.countries[0]);
        clusters[ci].country = match var {
            0 => near.or(top),
            1 => top,
            2 => near,
            _ => top.or(near),
        };
    }
}
