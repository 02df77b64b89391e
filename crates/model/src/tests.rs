use std::collections::BTreeMap;

use super::*;

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

fn full() -> Brief {
    let mut point = Point::new("Envoys met.", 0, 0.5);
    point.parts = BTreeMap::from([("position".to_string(), 0.25)]);
    point.rank = 1;
    point.sourcing = Some(Sourcing {
        kind: Attribution::Named,
        by: some("A. Envoy"),
        hedges: vec!["reportedly".into()],
        tag: "Envoy; reportedly".into(),
    });
    Brief {
        id: some("a1"),
        title: some("Talks"),
        published: some("2026-01-01"),
        source: some("Wire"),
        url: some("https://example.org/a1"),
        author: some("A. Writer"),
        dateline: some("Geneva"),
        method: "default".into(),
        bottom_line: vec![point],
        key_points: vec![Point::new("They agreed.", 1, 0.75)],
        people: vec![Person {
            name: "A. Envoy".into(),
            role: some("envoy"),
            country: None,
            mentions: 2,
            shown: true,
        }],
        organisations: vec![Mention { name: "UN".into(), mentions: 1, shown: false }],
        countries: vec![Mention { name: "Peru".into(), mentions: 3, shown: true }],
        places: vec![],
        quotes: vec![Quote {
            text: "We agreed".into(),
            speaker: some("A. Envoy"),
            sentence: 2,
            direct: true,
            span: 10..19,
            shown: true,
        }],
        positions: vec![Stance {
            party: "Peru".into(),
            points: vec![Point::new("Peru said so.", 3, 0.0)],
            shown: true,
        }],
        what_next: vec![Event {
            text: "Talks resume.".into(),
            when: some("2026-01-08"),
            sentence: 4,
            resolved: true,
            shown: true,
        }],
        sources: vec![SourceRef { id: some("a1"), ..SourceRef::default() }],
        stats: Stats { words: 20, sentences: 5, brief_words: 10, dropped: 1 },
    }
}

/// The JSON contract: every field, in this order, `null` and `[]` written out,
/// and nothing of the extraction's bookkeeping.
#[test]
fn brief_serializes_to_the_json_contract() {
    let want = concat!(
        r#"{"id":"a1","title":"Talks","published":"2026-01-01","source":"Wire","#,
        r#""url":"https://example.org/a1","author":"A. Writer","dateline":"Geneva","method":"default","#,
        r#""bottom_line":[{"text":"Envoys met.","sentence":0,"score":0.5,"parts":{"position":0.25},"rank":1,"speaker":null,"sourcing":{"kind":"named","by":"A. Envoy","hedges":["reportedly"],"tag":"Envoy; reportedly"},"shown":true}],"#,
        r#""key_points":[{"text":"They agreed.","sentence":1,"score":0.75,"parts":{},"rank":0,"speaker":null,"sourcing":null,"shown":true}],"#,
        r#""people":[{"name":"A. Envoy","role":"envoy","country":null,"mentions":2,"shown":true}],"#,
        r#""organisations":[{"name":"UN","mentions":1,"shown":false}],"#,
        r#""countries":[{"name":"Peru","mentions":3,"shown":true}],"#,
        r#""places":[],"quotes":[{"text":"We agreed","speaker":"A. Envoy","sentence":2,"direct":true,"shown":true}],"#,
        r#""positions":[{"party":"Peru","points":[{"text":"Peru said so.","sentence":3,"score":0.0,"parts":{},"rank":0,"speaker":null,"sourcing":null,"shown":true}],"shown":true}],"#,
        r#""what_next":[{"text":"Talks resume.","when":"2026-01-08","sentence":4,"shown":true}],"#,
        r#""sources":[{"id":"a1","title":null,"source":null,"url":null,"published":null}],"#,
        r#""stats":{"words":20,"sentences":5,"brief_words":10,"dropped":1}}"#,
    );
    assert_eq!(serde_json::to_string(&full()).unwrap(), want);
}

#[test]
fn empty_brief_writes_every_field() {
    let v = serde_json::to_value(Brief::default()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for k in ["id", "title", "method", "bottom_line", "quotes", "positions", "what_next", "sources", "stats"]
    {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(v["id"], serde_json::Value::Null);
    assert_eq!(v["what_next"], serde_json::json!([]));
}

/// Reading a briefing back gives what was written, except the fields JSON
/// does not carry: quotes come back with an empty span, events unresolved.
#[test]
fn brief_reads_back() {
    let brief = full();
    let back: Brief = serde_json::from_str(&serde_json::to_string(&brief).unwrap()).unwrap();
    assert!(back.quotes[0].direct);
    assert_eq!(back.quotes[0].span, 0..0);
    assert!(!back.what_next[0].resolved);
    let mut expected = brief;
    expected.quotes[0].span = 0..0;
    expected.what_next[0].resolved = false;
    assert_eq!(back, expected);
}

#[test]
fn quote_direct_can_be_read_when_present() {
    let q: Quote =
        serde_json::from_str(r#"{"text":"so","speaker":null,"sentence":0,"direct":false}"#).unwrap();
    assert!(!q.direct);
    let e: Event =
        serde_json::from_str(r#"{"text":"t","when":"2026-01","sentence":1,"resolved":true}"#).unwrap();
    assert!(e.resolved);
}

/// Briefings written before the `shown` flag read back as all shown.
#[test]
fn items_without_a_shown_flag_are_shown() {
    let p: Person = serde_json::from_str(r#"{"name":"A","role":null,"country":null,"mentions":1}"#).unwrap();
    assert!(p.shown);
    let q: Quote = serde_json::from_str(r#"{"text":"so","speaker":null,"sentence":0}"#).unwrap();
    assert!(q.shown && q.direct);
    assert!(Stance::default().shown && Event::default().shown && Mention::default().shown);
}

#[test]
fn the_page_leaves_out_what_it_does_not_show() {
    let mut b = full();
    b.people[0].shown = false;
    b.positions[0].points.push(Point { shown: false, ..Point::new("Peru added more.", 5, 0.0) });
    b.what_next[0].shown = false;
    let page = b.page();
    assert!(page.people.is_empty() && page.organisations.is_empty() && page.what_next.is_empty());
    assert_eq!(page.countries, b.countries);
    assert_eq!(page.positions[0].points.len(), 1);
    // A party whose points are all hidden goes with them.
    b.positions[0].points[0].shown = false;
    assert!(b.page().positions.is_empty());
    // Bottom line and key points are the page's own.
    assert_eq!(page.bottom_line, b.bottom_line);
    assert_eq!(page.key_points, b.key_points);
}

#[test]
fn point_new_has_no_parts_and_rank_zero() {
    let p = Point::new("Text.", 3, 0.5);
    assert_eq!((p.text.as_str(), p.sentence, p.score, p.rank), ("Text.", 3, 0.5, 0));
    assert!(p.parts.is_empty());
}
