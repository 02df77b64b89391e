//! Time `Extractor::extract` on parsed documents, apart from parsing:
//! `cargo run --release -p attache-extract --example timing -- FILE.jsonl [REPEAT]`
//! where each line has a `text` field.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: timing FILE.jsonl [REPEAT]")?;
    let repeat: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    let mut docs = Vec::new();
    let mut bytes = 0;
    for line in std::fs::read_to_string(path)?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().ok_or("a line has no text")?;
        bytes += text.len();
        docs.push(attache_parse::Document::new(attache_parse::Article::from_body(text)));
    }
    let ex = attache_extract::Extractor::new();
    let mut best = f64::INFINITY;
    let mut people = 0;
    for _ in 0..repeat {
        let t = Instant::now();
        people = docs.iter().map(|d| ex.extract(d).people.len()).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let kib = bytes as f64 / 1024.0;
    println!(
        "{} documents, {:.0} KiB: extract in {:.4} s = {:.0} docs/s, {:.0} µs per 4 KiB (fastest of {repeat}; {people} people)",
        docs.len(),
        kib,
        best,
        docs.len() as f64 / best,
        best * 1e6 / (kib / 4.0)
    );
    Ok(())
}
