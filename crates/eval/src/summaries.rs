//! ROUGE evaluation of Attaché's key points against reference summaries.
//!
//! Input is JSON Lines, one article per line: `{"id","title","text","summary"}`
//! with the reference sentences of `summary` separated by `\n`. For every
//! method, each article is read, segmented and scored exactly as `attache
//! brief` does (attache-parse, then attache-score's [`Method`] and
//! [`Selector`]); the chosen sentences, one per line, are the candidate
//! summary for ROUGE-1, ROUGE-2 and ROUGE-Lsum ([`crate::rouge`]).
//!
//! ```
//! use attache_eval::summaries::{Points, RougeEval, read_records};
//!
//! let jsonl = r#"{"id":"a1","title":"Envoys agree grain corridor extension","text":"Envoys from Turkey and Ukraine agreed on Monday to extend the grain corridor for six months. The corridor has carried 30 million tonnes of grain. Weather in Istanbul was mild for the time of year.","summary":"Envoys agreed to extend the grain corridor for six months."}"#;
//! let records = read_records(jsonl)?;
//! let eval = RougeEval::new(Points::Fixed(1));
//! let report = eval.run(&records, "lead")?;
//! assert_eq!(report.articles, 1);
//! assert!(report.rouge1 > 50.0, "{report:?}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::time::Instant;

use attache_parse::{Document, JsonArticle};
use attache_score::{Features, Method, Selector, UnknownMethod};
use serde::{Deserialize, Serialize};

use crate::rouge::Rouge;

/// Why an evaluation could not run.
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
    /// The method name is not one attache-score offers.
    #[error(transparent)]
    UnknownMethod(#[from] UnknownMethod),
}

/// One evaluation article: its text and its reference summary.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Record {
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
    /// The JSON line itself, read again as an article when briefing.
    #[serde(skip)]
    raw: String,
}

impl Record {
    /// Number of non-empty lines (sentences) in the reference summary.
    pub fn reference_sentences(&self) -> usize {
        self.summary.lines().filter(|l| !l.trim().is_empty()).count()
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
pub fn read_records(input: &str) -> Result<Vec<Record>, EvalError> {
    let mut out = Vec::new();
    for (k, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut rec: Record = serde_json::from_str(line).map_err(|e| {
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

/// How many key points to choose per article.
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

/// Settings of a ROUGE evaluation run.
#[derive(Debug, Clone)]
pub struct RougeEval {
    /// Key points per article.
    pub points: Points,
    /// Word budget per summary; `None` means no budget, so that `lead` is
    /// exactly Lead-N.
    pub words: Option<usize>,
    /// Selector settings other than points and words (redundancy, MMR λ,
    /// minimum sentence length); attache-score's defaults unless changed.
    pub selector: Selector,
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
    /// Mean number of sentences chosen.
    pub mean_sentences: f64,
    /// Articles briefed per second on one thread (read, segment, score,
    /// select; ROUGE itself not timed).
    pub articles_per_second: f64,
}

impl RougeEval {
    /// An evaluation with `points` key points per article and no word budget.
    pub fn new(points: Points) -> RougeEval {
        RougeEval { points, words: None, selector: Selector::new() }
    }

    /// The candidate summary of one record: the chosen sentences in reading
    /// order, one per line.
    pub fn summarize(&self, record: &Record, method: &Method) -> Result<Vec<String>, EvalError> {
        let article = serde_json::from_str::<JsonArticle>(&record.raw)
            .map_err(attache_parse::ParseError::from)
            .and_then(JsonArticle::into_article)
            .map_err(|e| EvalError::Record {
                line: record.line,
                id: record.id.clone(),
                message: e.to_string(),
            })?;
        let doc = Document::new(article);
        let features = Features::new(&doc);
        let n = match self.points {
            Points::Fixed(n) => n,
            Points::Reference => record.reference_sentences().max(1),
        };
        let mut selector = self.selector.clone();
        selector.points(n).words(self.words.unwrap_or(usize::MAX));
        let sel = method.select(&doc, &features, &selector, &[]);
        Ok(sel.picks.iter().map(|p| attache_parse::collapse_ws(doc.sentence_text(p.sentence))).collect())
    }

    /// Brief every record with the named method and score it against its reference.
    pub fn run(&self, records: &[Record], method: &str) -> Result<MethodReport, EvalError> {
        self.run_method(records, &Method::by_name(method)?)
    }

    /// Brief every record with `m` and score it against its reference.
    pub fn run_method(&self, records: &[Record], m: &Method) -> Result<MethodReport, EvalError> {
        let start = Instant::now();
        let mut summaries = Vec::with_capacity(records.len());
        for r in records {
            summaries.push(self.summarize(r, m)?);
        }
        let secs = start.elapsed().as_secs_f64();
        let mut rouge = Rouge::new();
        let (mut r1, mut r2, mut rl, mut words, mut sents) = (0.0, 0.0, 0.0, 0usize, 0usize);
        for (rec, s) in records.iter().zip(&summaries) {
            let cand = s.join("\n");
            let sc = rouge.score(&rec.summary, &cand);
            r1 += sc.rouge1.fmeasure;
            r2 += sc.rouge2.fmeasure;
            rl += sc.rouge_lsum.fmeasure;
            words += cand.split_whitespace().count();
            sents += s.len();
        }
        let n = records.len().max(1) as f64;
        Ok(MethodReport {
            method: m.name().to_owned(),
            points: self.points.to_string(),
            articles: records.len(),
            rouge1: 100.0 * r1 / n,
            rouge2: 100.0 * r2 / n,
            rouge_lsum: 100.0 * rl / n,
            mean_words: words as f64 / n,
            mean_sentences: sents as f64 / n,
            articles_per_second: if secs > 0.0 { records.len() as f64 / secs } else { f64::INFINITY },
        })
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

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let r = read_records(SET).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].id.as_deref(), Some("7"));
        assert_eq!(r[1].line, 3);
        assert_eq!(r[0].reference_sentences(), 2);
    }

    #[test]
    fn bad_lines_name_the_line_and_id() {
        let e = read_records("{\"id\":\"x9\",\"text\":\"Talks.\"}\n").unwrap_err().to_string();
        assert!(e.contains("line 1") && e.contains("x9") && e.contains("summary"), "{e}");
        let e = read_records("\n{not json").unwrap_err().to_string();
        assert!(e.starts_with("line 2"), "{e}");
        let recs = read_records(r#"{"id":"e1","text":"   ","summary":"x"}"#).unwrap();
        let e = RougeEval::new(Points::Fixed(3)).run(&recs, "lead").unwrap_err().to_string();
        assert!(e.contains("line 1") && e.contains("e1"), "{e}");
    }

    #[test]
    fn lead_is_lead_n_and_scores_match_rouge() {
        let recs = read_records(SET).unwrap();
        let eval = RougeEval::new(Points::Fixed(2));
        let lead = Method::by_name("lead").unwrap();
        let s = eval.summarize(&recs[0], &lead).unwrap();
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with("Negotiators agreed") && s[1].starts_with("The ceasefire takes effect"));
        let report = eval.run(&recs, "lead").unwrap();
        let mut rouge = Rouge::new();
        let want: f64 = recs
            .iter()
            .map(|r| rouge.score(&r.summary, &eval.summarize(r, &lead).unwrap().join("\n")).rouge1.fmeasure)
            .sum::<f64>()
            / 2.0;
        assert!((report.rouge1 - 100.0 * want).abs() < 1e-9);
        assert!((report.mean_sentences - 2.0).abs() < 1e-9);
        assert!(report.rouge2 > 0.0 && report.rouge_lsum > 0.0);
    }

    #[test]
    fn reference_points_follow_summary_length() {
        let recs = read_records(SET).unwrap();
        let report = RougeEval::new(Points::Reference).run(&recs, "lead").unwrap();
        assert!((report.mean_sentences - 1.5).abs() < 1e-9, "{report:?}");
        assert_eq!("ref".parse::<Points>(), Ok(Points::Reference));
        assert_eq!("4".parse::<Points>(), Ok(Points::Fixed(4)));
        assert!("0".parse::<Points>().is_err());
    }

    #[test]
    fn unknown_method_is_an_error() {
        let recs = read_records(SET).unwrap();
        assert!(matches!(
            RougeEval::new(Points::Fixed(1)).run(&recs, "nope"),
            Err(EvalError::UnknownMethod(_))
        ));
    }
}
