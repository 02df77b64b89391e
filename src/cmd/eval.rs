//! `attache eval …`: quality measurements against reference sets.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use attache_eval::html::{PageScore, bootstrap, corpus, score_page};
use attache_eval::summaries::{EvalError, RougeEval, read_records};

use crate::cli::{EvalCommand, EvalDailyArgs, RougeArgs};
use crate::cmd::{InputFailed, write_output};

pub(crate) fn execute(cmd: &EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Rouge(args) => rouge(args),
        EvalCommand::Daily(args) => daily(args),
        EvalCommand::Update(args) => crate::cmd::eval_update::update(args),
        EvalCommand::Html { dir, pages } => eval_html(dir, pages.as_deref()),
        EvalCommand::Ner(args) => crate::cmd::eval_extract::ner(args),
        EvalCommand::Quotes(args) => crate::cmd::eval_extract::quotes(args),
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

/// One multi-document cluster of the daily evaluation set.
#[derive(serde::Deserialize)]
struct Cluster {
    id: String,
    documents: Vec<serde_json::Value>,
    summaries: Vec<String>,
}

/// Mean ROUGE-1 and ROUGE-2 recall of one system over the clusters.
#[derive(Debug, Default, serde::Serialize)]
struct RecallReport {
    system: &'static str,
    rouge1_recall: f64,
    rouge2_recall: f64,
    mean_bytes: f64,
    clusters_per_second: f64,
}

/// The first `max` bytes of `text`, cut back to a character boundary.
fn first_bytes(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn daily(args: &EvalDailyArgs) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;

    let name = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let mut clusters = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let c: Cluster = serde_json::from_str(line)
            .map_err(|e| InputFailed { input: format!("{name}:{}", i + 1), reason: e.to_string() })?;
        clusters.push(c);
    }
    if let Some(n) = args.limit {
        clusters.truncate(n);
    }
    anyhow::ensure!(!clusters.is_empty(), "{name}: no clusters to evaluate");
    let pipeline = attache::Pipeline::new(&attache::Options::default())?;
    let mut options = attache::daily::DailyOptions::default();
    options.points = args.points as usize;

    let started = std::time::Instant::now();
    let summaries: Vec<(String, String)> = clusters
        .par_iter()
        .map(|c| {
            let mut analyses = Vec::with_capacity(c.documents.len());
            for (k, d) in c.documents.iter().enumerate() {
                let mut obj = d.clone();
                if obj.get("id").is_none() {
                    obj["id"] = obj.get("doc_id").cloned().unwrap_or_else(|| format!("{}-{k}", c.id).into());
                }
                let Ok(article) = serde_json::from_value::<attache_parse::JsonArticle>(obj)
                    .map_err(attache_parse::ParseError::from)
                    .and_then(attache_parse::JsonArticle::into_article)
                else {
                    continue;
                };
                if let Ok(a) = pipeline.analyse(article) {
                    analyses.push(a);
                }
            }
            let daily = attache::daily::build_daily(analyses, &options, 0);
            let mut page = Vec::new();
            for s in &daily.stories {
                page.extend(s.bottom_line.iter().chain(&s.key_points).map(|p| p.text.as_str()));
            }
            let newest = c.documents.last().and_then(|d| d["text"].as_str()).unwrap_or("");
            (
                first_bytes(&page.join(" "), args.bytes).to_string(),
                first_bytes(newest, args.bytes).to_string(),
            )
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();

    let mut rouge = attache_eval::rouge::Rouge::new();
    let mut reports = [
        RecallReport { system: "daily", ..RecallReport::default() },
        RecallReport { system: "newest-article", ..RecallReport::default() },
    ];
    for (c, (daily, newest)) in clusters.iter().zip(&summaries) {
        for (report, candidate) in reports.iter_mut().zip([daily, newest]) {
            let (mut r1, mut r2) = (0.0, 0.0);
            for reference in &c.summaries {
                let s = rouge.score(reference, candidate);
                r1 += s.rouge1.recall;
                r2 += s.rouge2.recall;
            }
            let refs = c.summaries.len().max(1) as f64;
            report.rouge1_recall += r1 / refs;
            report.rouge2_recall += r2 / refs;
            report.mean_bytes += candidate.len() as f64;
        }
    }
    let n = clusters.len() as f64;
    for r in &mut reports {
        r.rouge1_recall /= n;
        r.rouge2_recall /= n;
        r.mean_bytes /= n;
    }
    reports[0].clusters_per_second = n / seconds;

    let mut out = String::new();
    writeln!(
        out,
        "{name}: {} clusters, summaries cut to {} bytes, recall against every reference",
        clusters.len(),
        args.bytes
    )?;
    writeln!(out, "{:<15} {:>8} {:>8} {:>7}", "system", "ROUGE-1", "ROUGE-2", "bytes")?;
    for r in &reports {
        writeln!(
            out,
            "{:<15} {:>8.4} {:>8.4} {:>7.0}",
            r.system, r.rouge1_recall, r.rouge2_recall, r.mean_bytes
        )?;
    }
    writeln!(out, "daily briefings built at {:.1} clusters/s", reports[0].clusters_per_second)?;
    write_output(None, &out)?;
    if let Some(path) = &args.json {
        let json = serde_json::json!({
            "file": name,
            "clusters": clusters.len(),
            "bytes": args.bytes,
            "rouge": "rouge-score 0.1.2 compatible, use_stemmer=True, recall averaged over references",
            "systems": reports,
        });
        let mut s = serde_json::to_string_pretty(&json)?;
        s.push('\n');
        write_output(Some(path), &s)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
}

fn eval_html(dir: &Path, pages_out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let gt_path = dir.join("ground-truth.json");
    let gt: BTreeMap<String, Truth> = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("cannot read {}", gt_path.display()))?,
    )
    .with_context(|| format!("{} is not a ground-truth map", gt_path.display()))?;
    if gt.is_empty() {
        bail!("{} holds no pages", gt_path.display());
    }
    let mut scores: Vec<PageScore> = Vec::with_capacity(gt.len());
    let mut lines = Vec::new();
    let mut extract_secs = 0.0;
    let mut bytes = 0usize;
    let mut failures = 0;
    for (id, truth) in &gt {
        let page = read_page(dir, id)?;
        bytes += page.len();
        let t = Instant::now();
        let result = attache_parse::decode_html(&page, None).and_then(|h| attache_parse::read_html(&h, None));
        extract_secs += t.elapsed().as_secs_f64();
        let prediction = match &result {
            Ok(a) => a.body_text(),
            Err(e) => {
                failures += 1;
                eprintln!("attache eval html: {id}: {e}");
                String::new()
            }
        };
        let s = score_page(&truth.article_body, &prediction);
        lines.push(serde_json::json!({
            "id": id, "precision": s.precision(), "recall": s.recall(), "exact": s.exact,
            "error": result.as_ref().err().map(|e| e.to_string()),
        }));
        scores.push(s);
    }
    let c = corpus(&scores);
    let (sp, sr, sf, sa) = bootstrap(&scores, 1000, 0x5eed);
    println!("HTML extraction on {} pages ({:.1} MB of HTML)", c.pages, bytes as f64 / 1e6);
    println!("precision  {:.3} ± {:.3}", c.precision, sp);
    println!("recall     {:.3} ± {:.3}", c.recall, sr);
    println!("F1         {:.3} ± {:.3}", c.f1, sf);
    println!("accuracy   {:.3} ± {:.3}", c.accuracy, sa);
    println!("empty      {} (reader errors: {failures})", c.empty);
    println!(
        "speed      {:.1} pages/s on one thread (extraction only)",
        c.pages as f64 / extract_secs.max(1e-9)
    );
    if let Some(p) = pages_out {
        let mut w = std::io::BufWriter::new(crate::cmd::create_file(p)?);
        for l in lines {
            writeln!(w, "{l}")?;
        }
        w.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_page(dir: &Path, id: &str) -> anyhow::Result<Vec<u8>> {
    let gz = dir.join("pages").join(format!("{id}.html.gz"));
    let plain = dir.join("pages").join(format!("{id}.html"));
    let mut bytes = Vec::new();
    if gz.exists() {
        flate2::read::MultiGzDecoder::new(
            std::fs::File::open(&gz).with_context(|| format!("cannot read {}", gz.display()))?,
        )
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot decompress {}", gz.display()))?;
    } else {
        bytes = std::fs::read(&plain)
            .with_context(|| format!("cannot read {} (nor {})", plain.display(), gz.display()))?;
    }
    Ok(bytes)
}
