//! Grouping a day's articles into stories without comparing every pair.
//!
//! Each article is indexed under its most distinctive content words (the
//! highest TF-IDF weights) and its actors. Terms found in more than
//! [`MAX_POSTINGS`] articles are not indexed: they link too many articles to
//! tell stories apart, and they are what would make the cost quadratic. For
//! each article the index proposes the articles sharing the most weight
//! with it; only those [`NEIGHBOURS`] are scored exactly. Average-linkage
//! clustering then runs over that sparse graph, with a pair never scored
//! counting as similarity 0, so on a small day (where every related pair is
//! proposed) it gives what the all-pairs clustering gave.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use attache_score::cosine;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::DayArticle;

/// Content words indexed per article.
const INDEX_TERMS: usize = 20;
/// Terms in more articles than this are not indexed.
pub(crate) const MAX_POSTINGS: usize = 400;
/// Candidate neighbours scored per article.
pub(crate) const NEIGHBOURS: usize = 32;

/// The scored pairs of a day: for each article, its neighbours and their similarity.
pub(crate) struct Graph {
    pub(crate) edges: Vec<Vec<(u32, f32)>>,
}

impl Graph {
    /// Sum of the similarities of `i` to the articles of `members`.
    pub(crate) fn affinity(&self, i: usize, members: &[usize]) -> f32 {
        self.edges[i].iter().filter(|(j, _)| members.binary_search(&(*j as usize)).is_ok()).map(|e| e.1).sum()
    }
}

/// Score the candidate pairs of the day.
pub(crate) fn graph(arts: &[DayArticle]) -> Graph {
    let n = arts.len();
    // Index: term or actor → (article, weight). Actors get ids after the terms.
    let mut actor_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let keys: Vec<Vec<(u32, f32)>> = arts
        .iter()
        .map(|a| {
            let mut top: Vec<(u32, f32)> = a.vector.clone();
            top.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            top.truncate(INDEX_TERMS);
            let mut key: Vec<(u32, f32)> = top.into_iter().map(|(t, w)| (t * 2, w)).collect();
            key.shrink_to_fit();
            key
        })
        .collect();
    let actor_keys: Vec<Vec<(u32, f32)>> = arts
        .iter()
        .map(|a| {
            let w = if a.actors.is_empty() { 0.0 } else { 0.3 / a.actors.len() as f32 };
            a.actors
                .iter()
                .map(|name| {
                    let next = actor_ids.len() as u32;
                    (*actor_ids.entry(name.as_str()).or_insert(next) * 2 + 1, w)
                })
                .collect()
        })
        .collect();
    let mut postings: FxHashMap<u32, Vec<(u32, f32)>> = FxHashMap::default();
    for (i, (k, ak)) in keys.iter().zip(&actor_keys).enumerate() {
        for &(t, w) in k.iter().chain(ak) {
            postings.entry(t).or_default().push((i as u32, w));
        }
    }
    postings.retain(|_, list| list.len() <= MAX_POSTINGS);

    let edges: Vec<Vec<(u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; n], Vec::<u32>::new()),
            |(acc, touched), i| {
                for &(t, w) in keys[i].iter().chain(&actor_keys[i]) {
                    let Some(list) = postings.get(&t) else { continue };
                    for &(j, wj) in list {
                        if j as usize == i {
                            continue;
                        }
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += w * wj + f32::MIN_POSITIVE;
                    }
                }
                let mut cand: Vec<(u32, f32)> = touched.iter().map(|&j| (j, acc[j as usize])).collect();
                for &j in touched.iter() {
                    acc[j as usize] = 0.0;
                }
                touched.clear();
                if cand.len() > NEIGHBOURS {
                    cand.select_nth_unstable_by(NEIGHBOURS, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                    cand.truncate(NEIGHBOURS);
                }
                let mut out: Vec<(u32, f32)> =
                    cand.into_iter().map(|(j, _)| (j, similarity(&arts[i], &arts[j as usize]))).collect();
                out.sort_unstable_by_key(|e| e.0);
                // `collect` reused the candidate list's allocation: give the rest back.
                out.shrink_to_fit();
                out
            },
        )
        .collect();
    // Symmetric: a pair proposed by either side counts for both.
    let mut missing: Vec<(u32, u32, f32)> = Vec::new();
    for (i, list) in edges.iter().enumerate() {
        for &(j, s) in list {
            if edges[j as usize].binary_search_by_key(&(i as u32), |e| e.0).is_err() {
                missing.push((j, i as u32, s));
            }
        }
    }
    let mut sym = edges;
    for (j, i, s) in missing {
        sym[j as usize].push((i, s));
    }
    for list in &mut sym {
        list.sort_unstable_by_key(|e| e.0);
        list.shrink_to_fit();
    }
    Graph { edges: sym }
}

/// Article similarity: content cosine blended with actor overlap, discounted
/// for articles published more than two days apart.
pub(crate) fn similarity(a: &DayArticle, b: &DayArticle) -> f32 {
    let content = cosine(&a.vector, &b.vector);
    let mut s = if a.actors.is_empty() || b.actors.is_empty() {
        content
    } else {
        0.7 * content + 0.3 * jaccard(&a.actors, &b.actors)
    };
    if let (Some(x), Some(y)) = (a.day, b.day)
        && (x - y).abs() > 2
    {
        s *= 0.5;
    }
    s
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    let inter = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f32 / union as f32 }
}

/// A candidate merge in the queue: average link of clusters `i < j`.
#[derive(PartialEq)]
struct Link(f32, u32, u32);

impl Eq for Link {}

impl Ord for Link {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest link first; on ties the lowest pair, as a scan would find it.
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1)).then(other.2.cmp(&self.2))
    }
}

impl PartialOrd for Link {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Average-linkage agglomerative clustering over a sparse graph: merge the
/// pair of clusters with the highest average similarity while it is at least
/// `threshold`. A pair not in the graph has similarity 0.
pub(crate) fn cluster(graph: &Graph, threshold: f32) -> Vec<Vec<usize>> {
    let n = graph.edges.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Sum of pair similarities between cluster i and each neighbouring cluster, sorted by cluster.
    let mut links: Vec<Vec<(u32, f32)>> = graph.edges.clone();
    let mut heap: BinaryHeap<Link> = BinaryHeap::new();
    for (i, list) in graph.edges.iter().enumerate() {
        for &(j, s) in list {
            if (i as u32) < j && s >= threshold {
                heap.push(Link(s, i as u32, j));
            }
        }
    }
    let get = |list: &[(u32, f32)], k: u32| list.binary_search_by_key(&k, |e| e.0).map_or(0.0, |p| list[p].1);
    while let Some(Link(avg, i, j)) = heap.pop() {
        let (iu, ju) = (i as usize, j as usize);
        if members[iu].is_empty() || members[ju].is_empty() {
            continue;
        }
        let current = get(&links[iu], j) / (members[iu].len() * members[ju].len()) as f32;
        if current != avg {
            continue; // stale: one of the two has grown since
        }
        // Merge j into i: add up the two sorted link lists.
        let (a, b) = (std::mem::take(&mut links[iu]), std::mem::take(&mut links[ju]));
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(a.len() + b.len());
        let (mut x, mut y) = (0, 0);
        while x < a.len() || y < b.len() {
            let next = match (a.get(x), b.get(y)) {
                (Some(p), Some(q)) if p.0 == q.0 => {
                    x += 1;
                    y += 1;
                    (p.0, p.1 + q.1)
                }
                (Some(p), Some(q)) if p.0 < q.0 => {
                    x += 1;
                    *p
                }
                (Some(p), None) => {
                    x += 1;
                    *p
                }
                (_, Some(q)) => {
                    y += 1;
                    *q
                }
                (None, None) => unreachable!(),
            };
            if next.0 != i && next.0 != j {
                merged.push(next);
            }
        }
        let taken = std::mem::take(&mut members[ju]);
        members[iu].extend(taken);
        members[iu].sort_unstable();
        let size = members[iu].len();
        for &(k, s) in &merged {
            let list = &mut links[k as usize];
            if let Ok(p) = list.binary_search_by_key(&j, |e| e.0) {
                list.remove(p);
            }
            match list.binary_search_by_key(&i, |e| e.0) {
                Ok(p) => list[p].1 = s,
                Err(p) => list.insert(p, (i, s)),
            }
            let avg = s / (size * members[k as usize].len()) as f32;
            if avg >= threshold {
                heap.push(Link(avg, i.min(k), i.max(k)));
            }
        }
        links[iu] = merged;
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense(sims: &[f32], n: usize) -> Graph {
        let edges = (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| j != i && sims[i * n + j] > 0.0)
                    .map(|j| (j as u32, sims[i * n + j]))
                    .collect()
            })
            .collect();
        Graph { edges }
    }

    #[test]
    fn clustering_merges_only_above_threshold() {
        // 0 and 1 similar, 2 apart.
        let sims = vec![0.0, 0.8, 0.1, 0.8, 0.0, 0.05, 0.1, 0.05, 0.0];
        assert_eq!(cluster(&dense(&sims, 3), 0.3), vec![vec![0, 1], vec![2]]);
        assert_eq!(cluster(&dense(&sims, 3), 0.9), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn average_linkage_counts_every_pair() {
        // 0-1 close, 2 close to 1 but not to 0: the average (0.5 + 0.0) / 2
        // keeps 2 out at 0.3, and lets it in at 0.2.
        let sims = vec![0.0, 0.9, 0.0, 0.9, 0.0, 0.5, 0.0, 0.5, 0.0];
        assert_eq!(cluster(&dense(&sims, 3), 0.3), vec![vec![0, 1], vec![2]]);
        assert_eq!(cluster(&dense(&sims, 3), 0.2), vec![vec![0, 1, 2]]);
    }
}
