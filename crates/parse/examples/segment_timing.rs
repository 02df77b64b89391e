//! Per-article cost of reading, sentence splitting and tokenizing, on the
//! articles of a JSON Lines file (`{"text", …}` per line), one thread:
//!
//! ```sh
//! cargo run --release -p attache-parse --example segment_timing -- ../shared/eval/bbc.dev.jsonl
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: segment_timing FILE.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = lines.len() as f64;
    let bytes: usize = lines.iter().map(|l| l.len()).sum();

    let t = Instant::now();
    let articles = lines.iter().map(|l| attache_parse::read_json(l)).collect::<Result<Vec<_>, _>>()?;
    let read = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut sentences = 0;
    for a in &articles {
        for b in &a.blocks {
            sentences += attache_parse::split_sentences(&b.text).len();
        }
    }
    let split = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut tokens = 0;
    for a in &articles {
        tokens += attache_parse::Document::new(a.clone()).tokens.len();
    }
    let doc = t.elapsed().as_secs_f64();

    println!(
        "{} articles, {:.1} MB, {sentences} sentences, {tokens} tokens",
        lines.len(),
        bytes as f64 / 1e6
    );
    println!(
        "µs per article: read {:.1}, split {:.1}, Document::new {:.1} (split + tokenize)",
        1e6 * read / n,
        1e6 * split / n,
        1e6 * doc / n
    );
    Ok(())
}
