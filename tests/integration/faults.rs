//! Faults inside one record stay that record's: a panic in one article's
//! work is its error record and the run goes on; `--jobs` is capped; a closed
//! standard error does not crash a run. Also the generator the output and
//! signal tests share.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::attache;

/// A short wire story, different for every `n`.
pub(crate) fn article(n: usize) -> String {
    serde_json::json!({
        "id": format!("story-{n}"),
        "title": format!("Talks on the border resume, round {n}"),
        "source": "Example Wire",
        "text": format!(
            "GENEVA (Wire) — Negotiators met on Monday to discuss a ceasefire, officials said, in round {n} of talks this year.\n\
             The two sides agreed to set up a working group with monitors, according to a statement issued after the meeting.\n\
             Diplomats said a draft text could be ready by the end of the month if both capitals approve it."
        ),
    })
    .to_string()
}

/// JSON Lines of `count` articles; every `fail_every`-th line (1-based) is
/// broken JSON instead, so it gives an error record.
pub(crate) fn wire(count: usize, fail_every: usize) -> String {
    let mut s = String::new();
    for n in 0..count {
        if fail_every > 0 && (n + 1) % fail_every == 0 {
            s.push_str(&format!("{{\"id\":\"broken-{n}\",\"text\":\n"));
        } else {
            s.push_str(&article(n));
            s.push('\n');
        }
    }
    s
}

pub(crate) fn lines(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

pub(crate) fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The files under `dir`, relative, sorted.
pub(crate) fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.symlink_metadata().unwrap().is_dir() {
                stack.push(path.clone());
            }
            out.push(path.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

#[test]
fn a_panic_in_one_record_is_its_error_record_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wire.jsonl");
    std::fs::write(&input, wire(10, 0)).unwrap();
    let out = dir.path().join("out.jsonl");
    let r = attache()
        .args(["batch", p(&input), "--output", p(&out), "--jobs", "2"])
        .env("ATTACHE_TEST_PANIC_ON_ID", "story-3")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("read 10, briefed 9, failed 1"), "{stderr}");
    assert!(!stderr.contains("panicked at"), "the panic is reported once, as an error record: {stderr}");
    let briefs = lines(&std::fs::read_to_string(&out).unwrap());
    let ids: Vec<&str> = briefs.iter().map(|b| b["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = (0..10).filter(|&n| n != 3).map(|n| format!("story-{n}")).collect();
    assert_eq!(ids, expected);
    let errors = lines(&std::fs::read_to_string(dir.path().join("out.jsonl.errors.jsonl")).unwrap());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["id"], "story-3");
    assert_eq!(errors[0]["input"]["line"], 4);
    assert_eq!(errors[0]["input"]["file"], p(&input));
    let msg = errors[0]["error"].as_str().unwrap();
    assert!(msg.starts_with("internal error while briefing this record"), "{msg}");

    // The same in a folder of files, and in `daily`.
    let folder = dir.path().join("md");
    let r = attache()
        .args(["batch", p(&input), "--format", "md", "--output", p(&folder), "--quiet"])
        .env("ATTACHE_TEST_PANIC_ON_ID", "story-0")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(tree(&folder).len(), 9);
    assert!(!folder.join("story-0.md").exists());
    let r = attache().args(["daily", p(&input)]).env("ATTACHE_TEST_PANIC_ON_ID", "story-5").output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("skipped") && stderr.contains("internal error"), "{stderr}");
    assert!(String::from_utf8_lossy(&r.stdout).contains("# Daily briefing"));
}

#[test]
fn an_absurd_jobs_count_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wire.jsonl");
    std::fs::write(&input, wire(3, 0)).unwrap();
    let started = std::time::Instant::now();
    let r = attache().args(["batch", p(&input), "--jobs", "1000000000000"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("--jobs 1000000000000 is more than"), "{stderr}");
    assert_eq!(lines(&String::from_utf8(r.stdout).unwrap()).len(), 3);
    assert!(started.elapsed().as_secs() < 60);
    let r = attache().args(["daily", p(&input), "--jobs", "1000000000000"]).output().unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
}

/// Error records and the summary go to a standard error whose reader has
/// gone: the run carries on and ends with its usual exit code, no panic.
#[test]
fn a_closed_standard_error_does_not_crash_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wire.jsonl");
    std::fs::write(&input, wire(40, 4)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("attache");
    let mut child = Command::new(&bin)
        .args(["batch", p(&input), "--jobs", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // nobody reads standard error any more
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "failed records, not a panic (101)");
    assert_eq!(lines(&String::from_utf8(out.stdout).unwrap()).len(), 30);

    // `brief` on a bad article, and a run that cannot start, likewise.
    let bad = dir.path().join("empty.json");
    std::fs::write(&bad, "{\"text\":\"\"}").unwrap();
    for args in [vec!["brief", p(&bad)], vec!["batch", "/no/such/input.jsonl"]] {
        let mut child =
            Command::new(&bin).args(&args).stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
        drop(child.stderr.take());
        let code = child.wait().unwrap().code();
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {code:?}");
    }
}
