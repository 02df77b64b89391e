//! One way to read an input (issue 11): `brief FILE`, `brief -` and
//! `batch FILE` apply the same format rules and size limits.

use crate::util::attache;

const PAGE_HEAD: &str = "<!DOCTYPE html><html><head><title>Envoys agree to resume grain talks</title>";
const PAGE_BODY: &str = "</head><body><article><h1>Envoys agree to resume grain talks</h1>\
    <p>ISTANBUL (Wire) — Negotiators from Turkey and Ukraine agreed on Thursday to resume grain talks \
    next week, officials said.</p><p>The talks collapsed in July after a dispute over inspections of \
    ships, and both sides blamed the other for the delay.</p><p>“We will not accept another delay,” \
    the Turkish envoy said after the meeting in Istanbul.</p></article></body></html>";

fn page(filler: usize) -> String {
    format!("{PAGE_HEAD}<!-- {} -->{PAGE_BODY}", "x".repeat(filler))
}

/// The briefing JSON of `attache batch FILE`, without the `input` field.
fn batch_json(path: &std::path::Path) -> (Option<i32>, serde_json::Value, String) {
    let out = attache().args(["batch", "--quiet", "--errors", "-"]).arg(path).output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    v.as_object_mut().unwrap().remove("input");
    (out.status.code(), v, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_5_mb_page_is_briefed_alike_by_brief_and_batch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grain-talks.html");
    let html = page(5 << 20);
    assert!(html.len() > 5_000_000 && html.len() > attache_parse::MAX_ARTICLE_BYTES);
    std::fs::write(&path, &html).unwrap();
    let out = attache().arg("brief").arg(&path).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (code, batch, err) = batch_json(&path);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(brief, batch);
    assert_eq!(brief["id"], "grain-talks");
    assert_eq!(brief["title"], "Envoys agree to resume grain talks");
    // Standard input is read the same way (no name: no id).
    let out = attache().args(["brief", "-", "--format", "json"]).write_stdin(html).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stdin["id"], serde_json::Value::Null);
    assert_eq!(stdin["sources"][0]["id"], serde_json::Value::Null);
    stdin["id"] = brief["id"].clone();
    stdin["sources"][0]["id"] = brief["id"].clone();
    assert_eq!(stdin, brief);
}

#[test]
fn a_page_over_the_html_limit_fails_alike_in_brief_and_batch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    std::fs::write(&path, page(attache_parse::MAX_HTML_BYTES)).unwrap();
    let out = attache().arg("brief").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let brief_err = String::from_utf8_lossy(&out.stderr).into_owned();
    let limit = format!("more than the limit of {} bytes", attache_parse::MAX_HTML_BYTES);
    assert!(brief_err.contains(&limit), "{brief_err}");
    let out = attache().args(["batch", "--quiet", "--errors", "-"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let batch_err = record["error"].as_str().unwrap();
    assert!(brief_err.contains(batch_err), "brief: {brief_err}\nbatch: {batch_err}");
}

#[test]
fn brief_reads_compressed_and_unnamed_inputs_like_batch() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("talks.html");
    std::fs::write(&plain, page(10)).unwrap();
    let gz_path = dir.path().join("talks.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page(10).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(&gz_path, &gz).unwrap();
    let a = crate::util::brief_json(&plain, &[]);
    let b = crate::util::brief_json(&gz_path, &[]);
    assert_eq!(a, b);
    let (_, batch, _) = batch_json(&gz_path);
    assert_eq!(batch, b);
    // Compressed standard input is undone too.
    let out = attache().args(["brief", "--format", "json"]).write_stdin(gz).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], a["title"]);
    // A file without a known extension is read by its content.
    let bare = dir.path().join("TALKS");
    std::fs::write(&bare, page(10)).unwrap();
    assert_eq!(crate::util::brief_json(&bare, &[])["bottom_line"], a["bottom_line"]);
    let (_, batch, _) = batch_json(&bare);
    assert_eq!(batch["id"], "TALKS");
}

#[test]
fn brief_reads_one_article_and_says_so_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.jsonl");
    let line = serde_json::json!({"id": "w-1", "text": "Envoys met in Geneva on Monday. They agreed to meet again next week."});
    std::fs::write(&one, format!("{line}\n")).unwrap();
    assert_eq!(crate::util::brief_json(&one, &[])["id"], "w-1");
    let two = dir.path().join("two.jsonl");
    std::fs::write(&two, format!("{line}\n{line}\n")).unwrap();
    let out = attache().arg("brief").arg(&two).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("two.jsonl: the input holds more than one article") && err.contains("attache batch"),
        "{err}"
    );
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let out = attache().arg("brief").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the input holds no article"));
    let out = attache().arg("brief").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a folder"));
}
