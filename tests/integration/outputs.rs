//! Output paths that would destroy an input or another output are refused
//! before anything is touched; files in an output folder never follow a link
//! or replace a file the run did not create; the small output traps.

use std::path::Path;

use crate::faults::{lines, p, tree, wire};
use crate::util::attache;

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = attache().args(args).output().unwrap();
    Run { code: out.status.code(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

#[test]
fn an_output_that_is_an_input_is_refused_and_nothing_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = d.join("x.jsonl");
    let data = wire(5, 0);
    std::fs::write(&input, &data).unwrap();
    std::fs::hard_link(&input, d.join("hard.jsonl")).unwrap();
    std::os::unix::fs::symlink(&input, d.join("soft.jsonl")).unwrap();
    std::fs::create_dir(d.join("in")).unwrap();
    std::fs::write(d.join("in/a.jsonl"), wire(2, 0)).unwrap();
    let before = tree(d);
    let x = p(&input);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["batch", x, "--output", x], "--output"),
        (vec!["batch", x, "--output", "./x.jsonl"], "--output"),
        (vec!["batch", x, "--output", "hard.jsonl"], "--output"),
        (vec!["batch", x, "--output", "soft.jsonl"], "--output"),
        (vec!["batch", x, "--output", "o.jsonl", "--errors", x], "--errors"),
        (vec!["batch", x, "--output", "o.jsonl", "--errors", "o.jsonl"], "the same file"),
        (vec!["batch", "in", "--output", "in/out.jsonl"], "inside the input folder"),
        (vec!["batch", "in", "--format", "md", "--output", "in/briefs"], "inside the input folder"),
        (vec!["batch", "in/a.jsonl", "--format", "md", "--output", "in"], "inside the output folder"),
        (vec!["parse", x, "--output", "hard.jsonl"], "--output"),
    ];
    for (args, says) in cases {
        let out = attache().current_dir(d).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), data, "{args:?} touched the input");
        assert_eq!(tree(d), before, "{args:?} created or removed files");
    }
    // `-` is standard output, never a clash.
    let out = attache().current_dir(d).args(["batch", x, "--output", "-", "--errors", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&String::from_utf8(out.stdout).unwrap()).len(), 5);
}

#[test]
fn a_planted_link_is_never_followed_and_existing_files_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = d.join("wire.jsonl");
    std::fs::write(&input, wire(3, 0)).unwrap();
    let victim = d.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink("../victim.txt", out.join("story-1.md")).unwrap();
    std::os::unix::fs::symlink("../nowhere.txt", out.join("story-0.md")).unwrap(); // dangling
    std::fs::write(out.join("story-2.md"), "theirs").unwrap();

    let r = run(&["batch", p(&input), "--format", "md", "--output", p(&out)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("read 3, briefed 3, failed 0"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!d.join("nowhere.txt").exists());
    assert_eq!(std::fs::read_to_string(out.join("story-2.md")).unwrap(), "theirs");
    assert_eq!(
        tree(&out),
        ["story-0-2.md", "story-0.md", "story-1-2.md", "story-1.md", "story-2-2.md", "story-2.md"]
    );
    assert!(std::fs::read_to_string(out.join("story-1-2.md")).unwrap().starts_with("# Talks on the border"));
    // Nothing outside the folder but the errors file beside it.
    let mut expected =
        vec!["out".to_string(), "out.errors.jsonl".into(), "victim.txt".into(), "wire.jsonl".into()];
    expected.extend(tree(&out).iter().map(|f| format!("out/{f}")));
    expected.sort();
    assert_eq!(tree(d), expected);

    // A second run into the same folder keeps the first run's files too.
    let r = run(&["batch", p(&input), "--format", "md", "--output", p(&out), "--quiet"]);
    assert_eq!(r.code, Some(0));
    assert!(out.join("story-2-3.md").exists());

    // --force replaces existing files; a link is removed, never followed.
    let r = run(&["batch", p(&input), "--format", "md", "--output", p(&out), "--force", "--quiet"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    for f in ["story-0.md", "story-1.md", "story-2.md"] {
        let path = out.join(f);
        assert!(path.symlink_metadata().unwrap().file_type().is_file(), "{f}");
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("# Talks on the border"), "{f}");
    }
}

#[test]
fn small_output_traps() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = d.join("wire.jsonl");
    std::fs::write(&input, wire(4, 2)).unwrap();

    // `--format md --output -`: refused, no folder named `-`.
    let out = attache()
        .current_dir(d)
        .args(["batch", p(&input), "--format", "md", "--output", "-"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("--format md") && stderr.contains("standard output"), "{stderr}");
    assert!(!stderr.contains("Md"), "the user's spelling: {stderr}");
    assert!(!d.join("-").exists());
    let r = run(&["batch", p(&input), "--format", "txt"]);
    assert!(r.stderr.contains("--format txt writes one file per article"), "{}", r.stderr);

    // `--output dir/`: the errors file goes beside the folder.
    let out = attache()
        .current_dir(d)
        .args(["batch", p(&input), "--format", "md", "--output", "briefs/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(tree(&d.join("briefs")), ["story-0.md", "story-2.md"]);
    assert_eq!(lines(&std::fs::read_to_string(d.join("briefs.errors.jsonl")).unwrap()).len(), 2);

    // A refused `templates export` writes nothing.
    let t = d.join("tpl");
    std::fs::create_dir(&t).unwrap();
    std::fs::write(t.join("page.css.hbs"), "mine").unwrap();
    let r = run(&["templates", "export", p(&t)]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("page.css.hbs already exists"), "{}", r.stderr);
    assert_eq!(tree(&t), ["page.css.hbs"]);
    assert_eq!(std::fs::read_to_string(t.join("page.css.hbs")).unwrap(), "mine");
    let r = run(&["templates", "export", p(&t), "--force"]);
    assert_eq!(r.code, Some(0));
    assert_eq!(tree(&t).len(), 7);
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn only_web_links_and_no_markdown_injection_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "GENEVA (Wire) — Negotiators met on Monday to discuss a ceasefire, officials said.\nThe two sides agreed to set up a working group, according to a statement.";
    let arts = [
        serde_json::json!({"id": "js", "url": " JavaScript:alert(1) ", "title": "[Win](javascript:alert(2)) <script>alert(3)</script>", "text": text}),
        serde_json::json!({"id": "data", "url": "DATA:text/html,<script>alert(1)</script>", "title": "T", "text": text}),
        serde_json::json!({"id": "web", "url": "  https://example.org/a  ", "title": "T", "text": text}),
    ];
    write(d, "w.jsonl", &arts.iter().map(|a| a.to_string() + "\n").collect::<String>());
    let html = d.join("html");
    let r = run(&["batch", p(&d.join("w.jsonl")), "--format", "html", "--output", p(&html), "--quiet"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for id in ["js", "data"] {
        let page = std::fs::read_to_string(html.join(format!("{id}.html"))).unwrap().to_lowercase();
        assert!(
            !page.contains("href=\"javascript")
                && !page.contains("href=\"data")
                && !page.contains("href=\" "),
            "{id}"
        );
        assert!(!page.contains("<script>"), "{id}");
    }
    let page = std::fs::read_to_string(html.join("web.html")).unwrap();
    assert!(page.contains("<a href=\"https://example.org/a\">"), "{page}");
    let md = d.join("md");
    let r = run(&["batch", p(&d.join("w.jsonl")), "--format", "md", "--output", p(&md), "--quiet"]);
    assert_eq!(r.code, Some(0));
    let js = std::fs::read_to_string(md.join("js.md")).unwrap();
    assert!(js.starts_with("# \\[Win\\](javascript:alert(2)) \\<script\\>alert(3)\\</script\\>\n"), "{js}");
    assert!(!js.contains("<JavaScript") && !js.contains("<javascript"), "{js}");
    assert!(std::fs::read_to_string(md.join("web.md")).unwrap().contains(" <https://example.org/a>"));

    // An HTML page whose canonical link is a script: shown as text in the daily page too.
    write(
        d,
        "page.html",
        &format!(
            "<html><head><title>Border talks resume</title><link rel=\"canonical\" href=\"  jAvAsCrIpT:alert(1)\"></head><body><article><h1>Border talks resume</h1><p>{}</p></article></body></html>",
            text.replace('\n', "</p><p>")
        ),
    );
    let out = attache().args(["brief", p(&d.join("page.html")), "--format", "html"]).output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert_eq!(out.status.code(), Some(0));
    assert!(!page.contains("href=\"javascript") && !page.contains("href=\"  javascript"), "{page}");
    let out = attache()
        .args(["daily", p(&d.join("w.jsonl")), p(&d.join("page.html")), "--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(
        !page.contains("href=\"javascript") && !page.contains("href=\"data") && !page.contains("href=\" "),
        "{page}"
    );
    assert!(page.contains("href=\"https://example.org/a\""), "{page}");
}
