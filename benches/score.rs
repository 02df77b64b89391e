//! Sentence features and each scoring method, scoring and choosing three
//! key points, on the fixture corpus (see `common`): `cargo bench --bench
//! score`. Replaces the `score_timing` example; figures go to
//! docs/benchmarks.md.

mod common;

use attache_score::{Centrality, Combined, Features, Method, Position, Selector, TitleOverlap};

fn main() {
    divan::main();
}

/// `Features::new` of every document.
#[divan::bench]
fn features(bencher: divan::Bencher<'_, '_>) {
    let docs = common::documents();
    bencher.bench(|| {
        for d in &docs {
            divan::black_box(Features::new(d));
        }
    });
}

/// The method by this name; `previous-default` is the directed-centrality
/// combination that `default` replaced, kept for comparison.
fn method(name: &str) -> Method {
    match name {
        "previous-default" => Method::new(
            "previous-default",
            Combined::new()
                .with(Centrality::default(), 1.0)
                .with(Position::default(), 1.0)
                .with(TitleOverlap, 0.5),
        ),
        _ => Method::by_name(name).unwrap(),
    }
}

/// Every method the scoring crate offers, then `previous-default`.
fn names() -> Vec<&'static str> {
    attache_score::METHODS.iter().copied().chain(["previous-default"]).collect()
}

/// Scoring and selecting three key points with each method (features precomputed).
#[divan::bench(args = names())]
fn select(bencher: divan::Bencher<'_, '_>, name: &str) {
    let docs = common::documents();
    let features: Vec<Features> = docs.iter().map(Features::new).collect();
    let m = method(name);
    let mut selector = Selector::new();
    selector.points(3);
    bencher.bench(|| {
        for (d, f) in docs.iter().zip(&features) {
            divan::black_box(m.select(d, f, &selector, &[]));
        }
    });
}
