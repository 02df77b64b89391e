//! Reading and segmentation, per fixture corpus (see `common`):
//! `cargo bench --bench parse`. Replaces the `segment_timing` example;
//! `read_html_hostile` keeps the pages of the `hostile_html` example (which
//! stays, for any size N, as docs/reliability.md uses it) at a fixed size.
//! Figures go to docs/benchmarks.md.

mod common;

fn main() {
    divan::main();
}

/// Reading every JSON Lines fixture line into an `Article`.
#[divan::bench]
fn read_json(bencher: divan::Bencher<'_, '_>) {
    let lines = common::json_lines();
    bencher.bench(|| {
        for l in &lines {
            divan::black_box(attache_parse::read_json(l).unwrap());
        }
    });
}

/// Sentence splitting alone, paragraph by paragraph.
#[divan::bench]
fn split_sentences(bencher: divan::Bencher<'_, '_>) {
    let arts = common::articles();
    bencher.bench(|| {
        for a in &arts {
            for b in &a.blocks {
                divan::black_box(attache_parse::split_sentences(&b.text));
            }
        }
    });
}

/// `Document::new`: sentence splitting and tokenizing.
#[divan::bench]
fn document(bencher: divan::Bencher<'_, '_>) {
    let arts = common::articles();
    bencher.bench(|| {
        for a in &arts {
            divan::black_box(attache_parse::Document::new(a.clone()));
        }
    });
}

/// A hostile page of `n` repeated items: entities in one paragraph, empty
/// `<div/>`s, or plain words.
fn hostile_page(kind: &str, n: usize) -> String {
    match kind {
        "amp" => format!("<html><body><p>{}</p></body></html>", "&amp;".repeat(n)),
        "divs" => format!("<html><body>{}<p>Text here.</p></body></html>", "<div/>".repeat(n)),
        _ => format!("<html><body><p>{}</p></body></html>", "a ".repeat(n)),
    }
}

/// `read_html` on hostile pages of 20,000 items (its cost must stay linear).
#[divan::bench(args = ["amp", "divs", "plain"], sample_count = 10)]
fn read_html_hostile(bencher: divan::Bencher<'_, '_>, kind: &str) {
    let page = hostile_page(kind, 20_000);
    bencher.bench(|| divan::black_box(attache_parse::read_html(&page, None).map(|a| a.body_text().len())));
}
