//! Time `Extractor::extract` over whole articles and fingerprint its output:
//! `cargo run --release -p attache-extract --example extract_timing -- FILE.jsonl [ROUNDS]`
//!
//! Each line of FILE is an article object as `attache brief` reads it (`text` required).
//! All documents are parsed first (untimed); then every round extracts all of them and the
//! fastest round is reported. The printed hash covers the `Debug` form of every
//! `Extraction` and of `Extractor::spans` on the same text, so two builds can be checked
//! for identical output. Set `EXTRACT_TIMING_ONLY=1` to skip the hash pass (for
//! instruction counts of extraction alone).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: extract_timing FILE.jsonl [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let mut docs = Vec::new();
    for (i, line) in std::fs::read_to_string(&path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let article = attache_parse::read_json(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        docs.push(attache_parse::Document::new(article));
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let ex = attache_extract::Extractor::new();
    let only_timing = std::env::var_os("EXTRACT_TIMING_ONLY").is_some();
    if !only_timing {
        let mut h = DefaultHasher::new();
        for d in &docs {
            format!("{:?}", ex.extract(d)).hash(&mut h);
            format!("{:?}", ex.spans(&d.text)).hash(&mut h);
        }
        println!("hash {:016x}", h.finish());
    }
    let mut best = f64::INFINITY;
    let mut people = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        people = docs.iter().map(|d| ex.extract(d).people.len()).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} documents, {:.1} MB: best of {rounds} rounds {:.3} s = {:.0} docs/s, {:.1} µs/doc ({people} people)",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        docs.len() as f64 / best,
        best * 1e6 / docs.len() as f64,
    );
    Ok(())
}
