use attache_parse::{Document, read_text};

use crate::*;

const STORY: &str = "\
Ministers agree to extend Black Sea grain corridor

ISTANBUL (Wire) — Ministers from Turkey and Ukraine agreed on Monday to extend the Black Sea grain corridor for six months.
The grain corridor has carried more than 30 million tonnes of grain since it opened last year.
Officials said the extension of the corridor would keep food prices stable in Africa and Asia.
The extension of the Black Sea grain corridor for six months was welcomed by the United Nations.
Weather in Istanbul was mild for the time of year.
A ceremony was held at the Dolmabahce Palace in the afternoon.
Shipping firms said insurance costs for the grain corridor remained high.";

fn doc() -> Document {
    Document::new(read_text(STORY).unwrap())
}

#[test]
fn lead_takes_the_first_sentences() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::by_name("lead").unwrap().select(&d, &f, Selector::new().points(3), &[]);
    let idx: Vec<usize> = s.picks.iter().map(|p| p.sentence).collect();
    assert_eq!(idx, [0, 1, 2]);
}

#[test]
fn default_skips_repetition_and_keeps_reading_order() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(3), &[]);
    let idx: Vec<usize> = s.picks.iter().map(|p| p.sentence).collect();
    assert_eq!(idx.len(), 3);
    assert!(idx.windows(2).all(|w| w[0] < w[1]), "reading order: {idx:?}");
    assert_eq!(idx[0], 0, "the lead sentence is chosen");
    assert!(!idx.contains(&3), "sentence 3 repeats the lead: {idx:?}");
    assert!(!idx.contains(&4), "the weather is not a key point: {idx:?}");
    for p in &s.picks {
        assert!((0.0..=1.0).contains(&p.score));
    }
    for a in &idx {
        for b in &idx {
            if a != b {
                assert!(f.sim(*a, *b) <= 0.5);
            }
        }
    }
}

#[test]
fn word_budget_is_respected_without_cutting() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(5).words(35), &[]);
    let words: usize = s.picks.iter().map(|p| f.words[p.sentence]).sum();
    assert!(words <= 35, "{words} words");
    assert!(!s.picks.is_empty());
}

#[test]
fn taken_sentences_are_not_repeated() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(3), &[0]);
    assert!(s.picks.iter().all(|p| p.sentence != 0 && p.sentence != 3));
}

#[test]
fn every_method_is_deterministic_and_named() {
    let d = doc();
    let f = Features::new(&d);
    for name in METHODS {
        let m = Method::by_name(name).unwrap();
        assert_eq!(m.name(), *name);
        let a = m.select(&d, &f, Selector::new().points(3), &[]);
        let b = m.select(&d, &f, Selector::new().points(3), &[]);
        assert_eq!(a, b, "{name}");
        assert!(!a.picks.is_empty(), "{name}");
    }
    assert!(Method::by_name("bogus").unwrap_err().to_string().contains("known methods: default, lead"));
}

#[test]
fn directed_centrality_favours_sentences_echoed_later() {
    let d = doc();
    let f = Features::new(&d);
    let mut out = vec![0.0; f.len()];
    Centrality::default().score(&d, &f, &mut out);
    assert!(out[0] > out[3], "the lead is echoed later; sentence 3 only repeats: {out:?}");
}

#[test]
fn single_sentence_documents_work() {
    let d = Document::new(read_text("Talks ended without agreement in Geneva on Friday.").unwrap());
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, &Selector::new(), &[]);
    assert_eq!(s.picks.len(), 1);
}

#[test]
fn salience_prefers_sentences_the_article_returns_to() {
    let d = doc();
    let f = Features::new(&d);
    let mut out = vec![0.0; f.len()];
    Salience.score(&d, &f, &mut out);
    // The lead (grain corridor, Black Sea, six months) is echoed throughout;
    // the weather and the ceremony share nothing with the rest.
    assert!(out[0] > out[4] && out[0] > out[5], "{out:?}");
    assert_eq!(out[5], 0.0, "a sentence sharing no word scores 0: {out:?}");
    // Hand check of the formula for sentence 4 (“Weather in Istanbul was mild
    // for the time of year”, 5 content terms): “istanbul” (the dateline) and
    // “year” (sentence 1) each recur in one other sentence: (√1 + √1) / √5.
    assert_eq!(f.vectors[4].len(), 5);
    assert!((out[4] - 2.0 / 5f32.sqrt()).abs() < 1e-6, "{out:?}");
}

#[test]
fn default_combines_salience_position_and_title() {
    let names: Vec<&str> = Method::default_method().score(&doc(), &Features::new(&doc())).part_names;
    assert_eq!(names, ["salience", "position", "title"]);
}

/// The uncapped dense scorers as they were before [`MAX_GRAPH_SENTENCES`],
/// kept to check that capping changes nothing below the cap.
mod dense {
    use crate::Features;

    pub(super) fn centrality(f: &Features, backward: f32, forward: f32, threshold: f32) -> Vec<f32> {
        let n = f.len();
        let mut out = vec![0.0f32; n];
        if n < 2 {
            return out;
        }
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
        let cut = lo + threshold * (hi - lo);
        for i in 0..n {
            for j in i + 1..n {
                let e = (sims[i * n + j] - cut).max(0.0);
                out[i] += forward * e;
                out[j] += backward * e;
            }
        }
        out
    }

    pub(super) fn lexrank(f: &Features, threshold: f32, damping: f32) -> Vec<f32> {
        let n = f.len();
        if n == 0 {
            return Vec::new();
        }
        let mut adj = vec![0.0f32; n * n];
        let mut deg = vec![0.0f32; n];
        for i in 0..n {
            for j in 0..n {
                if i != j && f.sim(i, j) > threshold {
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
                *nx = (1.0 - damping) / nf + damping * s;
            }
            let delta: f32 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut p, &mut next);
            if delta < 1e-6 {
                break;
            }
        }
        p
    }
}

/// A document of `n` pseudo-random sentences over a small vocabulary.
fn random_doc(n: usize, seed: u64) -> Document {
    const WORDS: &[&str] = &[
        "ministers",
        "grain",
        "corridor",
        "talks",
        "envoy",
        "ceasefire",
        "sanctions",
        "summit",
        "vote",
        "border",
        "troops",
        "aid",
        "treaty",
        "delegation",
        "parliament",
        "election",
        "minister",
        "port",
    ];
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = |m: usize| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) as usize) % m
    };
    let mut text = String::from("Talks on grain corridor resume\n\n");
    for _ in 0..n {
        let len = 4 + next(8);
        let words: Vec<&str> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
        text.push_str("The ");
        text.push_str(&words.join(" "));
        text.push_str(" said on Monday. ");
    }
    Document::new(read_text(&text).unwrap())
}

#[test]
fn graph_scorers_equal_the_dense_ones_below_the_cap() {
    for (k, n) in [1usize, 2, 3, 7, 20, 60, 150].into_iter().enumerate() {
        let d = random_doc(n, k as u64);
        let f = Features::new(&d);
        assert_eq!(f.len(), n);
        let mut got = vec![0.0; n];
        Centrality::default().score(&d, &f, &mut got);
        assert_eq!(got, dense::centrality(&f, -2.0, 1.0, 0.3), "centrality, {n} sentences");
        Centrality::undirected(0.1).score(&d, &f, &mut got);
        assert_eq!(got, dense::centrality(&f, 1.0, 1.0, 0.1), "undirected, {n} sentences");
        LexRank::default().score(&d, &f, &mut got);
        assert_eq!(got, dense::lexrank(&f, 0.1, 0.85), "lexrank, {n} sentences");
    }
}

#[test]
fn graph_scorers_are_bounded_on_huge_documents() {
    let n = 20_000;
    let d = random_doc(n, 99);
    let f = Features::new(&d);
    assert_eq!(f.len(), n);
    let mut first = f.clone();
    first.vectors.truncate(MAX_GRAPH_SENTENCES);
    let start = std::time::Instant::now();
    let mut got = vec![0.0; n];
    Centrality::default().score(&d, &f, &mut got);
    let want = dense::centrality(&first, -2.0, 1.0, 0.3);
    assert_eq!(got[..MAX_GRAPH_SENTENCES], want[..]);
    let lowest = want.iter().copied().fold(f32::MAX, f32::min);
    assert!(got[MAX_GRAPH_SENTENCES..].iter().all(|&s| s == lowest));
    LexRank::default().score(&d, &f, &mut got);
    assert_eq!(got[..MAX_GRAPH_SENTENCES], dense::lexrank(&first, 0.1, 0.85)[..]);
    assert!(got[MAX_GRAPH_SENTENCES..].iter().all(|&s| s == 0.0));
    // Both methods end to end, choosing points too.
    for name in ["centrality", "lexrank"] {
        let s = Method::by_name(name).unwrap().select(&d, &f, Selector::new().points(5), &[]);
        assert!(!s.picks.is_empty(), "{name}");
        let best = (0..n).max_by(|&a, &b| s.scores[a].total_cmp(&s.scores[b]).then(b.cmp(&a))).unwrap();
        assert!(best < MAX_GRAPH_SENTENCES, "{name}: the best sentence is a compared one");
    }
    // The dense scorers took 45 s (release) here; capped, well under a second
    // in release and a few seconds in a debug build.
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}
