use serde_json::json;

use super::score::match_people;
use super::*;

fn gold(v: serde_json::Value) -> GoldArticle {
    serde_json::from_value(v).expect("a gold record")
}

fn score(g: &GoldArticle, brief: serde_json::Value) -> (BriefingReport, ArticleErrors) {
    let mut t = BriefingTally::default();
    let e = t.add(g, &brief).expect("a briefing");
    (t.report(), e)
}

fn person(name: &str, also: &[&str]) -> GoldPerson {
    GoldPerson {
        name: name.into(),
        also: also.iter().map(|s| s.to_string()).collect(),
        ..GoldPerson::default()
    }
}

#[test]
fn full_matches_are_taken_before_subset_matches() {
    // "Marta Oyelaran" is a subset match of the first gold person but the full
    // name of the second: full matches go first, so each gets its own.
    let g = [person("Marta Oyelaran Diallo", &[]), person("Marta Oyelaran", &[])];
    let p = ["Marta Oyelaran".to_string(), "Marta Oyelaran Diallo".to_string()];
    assert_eq!(match_people(&g, &p), vec![Some(1), Some(0)]);
    // One-to-one: a single prediction matches a single gold person.
    assert_eq!(match_people(&g, &p[..1]), vec![None, Some(0)]);
    // Two predictions of one person: the full name is matched even though it comes
    // second, and the surname is left over (a false positive).
    let g = [person("Pavel Stanek", &[])];
    let p = ["Stanek".to_string(), "Pavel Stanek".to_string()];
    assert_eq!(match_people(&g, &p), vec![Some(1)]);
    // The gold name itself goes before an `also` form listed earlier.
    let g = [person("Pavel Stanek", &["Stanek"])];
    assert_eq!(match_people(&g, &p), vec![Some(1)]);
    let g = [person("Pavel Stanek", &["Stanek"]), person("Ilona Stanek", &[])];
    assert_eq!(match_people(&g, &p), vec![Some(1), Some(0)]);
}

#[test]
fn people_precision_recall_roles_and_countries() {
    let g = gold(json!({"id": "t1", "people": [
        {"name": "Ilse Vandermeer", "also": ["Vandermeer"], "role": "Defense Minister",
         "role_ok": ["defense minister"], "country": "Netherlands"},
        {"name": "Tariq Ben Salem", "also": [], "role": "ambassador", "role_ok": ["ambassador"],
         "country": "Tunisia"},
        {"name": "Jorge Almada", "also": [], "role": null, "role_ok": [], "country": null}
    ]}));
    let brief = json!({"people": [
        {"name": "Vandermeer", "role": "Dutch Defense Minister", "country": "Holland", "shown": true},
        {"name": "Ben Salem", "role": "envoy", "country": "United States", "shown": false},
        {"name": "Coastal Guard", "role": null, "country": null, "shown": false}
    ]});
    let (r, e) = score(&g, brief);
    let p = &r.people;
    assert_eq!((p.gold, p.predicted, p.matched), (3, 3, 2));
    assert_eq!((p.roles_gold, p.roles_right, p.roles_predicted, p.roles_wrong), (2, 1, 2, 1));
    assert_eq!(p.role_accuracy, 0.5);
    assert_eq!(p.roles_wrong_share, 0.5);
    // Holland is the Netherlands; the envoy's country is wrong.
    assert_eq!((p.countries_gold, p.countries_right, p.countries_predicted, p.countries_wrong), (2, 1, 2, 1));
    assert_eq!(e.people.missed, ["Jorge Almada"]);
    assert_eq!(e.people.false_positives, ["Coastal Guard"]);
    assert_eq!(e.people.wrong_roles.len(), 1);
    assert_eq!(e.people.wrong_roles[0].predicted.as_deref(), Some("envoy"));
    assert_eq!(e.people.wrong_countries[0].predicted.as_deref(), Some("United States"));
}

#[test]
fn a_missing_role_or_country_counts_against_accuracy_but_is_not_a_wrong_prediction() {
    let g = gold(json!({"id": "t2", "people": [
        {"name": "Nadia Ferreira", "role": "mayor", "role_ok": ["mayor"], "country": "Portugal"}
    ]}));
    let (r, e) = score(&g, json!({"people": [{"name": "Nadia Ferreira", "role": null, "country": null}]}));
    assert_eq!((r.people.roles_gold, r.people.roles_right, r.people.roles_predicted), (1, 0, 0));
    assert_eq!((r.people.countries_gold, r.people.countries_right, r.people.countries_predicted), (1, 0, 0));
    assert_eq!(r.people.roles_wrong_share, 0.0);
    assert_eq!(e.people.wrong_roles[0].predicted, None);
    // A role where the gold has none is a wrong prediction.
    let g = gold(json!({"id": "t3", "people": [{"name": "Nadia Ferreira", "role": null}]}));
    let (r, _) = score(&g, json!({"people": [{"name": "Ferreira", "role": "as mayor"}]}));
    assert_eq!((r.people.roles_gold, r.people.roles_predicted, r.people.roles_wrong), (0, 1, 1));
}

#[test]
fn quotes_are_found_by_containment_and_speakers_by_kind() {
    let g = gold(json!({"id": "q1",
    "people": [{"name": "Hamid Karouni", "also": ["Karouni"]}],
    "quotes": [
        {"contains": "we will not be rushed", "speaker": "Hamid Karouni"},
        {"contains": "an unacceptable provocation", "speaker": "the Foreign Ministry", "speaker_kind": "org"},
        {"contains": "the talks are dead", "speaker": "a senior diplomat", "speaker_kind": "unnamed"},
        {"contains": "never again", "speaker": "Hamid Karouni"}
    ]}));
    let brief = json!({"quotes": [
        {"text": "We will not be rushed,", "speaker": "Karouni"},
        {"text": "It is ``an unacceptable provocation''", "speaker": "the ministry"},
        {"text": "The talks are dead.", "speaker": "The Guardian"},
        {"text": "It was a fine day", "speaker": null}
    ]});
    let (r, e) = score(&g, brief);
    let q = r.quotes.counts;
    assert_eq!((q.gold, q.found, q.speaker_hits, q.predicted, q.predicted_right), (4, 3, 2, 4, 3));
    assert_eq!(r.quotes.recall, 0.75);
    assert_eq!(r.quotes.speaker_accuracy, 2.0 / 3.0);
    assert_eq!(e.quotes.missed[0].contains, "never again");
    assert_eq!(e.quotes.wrong_speakers[0].predicted, [Some("The Guardian".to_string())]);
    assert_eq!(e.quotes.unmatched[0].text, "It was a fine day");
}

#[test]
fn person_speakers_use_the_people_rule() {
    let g = gold(json!({"id": "q2",
        "people": [{"name": "Lin Baoguo", "also": ["Mr. Lin"]}],
        "quotes": [{"contains": "a matter of principle", "speaker": "Lin Baoguo"}]}));
    for (speaker, ok) in [
        ("Lin", true),
        ("Mr. Lin", true),
        ("Lin Baoguo", true),
        ("Premier Lin Baoguo", true),
        ("Baoguo Wang", false),
        ("the premier", false),
    ] {
        let (r, _) =
            score(&g, json!({"quotes": [{"text": "It is a matter of principle", "speaker": speaker}]}));
        assert_eq!(r.quotes.counts.speaker_hits == 1, ok, "{speaker}");
    }
    // Organisations match by a shared word, never by the/a/an/of alone.
    let g = gold(json!({"id": "q3",
        "quotes": [{"contains": "a matter of principle", "speaker": "the Army of the North", "speaker_kind": "org"}]}));
    let (r, _) = score(
        &g,
        json!({"quotes": [{"text": "a matter of principle", "speaker": "the Office of the Mayor"}]}),
    );
    assert_eq!(r.quotes.counts.speaker_hits, 0);
    let (r, _) =
        score(&g, json!({"quotes": [{"text": "a matter of principle", "speaker": "northern army"}]}));
    assert_eq!(r.quotes.counts.speaker_hits, 1);
}

#[test]
fn positions_need_the_same_party_and_an_evidence_piece() {
    let g = gold(json!({"id": "p1", "positions": [
        {"party": "United States", "stance": "…", "evidence": ["Washington rejected the offer"]},
        {"party": "Ruritania", "stance": "…", "evidence": ["demanded a full withdrawal", "insists on talks"]}
    ]}));
    let brief = json!({"positions": [
        {"party": "U.S.", "points": [{"text": "Washington rejected the offer on Monday."},
                                     {"text": "The weather was cold."}]},
        {"party": "Freedonia", "points": [{"text": "It demanded a full withdrawal."}]}
    ]});
    let (r, e) = score(&g, brief);
    let s = &r.positions;
    assert_eq!((s.gold, s.found, s.points, s.points_right), (2, 1, 3, 1));
    assert_eq!(e.positions.missed[0].party, "Ruritania");
    assert_eq!(e.positions.unsupported_points.len(), 2);
}

#[test]
fn what_next_dates_must_start_with_the_gold_date() {
    let g = gold(json!({"id": "w1", "published": "2031-03-02", "what_next": [
        {"contains": "will meet in Vienna", "when": "2031-03-05"},
        {"contains": "elections are due", "when": "2031-06"},
        {"contains": "a summit is planned", "when": "2032"},
        {"contains": "will return", "when": null}
    ]}));
    let brief = json!({"what_next": [
        {"text": "They will meet in Vienna on Thursday.", "when": "2031-03-05"},
        {"text": "Elections are due in June.", "when": "2031-06-01/2031-06-30"},
        {"text": "A summit is planned.", "when": "next year"},
        {"text": "Nothing else.", "when": null}
    ]});
    let (r, e) = score(&g, brief);
    let n = &r.what_next;
    assert_eq!((n.gold, n.found, n.predicted, n.predicted_right, n.dated, n.dates_right), (4, 3, 4, 3, 3, 2));
    assert_eq!(e.what_next.missed[0].contains, "will return");
    assert_eq!(e.what_next.wrong_dates[0].predicted, [Some("next year".to_string())]);
}

#[test]
fn countries_compare_as_sets_after_aliases() {
    let g = gold(json!({"id": "c1", "countries": ["United States", "United Kingdom", "Peru"]}));
    let brief =
        json!({"countries": [{"name": "U.S."}, {"name": "America"}, {"name": "Britain"}, {"name": "Chile"}]});
    let (r, e) = score(&g, brief);
    assert_eq!((r.countries.gold, r.countries.predicted, r.countries.matched), (3, 3, 2));
    assert_eq!(e.countries.missed, ["Peru"]);
    assert_eq!(e.countries.false_positives, ["Chile"]);
}

#[test]
fn unknown_fields_are_ignored_and_a_perfect_briefing_has_no_errors() {
    let g = gold(json!({"id": "z1", "cluster": "c9", "notes": "none", "not_people": ["Harbor Bridge"],
        "countries": ["Peru"]}));
    let (r, e) =
        score(&g, json!({"countries": [{"name": "Peru", "mentions": 3, "shown": false}], "title": "x"}));
    assert_eq!(r.countries.f1, 1.0);
    assert!(e.is_empty());
    let mut t = BriefingTally::default();
    assert!(t.add(&g, &json!({"people": "not a list"})).is_err());
}
