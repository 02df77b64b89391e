//! The samples the README runs on a fresh clone: saved pages, a WARC crawl and
//! JSON Lines (plain and gzip), all written for this project.

use crate::util::{attache, root};

fn batch_json(inputs: &[&str]) -> (Vec<serde_json::Value>, String) {
    let out = attache().arg("batch").args(inputs).current_dir(root()).output().unwrap();
    assert!(out.status.success(), "{inputs:?}: {}", String::from_utf8_lossy(&out.stderr));
    let lines = String::from_utf8(out.stdout).unwrap();
    let v = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (v, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_sample_crawl_holds_two_articles_and_five_other_records() {
    let (briefs, err) = batch_json(&["examples/archives/sample.warc.gz"]);
    assert_eq!(briefs.len(), 2);
    assert!(err.contains("read 2, briefed 2, failed 0, skipped 5 non-article WARC records"), "{err}");
    let urls: Vec<&str> = briefs.iter().map(|b| b["url"].as_str().unwrap()).collect();
    assert!(urls[0].contains("nile-dam-talks") && urls[1].contains("serbia-kosovo"), "{urls:?}");
    for b in &briefs {
        assert!(b["key_points"].as_array().unwrap().len() >= 3, "{b}");
        assert!(!b["quotes"].as_array().unwrap().is_empty(), "{b}");
    }
}

#[test]
fn the_crawl_and_the_saved_pages_give_the_same_briefings() {
    let (crawl, _) = batch_json(&["examples/archives/sample.warc.gz"]);
    let (pages, _) = batch_json(&["examples/pages"]);
    assert_eq!(pages.len(), 2);
    let key = |b: &serde_json::Value| (b["title"].clone(), b["key_points"].clone(), b["published"].clone());
    // Pages are read in name order (balkan…, nile…), the crawl in record order.
    assert_eq!(key(&crawl[0]), key(&pages[1]));
    assert_eq!(key(&crawl[1]), key(&pages[0]));
}

#[test]
fn plain_and_gzip_json_lines_agree() {
    let (plain, _) = batch_json(&["examples/archives/wire.jsonl"]);
    let (gz, _) = batch_json(&["examples/archives/wire.jsonl.gz"]);
    assert_eq!(plain.len(), 3);
    for (a, b) in plain.iter().zip(&gz) {
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["key_points"], b["key_points"]);
    }
}

#[test]
fn the_generator_script_reproduces_the_committed_samples() {
    if std::process::Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: no python3");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("examples");
    for sub in ["archives", "pages"] {
        std::fs::create_dir_all(copy.join(sub)).unwrap();
        for e in std::fs::read_dir(root().join("examples").join(sub)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, copy.join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    let status =
        std::process::Command::new("python3").arg(copy.join("archives/make-samples.py")).status().unwrap();
    assert!(status.success());
    for f in ["sample.warc.gz", "wire.jsonl.gz"] {
        let committed = std::fs::read(root().join("examples/archives").join(f)).unwrap();
        let made = std::fs::read(copy.join("archives").join(f)).unwrap();
        assert!(committed == made, "{f} differs from what make-samples.py writes: run it and commit");
    }
}

#[test]
fn html_pages_print_their_date_as_a_day_and_quotes_end_one_way() {
    for page in ["examples/pages/nile-dam-talks.html", "examples/pages/balkan-border-crossings.html"] {
        for format in ["md", "txt", "html"] {
            let out =
                attache().args(["brief", page, "--format", format]).current_dir(root()).output().unwrap();
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(!text.contains("T09:30") && !text.contains("T18:05"), "{page} {format}: a timestamp");
        }
        let out = attache().args(["brief", page, "--format", "json"]).current_dir(root()).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // The JSON keeps the date as the page declared it.
        assert!(v["published"].as_str().unwrap().contains('T'), "{v}");
        for q in v["quotes"].as_array().unwrap() {
            let t = q["text"].as_str().unwrap();
            assert!(!t.ends_with(['.', ',', ';', ':']), "{page}: quote ends with punctuation: {t:?}");
        }
    }
}
