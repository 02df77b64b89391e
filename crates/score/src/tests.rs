use attache_parse::{Document, read_text};

use crate::*;

const STORY: &str = "\
Ministers agree to extend Black Sea grain corridor

ISTANBUL (Wire) — Ministers from Turkey and Ukraine agreed on Monday to extend the Black Sea grain corridor for six months.
The grain corridor has carried more than 30 million tonnes of grain since it opened last year.
Officials said the extension of the corridor would keep food prices stable in Africa and Asia.
The extension of the Black Sea grain corridor for six months was welcomed by the United Nations.
Weather in Istanbul was mild for the time of year.
A ceremony was held at the Dolmabahce Palace in the afternoon.
Shipping firms said insurance costs for the grain corridor remained high.";

fn doc() -> Document {
    Document::new(read_text(STORY).unwrap())
}

#[test]
fn lead_takes_the_first_sentences() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::by_name("lead").unwrap().select(&d, &f, Selector::new().points(3), &[]);
    let idx: Vec<usize> = s.picks.iter().map(|p| p.sentence).collect();
    assert_eq!(idx, [0, 1, 2]);
}

#[test]
fn default_skips_repetition_and_keeps_reading_order() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(3), &[]);
    let idx: Vec<usize> = s.picks.iter().map(|p| p.sentence).collect();
    assert_eq!(idx.len(), 3);
    assert!(idx.windows(2).all(|w| w[0] < w[1]), "reading order: {idx:?}");
    assert_eq!(idx[0], 0, "the lead sentence is chosen");
    assert!(!idx.contains(&3), "sentence 3 repeats the lead: {idx:?}");
    assert!(!idx.contains(&4), "the weather is not a key point: {idx:?}");
    for p in &s.picks {
        assert!((0.0..=1.0).contains(&p.score));
    }
    for a in &idx {
        for b in &idx {
            if a != b {
                assert!(f.sim(*a, *b) <= 0.5);
            }
        }
    }
}

#[test]
fn word_budget_is_respected_without_cutting() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(5).words(35), &[]);
    let words: usize = s.picks.iter().map(|p| f.words[p.sentence]).sum();
    assert!(words <= 35, "{words} words");
    assert!(!s.picks.is_empty());
}

#[test]
fn taken_sentences_are_not_repeated() {
    let d = doc();
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, Selector::new().points(3), &[0]);
    assert!(s.picks.iter().all(|p| p.sentence != 0 && p.sentence != 3));
}

#[test]
fn every_method_is_deterministic_and_named() {
    let d = doc();
    let f = Features::new(&d);
    for name in METHODS {
        let m = Method::by_name(name).unwrap();
        assert_eq!(m.name(), *name);
        let a = m.select(&d, &f, Selector::new().points(3), &[]);
        let b = m.select(&d, &f, Selector::new().points(3), &[]);
        assert_eq!(a, b, "{name}");
        assert!(!a.picks.is_empty(), "{name}");
    }
    assert!(Method::by_name("bogus").unwrap_err().to_string().contains("known methods: default, lead"));
}

#[test]
fn directed_centrality_favours_sentences_echoed_later() {
    let d = doc();
    let f = Features::new(&d);
    let mut out = vec![0.0; f.len()];
    Centrality::default().score(&d, &f, &mut out);
    assert!(out[0] > out[3], "the lead is echoed later; sentence 3 only repeats: {out:?}");
}

#[test]
fn single_sentence_documents_work() {
    let d = Document::new(read_text("Talks ended without agreement in Geneva on Friday.").unwrap());
    let f = Features::new(&d);
    let s = Method::default_method().select(&d, &f, &Selector::new(), &[]);
    assert_eq!(s.picks.len(), 1);
}

#[test]
fn salience_prefers_sentences_the_article_returns_to() {
    let d = doc();
    let f = Features::new(&d);
    let mut out = vec![0.0; f.len()];
    Salience.score(&d, &f, &mut out);
    // The lead (grain corridor, Black Sea, six months) is echoed throughout;
    // the weather and the ceremony share nothing with the rest.
    assert!(out[0] > out[4] && out[0] > out[5], "{out:?}");
    assert_eq!(out[5], 0.0, "a sentence sharing no word scores 0: {out:?}");
    // Hand check of the formula for sentence 4 (“Weather in Istanbul was mild
    // for the time of year”, 5 content terms): “istanbul” (the dateline) and
    // “year” (sentence 1) each recur in one other sentence: (√1 + √1) / √5.
    assert_eq!(f.vectors[4].len(), 5);
    assert!((out[4] - 2.0 / 5f32.sqrt()).abs() < 1e-6, "{out:?}");
}

#[test]
fn default_combines_salience_position_and_title() {
    let names: Vec<&str> = Method::default_method().score(&doc(), &Features::new(&doc())).part_names;
    assert_eq!(names, ["salience", "position", "title"]);
}
