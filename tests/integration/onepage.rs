//! One printed page, checked the way a reader would: headless Chromium
//! prints the HTML to PDF and we count the pages.
//!
//! Needs Chromium (Debian package `chromium`). `.ci/run` installs it and sets
//! `ATTACHE_REQUIRE_CHROMIUM=1`, which turns a missing browser into a
//! failure; elsewhere these tests say they were skipped and return.

use std::path::PathBuf;

use crate::util::{attache, data, examples};

fn chromium_or_skip(test: &str) -> bool {
    if attache::pdf::find_chromium().is_some() {
        return true;
    }
    assert!(
        std::env::var_os("ATTACHE_REQUIRE_CHROMIUM").is_none(),
        "{test}: Chromium is required (ATTACHE_REQUIRE_CHROMIUM is set) but was not found"
    );
    eprintln!("{test}: skipped, no Chromium on this machine");
    false
}

fn pages(pdf: &[u8]) -> usize {
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    attache::pdf::page_count(pdf).expect("page objects")
}

/// Pages of the HTML that `attache ARGS --format html` writes, printed as
/// is by Chromium (no retry: `--format pdf` shrinks an overflowing page and
/// prints again, which would hide an overflow here).
fn html_pages(args: &[&std::ffi::OsStr], paper: &str) -> usize {
    let out = attache().args(args).args(["--format", "html", "--paper", paper]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    pages(&attache::pdf::html_to_pdf(&html).unwrap())
}

/// A long article (over 1,100 words, many people, quotes and dates) made by
/// joining the bundled examples, so the page budget is really tested.
fn long_article(dir: &std::path::Path) -> PathBuf {
    let mut body = String::new();
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let a = attache::input::read_article(path.file_name().unwrap().to_str(), &bytes).unwrap();
        body.push_str(&a.body_text());
        body.push_str("\n\n");
    }
    let path = dir.join("long.txt");
    std::fs::write(
        &path,
        format!(
            "Date: 2026-11-26\nSource: Test Wire\n\nA long day of diplomacy on three continents\n\n{body}"
        ),
    )
    .unwrap();
    assert!(body.split_whitespace().count() > 1000);
    path
}

#[test]
fn every_example_briefing_prints_on_one_page() {
    if !chromium_or_skip("every_example_briefing_prints_on_one_page") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut paths = examples();
    paths.push(data("arctic-page.html"));
    paths.push(long_article(dir.path()));
    for path in paths {
        for paper in ["a4", "letter"] {
            let n = html_pages(&["brief".as_ref(), path.as_os_str()], paper);
            assert_eq!(n, 1, "{} on {paper}", path.display());
        }
    }
    // --format pdf writes that page as a PDF.
    let out = attache().arg("brief").arg(&examples()[0]).args(["--format", "pdf"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(pages(&out.stdout), 1);
}

/// A 40-article day built from the fixtures, each article also sent by
/// other outlets under other ids, as wire copy is.
fn forty_articles() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut base: Vec<serde_json::Value> = std::fs::read_to_string(data("day.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let a = attache::input::read_article(path.file_name().unwrap().to_str(), &bytes).unwrap();
        base.push(serde_json::json!({
            "id": path.file_stem().unwrap().to_str().unwrap(),
            "title": a.title, "text": a.body_text(), "published": "2026-11-25", "source": a.source,
        }));
    }
    let outlets =
        ["Harbour Times", "Sahel Monitor", "Meridian Wire", "Continental Post", "Northbridge Dispatch"];
    let mut lines = String::new();
    for i in 0..40 {
        let mut a = base[i % base.len()].clone();
        if i >= base.len() {
            a["id"] = format!("{}-{}", a["id"].as_str().unwrap(), i).into();
            a["source"] = outlets[i % outlets.len()].into();
        }
        lines.push_str(&a.to_string());
        lines.push('\n');
    }
    let path = dir.path().join("forty.jsonl");
    std::fs::write(&path, lines).unwrap();
    (dir, path)
}

#[test]
fn a_daily_briefing_prints_on_one_page_for_2_or_40_articles() {
    if !chromium_or_skip("a_daily_briefing_prints_on_one_page_for_2_or_40_articles") {
        return;
    }
    let two = data("day.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let two_path = dir.path().join("two.jsonl");
    let text = std::fs::read_to_string(&two).unwrap();
    std::fs::write(&two_path, text.lines().take(2).collect::<Vec<_>>().join("\n")).unwrap();
    let (_keep, forty) = forty_articles();
    for (label, path) in [("2 articles", &two_path), ("40 articles", &forty)] {
        for paper in ["a4", "letter"] {
            assert_eq!(html_pages(&["daily".as_ref(), path.as_os_str()], paper), 1, "{label} on {paper}");
        }
        let out = attache().arg("daily").arg(path).args(["--format", "pdf"]).output().unwrap();
        assert!(out.status.success(), "{label}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(pages(&out.stdout), 1, "{label} as PDF");
    }
    // The 40-article day really has many stories and sources on the page.
    let out = attache().arg("daily").arg(&forty).args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stats"]["articles"], 40);
    assert!(v["stories"].as_array().unwrap().len() >= 5, "{}", v["stats"]);
}

/// A 40-article day fills at least 85% of the printed page: a blank block
/// of 15% of the printable height added after the page's content pushes it
/// onto a second page (and without it the page is one page, tested above).
#[test]
fn a_forty_article_day_fills_most_of_the_page() {
    if !chromium_or_skip("a_forty_article_day_fills_most_of_the_page") {
        return;
    }
    let (_keep, forty) = forty_articles();
    // Printable height: paper height less the 12 mm top and bottom margins of page.css.
    for (paper, printable_mm) in [("a4", 297.0 - 24.0), ("letter", 279.4 - 24.0)] {
        let out =
            attache().arg("daily").arg(&forty).args(["--format", "html", "--paper", paper]).output().unwrap();
        assert!(out.status.success());
        let html = String::from_utf8(out.stdout).unwrap();
        let spacer = format!("<div style=\"height: {:.1}mm\"></div></body>", printable_mm * 0.15);
        let padded = html.replacen("</body>", &spacer, 1);
        assert_ne!(padded, html);
        let n = pages(&attache::pdf::html_to_pdf(&padded).unwrap());
        assert_eq!(n, 2, "on {paper} the 40-article day leaves more than 15% of the page empty");
    }
}
