//! Sample briefings that templates are tried on when they are loaded.

use std::collections::BTreeMap;

use crate::{Attribution, Brief, Event, Mention, Person, Point, Quote, SourceRef, Sourcing, Stance, Stats};

fn point(text: &str, sentence: usize) -> Point {
    let mut p = Point::new(text, sentence, 0.5);
    p.parts = BTreeMap::from([("position".to_string(), 0.5)]);
    p.sourcing = Some(Sourcing {
        kind: Attribution::Named,
        by: Some("A. Envoy".into()),
        hedges: vec!["reportedly".into()],
        tag: "Envoy; reportedly".into(),
    });
    p
}

/// A briefing with every optional field set and one item in every list.
pub(crate) fn full() -> Brief {
    let some = |s: &str| Some(s.to_string());
    let mention = || vec![Mention { name: "Sample".into(), mentions: 2, ..Mention::default() }];
    Brief {
        id: some("sample"),
        title: some("Sample title"),
        published: some("2026-01-01"),
        source: some("Sample Wire"),
        url: some("https://example.org/sample"),
        author: some("A. Writer"),
        dateline: some("Geneva"),
        method: "default".into(),
        bottom_line: vec![point("Envoys met.", 0)],
        key_points: vec![point("They agreed.", 1)],
        people: vec![Person {
            name: "A. Envoy".into(),
            role: some("envoy"),
            country: some("Sample"),
            mentions: 2,
            shown: true,
        }],
        organisations: mention(),
        countries: mention(),
        places: mention(),
        quotes: vec![Quote {
            text: "We agreed".into(),
            speaker: some("A. Envoy"),
            sentence: 2,
            direct: true,
            span: 0..9,
            shown: true,
        }],
        positions: vec![Stance {
            party: "Sample".into(),
            points: vec![point("Sample said so.", 3)],
            shown: true,
        }],
        what_next: vec![Event {
            text: "Talks resume.".into(),
            when: some("2026-01-08"),
            sentence: 4,
            resolved: true,
            shown: true,
        }],
        sources: vec![SourceRef {
            id: some("sample"),
            title: some("Sample title"),
            source: some("Sample Wire"),
            url: some("https://example.org/sample"),
            published: some("2026-01-01"),
        }],
        stats: Stats { words: 20, sentences: 5, brief_words: 10, dropped: 0 },
    }
}

/// A briefing with only what every briefing has: a method, a bottom line,
/// one source and the counts.
pub(crate) fn minimal() -> Brief {
    Brief {
        method: "default".into(),
        bottom_line: vec![point("Envoys met.", 0)],
        sources: vec![SourceRef::default()],
        stats: Stats { words: 2, sentences: 1, brief_words: 2, dropped: 0 },
        ..Brief::default()
    }
}
