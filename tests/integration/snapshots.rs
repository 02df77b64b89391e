//! Every output format of one fixture article, pinned as insta snapshots.
//! After an intended change, review with `INSTA_UPDATE=always cargo test`
//! and `git diff tests/integration/snapshots`.

use crate::util::{attache, data};

fn render(format: &str) -> String {
    let out =
        attache().arg("brief").arg(data("snapshot-article.md")).args(["--format", format]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown() {
    insta::assert_snapshot!(render("md"));
}

#[test]
fn text() {
    insta::assert_snapshot!(render("txt"));
}

#[test]
fn html() {
    insta::assert_snapshot!(render("html"));
}

#[test]
fn json() {
    let v: serde_json::Value = serde_json::from_str(&render("json")).unwrap();
    insta::assert_json_snapshot!(v);
}
