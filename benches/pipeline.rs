//! Per-article cost of the single-article pipeline, on the bundled example
//! articles: `cargo bench --bench pipeline`. Figures go to docs/benchmarks.md.

use attache::{Options, Pipeline};
use attache_parse::{Article, Document};
use attache_render::Format;

fn main() {
    divan::main();
}

fn articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            attache::input::read_article(p.file_name().unwrap().to_str(), &bytes).unwrap()
        })
        .collect()
}

/// Reading the raw text into an `Article` (layout detection).
#[divan::bench]
fn read(bencher: divan::Bencher<'_, '_>) {
    let raw: Vec<(String, Vec<u8>)> = {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (p.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read(&p).unwrap())
            })
            .collect();
        v.sort();
        v
    };
    bencher.bench(|| {
        for (name, bytes) in &raw {
            divan::black_box(attache::input::read_article(Some(name), bytes).unwrap());
        }
    });
}

/// Segmentation and tokenization of every example article.
#[divan::bench]
fn segment(bencher: divan::Bencher<'_, '_>) {
    let arts = articles();
    bencher.bench(|| {
        for a in &arts {
            divan::black_box(Document::new(a.clone()));
        }
    });
}

/// The whole brief: segment, score, select, fit, and JSON output.
#[divan::bench]
fn brief_json(bencher: divan::Bencher<'_, '_>) {
    let arts = articles();
    let p = Pipeline::new(&Options::default()).unwrap();
    bencher.bench(|| {
        for a in &arts {
            let b = p.brief(a.clone()).unwrap();
            divan::black_box(p.render(&b, Format::Json).unwrap());
        }
    });
}

/// The whole brief rendered as printable HTML.
#[divan::bench]
fn brief_html(bencher: divan::Bencher<'_, '_>) {
    let arts = articles();
    let p = Pipeline::new(&Options::default()).unwrap();
    bencher.bench(|| {
        for a in &arts {
            let b = p.brief(a.clone()).unwrap();
            divan::black_box(p.render(&b, Format::Html).unwrap());
        }
    });
}

/// Sentence splitting alone, paragraph by paragraph.
#[divan::bench]
fn split_only(bencher: divan::Bencher<'_, '_>) {
    let arts = articles();
    bencher.bench(|| {
        for a in &arts {
            for b in &a.blocks {
                divan::black_box(attache_parse::split_sentences(&b.text));
            }
        }
    });
}

/// UAX#29 word splitting alone, for comparison with `segment`.
#[divan::bench]
fn words_only(bencher: divan::Bencher<'_, '_>) {
    use unicode_segmentation::UnicodeSegmentation;
    let arts = articles();
    bencher.bench(|| {
        let mut n = 0;
        for a in &arts {
            for b in &a.blocks {
                n += b.text.unicode_word_indices().count();
            }
        }
        divan::black_box(n)
    });
}
