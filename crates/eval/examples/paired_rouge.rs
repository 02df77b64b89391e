//! Paired comparison of two methods on a ROUGE set: the mean per-article
//! difference in ROUGE-1/2/Lsum F1 (×100) with its standard error, and how
//! many articles get the identical summary.
//!
//! The summaries are the ones `attache eval rouge` scored, written with its
//! `--candidates` option (so they are the product's briefings):
//!
//! ```sh
//! attache eval rouge ../shared/eval/cnn_dailymail.dev.jsonl --points 3 --method default,lead --candidates cnn.cand.jsonl
//! cargo run --release -p attache-eval --example paired_rouge -- ../shared/eval/cnn_dailymail.dev.jsonl cnn.cand.jsonl default lead
//! ```

use std::collections::HashMap;

use attache_eval::summaries::{Paired, read_records};

#[derive(serde::Deserialize)]
struct Candidate {
    method: String,
    line: usize,
    sentences: Vec<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, candidates, a, b] = args.as_slice() else {
        return Err("usage: paired_rouge SET.jsonl CANDIDATES.jsonl METHOD_A METHOD_B".into());
    };
    let records = read_records(&std::fs::read_to_string(file)?)?;
    let mut by_key: HashMap<(String, usize), Vec<String>> = HashMap::new();
    for line in std::fs::read_to_string(candidates)?.lines().filter(|l| !l.trim().is_empty()) {
        let c: Candidate = serde_json::from_str(line)?;
        by_key.insert((c.method, c.line), c.sentences);
    }
    let pick = |m: &str| -> Result<Vec<Vec<String>>, String> {
        records
            .iter()
            .map(|r| {
                by_key
                    .get(&(m.to_string(), r.line))
                    .cloned()
                    .ok_or_else(|| format!("{candidates} has no {m} summary for line {} of {file}", r.line))
            })
            .collect()
    };
    let p = Paired::new(&records, &pick(a)?, &pick(b)?);
    println!("{a} − {b} on {} articles ({} identical summaries):", p.articles, p.identical);
    for (name, (mean, se)) in ["ROUGE-1", "ROUGE-2", "ROUGE-Lsum"].iter().zip(p.mean_se) {
        println!("{name:<11} {mean:+.2} ± {se:.2} (1 s.e.)");
    }
    Ok(())
}
