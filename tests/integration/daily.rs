//! `attache daily`: grouping, cross-article redundancy, the JSON contract.

use predicates::prelude::*;

use crate::util::{attache, data, root};

fn daily_json(args: &[&str]) -> serde_json::Value {
    let out = attache().arg("daily").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn outlets_reporting_one_event_make_one_story() {
    let day = data("day.jsonl");
    let v = daily_json(&[day.to_str().unwrap()]);
    assert_eq!(v["date"], "2026-11-25");
    let stories = v["stories"].as_array().unwrap();
    let groups: Vec<Vec<&str>> = stories
        .iter()
        .map(|s| s["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect())
        .collect();
    assert_eq!(groups[0], ["vienna-1", "vienna-2", "vienna-3"], "three outlets, one story, ranked first");
    assert!(groups.contains(&vec!["seoul-1", "seoul-2"]));
    assert!(groups.contains(&vec!["niger-1", "niger-2"]));
    assert!(groups.contains(&vec!["arctic-1"]) && groups.contains(&vec!["panama-1"]));
    assert_eq!(v["stats"]["stories"], 5);
}

#[test]
fn every_sentence_is_traceable_and_none_repeats() {
    let day = data("day.jsonl");
    let examples = root().join("examples/articles");
    let v = daily_json(&[day.to_str().unwrap(), examples.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&day).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut shown: Vec<String> = Vec::new();
    for s in v["stories"].as_array().unwrap() {
        assert!(!s["headline"].as_str().unwrap().is_empty());
        let bottom = s["bottom_line"].as_array().unwrap();
        assert_eq!(bottom.len(), 1);
        let points = s["key_points"].as_array().unwrap();
        assert!(points.len() <= 3);
        for p in bottom.iter().chain(points) {
            let text = p["text"].as_str().unwrap();
            let article = p["article"].as_str().unwrap();
            assert!(
                s["articles"].as_array().unwrap().iter().any(|a| a == article),
                "{article} belongs to the story"
            );
            if let Some(src) = lines.iter().find(|l| l["id"] == article) {
                assert!(src["text"].as_str().unwrap().contains(text), "{text:?} is quoted from {article}");
            }
            assert!(p["sentence"].is_u64());
            shown.push(text.to_string());
        }
    }
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            assert_ne!(a, b);
            let overlap = overlap(a, b);
            assert!(overlap < 0.5, "repeated fact:\n  {a}\n  {b}\n  ({overlap:.2})");
        }
    }
}

fn overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(str::to_lowercase).collect()
    };
    let (a, b) = (words(a), words(b));
    a.intersection(&b).count() as f64 / a.len().min(b.len()).max(1) as f64
}

#[test]
fn stories_option_and_formats() {
    let day = data("day.jsonl");
    let v = daily_json(&[day.to_str().unwrap(), "--stories", "2"]);
    assert_eq!(v["stories"].as_array().unwrap().len(), 2);
    assert_eq!(v["sources"].as_array().unwrap().len(), 2);
    for (format, needle) in
        [("md", "# Daily briefing — 2026-11-25"), ("txt", "DAILY BRIEFING"), ("html", "<h1>2026-11-25")]
    {
        attache()
            .arg("daily")
            .arg(&day)
            .args(["--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
}

#[test]
fn bad_records_are_counted_and_the_day_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.jsonl");
    let mut text = std::fs::read_to_string(data("day.jsonl")).unwrap();
    text.push_str("{\"id\": \"broken\", \"text\": \n{\"id\": \"empty\", \"text\": \"\"}\n");
    std::fs::write(&path, text).unwrap();
    let out = attache().arg("daily").arg(&path).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("day.jsonl:10") && stderr.contains("day.jsonl:11"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stats"]["failed"], 2);
    assert_eq!(v["stats"]["articles"], 11);
}

#[test]
fn pdf_without_chromium_fails_clearly() {
    attache()
        .arg("daily")
        .arg(data("day.jsonl"))
        .args(["--format", "pdf"])
        .env_remove("ATTACHE_CHROMIUM")
        .env("PATH", "/nonexistent")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("needs headless Chromium"));
}

#[test]
fn bad_date_is_a_usage_error() {
    attache()
        .arg("daily")
        .arg(data("day.jsonl"))
        .args(["--date", "27/11/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn daily_takes_what_batch_takes_html_and_gzip_json_lines() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("wire.jsonl.gz");
    let mut enc =
        flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::default());
    enc.write_all(std::fs::read_to_string(data("day.jsonl")).unwrap().as_bytes()).unwrap();
    enc.finish().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(data("arctic-page.html"), pages.join("arctic-page.html")).unwrap();
    let v = daily_json(&[gz.to_str().unwrap(), pages.to_str().unwrap()]);
    assert_eq!(v["stats"]["articles"], 10);
    let stories = v["stories"].as_array().unwrap();
    let arctic = stories
        .iter()
        .find(|s| s["articles"].as_array().unwrap().iter().any(|a| a == "arctic-page"))
        .expect("the HTML page is briefed");
    assert!(
        arctic["articles"].as_array().unwrap().iter().any(|a| a == "arctic-1"),
        "the page and the wire story about the Arctic Council make one story: {arctic}"
    );
}
