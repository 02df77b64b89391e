//! Direct-quote scoring on PolNeAR-style records.
//!
//! A predicted quote matches a gold direct quote when their spans overlap by at
//! least half of the gold span; each gold quote is matched at most once.
//! Predictions that match a gold *partial* quote (a fragment quoted inside
//! reported speech) are neither right nor wrong and are left out of precision;
//! every other unmatched prediction is a false positive (scare quotes, titles).
//! Speaker accuracy is taken over matched quotes whose gold speaker is a name
//! (not a pronoun, not missing): it counts a match when the surnames or head
//! words agree. Quote+speaker recall is the share of gold quotes with a named
//! speaker that are found with the right speaker.
//!
//! ```
//! use attache_eval::quotes::{GoldQuote, PredQuote, QuoteTally};
//! let gold = [GoldQuote { start: 10, end: 30, speaker: Some("Antony Blinken".into()), speaker_pronoun: false }];
//! let pred = [PredQuote { start: 10, end: 31, speaker: Some("Blinken".into()) }];
//! let mut s = QuoteTally::default();
//! s.add(&gold, &[], &pred);
//! let r = s.report();
//! assert_eq!(r.f1, 1.0);
//! assert_eq!(r.speaker_accuracy, 1.0);
//! ```

use serde::{Deserialize, Serialize};

/// A gold quote span with its speaker mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Start offset (code points).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// The speaker mention as annotated.
    pub speaker: Option<String>,
    /// The mention is a pronoun.
    #[serde(default)]
    pub speaker_pronoun: bool,
}

/// A gold article: `{"id","text","quotes":[…],"partial_quotes":[…]}` (other fields ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct QuoteDoc {
    /// Article id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date, when given.
    #[serde(default)]
    pub date: Option<String>,
    /// Direct quote segments.
    pub quotes: Vec<GoldQuote>,
    /// Fragments quoted inside reported speech.
    #[serde(default)]
    pub partial_quotes: Vec<GoldQuote>,
}

/// A predicted quote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PredQuote {
    /// Start offset (code points).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// Predicted speaker name.
    pub speaker: Option<String>,
}

/// Scores of a run.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct QuoteReport {
    /// Gold direct quotes.
    pub gold: usize,
    /// Predictions counted (not matching a partial quote).
    pub predicted: usize,
    /// Predictions matching a gold direct quote.
    pub matched: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Matched quotes with a named gold speaker.
    pub named_matched: usize,
    /// …of which the speaker agrees.
    pub speaker_correct: usize,
    /// `speaker_correct / named_matched`.
    pub speaker_accuracy: f64,
    /// Gold quotes with a named speaker.
    pub named_gold: usize,
    /// `speaker_correct / named_gold`.
    pub quote_speaker_recall: f64,
}

/// Accumulates quote and speaker counts over articles; [`QuoteTally::report`]
/// turns them into scores.
#[derive(Debug, Default, Clone)]
pub struct QuoteTally {
    r: QuoteReport,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_end_matches("'s").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The head word of a speaker mention: the last word before any comma.
fn head(s: &str) -> Option<String> {
    let main = s.split(',').next().unwrap_or(s);
    words(main).pop()
}

/// Do a predicted and a gold speaker agree (same surname or head word)?
pub fn same_speaker(pred: &str, gold: &str) -> bool {
    let (Some(hp), Some(hg)) = (head(pred), head(gold)) else { return false };
    hp == hg || words(gold).contains(&hp) || words(pred).contains(&hg)
}

impl QuoteTally {
    /// Add one article.
    pub fn add(&mut self, gold: &[GoldQuote], partial: &[GoldQuote], pred: &[PredQuote]) {
        let r = &mut self.r;
        r.gold += gold.len();
        let named = |g: &GoldQuote| g.speaker.is_some() && !g.speaker_pronoun;
        r.named_gold += gold.iter().filter(|g| named(g)).count();
        let mut used = vec![false; gold.len()];
        for p in pred {
            let hit = gold.iter().enumerate().find(|(i, g)| {
                !used[*i] && 2 * overlap((p.start, p.end), (g.start, g.end)) >= g.end - g.start
            });
            match hit {
                Some((i, g)) => {
                    used[i] = true;
                    r.predicted += 1;
                    r.matched += 1;
                    if named(g) {
                        r.named_matched += 1;
                        if p.speaker
                            .as_deref()
                            .zip(g.speaker.as_deref())
                            .is_some_and(|(a, b)| same_speaker(a, b))
                        {
                            r.speaker_correct += 1;
                        }
                    }
                }
                None => {
                    let neutral = partial
                        .iter()
                        .any(|g| 2 * overlap((p.start, p.end), (g.start, g.end)) >= g.end - g.start);
                    if !neutral {
                        r.predicted += 1;
                    }
                }
            }
        }
    }

    /// The report.
    pub fn report(&self) -> QuoteReport {
        let mut r = self.r;
        let (p, rc, f) = crate::prf(r.matched, r.predicted - r.matched, r.gold - r.matched);
        r.precision = p;
        r.recall = rc;
        r.f1 = f;
        r.speaker_accuracy =
            if r.named_matched == 0 { 0.0 } else { r.speaker_correct as f64 / r.named_matched as f64 };
        r.quote_speaker_recall =
            if r.named_gold == 0 { 0.0 } else { r.speaker_correct as f64 / r.named_gold as f64 };
        r
    }
}

/// Does `pred` match gold span `g` (overlap of at least half of `g`)?
fn covers(pred: (usize, usize), g: (usize, usize)) -> bool {
    2 * overlap(pred, g) >= g.1 - g.0
}

/// One line per error of `pred` against `doc`, appended to `out` (texts cut
/// to 80 characters): `ID<TAB>MISS<TAB>SPEAKER<TAB>TEXT` for a gold quote no
/// prediction covers, `ID<TAB>SPEAKER<TAB>gold G got P<TAB>TEXT` for a
/// matched quote with a named gold speaker and another predicted speaker,
/// and `ID<TAB>SPURIOUS<TAB>SPEAKER<TAB>TEXT` for a prediction that covers no
/// gold quote, whole or partial.
pub fn errors(doc: &QuoteDoc, pred: &[PredQuote], out: &mut String) {
    use std::fmt::Write as _;
    let chars: Vec<char> = doc.text.chars().collect();
    let txt = |s: usize, e: usize| {
        chars[s.min(chars.len())..e.min(chars.len())].iter().take(80).collect::<String>()
    };
    for g in &doc.quotes {
        match pred.iter().find(|q| covers((q.start, q.end), (g.start, g.end))) {
            None => {
                let _ = writeln!(out, "{}\tMISS\t{:?}\t{}", doc.id, g.speaker, txt(g.start, g.end));
            }
            Some(q) if !g.speaker_pronoun && g.speaker.is_some() => {
                let ok =
                    q.speaker.as_deref().zip(g.speaker.as_deref()).is_some_and(|(a, b)| same_speaker(a, b));
                if !ok {
                    let _ = writeln!(
                        out,
                        "{}\tSPEAKER\tgold {:?} got {:?}\t{}",
                        doc.id,
                        g.speaker,
                        q.speaker,
                        txt(g.start, g.end)
                    );
                }
            }
            Some(_) => {}
        }
    }
    for q in pred {
        if !doc.quotes.iter().chain(&doc.partial_quotes).any(|g| covers((q.start, q.end), (g.start, g.end))) {
            let _ = writeln!(out, "{}\tSPURIOUS\t{:?}\t{}", doc.id, q.speaker, txt(q.start, q.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_agree_by_surname_or_head() {
        assert!(same_speaker("Douglas Holtz-Eakin", "Douglas Holtz-Eakin, an economist and tax expert,"));
        assert!(same_speaker("Hillary Clinton", "Clinton"));
        assert!(same_speaker("a campaign spokesman", "the spokesman"));
        assert!(!same_speaker("Donald Trump", "Mike Pence"));
    }

    #[test]
    fn partial_matches_are_neutral_and_half_overlap_counts() {
        let g = |s, e| GoldQuote { start: s, end: e, speaker: Some("Pence".into()), speaker_pronoun: false };
        let p = |s, e| PredQuote { start: s, end: e, speaker: Some("Mike Pence".into()) };
        let mut sc = QuoteTally::default();
        sc.add(&[g(0, 10)], &[g(50, 60)], &[p(0, 5), p(50, 60), p(80, 90)]);
        let r = sc.report();
        assert_eq!((r.matched, r.predicted, r.gold), (1, 2, 1));
        assert_eq!(r.speaker_correct, 1);
    }

    #[test]
    fn errors_list_misses_wrong_speakers_and_spurious_quotes() {
        let g = |s, e, who: &str| GoldQuote {
            start: s,
            end: e,
            speaker: Some(who.into()),
            speaker_pronoun: false,
        };
        let doc = QuoteDoc {
            id: "q1".into(),
            text: "abcdefghijklmnopqrstuvwxyz".into(),
            date: None,
            quotes: vec![g(0, 4, "Pence"), g(10, 14, "Harris")],
            partial_quotes: vec![g(20, 24, "Biden")],
        };
        let p = |s, e, who: &str| PredQuote { start: s, end: e, speaker: Some(who.into()) };
        let mut out = String::new();
        errors(&doc, &[p(10, 14, "Trump"), p(20, 24, "x"), p(5, 8, "y")], &mut out);
        let want = "q1\tMISS\tSome(\"Pence\")\tabcd\n\
                    q1\tSPEAKER\tgold Some(\"Harris\") got Some(\"Trump\")\tklmn\n\
                    q1\tSPURIOUS\tSome(\"y\")\tfgh\n";
        assert_eq!(out, want);
    }
}
