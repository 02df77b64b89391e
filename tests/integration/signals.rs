//! Interrupted runs leave a consistent prefix on disk: every input line up
//! to some record has exactly one briefing or one error record, whether the
//! run got SIGINT, SIGTERM (finish the chunk, summary, exit 130 / 143) or
//! SIGKILL. After SIGINT and SIGTERM the files end on a whole line. SIGKILL
//! can cut the write the process is in (Linux stops a write to a regular
//! file between pages when a fatal signal is pending), so only there may the
//! last line be partial; the whole lines before it are the prefix.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::faults::{lines, p, wire};

const RECORDS: usize = 20_000;

fn start(dir: &Path) -> Child {
    let input = dir.join("wire.jsonl");
    std::fs::write(&input, wire(RECORDS, 7)).unwrap();
    Command::new(assert_cmd::cargo::cargo_bin("attache"))
        .args(["batch", p(&input), "--jobs", "1", "--output", p(&dir.join("out.jsonl"))])
        .args(["--errors", p(&dir.join("err.jsonl"))])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait until the run has written some briefings.
fn wait_for_output(dir: &Path) {
    let started = Instant::now();
    while std::fs::metadata(dir.join("out.jsonl")).map_or(0, |m| m.len()) == 0 {
        assert!(started.elapsed() < Duration::from_secs(120), "no output");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(child: &Child, name: &str) {
    let ok = Command::new("kill").args([&format!("-{name}"), &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
}

/// The text up to its last newline: what a reader of JSON Lines takes from
/// a file whose last write was cut.
fn whole_lines(text: &str) -> &str {
    text.rfind('\n').map_or("", |k| &text[..=k])
}

/// The input lines briefed and failed, checked to be one record each and,
/// together, the lines `1..=n`; unless `cut_ok`, each file must end on a whole
/// line. Returns (briefed, failed).
fn consistent_prefix(dir: &Path, cut_ok: bool) -> (usize, usize) {
    let out = String::from_utf8_lossy(&std::fs::read(dir.join("out.jsonl")).unwrap()).into_owned();
    let err = String::from_utf8_lossy(&std::fs::read(dir.join("err.jsonl")).unwrap()).into_owned();
    for (name, text) in [("output", &out), ("errors", &err)] {
        assert!(cut_ok || text.is_empty() || text.ends_with('\n'), "the {name} file ends on a whole line");
    }
    let (out, err) = (whole_lines(&out), whole_lines(&err));
    let line_of = |v: &serde_json::Value| v["input"]["line"].as_u64().unwrap() as usize;
    let briefed: Vec<usize> = lines(out).iter().map(line_of).collect();
    let failed: Vec<usize> = lines(err).iter().map(line_of).collect();
    assert!(failed.iter().all(|l| l % 7 == 0), "only the broken lines failed");
    assert!(briefed.iter().all(|l| l % 7 != 0));
    let mut all: Vec<usize> = briefed.iter().chain(&failed).copied().collect();
    all.sort_unstable();
    let n = all.len();
    assert_eq!(all, (1..=n).collect::<Vec<_>>(), "a prefix, each record once");
    assert!(n < RECORDS, "the run was interrupted before the end");
    (briefed.len(), failed.len())
}

fn interrupted(name: &str, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let child = start(dir.path());
    wait_for_output(dir.path());
    signal(&child, name);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    let (briefed, failed) = consistent_prefix(dir.path(), false);
    let summary = stderr.lines().last().unwrap();
    let counts = format!("read {}, briefed {briefed}, failed {failed}", briefed + failed);
    assert!(summary.contains(&counts), "{summary} vs {counts}");
    assert!(summary.contains(&format!("interrupted by SIG{name}")), "{summary}");
}

#[test]
fn sigint_finishes_the_chunk_and_exits_130() {
    interrupted("INT", 130);
}

#[test]
fn sigterm_finishes_the_chunk_and_exits_143() {
    interrupted("TERM", 143);
}

#[test]
fn sigkill_leaves_a_consistent_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = start(dir.path());
    wait_for_output(dir.path());
    std::thread::sleep(Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();
    let (briefed, failed) = consistent_prefix(dir.path(), true);
    assert!(briefed > 0 && failed > 0, "{briefed} {failed}");
}
