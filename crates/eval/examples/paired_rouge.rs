//! Paired comparison of two methods on a ROUGE set: the mean per-article
//! difference in ROUGE-1/2/Lsum F1 (×100) with its standard error, and how
//! many articles get the identical summary.
//!
//! ```sh
//! cargo run --release -p attache-eval --example paired_rouge -- ../shared/eval/cnn_dailymail.dev.jsonl 3 default lead
//! ```

use attache_eval::rouge::Rouge;
use attache_eval::summaries::{Points, RougeEval, read_records};
use attache_score::Method;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, points, a, b] = args.as_slice() else {
        return Err("usage: paired_rouge FILE.jsonl POINTS|ref METHOD_A METHOD_B".into());
    };
    let records = read_records(&std::fs::read_to_string(file)?)?;
    let eval = RougeEval::new(points.parse::<Points>()?);
    let (ma, mb) = (Method::by_name(a)?, Method::by_name(b)?);
    let mut rouge = Rouge::new();
    let mut diffs: [Vec<f64>; 3] = Default::default();
    let mut same = 0;
    for r in &records {
        let (sa, sb) = (eval.summarize(r, &ma)?, eval.summarize(r, &mb)?);
        same += usize::from(sa == sb);
        let x = rouge.score(&r.summary, &sa.join("\n"));
        let y = rouge.score(&r.summary, &sb.join("\n"));
        diffs[0].push(100.0 * (x.rouge1.fmeasure - y.rouge1.fmeasure));
        diffs[1].push(100.0 * (x.rouge2.fmeasure - y.rouge2.fmeasure));
        diffs[2].push(100.0 * (x.rouge_lsum.fmeasure - y.rouge_lsum.fmeasure));
    }
    println!("{a} − {b} on {} articles ({same} identical summaries):", records.len());
    for (name, v) in ["ROUGE-1", "ROUGE-2", "ROUGE-Lsum"].iter().zip(&diffs) {
        let n = v.len() as f64;
        let mean = v.iter().sum::<f64>() / n;
        let sd = (v.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
        println!("{name:<11} {mean:+.2} ± {:.2} (1 s.e.)", sd / n.sqrt());
    }
    Ok(())
}
