//! Broken user templates are refused at load, once, with the template's
//! path and the user's spelling, before any article is read.

use crate::faults::{p, tree, wire};
use crate::util::attache;

fn theme(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_misspelt_field_is_one_template_error_not_one_per_article() {
    let t = theme(&[("brief.md.hbs", "# {{titel}}\n")]);
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("wire.jsonl");
    std::fs::write(&input, wire(50, 0)).unwrap();
    let out = work.path().join("md");
    let r = attache()
        .args(["batch", p(&input), "--format", "md", "--output", p(&out), "--templates", p(t.path())])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    let path = t.path().join("brief.md.hbs");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "attache: error: template {} cannot be rendered: line 1, column 3: `titel` is not a field of the data",
            path.display()
        )
    );
    assert!(!out.exists(), "nothing read, nothing written");
    assert_eq!(tree(work.path()), ["wire.jsonl"]);
}

#[test]
fn recursive_partials_are_refused_before_reading() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("wire.jsonl");
    std::fs::write(&input, wire(3, 0)).unwrap();
    let cases: [&[(&str, &str)]; 3] = [
        &[("brief.md.hbs", "{{> b}}"), ("b.hbs", "{{> brief.md}}")],
        &[("brief.md.hbs", "{{#*inline \"r\"}}again {{> r}}{{/inline}}{{> r}}")],
        &[("brief.md.hbs", "{{> (upper title)}}")],
    ];
    for files in cases {
        let t = theme(files);
        for args in [vec!["brief", p(&input)], vec!["batch", p(&input), "--format", "md", "--output", "x"]] {
            let r = attache()
                .current_dir(work.path())
                .args(&args)
                .arg("--templates")
                .arg(t.path())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&r.stderr);
            assert_eq!(r.status.code(), Some(2), "{files:?} {args:?}: {stderr}");
            assert!(
                stderr.contains(&t.path().display().to_string()) && stderr.contains("is refused"),
                "{stderr}"
            );
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(!work.path().join("x").exists());
        }
    }
}
