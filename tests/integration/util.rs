use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `attache` binary under test.
pub(crate) fn attache() -> Command {
    Command::cargo_bin("attache").expect("binary built")
}

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A bundled example article.
pub(crate) fn example(name: &str) -> PathBuf {
    root().join("examples/articles").join(name)
}

/// A test fixture under `tests/data`.
pub(crate) fn data(name: &str) -> PathBuf {
    root().join("tests/data").join(name)
}

/// All bundled example articles.
pub(crate) fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// Run `attache brief FILE --format json` and parse the output.
pub(crate) fn brief_json(path: &Path, extra: &[&str]) -> serde_json::Value {
    let out = attache().arg("brief").arg(path).args(["--format", "json"]).args(extra).output().unwrap();
    assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
