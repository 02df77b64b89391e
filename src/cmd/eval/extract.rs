//! `attache eval ner` and `attache eval quotes`: the extractor against CoNLL- and PolNeAR-style files.
//!
//! The predictions are `attache_extract::Extractor::spans` of each text, the
//! spans `attache extract` prints; matching and scoring are
//! `attache_eval::{ner, quotes}`.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use attache_eval::{ner, quotes};
use attache_extract::Extractor;

use crate::cli::EvalExtractArgs;
use crate::cmd::write_output;

pub(super) fn ner(args: &EvalExtractArgs) -> anyhow::Result<ExitCode> {
    let EvalExtractArgs { file, json, errors, repeat } = args;
    let mut report = String::new();
    let input = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let docs: Vec<ner::NerDoc> =
        attache_eval::read_jsonl(&input).with_context(|| format!("bad record in {}", file.display()))?;
    let ex = Extractor::new();
    let run = || -> Vec<Vec<ner::NerSpan>> {
        docs.iter()
            .map(|d| {
                ex.spans(&d.text)
                    .entities
                    .into_iter()
                    .map(|e| ner::NerSpan::new(e.start, e.end, e.ty.as_str()))
                    .collect()
            })
            .collect()
    };
    let (preds, secs) = fastest(*repeat, run);
    let mut sc = ner::NerTally::default();
    let mut err = String::new();
    for (d, p) in docs.iter().zip(&preds) {
        sc.add(&d.entities, p);
        if errors.is_some() {
            ner::errors(d, p, &mut err);
        }
    }
    if let Some(path) = errors {
        write_output(Some(path), &err)?;
    }
    let r = sc.report();
    if *json {
        let v =
            serde_json::json!({"report": r, "seconds": secs, "docs_per_second": docs.len() as f64 / secs});
        writeln!(report, "{v}")?;
    } else {
        writeln!(report, "type   precision  recall     f1   (tp/fp/fn)")?;
        for (ty, p) in &r.per_type {
            writeln!(
                report,
                "{ty:<6} {:>9.3} {:>7.3} {:>6.3}   ({}/{}/{})",
                p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_
            )?;
        }
        let m = r.micro;
        writeln!(report, "micro PER/ORG/LOC  P {:.3}  R {:.3}  F1 {:.3}", m.precision, m.recall, m.f1)?;
        writeln!(
            report,
            "{} documents in {:.3} s: {:.0} docs/s (one thread, fastest of {repeat})",
            r.docs,
            secs,
            docs.len() as f64 / secs
        )?;
    }
    write_output(None, &report)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn quotes(args: &EvalExtractArgs) -> anyhow::Result<ExitCode> {
    let EvalExtractArgs { file, json, errors, repeat } = args;
    let mut report = String::new();
    let input = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let docs: Vec<quotes::QuoteDoc> =
        attache_eval::read_jsonl(&input).with_context(|| format!("bad record in {}", file.display()))?;
    let ex = Extractor::new();
    let run = || -> Vec<Vec<quotes::PredQuote>> {
        docs.iter()
            .map(|d| {
                ex.spans(&d.text)
                    .quotes
                    .into_iter()
                    .map(|q| quotes::PredQuote { start: q.start, end: q.end, speaker: q.speaker })
                    .collect()
            })
            .collect()
    };
    let (preds, secs) = fastest(*repeat, run);
    let mut sc = quotes::QuoteTally::default();
    let mut err = String::new();
    for (d, p) in docs.iter().zip(&preds) {
        sc.add(&d.quotes, &d.partial_quotes, p);
        if errors.is_some() {
            quotes::errors(d, p, &mut err);
        }
    }
    if let Some(path) = errors {
        write_output(Some(path), &err)?;
    }
    let r = sc.report();
    if *json {
        let v = serde_json::json!({"report": r, "seconds": secs});
        writeln!(report, "{v}")?;
    } else {
        writeln!(
            report,
            "quotes   P {:.3}  R {:.3}  F1 {:.3}  ({} gold, {} predicted, {} matched)",
            r.precision, r.recall, r.f1, r.gold, r.predicted, r.matched
        )?;
        writeln!(
            report,
            "speaker accuracy {:.3}  ({} of {} matched quotes with a named speaker)",
            r.speaker_accuracy, r.speaker_correct, r.named_matched
        )?;
        writeln!(
            report,
            "quote+speaker recall {:.3}  ({} of {} gold quotes with a named speaker)",
            r.quote_speaker_recall, r.speaker_correct, r.named_gold
        )?;
        let kb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1024.0;
        writeln!(
            report,
            "{} articles ({:.0} KiB) in {:.3} s: {:.0} articles/s, {:.0} µs per 4 KiB (one thread, fastest of {repeat})",
            docs.len(),
            kb,
            secs,
            docs.len() as f64 / secs,
            secs * 1e6 / (kb / 4.0)
        )?;
    }
    write_output(None, &report)?;
    Ok(ExitCode::SUCCESS)
}

/// Run `f` `n` times; its result and the fastest wall-clock time in seconds.
fn fastest<T>(n: u32, f: impl Fn() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..n.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (out.expect("at least one run"), best)
}
