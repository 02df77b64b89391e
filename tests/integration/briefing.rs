//! The briefings of the bundled example articles make sense: the checks a
//! desk officer would make by eye, on every article in `examples/articles`.

use crate::util::{brief_json, examples};
use serde_json::Value;

fn sentences_of(path: &std::path::Path) -> (attache_parse::Document, Vec<String>) {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_str();
    let doc = attache_parse::Document::new(attache::input::read_article(name, &bytes).unwrap());
    let s = (0..doc.sentences.len()).map(|i| doc.sentence_text(i).to_string()).collect();
    (doc, s)
}

#[test]
fn example_briefings_are_sensible() {
    let paths = examples();
    assert!(paths.len() >= 3, "at least three example articles");
    for path in paths {
        let name = path.display().to_string();
        let v = brief_json(&path, &[]);
        let (doc, sentences) = sentences_of(&path);

        // Headline detected.
        let title = v["title"].as_str().unwrap_or_else(|| panic!("{name}: no headline"));
        assert!(title.split_whitespace().count() >= 5, "{name}: {title}");

        // Subheads are never sentences.
        for b in doc.article.blocks.iter().filter(|b| b.kind == attache_parse::BlockKind::Subhead) {
            assert!(
                !sentences.iter().any(|s| s.contains(&b.text)),
                "{name}: subhead {:?} used as a sentence",
                b.text
            );
        }

        // Bottom line from the lead.
        let bottom = &v["bottom_line"][0];
        assert!(bottom["sentence"].as_u64().unwrap() < 3, "{name}: bottom line {bottom}");

        // Key points are whole source sentences in reading order, with scores.
        let points = v["key_points"].as_array().unwrap();
        assert!(points.len() >= 3, "{name}: {} key points", points.len());
        let mut last = None;
        for p in points {
            let i = p["sentence"].as_u64().unwrap() as usize;
            assert_eq!(p["text"].as_str().unwrap(), sentences[i], "{name}: point {i} is the source sentence");
            assert!(last.is_none_or(|l| l < i), "{name}: reading order");
            last = Some(i);
            assert!(p["score"].as_f64().unwrap() >= 0.0);
        }

        // Nothing repeated: no sentence twice, and no two points that share
        // most of their content words.
        let mut shown: Vec<usize> = points.iter().map(|p| p["sentence"].as_u64().unwrap() as usize).collect();
        shown.push(bottom["sentence"].as_u64().unwrap() as usize);
        let mut uniq = shown.clone();
        uniq.sort();
        uniq.dedup();
        assert_eq!(uniq.len(), shown.len(), "{name}: a sentence is shown twice");
        for (k, &a) in shown.iter().enumerate() {
            for &b in &shown[k + 1..] {
                let overlap = content_overlap(&sentences[a], &sentences[b]);
                assert!(overlap < 0.6, "{name}: sentences {a} and {b} overlap {overlap:.2}");
            }
        }

        // The extraction sections are filled and repeat nothing shown above them.
        let shown_text: Vec<&str> =
            std::iter::once(bottom).chain(points).map(|p| p["text"].as_str().unwrap()).collect();
        assert!(!v["people"].as_array().unwrap().is_empty(), "{name}: people");
        assert!(!v["countries"].as_array().unwrap().is_empty(), "{name}: countries");
        // Every item found is listed with its flag; the page rules hold for the shown ones.
        for list in ["people", "organisations", "countries", "places", "quotes", "positions", "what_next"] {
            for item in v[list].as_array().unwrap() {
                assert!(item["shown"].is_boolean(), "{name}: {list} item without a shown flag: {item}");
            }
        }
        // Every point says how the article knows it, with a tag the page prints.
        for p in std::iter::once(bottom).chain(points) {
            let kind = p["sourcing"]["kind"].as_str().unwrap_or_default();
            assert!(
                ["named", "officials", "state_media", "unnamed", "unattributed"].contains(&kind),
                "{name}: point without sourcing: {p}"
            );
            assert!(!p["sourcing"]["tag"].as_str().unwrap().is_empty(), "{name}: {p}");
            if kind == "named" {
                assert!(p["sourcing"]["by"].is_string(), "{name}: a named source without its name: {p}");
            }
        }
        let is_shown = |x: &&Value| x["shown"] == true;
        let quotes: Vec<&str> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(is_shown)
            .map(|q| q["text"].as_str().unwrap())
            .collect();
        for q in &quotes {
            assert!(!shown_text.iter().any(|t| t.contains(q)), "{name}: quote {q:?} repeats a key point");
        }
        for party in v["positions"].as_array().unwrap().iter().filter(is_shown) {
            for p in party["points"].as_array().unwrap().iter().filter(is_shown) {
                let t = p["text"].as_str().unwrap().trim_end_matches([',', '.']);
                assert!(
                    !shown_text.iter().chain(&quotes).any(|s| s.contains(t)),
                    "{name}: position {t:?} repeats a key point or quote"
                );
            }
        }
        for w in v["what_next"].as_array().unwrap().iter().filter(is_shown) {
            assert!(
                !shown_text.contains(&w["text"].as_str().unwrap()),
                "{name}: what-to-watch repeats a key point"
            );
        }

        // Within a printable page.
        assert!(v["stats"]["brief_words"].as_u64().unwrap() <= 500, "{name}");
    }
}

fn content_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(|w| w.to_lowercase()).collect()
    };
    let (a, b) = (words(a), words(b));
    let inter = a.intersection(&b).count() as f64;
    inter / a.len().min(b.len()).max(1) as f64
}
