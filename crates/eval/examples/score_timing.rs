//! Per-article cost of each pipeline stage and of every scoring method, on
//! the articles of a JSON Lines file (one thread; run it pinned to one core):
//!
//! ```sh
//! cargo build --release -p attache-eval --example score_timing
//! taskset -c 1 target/release/examples/score_timing ../shared/eval/cnn_dailymail.dev.jsonl
//! ```
//!
//! Each stage runs three times over the whole set; the mean per pass is shown.
//! `previous-default` is the directed-centrality combination that `default`
//! replaced, kept here for comparison.

use std::time::Instant;

use attache_score::{Centrality, Combined, Features, METHODS, Method, Position, Selector, TitleOverlap};

const PASSES: u32 = 3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: score_timing FILE.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let per_article = |secs: f64| 1e6 * secs / f64::from(PASSES) / lines.len() as f64;

    let t = Instant::now();
    let mut articles = Vec::new();
    for _ in 0..PASSES {
        articles = lines.iter().map(|l| attache_parse::read_json(l)).collect::<Result<Vec<_>, _>>()?;
    }
    println!("{} articles; µs per article:", lines.len());
    println!("{:<18} {:>8.1}", "read JSON", per_article(t.elapsed().as_secs_f64()));

    let t = Instant::now();
    let mut docs = Vec::new();
    for _ in 0..PASSES {
        docs = articles.iter().cloned().map(attache_parse::Document::new).collect();
    }
    println!("{:<18} {:>8.1}", "segment+tokenize", per_article(t.elapsed().as_secs_f64()));

    let t = Instant::now();
    let mut features = Vec::new();
    for _ in 0..PASSES {
        features = docs.iter().map(Features::new).collect();
    }
    println!("{:<18} {:>8.1}", "features", per_article(t.elapsed().as_secs_f64()));

    let mut methods: Vec<Method> = METHODS.iter().map(|m| Method::by_name(m)).collect::<Result<_, _>>()?;
    methods.push(Method::new(
        "previous-default",
        Combined::new()
            .with(Centrality::default(), 1.0)
            .with(Position::default(), 1.0)
            .with(TitleOverlap, 0.5),
    ));
    let mut selector = Selector::new();
    selector.points(3);
    for m in &methods {
        let t = Instant::now();
        let mut picked = 0;
        for _ in 0..PASSES {
            for (d, f) in docs.iter().zip(&features) {
                picked += m.select(d, f, &selector, &[]).picks.len();
            }
        }
        let label = format!("{} (3 points)", m.name());
        println!("{label:<28} {:>8.1}   [{picked} picks]", per_article(t.elapsed().as_secs_f64()));
    }
    Ok(())
}
