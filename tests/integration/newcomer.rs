//! What a newcomer meets first: completions and the man page, messages that
//! read well, one rule for output folders, and the terminal guards.

use std::path::Path;
use std::process::Command as Process;

use predicates::prelude::*;

use crate::util::{attache, example, root};

fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = attache().args(args).current_dir(root()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn completions_cover_every_shell_and_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish", "Bash"] {
        let out = attache().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["attache", "batch", "daily", "extract", "completions", "paper", "templates"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    attache().args(["completions", "tcsh"]).assert().code(2).stderr(predicate::str::contains("bash"));
}

#[test]
fn bash_completion_script_is_valid_bash() {
    if Process::new("bash").arg("--version").output().is_err() {
        eprintln!("skipping: no bash");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.bash");
    let out = attache().args(["completions", "bash"]).output().unwrap();
    std::fs::write(&path, out.stdout).unwrap();
    // Sourcing it defines the completion function and registers it.
    let check = Process::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p attache", path.display()))
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("attache"));
}

#[test]
fn man_page_documents_every_subcommand_and_option() {
    let out = attache().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains(".TH attache 1"));
    for section in [
        "BRIEF",
        "DAILY",
        "BATCH",
        "PARSE",
        "EVAL NER",
        "EVAL ROUGE",
        "EXTRACT",
        "TEMPLATES EXPORT",
        "COMPLETIONS",
    ] {
        assert!(page.contains(&format!(".SH \"ATTACHE {section}\"")), "no section for {section}");
    }
    for option in ["paper", "templates", "errors", "jobs", "points", "words"] {
        assert!(page.contains(&format!("\\-\\-{option}")), "man page lacks --{option}");
    }
    // Saved HTML pages are documented as input of `brief`.
    assert!(page.contains("html"));
}

#[test]
fn a_missing_input_names_the_os_error_once() {
    let article = example("un-sudan-vote.md");
    let article = article.to_str().unwrap();
    for args in [
        vec!["batch", "/nonexistent/wire.jsonl"],
        vec!["parse", "/nonexistent/page.html"],
        vec!["daily", "/nonexistent/day.jsonl"],
        vec!["brief", article, "--templates", "/nonexistent/theme"],
        vec!["eval", "ner", "/nonexistent/ner.jsonl"],
    ] {
        let (code, err) = stderr_of(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err.matches("No such file or directory").count(), 1, "{args:?}: {err}");
        assert!(err.contains("/nonexistent/"), "{args:?}: {err}");
    }
}

#[test]
fn a_wrong_evaluation_file_gives_the_json_error_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-ner.jsonl");
    std::fs::write(&path, "{\"text\": \"no entities here\"}\n").unwrap();
    let (code, err) = stderr_of(&["eval", "ner", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(err.matches("missing field").count(), 1, "{err}");
}

#[test]
fn value_names_are_case_insensitive_and_messages_use_them() {
    let article = example("un-sudan-vote.md");
    for args in [["--paper", "A4"], ["--paper", "Letter"], ["--format", "HTML"], ["--format", "Md"]] {
        attache().arg("brief").arg(&article).args(args).assert().success();
    }
    let (code, err) = stderr_of(&["batch", "examples/articles", "--format", "MD"]);
    assert_eq!(code, 2);
    assert!(err.contains("--format md writes one file per article"), "{err}");
    assert!(!err.contains("Md"), "{err}");
}

fn assert_written(path: &Path) {
    let meta = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(meta.len() > 0, "{} is empty", path.display());
}

#[test]
fn every_output_file_gets_its_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let article = example("un-sudan-vote.md");
    let brief = dir.path().join("a/b/brief.md");
    attache().arg("brief").arg(&article).arg("--output").arg(&brief).assert().success();
    assert_written(&brief);
    let batch = dir.path().join("c/d/briefs.jsonl");
    attache().arg("batch").arg(&article).arg("--quiet").arg("--output").arg(&batch).assert().success();
    assert_written(&batch);
    let parsed = dir.path().join("e/f/parsed.jsonl");
    attache().arg("parse").arg(&article).arg("--output").arg(&parsed).assert().success();
    assert_written(&parsed);
    let daily = dir.path().join("g/h/day.md");
    attache().arg("daily").arg(&article).arg("--output").arg(&daily).assert().success();
    assert_written(&daily);
    let spans = dir.path().join("i/j/spans.jsonl");
    attache()
        .arg("extract")
        .arg("--output")
        .arg(&spans)
        .write_stdin("{\"id\":1,\"text\":\"Envoys met in Geneva on Monday.\"}\n")
        .assert()
        .success();
    assert_written(&spans);
    // `-` is standard output for `brief` as for `batch` and `parse`.
    attache()
        .arg("brief")
        .arg(&article)
        .args(["--output", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# UN Security Council approves ceasefire monitors"));
}

/// `script` (util-linux) runs a command on a pseudo-terminal; the tests of the
/// terminal path need it and say so when it is missing.
fn script_available() -> bool {
    Process::new("script").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("attache").display().to_string()
}

#[test]
fn pdf_is_refused_on_a_terminal_with_a_hint() {
    if !script_available() {
        eprintln!("skipping the terminal half: `script` (util-linux) is not installed");
    } else {
        let cmd = format!("{} brief {} --format pdf", bin(), example("un-sudan-vote.md").display());
        let out = Process::new("script").args(["-qec", &cmd, "/dev/null"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("--output") && text.contains("terminal"), "{text}");
        assert!(!text.contains("%PDF"), "{text}");
    }
    // Not a terminal: no refusal (the PDF is printed, or Chromium is reported missing).
    let out =
        attache().arg("brief").arg(example("un-sudan-vote.md")).args(["--format", "pdf"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("terminal"), "{err}");
    assert!(out.status.success() || err.to_lowercase().contains("chromium"), "{err}");
}

#[test]
fn reading_a_typed_article_is_announced_on_a_terminal_only() {
    let article = "Talks resume\n\nGENEVA (Wire) — Envoys agreed on Monday to resume talks next week.\n";
    // From a pipe: nothing but the briefing, no notice.
    let out = attache().args(["brief", "--format", "json"]).write_stdin(article).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    if !script_available() {
        eprintln!("skipping the terminal half: `script` (util-linux) is not installed");
        return;
    }
    // On a terminal: the notice, then the briefing once Ctrl-D ends the input.
    let mut child = Process::new("script")
        .args(["-qec", &format!("{} brief --format json", bin()), "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(article.as_bytes()).unwrap();
        stdin.write_all(b"\x04").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("reading an article from standard input") && text.contains("Ctrl-D"), "{text}");
    assert!(text.contains("\"title\": \"Talks resume\""), "{text}");
}
