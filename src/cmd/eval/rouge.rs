//! `attache eval rouge FILE`: ROUGE of the briefings' sentences.
//!
//! Each record is briefed exactly as `attache brief RECORD.json --format json
//! --points N --words W --method M` briefs it: the line is read as a `.json`
//! article, the pipeline's options come from the same [`BriefOptions`] as
//! `brief` (so the word budget and page fitting are the CLI's), and the
//! candidate summary is what the JSON briefing shows first: the bottom line,
//! then the key points, in that order ([`shown_sentences`]). `--candidates
//! FILE` writes those sentences out, one JSON line per article and method,
//! for checks and paired comparisons. ROUGE itself is `attache_eval::summaries`.
//!
//! Timing covers reading, briefing (extraction and fitting included) on one
//! thread; ROUGE is not timed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use attache::Pipeline;
use attache_eval::summaries::{MethodReport, SummaryRecord, read_records};
use attache_render::Brief;

use crate::cli::{BriefOptions, PaperArg, RougeArgs};
use crate::cmd::{InputFailed, write_output};

/// The sentences a briefing shows, in the order its JSON lists them: the
/// bottom line, then the key points. This is what `eval rouge` scores.
pub(crate) fn shown_sentences(brief: &Brief) -> Vec<String> {
    brief.bottom_line.iter().chain(&brief.key_points).map(|p| p.text.clone()).collect()
}

/// The options `attache brief --points points --words words --method method` runs with.
fn brief_options(method: &str, points: usize, words: u32) -> attache::Options {
    BriefOptions {
        points: u16::try_from(points).unwrap_or(u16::MAX),
        words,
        method: method.to_string(),
        templates: None,
        paper: PaperArg::A4,
    }
    .to_options()
}

/// Brief every record of `name` with `method`; the shown sentences of each,
/// and the seconds spent reading and briefing. A record that cannot be
/// briefed stops the run ([`InputFailed`], naming its line and id).
fn brief_all(
    name: &str,
    records: &[SummaryRecord],
    args: &RougeArgs,
    method: &str,
) -> anyhow::Result<(Vec<Vec<String>>, f64)> {
    // One pipeline per number of key points, built before the clock starts.
    let mut pipelines = BTreeMap::new();
    for r in records {
        let n = r.points(args.points);
        if let std::collections::btree_map::Entry::Vacant(e) = pipelines.entry(n) {
            e.insert(Pipeline::new(&brief_options(method, n, args.words))?);
        }
    }
    let start = Instant::now();
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let pipeline = &pipelines[&r.points(args.points)];
        let brief = match attache_parse::read_json(r.json()) {
            Ok(article) => pipeline.brief(article).map_err(|e| r.error(e)),
            Err(e) => Err(r.error(e)),
        };
        let brief = brief.map_err(|e| InputFailed { input: name.to_string(), reason: e.to_string() })?;
        out.push(shown_sentences(&brief));
    }
    Ok((out, start.elapsed().as_secs_f64()))
}

pub(super) fn rouge(args: &RougeArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let text = super::read_set(&args.file)?;
    let methods: Vec<&str> = if args.method.is_empty() {
        attache_score::METHODS.to_vec()
    } else {
        args.method.iter().map(String::as_str).filter(|m| !m.is_empty()).collect()
    };
    for m in &methods {
        attache_score::Method::by_name(m)?;
    }
    let fail =
        |e: attache_eval::summaries::EvalError| InputFailed { input: name.clone(), reason: e.to_string() };
    let mut records = read_records(&text).map_err(fail)?;
    if let Some(n) = args.limit {
        records.truncate(n);
    }
    anyhow::ensure!(!records.is_empty(), "{name}: no records to evaluate");

    let mut candidates_out = match &args.candidates {
        Some(p) => Some(std::io::BufWriter::new(crate::cmd::create_file(p)?)),
        None => None,
    };
    let mut reports = Vec::with_capacity(methods.len());
    for m in &methods {
        let (candidates, seconds) = brief_all(&name, &records, args, m)?;
        if let Some(w) = &mut candidates_out {
            for (r, c) in records.iter().zip(&candidates) {
                let line = serde_json::json!({
                    "method": m, "line": r.line, "id": r.id, "points": r.points(args.points), "sentences": c,
                });
                writeln!(w, "{line}")?;
            }
        }
        reports.push(MethodReport::new(m, args.points, &records, &candidates, seconds));
    }
    if let Some(mut w) = candidates_out {
        w.flush()?;
    }

    let mut out = String::new();
    let words = format!("{}-word budget", args.words);
    writeln!(out, "{name}: {} articles, {} key points, {words}", records.len(), args.points)?;
    writeln!(
        out,
        "{:<12} {:>8} {:>8} {:>10} {:>7} {:>11}",
        "method", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "words", "articles/s"
    )?;
    for r in &reports {
        writeln!(
            out,
            "{:<12} {:>8.2} {:>8.2} {:>10.2} {:>7.1} {:>11.0}",
            r.method, r.rouge1, r.rouge2, r.rouge_lsum, r.mean_words, r.articles_per_second
        )?;
    }
    write_output(None, &out)?;

    if let Some(path) = &args.json {
        let json = serde_json::json!({
            "file": name,
            "articles": records.len(),
            "points": args.points.to_string(),
            "words": args.words,
            "summary": "bottom line and key points of `attache brief --format json --points N --words W`",
            "rouge": "rouge-score 0.1.2 compatible, use_stemmer=True, F1 x 100",
            "methods": reports,
        });
        super::write_json(path, &json)?;
    }
    Ok(ExitCode::SUCCESS)
}
