//! The fixture corpus of the component benchmarks: the example articles and
//! the article lines of the test data, all written for this project (no
//! evaluation data), read once before timing. Each benchmark uses only some
//! of these helpers.
#![allow(dead_code)]

use attache_parse::Article;

/// JSON Lines files of `tests/data` whose lines are article objects.
const JSONL: &[&str] = &["day.jsonl", "since-day1.jsonl", "since-day2.jsonl", "rouge-set.jsonl"];

/// Every article line of the JSON Lines fixtures, as read from disk.
pub(crate) fn json_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    JSONL
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
            text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect::<Vec<_>>()
        })
        .collect()
}

/// The example articles (`examples/articles`) and every article line of the
/// JSON Lines fixtures, read.
pub(crate) fn articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut out: Vec<Article> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            match p.extension().and_then(|e| e.to_str()) {
                Some("json") => attache_parse::read_json(&text).unwrap(),
                _ => attache_parse::read_text(&text).unwrap(),
            }
        })
        .collect();
    out.extend(json_lines().iter().map(|l| attache_parse::read_json(l).unwrap()));
    out
}

/// [`articles`], segmented.
pub(crate) fn documents() -> Vec<attache_parse::Document> {
    articles().into_iter().map(attache_parse::Document::new).collect()
}
