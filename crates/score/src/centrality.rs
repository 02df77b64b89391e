use attache_parse::Document;

use crate::{Features, Scorer};

/// Most sentences that take part in the similarity graph of [`Centrality`]
/// and [`LexRank`]: the first `MAX_GRAPH_SENTENCES` of an article.
///
/// Both compare every pair of sentences, so their time and memory grow with
/// the square of the sentence count (20,000 sentences asked for 1.6 GB and
/// 45 s). With the cap a document costs at most about one million sentence
/// comparisons and 4 MB, whatever its length. News articles have far fewer
/// sentences (a long feature has 200–300), so their scores are exactly what
/// the uncapped graph gives. Sentences after the cap are not compared: under
/// [`Centrality`] they get the lowest score of the compared ones, under
/// [`LexRank`] 0, so they come after every compared sentence (and among
/// themselves in reading order, as the selector breaks ties by position).
pub const MAX_GRAPH_SENTENCES: usize = 1000;

/// Graph centrality over TF-IDF cosine similarity, in the directed form of
/// PacSum (Zheng & Lapata, 2019).
///
/// Edges weaker than `min + threshold · (max − min)` are dropped. The
/// centrality of sentence `i` is `backward · Σ_{j<i} e_ij + forward · Σ_{j>i} e_ij`:
/// with `backward < 0 < forward` a sentence gains from being echoed by what
/// follows it (the lead is elaborated later in a news story) and loses from
/// merely repeating what came before. With `backward == forward` it is plain
/// degree centrality, as in LexRank's degree variant.
#[derive(Debug, Clone)]
pub struct Centrality {
    backward: f32,
    forward: f32,
    threshold: f32,
}

impl Centrality {
    /// Directed centrality with explicit weights.
    pub fn directed(backward: f32, forward: f32, threshold: f32) -> Centrality {
        Centrality { backward, forward, threshold }
    }

    /// Undirected degree centrality (both directions weigh 1).
    pub fn undirected(threshold: f32) -> Centrality {
        Centrality { backward: 1.0, forward: 1.0, threshold }
    }
}

impl Default for Centrality {
    /// PacSum's TF-IDF setting: backward −2, forward 1, threshold 0.3.
    fn default() -> Self {
        Centrality::directed(-2.0, 1.0, 0.3)
    }
}

impl Scorer for Centrality {
    fn name(&self) -> &'static str {
        "centrality"
    }

    fn score(&self, _doc: &Document, f: &Features, out: &mut [f32]) {
        let n = f.len().min(MAX_GRAPH_SENTENCES);
        out.fill(0.0);
        if n < 2 {
            return;
        }
        let (graph, rest) = out.split_at_mut(n);
        self.score_graph(f, graph);
        let lowest = graph.iter().copied().fold(f32::MAX, f32::min);
        rest.fill(lowest);
    }
}

impl Centrality {
    /// Score the first `out.len()` sentences (at least two) against each other.
    fn score_graph(&self, f: &Features, out: &mut [f32]) {
        let n = out.len();
        let mut sims = vec![0.0f32; n * n];
        let (mut lo, mut hi) = (f32::MAX, f32::MIN);
        for i in 0..n {
            for j in i + 1..n {
                let s = f.sim(i, j);
                sims[i * n + j] = s;
                lo = lo.min(s);
                hi = hi.max(s);
            }
        }
        let cut = lo + self.threshold * (hi - lo);
        for i in 0..n {
            for j in i + 1..n {
                let e = (sims[i * n + j] - cut).max(0.0);
                // For i, j comes later (forward); for j, i came before (backward).
                out[i] += self.forward * e;
                out[j] += self.backward * e;
            }
        }
    }
}

/// LexRank: PageRank over the thresholded cosine-similarity graph.
#[derive(Debug, Clone)]
pub struct LexRank {
    threshold: f32,
    damping: f32,
}

impl Default for LexRank {
    /// Threshold 0.1 and damping 0.85, as in Erkan & Radev (2004).
    fn default() -> Self {
        LexRank { threshold: 0.1, damping: 0.85 }
    }
}

impl Scorer for LexRank {
    fn name(&self) -> &'static str {
        "lexrank"
    }

    fn score(&self, _doc: &Document, f: &Features, out: &mut [f32]) {
        let n = f.len().min(MAX_GRAPH_SENTENCES);
        out.fill(0.0);
        if n == 0 {
            return;
        }
        self.score_graph(f, &mut out[..n]);
    }
}

impl LexRank {
    /// Score the first `out.len()` sentences (at least one) against each other.
    fn score_graph(&self, f: &Features, out: &mut [f32]) {
        let n = out.len();
        let mut adj = vec![0.0f32; n * n];
        let mut deg = vec![0.0f32; n];
        for i in 0..n {
            for j in 0..n {
                if i != j && f.sim(i, j) > self.threshold {
                    adj[i * n + j] = 1.0;
                    deg[i] += 1.0;
                }
            }
        }
        let nf = n as f32;
        let mut p = vec![1.0 / nf; n];
        let mut next = vec![0.0f32; n];
        for _ in 0..50 {
            for (j, nx) in next.iter_mut().enumerate() {
                let mut s = 0.0;
                for i in 0..n {
                    if deg[i] > 0.0 {
                        s += adj[i * n + j] * p[i] / deg[i];
                    } else {
                        s += p[i] / nf;
                    }
                }
                *nx = (1.0 - self.damping) / nf + self.damping * s;
            }
            let delta: f32 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut p, &mut next);
            if delta < 1e-6 {
                break;
            }
        }
        out.copy_from_slice(&p);
    }
}
