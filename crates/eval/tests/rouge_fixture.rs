//! Our ROUGE against values produced by Google's `rouge-score` 0.1.2
//! (`use_stemmer=True`) on pairs of texts this project wrote. The fixture and
//! the script that made it: `tests/data/rouge_pairs.jsonl`,
//! `scripts/make_rouge_fixture.py`.

use attache_eval::rouge::{Rouge, Score, score};
use serde_json::Value;

const FIXTURE: &str = include_str!("data/rouge_pairs.jsonl");

fn check(id: &str, name: &str, got: Score, want: &Value) -> Result<(), String> {
    let field = |k: &str| want[k].as_f64().ok_or_else(|| format!("{id}: {name}.{k} missing"));
    for (k, g) in [("p", got.precision), ("r", got.recall), ("f", got.fmeasure)] {
        let w = field(k)?;
        if (g - w).abs() > 1e-6 {
            return Err(format!("{id} {name}.{k}: ours {g}, rouge-score {w}"));
        }
    }
    Ok(())
}

#[test]
fn matches_rouge_score_on_every_fixture_pair() {
    let mut lines = FIXTURE.lines();
    let header: Value = serde_json::from_str(lines.next().expect("header line")).expect("header JSON");
    assert_eq!(header["rouge_score"], "0.1.2");
    let mut rouge = Rouge::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in lines {
        let row: Value = serde_json::from_str(line).expect("fixture line is JSON");
        let id = row["id"].as_str().expect("id");
        let (r, c) =
            (row["reference"].as_str().expect("reference"), row["candidate"].as_str().expect("candidate"));
        // The shared scorer (with its stem cache) and a fresh one must agree.
        let s = rouge.score(r, c);
        assert_eq!(s, score(r, c), "{id}: reused scorer differs from a fresh one");
        for (name, got) in
            [("rouge1", s.rouge1), ("rouge2", s.rouge2), ("rougeL", s.rouge_l), ("rougeLsum", s.rouge_lsum)]
        {
            if let Err(e) = check(id, name, got, &row[name]) {
                failures.push(e);
            }
        }
        n += 1;
    }
    assert_eq!(n, header["pairs"].as_u64().expect("pair count") as usize);
    assert!(n >= 200, "fixture too small: {n}");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixture_exercises_nontrivial_scores() {
    // Guard against a fixture of all-zero or all-one rows, which a broken
    // implementation could match.
    let partial = FIXTURE
        .lines()
        .skip(1)
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|row| {
            let f = row["rougeLsum"]["f"].as_f64().unwrap_or(0.0);
            let g = row["rougeL"]["f"].as_f64().unwrap_or(0.0);
            f > 0.05 && f < 0.95 && (f - g).abs() > 1e-3
        })
        .count();
    assert!(partial >= 50, "only {partial} pairs where Lsum is partial and differs from L");
}
