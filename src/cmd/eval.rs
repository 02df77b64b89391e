//! `attache eval …`: quality measurements against reference sets.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context;
use attache_eval::summaries::{EvalError, RougeEval, read_records};

use crate::cli::{EvalCommand, RougeArgs};
use crate::cmd::{InputFailed, write_output};

pub(crate) fn execute(cmd: &EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Rouge(args) => rouge(args),
    }
}

fn rouge(args: &RougeArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let methods: Vec<&str> = if args.method.is_empty() {
        attache_score::METHODS.to_vec()
    } else {
        args.method.iter().map(String::as_str).filter(|m| !m.is_empty()).collect()
    };
    for m in &methods {
        attache_score::Method::by_name(m)?;
    }
    let fail = |e: EvalError| InputFailed { input: name.clone(), reason: e.to_string() };
    let mut records = read_records(&text).map_err(fail)?;
    if let Some(n) = args.limit {
        records.truncate(n);
    }
    anyhow::ensure!(!records.is_empty(), "{name}: no records to evaluate");
    let mut eval = RougeEval::new(args.points);
    eval.words = args.words;

    let mut reports = Vec::with_capacity(methods.len());
    for m in &methods {
        reports.push(eval.run(&records, m).map_err(fail)?);
    }

    let mut out = String::new();
    let words = args.words.map_or_else(|| "no word budget".to_string(), |w| format!("{w}-word budget"));
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
            "rouge": "rouge-score 0.1.2 compatible, use_stemmer=True, F1 x 100",
            "methods": reports,
        });
        let mut s = serde_json::to_string_pretty(&json)?;
        s.push('\n');
        write_output(Some(path), &s)?;
    }
    Ok(ExitCode::SUCCESS)
}
