//! Every command reads through bounded readers (issue 13, items 8 and 9; the
//! id rule of issue 15): `brief` and `extract` on hostile inputs, FIFOs.

use std::time::{Duration, Instant};

use crate::util::attache;

const ARTICLE: &str = "Envoys agree to resume grain talks\n\nISTANBUL (Wire) — Negotiators from Turkey and Ukraine agreed on Thursday to resume grain talks next week, officials said.\nThe talks collapsed in July after a dispute over inspections of ships.";

#[test]
fn brief_refuses_endless_and_oversized_inputs_quickly() {
    let start = Instant::now();
    let out = attache().args(["brief", "/dev/zero"]).timeout(Duration::from_secs(60)).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/dev/zero") && err.contains("binary data"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(1_000_000)).unwrap();
    let out = attache().arg("brief").arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the article is 5000000 bytes, more than the limit of 4194304 bytes"), "{err}");
    // Standard input is bounded too: an endless stream of text stops at the limit.
    let out = attache()
        .arg("brief")
        .write_stdin("word ".repeat(900_000))
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than the limit"));
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn brief_ids_follow_batch() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("grain-talks.txt");
    std::fs::write(&txt, ARTICLE).unwrap();
    let declared = dir.path().join("declared.json");
    std::fs::write(&declared, serde_json::json!({"id": "w-17", "text": ARTICLE}).to_string()).unwrap();
    let out = attache().arg("brief").arg(&txt).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "grain-talks");
    let out = attache().arg("brief").arg(&declared).args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "w-17");
    // batch gives the same ids.
    let out = attache().args(["batch", "--quiet"]).arg(&txt).arg(&declared).output().unwrap();
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["grain-talks", "w-17"]);
}

#[test]
fn extract_reads_bounded_lines_and_goes_on_after_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"text\":\"Talks resumed in Geneva on Monday.\"}\n");
    data.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"caf\xe9 \xff\"}\n");
    data.extend_from_slice(
        format!("{{\"id\":\"huge\",\"text\":\"{}\"}}\n", "word ".repeat(1_000_000)).as_bytes(),
    );
    data.extend_from_slice(b"\n{\"id\":\"last\",\"text\":\"Envoys met in Rome.\"}\n");
    std::fs::write(&input, &data).unwrap();
    let out = attache().arg("extract").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "1", "no id: the line number");
    assert!(lines[0]["entities"].is_array());
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not valid UTF-8"), "{}", lines[1]);
    assert_eq!(lines[2]["id"], "huge");
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("more than the limit"), "{}", lines[2]);
    assert_eq!(lines[3]["id"], "last");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 input line(s) could not be read"));
}

#[cfg(unix)]
#[test]
fn fifos_in_folders_are_skipped_and_named_fifos_are_streams() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("a.txt"), ARTICLE).unwrap();
    let fifo = inputs.join("b.jsonl");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for cmd in ["batch", "parse"] {
        let out = attache()
            .arg(cmd)
            .arg(&inputs)
            .arg("--output")
            .arg(dir.path().join(format!("{cmd}.jsonl")))
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("skipping") && err.contains("b.jsonl") && err.contains("not a regular file"),
            "{err}"
        );
    }
    // Named on the command line, a FIFO is the user's stream: read it.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let line = serde_json::json!({"id": "f1", "text": ARTICLE}).to_string() + "\n";
            std::fs::write(fifo, line).unwrap();
        })
    };
    let out = attache().arg("parse").arg(&fifo).timeout(Duration::from_secs(60)).output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "f1");
}
