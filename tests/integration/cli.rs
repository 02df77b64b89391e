use predicates::prelude::*;

use crate::util::{attache, data, example};

#[test]
fn brief_reads_a_file_and_standard_input_alike() {
    let path = example("asean-maritime-talks.txt");
    let from_file = attache().arg("brief").arg(&path).output().unwrap();
    assert!(from_file.status.success());
    let text = std::fs::read(&path).unwrap();
    let from_stdin = attache().arg("brief").write_stdin(text.clone()).output().unwrap();
    let from_dash = attache().args(["brief", "-"]).write_stdin(text).output().unwrap();
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(from_file.stdout, from_dash.stdout);
    let md = String::from_utf8(from_file.stdout).unwrap();
    assert!(
        md.starts_with("# ASEAN ministers back talks on South China Sea code after tense Manila meeting\n")
    );
    assert!(md.contains("## Bottom line") && md.contains("## Key points") && md.contains("## Sources"));
}

#[test]
fn every_format_renders() {
    let path = example("un-sudan-vote.md");
    for (format, needle) in [
        ("md", "## Key points"),
        ("txt", "KEY POINTS"),
        ("html", "<h2>Key points</h2>"),
        ("json", "\"key_points\""),
    ] {
        attache()
            .arg("brief")
            .arg(&path)
            .args(["--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.html");
    attache()
        .arg("brief")
        .arg(example("un-sudan-vote.md"))
        .args(["--format", "html", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@page"));
}

#[test]
fn invalid_utf8_fails_with_the_input_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.txt");
    std::fs::write(&path, b"Headline\n\nValid start \xff\xfe then junk.").unwrap();
    attache()
        .arg("brief")
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("broken.txt").and(predicate::str::contains("not valid UTF-8")));
}

#[test]
fn empty_input_fails() {
    attache()
        .arg("brief")
        .write_stdin("  \n\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>: the article has no text"));
}

#[test]
fn json_without_text_fails() {
    attache()
        .arg("brief")
        .write_stdin(r#"{"id": "x1", "title": "No body"}"#)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"text\" field"));
    attache()
        .arg("brief")
        .write_stdin("{\"text\": \"unterminated")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid JSON article"));
}

#[test]
fn headline_only_fails_clearly() {
    attache()
        .arg("brief")
        .write_stdin("Just a headline\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no text").or(predicate::str::contains("no sentences")));
}

#[test]
fn missing_file_and_unknown_method_exit_2() {
    attache()
        .args(["brief", "/nonexistent/article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read /nonexistent/article.txt"));
    attache()
        .arg("brief")
        .arg(example("un-sudan-vote.md"))
        .args(["--method", "magic"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown method \"magic\""));
}

#[test]
fn lead_method_takes_the_opening_sentences() {
    let v = crate::util::brief_json(&example("un-sudan-vote.md"), &["--method", "lead", "--points", "3"]);
    let idx: Vec<u64> =
        v["key_points"].as_array().unwrap().iter().map(|p| p["sentence"].as_u64().unwrap()).collect();
    assert_eq!(v["bottom_line"][0]["sentence"], 0);
    assert_eq!(idx, [1, 2, 3]);
    assert_eq!(v["method"], "lead");
}

#[test]
fn points_and_word_budget_are_honoured() {
    let v = crate::util::brief_json(&example("franco-german-air-defence.json"), &["--points", "2"]);
    assert!(v["key_points"].as_array().unwrap().len() <= 2);
    let v = crate::util::brief_json(&example("franco-german-air-defence.json"), &["--words", "80"]);
    assert!(v["stats"]["brief_words"].as_u64().unwrap() <= 80);
    assert!(!v["key_points"].as_array().unwrap().is_empty());
}

#[test]
fn user_templates_override_one_format_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brief.txt.hbs"), "HEADLINE={{title}} POINTS={{len key_points}}\n")
        .unwrap();
    let path = example("un-sudan-vote.md");
    attache()
        .arg("brief")
        .arg(&path)
        .args(["--format", "txt", "--points", "3", "--templates"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("HEADLINE=UN Security Council approves ceasefire monitors for Sudan after Russia abstains POINTS=3\n");
    attache()
        .arg("brief")
        .arg(&path)
        .args(["--format", "md", "--templates"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# UN Security Council"));
}

#[test]
fn broken_user_template_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brief.md.hbs"), "{{#each key_points}}unclosed").unwrap();
    attache()
        .arg("brief")
        .arg(data("snapshot-article.md"))
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("brief.md.hbs does not parse: line 1"));
    std::fs::write(dir.path().join("brief.md.hbs"), "{{headline_typo}}").unwrap();
    attache()
        .arg("brief")
        .arg(data("snapshot-article.md"))
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("headline_typo"));
}

#[test]
fn templates_export_writes_editable_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("theme");
    attache()
        .args(["templates", "export"])
        .arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::contains("brief.html.hbs"));
    for name in ["brief.md.hbs", "brief.txt.hbs", "brief.html.hbs", "page.css.hbs"] {
        assert!(target.join(name).is_file(), "{name}");
    }
    // Exported defaults render exactly like the built-ins.
    let path = example("asean-maritime-talks.txt");
    let builtin = attache().arg("brief").arg(&path).args(["--format", "html"]).output().unwrap();
    let exported = attache()
        .arg("brief")
        .arg(&path)
        .args(["--format", "html", "--templates"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(builtin.stdout, exported.stdout);
    attache()
        .args(["templates", "export"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
}

#[test]
fn html_escapes_hostile_article_text() {
    let article = "Envoys meet <script>alert(1)</script>\n\nGENEVA — Envoys met on Monday and said <b>nothing</b> & left the <img src=x onerror=alert(2)> talks early.";
    let out = attache().args(["brief", "--format", "html"]).write_stdin(article).output().unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;nothing&lt;/b&gt; &amp; left"));
}

#[test]
fn brief_reads_an_html_page() {
    let page = data("arctic-page.html");
    let v = crate::util::brief_json(&page, &[]);
    assert_eq!(v["title"], "Arctic states restart science talks after three-year freeze");
    assert_eq!(v["source"], "Polar Ledger");
    assert_eq!(v["url"], "https://polarledger.example.org/2026/11/25/arctic-science");
    assert_eq!(v["author"], "Maren Holm");
    assert_eq!(v["dateline"], "Tromso");
    let all: Vec<&str> = v["bottom_line"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["key_points"].as_array().unwrap())
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(all[0].starts_with("TROMSO, Norway — Ministers"));
    for junk in ["cookies", "newsletter", "Related", "tracking", "Subscribe", "Privacy"] {
        assert!(!all.iter().any(|t| t.contains(junk)), "{junk} leaked into {all:?}");
    }
    // The same page on standard input is recognised by its doctype.
    let from_stdin = attache()
        .args(["brief", "--format", "json"])
        .write_stdin(std::fs::read(&page).unwrap())
        .output()
        .unwrap();
    let w: serde_json::Value = serde_json::from_slice(&from_stdin.stdout).unwrap();
    assert_eq!(w["title"], v["title"]);
    assert_eq!(w["key_points"], v["key_points"]);
}
