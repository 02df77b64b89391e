//! Named-entity scoring, conlleval style: an entity counts only with its exact
//! span and type. Micro P/R/F1 over PER, ORG and LOC; MISC is reported apart.
//!
//! ```
//! use attache_eval::ner::{NerSpan, NerTally};
//! let gold = [NerSpan::new(0, 5, "PER"), NerSpan::new(10, 15, "LOC")];
//! let pred = [NerSpan::new(0, 5, "PER"), NerSpan::new(10, 15, "ORG")];
//! let mut s = NerTally::default();
//! s.add(&gold, &pred);
//! let r = s.report();
//! assert_eq!(r.micro.tp, 1);
//! assert_eq!(r.micro.fp, 1);
//! assert_eq!(r.micro.fn_, 1);
//! ```

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

/// An entity span: `[start, end)` in code points, with its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NerSpan {
    /// Start offset.
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub ty: String,
}

impl NerSpan {
    /// A span.
    pub fn new(start: usize, end: usize, ty: &str) -> NerSpan {
        NerSpan { start, end, ty: ty.to_string() }
    }
}

/// One gold document: `{"id","text","entities":[{"start","end","type"}]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct NerDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold entities.
    pub entities: Vec<NerSpan>,
}

/// Counts and derived scores of one type or an aggregate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let (precision, recall, f1) = crate::prf(tp, fp, fn_);
        Prf { tp, fp, fn_, precision, recall, f1 }
    }
}

/// The scores of a run.
#[derive(Debug, Clone, Serialize)]
pub struct NerReport {
    /// Per type (PER, ORG, LOC, MISC).
    pub per_type: BTreeMap<String, Prf>,
    /// Micro average over PER, ORG and LOC.
    pub micro: Prf,
    /// Documents scored.
    pub docs: usize,
}

/// Accumulates true positives, false positives and false negatives per type
/// over documents; [`NerTally::report`] turns them into scores.
#[derive(Debug, Default, Clone)]
pub struct NerTally {
    counts: BTreeMap<String, (usize, usize, usize)>,
    docs: usize,
}

impl NerTally {
    /// Add one document's gold and predicted spans.
    pub fn add(&mut self, gold: &[NerSpan], pred: &[NerSpan]) {
        self.docs += 1;
        let g: HashSet<&NerSpan> = gold.iter().collect();
        let p: HashSet<&NerSpan> = pred.iter().collect();
        for s in &p {
            let c = self.counts.entry(s.ty.clone()).or_default();
            if g.contains(s) {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.counts.entry(s.ty.clone()).or_default().2 += 1;
            }
        }
    }

    /// The report.
    pub fn report(&self) -> NerReport {
        let per_type: BTreeMap<String, Prf> = self
            .counts
            .iter()
            .map(|(k, &(tp, fp, fn_))| (k.clone(), Prf::from_counts(tp, fp, fn_)))
            .collect();
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for t in ["PER", "ORG", "LOC"] {
            if let Some(&(a, b, c)) = self.counts.get(t) {
                tp += a;
                fp += b;
                fn_ += c;
            }
        }
        NerReport { per_type, micro: Prf::from_counts(tp, fp, fn_), docs: self.docs }
    }
}

/// One line per error of `pred` against `doc`'s gold entities, appended to
/// `out`: `ID<TAB>MISS<TAB>TYPE<TAB>TEXT` for a gold entity not predicted,
/// `ID<TAB>SPURIOUS<TAB>TYPE<TAB>TEXT` for a prediction not in the gold set.
pub fn errors(doc: &NerDoc, pred: &[NerSpan], out: &mut String) {
    use std::fmt::Write as _;
    let chars: Vec<char> = doc.text.chars().collect();
    let txt =
        |s: &NerSpan| chars[s.start.min(chars.len())..s.end.min(chars.len())].iter().collect::<String>();
    for g in doc.entities.iter().filter(|g| !pred.contains(g)) {
        let _ = writeln!(out, "{}\tMISS\t{}\t{}", doc.id, g.ty, txt(g));
    }
    for s in pred.iter().filter(|s| !doc.entities.contains(s)) {
        let _ = writeln!(out, "{}\tSPURIOUS\t{}\t{}", doc.id, s.ty, txt(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type_only() {
        let gold = [NerSpan::new(0, 10, "PER"), NerSpan::new(20, 25, "MISC")];
        let pred = [NerSpan::new(0, 9, "PER"), NerSpan::new(20, 25, "MISC")];
        let mut s = NerTally::default();
        s.add(&gold, &pred);
        let r = s.report();
        assert_eq!((r.micro.tp, r.micro.fp, r.micro.fn_), (0, 1, 1));
        assert_eq!(r.per_type["MISC"].f1, 1.0);
    }
}
