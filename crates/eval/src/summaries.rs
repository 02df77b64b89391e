//! ROUGE of candidate summaries against reference summaries: the data set
//! reader and the scoring, without the summariser.
//!
//! Input is JSON Lines, one article per line: `{"id","title","text","summary"}`
//! with the reference sentences of `summary` separated by `\n`
//! ([`read_records`] → [`SummaryRecord`]). A candidate summary is a list of
//! sentences; [`MethodReport::new`] scores one candidate per record with
//! ROUGE-1, ROUGE-2 and ROUGE-Lsum ([`crate::rouge`]), each sentence on a
//! line of its own (its inner white space collapsed, so that Lsum sees the
//! sentences the summariser chose). [`Paired`] compares two systems article
//! by article.
//!
//! This crate does not make the candidates: `attache eval rouge` briefs every
//! record with the product's pipeline and passes the briefing's bottom line
//! and key points here (see `src/cmd/eval/` in the `attache` package), so
//! the figures are those of the briefings users get.
//!
//! ```
//! use attache_eval::summaries::{MethodReport, Points, read_records};
//!
//! let jsonl = r#"{"id":"a1","title":"Envoys agree grain corridor extension","text":"Envoys agreed to extend the grain corridor. Weather was mild.","summary":"Envoys agreed to extend the grain corridor for six months."}"#;
//! let records = read_records(jsonl)?;
//! let candidates = vec![vec!["Envoys agreed to extend the grain corridor.".to_string()]];
//! let report = MethodReport::new("lead", Points::Fixed(1), &records, &candidates, 0.5);
//! assert_eq!(report.articles, 1);
//! assert!(report.rouge1 > 80.0, "{report:?}");
//! assert_eq!(report.articles_per_second, 2.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::rouge::{Rouge, RougeScores};

/// Why an evaluation set could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A line of the input is not a valid record.
    #[error("line {line}{}: {message}", id.as_ref().map(|i| format!(" (id {i:?})")).unwrap_or_default())]
    Record {
        /// 1-based line number in the input.
        line: usize,
        /// The record's id, when it could be read.
        id: Option<String>,
        /// What is wrong with it.
        message: String,
    },
}

/// One article of a summarisation set: its text and its reference summary.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SummaryRecord {
    /// 1-based line number in the input (for error messages).
    #[serde(skip)]
    pub line: usize,
    /// Identifier.
    #[serde(default, deserialize_with = "string_or_number")]
    pub id: Option<String>,
    /// Headline, if the set has one.
    #[serde(default)]
    pub title: Option<String>,
    /// Article body.
    pub text: String,
    /// Reference summary, one sentence per line.
    pub summary: String,
    #[serde(skip)]
    raw: String,
}

impl SummaryRecord {
    /// Number of non-empty lines (sentences) in the reference summary.
    pub fn reference_sentences(&self) -> usize {
        self.summary.lines().filter(|l| !l.trim().is_empty()).count()
    }

    /// The JSON line itself: an article object as `attache brief` reads a
    /// `.json` file.
    pub fn json(&self) -> &str {
        &self.raw
    }

    /// An error about this record, naming its line and id.
    pub fn error(&self, message: impl std::fmt::Display) -> EvalError {
        EvalError::Record { line: self.line, id: self.id.clone(), message: message.to_string() }
    }

    /// Key points to ask for on this record: `points` itself, or for
    /// [`Points::Reference`] the reference summary's sentence count (at least 1).
    pub fn points(&self, points: Points) -> usize {
        match points {
            Points::Fixed(n) => n,
            Points::Reference => self.reference_sentences().max(1),
        }
    }
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// Parse JSON Lines records. Blank lines are skipped; any other line that is
/// not a record with `text` and `summary` is an error naming its line and id.
pub fn read_records(input: &str) -> Result<Vec<SummaryRecord>, EvalError> {
    let mut out = Vec::new();
    for (k, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut rec: SummaryRecord = serde_json::from_str(line).map_err(|e| {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned)));
            EvalError::Record { line: k + 1, id, message: e.to_string() }
        })?;
        rec.line = k + 1;
        rec.raw = line.to_owned();
        out.push(rec);
    }
    Ok(out)
}

/// How many key points to ask for per article (besides the bottom line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Points {
    /// The same number for every article.
    Fixed(usize),
    /// As many as the article's reference summary has sentences.
    Reference,
}

impl std::str::FromStr for Points {
    type Err = String;

    /// `"3"` or `"ref"` (the reference summary's sentence count).
    fn from_str(s: &str) -> Result<Points, String> {
        match s {
            "ref" | "reference" => Ok(Points::Reference),
            _ => match s.parse::<usize>() {
                Ok(n) if n > 0 => Ok(Points::Fixed(n)),
                _ => Err(format!("expected a positive number or \"ref\", got {s:?}")),
            },
        }
    }
}

impl std::fmt::Display for Points {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Points::Fixed(n) => write!(f, "{n}"),
            Points::Reference => f.write_str("ref"),
        }
    }
}

/// A candidate summary as ROUGE reads it: one sentence per line, white space
/// inside a sentence collapsed to single spaces.
pub fn candidate_text(sentences: &[String]) -> String {
    let mut out = String::new();
    for s in sentences {
        if !out.is_empty() {
            out.push('\n');
        }
        for (k, w) in s.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// ROUGE of each candidate against its record's reference, in record order.
///
/// # Panics
///
/// If `records` and `candidates` differ in length.
pub fn score_each(records: &[SummaryRecord], candidates: &[Vec<String>]) -> Vec<RougeScores> {
    assert_eq!(records.len(), candidates.len(), "one candidate per record");
    let mut rouge = Rouge::new();
    records.iter().zip(candidates).map(|(r, c)| rouge.score(&r.summary, &candidate_text(c))).collect()
}

/// Mean scores of one method over a set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MethodReport {
    /// Method name.
    pub method: String,
    /// Key points asked for per article.
    pub points: String,
    /// Articles scored.
    pub articles: usize,
    /// Mean ROUGE-1 F1 × 100.
    pub rouge1: f64,
    /// Mean ROUGE-2 F1 × 100.
    pub rouge2: f64,
    /// Mean ROUGE-Lsum F1 × 100.
    pub rouge_lsum: f64,
    /// Mean summary length in words (white-space separated).
    pub mean_words: f64,
    /// Mean number of sentences scored (bottom line and key points).
    pub mean_sentences: f64,
    /// Articles summarised per second, from the `seconds` the caller timed.
    pub articles_per_second: f64,
}

impl MethodReport {
    /// Score `candidates` (one per record, in order) and average over the set;
    /// `seconds` is the time the caller spent making them.
    ///
    /// # Panics
    ///
    /// If `records` and `candidates` differ in length.
    pub fn new(
        method: &str,
        points: Points,
        records: &[SummaryRecord],
        candidates: &[Vec<String>],
        seconds: f64,
    ) -> MethodReport {
        let scores = score_each(records, candidates);
        let n = records.len().max(1) as f64;
        let mean = |f: fn(&RougeScores) -> f64| 100.0 * scores.iter().map(f).sum::<f64>() / n;
        let words: usize = candidates.iter().flatten().map(|s| s.split_whitespace().count()).sum();
        let sentences: usize = candidates.iter().map(Vec::len).sum();
        MethodReport {
            method: method.to_owned(),
            points: points.to_string(),
            articles: records.len(),
            rouge1: mean(|s| s.rouge1.fmeasure),
            rouge2: mean(|s| s.rouge2.fmeasure),
            rouge_lsum: mean(|s| s.rouge_lsum.fmeasure),
            mean_words: words as f64 / n,
            mean_sentences: sentences as f64 / n,
            articles_per_second: if seconds > 0.0 { records.len() as f64 / seconds } else { f64::INFINITY },
        }
    }
}

/// A paired comparison of two systems on the same records: the mean
/// per-article difference (first minus second) of ROUGE-1/2/Lsum F1 × 100,
/// each with its standard error, and how many articles got the identical
/// summary.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Paired {
    /// Articles compared.
    pub articles: usize,
    /// Mean difference and standard error of ROUGE-1, ROUGE-2 and ROUGE-Lsum.
    pub mean_se: [(f64, f64); 3],
    /// Articles where both systems chose the same sentences.
    pub identical: usize,
}

impl Paired {
    /// Compare candidates `a` and `b` (one each per record, in order).
    ///
    /// # Panics
    ///
    /// If the three slices differ in length.
    pub fn new(records: &[SummaryRecord], a: &[Vec<String>], b: &[Vec<String>]) -> Paired {
        let (x, y) = (score_each(records, a), score_each(records, b));
        let diffs = |f: fn(&RougeScores) -> f64| -> (f64, f64) {
            let d: Vec<f64> = x.iter().zip(&y).map(|(p, q)| 100.0 * (f(p) - f(q))).collect();
            let n = d.len() as f64;
            if d.is_empty() {
                return (0.0, 0.0);
            }
            let mean = d.iter().sum::<f64>() / n;
            let var =
                if d.len() > 1 { d.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0) } else { 0.0 };
            (mean, (var / n).sqrt())
        };
        Paired {
            articles: records.len(),
            mean_se: [
                diffs(|s| s.rouge1.fmeasure),
                diffs(|s| s.rouge2.fmeasure),
                diffs(|s| s.rouge_lsum.fmeasure),
            ],
            identical: a.iter().zip(b).filter(|(p, q)| p == q).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = concat!(
        r#"{"id":"t1","title":"Ceasefire agreed in border talks","text":"Negotiators agreed on Tuesday to a ceasefire along the disputed border after three days of talks in Geneva.\nThe ceasefire takes effect at midnight and will be monitored by observers from the United Nations.\nBoth delegations thanked the Swiss hosts for their hospitality.\nThe weather in Geneva was cold and wet all week.","summary":"Negotiators agreed a ceasefire along the disputed border.\nUnited Nations observers will monitor the ceasefire."}"#,
        "\n\n",
        r#"{"id":7,"title":null,"text":"The central bank raised interest rates by half a point on Thursday. Inflation has risen for six months in a row. Officials said further increases were possible.","summary":"Central bank raises rates by half a point."}"#,
        "\n"
    );

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let r = read_records(SET).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].id.as_deref(), Some("7"));
        assert_eq!(r[1].line, 3);
        assert_eq!(r[0].reference_sentences(), 2);
        assert!(r[1].json().starts_with(r#"{"id":7,"#));
        assert_eq!(r[0].points(Points::Reference), 2);
        assert_eq!(r[0].points(Points::Fixed(5)), 5);
    }

    #[test]
    fn bad_lines_name_the_line_and_id() {
        let e = read_records("{\"id\":\"x9\",\"text\":\"Talks.\"}\n").unwrap_err().to_string();
        assert!(e.contains("line 1") && e.contains("x9") && e.contains("summary"), "{e}");
        let e = read_records("\n{not json").unwrap_err().to_string();
        assert!(e.starts_with("line 2"), "{e}");
        let recs = read_records(r#"{"id":"e1","text":"   ","summary":"x"}"#).unwrap();
        let e = recs[0].error("no sentences").to_string();
        assert_eq!(e, r#"line 1 (id "e1"): no sentences"#);
    }

    #[test]
    fn candidates_are_one_sentence_a_line() {
        let c = strings(&["Talks  resumed\nin Geneva.", " Envoys met. "]);
        assert_eq!(candidate_text(&c), "Talks resumed in Geneva.\nEnvoys met.");
        assert_eq!(candidate_text(&[]), "");
    }

    #[test]
    fn report_means_match_rouge() {
        let recs = read_records(SET).unwrap();
        let cands = vec![
            strings(&[
                "Negotiators agreed on Tuesday to a ceasefire along the disputed border.",
                "Observers from the United Nations will monitor it.",
            ]),
            strings(&["The central bank raised interest rates by half a point on Thursday."]),
        ];
        let report = MethodReport::new("default", Points::Reference, &recs, &cands, 2.0);
        let mut rouge = Rouge::new();
        let want: f64 = recs
            .iter()
            .zip(&cands)
            .map(|(r, c)| rouge.score(&r.summary, &c.join("\n")).rouge1.fmeasure)
            .sum::<f64>()
            / 2.0;
        assert!((report.rouge1 - 100.0 * want).abs() < 1e-9);
        assert!((report.mean_sentences - 1.5).abs() < 1e-9);
        assert!((report.mean_words - 15.5).abs() < 1e-9, "{report:?}");
        assert_eq!((report.points.as_str(), report.articles_per_second), ("ref", 1.0));
        assert!(report.rouge2 > 0.0 && report.rouge_lsum > 0.0);
    }

    #[test]
    fn paired_differences() {
        let recs = read_records(SET).unwrap();
        let good = vec![
            strings(&["Negotiators agreed a ceasefire along the disputed border."]),
            strings(&["Central bank raises rates by half a point."]),
        ];
        let bad = vec![good[0].clone(), strings(&["Officials said further increases were possible."])];
        let p = Paired::new(&recs, &good, &bad);
        assert_eq!((p.articles, p.identical), (2, 1));
        let (mean, se) = p.mean_se[0];
        assert!(mean > 0.0 && se > 0.0 && (se - mean).abs() < 1e-9, "{p:?}");
        let same = Paired::new(&recs, &good, &good);
        assert_eq!(same.mean_se, [(0.0, 0.0); 3]);
    }

    #[test]
    fn points_parse_and_print() {
        assert_eq!("ref".parse::<Points>(), Ok(Points::Reference));
        assert_eq!("4".parse::<Points>(), Ok(Points::Fixed(4)));
        assert!("0".parse::<Points>().is_err());
        assert_eq!(Points::Fixed(3).to_string(), "3");
    }
}
