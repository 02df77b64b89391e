use attache_eval::rouge::Rouge;

use crate::util::{attache, data};

/// The first `n` sentences of each article, as `lead` should choose them.
fn lead_sentences(text: &str, n: usize) -> String {
    let article = attache_parse::read_json(&serde_json::json!({ "text": text }).to_string()).unwrap();
    let doc = attache_parse::Document::new(article);
    (0..n.min(doc.sentences.len())).map(|i| doc.sentence_text(i)).collect::<Vec<_>>().join("\n")
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
    assert!(table.contains("3 articles, 2 key points"), "{table}");
    for m in attache_score::METHODS {
        assert!(table.lines().any(|l| l.starts_with(&format!("{m} "))), "{m} missing:\n{table}");
    }

    // The lead row is Lead-2 scored with our rouge-score-compatible ROUGE.
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let lead = report["methods"].as_array().unwrap().iter().find(|m| m["method"] == "lead").unwrap();
    assert_eq!(lead["articles"], 3);
    let mut rouge = Rouge::new();
    let mut want = 0.0;
    for line in std::fs::read_to_string(data("rouge-set.jsonl")).unwrap().lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let cand = lead_sentences(rec["text"].as_str().unwrap(), 2);
        want += rouge.score(rec["summary"].as_str().unwrap(), &cand).rouge1.fmeasure;
    }
    let got = lead["rouge1"].as_f64().unwrap();
    assert!((got - 100.0 * want / 3.0).abs() < 1e-9, "lead ROUGE-1 {got} vs {}", 100.0 * want / 3.0);
    assert!((lead["mean_sentences"].as_f64().unwrap() - 2.0).abs() < 1e-9);
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
