//! `attache daily --since` and `--date`: two days this project wrote
//! (`tests/data/since-day1.jsonl`, `since-day2.jsonl`). On day 2 the grain
//! talks develop (an accord is signed, as day 1 said it would be), the
//! floods story ends, a mountain-pass story starts, and the fisheries
//! census is sent again word for word (nothing new).

use crate::util::{attache, data};

fn json(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = attache().arg("daily").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Day 1's page as JSON, in a temporary directory.
fn day1_page() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("day1.json");
    let out = attache()
        .arg("daily")
        .arg(data("since-day1.jsonl"))
        .args(["--format", "json", "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, page)
}

fn story<'a>(v: &'a serde_json::Value, article: &str) -> Option<&'a serde_json::Value> {
    v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["articles"].as_array().unwrap().iter().any(|a| a == article))
}

fn points(s: &serde_json::Value) -> Vec<&serde_json::Value> {
    s["bottom_line"].as_array().unwrap().iter().chain(s["key_points"].as_array().unwrap()).collect()
}

#[test]
fn a_story_develops_one_ends_one_starts_and_one_has_nothing_new() {
    let (_dir, page) = day1_page();
    let before: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&page).unwrap()).unwrap();
    let v = json(&[data("since-day2.jsonl").as_os_str(), "--since".as_ref(), page.as_os_str()]);
    assert_eq!(v["since"], "2026-11-25");

    // Develops: marked, names the previous headline, shows only new sentences.
    let grain = story(&v, "grain-3").expect("the grain story is on day 2");
    assert_eq!(grain["status"], "developing");
    assert_eq!(grain["previous"]["headline"], story(&before, "grain-1").unwrap()["headline"]);
    assert_eq!(grain["previous"]["date"], "2026-11-25");
    let shown_before: Vec<&str> = before["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(points)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        shown_before.iter().any(|t| t.starts_with("Ukrainian Foreign Minister Andrii Sybiha said a deal")),
        "day 1 showed the sentence that day 2 repeats: {shown_before:?}"
    );
    for p in points(grain) {
        let text = p["text"].as_str().unwrap();
        assert_eq!(p["new"], true, "{text}");
        assert!(!shown_before.contains(&text), "a sentence of the previous page is shown again: {text}");
    }
    assert!(!points(grain).is_empty());

    // Starts: new.
    let pass = story(&v, "andes-1").expect("the new story is shown");
    assert_eq!(pass["status"], "new");
    assert!(pass.get("previous").is_none());

    // Nothing new: continuing, one line (no sentences), after the others.
    let stories = v["stories"].as_array().unwrap();
    let census = story(&v, "census-2").expect("the repeated story is listed");
    assert_eq!(census["status"], "continuing");
    assert!(points(census).is_empty());
    assert_eq!(stories.last().unwrap()["status"], "continuing");

    // Ends: the floods story has no article on day 2 and is not on the page.
    assert!(stories.iter().all(|s| !s["headline"].as_str().unwrap().contains("Beira")));

    // New actors are marked; known ones are not.
    let people = v["people"].as_array().unwrap();
    let person = |name: &str| people.iter().find(|p| p["name"] == name);
    assert_eq!(person("Franco Mogetta").expect("new person listed")["new"], true);
    assert_eq!(person("Andrii Sybiha").expect("known person listed")["new"], false);
}

#[test]
fn an_item_that_was_due_is_shown_as_happened_and_passed_items_go() {
    let (_dir, page) = day1_page();
    let before: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&page).unwrap()).unwrap();
    let due = before["what_next"].as_array().unwrap();
    assert!(
        due.iter().any(|e| e["when"] == "2026-11-26" && e["article"] == "grain-1"),
        "day 1 announces the signing for 26 November: {due:?}"
    );
    let v = json(&[data("since-day2.jsonl").as_os_str(), "--since".as_ref(), page.as_os_str()]);
    let events = v["what_next"].as_array().unwrap();
    let happened: Vec<&serde_json::Value> = events.iter().filter(|e| e["happened"] == true).collect();
    assert_eq!(happened.len(), 1, "{events:?}");
    assert_eq!(happened[0]["article"], "grain-1");
    assert_eq!(happened[0]["reported_in"], "grain-3");
    // Nothing dated before the page's day is still "to watch".
    for e in events {
        if let Some(when) = e["when"].as_str() {
            assert!(when >= "2026-11-26", "{e}");
        }
    }
    // And the page says so.
    let out = attache()
        .arg("daily")
        .arg(data("since-day2.jsonl"))
        .arg("--since")
        .arg(&page)
        .args(["--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("*Happened:* **2026-11-26**"), "{md}");
    assert!(
        md.contains("[developing]") && md.contains("[new]") && md.contains("*Since 2026-11-25: "),
        "{md}"
    );
}

#[test]
fn without_since_nothing_is_compared() {
    let v = json(&[data("since-day2.jsonl").as_os_str()]);
    assert!(v.get("since").is_none() && v.get("compared").is_none());
    for s in v["stories"].as_array().unwrap() {
        assert!(s.get("status").is_none() && s.get("previous").is_none(), "{s}");
        for p in points(s) {
            assert!(p.get("new").is_none());
        }
    }
    assert!(v["people"].as_array().unwrap().iter().all(|p| p.get("new").is_none()));
}

#[test]
fn date_selects_one_day_of_an_archive_and_flags_undated_articles() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let mut text = std::fs::read_to_string(data("since-day1.jsonl")).unwrap();
    text.push_str(&std::fs::read_to_string(data("since-day2.jsonl")).unwrap());
    text.push_str(
        &serde_json::json!({
            "id": "undated-1", "title": "Harbour cranes idle as dock workers strike",
            "text": "Dock workers at the container port walked out at dawn, leaving cranes idle and ships waiting offshore.\nThe union said the strike would last until wages were raised."
        })
        .to_string(),
    );
    text.push('\n');
    std::fs::write(&archive, text).unwrap();

    let ids = |v: &serde_json::Value| -> Vec<String> {
        let mut ids: Vec<String> = v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| {
                g["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string())
            })
            .collect();
        ids.sort();
        ids
    };
    let day2 = json(&[archive.as_os_str(), "--date".as_ref(), "2026-11-26".as_ref()]);
    assert_eq!(day2["date"], "2026-11-26");
    assert_eq!(day2["stats"]["articles"], 5, "four articles of the day and the undated one");
    assert_eq!(day2["stats"]["undated"], 1);
    assert!(ids(&day2).iter().all(|id| !id.starts_with("flood") && id != "grain-1" && id != "grain-2"));
    let day1 = json(&[archive.as_os_str(), "--date".as_ref(), "2026-11-25".as_ref()]);
    assert_eq!(day1["stats"]["articles"], 5);
    assert!(ids(&day1).contains(&"flood-1".to_string()));
    assert!(ids(&day1).iter().all(|id| id != "andes-1"));
    // The undated article is flagged in the printed sources.
    let out = attache()
        .arg("daily")
        .arg(&archive)
        .args(["--date", "2026-11-26", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("(1 undated)"), "{md}");
    // A day with no article at all is an error that says so.
    let out =
        attache().arg("daily").arg(data("since-day1.jsonl")).args(["--date", "2026-12-25"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-12-25"));
}

#[test]
fn sources_print_outlet_and_address_and_link_only_web_urls() {
    let out =
        attache().arg("daily").arg(data("since-day1.jsonl")).args(["--format", "html"]).output().unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("javascript:"), "a javascript: URL became a link");
    assert!(!html.contains(">link<"));
    assert!(
        html.contains(r#"Harbour Times, <a href="https://harbourtimes.example.com/world/2026/11/25/grain-corridor-talks-open-in-lisbon">harbourtimes.example.com/world/2026/11/2…</a> (2026-11-25)"#),
        "{html}"
    );
    assert!(
        html.contains("Meridian Wire (2026-11-25)"),
        "the outlet without a web address is printed plainly"
    );
}

#[test]
fn a_previous_page_that_is_not_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[1, 2, 3]").unwrap();
    let out = attache().arg("daily").arg(data("since-day2.jsonl")).arg("--since").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}
