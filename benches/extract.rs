//! Entity and quote extraction on the fixture corpus (see `common`), apart
//! from parsing: `cargo bench --bench extract`. Replaces the `timing` and
//! `extract_timing` examples; figures go to docs/benchmarks.md.

mod common;

fn main() {
    divan::main();
}

/// `Extractor::extract` on already segmented documents (what a briefing runs).
#[divan::bench]
fn extract(bencher: divan::Bencher<'_, '_>) {
    let docs = common::documents();
    let ex = attache_extract::Extractor::new();
    bencher.bench(|| {
        for d in &docs {
            divan::black_box(ex.extract(d));
        }
    });
}

/// `Extractor::spans` on the raw text (what `attache extract` and `eval ner`/`eval quotes` run).
#[divan::bench]
fn spans(bencher: divan::Bencher<'_, '_>) {
    let docs = common::documents();
    let ex = attache_extract::Extractor::new();
    bencher.bench(|| {
        for d in &docs {
            divan::black_box(ex.spans(&d.text));
        }
    });
}
