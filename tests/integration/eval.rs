use std::path::Path;

use attache_eval::rouge::Rouge;

use crate::util::{attache, brief_json, data};

/// The sentences a `brief --format json` briefing shows: the bottom line, then the key points.
fn shown(brief: &serde_json::Value) -> Vec<String> {
    ["bottom_line", "key_points"]
        .iter()
        .flat_map(|k| brief[k].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap().to_string()))
        .collect()
}

/// Run `eval rouge` on `set` with `args` and `--candidates`; the report and the candidate lines.
fn eval_rouge(set: &Path, args: &[&str]) -> (serde_json::Value, Vec<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let (json, cands) = (dir.path().join("r.json"), dir.path().join("c.jsonl"));
    let out = attache()
        .args(["eval", "rouge"])
        .arg(set)
        .args(args)
        .arg("--json")
        .arg(&json)
        .arg("--candidates")
        .arg(&cands)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let lines =
        std::fs::read_to_string(&cands).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (report, lines)
}

#[test]
fn eval_rouge_prints_every_method_and_writes_json() {
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("rouge.json");
    let out = attache()
        .args(["eval", "rouge"])
        .arg(data("rouge-set.jsonl"))
        .args(["--points", "2", "--json"])
        .arg(&json_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("3 articles, 2 key points, 500-word budget"), "{table}");
    for m in attache_score::METHODS {
        assert!(table.lines().any(|l| l.starts_with(&format!("{m} "))), "{m} missing:\n{table}");
    }
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(report["words"], 500);
    assert_eq!(report["methods"].as_array().unwrap().len(), attache_score::METHODS.len());
}

/// The sentences `eval rouge` scores are exactly those `attache brief --format json` shows for the
/// same article and options (bottom line first, then the key points; the word budget and page
/// fitting included), and its ROUGE is the ROUGE of those sentences.
#[test]
fn eval_rouge_scores_what_brief_shows() {
    let set = data("rouge-set.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&set).unwrap().lines().map(str::to_string).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut budget_dropped = false;
    for (points, words, methods) in [("2", None, "default,lead"), ("ref", Some("60"), "default")] {
        let mut args = vec!["--points", points, "--method", methods];
        if let Some(w) = words {
            args.extend(["--words", w]);
        }
        let (report, cands) = eval_rouge(&set, &args);
        assert_eq!(cands.len(), methods.split(',').count() * lines.len(), "{cands:?}");
        let mut rouge = Rouge::new();
        let mut r1: std::collections::HashMap<String, f64> = Default::default();
        for c in &cands {
            let (method, line) = (c["method"].as_str().unwrap(), c["line"].as_u64().unwrap() as usize);
            let record: serde_json::Value = serde_json::from_str(&lines[line - 1]).unwrap();
            let n = c["points"].as_u64().unwrap();
            if points == "ref" {
                assert_eq!(n as usize, record["summary"].as_str().unwrap().lines().count());
            }
            let file = dir.path().join(format!("record-{line}.json"));
            std::fs::write(&file, &lines[line - 1]).unwrap();
            let n = n.to_string();
            let mut brief_args = vec!["--points", n.as_str(), "--method", method];
            if let Some(w) = words {
                brief_args.extend(["--words", w]);
            }
            let want = shown(&brief_json(&file, &brief_args));
            let got: Vec<String> =
                c["sentences"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
            assert_eq!(got, want, "{method} --points {n} on line {line}");
            budget_dropped |= got.len() < 1 + n.parse::<usize>().unwrap();
            let cand =
                got.iter().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
            *r1.entry(method.to_string()).or_default() +=
                rouge.score(record["summary"].as_str().unwrap(), &cand.join("\n")).rouge1.fmeasure;
        }
        for m in report["methods"].as_array().unwrap() {
            let want = 100.0 * r1[m["method"].as_str().unwrap()] / lines.len() as f64;
            assert!((m["rouge1"].as_f64().unwrap() - want).abs() < 1e-9, "{m} vs {want}");
        }
    }
    assert!(budget_dropped, "a 60-word budget should drop key points somewhere");
}

#[test]
fn eval_rouge_limit_method_and_reference_points() {
    let out = attache()
        .args(["eval", "rouge"])
        .arg(data("rouge-set.jsonl"))
        .args(["--method", "default,lead", "--points", "ref", "--limit", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(rows[0].starts_with("default ") && rows[1].starts_with("lead "), "{table}");
    assert!(table.contains("2 articles, ref key points"), "{table}");
}

#[test]
fn eval_rouge_errors_name_the_record_or_method() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"ok\",\"text\":\"Talks resumed in Geneva.\",\"summary\":\"Talks resumed.\"}\n{\"id\":\"n2\",\"text\":\"No summary here.\"}\n").unwrap();
    let out = attache().args(["eval", "rouge"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl") && err.contains("line 2") && err.contains("n2"), "{err}");

    let out = attache()
        .args(["eval", "rouge"])
        .arg(data("rouge-set.jsonl"))
        .args(["--method", "lead,nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown method \"nope\""));

    let out = attache().args(["eval", "rouge"]).arg(dir.path().join("missing.jsonl")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_daily_scores_the_page_against_references() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("daily.json");
    let out = crate::util::attache()
        .args(["eval", "daily"])
        .arg(crate::util::data("daily-eval.jsonl"))
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("2 clusters, summaries cut to 665 bytes"), "{table}");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let systems = v["systems"].as_array().unwrap();
    assert_eq!(systems[0]["system"], "daily");
    assert_eq!(systems[1]["system"], "newest-article");
    for s in systems {
        let (r1, r2) = (s["rouge1_recall"].as_f64().unwrap(), s["rouge2_recall"].as_f64().unwrap());
        assert!(r1 > 0.2 && r1 <= 1.0 && r2 > 0.0 && r2 < r1, "{s}");
        assert!(s["mean_bytes"].as_f64().unwrap() <= 665.0);
    }
}

#[test]
fn eval_daily_rejects_a_broken_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, "{\"id\": \"c1\", \"documents\": [}\n").unwrap();
    crate::util::attache()
        .args(["eval", "daily"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bad.jsonl:1"));
}
